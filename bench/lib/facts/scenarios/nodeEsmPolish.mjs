// A Polish-speaking user migrating a small CommonJS library (Polish slugs, plurals, złoty amounts) to
// ESM, tested with `node --test` under Node 24 (its spec reporter: ✔/✖ rows, ℹ counts). The ESM errors
// come one at a time (require in ES module scope, a missing extension, __dirname); a createRequire shim
// is tried and undone with `git restore`; the strategy (the whole package as "type": "module" against
// .mjs files) is chosen in thinking with the dismissed alternative. One amount-formatting test fails from
// the start and stays failing: the user refuses the agent's edit of it. Two compactions in the middle.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const PREFIXES = ['Nowa', 'Stara', 'Wola', 'Górna', 'Dolna', 'Mała', 'Wielka', 'Zielona', 'Biała', 'Łąka'];
const ROOTS = ['Łódź', 'Gąbin', 'Żółkiew', 'Ślęza', 'Kęty', 'Mońki', 'Źródła', 'Brzeg', 'Sanok', 'Ostrów', 'Jarosław', 'Końskie'];

// Place names for the slug script: every prefix with every root, a few in both spellings (with and
// without Polish letters) so that their slugs collide, and some repeated.
function places() {
  const names = [];
  for (const p of PREFIXES) for (const r of ROOTS) names.push(`${p} ${r}`);
  for (let i = 0; i < ROOTS.length; i += 3)
    names.push(
      `Nowa ${ROOTS[i]
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ł/g, 'l')
        .replace(/Ł/g, 'L')}`,
    );
  for (let i = 0; i < 17; i++) names.push(names[(i * 7) % 120]);
  return names.join('\n') + '\n';
}

const INDEX_CJS =
  "'use strict';\nconst { slugify } = require('./slug');\nconst { plural } = require('./plural');\nconst { formatPLN } = require('./money');\n\nmodule.exports = { slugify, plural, formatPLN };\n";
const INDEX_ESM = "export { slugify } from './slug';\nexport { plural } from './plural';\nexport { formatPLN } from './money';\n";
const SLUG_BODY =
  "const MAP = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };\n\n" +
  '/** "Zażółć gęślą jaźń" → "zazolc-gesla-jazn" */\nfunction slugify(text) {\n  return text\n    .toLowerCase()\n    .replace(/[ąćęłńóśźż]/g, (c) => MAP[c])\n' +
  "    .normalize('NFKD')\n    .replace(/[\\u0300-\\u036f]/g, '')\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-|-$/g, '');\n}\n";
const PLURAL_BODY =
  '/** Polish plural: 1 plik, 2 pliki, 5 plików, 22 pliki, 12 plików. */\nfunction plural(n, unit) {\n  const [one, few, many] = units[unit];\n' +
  '  if (n === 1) return `${n} ${one}`;\n  const d = n % 10;\n  const t = n % 100;\n  return `${n} ${d >= 2 && d <= 4 && (t < 12 || t > 14) ? few : many}`;\n}\n';
const MONEY_BODY =
  "const PLN = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });\n\n/** 1234.5 → \"1 234,50 zł\" */\nfunction formatPLN(amount) {\n  return PLN.format(amount);\n}\n";

const TEST = (name, body) => `'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\n${name}\n\n${body}`;

