// A user typing in an IDE integration: every message is an `<ide_opened_file>` block followed by the
// typed request (written by the real CLI from a two-block stream-json user message). Front-end code.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'ide-context',
  about: 'IDE-context user records (<ide_opened_file> block, then the typed text), node front-end, thinking',
  files: {
    'package.json': JSON.stringify({ name: 'shop-web', version: '0.9.2', private: true }, null, 2) + '\n',
    'src/cart/badge.js': "function badge(item) {\n  return '-' + item.discount.percent + '%';\n}\nmodule.exports = { badge };\n",
    'data/cart.json':
      JSON.stringify([
        { sku: 'MUG', price: 900, listPrice: 1200, discount: { percent: 25 } },
        { sku: 'BUNDLE-3', price: 2400, listPrice: 3000 },
      ]) + '\n',
    'scripts/render-cart.js':
      "const { badge } = require('../src/cart/badge.js');\nfor (const item of require('../data/cart.json')) console.log(item.sku.padEnd(10) + badge(item));\n",
    'scripts/bundle-size.js': "console.log('dist/cart.js ' + (142 / 10) + ' kB (gzip ' + (4.61).toFixed(2) + ' kB)');\n",
    'test/price.snap': 'CHF 2400.00\n',
    'scripts/snapshot.js':
      "const fs = require('fs');\nconst p = fs.existsSync('src/format/price.js') ? require('../src/format/price.js') : null;\nconst got = p ? p.formatPrice(240000) : '';\n" +
      "if (got + '\\n' !== fs.readFileSync('test/price.snap', 'utf8')) { console.error('SNAPSHOT MISMATCH price.snap: got ' + JSON.stringify(got)); process.exit(1); }\nconsole.log('snapshots ok');\n",
  },
  build(k, { edit, write }) {
    const nan = k.request('the discount badge breaks for bundles');
    const cents = k.constraint('keep prices in cents in the API payload');
    const typeError = k.error("TypeError: Cannot read properties of undefined (reading 'percent')", 'resolved');
    const derive = k.decision(
      'derive the bundle discount from price and listPrice',
      'bundles carry no discount object in the catalogue feed',
      'adding a discount field to every bundle',
    );
    k.file('src/cart/badge.js');
    const helper = k.request('move the price formatting into its own helper');
    const checkout = k.constraint("don't touch the checkout flow");
    k.file('src/format/price.js');
    const locale = k.rejected("toLocaleString('de-CH'", 'the snapshots expect no thousands separator');
    k.error('SNAPSHOT MISMATCH price.snap', 'resolved');
    k.number('14.2');
    k.number('4.61');
    k.not('requests', 'may or may not be related to the current task', 'the IDE wrapper is not what the user typed');
    k.not('constraints', 'The user opened the file', 'the IDE wrapper is not a rule');
    void typeError;

    return [
      {
        user: { ide: 'src/cart/badge.js', text: `${nan} (shows an exception in the cart preview). ${cents}.` },
        model: [
          [think('Reproduce with the cart preview script.'), bash('node scripts/render-cart.js', 'Render the cart')],
          [
            think(
              `BUNDLE-3 has no discount object. Either ${derive.alternative} upstream, or ${derive.choice} here. I'll ${derive.choice}: ${derive.reason}, and the feed is owned by another team.`,
            ),
            edit(
              'src/cart/badge.js',
              "  return '-' + item.discount.percent + '%';",
              "  const percent = item.discount ? item.discount.percent : Math.round(100 - (item.price / item.listPrice) * 100);\n  return '-' + percent + '%';",
            ),
          ],
          [bash('node scripts/render-cart.js', 'Render the cart again')],
          [say('Bundles now show a badge computed from their price and list price.')],
        ],
      },
      {
        user: { ide: 'src/cart/badge.js', text: `Now ${helper}. ${checkout}.` },
        model: [
          [
            think('Try the built-in locale formatting first.'),
            write(
              'src/format/price.js',
              `function formatPrice(cents) {\n  return 'CHF ' + (cents / 100).${locale.what}, { minimumFractionDigits: 2 });\n}\nmodule.exports = { formatPrice };\n`,
            ),
          ],
          [bash('node scripts/snapshot.js', 'Snapshot test')],
          [
            think('The snapshot check fails with the locale output.'),
            say(`Dropping ${locale.what}): ${locale.why}, and locale output differs between Node builds. Plain toFixed instead.`),
            write('src/format/price.js', "function formatPrice(cents) {\n  return 'CHF ' + (cents / 100).toFixed(2);\n}\nmodule.exports = { formatPrice };\n"),
          ],
          [bash('node scripts/snapshot.js', 'Snapshot test again')],
          [bash('node scripts/bundle-size.js', 'Bundle size')],
          [say('The helper lives in src/format/price.js; snapshots pass. The checkout code is untouched.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'IDE user with badge.js open. Bundle badge fixed; price helper extracted.',
          intent:
            'Fix the discount badge for bundles (it threw in the cart preview) while keeping prices in cents in the API payload; then move price formatting into a helper without touching the checkout flow.',
          concepts: ['Node.js front-end modules', 'Price formatting, snapshots'],
          files: ['src/cart/badge.js: badge() falls back to a percent computed from price/listPrice', 'src/format/price.js: new formatPrice(cents)'],
          errors: [
            "render-cart.js threw TypeError: Cannot read properties of undefined (reading 'percent') for BUNDLE-3 (no discount); fixed",
            'The snapshot test failed with locale formatting; switched to toFixed, passes now',
          ],
          solving: 'Computed the bundle discount locally. Bundle size checked (about 14 kB).',
          messages: [`"${nan} (shows an exception in the cart preview). ${cents}." (with src/cart/badge.js open)`, `"Now ${helper}. ${checkout}."`],
          pending: [],
          current: 'Extracted the price helper and verified snapshots and bundle size.',
          next: 'None; wait for the user.',
        }),
      },
    ];
  },
};
