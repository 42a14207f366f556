// A casual Japanese user (emoji and kaomoji: "おけ〜👍", "ちょっと待って(´・ω・`)", "w") on a small Node ESM
// household-budget CLI (kakeibo: bin/kakeibo.js → src/*.js, "type": "module", one dependency, picocolors,
// already in node_modules) tested with `node --test` (spec reporter, and TAP with --test-reporter=tap,
// tee'd to reports/ and read back at scoring since `# duration_ms` varies). Thinking in English, answers
// in Japanese. `kakeibo summary` without a file dies with `TypeError [ERR_INVALID_ARG_TYPE]`, fixed with
// util.parseArgs (decided against commander: the user's rule is no new dependencies). Thousands
// separators through Intl.NumberFormat's JPY currency style are committed after running one test file,
// then the full run fails the CLI test (the fullwidth ￥ U+FFE5), and the commit is undone with
// `git revert`; toLocaleString with a literal ¥ replaces it. A --by-category view hits `pc.dim is not a
// function` (node_modules holds picocolors 0.2.1 against ^1.0.0; `npm ls` says invalid, and that stays),
// the `rm -rf node_modules && npm install` is refused (a proxy), pc.gray instead. Numbers from the CLI
// summary line and `# duration_ms`. Three compactions (two in the middle, one at the end).
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// --- a month of household expenses, deterministic ---
/** @type {[string, number, number, number, string[]][]} */
const CATS = [
  ['食費', 38, 180, 4200, ['スーパー', 'コンビニ', '八百屋', 'パン屋', 'まいばす']],
  ['日用品', 12, 150, 3800, ['ドラッグストア', 'ダイソー', 'ニトリ']],
  ['交通費', 14, 170, 2400, ['Suica チャージ', 'バス', 'タクシー']],
  ['外食', 16, 600, 6800, ['ランチ', '松屋', 'カフェ', '居酒屋']],
  ['光熱費', 3, 4200, 14800, ['電気', 'ガス', '水道']],
  ['通信費', 2, 2900, 8800, ['スマホ', '光回線']],
  ['娯楽', 8, 500, 9800, ['映画', '本', 'Steam', 'カラオケ']],
  ['医療', 3, 800, 5600, ['歯医者', '薬局', '内科']],
];

function expenses(count, seed) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor(s / 65536);
  };
  const weight = CATS.reduce((sum, c) => sum + c[1], 0);
  const lines = ['日付,カテゴリ,金額,メモ'];
  for (let i = 0; i < count; i++) {
    let pick = next() % weight;
    let cat = CATS[0];
    for (const c of CATS) {
      if (pick < c[1]) {
        cat = c;
        break;
      }
      pick -= c[1];
    }
    const [name, , lo, hi, memos] = cat;
    const amount = lo + (next() % (hi - lo));
    const day = 1 + Math.floor((i * 31) / count);
    lines.push(`2024-05-${String(day).padStart(2, '0')},${name},${amount},${memos[next() % memos.length]}`);
  }
  return lines.join('\n') + '\n';
}

const PICOCOLORS = `let tty = require("tty")

let isColorSupported =
  !("NO_COLOR" in process.env || process.argv.includes("--no-color")) &&
  ("FORCE_COLOR" in process.env ||
    process.argv.includes("--color") ||
    process.platform === "win32" ||
    (tty.isatty(1) && process.env.TERM !== "dumb") ||
    "CI" in process.env)

let formatter =
  (open, close, replace = open) =>
  input => {
    let string = "" + input
    let index = string.indexOf(close, open.length)
    return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close
  }

let replaceClose = (string, close, replace, index) => {
  let start = string.substring(0, index) + replace
  let end = string.substring(index + close.length)
  let nextIndex = end.indexOf(close)
  return ~nextIndex ? start + replaceClose(end, close, replace, nextIndex) : start + end
}

let createColors = (enabled = isColorSupported) => ({
  isColorSupported: enabled,
  reset: enabled ? s => \`\\x1b[0m\${s}\\x1b[0m\` : String,
  bold: enabled ? formatter("\\x1b[1m", "\\x1b[22m", "\\x1b[22m\\x1b[1m") : String,
  underline: enabled ? formatter("\\x1b[4m", "\\x1b[24m") : String,
  red: enabled ? formatter("\\x1b[31m", "\\x1b[39m") : String,
  green: enabled ? formatter("\\x1b[32m", "\\x1b[39m") : String,
  yellow: enabled ? formatter("\\x1b[33m", "\\x1b[39m") : String,
  blue: enabled ? formatter("\\x1b[34m", "\\x1b[39m") : String,
  cyan: enabled ? formatter("\\x1b[36m", "\\x1b[39m") : String,
  gray: enabled ? formatter("\\x1b[90m", "\\x1b[39m") : String,
})

module.exports = createColors()
module.exports.createColors = createColors
`;

