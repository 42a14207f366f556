// A chatty Filipino user writing Tagalog (not Taglish) on a zero-dependency Node.js CLI in plain CommonJS
// (gastos: household expenses from `petsa,kategorya,halaga` lines) tested with a hand-written harness,
// `node test/run.js`, that prints `PASS name` / `FAIL name: expected … got …` and `N passed, M failed`.
// Thinking present: the model weighs two designs for the month filter and picks one with its reason. A
// `TypeError: Cannot read properties of undefined` on a trailing blank line is fixed; a byCategory FAIL is
// fixed; Intl.NumberFormat currency output is tried and undone with `git restore`; `npm install commander`
// is refused; a month-filter test is left failing. One /compact in the middle, one at the end. Written as
// a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

function expenses() {
  let seed = 4242;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const cats = ['Pagkain', 'pagkain', 'Pamasahe', 'Kuryente', 'Tubig', 'Gamot', 'Load'];
  const lines = ['petsa,kategorya,halaga'];
  let cents = 0;
  for (let i = 0; i < 842; i++) {
    const month = 1 + Math.floor(i / 281);
    const day = 1 + Math.floor(rand() * 28);
    const amount = Math.floor(20 + rand() * 900) * 100 + (rand() < 0.3 ? 50 : 0);
    cents += amount;
    lines.push(`2026-0${month}-${String(day).padStart(2, '0')},${cats[Math.floor(rand() * cats.length)]},${(amount / 100).toFixed(2)}`);
  }
  return { text: lines.join('\n') + '\n\n', count: 842, total: (cents / 100).toFixed(2) };
}
const DATA = expenses();

const GASTOS_JS = `'use strict';
// gastos: petsa,kategorya,halaga

function parse(text) {
  const rows = [];
  const lines = text.split('\\n').slice(1);
  for (const line of lines) {
    const [petsa, kategorya, halaga] = line.split(',');
    rows.push({ petsa: petsa.trim(), kategorya: kategorya.trim(), halaga: Number(halaga) });
  }
  return rows;
}

function total(rows) {
  return rows.reduce((sum, r) => sum + Math.round(r.halaga * 100), 0) / 100;
}

function byCategory(rows) {
  const out = {};
  for (const r of rows) out[r.kategorya] = (out[r.kategorya] || 0) + r.halaga;
  return out;
}

function formatTotal(n) {
  return n.toFixed(2);
}

module.exports = { parse, total, byCategory, formatTotal };
`;

const CLI_JS = `#!/usr/bin/env node
'use strict';
const fs = require('fs');
const { parse, total, formatTotal } = require('../lib/gastos');

const file = process.argv[2];
if (!file) {
  console.error('gamit: gastos FILE');
  process.exit(2);
}
const rows = parse(fs.readFileSync(file, 'utf8'));
console.log('Nabasa: ' + rows.length + ' na gastos');
console.log('Kabuuan: ' + formatTotal(total(rows)));
`;

const RUN_JS = `'use strict';
// Maliit na test harness: walang framework.
const g = require('../lib/gastos');

let passed = 0;
let failed = 0;
function eq(name, got, expected) {
  const a = JSON.stringify(got);
  const b = JSON.stringify(expected);
  if (a === b) {
    passed++;
    console.log('PASS ' + name);
  } else {
    failed++;
    console.log('FAIL ' + name + ': expected ' + b + ' got ' + a);
  }
}

const sample = 'petsa,kategorya,halaga\\n2026-01-03,Pagkain,150.50\\n2026-01-04,pagkain,49.50\\n2026-01-09,Pamasahe,30\\n2026-02-01,Kuryente,1875.25\\n';
const rows = g.parse(sample);
eq('parse bilang', rows.length, 4);
eq('parse petsa', rows[0].petsa, '2026-01-03');
eq('parse kategorya', rows[2].kategorya, 'Pamasahe');
eq('parse halaga', rows[1].halaga, 49.5);
eq('parse halagang buo', rows[2].halaga, 30);
eq('total', g.total(rows), 2105.25);
eq('total walang laman', g.total([]), 0);
eq('formatTotal', g.formatTotal(2105.25), '2105.25');
eq('formatTotal buo', g.formatTotal(30), '30.00');
eq('byCategory', g.byCategory(rows), { pagkain: 200, pamasahe: 30, kuryente: 1875.25 });
eq('byCategory walang laman', g.byCategory([]), {});
eq('parse header lang', g.parse('petsa,kategorya,halaga').length, 0);
eq('parse halaga numero', typeof rows[3].halaga, 'number');

console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
`;