export const scenario = {
  name: 'node-esm-polish',
  about:
    'held out: Polish user, CommonJS → ESM under Node 24 node --test, ESM errors one by one, a createRequire shim undone with git restore, a refused test edit, two mid-session compactions',
  requires: ['node', 'npm', 'git'],
  files: {
    'package.json':
      JSON.stringify(
        {
          name: 'plformat',
          version: '1.4.2',
          description: 'Polskie slugi, liczebniki i kwoty',
          main: 'lib/index.js',
          engines: { node: '>=22' },
          scripts: { test: 'node --test' },
          license: 'MIT',
        },
        null,
        2,
      ) + '\n',
    'README.md':
      "# plformat\n\nPolskie slugi, formy liczebników i kwoty w złotych. Zero zależności.\n\n```js\nconst { slugify, plural } = require('plformat');\n" +
      "const { slugify } = require('plformat/lib/slug.js');\n```\n\nTesty: `node --test`.\n",
    'CHANGELOG.md': '# Changelog\n\n## 1.4.2\n\n- `plural` zna słowo „dzień”.\n',
    'lib/index.js': INDEX_CJS,
    'lib/slug.js': `'use strict';\n${SLUG_BODY}\nmodule.exports = { slugify };\n`,
    'lib/plural.js': `'use strict';\nconst units = require('./units.json');\n\n${PLURAL_BODY}\nmodule.exports = { plural };\n`,
    'lib/money.js': `'use strict';\n${MONEY_BODY}\nmodule.exports = { formatPLN };\n`,
    'lib/units.json':
      JSON.stringify({ plik: ['plik', 'pliki', 'plików'], złoty: ['złoty', 'złote', 'złotych'], dzień: ['dzień', 'dni', 'dni'] }, null, 2) + '\n',
    'test/slug.test.js': TEST(
      "const { slugify } = require('../lib/index.js');",
      "test('slugify strips Polish letters', () => assert.strictEqual(slugify('Zażółć gęślą jaźń'), 'zazolc-gesla-jazn'));\n" +
        "test('slugify trims dashes', () => assert.strictEqual(slugify('  Łódź!  '), 'lodz'));\n",
    ),
    'test/plural.test.js': TEST(
      "const { plural } = require('../lib/index.js');",
      "test('plural of plik', () => {\n  assert.strictEqual(plural(1, 'plik'), '1 plik');\n  assert.strictEqual(plural(3, 'plik'), '3 pliki');\n" +
        "  assert.strictEqual(plural(12, 'plik'), '12 plików');\n  assert.strictEqual(plural(22, 'plik'), '22 pliki');\n});\n" +
        "test('plural of dzień', () => assert.strictEqual(plural(5, 'dzień'), '5 dni'));\n",
    ),
    'test/money.test.js': TEST(
      "const { formatPLN } = require('../lib/index.js');",
      "test('formatPLN writes a comma and zł', () => assert.strictEqual(formatPLN(12.5), '12,50\\u00a0zł'));\n" +
        "test('formatPLN groups thousands with a space', () => assert.strictEqual(formatPLN(1234.5), '1\\u00a0234,50\\u00a0zł'));\n",
    ),
    'test/fixtures.test.js': TEST(
      "const fs = require('node:fs');\nconst path = require('node:path');\nconst { slugify } = require('../lib/index.js');",
      "const cases = fs\n  .readFileSync(path.join(__dirname, 'fixtures', 'slugs.txt'), 'utf8')\n  .trim()\n  .split('\\n')\n  .map((line) => line.split(' => '));\n\n" +
        "test('slug fixtures', () => {\n  for (const [input, slug] of cases) assert.strictEqual(slugify(input), slug, input);\n});\n",
    ),
    'test/fixtures/slugs.txt':
      'Zażółć gęślą jaźń => zazolc-gesla-jazn\nŻółkiew Górna => zolkiew-gorna\nKęty 2026 => kety-2026\nBiała Podlaska => biala-podlaska\n',
    'scripts/slug-all.mjs':
      "// node scripts/slug-all.mjs FILE: slugs of every name in FILE, and how many collide.\nimport { readFileSync } from 'node:fs';\nimport { slugify } from '../lib/index.js';\n\n" +
      "const names = readFileSync(process.argv[2], 'utf8').split('\\n').filter(Boolean);\nconst seen = new Map();\nlet collisions = 0;\n" +
      'for (const name of names) {\n  const slug = slugify(name);\n  if (seen.has(slug) && seen.get(slug) !== name) collisions++;\n  seen.set(slug, name);\n}\n' +
      'console.log(`slugified ${names.length} names, ${seen.size} unique slugs, ${collisions} collisions`);\n',
    'data/miejscowosci.txt': places(),
  },
  build(k, { edit, write }) {
    const migrate = k.request('przenieś bibliotekę z CommonJS na ESM');
    const api = k.constraint('nie zmieniaj nazw eksportów, to publiczne API');
    const deps = k.constraint('żadnych zależności z npm, biblioteka ma zostać zero-dependency');
    const strategy = k.decision(
      'switch the whole package to "type": "module"',
      'the README documents deep imports like plformat/lib/slug.js, and .mjs names would break them',
      'renaming every file to .mjs',
    );
    k.file('package.json');
    k.error('require is not defined in ES module scope', 'resolved');
    k.file('lib/index.js', 'lib/slug.js', 'lib/money.js');
    k.error('ERR_MODULE_NOT_FOUND', 'resolved');
    const shim = k.rejected(
      'createRequire(import.meta.url)',
      'it keeps a CommonJS require inside an ESM package just to read one JSON file, and an import attribute does that natively',
    );
    k.file('lib/plural.js');
    k.error('__dirname is not defined in ES module scope', 'resolved');
    const dirname = k.decision(
      'use import.meta.dirname in the fixtures test',
      'package.json already requires Node 22 or newer, which has it',
      "fileURLToPath(new URL('.', import.meta.url))",
    );
    k.file('test/fixtures.test.js');
    k.error('✖ formatPLN groups thousands with a space', 'unresolved');
    const refusal = k.refusal('nie ruszaj tego testu, Kasia poprawia formatowanie kwot w swoim PR');
    const exportsField = k.request('dodaj pole exports w package.json');
    const changelog = k.constraint('każda zmiana w API ma trafić do CHANGELOG.md');
    k.file('CHANGELOG.md');
    k.number('141');
    k.number('120');
    k.number('2.8 kB');
    k.number('6.4 kB');
    const readme = k.request('zaktualizuj README, przykłady mają używać import zamiast require');
    k.file('README.md');
    k.check('node --test', 'failing');
    k.lastRequest(readme);
    k.not('errors', 'ERR_REQUIRE_ESM', 'an error the user mentions, not one the tools printed');
    k.not('errors', 'Kasia poprawia formatowanie', "a user's refusal is not a tool error");
    k.not('constraints', migrate, 'a request is not a standing rule');
    k.not('rejected', 'renaming every file to .mjs', 'an alternative dismissed in thinking, never tried');

    const sedRequire = "sed -i \"s/^const \\(.*\\) = require('\\(.*\\)');$/import \\1 from '\\2';/\" test/*.test.js && head -n 5 test/slug.test.js";
    const sedTest = "sed -i 's/1\\\\u00a0234,50/1234,50/' test/money.test.js";
    const pluralShim =
      "import { createRequire } from 'node:module';\n\nconst require = createRequire(import.meta.url);\nconst units = require('./units.json');\n";

    return [
      {
        user:
          'Cześć! Mam małą bibliotekę plformat (slugi, liczebniki, kwoty) i chcę ją w końcu mieć jako ESM. ' +
          `Kasia widziała u siebie ERR_REQUIRE_ESM w innym projekcie, więc wolę zrobić to porządnie. Czyli: ${migrate}. ` +
          `Dwie zasady: ${api}, i ${deps}. Testy odpalasz przez node --test.`,
        model: [
          [think('Baseline first.'), bash('node --test', 'Testy przed zmianami')],
          [
            think(
              'One test already fails before any change: the thousands grouping of formatPLN (pl-PL in this ICU does not group four-digit amounts). Unrelated to the migration; note it. ' +
                `Strategy: ${strategy.alternative}, or ${strategy.choice}. I'll ${strategy.choice}: ${strategy.reason}. ` +
                'Then fix whatever breaks, one error at a time.',
            ),
            edit('package.json', '  "main": "lib/index.js",\n', '  "type": "module",\n  "main": "lib/index.js",\n'),
          ],
          [bash('node --test 2>&1 | head -n 30', 'Testy po zmianie typu pakietu')],
          [
            think('As expected, every file with require now breaks. The library files first, by hand; the tests are mechanical, a sed does them.'),
            write('lib/index.js', INDEX_ESM),
          ],
          [write('lib/slug.js', `${SLUG_BODY}\nexport { slugify };\n`)],
          [write('lib/money.js', `${MONEY_BODY}\nexport { formatPLN };\n`)],
          [edit('lib/plural.js', "'use strict';\nconst units = require('./units.json');\n", pluralShim)],
          [edit('lib/plural.js', 'module.exports = { plural };\n', 'export { plural };\n')],
          [bash(sedRequire, 'Testy na import')],
          [bash('node --test 2>&1 | head -n 30', 'Testy')],
          [
            think('ESM does not resolve extensionless relative imports: index.js must say ./slug.js and so on.'),
            edit(
              'lib/index.js',
              INDEX_ESM,
              "export { slugify } from './slug.js';\nexport { plural } from './plural.js';\nexport { formatPLN } from './money.js';\n",
            ),
          ],
          [bash('node --test 2>&1 | head -n 24', 'Testy')],
          [say(`Wycofuję shim z createRequire w lib/plural.js: ${shim.why}.`), bash('git restore lib/plural.js && git status --short', 'Cofnij lib/plural.js')],
          [write('lib/plural.js', `import units from './units.json' with { type: 'json' };\n\n${PLURAL_BODY}\nexport { plural };\n`)],
          [
            think(
              `The fixtures test still uses __dirname. Options: ${dirname.alternative}, or ${dirname.choice}. Taking ${dirname.choice}: ${dirname.reason}, and it reads as plainly as __dirname did.`,
            ),
            edit('test/fixtures.test.js', "path.join(__dirname, 'fixtures', 'slugs.txt')", "path.join(import.meta.dirname, 'fixtures', 'slugs.txt')"),
          ],
          [bash('node --test', 'Testy')],
          [
            think(
              'Only the pre-existing grouping test is left. ICU does not group four digits in pl-PL; align the expected string with what Intl really prints.',
            ),
            bash(sedTest, 'Popraw oczekiwaną kwotę w teście'),
          ],
          [
            say(
              'Jasne, test kwot zostaje jak jest. Migracja zrobiona: "type": "module", lib/ i testy na import/export, rozszerzenia .js w importach, JSON przez import attribute, ' +
                'import.meta.dirname w teście fixtures. Nazwy eksportów bez zmian, zero zależności. node --test: wszystko przechodzi poza tym jednym testem formatPLN, ' +
                'który padał już przed migracją (grupowanie tysięcy w pl-PL).',
            ),
          ],
        ],
        refuse: { [sedTest]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Użytkownik pisze po polsku. Migracja plformat z CommonJS na ESM.',
          intent: 'Przenieść bibliotekę na ESM; nie zmieniać nazw eksportów; bez zależności z npm.',
          concepts: ['ESM w Node 24', 'node --test', 'import attributes dla JSON'],
          files: ['package.json: type module', 'lib/*.js: export', 'test/*.test.js: import', 'test/fixtures.test.js: import.meta.dirname'],
          errors: [
            'require w module ESM: naprawione',
            'Brak rozszerzeń w importach: naprawione',
            '__dirname: naprawione',
            'Test grupowania tysięcy w formatPLN nadal pada',
          ],
          solving: 'Shim z createRequire wycofany; JSON przez import attribute.',
          messages: ['Przenieść bibliotekę na ESM, bez zmiany API i bez zależności', 'Odmowa: nie ruszać testu kwot (PR Kasi)'],
          pending: [],
          current: 'Migracja skończona, jeden test pada.',
          next: 'Czekać na użytkownika.',
        }),
      },
      {
        user: `Super. Teraz ${exportsField}: "." i "./slug", żeby głębokie importy dalej działały. I nowa zasada: ${changelog}.`,
        model: [
          [
            edit(
              'package.json',
              '  "main": "lib/index.js",\n',
              '  "main": "lib/index.js",\n  "exports": {\n    ".": "./lib/index.js",\n    "./slug": "./lib/slug.js",\n    "./lib/slug.js": "./lib/slug.js"\n  },\n',
            ),
          ],
          [
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## Unreleased\n\n- Pakiet jest teraz ESM (`"type": "module"`); `require(\'plformat\')` działa tylko w Node z require(esm).\n' +
                '- Pole `exports`: `plformat` i `plformat/slug` (oraz stara ścieżka `plformat/lib/slug.js`).\n\n',
            ),
          ],
          [bash('node scripts/slug-all.mjs data/miejscowosci.txt && npm pack --dry-run 2>&1 | tail -n 8', 'Slugi miejscowości i zawartość paczki')],
          [
            say(
              'Dodane pole exports (z zachowaniem starej ścieżki lib/slug.js) i wpis w CHANGELOG.md. Skrypt slugów działa na ESM, paczka zawiera lib/ i README.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Migracja na ESM skończona; pole exports dodane.',
          intent: 'ESM, pole exports, zmiany API w CHANGELOG.md.',
          concepts: ['package.json exports'],
          files: ['package.json: exports', 'CHANGELOG.md: wpis Unreleased'],
          errors: ['Test formatPLN nadal pada (PR Kasi)'],
          solving: 'Stara ścieżka lib/slug.js zachowana w exports.',
          messages: ['Dodać pole exports; zasada: każda zmiana API do CHANGELOG.md'],
          pending: [],
          current: 'exports dodane.',
          next: 'Czekać na użytkownika.',
        }),
      },
      {
        user: `Dzięki. Ostatnia rzecz: ${readme}.`,
        model: [
          [
            edit(
              'README.md',
              "const { slugify, plural } = require('plformat');\nconst { slugify } = require('plformat/lib/slug.js');\n",
              "import { slugify, plural } from 'plformat';\nimport { slugify } from 'plformat/slug';\n",
            ),
          ],
          [bash('node --test 2>&1 | tail -n 9', 'Testy')],
          [say('README pokazuje teraz import. Testy jak wcześniej: pada tylko test grupowania kwot, czekający na PR Kasi.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'plformat jako ESM, exports, CHANGELOG, README z import.',
          intent: 'Migracja na ESM, exports, README.',
          concepts: ['ESM'],
          files: ['README.md: przykłady z import'],
          errors: ['Test formatPLN nadal pada'],
          solving: 'Brak.',
          messages: ['Wcześniejsze wiadomości: w poprzednich podsumowaniach', `"Dzięki. Ostatnia rzecz: ${readme}."`],
          pending: ['Test grupowania kwot: PR Kasi'],
          current: 'README zaktualizowane.',
          next: 'Brak.',
        }),
      },
    ];
  },
};