const CLI = `import { readFileSync } from 'node:fs';
import { parseCsv } from './parse.js';
import { summarize } from './summary.js';
import { formatYen } from './format.js';

const USAGE = 'usage: kakeibo summary <file.csv>';

export function main(argv) {
  const [command, file] = argv;
  if (command !== 'summary') {
    console.error(USAGE);
    return 2;
  }
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const s = summarize(rows);
  console.log(\`\${s.month}: \${s.count}件 合計 \${formatYen(s.total)} 平均 \${formatYen(s.average)}\`);
  return 0;
}
`;

const CLI_PARSEARGS = `import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsv } from './parse.js';
import { summarize } from './summary.js';
import { formatYen } from './format.js';

const USAGE = \`usage: kakeibo summary <file.csv>

options:
  -h, --help   このヘルプを表示\`;

export function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(\`kakeibo: \${error.message}\\n\\n\${USAGE}\`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, file] = positionals;
  if (command !== 'summary' || !file) {
    console.error(USAGE);
    return 2;
  }
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const s = summarize(rows);
  console.log(\`\${s.month}: \${s.count}件 合計 \${formatYen(s.total)} 平均 \${formatYen(s.average)}\`);
  return 0;
}
`;

const PARSE = `// 日付,カテゴリ,金額,メモ (1行目はヘッダ)
export function parseCsv(text) {
  return text
    .trim()
    .split(/\\r?\\n/)
    .slice(1)
    .map((line) => {
      const [date, category, amount, memo = ''] = line.split(',');
      return { date, category, amount: Number(amount), memo };
    });
}
`;

const SUMMARY = `export function summarize(rows) {
  const total = rows.reduce((sum, r) => sum + r.amount, 0);
  return {
    month: rows[0]?.date.slice(0, 7) ?? '-',
    count: rows.length,
    total,
    average: rows.length ? Math.round(total / rows.length) : 0,
  };
}
`;

const FORMAT = `/** 1234 → "¥1234" */
export function formatYen(n) {
  return \`¥\${n}\`;
}
`;

const CLI_TEST = `import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const run = (...args) => spawnSync(process.execPath, ['bin/kakeibo.js', ...args], { encoding: 'utf8' });

test('summary は件数と合計を出す', () => {
  const r = run('summary', 'test/fixtures/small.csv');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^2024-04: 3件 合計 ¥[\\d,]+ 平均 ¥[\\d,]+$/m);
});

test('知らないコマンドは終了コード 2', () => {
  assert.equal(run('hoge').status, 2);
});
`;

const SUMMARY_TEST = `import test from 'node:test';
import assert from 'node:assert/strict';
import { summarize } from '../src/summary.js';

const rows = [
  { date: '2024-04-01', category: '食費', amount: 980, memo: '' },
  { date: '2024-04-02', category: '交通費', amount: 1500, memo: '' },
  { date: '2024-04-03', category: '光熱費', amount: 10000, memo: '' },
];

test('合計と平均', () => {
  assert.deepEqual(summarize(rows), { month: '2024-04', count: 3, total: 12480, average: 4160 });
});

test('空なら 0', () => {
  assert.deepEqual(summarize([]), { month: '-', count: 0, total: 0, average: 0 });
});
`;

