// A Vietnamese-speaking user on a small Node library (slugs from Vietnamese text, VND amounts) with no
// packages: `npm run lint` is a hand-written scripts/lint.mjs printing `file:line:col  error  message
// rule`, `npm test` is `node --test`. Lint errors and test failures come interleaved and are fixed over
// several runs; the choice between a lookup table and Unicode decomposition is only weighed in thinking
// (no "I'll use"); an Intl.NumberFormat attempt is stashed and dropped; the user pastes a long lint
// output from their own machine (files that are not in this checkout: not tool errors); a test the
// agent writes last is still failing. Two /compact in the middle. Written as a held-out scenario: not
// tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const PREFIX = ['Đường', 'Phố', 'Ngõ', 'Hẻm'];
const FAMILY = ['Lê', 'Lế', 'Trần', 'Trấn', 'Nguyễn', 'Nguyên', 'Phạm', 'Hồ', 'Hổ', 'Đinh', 'Định', 'Lý', 'Ly'];
const GIVEN = ['Lợi', 'Lời', 'Thái Tổ', 'Thái Tố', 'Duẩn', 'Văn Hưu', 'Tùng Mậu', 'Quang Trung', 'Đạo', 'Đào', 'Bình', 'Bính', 'Hưng Đạo', 'Hùng Đạo'];

/** The same slug rule the session writes into src/slug.js. */
const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

// 2,417 street names (a seeded draw, with repeats and tone-mark near-twins that share a slug).
function streets() {
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const lines = [];
  for (let i = 0; i < 2417; i++) {
    const base = `${pick(PREFIX)} ${pick(FAMILY)} ${pick(GIVEN)}`;
    lines.push(rand() < 0.5 ? `${base} ${1 + Math.floor(rand() * 40)}` : base);
  }
  return { text: lines.join('\n') + '\n', names: lines.length, distinct: new Set(lines).size, slugs: new Set(lines.map(slug)).size };
}

const STREETS = streets();

const LINT =
  "// Hand-written lint (no packages): node scripts/lint.mjs. Prints 'file:line:col  error  message  rule'.\n" +
  "import { readdirSync, readFileSync } from 'node:fs';\nimport { join } from 'node:path';\n\n" +
  'const RULES = [\n' +
  "  { rule: 'no-var', re: /\\bvar\\s/, message: 'Unexpected var, use let or const instead' },\n" +
  "  { rule: 'eqeqeq', re: /[^=!<>]==[^=]/, message: \"Expected '===' and instead saw '=='\" },\n" +
  "  { rule: 'no-console', re: /\\bconsole\\.log\\(/, message: 'Unexpected console statement', only: 'src/' },\n" +
  "  { rule: 'max-len', re: /^.{121,}$/, message: 'This line has a length greater than the maximum allowed of 120', at: 121 },\n" +
  '];\n\n' +
  "const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));\n\n" +
  'let problems = 0;\n' +
  "for (const file of [...files('src'), ...files('test')]) {\n" +
  "  readFileSync(file, 'utf8').split('\\n').forEach((text, index) => {\n" +
  '    for (const { rule, re, message, only, at } of RULES) {\n' +
  '      if (only && !file.startsWith(only)) continue;\n' +
  '      const match = re.exec(text);\n' +
  '      if (!match) continue;\n' +
  "      const col = at ?? match.index + (rule === 'eqeqeq' ? 2 : 1);\n" +
  '      console.log(`${file}:${index + 1}:${col}  error  ${message}  ${rule}`);\n' +
  '      problems++;\n' +
  '    }\n' +
  '  });\n' +
  '}\n' +
  "if (problems) {\n  console.log(`\\n✖ ${problems} problem${problems === 1 ? '' : 's'} (${problems} error${problems === 1 ? '' : 's'}, 0 warnings)`);\n  process.exit(1);\n}\n" +
  "console.log('lint: no problems');\n";

