// A terse English user who pastes a GitHub Actions log (70 lines, copied from the web UI) of a failing
// npm build: an ESM package (@acme/dur, parse/format short durations) whose src/index.js imports
// './Parse.js' while the file is src/parse.js (fine on the user's Mac, not on the Linux runner). Once
// the build passes locally, the node --test suite shows a test that was hidden behind it. The model
// writes no thinking at all, only short texts that carry its choices. A shared JUnit reporter found in
// tools/ is installed with npm and uninstalled again (CommonJS, and node --test has one built in); the
// built-in one first trips on a missing --test-reporter-destination. Appending a step to the workflow
// is refused with a one-line reason. The user drops two standing rules in passing, mid-session
// ("keep it ESM only btw", "don't bump the version btw"). `npm pack --dry-run` before and after a
// "files" allowlist gives the sizes. One /compact, at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const PACKAGE =
  JSON.stringify(
    {
      name: '@acme/dur',
      version: '0.4.0',
      description: 'Parse and format short durations (1h30m, 90s).',
      type: 'module',
      exports: './src/index.js',
      scripts: { build: 'node scripts/build.mjs', test: 'node --test' },
      engines: { node: '>=20' },
      license: 'MIT',
    },
    null,
    2,
  ) + '\n';

const LOCK =
  JSON.stringify(
    {
      name: '@acme/dur',
      version: '0.4.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: '@acme/dur', version: '0.4.0', license: 'MIT', engines: { node: '>=20' } } },
    },
    null,
    2,
  ) + '\n';

const INDEX = "export { parse } from './Parse.js';\nexport { format } from './format.js';\nexport { UNITS } from './units.js';\n";

const UNITS =
  '// Milliseconds per unit, largest first (format() walks them in this order).\nexport const UNITS = [\n' +
  "  ['d', 86_400_000],\n  ['h', 3_600_000],\n  ['m', 60_000],\n  ['s', 1_000],\n  ['ms', 1],\n];\n";

const PARSE = `import { UNITS } from './units.js';

const PART = /(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)/gy;

/** parse('1h30m') -> 5400000; a leading '-' negates; throws on anything else. */
export function parse(text) {
  const input = String(text).trim();
  const sign = input.startsWith('-') ? -1 : 1;
  const body = sign < 0 ? input.slice(1) : input;
  if (!body) throw new SyntaxError(\`dur: empty duration: \${JSON.stringify(text)}\`);
  PART.lastIndex = 0;
  let total = 0;
  let match;
  while ((match = PART.exec(body))) {
    total += Number(match[1]) * UNITS.find(([name]) => name === match[2])[1];
    if (PART.lastIndex === body.length) return sign * total;
  }
  throw new SyntaxError(\`dur: cannot parse \${JSON.stringify(text)}\`);
}
`;

const FORMAT_LOOP_OLD = '  const parts = [];\n  let rest = Math.round(ms);\n';
const FORMAT_LOOP_NEW = "  const sign = ms < 0 ? '-' : '';\n  const parts = [];\n  let rest = Math.abs(Math.round(ms));\n";
const FORMAT_RETURN_OLD = "  return parts.length ? parts.join(' ') : '0s';\n";
const FORMAT_RETURN_NEW = "  return parts.length ? sign + parts.join(' ') : '0s';\n";
const FORMAT = `import { UNITS } from './units.js';

/** format(5400000) -> '1h 30m'; the largest units first, zero units left out; 0 -> '0s'. */
export function format(ms) {
  if (!Number.isFinite(ms)) throw new RangeError(\`dur: not a finite number: \${ms}\`);
${FORMAT_LOOP_OLD}  for (const [name, size] of UNITS) {
    const n = Math.trunc(rest / size);
    if (n !== 0) parts.push(\`\${n}\${name}\`);
    rest %= size;
  }
${FORMAT_RETURN_OLD}}
`;

const PARSE_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../src/index.js';

test('parses single units', () => {
  assert.equal(parse('90s'), 90_000);
  assert.equal(parse('2h'), 7_200_000);
  assert.equal(parse('250ms'), 250);
});

test('parses combined units', () => {
  assert.equal(parse('1h30m'), 5_400_000);
  assert.equal(parse('1d2h3m4s5ms'), 93_784_005);
});

