// An English user who works from the IDE: every message carries an `<ide_opened_file>` block, some an
// `<ide_selection>` pasted in front of the typed text, and the user speaks in short imperatives.
// `tabsum`, a zero-dependency Node.js CLI summing a CSV column, tested with `npm test` (node:test) and
// checked with `npm run lint` (scripts/lint.mjs: node --check on every file plus line length, whitespace
// and `var`). The CLI crashes with `TypeError: Cannot read properties of undefined (reading 'trim')` on
// the blank month separators of data/sales.csv; the passing re-run uses another command line. Lint
// fails on src/compat.js's `var`s and on an over-long line the agent's own fix brought in; deleting
// src/compat.js is tried and undone (the legacy cron entry point still imports it). The user's rule
// (no dependencies) comes inside a message with a selection; the negative-amount format test is left
// failing on the user's word. Thinking in about half the turns. Written as a held-out scenario: not
// tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const PRODUCTS = ['bolts', 'nuts', 'washers', 'hinges', 'brackets', 'rivets'];

function sales() {
  let seed = 4242;
  const rand = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const out = ['region,product,amount'];
  for (let month = 1; month <= 12; month++) {
    if (month > 1) out.push('');
    const rows = 100 + rand(20);
    for (let i = 0; i < rows; i++) {
      const cents = 150 + rand(900000);
      out.push(`${REGIONS[rand(5)]},${PRODUCTS[rand(6)]},${(cents / 100).toFixed(2)}`);
    }
  }
  return out.join('\n') + '\n';
}

const ARGS =
  'export function parseArgs(argv) {\n  const opts = { file: undefined, col: undefined, by: undefined };\n  for (let i = 0; i < argv.length; i++) {\n' +
  "    const a = argv[i];\n    if (a === '--col') opts.col = argv[++i];\n    else if (a === '--by') opts.by = argv[++i];\n" +
  "    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);\n    else opts.file = a;\n  }\n" +
  "  if (!opts.file || !opts.col) throw new Error('usage: tabsum FILE --col NAME [--by NAME]');\n  return opts;\n}\n";

const SUM =
  "export function sumColumn(text, col, { by } = {}) {\n  const lines = text.split('\\n');\n  const header = lines[0].split(',').map((h) => h.trim());\n" +
  '  const idx = header.indexOf(col);\n  if (idx < 0) throw new Error(`no column "${col}" (have: ${header.join(\', \')})`);\n' +
  '  const byIdx = by ? header.indexOf(by) : -1;\n  const groups = new Map();\n  let total = 0;\n  let rows = 0;\n' +
  "  for (const line of lines.slice(1)) {\n    const cells = line.split(',');\n    const value = Number(cells[idx].trim());\n    total += value;\n    rows++;\n" +
  '    if (byIdx >= 0) {\n      const key = cells[byIdx].trim();\n      groups.set(key, (groups.get(key) ?? 0) + value);\n    }\n  }\n  return { rows, total, groups };\n}\n';

const FORMAT =
  '// 1234.5 -> "1,234.50"\nexport function formatAmount(n) {\n' +
  "  const [int, frac] = Math.abs(n).toFixed(2).split('.');\n  const grouped = int.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');\n" +
  "  return `${n < 0 ? '-' : ''}${grouped}.${frac}`;\n}\n";

const COMPAT =
  "// Old API: sum(file, col) -> number.\nimport { readFileSync } from 'node:fs';\nimport { sumColumn } from './sum.js';\n\n" +
  "export function sum(file, col) {\n  var text = readFileSync(file, 'utf8');\n  var result = sumColumn(text, col);\n  return result.total;\n}\n";