export const scenario = {
  name: 'node-gastos-tagalog',
  about:
    'held out: chatty Tagalog user, zero-dep CommonJS Node CLI with a hand-written node test/run.js harness (PASS/FAIL rows, N passed, M failed); thinking weighs two month-filter designs; TypeError on a trailing blank line fixed; byCategory FAIL fixed; Intl.NumberFormat tried and undone with git restore; npm install refused; a month-filter FAIL left; one mid and one final /compact',
  requires: ['node', 'git'],
  files: {
    '.gitignore': 'node_modules/\n',
    'package.json':
      '{\n  "name": "gastos",\n  "version": "0.1.0",\n  "private": true,\n  "bin": { "gastos": "bin/gastos.js" },\n  "scripts": { "test": "node test/run.js" }\n}\n',
    'README.md': '# gastos\n\nBinabasa ang mga gastos sa bahay (`petsa,kategorya,halaga`).\n\n    node bin/gastos.js data/gastos.csv\n',
    'lib/gastos.js': GASTOS_JS,
    'bin/gastos.js': CLI_JS,
    'test/run.js': RUN_JS,
    'data/gastos.csv': DATA.text,
  },
  build(k, { edit }) {
    const first = k.request('patakbuhin mo ang gastos sa data/gastos.csv, nag-e-error siya sa akin');
    const noDeps = k.constraint('walang external na package, plain JavaScript lang');
    k.error("TypeError: Cannot read properties of undefined (reading 'trim')", 'resolved');
    k.file('lib/gastos.js');
    k.number(String(DATA.count));
    k.number(DATA.total);
    const testsFirst = k.constraint('laging patakbuhin ang node test/run.js bago mo sabihing tapos na');
    k.error('FAIL byCategory: expected {"pagkain":200,"pamasahe":30,"kuryente":1875.25}', 'resolved');
    k.number('12 passed, 1 failed');
    const peso = k.request('gusto ko sanang may ₱ at kuwit ang kabuuan');
    const intl = k.rejected("Intl.NumberFormat('fil-PH'", 'binabasa ng spreadsheet ni Ate Joy ang output at hindi nito kilala ang ₱ at ang kuwit');
    const month = k.request('magdagdag ng --buwan para isang buwan lang ang bilangin');
    const design = k.decision('hiwalay na filterByMonth', 'masusubok nang walang file', 'pagsala sa loob ng parse');
    const install = 'npm install commander';
    const refusal = k.refusal('huwag mag-npm install, walang internet sa server namin at ayokong may dependencies');
    k.number('128420.50');
    k.file('bin/gastos.js');
    k.file('test/run.js');
    k.error('FAIL filterByMonth Pebrero: expected 3 got 2', 'unresolved');
    const readme = k.request('isulat mo sa README kung paano gamitin ang --buwan');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('node test/run.js', 'failing');
    k.not('rejected', design.choice, 'the design that was kept is not a dead end');
    k.not('decisions', intl.what, 'tried and undone: a rejected approach');
    k.not('errors', 'walang internet sa server namin', "a user's refusal is not a tool error");
    k.not('constraints', month, 'a request is not a standing rule');

    const harness = 'node test/run.js';
    const cli = 'node bin/gastos.js data/gastos.csv';
    return [
      {
        user: `Magandang hapon! Ito na naman ako 😅 ${first}, hindi ko alam kung bakit kasi gumagana naman ito noong isang linggo. ${noDeps} ha, maliit lang naman itong programa.`,
        model: [
          [
            think('Let me just run it first and see the actual error instead of guessing.'),
            say('Sige po, patakbuhin ko muna.'),
            bash(`${cli} 2>&1 | head -n 12`, 'Run the CLI on the data file'),
          ],
          [
            think(
              'Undefined after split: the file ends with an empty line (two newlines at the end), so split gives "" and kategorya is undefined. Skip blank lines in parse. Let me check the tail of the file to be sure.',
            ),
            bash('tail -c 80 data/gastos.csv | od -c | tail -n 4', 'Look at the end of the data file'),
          ],
          [
            think('Yes, trailing "\\n\\n". Skipping lines that are empty after trim is the simplest fix.'),
            edit(
              'lib/gastos.js',
              '  for (const line of lines) {\n    const [petsa',
              '  for (const line of lines) {\n    if (!line.trim()) continue;\n    const [petsa',
            ),
          ],
          [think(''), bash(cli, 'Run the CLI again')],
          [
            say(
              'Ayos na po! Ang problema ay ang **blangkong linya sa dulo** ng `data/gastos.csv`: walang kategorya doon kaya nag-crash ang `parse`. Nilalaktawan na ngayon ang mga blangkong linya.',
            ),
          ],
        ],
      },
      {
        user: `Salamat!! Ang bilis. Isa pa palang bagay: ${testsFirst}. Patakbuhin mo na rin ngayon ang mga test, parang may pula doon.`,
        model: [
          [think(''), bash(`${harness} 2>&1 | tail -n 15`, 'Run the test harness')],
          [
            think(
              'byCategory keeps "Pagkain" and "pagkain" apart and keeps the original case. The test expects lowercase keys merged. Lowercase the key in byCategory; parse keeps the original text.',
            ),
            edit(
              'lib/gastos.js',
              '  for (const r of rows) out[r.kategorya] = (out[r.kategorya] || 0) + r.halaga;\n',
              '  for (const r of rows) {\n    const key = r.kategorya.toLowerCase();\n    out[key] = (out[key] || 0) + r.halaga;\n  }\n',
            ),
          ],
          [think(''), bash(harness, 'Run the test harness again')],
          [say('Berde na po lahat. Pinagsasama na ng `byCategory` ang "Pagkain" at "pagkain" (maliliit na titik ang susi).')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'gastos CLI: a crash on a blank line was fixed, then the category test was fixed.',
          intent:
            'Make the expenses CLI run on the data file and make the tests pass. Plain JavaScript, no packages; always run the harness before saying done.',
          concepts: ['Node.js CommonJS', 'hand-written test harness'],
          files: ['lib/gastos.js: skip blank lines in parse; byCategory merges categories case-insensitively'],
          errors: ['The CLI crashed on the blank last line; fixed', 'The byCategory test failed on mixed-case categories; fixed'],
          solving: 'Both fixes were small changes in lib/gastos.js.',
          messages: ['Run it on the data file, it errors', 'Always run the tests before saying done; run them now'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Napakagaling. Ngayon naman, ${peso}. Mas maganda tingnan kapag ganoon.`,
        model: [
          [
            think('Intl.NumberFormat with fil-PH and PHP gives the peso sign and grouping; no package needed.'),
            edit('lib/gastos.js', '  return n.toFixed(2);\n', "  return new Intl.NumberFormat('fil-PH', { style: 'currency', currency: 'PHP' }).format(n);\n"),
          ],
          [think(''), bash(`${cli} && ${harness} 2>&1 | grep -E 'FAIL|passed'`, 'Try it and run the harness')],
          [
            think('The formatTotal tests now fail. And the README said another script reads this output... let me check who reads it.'),
            bash("grep -rn 'Kabuuan' --include='*.md' --include='*.js' . | grep -v node_modules | head", 'Who reads the Kabuuan line'),
          ],
          [
            say(
              `Mukhang may problema po: ${intl.why}. Sa tingin ko ay mas mabuting ibalik ko muna ito. Puwede po nating lagyan ng ₱ sa hiwalay na opsyon balang araw.`,
            ),
          ],
          [think(''), bash('git restore lib/gastos.js && git diff --stat', 'Undo the currency formatting')],
        ],
      },
      {
        user: `Ay oo nga pala, tama ka, ang spreadsheet ni Ate Joy! Sige huwag na. ${month}. Halimbawa --buwan 2026-02.`,
        model: [
          [
            think('Hmm wait, git restore also dropped the blank-line and byCategory fixes? No: those were committed? Let me check git status first.'),
            bash('git status --short; git log --oneline | head -3', 'Check what git restore undid'),
          ],
          [
            think('They were not committed, so restore threw them away too. Redo both fixes.'),
            edit(
              'lib/gastos.js',
              '  for (const line of lines) {\n    const [petsa',
              '  for (const line of lines) {\n    if (!line.trim()) continue;\n    const [petsa',
            ),
          ],
          [
            think(''),
            edit(
              'lib/gastos.js',
              '  for (const r of rows) out[r.kategorya] = (out[r.kategorya] || 0) + r.halaga;\n',
              '  for (const r of rows) {\n    const key = r.kategorya.toLowerCase();\n    out[key] = (out[key] || 0) + r.halaga;\n  }\n',
            ),
          ],
          [
            think(
              `Two ways to do --buwan: filter inside parse (parse(text, month)), or a separate filterByMonth(rows, month) the CLI calls after parse. ${design.choice} vs ${design.alternative}: the separate function ${design.reason}, and parse stays one job. Going with filterByMonth, by string prefix of petsa.`,
            ),
            edit(
              'lib/gastos.js',
              'function formatTotal(n) {',
              "// Mga gastos ng isang buwan ('2026-02').\nfunction filterByMonth(rows, month) {\n  return rows.filter((r) => r.petsa.startsWith(month + '-'));\n}\n\nfunction formatTotal(n) {",
            ),
          ],
          [
            think(''),
            edit(
              'lib/gastos.js',
              'module.exports = { parse, total, byCategory, formatTotal };',
              'module.exports = { parse, total, byCategory, filterByMonth, formatTotal };',
            ),
          ],
          [think('Argument parsing: a small library would be nicer than slicing argv by hand.'), bash(install, 'Install an argument parser')],
          [
            think('Right, no packages. Parse --buwan by hand; it is one flag.'),
            say('Pasensya na po, nakalimutan ko ang tuntunin ninyo. Gagawin ko nang mano-mano.'),
            edit(
              'bin/gastos.js',
              'const file = process.argv[2];\n',
              "const args = process.argv.slice(2);\nconst i = args.indexOf('--buwan');\nconst month = i >= 0 ? args.splice(i, 2)[1] : null;\nconst file = args[0];\n",
            ),
          ],
          [
            think(''),
            edit(
              'bin/gastos.js',
              "const rows = parse(fs.readFileSync(file, 'utf8'));\n",
              "let rows = parse(fs.readFileSync(file, 'utf8'));\nif (month) rows = filterByMonth(rows, month);\n",
            ),
          ],
          [
            think(''),
            edit(
              'bin/gastos.js',
              "const { parse, total, formatTotal } = require('../lib/gastos');",
              "const { parse, total, filterByMonth, formatTotal } = require('../lib/gastos');",
            ),
          ],
          [
            think(''),
            edit(
              'test/run.js',
              "console.log(passed + ' passed, '",
              "const feb = g.parse('petsa,kategorya,halaga\\n2026-02-01,Kuryente,1875.25\\n2026-2-14,Pagkain,300\\n2026-02-20,Tubig,410\\n2026-03-01,Load,100\\n');\n" +
                "eq('filterByMonth Enero', g.filterByMonth(rows, '2026-01').length, 3);\neq('filterByMonth Pebrero', g.filterByMonth(feb, '2026-02').length, 3);\n\nconsole.log(passed + ' passed, '",
            ),
          ],
          [think(''), bash(`${harness} 2>&1 | tail -n 6; ${cli} --buwan 2026-02`, 'Run the harness and try --buwan')],
          [
            say(
              'Gumagana po ang `--buwan` sa totoong data. Pero may isang pulang test: ang `2026-2-14` (walang 0 sa buwan) ay hindi nabibilang sa Pebrero. Dapat ko bang gawing normal ang petsa sa `parse`, o ituring na mali ang ganoong linya?',
            ),
          ],
        ],
        refuse: { [install]: refusal },
      },
      {
        user: `Hmm, itatanong ko muna kay Ate Joy kung may ganoong petsa talaga sa mga file niya, bukas ko na sasabihin. Habang wala pa, ${readme}, salamat!`,
        model: [
          [
            think(''),
            edit(
              'README.md',
              '    node bin/gastos.js data/gastos.csv\n',
              '    node bin/gastos.js data/gastos.csv\n    node bin/gastos.js --buwan 2026-02 data/gastos.csv   # Pebrero lang\n\nAng `--buwan YYYY-MM` ay nagbibilang lamang ng mga gastos sa buwang iyon.\n',
            ),
          ],
          [think(''), bash(`${harness} 2>&1 | tail -n 3`, 'Run the harness before saying done')],
          [say('Nasa README na po ang `--buwan`. Ang `node test/run.js` ay may 1 FAIL pa rin (ang `2026-2-14`) hanggang makapagpasya si Ate Joy.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'gastos: fixes redone after a restore, --buwan month filter added, one month test still fails, README updated.',
          intent: 'Zero-dependency expenses CLI: fix crashes and tests, add a month filter, document it. No packages; run the tests before saying done.',
          concepts: ['Node.js CommonJS', 'hand-written test harness', 'argv parsing by hand'],
          files: [
            'lib/gastos.js: blank lines skipped, case-insensitive categories, filterByMonth',
            'bin/gastos.js: --buwan flag',
            'test/run.js: month tests',
            'README.md: --buwan usage',
          ],
          errors: ['A month test fails on a date without a zero-padded month'],
          solving: 'Currency formatting was tried and undone. The user refused installing an argument parser.',
          messages: ['Peso sign and commas in the total', 'Never mind; add --buwan', 'Ask Ate Joy first; document --buwan in the README'],
          pending: ['Decide how to treat unpadded dates'],
          current: 'README documents --buwan.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