test('parses fractions and negatives', () => {
  assert.equal(parse('1.5h'), 5_400_000);
  assert.equal(parse('-90s'), -90_000);
});

test('rejects garbage', () => {
  assert.throws(() => parse(''), SyntaxError);
  assert.throws(() => parse('1x'), SyntaxError);
  assert.throws(() => parse('h1'), SyntaxError);
});
`;

const FORMAT_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format, parse } from '../src/index.js';

test('formats largest units first', () => {
  assert.equal(format(5_400_000), '1h 30m');
  assert.equal(format(93_784_005), '1d 2h 3m 4s 5ms');
});

test('formats zero', () => {
  assert.equal(format(0), '0s');
});

test('formats negative durations', () => {
  assert.equal(format(-90_000), '-1m 30s');
  assert.equal(format(-5_400_000), '-1h 30m');
});

test('round-trips through parse', () => {
  for (const text of ['1h 30m', '2d 4h', '45s', '1m 250ms']) {
    assert.equal(format(parse(text.replaceAll(' ', ''))), text);
  }
});
`;

const BUILD = `// npm run build: loads the public entry the way a consumer would and writes dist/api.json (the export
// names), which the release job diffs against the last published version.
import { mkdir, writeFile } from 'node:fs/promises';

const api = await import('../src/index.js');
const names = Object.keys(api).sort();

await mkdir('dist', { recursive: true });
await writeFile('dist/api.json', JSON.stringify(names, null, 2) + '\\n');
console.log(\`dist/api.json: \${names.length} exports (\${names.join(', ')})\`);
`;

const REPORTER_PACKAGE =
  JSON.stringify(
    {
      name: '@acme/node-test-junit',
      version: '1.2.0',
      description: 'JUnit XML reporter for node --test (shared by the acme repos)',
      main: 'index.js',
      license: 'UNLICENSED',
    },
    null,
    2,
  ) + '\n';

const REPORTER = `'use strict';
// JUnit XML for node --test: node --test --test-reporter=@acme/node-test-junit --test-reporter-destination=junit.xml
const escape = (s) => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);

module.exports = async function* junit(source) {
  const cases = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details && event.data.details.type === 'suite') continue;
    if (!event.data.file || event.data.name === event.data.file) continue;
    cases.push({
      name: event.data.name,
      file: event.data.file,
      seconds: (event.data.details.duration_ms / 1000).toFixed(3),
      error: event.type === 'test:fail' ? String(event.data.details.error && event.data.details.error.message) : null,
    });
  }
  const failures = cases.filter((c) => c.error).length;
  yield '<?xml version="1.0" encoding="UTF-8"?>\\n';
  yield \`<testsuite name="node --test" tests="\${cases.length}" failures="\${failures}">\\n\`;
  for (const c of cases) {
    const open = \`  <testcase classname="\${escape(c.file)}" name="\${escape(c.name)}" time="\${c.seconds}"\`;
    yield c.error ? \`\${open}>\\n    <failure message="\${escape(c.error)}"/>\\n  </testcase>\\n\` : \`\${open}/>\\n\`;
  }
  yield '</testsuite>\\n';
};
`;

const WORKFLOW =
  'name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n' +
  '      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20.x\n          cache: npm\n' +
  '      - run: npm ci\n      - run: npm run build\n      - run: npm test\n';

const README =
  '# @acme/dur\n\nParse and format short durations.\n\n```js\nimport { parse, format } from "@acme/dur";\nparse("1h30m"); // 5400000\n' +
  'format(5400000); // "1h 30m"\n```\n\n## Development\n\n    npm ci\n    npm run build\n    npm test\n';

