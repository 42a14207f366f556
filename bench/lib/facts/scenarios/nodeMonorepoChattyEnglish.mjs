// A chatty English-speaking user on an npm workspaces monorepo (three local packages, no registry
// packages, `npm test --workspaces` with node --test). The user pastes long terminal output and an IDE
// selection; money is fixed first, cart much later (after two compactions), receipt is left failing
// because another developer owns it. A build script prints bundle sizes in kB; the agent wrongly
// assumes the user wants smaller bundles and drops the sourcemaps, and the user corrects it ("no,
// that's not what I meant: …"). One decision is weighed in thinking with both options named and the
// pick left implicit. Three compactions in the middle. Written as a held-out scenario: not tuned on.
import { gzipSync } from 'node:zlib';
import { bash, ccSummary, say, think } from '../kit.mjs';

const pkg = (name, deps = {}) =>
  JSON.stringify(
    {
      name: `@shopkit/${name}`,
      version: '1.0.0',
      private: true,
      type: 'module',
      exports: './src/index.js',
      dependencies: deps,
      scripts: { test: 'node --test' },
    },
    null,
    2,
  ) + '\n';

const MONEY_FORMAT =
  "// formatCents(1234) → '12.34'. Amounts are integer cents everywhere in shopkit.\n" +
  "export function formatCents(cents) {\n  const whole = Math.trunc(cents / 100);\n  const frac = String(cents % 100).padStart(2, '0');\n  return `${whole}.${frac}`;\n}\n\n" +
  "// parseAmount('12.34') → 1234\nexport function parseAmount(text) {\n  const match = /^(-?)(\\d+)(?:\\.(\\d{1,2}))?$/.exec(text.trim());\n" +
  "  if (!match) throw new Error(`not an amount: ${text}`);\n  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));\n  return match[1] ? -cents : cents;\n}\n";
const MONEY_FORMAT_OLD_BODY = "  const whole = Math.trunc(cents / 100);\n  const frac = String(cents % 100).padStart(2, '0');\n  return `${whole}.${frac}`;\n";
const MONEY_FORMAT_NEW_BODY =
  "  const sign = cents < 0 ? '-' : '';\n  const abs = Math.abs(cents);\n  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;\n";
const MONEY_INDEX = "export { formatCents, parseAmount } from './format.js';\n";
const MONEY_TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { formatCents, parseAmount } from '../src/index.js';\n\n" +
  "test('formats positive amounts', () => {\n  assert.equal(formatCents(1234), '12.34');\n  assert.equal(formatCents(5), '0.05');\n});\n\n" +
  "test('formats negative amounts', () => {\n  assert.equal(formatCents(-1234), '-12.34');\n});\n\n" +
  "test('formats small refunds', () => {\n  assert.equal(formatCents(-5), '-0.05');\n});\n\n" +
  "test('parses amounts', () => {\n  assert.equal(parseAmount('12.3'), 1230);\n  assert.equal(parseAmount('-0.05'), -5);\n});\n";

const CART_SRC =
  "import { formatCents } from '@shopkit/money';\n\n// lines: [{ sku, qty }], catalog: { [sku]: { name, price } } with prices in cents.\n" +
  'export function cartTotal(lines, catalog) {\n  let cents = 0;\n  for (const line of lines) {\n    const item = catalog[line.sku];\n    cents += item.price * line.qty;\n  }\n' +
  '  return { cents, display: formatCents(cents) };\n}\n';
const CART_LOOP_OLD = '    const item = catalog[line.sku];\n    cents += item.price * line.qty;\n  }\n  return { cents, display: formatCents(cents) };\n';
const CART_LOOP_NEW =
  '    const item = catalog[line.sku];\n    if (!item) {\n      missing.push(line.sku);\n      continue;\n    }\n    cents += item.price * line.qty;\n  }\n  return { cents, display: formatCents(cents), missing };\n';
