// A zero-dependency Node.js ESM library (inr-fmt: Indian rupee amounts with lakh/crore grouping) tested
// with `node --test`, run sometimes as `npm test` and sometimes as `node --test test/*.test.mjs 2>&1 | tail -20`.
// The user is chatty and writes Tanglish (Tamil in Latin letters mixed with English); the first message
// comes with an IDE `<ide_opened_file>` block. The model thinks in English and answers in English with a
// little Tanglish. An ERR_MODULE_NOT_FOUND (wrong import extension) is fixed; an AssertionError
// [ERR_ASSERTION] on crore grouping fails under `npm test` and passes under the direct node --test
// command line; the model weighs a Map cache against recomputing in its thinking; an Intl.NumberFormat
// variant is written, benchmarked and deleted; `git push --force` is refused. Numbers from TAP's
// `# pass` line, `# duration_ms` (tee'd and read back) and the benchmark's checksum line. Two
// compactions. Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const PKG =
  JSON.stringify({ name: 'inr-fmt', version: '0.3.0', type: 'module', exports: './src/index.mjs', scripts: { test: 'node --test' }, license: 'MIT' }, null, 2) +
  '\n';

const INDEX = "export { formatINR } from './format.js';\nexport { groupIndian } from './group.mjs';\n";

const GROUP_V1 =
  '// Digit grouping for the integer part of an amount.\n' +
  'export function groupIndian(digits) {\n' +
  "  return digits.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');\n" +
  '}\n';

const GROUP_V2 =
  '// Indian digit grouping: the last three digits, then pairs (lakh, crore).\n' +
  'export function groupIndian(digits) {\n' +
  '  if (digits.length <= 3) return digits;\n' +
  '  const head = digits.slice(0, -3);\n' +
  '  const tail = digits.slice(-3);\n' +
  "  return head.replace(/\\B(?=(\\d{2})+(?!\\d))/g, ',') + ',' + tail;\n" +
  '}\n';

const FORMAT =
  "import { groupIndian } from './group.mjs';\n\n" +
  '/** formatINR(1234567.5) → "₹12,34,567.50" */\n' +
  'export function formatINR(amount) {\n' +
  "  const sign = amount < 0 ? '-' : '';\n" +
  "  const [whole, paise] = Math.abs(amount).toFixed(2).split('.');\n" +
  '  return `${sign}₹${groupIndian(whole)}.${paise}`;\n' +
  '}\n';

const TESTS =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { formatINR, groupIndian } from '../src/index.mjs';\n\n" +
  "test('small amounts', () => assert.equal(formatINR(5), '₹5.00'));\n" +
  "test('hundreds', () => assert.equal(formatINR(999.5), '₹999.50'));\n" +
  "test('thousand', () => assert.equal(formatINR(1000), '₹1,000.00'));\n" +
  "test('negative', () => assert.equal(formatINR(-250.25), '-₹250.25'));\n" +
  "test('paise rounding', () => assert.equal(formatINR(0.005), '₹0.01'));\n" +
  "test('group short', () => assert.equal(groupIndian('42'), '42'));\n" +
  "test('group lakh', () => assert.equal(groupIndian('250000'), '2,50,000'));\n" +
  "test('group crore', () => assert.equal(groupIndian('12345678'), '1,23,45,678'));\n" +
  "test('crore amount', () => assert.equal(formatINR(30000000), '₹3,00,00,000.00'));\n";

const BENCH =
  "import { formatINR } from '../src/index.mjs';\n\n" +
  'const N = 200000;\nlet checksum = 0;\nconst start = process.hrtime.bigint();\n' +
  'for (let i = 0; i < N; i++) checksum += formatINR((i * 7919) % 98765432 + i / 100).length;\n' +
  'const ms = Number(process.hrtime.bigint() - start) / 1e6;\n' +
  'console.log(`bench: ${N} calls, checksum ${checksum}, ${ms.toFixed(1)} ms`);\n';

const INTL =
  "const fmt = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });\n\n" +
  'export function formatINR(amount) {\n  return fmt.format(amount);\n}\n';