// The build job's log as the user copies it out of the Actions web UI.
const CI_LOG = `Current runner version: '2.321.0'
Operating System
  Ubuntu
  24.04.1
  LTS
Runner Image
  Image: ubuntu-24.04
  Version: 20250105.1.1
Run actions/checkout@v4
  with:
    repository: acme/dur
    token: ***
    ssh-strict: true
    ssh-user: git
    persist-credentials: true
    clean: true
    sparse-checkout-cone-mode: true
    fetch-depth: 1
    fetch-tags: false
    show-progress: true
    lfs: false
    submodules: false
    set-safe-directory: true
Syncing repository: acme/dur
Getting Git version info
  Working directory is '/home/runner/work/dur/dur'
  /usr/bin/git version
  git version 2.47.1
Temporarily overriding HOME='/home/runner/work/_temp/3b1f0c7e-5a2d-4e8b-9f61-0d2c7a4e81b5' before making global git config changes
Adding repository directory to the temporary git global config as a safe directory
/usr/bin/git config --global --add safe.directory /home/runner/work/dur/dur
Deleting the contents of '/home/runner/work/dur/dur'
Initializing the repository
Disabling automatic garbage collection
Setting up auth
Fetching the repository
Determining the checkout info
Checking out the ref
  /usr/bin/git checkout --progress --force -B main refs/remotes/origin/main
  Switched to a new branch 'main'
  branch 'main' set up to track 'origin/main'.
/usr/bin/git log -1 --format=%H
4be1d2a9c07e5f3a8d61b2c0e9f7a3d5b8c1e604
Run actions/setup-node@v4
  with:
    node-version: 20.x
    cache: npm
    always-auth: false
    check-latest: false
    token: ***
Found in cache @ /opt/hostedtoolcache/node/20.18.1/x64
Environment details
  node: v20.18.1
  npm: 10.8.2
  yarn: 1.22.22
/opt/hostedtoolcache/node/20.18.1/x64/bin/npm config get cache
/home/runner/.npm
Cache hit for: node-cache-Linux-x64-npm-9c2e61d7a04b3f85e1c6d0a2b7f4e3918d5c6a0b2e7f1d4c3b8a9e0f6d2c1b7a
Received 0 of 0 (100.0%), 0.0 MBs/sec
Cache restored from key: node-cache-Linux-x64-npm-9c2e61d7a04b3f85e1c6d0a2b7f4e3918d5c6a0b2e7f1d4c3b8a9e0f6d2c1b7a
Run npm ci

up to date, audited 1 package in 198ms

found 0 vulnerabilities
Run npm run build

> @acme/dur@0.4.0 build
> node scripts/build.mjs

node:internal/modules/esm/resolve:283
  throw new ERR_MODULE_NOT_FOUND(
        ^

Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/home/runner/work/dur/dur/src/Parse.js' imported from /home/runner/work/dur/dur/src/index.js
    at finalizeResolution (node:internal/modules/esm/resolve:283:11)
    at moduleResolve (node:internal/modules/esm/resolve:952:10)
    at defaultResolve (node:internal/modules/esm/resolve:1188:11)
    at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:642:12)
    at #cachedDefaultResolve (node:internal/modules/esm/loader:591:25)
    at ModuleLoader.resolve (node:internal/modules/esm/loader:574:38)
    at ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:236:38)
    at ModuleJob._link (node:internal/modules/esm/module_job:130:49) {
  code: 'ERR_MODULE_NOT_FOUND',
  url: 'file:///home/runner/work/dur/dur/src/Parse.js'
}

Node.js v20.18.1
Error: Process completed with exit code 1.`;

const SCRIPTS_OLD = '    "test": "node --test"\n  },\n';
const SCRIPTS_VENDORED =
  '    "test": "node --test",\n    "test:ci": "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=@acme/node-test-junit --test-reporter-destination=test-results.xml"\n  },\n';
const SCRIPTS_BUILTIN =
  '    "test": "node --test",\n    "test:ci": "node --test --test-reporter=spec --test-reporter=junit --test-reporter-destination=test-results.xml"\n  },\n';
const SCRIPTS_FIXED =
  '    "test": "node --test",\n    "test:ci": "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=test-results.xml"\n  },\n';

const UPLOAD_STEP =
  "cat >> .github/workflows/ci.yml <<'EOF'\n      - run: npm run test:ci\n      - uses: actions/upload-artifact@v4\n        if: always()\n" +
  '        with:\n          name: test-results\n          path: test-results.xml\nEOF';