const BIN =
  "#!/usr/bin/env node\nimport { readFileSync } from 'node:fs';\nimport { parseArgs } from '../src/args.js';\nimport { sumColumn } from '../src/sum.js';\n" +
  "import { formatAmount } from '../src/format.js';\n\nlet opts;\ntry {\n  opts = parseArgs(process.argv.slice(2));\n} catch (error) {\n  console.error(error.message);\n  process.exit(2);\n}\n" +
  "const { rows, total, groups } = sumColumn(readFileSync(opts.file, 'utf8'), opts.col, { by: opts.by });\n" +
  'console.log(`rows: ${rows}`);\nconsole.log(`total: ${formatAmount(total)}`);\n' +
  'for (const [key, value] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${key.padEnd(10)} ${formatAmount(value)}`);\n';

const LEGACY = "#!/usr/bin/env node\nimport { sum } from '../src/compat.js';\n\nconsole.log(sum(process.argv[2], process.argv[3]));\n";

const LINT =
  "// npm run lint: node --check on every file, plus two house rules (no trailing whitespace, lines up to 140, no var).\nimport { spawnSync } from 'node:child_process';\n" +
  "import { readdirSync, readFileSync, statSync } from 'node:fs';\nimport { join } from 'node:path';\n\nconst files = [];\n" +
  'const walk = (dir) => {\n  for (const name of readdirSync(dir).sort()) {\n    const path = join(dir, name);\n    if (statSync(path).isDirectory()) walk(path);\n' +
  '    else if (/\\.m?js$/.test(name)) files.push(path);\n  }\n};\n' +
  "['bin', 'src', 'test', 'scripts'].forEach(walk);\nlet problems = 0;\nfor (const file of files) {\n" +
  "  const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });\n" +
  '  if (check.status !== 0) {\n    problems++;\n    console.log(`${file}: syntax error\\n${check.stderr.trim()}`);\n  }\n' +
  "  readFileSync(file, 'utf8').split('\\n').forEach((line, i) => {\n" +
  '    if (/[ \\t]+$/.test(line)) {\n      problems++;\n      console.log(`${file}:${i + 1}: trailing whitespace`);\n    }\n' +
  '    if (line.length > 140) {\n      problems++;\n      console.log(`${file}:${i + 1}: line longer than 140 characters`);\n    }\n' +
  '    if (/^\\s*var\\s/.test(line)) {\n      problems++;\n      console.log(`${file}:${i + 1}: use let/const, not var`);\n    }\n  });\n}\n' +
  'console.log(`lint: ${problems} problem(s) in ${files.length} files`);\nprocess.exit(problems ? 1 : 0);\n';

const T_SUM =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sumColumn } from '../src/sum.js';\n\n" +
  "const CSV = 'region,amount\\nnorth,10.50\\nsouth,4.25\\nnorth,1.25\\n';\n\n" +
  "test('sums a column', () => {\n  assert.equal(sumColumn(CSV, 'amount').total, 16);\n});\n\n" +
  "test('counts rows', () => {\n  assert.equal(sumColumn(CSV, 'amount').rows, 3);\n});\n\n" +
  "test('groups by a column', () => {\n  assert.deepEqual([...sumColumn(CSV, 'amount', { by: 'region' }).groups], [['north', 11.75], ['south', 4.25]]);\n});\n\n" +
  "test('unknown column', () => {\n  assert.throws(() => sumColumn(CSV, 'price'), /no column \"price\"/);\n});\n";

const T_FORMAT =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { formatAmount } from '../src/format.js';\n\n" +
  "test('formats thousands', () => {\n  assert.equal(formatAmount(1234567.5), '1,234,567.50');\n});\n\n" +
  "test('formats small amounts', () => {\n  assert.equal(formatAmount(7), '7.00');\n});\n\n" +
  "test('formats negative amounts in parentheses', () => {\n  assert.equal(formatAmount(-1234.5), '(1,234.50)');\n});\n";

