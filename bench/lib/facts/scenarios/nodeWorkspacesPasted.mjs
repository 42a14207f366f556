// A chatty user on an npm-workspaces monorepo (two packages, `node --test`, no registry) who pastes a
// whole GitHub Actions log and, later, a colleague's stack trace into the chat, and answers the agent's
// questions with single words ("yes", "2", "the second one"). The money package is fixed after two bad
// attempts; the invoice package also fails and stays failing because the user stops the agent from
// touching it. A size report runs from an IDE-context message. The model writes no thinking text
// (`thinking: false`), so its choice between two options is in its reply. The errors and figures of the
// user's pastes are the user's text, not tool output. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const MONEY =
  "'use strict';\n// @acme/money: amounts are integer cents everywhere; formatting happens at the edge.\n\n" +
  "function formatMoney(cents, currency = 'EUR') {\n  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(cents / 100);\n}\n\n" +
  '/** Splits an amount into `parts` instalments that add up to it exactly. */\nfunction splitEvenly(cents, parts) {\n' +
  '  const base = Math.floor(cents / parts);\n  return Array.from({ length: parts }, () => base);\n}\n\nmodule.exports = { formatMoney, splitEvenly };\n';

const MONEY_TEST =
  "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\nconst { formatMoney, splitEvenly } = require('../src/index.js');\n\n" +
  "test('formats euros', () => assert.strictEqual(formatMoney(123450), '€1,234.50'));\n" +
  "test('formats negative amounts', () => assert.strictEqual(formatMoney(-150), '-€1.50'));\n" +
  "test('splits 900 cents in 3 parts', () => assert.deepStrictEqual(splitEvenly(900, 3), [300, 300, 300]));\n" +
  "test('splits 1000 cents in 3 parts', () => assert.deepStrictEqual(splitEvenly(1000, 3), [334, 333, 333]));\n" +
  "test('split parts add up to the amount', () => {\n  for (const [cents, parts] of [\n    [1001, 2],\n    [999, 4],\n    [5, 3],\n  ]) {\n" +
  '    assert.strictEqual(\n      splitEvenly(cents, parts).reduce((a, b) => a + b, 0),\n      cents,\n    );\n  }\n});\n';

const INVOICE =
  "'use strict';\nconst { formatMoney } = require('@acme/money');\n\n" +
  '/** Invoice total from lines of { qty, unitPrice } (unit prices in euros, as the CSV import gives them). */\nfunction invoiceTotal(lines) {\n' +
  '  const total = lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0);\n  return formatMoney(Math.floor(total * 100));\n}\n\nmodule.exports = { invoiceTotal };\n';

const INVOICE_TEST =
  "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\nconst { invoiceTotal } = require('../src/total.js');\n\n" +
  "test('totals the sample invoice', () => {\n  const lines = [\n    { qty: 7, unitPrice: 19.99 },\n    { qty: 1, unitPrice: 10.06 },\n  ];\n" +
  "  assert.strictEqual(invoiceTotal(lines), '€149.99');\n});\n\ntest('an empty invoice is zero', () => assert.strictEqual(invoiceTotal([]), '€0.00'));\n";

const SIZE_REPORT =
  "// Source size per workspace package, raw and gzipped, in bytes. Run with `npm run size`.\nimport { readdirSync, readFileSync } from 'node:fs';\nimport { gzipSync } from 'node:zlib';\n\n" +
  "const root = new URL('../packages/', import.meta.url);\nconsole.log('package'.padEnd(16) + 'files'.padStart(6) + 'raw B'.padStart(8) + 'gzip B'.padStart(8));\n" +
  "for (const dir of readdirSync(root).sort()) {\n  const pkg = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8'));\n" +
  "  const src = new URL(`${dir}/src/`, root);\n  const files = readdirSync(src).filter((f) => f.endsWith('.js'));\n" +
  "  const text = files.map((f) => readFileSync(new URL(f, src), 'utf8')).join('\\n');\n" +
  '  console.log(\n    pkg.name.padEnd(16) +\n      String(files.length).padStart(6) +\n      String(Buffer.byteLength(text)).padStart(8) +\n' +
  '      String(gzipSync(text, { level: 9 }).length).padStart(8),\n  );\n}\n';