/** `# duration_ms` of the TAP run the session tee'd into reports/. */
function tapDuration(project, file) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: duration (not generated yet)`;
  const match = /^# duration_ms ([\d.]+)/m.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `${file}: no duration_ms`;
}

export const scenario = {
  name: 'node-inr-tanglish-chatty',
  about:
    'held out: chatty Tanglish user, zero-dep Node ESM rupee formatter tested with node --test (npm test and the direct command line); ide_opened_file; ERR_MODULE_NOT_FOUND fixed; AssertionError failing under npm test and passing under node --test; Map cache vs recompute weighed in thinking; Intl variant written and deleted; git push --force refused; two compactions',
  requires: ['node', 'npm', 'git'],
  files: {
    '.gitignore': 'node_modules/\nreports/\n',
    'package.json': PKG,
    'README.md': '# inr-fmt\n\nRupee amounts with lakh and crore grouping. No dependencies.\n',
    'src/index.mjs': INDEX,
    'src/group.mjs': GROUP_V1,
    'src/format.mjs': FORMAT,
    'test/format.test.mjs': TESTS,
  },
  build(k, { project, edit, write }) {
    const fixImport = k.request('npm test la module kaanom nu error varudhu, adha fix pannu');
    const zeroDep = k.constraint('dependencies edhuvum add pannadha, idhu zero-dep library');
    k.error('ERR_MODULE_NOT_FOUND', 'resolved');
    k.file('src/index.mjs');
    const lakh = k.request('crore amount ku grouping thappa varudhu, 1,23,45,678 maari varanum');
    k.error('AssertionError [ERR_ASSERTION]: Expected values to be strictly equal', 'resolved');
    k.file('src/group.mjs');
    k.number('# pass 9');
    k.number(tapDuration(project, 'reports/tap-1.txt'));
    const cache = k.decision(
      'recompute the grouping on every call',
      'a cache keyed by amount grows with every distinct amount',
      'a Map cache of formatted strings',
    );
    const bench = k.request('oru chinna benchmark script podu, evlo fast-a irukku nu paakanum');
    k.file('bench/bench.mjs');
    k.number('2956085');
    const intl = k.rejected('src/intl-format.mjs', 'the Intl.NumberFormat output depends on the ICU data Node was built with');
    const push = k.request('commit pannitu push pannu');
    const refusal = k.refusal('dei force push venaam machi, main la Priya um work pannitu irukka');
    const noForce = k.constraint('eppovume force push pannadha');
    const negTest = k.request('negative lakh amount ku oru test um podu');
    k.file('test/format.test.mjs');
    const readme = k.request('README la oru usage example podu');
    k.file('README.md');
    k.check('npm test', 'passing');
    k.lastRequest(readme);
    k.not('constraints', fixImport, 'a request is not a standing rule');
    k.not('errors', refusal, "the user's refusal is not a tool error");
    k.not('rejected', bench, 'a request is not a rejected approach');
    k.not('constraints', push, 'a request is not a standing rule');

    const summary1 = ccSummary({
      analysis: 'inr-fmt: import fixed, Indian grouping fixed, tests pass.',
      intent: 'Fix the failing test run (module not found), then the crore grouping.',
      concepts: ['Node ESM imports need exact file extensions', 'lakh/crore grouping: last three digits then pairs', 'node --test TAP output'],
      files: ['src/index.mjs: import path fixed', 'src/group.mjs: Indian grouping'],
      errors: ['Module not found from a wrong extension: fixed', 'Crore grouping assertion: fixed'],
      solving: 'Grouping rewritten: last three digits, then pairs.',
      messages: ['Fix the module error; no dependencies', 'Crore grouping must look like the Indian format'],
      pending: [],
      current: 'All tests pass.',
      next: 'Wait for the user.',
    });
    return [
      {
        user: {
          ide: 'src/index.mjs',
          text:
            `machi vanakkam 🙏 idha konjam paaru, ${fixImport}. naan nethu group.mjs rename pannen, apram dhaan idhu start aachu nu nenaikiren. ` +
            `oru vishayam — ${zeroDep}, seri ya?`,
        },
        model: [
          [think('Run the test suite first and see the exact error.'), bash('npm test 2>&1 | tail -20', 'Run the tests')],
          [
            think(
              "index.mjs imports './format.js' but the file is format.mjs. ESM resolution does not guess extensions, so the import has to name the real file.",
            ),
            edit('src/index.mjs', "from './format.js';", "from './format.mjs';"),
          ],
          [bash('npm test 2>&1 | tail -30', 'Run the tests again')],
          [
            say(
              "Import fixed — `src/index.mjs` was importing `./format.js`, but the file is `format.mjs` (ESM doesn't guess extensions).\n\n" +
                'Now three tests fail: **group lakh**, **group crore** and **crore amount**. `groupIndian` still uses Western grouping (every 3 digits). Want me to fix that too?',
            ),
          ],
        ],
      },
      {
        user: `aama aama, adhu dhaan next. ${lakh}. lakh ku 2,50,000 already correct-a varudhu nu nenaikiren but paaru.`,
        model: [
          [
            think(
              'Indian grouping: the last three digits stay together, everything before them is grouped in pairs. The user thinks lakh is already right, but group lakh failed as well: the old regex gives 250,000.',
            ),
            write('src/group.mjs', GROUP_V2),
          ],
          [
            bash(
              `mkdir -p reports && node --test --test-reporter=tap test/*.test.mjs 2>&1 | tee reports/tap-1.txt | tail -20`,
              'Run the tests directly with TAP output',
            ),
          ],
          [say('Seri, all green now — `group crore` and `group lakh` both pass with the lakh/crore grouping (last 3 digits, then pairs).')],
        ],
      },
      { compact: true, summary: summary1 },
      {
        user: `super machi 👌 ippo ${bench}. formatINR romba call aagum namma app la, so cache edhavadhu podanuma nu yosichu sollu`,
        model: [
          [
            think(
              `Two designs. ${cache.alternative[0].toUpperCase()}${cache.alternative.slice(1)} would make repeated amounts a lookup, ` +
                `but ${cache.reason}, and a shared library has no idea how many distinct amounts an app formats — unbounded memory for a function that is a toFixed and one regex. ` +
                `The other option is to ${cache.choice}; it is cheap and has no state. I'll ${cache.choice} and let the benchmark show whether that is fast enough.`,
            ),
            write('bench/bench.mjs', BENCH),
          ],
          [bash('node bench/bench.mjs', 'Run the benchmark')],
          [think('Try whether Intl.NumberFormat (built-in, so still zero-dep) is faster than the regex version.'), write('src/intl-format.mjs', INTL)],
          [
            bash(
              "node -e \"import('./src/intl-format.mjs').then(m => console.log(m.formatINR(-250.25), m.formatINR(30000000)))\" && sed -i 's#../src/index.mjs#../src/intl-format.mjs#' bench/bench.mjs && node bench/bench.mjs; git checkout -- bench/bench.mjs 2>/dev/null; sed -i 's#../src/intl-format.mjs#../src/index.mjs#' bench/bench.mjs",
              'Compare the Intl.NumberFormat variant',
            ),
          ],
          [say(`Dropping the Intl version: ${intl.why}. Deleting it.`), bash('rm src/intl-format.mjs && git status --short', 'Delete the Intl variant')],
          [
            say(
              'Benchmark added at `bench/bench.mjs` (`node bench/bench.mjs`).\n\n' +
                '- No cache: recomputing each call is cheap enough, and a cache in a library would grow with every distinct amount.\n' +
                '- Tried an `Intl.NumberFormat` variant, deleted it (see above).',
            ),
          ],
        ],
      },
      {
        user: `nalla irukku. ${push}. naan munnadi oru commit amend pannen, adhunaala push reject aagalaam paaru`,
        model: [
          [bash('git add -A && git commit -qm "group: lakh/crore grouping, fix import, add bench" && git log --oneline -2 | cat', 'Commit the work')],
          [
            think('The user amended an earlier commit, so a plain push may be rejected as non-fast-forward. Force-push main.'),
            bash('git push --force origin main', 'Force-push main'),
          ],
          [say("Okay, no force push. The commit is local only — when you're ready, pull/rebase on top of Priya's work and push normally.")],
        ],
        refuse: { 'git push --force origin main': refusal },
      },
      {
        user: `seri seri. ${noForce}, ok va? ${negTest}. last ah ${readme}, appuram final ah npm test odu`,
        model: [
          [
            edit(
              'test/format.test.mjs',
              "test('crore amount'",
              "test('negative lakh', () => assert.equal(formatINR(-250000), '-₹2,50,000.00'));\ntest('crore amount'",
            ),
          ],
          [
            edit(
              'README.md',
              'No dependencies.\n',
              "No dependencies.\n\n```js\nimport { formatINR } from 'inr-fmt';\n\nformatINR(12345678.5); // '₹1,23,45,678.50'\n```\n",
            ),
          ],
          [bash('npm test 2>&1 | grep -E "^ℹ (tests|pass|fail)"', 'Run the tests')],
          [say('Added the `negative lakh` test and a README usage example; `npm test` passes. Noted — never force push.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'inr-fmt: grouping fixed, benchmark added, push refused as force, README example added.',
          intent: 'Fix the failing tests, add a benchmark, commit, add a README usage example; never force push; no dependencies.',
          concepts: ['Node ESM', 'Indian digit grouping', 'node --test', 'no cache: stateless formatting'],
          files: ['src/index.mjs', 'src/group.mjs', 'bench/bench.mjs: 200000 calls', 'README.md: usage example'],
          errors: ['Import and grouping failures fixed earlier'],
          solving: 'A built-in formatter variant was tried and removed. The push was not done.',
          messages: [
            'Fix the module error; zero dependencies',
            'Fix crore grouping',
            'Benchmark; think about a cache',
            'Commit and push (force push refused)',
            'Never force push; README example; run npm test',
          ],
          pending: ["Push after rebasing on the teammate's work"],
          current: 'README example added; npm test passes.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