const CART_SRC_FIXED = CART_SRC.replace('  let cents = 0;\n', '  let cents = 0;\n  const missing = [];\n').replace(CART_LOOP_OLD, CART_LOOP_NEW);
const CART_INDEX = "export { cartTotal } from './cart.js';\n";
const CART_TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { cartTotal } from '../src/index.js';\n\n" +
  "const catalog = { 'A-1': { name: 'Mug', price: 1250 }, 'C-3': { name: 'Tea', price: 450 } };\n\n" +
  "test('adds up the lines', () => {\n  assert.equal(cartTotal([{ sku: 'A-1', qty: 2 }], catalog).display, '25.00');\n});\n\n" +
  "test('ignores products removed from the catalog', () => {\n  assert.equal(cartTotal([{ sku: 'A-1', qty: 2 }, { sku: 'B-2', qty: 1 }], catalog).cents, 2500);\n});\n";

const RECEIPT_SRC =
  "import { cartTotal } from '@shopkit/cart';\nimport { formatCents } from '@shopkit/money';\n\n" +
  'export function renderReceipt(lines, catalog, width = 30) {\n  const out = [];\n  for (const line of lines) {\n    const item = catalog[line.sku];\n    if (!item) continue;\n' +
  '    const amount = formatCents(item.price * line.qty);\n    out.push(`${line.qty} x ${item.name}`.padEnd(width - amount.length) + amount);\n  }\n' +
  "  const total = cartTotal(lines, catalog).display;\n  out.push('TOTAL'.padEnd(width - total.length) + total);\n  return out.join('\\n');\n}\n";
const RECEIPT_INDEX = "export { renderReceipt } from './receipt.js';\n";
const RECEIPT_TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { renderReceipt } from '../src/index.js';\n\n" +
  "test('pads the total line to 32 columns', () => {\n  const text = renderReceipt([{ sku: 'A-1', qty: 2 }], { 'A-1': { name: 'Mug', price: 1250 } });\n" +
  "  assert.equal(text.split('\\n').at(-1).length, 32);\n});\n";

const BUILD =
  '// scripts/build.mjs: "bundles" each workspace (its src/*.js concatenated) into dist/<name>.js with an inline sourcemap.\n' +
  "import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\n\n" +
  "const root = new URL('..', import.meta.url).pathname;\nconst kB = (bytes) => (bytes / 1024).toFixed(2);\nmkdirSync(join(root, 'dist'), { recursive: true });\n\n" +
  "for (const name of readdirSync(join(root, 'packages')).sort()) {\n  const dir = join(root, 'packages', name, 'src');\n  let code = '';\n  const sources = [];\n" +
  "  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {\n    const text = readFileSync(join(dir, file), 'utf8');\n" +
  '    code += `// ${name}/src/${file}\\n${text}\\n`;\n    sources.push({ file: `packages/${name}/src/${file}`, text });\n  }\n' +
  "  const map = { version: 3, file: `${name}.js`, sources: sources.map((s) => s.file), sourcesContent: sources.map((s) => s.text), mappings: '' };\n" +
  "  const out = code + `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\\n`;\n" +
  "  writeFileSync(join(root, 'dist', `${name}.js`), out);\n  console.log(`${name.padEnd(10)} ${kB(Buffer.byteLength(out)).padStart(8)} kB`);\n}\n";
const BUILD_LOG_OLD = '  console.log(`${name.padEnd(10)} ${kB(Buffer.byteLength(out)).padStart(8)} kB`);\n';
const BUILD_LOG_GZIP =
  '  const gz = gzipSync(out).length;\n  console.log(`${name.padEnd(10)} ${kB(Buffer.byteLength(out)).padStart(8)} kB  ${kB(gz).padStart(8)} kB gzip`);\n';
const BUILD_LOG_SIZES =
  '  const gz = gzipSync(out).length;\n  if (sizesOnly) console.log(`${name.padEnd(10)} ${kB(gz).padStart(8)} kB gzip`);\n' +
  '  else console.log(`${name.padEnd(10)} ${kB(Buffer.byteLength(out)).padStart(8)} kB  ${kB(gz).padStart(8)} kB gzip`);\n';
const NO_MAP_OLD = "  const out = code + `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\\n`;\n";
const NO_MAP_NEW =
  "  const sourceMap = false; // maps are most of the bytes\n  const out = sourceMap ? code + `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\\n` : code;\n";