/** The GitHub Actions log the user copies out of the browser: timestamps, setup noise, the money failure. */
function ciLog() {
  const t = (s) =>
    `2026-11-29T14:${String(31 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String((s * 7919) % 10000000).padStart(7, '0')}Z`;
  const lines = [
    'Run actions/checkout@v4',
    'Syncing repository: acme/billing',
    'Getting Git version info',
    '/usr/bin/git version 2.47.1',
    'Fetching the repository',
    '/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +8c41d2e7a0f3b9c6d5e4f3a2b1c0d9e8f7a6b5c4:refs/remotes/origin/main',
    'Run actions/setup-node@v4',
    'Found in cache @ /opt/hostedtoolcache/node/20.18.1/x64',
    'Environment details',
    '  node: v20.18.1',
    '  npm: 10.8.2',
    'Run npm ci',
    'added 2 packages, and audited 5 packages in 1s',
    'found 0 vulnerabilities',
    'Run npm test -w @acme/money && npm test -w @acme/invoice',
    '> @acme/money@2.4.0 test',
    '> node --test --test-reporter=spec',
    '✔ formats euros (1.204ms)',
    '✔ formats negative amounts (0.311ms)',
    '✔ splits 900 cents in 3 parts (0.392ms)',
    '✖ splits 1000 cents in 3 parts (1.913ms)',
    '  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:',
    '  + actual - expected',
    '    [',
    '  +   333,',
    '  -   334,',
    '      333,',
    '      333',
    '    ]',
    '      at TestContext.<anonymous> (/home/runner/work/billing/billing/packages/money/test/money.test.js:9:51)',
    '      at Test.runInAsyncScope (node:async_hooks:206:9)',
    '      at Test.run (node:internal/test_runner/test:796:25)',
    '      at Test.processPendingSubtests (node:internal/test_runner/test:526:18)',
    '      at Test.postRun (node:internal/test_runner/test:889:19)',
    '      at Test.run (node:internal/test_runner/test:835:12)',
    '✖ split parts add up to the amount (0.377ms)',
    '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
    '  1000 !== 1001',
    '      at TestContext.<anonymous> (/home/runner/work/billing/billing/packages/money/test/money.test.js:16:12)',
    '      at Test.runInAsyncScope (node:async_hooks:206:9)',
    '      at Test.run (node:internal/test_runner/test:796:25)',
    'ℹ tests 5',
    'ℹ suites 0',
    'ℹ pass 3',
    'ℹ fail 2',
    'ℹ cancelled 0',
    'ℹ skipped 0',
    'ℹ todo 0',
    'ℹ duration_ms 187.442',
    'npm error Lifecycle script `test` failed with error:',
    'npm error code 1',
    'npm error path /home/runner/work/billing/billing/packages/money',
    'npm error workspace @acme/money@2.4.0',
    'npm error command failed',
    'npm error command sh -c node --test',
    'Error: Process completed with exit code 1.',
  ];
  return lines.map((line, i) => `${t(i * 3)} ${line}`).join('\n');
}