const SLUG =
  '\'use strict\';\n// slugify: Vietnamese titles to URL slugs ("Phở bò Hà Nội" -> "pho-bo-ha-noi"). \n' +
  "const MAP = { à: 'a', á: 'a', ả: 'a', ã: 'a', ạ: 'a', ă: 'a', â: 'a', è: 'e', é: 'e', ê: 'e', ò: 'o', ó: 'o', ô: 'o', ơ: 'o', ư: 'u', ù: 'u', ú: 'u' };\n\n" +
  "function slugify(text) {\n  if (text == null) return '';\n  return text\n    .toLowerCase()\n    .split('')\n    .map((c) => MAP[c] || c)\n    .join('')\n" +
  "    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '');\n}\n\nmodule.exports = { slugify };\n";

const VND =
  "'use strict';\n// formatVnd(1250000) -> \"1.250.000 ₫\" (dot thousands, plain space, no decimals: the shop's invoices).\n\n" +
  "function formatVnd(amount) {\n  var digits = String(Math.abs(Math.round(amount))).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '.');\n" +
  "  console.log('formatVnd', amount);\n  return digits + ' ₫';\n}\n\nmodule.exports = { formatVnd };\n";

const SLUG_TEST =
  "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\nconst { slugify } = require('../src/slug');\n\n" +
  "test('slugifies a dish name', () => assert.strictEqual(slugify('Phở bò Hà Nội'), 'pho-bo-ha-noi'));\n" +
  "test('turns đ into d', () => assert.strictEqual(slugify('Đường Lê Lợi'), 'duong-le-loi'));\n" +
  "test('collapses punctuation', () => assert.strictEqual(slugify('  Cơm tấm -- Sài Gòn!  '), 'com-tam-sai-gon'));\n" +
  "test('empty for null', () => assert.strictEqual(slugify(null), ''));\n";

const VND_TEST =
  "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\nconst { formatVnd } = require('../src/vnd');\n\n" +
  "test('formats a million and a quarter', () => assert.strictEqual(formatVnd(1250000), '1.250.000 ₫'));\n" +
  "test('formats small amounts', () => assert.strictEqual(formatVnd(500), '500 ₫'));\n" +
  "test('keeps the minus sign', () => assert.strictEqual(formatVnd(-50000), '-50.000 ₫'));\n";

// What the user copies from their own terminal: their branch, with files this checkout does not have.
const PASTE = [
  '> vn-text@0.4.0-rc.1 lint',
  '> node scripts/lint.mjs',
  '',
  'src/cart.js:12:3  error  Unexpected var, use let or const instead  no-var',
  'src/cart.js:19:3  error  Unexpected var, use let or const instead  no-var',
  "src/cart.js:27:14  error  Expected '===' and instead saw '=='  eqeqeq",
  'src/cart.js:41:5  error  Unexpected console statement  no-console',
  'src/cart.js:58:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  'src/checkout.js:7:1  error  Unexpected var, use let or const instead  no-var',
  'src/checkout.js:8:1  error  Unexpected var, use let or const instead  no-var',
  "src/checkout.js:33:22  error  Expected '===' and instead saw '=='  eqeqeq",
  "src/checkout.js:34:22  error  Expected '===' and instead saw '=='  eqeqeq",
  'src/checkout.js:52:7  error  Unexpected console statement  no-console',
  'src/checkout.js:53:7  error  Unexpected console statement  no-console',
  'src/checkout.js:88:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  'src/legacy/price-old.js:3:1  error  Unexpected var, use let or const instead  no-var',
  'src/legacy/price-old.js:4:1  error  Unexpected var, use let or const instead  no-var',
  'src/legacy/price-old.js:5:1  error  Unexpected var, use let or const instead  no-var',
  "src/legacy/price-old.js:16:11  error  Expected '===' and instead saw '=='  eqeqeq",
  'src/legacy/price-old.js:22:3  error  Unexpected console statement  no-console',
  'src/legacy/price-old.js:30:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  'test/cart.test.js:14:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  'test/checkout.test.js:9:3  error  Unexpected var, use let or const instead  no-var',
  "test/checkout.test.js:21:18  error  Expected '===' and instead saw '=='  eqeqeq",
  'test/checkout.test.js:40:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  'test/checkout.test.js:41:121  error  This line has a length greater than the maximum allowed of 120  max-len',
  '',
  '✖ 23 problems (23 errors, 0 warnings)',
].join('\n');