/** The sizes scripts/build.mjs prints for one package, worked out the same way: [raw kB, gzip kB]. */
function sizes(name, files) {
  let code = '';
  const sources = [];
  for (const file of Object.keys(files).sort()) {
    code += `// ${name}/src/${file}\n${files[file]}\n`;
    sources.push({ file: `packages/${name}/src/${file}`, text: files[file] });
  }
  const map = { version: 3, file: `${name}.js`, sources: sources.map((s) => s.file), sourcesContent: sources.map((s) => s.text), mappings: '' };
  const out = code + `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
  return [(Buffer.byteLength(out) / 1024).toFixed(2), (gzipSync(out).length / 1024).toFixed(2)];
}

const MONEY_FIXED = MONEY_FORMAT.replace(MONEY_FORMAT_OLD_BODY, MONEY_FORMAT_NEW_BODY);
const MONEY_SIZES = sizes('money', { 'format.js': MONEY_FIXED, 'index.js': MONEY_INDEX });
const RECEIPT_SIZES = sizes('receipt', { 'index.js': RECEIPT_INDEX, 'receipt.js': RECEIPT_SRC });
const CART_FIXED_SIZES = sizes('cart', { 'cart.js': CART_SRC_FIXED, 'index.js': CART_INDEX });

const ROOT_PKG =
  JSON.stringify(
    { name: 'shopkit', private: true, workspaces: ['packages/*'], scripts: { test: 'npm test --workspaces', build: 'node scripts/build.mjs' } },
    null,
    2,
  ) + '\n';

export const scenario = {
  name: 'node-monorepo-chatty',
  about:
    'held out: chatty English user pasting terminal output and an IDE selection, npm workspaces with npm test --workspaces, two workspaces fixed at different times and one left failing, build sizes in kB, a wrong assumption corrected, three mid-session /compact',
  requires: ['node', 'npm', 'git'],
  files: {
    '.gitignore': 'node_modules\ndist\n',
    'package.json': ROOT_PKG,
    'README.md': '# shopkit\n\nThree workspaces: money, cart, receipt.\n\n    npm install\n    npm test\n    npm run build\n',
    'scripts/build.mjs': BUILD,
    'packages/money/package.json': pkg('money'),
    'packages/money/src/format.js': MONEY_FORMAT,
    'packages/money/src/index.js': MONEY_INDEX,
    'packages/money/test/format.test.js': MONEY_TEST,
    'packages/cart/package.json': pkg('cart', { '@shopkit/money': '1.0.0' }),
    'packages/cart/src/cart.js': CART_SRC,
    'packages/cart/src/index.js': CART_INDEX,
    'packages/cart/test/cart.test.js': CART_TEST,
    'packages/receipt/package.json': pkg('receipt', { '@shopkit/cart': '1.0.0', '@shopkit/money': '1.0.0' }),
    'packages/receipt/src/receipt.js': RECEIPT_SRC,
    'packages/receipt/src/index.js': RECEIPT_INDEX,
    'packages/receipt/test/receipt.test.js': RECEIPT_TEST,
  },
  build(k, { edit, write }) {
    const green = k.request('get npm test --workspaces green again, money first');
    const noDeps = k.constraint('no new dependencies from the registry');
    const receiptRule = k.constraint("don't touch packages/receipt, Dana is rewriting it");
    k.error("actual: '-12.-34'", 'resolved');
    const sign = k.decision('a sign prefix on the absolute amount', 'the receipt snapshots compare exact strings', 'Intl.NumberFormat');
    k.file('packages/money/src/format.js');
    const gzipReq = k.request('make the build script print the gzip size next to the raw size');
    const gzipPick = k.decision('gzipSync with the default level', 'the size budget in the README is written in gzip numbers', 'Brotli');
    k.file('scripts/build.mjs');
    k.number(MONEY_SIZES[1]);
    k.number(RECEIPT_SIZES[1]);
    k.number(RECEIPT_SIZES[0]);
    const noMap = k.rejected('const sourceMap = false', 'Sentry symbolicates the production stack traces from those maps');
    const keepMaps = k.constraint('the sourcemaps stay in the bundles');
    const cartReq = k.request("fix the cart so a product that was deleted from the catalog doesn't crash the total");
    k.error("Cannot read properties of undefined (reading 'price')", 'resolved');
    const zero = k.rejected('item?.price ?? 0', 'a deleted product would silently cost nothing and nobody would see it left the order');
    const dropPick = k.decision('drop the line and list its sku in missing', 'checkout can tell the customer what disappeared', 'throwing for the whole cart');
    k.file('packages/cart/src/cart.js');
    k.file('packages/cart/test/cart.test.js');
    k.error('actual: 30', 'unresolved');
    k.check('npm test --workspaces', 'failing');
    const sizeReq = k.request('add a size script to the root package.json');
    k.number(CART_FIXED_SIZES[1]);
    k.file('package.json');
    k.lastRequest(sizeReq);
    k.not('constraints', green, 'a request is not a standing rule');
    k.not('errors', 'item.product is undefined', "pasted by the user from the browser console, not seen in this session's tool output");
    k.not('numbers', '7.91', "yesterday's figure pasted by the user, not measured in the session");
    k.not('decisions', 'turning them off makes the numbers honest', 'the wrong assumption the user corrected');

    const pastedTest =
      '```\n$ npm test --workspaces\n\n> @shopkit/money@1.0.0 test\n> node --test\n\n' +
      '✖ formats negative amounts (0.81ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n' +
      "  + actual - expected\n  + '-12.-34'\n  - '-12.34'\n✖ formats small refunds (0.12ms)\n" +
      'ℹ tests 4\nℹ pass 2\nℹ fail 2\nnpm ERR! Lifecycle script `test` failed with error:\nnpm ERR! Error: command failed\n' +
      'npm ERR!   in workspace: @shopkit/money\n\n> @shopkit/cart@1.0.0 test\n> node --test\n\n✖ ignores products removed from the catalog\n' +
      'ℹ tests 2\nℹ pass 1\nℹ fail 1\n\n> @shopkit/receipt@1.0.0 test\n> node --test\n\n✖ pads the total line to 32 columns\nℹ tests 1\nℹ fail 1\n```';
    const first =
      "Morning! Okay so, long story short, I came back from a week off and the shopkit monorepo is a sea of red. Here's what I get locally " +
      "(I did run npm install, it's all local workspaces so nothing gets fetched):\n\n" +
      `${pastedTest}\n\n` +
      `Honestly no idea who broke money, git blame says it was me, which, rude. Anyway: can you ${green}? The format.js file is open in my editor. ` +
      `Two things though: ${noDeps}, this laptop is on the locked-down corporate network and npm can't reach anything anyway, and ${receiptRule}, ` +
      "so leave its failing test to her, she'll sort it out in her branch.";

    const pastedBuild =
      '```\n$ npm run build\n\n> shopkit build\n> node scripts/build.mjs\n\ncart           4.02 kB\nmoney          7.91 kB\nreceipt        3.37 kB\n```';
    const second =
      'Ha, nice, that was quick. Okay next thing, and this is more of a nice-to-have. Our build script is super dumb (it basically cats files together, ' +
      `we'll get a real bundler one day), and here's what it prints for me:\n\n${pastedBuild}\n\n` +
      `The thing is our perf budget talks about gzip and I keep gzipping by hand to check. Could you ${gzipReq}? ` +
      'Would save me a bunch of terminal gymnastics every release.';

    const third =
      "Wait, no, that's not what I meant: I just wanted to SEE the gzip numbers, I didn't ask for smaller bundles. " +
      `Please put the maps back, ${keepMaps}, our error tracker needs them or every stack trace in prod is line 1 column 48213 of some blob.`;

    const selection =
      'this is the bit I have selected in VS Code (packages/cart/src/cart.js, lines 4-9):\n\n```js\nexport function cartTotal(lines, catalog) {\n  let cents = 0;\n' +
      '  for (const line of lines) {\n    const item = catalog[line.sku];\n    cents += item.price * line.qty;\n  }\n```\n\n' +
      'and this is what the browser console on staging says when someone has a deleted product in their saved cart:\n\n' +
      '```\nUncaught (in promise) TypeError: item.product is undefined\n    cartTotal cart.js:8\n    renderCheckout checkout.js:41\n```\n\n' +
      '(Firefox, so the wording is a bit different from Node.)';
    const fourth =
      'Cool cool. Okay, the real bug now, the one support keeps pinging me about. ' +
      `${selection}\n\nCan you ${cartReq}? Product people say a removed product should just not be charged, but I'd love it if checkout could tell people what happened.`;

    const fifth =
      "Perfect, that's exactly it. Last thing for today and then I'm off to lunch: " +
      `${sizeReq}, so I can just type npm run size and get only the gzip table without writing dist/. No rush.`;

    return [
      {
        user: { ide: 'packages/money/src/format.js', text: first },
        model: [
          [
            think('Links to the workspaces first, then the whole suite to see it myself.'),
            bash('npm install --offline --no-audit --no-fund', 'Link the workspaces'),
          ],
          [bash('npm test --workspaces 2>&1 | grep -E "^(not ok|[✖ℹ] (pass|fail))|actual:|reading|> @shopkit"', 'Run every workspace and keep the failures')],
          [
            think(
              `formatCents truncates toward zero and takes the remainder with its sign, so -1234 gives -12 and -34. Either ${sign.alternative} or ${sign.choice}. ` +
                `${sign.reason[0].toUpperCase()}${sign.reason.slice(1)}, and ${sign.alternative} inserts grouping separators and can pick a locale from the environment.`,
            ),
            edit('packages/money/src/format.js', MONEY_FORMAT_OLD_BODY, MONEY_FORMAT_NEW_BODY),
          ],
          [bash('npm test -w packages/money', 'Run the money tests')],
          [
            say(
              'money is green again: formatCents took the remainder with its sign, so negative amounts came out with two minus signs. It now formats the absolute amount and puts the sign in front. ' +
                'cart still fails (the deleted-product case) and receipt fails too; I left receipt alone as you asked.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'shopkit monorepo: money fixed; cart and receipt still fail.',
          intent: 'Make npm test --workspaces pass, money first. No new registry dependencies; receipt belongs to Dana.',
          concepts: ['npm workspaces', 'node --test', 'integer cents'],
          files: ['packages/money/src/format.js: sign handled separately'],
          errors: ['Negative amounts were formatted with two minus signs; fixed'],
          solving: 'money fixed; cart and receipt left for later.',
          messages: ['Pasted the failing test run; fix money first; no registry packages; leave receipt to Dana'],
          pending: ['cart: deleted products'],
          current: 'money passes.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [
            think(
              `For the compressed size: ${gzipPick.alternative} is closer to what the CDN serves these days, but ${gzipPick.reason}, and zlib has ${gzipPick.choice} built in with no options to argue about.`,
            ),
            edit('scripts/build.mjs', "import { join } from 'node:path';\n", "import { join } from 'node:path';\nimport { gzipSync } from 'node:zlib';\n"),
          ],
          [edit('scripts/build.mjs', BUILD_LOG_OLD, BUILD_LOG_GZIP)],
          [bash('npm run build', 'Build and print the sizes')],
          [
            think('The inline sourcemaps are more than half of each file. Production does not need them inline; turning them off makes the numbers honest.'),
            edit('scripts/build.mjs', NO_MAP_OLD, NO_MAP_NEW),
          ],
          [bash('npm run build', 'Build and print the sizes')],
          [say('The build now prints raw and gzip sizes. I also switched off the inline sourcemaps, which roughly halves every bundle.')],
        ],
      },
      {
        user: third,
        model: [
          [say(`Sorry, my mistake. Putting the maps back: ${noMap.why}.`), edit('scripts/build.mjs', NO_MAP_NEW, NO_MAP_OLD)],
          [bash('npm run build', 'Build and print the sizes')],
          [say('Sourcemaps are back in; the only change to the build is the gzip column.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Build script now prints a gzip column; sourcemaps kept after the user corrected me.',
          intent: 'Test suite green (money done); gzip sizes in the build output; sourcemaps must stay.',
          concepts: ['zlib gzip', 'inline sourcemaps'],
          files: ['scripts/build.mjs: gzip column'],
          errors: [],
          solving: 'Turning the sourcemaps off was reverted at the user’s request.',
          messages: ['Asked for the gzip size in the build output', 'Corrected me: only wanted to see gzip numbers, keep the maps'],
          pending: ['cart: deleted products'],
          current: 'Build prints raw and gzip kB.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fourth,
        model: [
          [bash('npm test -w packages/cart 2>&1 | grep -E "^(not ok|✖)|TypeError|reading"', 'Run the cart tests')],
          [
            think('Quickest thing that stops the crash: treat a missing product as price zero.'),
            edit('packages/cart/src/cart.js', '    cents += item.price * line.qty;\n', '    cents += (item?.price ?? 0) * line.qty;\n'),
          ],
          [bash('npm test -w packages/cart 2>&1 | grep -E "^(ok|not ok|[✔✖])"', 'Run the cart tests')],
          [
            say(`That passes, but I'm taking it out again: ${zero.why}.`),
            edit('packages/cart/src/cart.js', '    cents += (item?.price ?? 0) * line.qty;\n', '    cents += item.price * line.qty;\n'),
          ],
          [
            think(
              `What should a missing product do: ${dropPick.alternative}, or ${dropPick.choice}? The user wants checkout to say what happened. ` +
                `Going with ${dropPick.choice}, so ${dropPick.reason}.`,
            ),
            write('packages/cart/src/cart.js', CART_SRC_FIXED),
          ],
          [
            edit(
              'packages/cart/test/cart.test.js',
              "  assert.equal(cartTotal([{ sku: 'A-1', qty: 2 }, { sku: 'B-2', qty: 1 }], catalog).cents, 2500);\n",
              "  const total = cartTotal([{ sku: 'A-1', qty: 2 }, { sku: 'B-2', qty: 1 }], catalog);\n  assert.equal(total.cents, 2500);\n  assert.deepEqual(total.missing, ['B-2']);\n",
            ),
          ],
          [bash('npm test --workspaces 2>&1 | grep -E "^(ok|not ok|[✔✖] )|actual:|> @shopkit"', 'Run every workspace')],
          [
            say(
              'cart is fixed: a line whose product is gone from the catalog is skipped and its sku comes back in `missing`, so checkout can tell people. ' +
                'money and cart pass; receipt still fails, untouched as agreed.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'cart no longer crashes on deleted products; receipt still fails (Dana’s).',
          intent: 'Green tests except receipt; gzip sizes; keep sourcemaps; no registry packages.',
          concepts: ['cartTotal missing list'],
          files: ['packages/cart/src/cart.js: missing products skipped and listed', 'packages/cart/test/cart.test.js: asserts missing'],
          errors: ['cart crashed on a product missing from the catalog; fixed'],
          solving: 'A zero-price fallback was tried and dropped.',
          messages: ['Pasted the cart code and a Firefox console error; fix the crash, tell customers what happened'],
          pending: [],
          current: 'money and cart pass; receipt fails.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fifth,
        model: [
          [
            edit(
              'scripts/build.mjs',
              "const kB = (bytes) => (bytes / 1024).toFixed(2);\nmkdirSync(join(root, 'dist'), { recursive: true });\n",
              "const kB = (bytes) => (bytes / 1024).toFixed(2);\nconst sizesOnly = process.argv.includes('--sizes-only');\nif (!sizesOnly) mkdirSync(join(root, 'dist'), { recursive: true });\n",
            ),
          ],
          [edit('scripts/build.mjs', BUILD_LOG_GZIP, BUILD_LOG_SIZES)],
          [
            edit(
              'scripts/build.mjs',
              "  writeFileSync(join(root, 'dist', `${name}.js`), out);\n",
              "  if (!sizesOnly) writeFileSync(join(root, 'dist', `${name}.js`), out);\n",
            ),
          ],
          [
            edit(
              'package.json',
              '"build": "node scripts/build.mjs"\n',
              '"build": "node scripts/build.mjs",\n    "size": "node scripts/build.mjs --sizes-only"\n',
            ),
          ],
          [bash('npm run size', 'Print the gzip sizes')],
          [bash('npm test --workspaces 2>&1 | grep -E "^(ok|not ok|[✔✖] )|actual:|> @shopkit"', 'Run every workspace')],
          [
            say(
              "`npm run size` prints only the gzip table and writes nothing to dist/. Tests: money and cart pass, receipt still has its one failing test (Dana's).",
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'shopkit: money and cart fixed, build prints gzip sizes, npm run size added; receipt left to Dana.',
          intent: 'Tests green except receipt (Dana’s); gzip sizes; an npm run size script. No registry packages; sourcemaps stay.',
          concepts: ['npm workspaces', 'node --test', 'zlib'],
          files: ['package.json: size script', 'scripts/build.mjs: --sizes-only'],
          errors: ['receipt: total line padding test fails (not ours)'],
          solving: 'Done for the day.',
          messages: ['Earlier messages are in the previous summaries', `"${fifth}"`],
          pending: ['receipt test (Dana)'],
          current: 'npm run size works.',
          next: 'None.',
        }),
      },
    ];
  },
};