const DANA_TRACE = [
  '[2026-11-28 23:14:07.512] ERROR api: GET /invoices/INV-2026-0457/pdf failed',
  "TypeError: Cannot read properties of undefined (reading 'unitPrice')",
  '    at /srv/billing/packages/invoice/src/total.js:6:62',
  '    at Array.reduce (<anonymous>)',
  '    at invoiceTotal (/srv/billing/packages/invoice/src/total.js:6:23)',
  '    at renderInvoice (/srv/billing/packages/invoice/src/render.js:31:18)',
  '    at /srv/billing/apps/api/routes/invoices.js:88:24',
  '    at Layer.handle [as handle_request] (/srv/billing/node_modules/express/lib/router/layer.js:95:5)',
  '    at next (/srv/billing/node_modules/express/lib/router/route.js:149:13)',
  '    at Route.dispatch (/srv/billing/node_modules/express/lib/router/route.js:119:3)',
  '    at Layer.handle [as handle_request] (/srv/billing/node_modules/express/lib/router/layer.js:95:5)',
  '    at /srv/billing/node_modules/express/lib/router/index.js:284:15',
  '    at param (/srv/billing/node_modules/express/lib/router/index.js:365:14)',
  '    at Function.process_params (/srv/billing/node_modules/express/lib/router/index.js:421:3)',
  '[2026-11-28 23:14:07.519] WARN  api: 1 of 4113 invoice renders failed in the last hour',
].join('\n');