/** `# duration_ms` of a TAP run the session tee'd into reports/. */
function tapDuration(project, file) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: duration (not generated yet)`;
  const match = /^# duration_ms ([\d.]+)/m.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `${file}: no duration_ms`;
}

export const scenario = {
  name: 'node-kakeibo-japanese-casual',
  about:
    "held out: casual Japanese user with emoji and kaomoji, Node ESM household-budget CLI tested with node --test (spec and TAP, duration_ms tee'd and read back); thinking in English, answers in Japanese; TypeError [ERR_INVALID_ARG_TYPE] fixed with util.parseArgs (commander dismissed: no new dependencies); Intl JPY currency committed, fails the CLI test with the fullwidth yen, undone with git revert; pc.dim is not a function with picocolors 0.2.1 (npm ls invalid, left); rm -rf node_modules && npm install refused; three compactions",
  requires: ['node', 'npm', 'git', 'tee'],
  files: {
    '.gitignore': 'node_modules/\nreports/\n',
    'package.json':
      JSON.stringify(
        {
          name: 'kakeibo-cli',
          version: '0.3.0',
          description: '家計簿 CSV をまとめる小さな CLI',
          type: 'module',
          bin: { kakeibo: 'bin/kakeibo.js' },
          scripts: { test: 'node --test' },
          dependencies: { picocolors: '^1.0.0' },
          engines: { node: '>=20' },
          license: 'MIT',
        },
        null,
        2,
      ) + '\n',
    'README.md':
      '# kakeibo-cli\n\n家計簿 CSV (日付,カテゴリ,金額,メモ) を月ごとにまとめる CLI。\n\n## 使い方\n\n    kakeibo summary data/2024-05.csv\n\nテスト: `node --test`\n',
    'bin/kakeibo.js': "#!/usr/bin/env node\nimport { main } from '../src/cli.js';\n\nprocess.exitCode = main(process.argv.slice(2));\n",
    'src/cli.js': CLI,
    'src/parse.js': PARSE,
    'src/summary.js': SUMMARY,
    'src/format.js': FORMAT,
    'test/cli.test.js': CLI_TEST,
    'test/summary.test.js': SUMMARY_TEST,
    'test/fixtures/small.csv': '日付,カテゴリ,金額,メモ\n2024-04-01,食費,980,スーパー\n2024-04-02,交通費,1500,Suica チャージ\n2024-04-03,光熱費,10000,電気\n',
    'data/2024-05.csv': expenses(437, 5150),
    'node_modules/picocolors/package.json': JSON.stringify({ name: 'picocolors', version: '0.2.1', main: './picocolors.js', license: 'ISC' }, null, 2) + '\n',
    'node_modules/picocolors/picocolors.js': PICOCOLORS,
  },
  build(k, { project, edit, write }) {
    const usageReq = k.request('ファイル名忘れたときはちゃんと usage 出して終わるようにして');
    const helpReq = k.request('--help もほしい');
    const deps = k.constraint('package.json の依存は増やさないで');
    const node20 = k.constraint('Node 20 でも動くようにしといてね');
    k.error('TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string or an instance of Buffer or URL. Received undefined', 'resolved');
    const parseArgs = k.decision(
      'parse the arguments with util.parseArgs from node:util',
      'it ships with Node itself since 18.3, so package.json gets no new dependency',
      'commander',
    );
    k.file('src/cli.js');
    k.file('test/cli.test.js');
    k.number('437');
    k.number('1177210');
    k.number('2694');
    k.number(tapDuration(project, 'reports/tap-1.txt'));
    const groupReq = k.request('金額を3桁区切りにしてほしい');
    const english = k.constraint('コミットメッセージは英語で');
    const intl = k.rejected(
      "new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' })",
      "ja-JP's currency style prints the fullwidth yen sign U+FFE5, not the halfwidth ¥ the summary line has always had and the CLI test expects",
    );
    k.error('✖ summary は件数と合計を出す', 'resolved');
    const locale = k.decision(
      "group the digits with toLocaleString('ja-JP') behind a literal halfwidth ¥",
      'only the digits go through ICU, so the sign stays exactly the character the output always had',
      'a regex that inserts the commas by hand',
    );
    k.file('src/format.js');
    k.file('test/format.test.js');
    k.number('1,177,210');
    const catReq = k.request('カテゴリ別の集計も出せるようにして');
    k.error('TypeError: pc.dim is not a function', 'resolved');
    k.error('picocolors@0.2.1 invalid: "^1.0.0" from the root project', 'unresolved');
    const refusal = k.refusal('ちょっと待って(´・ω・`) node_modules 消すのはやめて〜 会社のプロキシで npm install 通らないから、消したら詰む');
    const gray = k.decision(
      'color the percentages with pc.gray, which 0.2.1 already has',
      'node_modules has to stay as it is, and a newer picocolors would mean reinstalling',
      'writing the dim escape code by hand',
    );
    k.file('src/summary.js');
    k.file('test/summary.test.js');
    k.number('343,263');
    k.number('29.2%');
    k.number(tapDuration(project, 'reports/tap-3.txt'));
    const readmeReq = k.request('README の使い方のとこ更新して、コミットまでお願い');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('node --test', 'passing');
    k.not('decisions', intl.what, 'committed and reverted: a rejected approach');
    k.not('rejected', parseArgs.choice, 'the approach that was kept is not a dead end');
    k.not('rejected', parseArgs.alternative, 'dismissed in thinking, never tried');
    k.not('errors', '会社のプロキシ', "the user's refusal is not a tool error");
    k.not('constraints', catReq, 'a request is not a standing rule');
    k.not('numbers', '2024', 'the month in the data file name, not a measurement');

    const summary = 'node bin/kakeibo.js summary data/2024-05.csv';
    const reinstall = 'rm -rf node_modules && npm install';
    const tap = (n) => `mkdir -p reports && node --test --test-reporter=tap 2>&1 | tee reports/tap-${n}.txt | tail -n 9`;
    const FORMAT_INTL = `const yen = ${intl.what};\n\n/** 1234567 → 3桁区切り */\nexport function formatYen(n) {\n  return yen.format(n);\n}\n`;
    const FORMAT_LOCALE =
      '/** 1234567 → "¥1,234,567" (半角の ¥ のまま、数字だけ3桁区切り) */\nexport function formatYen(n) {\n  return `¥${n.toLocaleString(\'ja-JP\')}`;\n}\n';
    const formatTest = (expected) =>
      `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { formatYen } from '../src/format.js';\n\n` +
      `test('formatYen は3桁区切り', () => {\n  assert.equal(formatYen(1234567), '${expected}');\n  assert.equal(formatYen(500), '${expected.startsWith('￥') ? '￥' : '¥'}500');\n});\n`;
    const usageTest =
      "\ntest('ファイルなしは usage を出して終了コード 2', () => {\n  const r = run('summary');\n  assert.equal(r.status, 2);\n  assert.match(r.stderr, /^usage: kakeibo summary/);\n});\n\n" +
      "test('--help は usage を出して 0', () => {\n  const r = run('--help');\n  assert.equal(r.status, 0);\n  assert.match(r.stdout, /--help/);\n});\n";
    const byCat =
      '\n/** カテゴリごとの合計 (多い順) と全体に占める割合 */\nexport function byCategory(rows) {\n  const total = rows.reduce((sum, r) => sum + r.amount, 0);\n  const sums = new Map();\n' +
      '  for (const r of rows) sums.set(r.category, (sums.get(r.category) ?? 0) + r.amount);\n' +
      "  return [...sums]\n    .map(([name, sum]) => ({ name, total: sum, percent: total ? ((sum / total) * 100).toFixed(1) : '0.0' }))\n" +
      '    .sort((a, b) => b.total - a.total);\n}\n';
    const byCatTest =
      "\ntest('byCategory は多い順', () => {\n  assert.deepEqual(\n    byCategory(rows).map((c) => [c.name, c.percent]),\n" +
      "    [\n      ['光熱費', '80.1'],\n      ['交通費', '12.0'],\n      ['食費', '7.9'],\n    ],\n  );\n});\n";
    const optsOld = "options: { help: { type: 'boolean', short: 'h' } }";
    const optsNew = "options: { help: { type: 'boolean', short: 'h' }, 'by-category': { type: 'boolean' } }";
    const printOld = '  console.log(`${s.month}: ${s.count}件 合計 ${formatYen(s.total)} 平均 ${formatYen(s.average)}`);\n  return 0;\n';
    const printDim =
      '  console.log(`${s.month}: ${s.count}件 合計 ${formatYen(s.total)} 平均 ${formatYen(s.average)}`);\n' +
      "  if (values['by-category']) {\n    console.log(pc.bold('カテゴリ別'));\n" +
      '    for (const c of byCategory(rows)) console.log(`  ${c.name}\\t${formatYen(c.total)}\\t${pc.dim(`(${c.percent}%)`)}`);\n  }\n  return 0;\n';
    const printGray = printDim.replace('pc.dim(', 'pc.gray(');

    return [
      {
        user:
          'やっほー👋 kakeibo の CLI なんだけどさ、`kakeibo summary` ってファイル名忘れて打つと謎のエラー吐いて落ちるの😇 ' +
          `${usageReq}〜。ついでに ${helpReq}！\n\nあ、${deps}🙏 あと ${node20}、家の古いラズパイで cron 回してるから。テストは node --test で！`,
        model: [
          [think('Reproduce it first, exactly as the user types it.'), bash('node bin/kakeibo.js summary; echo "exit=$?"', 'ファイルなしで実行')],
          [
            think(
              'readFileSync(undefined): main() destructures argv and never checks that a file was given. The CLI parses argv by hand. ' +
                `For usage plus --help (and -h) there are two ways: ${parseArgs.alternative}, or ${parseArgs.choice}. ` +
                `The user does not want new dependencies, and ${parseArgs.reason}; engines says >=20 and it is stable there. So ${parseArgs.choice}. ` +
                'Unknown options make parseArgs throw: catch that and print the usage with exit code 2.',
            ),
            write('src/cli.js', CLI_PARSEARGS),
          ],
          [
            empty(),
            edit(
              'test/cli.test.js',
              "test('知らないコマンドは終了コード 2', () => {\n  assert.equal(run('hoge').status, 2);\n});\n",
              "test('知らないコマンドは終了コード 2', () => {\n  assert.equal(run('hoge').status, 2);\n});\n" + usageTest,
            ),
          ],
          [empty(), bash('node bin/kakeibo.js summary; echo "exit=$?"; node bin/kakeibo.js --nope; echo "exit=$?"', 'usage と不明なオプション')],
          [think('Now the whole suite, and the real May file.'), bash('node --test 2>&1 | tail -n 12', 'テスト')],
          [empty(), bash(`${summary} && ${tap(1)}`, '5月の集計と TAP でテスト')],
          [
            empty(),
            say(
              '直しました〜🙌\n\n- **原因**: `main()` がファイル名の有無をチェックせずに `readFileSync(undefined)` してました\n' +
                '- **対応**: 引数の解析を Node 標準の `util.parseArgs` に置き換え (依存は増えてません)。ファイルなし・知らないオプションは usage を出して終了コード 2、`-h`/`--help` は usage を出して 0\n' +
                '- `test/cli.test.js` に2ケース追加、`node --test` は全部通ってます ✅\n\n5月の集計結果とテストの所要時間は上の出力のとおりです。`parseArgs` は Node 20 でも安定版なのでラズパイでも大丈夫です👍',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Casual Japanese user. kakeibo CLI: the missing-file crash is fixed with util.parseArgs; --help added.',
          intent: 'Print the usage instead of crashing when no file is given; add --help. No new dependencies in package.json; must run on Node 20.',
          concepts: ['Node ESM CLI', 'util.parseArgs', 'node --test'],
          files: ['src/cli.js: parseArgs, usage, --help', 'test/cli.test.js: usage and --help tests'],
          errors: ['readFileSync got undefined when no file was given; fixed'],
          solving: 'The built-in argument parser avoids a dependency.',
          messages: ['Show the usage when the file name is missing; add --help; no new dependencies; Node 20'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `おけ〜👍 ありがと！次は${groupReq}、7桁とか目がすべるw できたらコミットもよろしく〜。あ、${english}おねがい！`,
        model: [
          [
            think('Intl.NumberFormat with the ja-JP locale and JPY currency style does the grouping and the sign in one go. Try it and see what it prints.'),
            write('src/format.js', FORMAT_INTL),
          ],
          [empty(), bash('node -e "import(\'./src/format.js\').then((m) => console.log(m.formatYen(1234567), m.formatYen(500)))"', '出力を確認')],
          [empty(), write('test/format.test.js', formatTest('￥1,234,567'))],
          [empty(), bash('node --test test/format.test.js 2>&1 | tail -n 8', 'format のテストだけ')],
          [
            empty(),
            bash(
              'git add src/format.js test/format.test.js && git commit -qm "format: group thousands with Intl.NumberFormat" && git log --oneline -1',
              'コミット',
            ),
          ],
          [think('Committed. Run the whole suite once more before reporting.'), bash('node --test 2>&1 | tail -n 30', 'テスト全部')],
          [
            think(
              `The CLI test fails. Look closer at the character: ${intl.why}. I copied the printed value into the new test without seeing it. ` +
                'The commit is wrong, not the CLI test; revert the commit so the history says so.',
            ),
            bash('git revert --no-edit HEAD && git log --oneline -3', 'コミットを revert'),
          ],
          [
            think(`Options now: ${locale.alternative}, or ${locale.choice}. The second: ${locale.reason}. Node ships full ICU, and ja-JP groups by three.`),
            write('src/format.js', FORMAT_LOCALE),
          ],
          [empty(), write('test/format.test.js', formatTest('¥1,234,567'))],
          [empty(), bash('node --test 2>&1 | tail -n 12', 'テスト全部')],
          [empty(), bash(`${summary}`, '5月の集計')],
          [
            empty(),
            bash(
              'git add src/format.js test/format.test.js && git commit -qm "format: group thousands, keep the halfwidth yen sign" && git log --oneline -3',
              'コミット',
            ),
          ],
          [
            empty(),
            say(
              '3桁区切りにしてコミットしました〜✨\n\n' +
                'ただ一回やらかしてます🙇 最初 `Intl.NumberFormat` の通貨スタイルで書いてコミットしたんですが、それだと **¥ が全角の「￥」(U+FFE5)** になってて、' +
                'CLI のテストが落ちました。見た目ほぼ同じなので気づかず…。なのでそのコミットは `git revert` で打ち消して、\n\n' +
                "```js\nreturn `¥${n.toLocaleString('ja-JP')}`;\n```\n\nで数字だけ区切る形にしました。¥ は今までどおり半角です。\n\n" +
                '- `test/format.test.js` 追加、`node --test` 全部 ✅\n- コミットメッセージは英語です (履歴: 失敗コミット → revert → 修正コミット)',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kakeibo: amounts are now grouped by thousands; a first attempt was committed and reverted.',
          intent: 'Group amounts by thousands and commit. No new dependencies; Node 20; commit messages in English.',
          concepts: ['toLocaleString', 'git revert'],
          files: ['src/format.js: thousands separators', 'test/format.test.js: new'],
          errors: ['The CLI test failed after the first formatting commit; reverted'],
          solving: 'The first approach changed the yen sign; reverted and redone.',
          messages: ['Earlier messages are in the previous summary', 'Group amounts by thousands and commit; English commit messages'],
          pending: [],
          current: 'Committed; all tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `いいね〜😆 じゃあ次、${catReq}！ \`--by-category\` みたいなオプションで。見出しとかちょっと色ついてると嬉しいな〜🎨`,
        model: [
          [
            think(
              'byCategory(rows) in summary.js: totals per category, largest first, with the share of the month. The CLI prints it under the summary line when --by-category is given. ' +
                'picocolors is already a dependency: bold for the heading, dim for the percentages.',
            ),
            edit(
              'src/summary.js',
              '    average: rows.length ? Math.round(total / rows.length) : 0,\n  };\n}\n',
              '    average: rows.length ? Math.round(total / rows.length) : 0,\n  };\n}\n' + byCat,
            ),
          ],
          [
            empty(),
            edit(
              'src/cli.js',
              "import { summarize } from './summary.js';\n",
              "import pc from 'picocolors';\nimport { byCategory, summarize } from './summary.js';\n",
            ),
          ],
          [empty(), edit('src/cli.js', optsOld, optsNew)],
          [empty(), edit('src/cli.js', printOld, printDim)],
          [
            empty(),
            edit('test/summary.test.js', "import { summarize } from '../src/summary.js';\n", "import { byCategory, summarize } from '../src/summary.js';\n"),
          ],
          [empty(), edit('test/summary.test.js', "test('空なら 0', () => {", byCatTest.slice(1) + "\ntest('空なら 0', () => {")],
          [empty(), bash(`${summary} --by-category 2>&1 | head -n 12`, 'カテゴリ別を表示')],
          [
            think('dim missing from picocolors? Every 1.x has it. Check what is actually installed against the range in package.json.'),
            bash('npm ls picocolors; grep \'"version"\' node_modules/picocolors/package.json', 'インストール済みの picocolors を確認'),
          ],
          [
            think('0.2.1 against ^1.0.0: node_modules is stale. A clean install should bring the 1.x the range asks for.'),
            bash(reinstall, 'node_modules を入れ直す'),
          ],
          [
            think(
              `Fine, no reinstall. Stay inside what 0.2.1 has: ${gray.alternative} would work but is ugly; ${gray.choice}. ` +
                `${gray.reason[0].toUpperCase()}${gray.reason.slice(1)}, and package.json stays untouched.`,
            ),
            edit('src/cli.js', printDim, printGray),
          ],
          [empty(), bash(`${summary} --by-category`, 'カテゴリ別を表示')],
          [empty(), bash(tap(3), 'TAP でテスト')],
          [
            empty(),
            say(
              'おけです、node_modules はそのままにしました🙆\n\n`--by-category` を追加しました:\n\n' +
                '- `byCategory()` (src/summary.js): カテゴリごとの合計を多い順に、月全体に占める割合つき\n' +
                '- 見出しは太字、割合はグレー (端末のときだけ色がつきます)\n' +
                '- 最初 `pc.dim` を使ったら落ちました。入ってる picocolors が **0.2.1** で、package.json の `^1.0.0` と合ってません (`npm ls` で invalid)。0.2.1 にもある `pc.gray` にしたので今のままで動きます\n' +
                '- `node --test` 全部 ✅\n\n⚠️ picocolors のバージョンずれ自体はそのままです。プロキシの外で `npm install` できるときに直すのがいいと思います。',
            ),
          ],
        ],
        refuse: { [reinstall]: refusal },
      },
      {
        user: `さすが〜🎉 最後に ${readmeReq}🙏 今日はそれで終わり！`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    kakeibo summary data/2024-05.csv\n',
              '    kakeibo summary data/2024-05.csv                # 件数・合計・平均 (3桁区切り)\n' +
                '    kakeibo summary data/2024-05.csv --by-category  # カテゴリ別の合計と割合も\n    kakeibo --help\n\n' +
                'ファイルを指定しないと usage を表示して終了コード 2 で終わります。\n',
            ),
          ],
          [
            empty(),
            bash(
              'git add README.md src/cli.js src/summary.js test/cli.test.js test/summary.test.js && git commit -qm "cli: --by-category, usage and --help; README" && git log --oneline -5 && git status --short',
              'コミット',
            ),
          ],
          [
            empty(),
            say('README 更新してコミットしました📝 (英語メッセージ)。`reports/` は .gitignore に入ってるのでコミットされてません。おつかれさまでした〜🍵'),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kakeibo: --by-category added (pc.gray because the installed picocolors is old), README updated and committed.',
          intent: 'Usage/--help, thousands separators, a per-category view, README and commit. No new dependencies; Node 20; English commit messages.',
          concepts: ['picocolors version mismatch', 'node --test'],
          files: ['src/summary.js: byCategory', 'src/cli.js: --by-category', 'test/summary.test.js: byCategory test', 'README.md: usage'],
          errors: ['pc.dim was missing in the installed picocolors; switched to gray'],
          solving: 'The user did not want node_modules reinstalled.',
          messages: ['Earlier messages are in the previous summaries', 'Add a per-category view with some color', 'Update the README and commit'],
          pending: ['picocolors in node_modules does not match package.json'],
          current: 'Committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
