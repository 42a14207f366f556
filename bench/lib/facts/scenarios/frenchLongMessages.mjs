// A French-speaking user on a Node ESM invoicing tool (`npm test` = node --test), writing long
// multi-paragraph messages with several asks and rules in each. The agent answers in French and thinks
// in English. The user refuses an `rm -rf` of a folder and says where to write instead; an
// Intl.NumberFormat formatting is tried and replaced; the accountants' check still fails at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CSV_INTL =
  "// Export CSV des factures pour le cabinet comptable : séparateur « ; », montants en euros.\nimport { tva, ttc } from './tva.js';\n\n" +
  "const montant = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });\nconst euros = (centimes) => montant.format(centimes / 100);\n" +
  'const champ = (valeur) => `"${String(valeur).replaceAll(\'"\', \'""\')}"`;\n\n' +
  "export function exportCsv(factures) {\n  const lignes = [['numero', 'client', 'date', 'ht', 'tva', 'ttc'].join(';')];\n" +
  "  for (const f of factures) lignes.push([f.numero, f.client, f.date, euros(f.ht), euros(tva(f.ht)), euros(ttc(f.ht))].map(champ).join(';'));\n" +
  "  return lignes.join('\\n') + '\\n';\n}\n";

export const scenario = {
  name: 'french-long-messages',
  about: 'held out: French user, long multi-paragraph messages, node ESM + npm test, thinking in English, rm -rf refused with a correction',
  requires: ['npm', 'node'],
  files: {
    'package.json': JSON.stringify({ name: 'facturation', version: '0.3.0', private: true, type: 'module', scripts: { test: 'node --test' } }, null, 2) + '\n',
    'src/tva.js':
      '// TVA à 20 % sur un montant HT en centimes.\nexport function tva(centimesHT) {\n  return Math.floor(centimesHT * 0.2);\n}\n\n' +
      'export function ttc(centimesHT) {\n  return centimesHT + tva(centimesHT);\n}\n',
    'src/factures.js':
      '// Factures de démonstration (montants HT en centimes).\nexport const factures = [\n' +
      "  { numero: 'F-2025-0188', client: 'Boulangerie Petit', date: '2025-03-02', ht: 1999 },\n" +
      "  { numero: 'F-2025-0191', client: 'Martin; Fils SARL', date: '2025-03-14', ht: 152000 },\n" +
      "  { numero: 'F-2025-0193', client: 'Atelier \"Le Zinc\"', date: '2025-04-03', ht: 1520 },\n];\n",
    'src/index.js': "export { tva, ttc } from './tva.js';\nexport { factures } from './factures.js';\n",
    'test/tva.test.js':
      "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { tva } from '../src/tva.js';\n\n" +
      "test('TVA arrondie au centime le plus proche', () => {\n  const obtenu = tva(1999);\n" +
      '  assert.equal(obtenu, 400, `arrondi TVA : attendu 400 centimes, obtenu ${obtenu}`);\n});\n',
    'scripts/apercu.js':
      "// Aperçu des premières lignes du CSV, caractères invisibles rendus visibles.\nimport { factures } from '../src/factures.js';\n\n" +
      "const { exportCsv } = await import('../src/csv.js');\nconst visible = exportCsv(factures)\n  .split('\\n')\n  .slice(0, 4)\n" +
      "  .map((ligne) => ligne.replace(/\\u202f/g, '<U+202F>').replace(/\\u00a0/g, '<U+00A0>'));\nconsole.log(visible.join('\\n'));\n",
    'scripts/export-all.js':
      "// Exporte toutes les factures de l'année dans le dossier donné par --sortie.\nimport { mkdirSync, writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\n\n" +
      "const i = process.argv.indexOf('--sortie');\nconst sortie = i > 0 ? process.argv[i + 1] : 'exports';\nconst { exportCsv } = await import('../src/csv.js');\n" +
      "const lot = Array.from({ length: 3000 + 127 }, (_, n) => ({ numero: `F-2025-${String(n).padStart(4, '0')}`, client: `Client ${n % 211}`, date: '2025-05-01', ht: 1000 + (n % 500) * 37 }));\n" +
      "const csv = exportCsv(lot);\nmkdirSync(sortie, { recursive: true });\nwriteFileSync(join(sortie, 'factures-2025.csv'), csv);\n" +
      "console.log(`export : ${lot.length} factures, ${Math.round(Buffer.byteLength(csv) / 1024)} Ko, écrit dans ${join(sortie, 'factures-2025.csv')}`);\n",
    'scripts/verifie-export.js':
      "// Vérifie que chaque facture de démonstration a HT + TVA = TTC, comme l'exige le cabinet comptable.\nimport { factures } from '../src/factures.js';\nimport { tva } from '../src/tva.js';\n\n" +
      "const TTC_ATTENDUS = { 'F-2025-0188': 2399, 'F-2025-0191': 182400, 'F-2025-0193': 1800 + 25 };\nlet erreurs = 0;\nfor (const f of factures) {\n" +
      '  const attendu = TTC_ATTENDUS[f.numero];\n  if (f.ht + tva(f.ht) !== attendu) {\n' +
      '    console.error(`VERIF : facture ${f.numero} : HT ${f.ht} + TVA ${tva(f.ht)} ≠ TTC ${attendu}`);\n    erreurs++;\n  }\n}\n' +
      "if (erreurs) process.exit(1);\nconsole.log('vérification ok');\n",
    'exports/factures-2025-03.csv': 'numero;client;date;ht;tva;ttc\n"F-2025-0188";"Boulangerie Petit";"2025-03-02";"19,99";"3,99";"23,98"\n',
  },
  build(k, { edit, read, write }) {
    const csv = k.request("ajouter l'export des factures en CSV avec un point-virgule comme séparateur");
    const noDeps = k.constraint('pas de dépendance externe, le client audite tout ce qui entre dans node_modules');
    const cents = k.constraint('les montants restent en centimes entiers dans le code');
    const broken = k.request('les tests sont cassés depuis le dernier commit de Julien');
    k.error('arrondi TVA : attendu 400 centimes, obtenu 399', 'resolved');
    k.file('src/tva.js');
    const quoting = k.decision(
      'quote every field and double the inner quotes',
      'client names such as "Martin; Fils SARL" contain semicolons',
      'stripping the semicolons out of client names',
    );
    const intl = k.rejected(
      'Intl.NumberFormat',
      'elle insère une espace fine insécable comme séparateur de milliers, que le tableur du cabinet lit comme du texte',
    );
    k.file('src/csv.js');
    const refusal = k.refusal('exports/ contient les factures déjà envoyées aux clients ce mois-ci');
    k.number('3127');
    k.number('196');
    const depuis = k.request('ajouter une option --depuis à la ligne de commande pour filtrer les factures par date');
    const dates = k.constraint("les dates s'écrivent toujours au format JJ/MM/AAAA");
    const parsing = k.decision(
      'parse JJ/MM/AAAA by hand into an ISO string',
      'new Date("03/04/2025") reads it as March 4th',
      'passing the argument straight to new Date()',
    );
    k.file('src/cli.js');
    k.check('npm test', 'passing');
    k.error('VERIF : facture F-2025-0193 : HT 1520 + TVA 304 ≠ TTC 1825', 'unresolved');
    k.check('node scripts/verifie-export.js', 'failing');
    k.lastRequest(depuis);
    k.not('errors', 'exports/ contient les factures déjà envoyées', "a user's refusal is not a tool error");
    k.not('decisions', 'Je relance les tests', 'an intention, not a decision');
    k.not('constraints', depuis, 'a request is not a standing rule');
    k.not('rejected', broken, "the user's request is not a rejected approach");

    const first =
      'Bonjour,\n\n' +
      "Je reprends le projet facturation après deux semaines de vacances et j'aimerais qu'on avance sur l'export pour le cabinet comptable. " +
      `Concrètement, il faudrait ${csv}, parce que leur tableur est configuré en français et la virgule y sert de séparateur décimal.\n\n` +
      `Quelques contraintes importantes : ${noDeps} et chaque audit prend des semaines. Et ${cents}, on ne convertit en euros qu'au moment d'écrire le fichier.\n\n` +
      `Au passage, je crois que ${broken}, tu peux regarder ?\n\nMerci !`;
    const second =
      'Super, merci pour les explications, et désolé pour le coup de stress sur exports/.\n\n' +
      `Deuxième chose, plus petite : le cabinet voudrait pouvoir n'exporter que les factures récentes. Tu peux ${depuis} ? ` +
      `Côté interface, ${dates}, c'est ce que tapent les comptables.\n\n` +
      "Et avant de me rendre la main, lance aussi la vérification du cabinet (scripts/verifie-export.js), ils nous l'ont envoyée la semaine dernière.";

    return [
      {
        user: first,
        refuse: {
          'rm -rf exports': `Non, surtout pas ! ${refusal}. Écris dans exports/tmp/ à la place.`,
        },
        model: [
          [think('Tests first, the user says they are broken.'), bash('npm test', 'Lancer les tests')],
          [think('The VAT rounding test fails. Look at tva().'), read('src/tva.js')],
          [
            think('tva() floors the VAT. It should round to the nearest cent; Math.round keeps integer cents.'),
            edit('src/tva.js', 'return Math.floor(centimesHT * 0.2);', 'return Math.round(centimesHT * 0.2);'),
          ],
          [bash('npm test 2>&1 | grep -E "(pass|fail) [0-9]"', 'Relancer les tests')],
          [
            think(
              `Now the CSV. Separator ';'. Some clients have ';' or quotes in their names. Option A: ${quoting.alternative}; lossy, the accountants match invoices on the name. ` +
                `Option B: ${quoting.choice}, the usual CSV escaping that French-locale spreadsheets read fine. B, because ${quoting.reason}. ` +
                'For the amounts, Intl with fr-FR gives the decimal comma for free.',
            ),
            write('src/csv.js', CSV_INTL),
          ],
          [bash('node scripts/apercu.js', 'Aperçu du CSV')],
          [
            say(`Je remplace ${intl.what} : ${intl.why}. Je formate les centimes à la main, ce qui garde aussi les montants entiers jusqu'au bout.`),
            edit(
              'src/csv.js',
              "const montant = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });\nconst euros = (centimes) => montant.format(centimes / 100);",
              "const euros = (centimes) => `${Math.trunc(centimes / 100)},${String(Math.abs(centimes) % 100).padStart(2, '0')}`;",
            ),
          ],
          [
            write(
              'test/csv.test.js',
              "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { exportCsv } from '../src/csv.js';\n\n" +
                "test('CSV : séparateur point-virgule, champs entre guillemets, montants à virgule', () => {\n" +
                "  const csv = exportCsv([{ numero: 'F-1', client: 'A; \"B\"', date: '2025-01-01', ht: 152000 }]);\n" +
                '  assert.equal(csv.split(\'\\n\')[1], \'"F-1";"A; ""B""";"2025-01-01";"1520,00";"304,00";"1824,00"\');\n});\n',
            ),
          ],
          [bash('npm test 2>&1 | grep -E "(tests|pass|fail) [0-9]" && node scripts/apercu.js', 'Tests et aperçu')],
          [think('Clear the old exports folder before the full export.'), bash('rm -rf exports', "Vider l'ancien dossier exports")],
          [
            say("Compris, je ne touche pas à exports/. J'écris dans exports/tmp/."),
            bash('node scripts/export-all.js --sortie exports/tmp', 'Export complet dans exports/tmp'),
          ],
          [
            say(
              'Voilà où on en est :\n\n' +
                '- **Tests** : le test de TVA échouait parce que `tva()` arrondissait toujours vers le bas ; elle arrondit maintenant au centime le plus proche, les tests passent.\n' +
                '- **Export CSV** : nouveau module `src/csv.js`, séparateur `;`, chaque champ entre guillemets (les guillemets internes sont doublés), montants écrits avec une virgule décimale à partir des centimes, sans aucune dépendance.\n' +
                "- **Export complet** : écrit dans `exports/tmp/factures-2025.csv` ; le dossier `exports/` n'a pas été touché.",
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [
            think(
              `--depuis takes JJ/MM/AAAA. Option A: ${parsing.alternative}; but ${parsing.reason}, the US order, and the accountants would get the wrong month without noticing. ` +
                `Option B: ${parsing.choice} and compare it with the invoice dates, which are ISO strings already. B.`,
            ),
            write(
              'src/cli.js',
              "// Usage : node src/cli.js [--depuis JJ/MM/AAAA]  → CSV des factures sur la sortie standard.\nimport { factures } from './factures.js';\nimport { exportCsv } from './csv.js';\n\n" +
                "function versIso(texte) {\n  const m = /^(\\d{2})\\/(\\d{2})\\/(\\d{4})$/.exec(texte ?? '');\n" +
                '  if (!m) throw new Error(`date invalide : ${texte} (format attendu JJ/MM/AAAA)`);\n  return `${m[3]}-${m[2]}-${m[1]}`;\n}\n\n' +
                "const i = process.argv.indexOf('--depuis');\nconst depuis = i > 0 ? versIso(process.argv[i + 1]) : '';\n" +
                'process.stdout.write(exportCsv(factures.filter((f) => f.date >= depuis)));\n',
            ),
          ],
          [bash('node src/cli.js --depuis 03/04/2025', 'Essayer le filtre')],
          [say('Je relance les tests.'), bash('npm test 2>&1 | grep -E "(pass|fail) [0-9]"', 'Relancer les tests')],
          [bash('node scripts/verifie-export.js', 'Vérification du cabinet')],
          [
            say(
              "L'option `--depuis` est en place dans `src/cli.js` : `node src/cli.js --depuis 03/04/2025` ne garde que les factures à partir du 3 avril. Les tests passent.\n\n" +
                "En revanche, la vérification du cabinet échoue sur la facture F-2025-0193 : le TTC qu'ils attendent diffère d'un centime du nôtre. " +
                'Nous arrondissons la TVA au centime le plus proche ; leur script semble arrondir autrement. Je préfère ne rien changer avant que tu leur aies demandé quelle règle ils appliquent.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'French-speaking user. Tests fixed (VAT rounding), CSV export added, --depuis option added. The accountants’ check fails on one invoice.',
          intent:
            'Add a semicolon-separated CSV export of the invoices for the accounting firm, without external dependencies and with amounts kept in integer cents; fix the broken tests; add a --depuis date filter (dates typed as DD/MM/YYYY); run the accountants’ check.',
          concepts: ['Node ESM, node --test', 'CSV quoting', 'VAT rounding in integer cents'],
          files: [
            'src/tva.js: VAT rounded to the nearest cent instead of floored',
            'src/csv.js: new CSV export, quoted fields, amounts formatted by hand',
            'test/csv.test.js: new test of the CSV line format',
            'src/cli.js: new CLI with a --depuis filter',
          ],
          errors: [
            'The VAT test failed (399 instead of 400 cents); fixed with Math.round',
            'Intl.NumberFormat put a narrow no-break space in thousands; replaced by manual formatting',
            'scripts/verifie-export.js reports a one-cent difference on invoice F-2025-0193',
          ],
          solving: 'Every CSV field is quoted. The full export wrote a few thousand invoices to exports/tmp/.',
          messages: [
            'Long message: CSV export with semicolons for the accountants; no external dependency; amounts stay in cents; tests broken since Julien’s last commit.',
            'The user refused deleting exports/ (invoices already sent this month) and asked to write to exports/tmp/ instead.',
            'Long message: add a --depuis option to filter invoices by date, dates as DD/MM/YYYY; run the accountants’ check before handing back.',
          ],
          pending: ['Ask the accounting firm which VAT rounding rule they use (F-2025-0193 differs by one cent)'],
          current: 'Added --depuis and ran the accountants’ check, which fails on one invoice.',
          next: 'Wait for the user to confirm the rounding rule with the accountants.',
        }),
      },
    ];
  },
};