export const scenario = {
  name: 'node-workspaces-pasted',
  about:
    'held out: chatty user pasting a CI log and a stack trace, npm workspaces + node --test, one-word menu answers, IDE-context size report, no thinking text',
  requires: ['node', 'npm', 'git'],
  thinking: false,
  env: { NPM_CONFIG_UPDATE_NOTIFIER: 'false', NO_COLOR: '1' },
  files: {
    '.gitignore': 'node_modules/\n',
    'package.json':
      JSON.stringify(
        { name: 'acme-billing', private: true, workspaces: ['packages/*'], scripts: { test: 'npm test --workspaces', size: 'node scripts/size-report.mjs' } },
        null,
        2,
      ) + '\n',
    'README.md': '# acme billing\n\nWorkspaces: packages/money, packages/invoice.\n\n    npm install --offline\n    npm test\n    npm run size\n',
    'packages/money/package.json':
      JSON.stringify({ name: '@acme/money', version: '2.4.0', main: 'src/index.js', scripts: { test: 'node --test --test-reporter=spec' } }, null, 2) + '\n',
    'packages/money/src/index.js': MONEY,
    'packages/money/test/money.test.js': MONEY_TEST,
    'packages/invoice/package.json':
      JSON.stringify(
        {
          name: '@acme/invoice',
          version: '1.9.0',
          main: 'src/total.js',
          dependencies: { '@acme/money': '^2.4.0' },
          scripts: { test: 'node --test --test-reporter=spec' },
        },
        null,
        2,
      ) + '\n',
    'packages/invoice/src/total.js': INVOICE,
    'packages/invoice/test/total.test.js': INVOICE_TEST,
    'scripts/size-report.mjs': SIZE_REPORT,
  },
  build(k, { edit }) {
    const green = k.request('get the money tests green again');
    const freeze = k.constraint("don't bump any package versions, we're in a release freeze until Friday");
    const noCommit = k.constraint("don't commit anything, I want to read the diff myself first");
    const everything = k.decision(
      'run the tests of every workspace',
      'the CI job stops at the first package that fails, so its log cannot show the others',
      'running only the money tests the way CI does',
    );
    const ceil = k.rejected('Math.ceil(cents / parts)', 'rounding every part up invents cents: 1001 split in 2 came out as 1002');
    k.error('1002 !== 1001', 'resolved');
    k.error('leftover is not defined', 'resolved');
    const firstParts = k.decision(
      'give the leftover cents to the first parts',
      'the instalment plans in the accounting export always put the extra cent on the first instalment',
      'rounding each part and correcting the last one',
    );
    k.file('packages/money/src/index.js');
    k.file('packages/money/test/money.test.js');
    k.error("+ '€149.98'", 'unresolved');
    const refusal = k.refusal("oh wait, sorry!! don't change invoice, Dana is rewriting total.js on her branch right now");
    const same = k.request('is this the same thing');
    const size = k.request('can you run the size report');
    const format = k.constraint("keep the report's output as it is, the size bot on the PRs parses those columns");
    k.number('565');
    k.number('355');
    k.number('368');
    k.number('257');
    k.check('npm test -w @acme/money', 'passing');
    k.check('npm test -w @acme/invoice', 'failing');
    k.lastRequest(size);
    k.not('errors', 'Process completed with exit code 1', 'a line of the CI log the user pasted, not a tool error');
    k.not('numbers', '187.442', "a duration in the user's pasted CI log, not a measurement");
    k.not('errors', "Cannot read properties of undefined (reading 'unitPrice')", "Dana's stack trace was pasted by the user");
    k.not('numbers', '4113', "a figure in the user's pasted log line");
    k.not('errors', 'Dana is rewriting total.js on her branch', "a user's refusal is not a tool error");
    k.not('constraints', size, 'a request is not a standing rule');
    k.not('rejected', same, "the user's question is not a rejected approach");

    const first =
      "Morning!! So CI on main has been red since Priya merged the money refactor yesterday afternoon, and I have a demo at 3 so I'd really love to get this sorted 😅 " +
      "I'm not even sure where to start, here's the whole log from the Actions run:\n\n" +
      `${ciLog()}\n\n` +
      `Can you ${green}? Two things: please ${freeze}, and ${noCommit}. Thanks a ton, you're a lifesaver!`;
    const third =
      `Haha ok, Dana says sorry for the chaos. She also sent me this from staging last night, ${same}?? Copying it exactly:\n\n` +
      `${DANA_TRACE}\n\n` +
      "She thinks it's a line without a unit price, like the discount lines from the new import. What do you think?";
    const fourth =
      "Ok cool, it's hers then. Last thing for today I promise: Priya was worried the refactor made money a lot bigger, " +
      `${size}? It's the script I have open, the README says npm run size. Oh and ${format}. Thanks!!`;

    const splitOld = '  const base = Math.floor(cents / parts);\n  return Array.from({ length: parts }, () => base);\n';
    const sedInvoice =
      "sed -i 's/line.qty \\* line.unitPrice/line.qty * Math.round(line.unitPrice * 100)/; s/Math.floor(total \\* 100)/total/' packages/invoice/src/total.js";

    return [
      {
        user: first,
        model: [
          [
            empty(),
            say(
              `Linking the workspaces first (no registry needed, both packages are local). Then I'll ${everything.choice} rather than ${everything.alternative}: ` +
                `${everything.reason}.`,
            ),
            bash('npm install --offline --no-audit --no-fund', 'Link the workspaces'),
          ],
          [empty(), bash('npm test --workspaces 2>&1 | grep -v "duration_ms"', 'Run all the workspace tests')],
          [
            empty(),
            say('money: `splitEvenly` drops the remainder, as in your log. Simplest change is to round every part up:'),
            edit('packages/money/src/index.js', splitOld, `  const base = ${ceil.what};\n  return Array.from({ length: parts }, () => base);\n`),
          ],
          [empty(), bash('npm test -w @acme/money 2>&1 | grep -v "^ *at "', 'Run the money tests')],
          [
            empty(),
            say(
              `No good: ${ceil.why}. Two ways to do it properly: ${firstParts.alternative}, or ${firstParts.choice}. ` +
                `I'll ${firstParts.choice}, because ${firstParts.reason}, and the test expects 334, 333, 333 for 1000 in 3.`,
            ),
            edit(
              'packages/money/src/index.js',
              `  const base = ${ceil.what};\n  return Array.from({ length: parts }, () => base);\n`,
              '  const base = Math.floor(cents / parts);\n  const rest = cents - base * parts;\n  return Array.from({ length: parts }, (_, i) => base + (i < leftover ? 1 : 0));\n',
            ),
          ],
          [empty(), bash('npm test -w @acme/money 2>&1 | grep -v "^ *at "', 'Run the money tests')],
          [empty(), say('Typo on my side, the variable is `rest`.'), edit('packages/money/src/index.js', '(i < leftover ? 1 : 0)', '(i < rest ? 1 : 0)')],
          [
            empty(),
            say('Adding the case from the accounting export, an odd amount in two instalments:'),
            edit(
              'packages/money/test/money.test.js',
              "test('split parts add up to the amount', () => {",
              "test('splits 1001 cents in 2 parts', () => assert.deepStrictEqual(splitEvenly(1001, 2), [501, 500]));\ntest('split parts add up to the amount', () => {",
            ),
          ],
          [empty(), bash('npm test -w @acme/money 2>&1 | tail -n 9 && git status --short', 'Run the money tests')],
          [
            empty(),
            say(
              'money is green: the leftover cents now go to the first parts, so the parts always add up. No versions touched, nothing committed.\n\n' +
                'But invoice fails too, with a different problem. Your CI never got there because the job stops after money. Want me to look at it?',
            ),
          ],
        ],
      },
      {
        user: 'yes',
        model: [
          [empty(), bash("node -e 'console.log(7 * 19.99 + 1 * 10.06)'", 'Check the float sum of the test invoice')],
          [
            empty(),
            say(
              'invoice sums euro floats and then cuts off with Math.floor, so a total that lands a hair under the cent loses it. Switching the sum to integer cents:',
            ),
            bash(sedInvoice, 'Sum the invoice in integer cents'),
          ],
          [
            empty(),
            say(
              "Understood, I won't touch packages/invoice. For Dana: total.js adds up `qty * unitPrice` in euros as floats and then rounds down with Math.floor, " +
                'so 7 × 19.99 + 10.06 ends a tiny bit under 149.99 and loses a cent. Summing in integer cents (Math.round per line) fixes it. Its test stays red until then:',
            ),
            bash('npm test -w @acme/invoice 2>&1 | grep -E "^(✖|ℹ (pass|fail))"', 'Run the invoice tests'),
          ],
          [empty(), say('Still red as expected, untouched.')],
        ],
        refuse: { [sedInvoice]: refusal },
      },
      {
        user: third,
        model: [
          [empty(), bash('grep -n "unitPrice" packages/invoice/src/total.js', 'Look at where total.js reads unitPrice')],
          [
            empty(),
            say(
              "Not the same bug. That one is `line` itself being undefined inside the reduce, so there's a hole in the lines array (an entry that is undefined), not a line without a price; " +
                'a missing price would give NaN, not a TypeError. Worth checking how the import builds the array. Should I:\n\n1. write that up in a note for Dana\n2. leave it with her',
            ),
          ],
        ],
      },
      {
        user: '2',
        model: [[empty(), say('OK, leaving it with her.')]],
      },
      {
        user: { ide: 'scripts/size-report.mjs', text: fourth },
        model: [
          [empty(), bash('npm run size --silent', 'Run the size report')],
          [
            empty(),
            say(
              "That's the current source size per package in bytes (raw and gzipped). money stayed small: the fix added three lines. " +
                'For the PR, do you want\n\n1. the whole table\n2. only the money row',
            ),
          ],
        ],
      },
      {
        user: 'the second one',
        model: [
          [empty(), bash("npm run size --silent | grep -E '^(package|@acme/money)'", 'Only the money row')],
          [empty(), say('There you go, header plus the money row, ready to paste.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Chatty user pasted a CI log. Fixed splitEvenly in @acme/money; @acme/invoice also fails but belongs to Dana. Ran the size report.',
          intent: 'Get the money tests green after the refactor. No version bumps (release freeze), no commits.',
          concepts: ['npm workspaces', 'node --test', 'integer cents'],
          files: ['packages/money/src/index.js: splitEvenly distributes the remainder'],
          errors: ['A first fix invented cents; a second had a typo; both fixed', 'invoice total loses a cent with floats; not fixed (Dana)'],
          solving: 'Remainder cents to the first parts. invoice left to Dana.',
          messages: [
            'CI log pasted; fix money; no version bumps; no commits',
            'yes',
            "Dana's staging trace pasted",
            '2',
            'Run the size report',
            'the second one',
          ],
          pending: ['invoice: Dana to fix the float sum and the undefined line'],
          current: 'Printed the money row of the size report.',
          next: 'None.',
        }),
      },
    ];
  },
};
