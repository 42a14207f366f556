// A terse English user on a node project (`npm test` = node --test). The failing suite is fixed and then
// passes under a different command line (`npm test 2>&1 | tail -5`); a second check still fails at the end.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'node-terse',
  about: 'terse user, node/npm test, thinking, fix verified by a differently-shaped command',
  requires: ['npm'],
  files: {
    'package.json':
      JSON.stringify({ name: 'billing', version: '1.4.0', private: true, scripts: { test: 'node --test', bench: 'node scripts/bench.js' } }, null, 2) + '\n',
    'src/invoice.js':
      'function total(lines) {\n  let t = 0;\n  for (const l of lines) t += l.price * l.qty;\n  return Math.floor(t * 100) / 100;\n}\nmodule.exports = { total };\n',
    'test/invoice.test.js':
      "const test = require('node:test');\nconst assert = require('node:assert');\nconst { total } = require('../src/invoice.js');\n" +
      "test('order A-17 total', () => {\n  const got = total([{ price: 4.35, qty: 3 }, { price: 0.02, qty: 1 }]);\n" +
      "  assert.strictEqual(got, 13.07, 'INV-ROUND order A-17: expected 13.07, got ' + got);\n});\n",
    'scripts/bench.js': "const rate = 48000 + 213;\nconsole.log('bench: ' + rate + ' invoices/s, p99 ' + (1.84).toFixed(2) + ' ms');\n",
    'scripts/export-check.js':
      "const fs = require('fs');\nconst header = fs.existsSync('src/exportCsv.js') ? require('../src/exportCsv.js').HEADER : [];\n" +
      "if (header[2] !== 'net') { console.error(\"EXPORT-CHECK: column 3 is '\" + header[2] + \"' but the legacy export has 'net'\"); process.exit(1); }\nconsole.log('export ok');\n",
  },
  build(k, { edit, write }) {
    const request1 = k.request('invoice totals off by a cent');
    const noDeps = k.constraint('no new deps');
    const rounding = k.error('INV-ROUND order A-17: expected 13.07, got 13.06', 'resolved');
    k.check('npm test', 'passing');
    const cents = k.decision('integer cents', 'floats drift across line items', 'rounding once at the end');
    k.file('src/invoice.js');
    const rate = k.number('48213');
    const p99 = k.number('1.84');
    const request2 = k.request('csv export for the accountant');
    const order = k.constraint('keep the column order of the legacy export');
    k.file('src/exportCsv.js');
    const lib = k.rejected('csv-stringify', 'hand-rolled quoting is a dozen lines');
    k.error("Cannot find module 'csv-stringify'");
    const exportCheck = k.error("EXPORT-CHECK: column 3 is 'vat' but the legacy export has 'net'", 'unresolved');
    k.not('decisions', "Now I'll rerun the suite", 'an intention, not a decision');
    k.not('rejected', request2, "the user's request is not a rejected approach");
    k.not('numbers', '1.4.0', 'a version string is not a measurement');
    void [rounding, rate, p99, exportCheck];

    return [
      {
        user: `${request1}. tests red. fix. ${noDeps}.`,
        model: [
          [think('Run the suite first to see the failure.'), bash('npm test', 'Run the tests')],
          [
            think(
              `The total is summed in floating point and floored. Options: keep floats and round once at the end, or switch to ${cents.choice}. ` +
                `Going with ${cents.choice} rather than ${cents.alternative}: ${cents.reason}, and rounding at the end only hides it for this order.`,
            ),
            edit(
              'src/invoice.js',
              '  for (const l of lines) t += l.price * l.qty;\n  return Math.floor(t * 100) / 100;',
              '  for (const l of lines) t += Math.round(l.price * 100) * l.qty;\n  return t / 100;',
            ),
          ],
          [think("Now I'll rerun the suite and only look at the tail."), bash('npm test 2>&1 | tail -5', 'Rerun the tests (tail)')],
          [bash('npm run bench', 'Benchmark totals')],
          [say('Fixed: totals are computed in cents now, the suite passes.')],
        ],
      },
      {
        user: `${request2}. ${order}.`,
        model: [
          [think('A CSV library would handle quoting.'), bash(`node -e "require('${lib.what}')"`, 'Is csv-stringify available?')],
          [
            think(`Not installed, and the user said no new deps. Dropping ${lib.what}: ${lib.why}.`),
            write(
              'src/exportCsv.js',
              "const HEADER = ['id', 'date', 'vat', 'net', 'gross'];\nconst q = (v) => (/[\",\\n]/.test(String(v)) ? '\"' + String(v).replace(/\"/g, '\"\"') + '\"' : String(v));\nfunction toCsv(rows) { return [HEADER, ...rows.map((r) => HEADER.map((h) => r[h]))].map((r) => r.map(q).join(',')).join('\\n'); }\nmodule.exports = { HEADER, toCsv };\n",
            ),
          ],
          [bash('node scripts/export-check.js', 'Compare with the legacy layout')],
          [say('Export written with hand-rolled quoting. The layout check still complains about the third column; I have not changed the order yet.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'The user (terse) asked for a rounding fix in invoice totals and then a CSV export. Tests were fixed; the export layout check still fails.',
          intent:
            'Fix invoice totals that are off by a cent (tests were red) without adding dependencies, then add a CSV export for the accountant that keeps the legacy column order.',
          concepts: ['Node.js, node:test via npm test', 'Floating point rounding in totals', 'CSV quoting'],
          files: ['src/invoice.js: total() now sums in cents', 'src/exportCsv.js: new, HEADER and toCsv() with manual quoting'],
          errors: [
            'npm test failed: "INV-ROUND order A-17: expected 13.07, got 13.06"; fixed by summing cents, tests pass now',
            'csv-stringify is not installed; wrote the quoting by hand instead',
            'scripts/export-check.js reports the third column does not match the legacy export',
          ],
          solving: 'Rounding fixed and verified; a benchmark of totals ran (about 48k invoices/s). Export layout mismatch is open.',
          messages: [`"${request1}. tests red. fix. ${noDeps}."`, `"${request2}. ${order}."`],
          pending: ['Make the export column order match the legacy export'],
          current: 'Wrote src/exportCsv.js and ran the export check, which still fails on column 3.',
          next: 'Reorder HEADER in src/exportCsv.js to match the legacy export and rerun scripts/export-check.js.',
        }),
      },
    ];
  },
};