export const scenario = {
  name: 'node-lint-vietnamese',
  about:
    'held out: Node project without packages, hand-written lint + node --test, Vietnamese user, lint and test failures interleaved, implicit decision in thinking, git stash, pasted lint output, two mid /compact',
  requires: ['node', 'npm', 'git'],
  files: {
    'package.json':
      JSON.stringify(
        { name: 'vn-text', version: '0.4.0-rc.1', private: true, scripts: { lint: 'node scripts/lint.mjs', test: 'node --test --test-reporter=tap' } },
        null,
        2,
      ) + '\n',
    'README.md': '# vn-text\n\nSlug cho tiếng Việt và định dạng tiền VND. Không dùng package nào.\n\n    npm run lint\n    npm test\n',
    'scripts/lint.mjs': LINT,
    'src/slug.js': SLUG,
    'src/vnd.js': VND,
    'test/slug.test.js': SLUG_TEST,
    'test/vnd.test.js': VND_TEST,
    'test/fixtures/streets.txt': STREETS.text,
  },
  build(k, { edit, write }) {
    const clean = k.request('sửa cho npm run lint và npm test đều sạch');
    const noPkg = k.constraint('đừng cài thêm package nào');
    const english = k.constraint('commit message viết bằng tiếng Anh');
    k.error("src/slug.js:6:12  error  Expected '===' and instead saw '=='  eqeqeq", 'resolved');
    k.error('src/vnd.js:5:3  error  Unexpected var, use let or const instead  no-var', 'resolved');
    k.error('src/vnd.js:6:3  error  Unexpected console statement  no-console', 'resolved');
    k.error('not ok 2 - turns đ into d', 'resolved');
    k.error('not ok 7 - keeps the minus sign', 'resolved');
    const nfd = k.decision(
      'NFD decomposition plus dropping the combining marks',
      'covers every vowel and tone-mark combination in two lines',
      'a lookup table of every accented letter',
    );
    k.number(String(STREETS.names));
    k.number(String(STREETS.distinct));
    k.number(String(STREETS.slugs));
    const intl = k.rejected("Intl.NumberFormat('vi-VN'", 'Intl chèn một dấu cách không ngắt (U+00A0) trước ₫');
    k.file('src/slug.js');
    k.file('src/vnd.js');
    const pasted = 'src/checkout.js:88:121  error  This line has a length greater than the maximum allowed of 120  max-len';
    const rule = k.request('thêm rule no-trailing-spaces vào scripts/lint.mjs');
    k.error('src/slug.js:2:81  error  Trailing spaces not allowed  no-trailing-spaces', 'resolved');
    k.file('scripts/lint.mjs');
    const parse = k.request('thêm hàm parseVnd để đọc chuỗi tiền ngược lại thành số');
    const regex = k.decision(
      'one anchored regex with an optional suffix group',
      'it rejects garbage instead of guessing a number out of it',
      'stripping every non-digit character',
    );
    k.error('not ok 5 - parses 1,5k with a decimal comma', 'unresolved');
    k.file('test/parse.test.js');
    k.check('npm test', 'failing');
    k.check('npm run lint', 'passing');
    k.lastRequest(parse);
    k.not('errors', pasted, "pasted by the user from their own machine: not this session's tool output");
    k.not('errors', 'src/legacy/price-old.js:3:1', "pasted by the user from their own machine: not this session's tool output");
    k.not('constraints', clean, 'a request is not a standing rule');
    k.not('rejected', "normalize('NFD')", 'the decomposition is what was kept');

    const first =
      `chào bạn. mình cần ${clean} trước khi release 0.4. project này không dùng package nào từ npm, ${noPkg} nhé. ` + `à, ${english}, repo public.`;
    const second = 'ủa, mình chạy npm run lint trên máy mình thì ra cả đống lỗi, sao bên bạn sạch vậy? đây nè:\n\n```\n' + PASTE + '\n```';
    const third = `à đúng rồi, mấy file đó là nhánh checkout của mình chưa push. ok vậy ${rule}, mình hay bị dính dấu cách cuối dòng`;
    const fourth = `ổn rồi. cuối cùng: ${parse}, kiểu parseVnd('1.250.000 ₫') ra 1250000. người dùng hay gõ 50.000đ, -50.000 VND, 50k, có khi 1,5k nữa. viết test luôn nha`;

    const lint = 'npm run --silent lint';
    const tests = 'npm test 2>&1 | grep -E "^(not )?ok|^# (pass|fail)|^  (actual|expected):"';
    const streetsCheck =
      "node -e \"const { slugify } = require('./src/slug'); const l = require('fs').readFileSync('test/fixtures/streets.txt', 'utf8').trim().split('\\n'); " +
      "console.log('names', l.length, 'distinct', new Set(l).size, 'slugs', new Set(l.map(slugify)).size)\"";

    return [
      {
        user: first,
        model: [
          [think('Both commands first, to see how much there is.'), bash(lint, 'Run the lint')],
          [bash(tests, 'Run the tests')],
          [
            think(
              'Lint first, it is mechanical: the loose equality in slug.js, var and the debug log in vnd.js. The long line is the MAP table in slug.js, ' +
                'which the slug failures will touch anyway.',
            ),
            edit('src/slug.js', "  if (text == null) return '';\n", "  if (text === null || text === undefined) return '';\n"),
          ],
          [edit('src/vnd.js', '  var digits =', '  const digits =')],
          [bash(lint, 'Run the lint again')],
          [edit('src/vnd.js', "  console.log('formatVnd', amount);\n", '')],
          [bash(lint, 'Run the lint again')],
          [
            think(
              'Now the slug tests. The MAP covers a handful of vowels with some tones; ở, ộ, ờ and the rest fall through to "-", and đ is not there at all. ' +
                `Extending it means ${nfd.alternative}: 134 entries for the lowercase forms alone, easy to miss one and tedious to review. ` +
                `${nfd.choice[0].toUpperCase()}${nfd.choice.slice(1)} ${nfd.reason}, and leaves only đ/Đ as a special case, since đ is its own letter and does not decompose. ` +
                'Node has full ICU, so normalize() is available everywhere this runs.',
            ),
            edit(
              'src/slug.js',
              "  return text\n    .toLowerCase()\n    .split('')\n    .map((c) => MAP[c] || c)\n    .join('')\n",
              "  return text\n    .normalize('NFD')\n    .replace(/\\p{M}/gu, '')\n    .replace(/đ/g, 'd')\n    .replace(/Đ/g, 'D')\n    .toLowerCase()\n",
            ),
          ],
          [
            edit(
              'src/slug.js',
              "const MAP = { à: 'a', á: 'a', ả: 'a', ã: 'a', ạ: 'a', ă: 'a', â: 'a', è: 'e', é: 'e', ê: 'e', ò: 'o', ó: 'o', ô: 'o', ơ: 'o', ư: 'u', ù: 'u', ú: 'u' };\n\n",
              '',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            think('Slugs are URLs; how many distinct street names in the fixture end up on the same slug now?'),
            bash(streetsCheck, 'Count slug collisions in the street fixture'),
          ],
          [
            say(
              'Slug đã đúng. Lưu ý: trong test/fixtures/streets.txt có nhiều tên chỉ khác dấu thanh nên ra cùng một slug (số liệu ở trên). ' +
                'Mình commit phần lint và slug trước rồi mới sửa dấu âm của formatVnd.',
            ),
            bash('git commit -qam "Fix lint errors and slugify Vietnamese with NFD" && git log --oneline -1', 'Commit the lint and slug fixes'),
          ],
          [
            think('Negative amounts lose their sign. Intl knows the Vietnamese format already; try it.'),
            edit(
              'src/vnd.js',
              "  const digits = String(Math.abs(Math.round(amount))).replace(/\\B(?=(\\d{3})+(?!\\d))/g, '.');\n  return digits + ' ₫';\n",
              "  return new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }).format(Math.round(amount));\n",
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            say(
              `Không dùng được Intl: ${intl.why}, nên chuỗi trông giống hệt nhưng không bằng, và kết quả còn tuỳ bản ICU của Node. Mình cất thay đổi này vào stash rồi bỏ.`,
            ),
            bash('git stash push -m "vnd via Intl" src/vnd.js && git stash drop && git status --short', 'Stash and drop the Intl attempt'),
          ],
          [edit('src/vnd.js', "  return digits + ' ₫';\n", "  return (amount < 0 ? '-' : '') + digits + ' ₫';\n")],
          [bash(`${tests}; ${lint}`, 'Run the tests and the lint')],
          [bash('git commit -qam "Keep the minus sign in formatVnd" && git log --oneline -2', 'Commit')],
          [
            say(
              'Xong: `npm run lint` sạch, `npm test` qua hết. Đã sửa so sánh lỏng và `var`, bỏ `console.log` trong vnd.js; slugify giờ tách dấu bằng Unicode nên bắt được mọi dấu và cả đ; ' +
                'formatVnd giữ dấu trừ. Hai commit, message tiếng Anh.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Lint and tests are clean; slugify rewritten, formatVnd keeps the sign.',
          intent: 'Make npm run lint and npm test clean before the 0.4 release; no npm packages; English commit messages.',
          concepts: ['hand-written lint script', 'node --test', 'Unicode normalization'],
          files: ['src/slug.js: strips diacritics via normalize', 'src/vnd.js: no var/console, keeps the minus sign'],
          errors: ['Several lint errors; fixed', 'Two failing tests (đ, negative amounts); fixed'],
          solving: 'An Intl-based formatter was tried and dropped.',
          messages: ['Clean lint and tests before 0.4; no packages; commit messages in English'],
          pending: [],
          current: 'All clean, two commits.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [
            think('Those files: cart.js, checkout.js, legacy/price-old.js. None of them are in this tree as far as I know. Check.'),
            bash('git status --short; git branch -a; ls src test', 'Compare with the files in this checkout'),
          ],
          [bash(lint, 'Run the lint here')],
          [
            say(
              'Output bạn dán là từ máy bạn: các file cart.js, checkout.js, src/legacy/price-old.js và test của chúng không có trong repo này (chỉ có nhánh main, ' +
                'src/ chỉ có slug.js và vnd.js). Ở đây `npm run lint` vẫn sạch. Có lẽ bạn đang ở một nhánh khác hoặc có file chưa commit.',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [
            edit(
              'scripts/lint.mjs',
              "  { rule: 'max-len',",
              "  { rule: 'no-trailing-spaces', re: /[ \\t]+$/, message: 'Trailing spaces not allowed' },\n  { rule: 'max-len',",
            ),
          ],
          [bash(lint, 'Run the lint with the new rule')],
          [
            think('One hit: a space after the comment on line 2 of slug.js. Strip it.'),
            edit('src/slug.js', '-> "pho-bo-ha-noi"). \n', '-> "pho-bo-ha-noi").\n'),
          ],
          [bash(`${lint} && git commit -qam "lint: add no-trailing-spaces" && git log --oneline -1`, 'Run the lint and commit')],
          [say('Đã thêm rule no-trailing-spaces vào scripts/lint.mjs; nó bắt được một dấu cách cuối dòng trong src/slug.js, đã xoá. Lint sạch, đã commit.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'The lint output the user pasted came from another branch on their machine; a no-trailing-spaces rule was added.',
          intent: 'Clean lint and tests for 0.4; then a trailing-spaces rule in the lint script. No packages; English commit messages.',
          concepts: ['scripts/lint.mjs rules', 'node --test'],
          files: ['scripts/lint.mjs: no-trailing-spaces rule', 'src/slug.js: trailing space removed'],
          errors: ['The pasted lint errors were for files not in this checkout'],
          solving: 'Compared the pasted output with the files here.',
          messages: ['Pasted their own lint output', 'Add a no-trailing-spaces rule'],
          pending: [],
          current: 'Lint clean with the new rule.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fourth,
        model: [
          [
            think(
              `parseVnd has to take several spellings: "1.250.000 ₫", "50.000đ", "-50.000 VND", "50k". ${regex.alternative[0].toUpperCase()}${regex.alternative.slice(1)} would turn "50k" into 50 and "abc5" into 5. ` +
                `${regex.choice[0].toUpperCase()}${regex.choice.slice(1)} lists every accepted form in one place, and ${regex.reason}: NaN for anything else.`,
            ),
            edit(
              'src/vnd.js',
              'module.exports = { formatVnd };\n',
              '/** parseVnd("1.250.000 ₫") -> 1250000; also "50.000đ", "-50.000 VND", "50k". NaN when it is not an amount. */\n' +
                'function parseVnd(text) {\n  const m = /^\\s*(-?)([\\d.]+)\\s*(k|₫|đ|vnd)?\\s*$/i.exec(String(text));\n  if (!m) return NaN;\n' +
                "  const n = Number(m[2].replace(/\\./g, ''));\n  const value = m[3] && m[3].toLowerCase() === 'k' ? n * 1000 : n;\n  return m[1] ? -value : value;\n}\n\n" +
                'module.exports = { formatVnd, parseVnd };\n',
            ),
          ],
          [
            write(
              'test/parse.test.js',
              "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\nconst { formatVnd, parseVnd } = require('../src/vnd');\n\n" +
                "test('parses the formatted amount', () => assert.strictEqual(parseVnd('1.250.000 ₫'), 1250000));\n" +
                "test('parses 50.000đ', () => assert.strictEqual(parseVnd('50.000đ'), 50000));\n" +
                "test('parses a negative VND amount', () => assert.strictEqual(parseVnd('-50.000 VND'), -50000));\n" +
                "test('parses 50k', () => assert.strictEqual(parseVnd('50k'), 50000));\n" +
                "test('parses 1,5k with a decimal comma', () => assert.strictEqual(parseVnd('1,5k'), 1500));\n" +
                "test('round-trips formatVnd', () => assert.strictEqual(parseVnd(formatVnd(-987654)), -987654));\n" +
                "test('NaN for text that is not an amount', () => assert.ok(Number.isNaN(parseVnd('abc5'))));\n",
            ),
          ],
          [bash(`${tests}; ${lint}`, 'Run the tests and the lint')],
          [
            say(
              'parseVnd đã có trong src/vnd.js, test ở test/parse.test.js. Lint sạch; còn một test đỏ: dạng có dấu phẩy thập phân trước k (ví dụ của bạn) chưa đọc được, ' +
                'vì regex chỉ nhận chữ số và dấu chấm. Bước tiếp theo mình sẽ cho phần số nhận dấu phẩy thập phân khi có hậu tố k.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'parseVnd added with tests; one test (decimal comma with k) still fails.',
          intent: 'Clean lint and tests for 0.4, a trailing-spaces lint rule, and parseVnd with tests. No packages; English commit messages.',
          concepts: ['regex parsing of VND amounts', 'node --test'],
          files: ['src/vnd.js: parseVnd', 'test/parse.test.js: seven cases'],
          errors: ['The decimal-comma case fails (not fixed yet)'],
          solving: 'A single regex accepts the known spellings.',
          messages: ['Earlier messages are in the previous summaries', 'Add parseVnd with tests'],
          pending: ['Accept a decimal comma before k'],
          current: 'parseVnd written; one test red.',
          next: 'Let the number part accept a decimal comma when the k suffix is present.',
        }),
      },
    ];
  },
};