export const scenario = {
  name: 'node-ci-paste-terse',
  about:
    'held out: terse English user pasting a 70-line GitHub Actions log of a failing npm build (import case mismatch), node --test in ESM, no thinking at all, a shared reporter npm-installed and uninstalled, a refused workflow edit, two standing rules said in passing mid-session, npm pack sizes before/after a files allowlist',
  requires: ['node', 'npm', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'node_modules/\ndist/\ntest-results.xml\n*.tgz\n',
    '.github/workflows/ci.yml': WORKFLOW,
    'README.md': README,
    'package.json': PACKAGE,
    'package-lock.json': LOCK,
    'scripts/build.mjs': BUILD,
    'src/index.js': INDEX,
    'src/parse.js': PARSE,
    'src/format.js': FORMAT,
    'src/units.js': UNITS,
    'test/parse.test.js': PARSE_TEST,
    'test/format.test.js': FORMAT_TEST,
    'tools/node-test-junit/package.json': REPORTER_PACKAGE,
    'tools/node-test-junit/index.js': REPORTER,
  },
  build(k, { edit }) {
    const green = k.request('get the build job green again');
    const imp = k.decision('fix the import to ./parse.js', 'every other module in src/ is lowercase', 'renaming the file to Parse.js');
    k.file('src/index.js');
    k.error('✖ formats negative durations', 'resolved');
    const sign = k.decision(
      'format the absolute value and put the sign in front once',
      'the remainder keeps the sign of the dividend, so every unit after the first came out negative',
      'Math.abs() on each unit after the first',
    );
    k.file('src/format.js');
    const junitReq = k.request('want junit output from the tests');
    const esm = k.constraint('keep it ESM only btw, no require anywhere');
    const vendored = k.rejected('@acme/node-test-junit', 'it is CommonJS (module.exports), and node --test ships its own junit reporter since Node 20.11');
    k.error("The argument '--test-reporter' must match the number of specified '--test-reporter-destination'", 'resolved');
    k.file('package.json');
    const refusal = k.refusal('no. .github/ changes go through platform review, just paste me the yaml');
    const trimReq = k.request('trim the npm tarball');
    const version = k.constraint("don't bump the version btw, release-please handles that");
    k.number('6.0 kB');
    k.number('2.8 kB');
    k.number('1.3 kB');
    k.number('2.3 kB');
    const files = k.decision('a "files" allowlist in package.json', 'an allowlist cannot start shipping a new folder by accident', 'an .npmignore');
    const readme = k.request('readme: mention npm run test:ci');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('npm test', 'passing');
    k.check('npm run build', 'passing');
    k.not('errors', 'Process completed with exit code 1', 'only in the log the user pasted, not in any tool output');
    k.not('decisions', vendored.what, 'installed and uninstalled again: a rejected approach');
    k.not('constraints', trimReq, 'a request is not a standing rule');
    k.not('rejected', imp.alternative, 'weighed in a text, never tried in a tool call');

    return [
      {
        user: `ci's red on main since the dur refactor got merged. works on my mac. build job log:\n\n\`\`\`\n${CI_LOG}\n\`\`\`\n\n${green}, tests too`,
        model: [
          [say('Reproducing locally.'), bash('npm ci 2>&1 | tail -n 3 && npm run build 2>&1 | tail -n 15', 'Install and build')],
          [bash('ls src/ && grep -n "from \'./" src/index.js', 'Compare the imports with the file names')],
          [
            say(
              `src/index.js imports ./Parse.js, the file is src/parse.js. macOS doesn't care about case, the Linux runner does. ` +
                `Going with: ${imp.choice}, not ${imp.alternative}, since ${imp.reason}.`,
            ),
            edit('src/index.js', "export { parse } from './Parse.js';\n", "export { parse } from './parse.js';\n"),
          ],
          [bash('npm run build 2>&1 | tail -n 3 && npm test 2>&1 | tail -n 30', 'Build and test')],
          [
            say(
              `Build passes. Behind it one test fails: format() of negative values gives a minus on every unit. ` +
                `Fix: ${sign.choice}, rather than ${sign.alternative}; ${sign.reason}.`,
            ),
            edit('src/format.js', FORMAT_LOOP_OLD, FORMAT_LOOP_NEW),
          ],
          [edit('src/format.js', FORMAT_RETURN_OLD, FORMAT_RETURN_NEW)],
          [bash('npm test 2>&1 | tail -n 9', 'Run the tests')],
          [say('Green locally: build passes, all tests pass. Changes: the import case in src/index.js, the sign handling in src/format.js.')],
        ],
      },
      {
        user: `ok. ${junitReq} so the actions summary shows them. ${esm}`,
        model: [
          [bash('ls tools/ && cat tools/node-test-junit/package.json', 'Look at tools/')],
          [
            say('There is a shared JUnit reporter in tools/. Installing it as a dev dependency.'),
            bash('npm install --save-dev --no-audit --no-fund ./tools/node-test-junit 2>&1 | tail -n 3', 'Install the reporter'),
          ],
          [edit('package.json', SCRIPTS_OLD, SCRIPTS_VENDORED)],
          [bash('npm run test:ci 2>&1 | tail -n 4 && head -n 3 test-results.xml', 'Run test:ci')],
          [bash('head -n 5 node_modules/@acme/node-test-junit/index.js', 'Check the module format')],
          [
            say(`Taking it out again: ${vendored.why}. CI runs 20.18.`),
            bash('npm uninstall --no-audit --no-fund @acme/node-test-junit 2>&1 | tail -n 2 && git status --short', 'Uninstall the reporter'),
          ],
          [bash('git diff package.json', 'What npm left in package.json')],
          [edit('package.json', SCRIPTS_VENDORED, SCRIPTS_BUILTIN)],
          [bash('npm run test:ci 2>&1 | tail -n 8', 'Run test:ci')],
          [say('Each reporter needs its own destination.'), edit('package.json', SCRIPTS_BUILTIN, SCRIPTS_FIXED)],
          [bash('npm run test:ci 2>&1 | tail -n 3; grep -c "<testcase" test-results.xml', 'Run test:ci')],
          [
            say('`npm run test:ci` writes test-results.xml with the built-in reporter. Adding the upload step to the workflow.'),
            bash(UPLOAD_STEP, 'Add the upload step'),
          ],
          [
            say(
              'Not touching .github/. Snippet for the platform PR, after `npm run build`:\n\n```yaml\n      - run: npm run test:ci\n' +
                '      - uses: actions/upload-artifact@v4\n        if: always()\n        with:\n          name: test-results\n          path: test-results.xml\n```\n\n' +
                'test-results.xml is already gitignored.',
            ),
          ],
        ],
        refuse: { [UPLOAD_STEP]: refusal },
      },
      {
        user: `fine. next: ${trimReq}, it ships test/ and tools/ too. ${version}`,
        model: [
          [bash('npm pack --dry-run 2>&1 | tail -n 22', 'What the tarball holds')],
          [
            say(`${files.choice[0].toUpperCase()}${files.choice.slice(1)} rather than ${files.alternative}: ${files.reason}.`),
            edit('package.json', '  "exports": "./src/index.js",\n', '  "exports": "./src/index.js",\n  "files": [\n    "src"\n  ],\n'),
          ],
          [bash('npm pack --dry-run 2>&1 | tail -n 14', 'What the tarball holds now')],
          [bash('npm run build 2>&1 | tail -n 1 && npm test 2>&1 | grep -E "^ℹ (tests|pass|fail)"', 'Build and test')],
          [say('Tarball is now package.json, README.md and src/ only. Version untouched. Build and tests still pass.')],
        ],
      },
      {
        user: `good. ${readme} and what it writes`,
        model: [
          [
            edit(
              'README.md',
              '    npm ci\n    npm run build\n    npm test\n',
              '    npm ci\n    npm run build\n    npm test\n    npm run test:ci   # spec output + test-results.xml (JUnit, for the Actions summary)\n',
            ),
          ],
          [say('Done.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Terse user; CI for @acme/dur failed on the build step. Fixed the import case, a negative-duration bug, added test:ci, trimmed the tarball.',
          intent: 'Make the CI build job green, add JUnit output for the Actions summary, trim the npm tarball, document test:ci.',
          concepts: ['ESM import paths are case-sensitive on Linux', 'node --test reporters', 'npm pack files allowlist'],
          files: ['src/index.js: import path case', 'src/format.js: sign handling', 'package.json: test:ci script, files allowlist', 'README.md: test:ci'],
          errors: [
            'Build could not resolve the parse module; fixed',
            'Negative durations formatted wrongly; fixed',
            'test:ci reporter destinations mismatch; fixed',
          ],
          solving:
            'A shared reporter from tools/ was tried and removed in favour of the built-in junit reporter. The workflow edit was refused; a snippet was given instead.',
          messages: ['CI red, log pasted; get the build green', 'JUnit output; ESM only', 'Trim the tarball; do not bump the version', 'README: test:ci'],
          pending: ['The platform team adds the upload step'],
          current: 'README mentions test:ci.',
          next: 'None.',
        }),
      },
    ];
  },
};