const T_ARGS =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { parseArgs } from '../src/args.js';\n\n" +
  "test('file and column', () => {\n  assert.deepEqual(parseArgs(['a.csv', '--col', 'amount']), { file: 'a.csv', col: 'amount', by: undefined });\n});\n\n" +
  "test('options before the file', () => {\n  assert.equal(parseArgs(['--col', 'amount', '--by', 'region', 'a.csv']).by, 'region');\n});\n\n" +
  "test('unknown option', () => {\n  assert.throws(() => parseArgs(['a.csv', '--col', 'x', '--sum']), /unknown option --sum/);\n});\n";

const T_COMPAT =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from '../src/compat.js';\n\n" +
  "test('legacy sum(file, col)', () => {\n  assert.equal(sum(new URL('./tiny.csv', import.meta.url), 'amount'), 3.5);\n});\n";

export const scenario = {
  name: 'node-tabsum-ide-imperative',
  about:
    'held out: English IDE user (ide_opened_file on every message, ide_selection on some), short imperatives, zero-dependency Node CLI with npm test (node:test) and a hand-written npm run lint, TypeError on blank CSV lines fixed and re-run another way, lint fixed, src/compat.js deleted and restored, no-deps rule inside a selection message, negative-format test left failing',
  requires: ['node', 'npm', 'git'],
  env: { NO_COLOR: '1' },
  files: {
    'package.json':
      JSON.stringify(
        { name: 'tabsum', version: '0.3.0', type: 'module', bin: { tabsum: 'bin/tabsum.js' }, scripts: { test: 'node --test', lint: 'node scripts/lint.mjs' } },
        null,
        2,
      ) + '\n',
    'README.md':
      '# tabsum\n\nSum a CSV column.\n\n    node bin/tabsum.js data/sales.csv --col amount [--by region]\n\n' +
      'The warehouse nightly cron still runs `bin/tabsum-legacy.js FILE COLUMN` (old API, src/compat.js).\n',
    'bin/tabsum.js': BIN,
    'bin/tabsum-legacy.js': LEGACY,
    'src/args.js': ARGS,
    'src/sum.js': SUM,
    'src/format.js': FORMAT,
    'src/compat.js': COMPAT,
    'scripts/lint.mjs': LINT,
    'test/sum.test.js': T_SUM,
    'test/format.test.js': T_FORMAT,
    'test/args.test.js': T_ARGS,
    'test/compat.test.js': T_COMPAT,
    'test/tiny.csv': 'region,amount\nnorth,1.5\nsouth,2\n',
    'data/sales.csv': sales(),
  },
  build(k, { edit, abs }) {
    const crashReq = k.request('fix the crash on data/sales.csv');
    k.error("TypeError: Cannot read properties of undefined (reading 'trim')", 'resolved');
    const blank = k.decision(
      'skip empty lines and throw on a short row with its line number',
      'the blank lines are month separators from the export, but a short row means a broken export that should not be summed silently',
      'treat missing cells as 0',
    );
    k.file('src/sum.js');
    k.number('1309');
    k.number('5,791,376.61');
    k.error('✖ formats negative amounts in parentheses', 'unresolved');
    const lintReq = k.request('make npm run lint pass');
    const deps = k.constraint('no new dependencies in package.json');
    k.error('src/compat.js:6: use let/const, not var', 'resolved');
    k.error('src/sum.js:13: line longer than 140 characters', 'resolved');
    const del = k.rejected('git rm -q src/compat.js', 'bin/tabsum-legacy.js still imports it and the nightly cron runs that file');
    k.error("Cannot find module '" + abs('src/compat.js') + "'");
    const consts = k.decision(
      'rewrite the two var lines as const',
      'excluding the file would also take it out of the node --check pass',
      'exclude src/compat.js from the lint walk',
    );
    k.file('src/compat.js');
    const leave = k.constraint("don't change the expected strings in test/format.test.js");
    const jsonReq = k.request('add --json');
    k.file('src/args.js', 'bin/tabsum.js');
    k.number('1163149.07');
    const readmeReq = k.request('document --json in the README');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('npm test', 'failing');
    k.check('npm run lint', 'passing');
    k.not('constraints', jsonReq, 'a request is not a standing rule');
    k.not('decisions', del.what, 'tried and undone: a rejected approach');
    k.not('rejected', blank.choice, 'the kept fix is no dead end');
    k.not('requests', 'This may or may not be related to the current task', 'the IDE wrapper is not what the user typed');

    const sel = (rel, from, to, text) =>
      `<ide_selection>The user selected the lines ${from} to ${to} from ${abs(rel)}:\n${text}\n\nThis may or may not be related to the current task.</ide_selection>\n`;
    const rm = 'git rm -q src/compat.js && npm test 2>&1 | head -n 14';

    return [
      {
        user: { ide: 'bin/tabsum.js', text: `${crashReq}. node bin/tabsum.js data/sales.csv --col amount` },
        model: [
          [think('Reproduce with the exact command first.'), bash('node bin/tabsum.js data/sales.csv --col amount 2>&1 | head -n 12', 'Reproduce')],
          [bash("grep -n -c '^$' data/sales.csv; sed -n '1,3p' data/sales.csv", 'Look for blank lines')],
          [
            think(
              `cells[idx] is undefined on the blank month separators. Options: ${blank.alternative}, or ${blank.choice}. ` +
                `Going with the second: ${blank.reason}.`,
            ),
            edit(
              'src/sum.js',
              "  for (const line of lines.slice(1)) {\n    const cells = line.split(',');\n",
              "  for (const [i, line] of lines.slice(1).entries()) {\n    if (!line.trim()) continue;\n    const cells = line.split(',');\n" +
                '    if (cells.length < header.length) throw new Error(`line ${i + 2}: expected ${header.length} cells, got ${cells.length}: ${JSON.stringify(line)}`);\n',
            ),
          ],
          [bash('node bin/tabsum.js --by region --col amount data/sales.csv', 'Run again with --by')],
          [bash('npm test 2>&1 | tail -n 30', 'Run the tests')],
          [
            say(
              'Fixed: `sumColumn` now skips the blank month separators and throws `line N: expected 3 cells, got M` on a short row instead of crashing.\n\n' +
                '`npm test`: one failure, `formats negative amounts in parentheses` (expects `(1,234.50)`, gets `-1,234.50`). That one was failing before my change.',
            ),
          ],
        ],
      },
      {
        user: {
          ide: 'package.json',
          text:
            sel('package.json', 8, 11, '  "scripts": {\n    "test": "node --test",\n    "lint": "node scripts/lint.mjs"\n  }') +
            `${lintReq}, CI runs it now. ${deps}, this gets copied as-is to the warehouse box`,
        },
        model: [
          [think('Run lint to see the list.'), bash('npm run lint 2>&1 | tail -n 8', 'Run lint')],
          [
            think('The long line is mine, from the sum.js edit. compat.js looks like an old shim that nothing in src uses; drop it.'),
            edit(
              'src/sum.js',
              '    if (cells.length < header.length) throw new Error(`line ${i + 2}: expected ${header.length} cells, got ${cells.length}: ${JSON.stringify(line)}`);\n',
              '    if (cells.length < header.length) {\n      throw new Error(`line ${i + 2}: expected ${header.length} cells, got ${cells.length}: ${JSON.stringify(line)}`);\n    }\n',
            ),
          ],
          [bash(rm, 'Delete compat.js and test')],
          [bash('grep -rn "compat" bin test README.md', 'Who uses compat.js')],
          [
            think(`Not dead. Restore it. For the var lines: ${consts.alternative}, or ${consts.choice}. The second, since ${consts.reason}.`),
            say(`Putting src/compat.js back: ${del.why}.`),
            bash('git checkout HEAD -- src/compat.js && git status --short', 'Restore compat.js'),
          ],
          [
            edit(
              'src/compat.js',
              "  var text = readFileSync(file, 'utf8');\n  var result = sumColumn(text, col);\n",
              "  const text = readFileSync(file, 'utf8');\n  const result = sumColumn(text, col);\n",
            ),
          ],
          [bash('npm run lint 2>&1 | tail -n 3', 'Run lint')],
          [bash('npm test 2>&1 | grep -E "^(✖|ℹ (tests|pass|fail))"', 'Run the tests')],
          [say('Lint is clean. No dependencies touched. `npm test` still has the one negative-format failure.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'tabsum: crash on blank CSV lines fixed, lint clean, one format test still failing.',
          intent: 'Fix the tabsum crash, make lint pass; no dependencies.',
          concepts: ['node:test', 'hand-written lint script', 'CSV parsing'],
          files: ['src/sum.js: skip blank lines, short rows throw', 'src/compat.js: var -> const'],
          errors: ['Crash on blank separator lines; fixed', 'Lint problems; fixed'],
          solving: 'compat.js briefly deleted, then restored: the legacy script needs it.',
          messages: ['Fix the crash', 'Make lint pass; no new dependencies'],
          pending: ['negative amounts format test'],
          current: 'Lint clean.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: {
          ide: 'test/format.test.js',
          text:
            sel(
              'test/format.test.js',
              13,
              15,
              "test('formats negative amounts in parentheses', () => {\n  assert.equal(formatAmount(-1234.5), '(1,234.50)');\n});",
            ) + `leave this one red, finance hasn't picked a style. ${leave}. ${jsonReq}: rows, total, groups`,
        },
        model: [
          [
            edit(
              'src/args.js',
              "    else if (a === '--by') opts.by = argv[++i];\n",
              "    else if (a === '--by') opts.by = argv[++i];\n    else if (a === '--json') opts.json = true;\n",
            ),
          ],
          [
            edit(
              'bin/tabsum.js',
              "const { rows, total, groups } = sumColumn(readFileSync(opts.file, 'utf8'), opts.col, { by: opts.by });\n",
              "const { rows, total, groups } = sumColumn(readFileSync(opts.file, 'utf8'), opts.col, { by: opts.by });\nconst cents = (n) => Math.round(n * 100) / 100;\n" +
                'if (opts.json) {\n  const byKey = Object.fromEntries([...groups].map(([key, value]) => [key, cents(value)]));\n' +
                '  console.log(JSON.stringify({ rows, total: cents(total), groups: byKey }));\n  process.exit(0);\n}\n',
            ),
          ],
          [bash('node bin/tabsum.js data/sales.csv --col amount --by region --json', 'Run with --json')],
          [bash('npm test 2>&1 | tail -n 12', 'Run the tests')],
          [
            say(
              '`--json` prints `{"rows":…,"total":…,"groups":{…}}`, amounts rounded to cents.\n\n' +
                '`npm test` fails only on the negative-format test, which I left alone; `args.test.js` had a deepEqual on the parsed options and still passes since `json` is only set when given.',
            ),
          ],
        ],
      },
      {
        user: { ide: 'README.md', text: `${readmeReq}` },
        model: [
          [
            edit(
              'README.md',
              '    node bin/tabsum.js data/sales.csv --col amount [--by region]\n',
              '    node bin/tabsum.js data/sales.csv --col amount [--by region] [--json]\n\n`--json` prints one line: `{"rows":N,"total":X,"groups":{…}}` (amounts rounded to cents).\n',
            ),
          ],
          [say('README documents `--json`.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'tabsum: crash fixed, lint clean, --json added and documented; the negative-format test left failing on purpose.',
          intent: 'Fix the crash, lint, add --json, document it. No dependencies; do not change the format test expectations.',
          concepts: ['node:test', 'JSON output'],
          files: ['src/args.js, bin/tabsum.js: --json', 'README.md'],
          errors: ['negative-format test still fails (left on purpose)'],
          solving: 'Amounts rounded to cents in JSON.',
          messages: ['Leave the format test red; add --json', 'Document --json'],
          pending: ['negative-format test (waiting on finance)'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
