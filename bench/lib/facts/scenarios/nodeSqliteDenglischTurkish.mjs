// A chatty Turkish-German user ("abi bu test yine kaputt 😩", "Dur dur!", "Tamam, passt") on a small Node
// ESM project (siparis: customers and orders) whose SQLite layer shells out to the `sqlite3` CLI through
// child_process (src/db.js: SQL on stdin, -json out), tested with plain `node --test`. Thinking in
// English, answers in German. A colleague's new test of a shop export with a customer listed twice fails
// with the CLI's `Runtime error near line 3: UNIQUE constraint failed: kunden.email (19)`; the agent reads
// the layer, the import, the test and the fixture, tries `INSERT OR IGNORE` (the test then sees the old
// name) and takes it out, weighs an upsert against INSERT OR REPLACE in its thinking and keeps the upsert.
// The slow orders query is measured with scripts/bench.js before and after an index (the first run hits
// an empty dev.db: `no such table`; the index first names a wrong column: `no such column`); the timings
// are tee'd to messung/ and read back at scoring since they vary. Squashing the two commits and a
// `git push --force` is refused and the commits are put back. One mid-session /compact, one at the end.
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const PACKAGE = {
  name: 'siparis',
  version: '0.4.0',
  private: true,
  type: 'module',
  scripts: {
    test: 'node --test',
    'db:init': 'sqlite3 data/dev.db < schema.sql && sqlite3 data/dev.db < scripts/seed.sql',
  },
};

const SCHEMA =
  '-- Schema der Bestell-DB (wird mit der sqlite3 CLI eingespielt, mehrfach ausführbar).\n' +
  'CREATE TABLE IF NOT EXISTS kunden (\n  id INTEGER PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE COLLATE NOCASE,\n  name TEXT NOT NULL,\n  stadt TEXT\n);\n\n' +
  'CREATE TABLE IF NOT EXISTS bestellungen (\n  id INTEGER PRIMARY KEY,\n  kunde_id INTEGER NOT NULL REFERENCES kunden(id),\n  betrag_cent INTEGER NOT NULL,\n  erstellt TEXT NOT NULL\n);\n';

const SEED =
  '-- Testdaten für data/dev.db (deterministisch): Kunden und ein Jahr Bestellungen.\nBEGIN;\n' +
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)\n' +
  "INSERT INTO kunden (id, email, name, stadt)\n  SELECT i, printf('kunde%d@example.de', i), printf('Kunde %d', i),\n" +
  "         CASE i % 4 WHEN 0 THEN 'Berlin' WHEN 1 THEN 'Köln' WHEN 2 THEN 'Duisburg' ELSE 'Mannheim' END\n  FROM n;\n" +
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)\n' +
  'INSERT INTO bestellungen (id, kunde_id, betrag_cent, erstellt)\n  SELECT i, 1 + (i * 7919) % 4000, 199 + (i * 104729) % 25000,\n' +
  "         datetime('2025-01-01', printf('+%d minutes', (i * 7717) % 525600))\n  FROM n;\nCOMMIT;\n";

const DB =
  '// Dünne Schicht über die sqlite3 CLI (absichtlich kein npm Paket): SQL über stdin, Ergebnisse als JSON.\n' +
  "import { execFileSync } from 'node:child_process';\n\n" +
  '/** Führt ein SQL-Skript aus (mehrere Anweisungen, bricht beim ersten Fehler ab). */\n' +
  'export function exec(dbPath, sql) {\n  try {\n' +
  "    execFileSync('sqlite3', ['-bail', dbPath], { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });\n" +
  '  } catch (err) {\n    throw new Error(String(err.stderr || err.message).trim());\n  }\n}\n\n' +
  '/** Eine Abfrage, Zeilen als Objekte. */\n' +
  'export function query(dbPath, sql) {\n  let out;\n  try {\n' +
  "    out = execFileSync('sqlite3', ['-json', dbPath, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });\n" +
  '  } catch (err) {\n    throw new Error(String(err.stderr || err.message).trim());\n  }\n' +
  '  return out.trim() ? JSON.parse(out) : [];\n}\n\n' +
  '/** SQL-Literal: Zahlen roh, alles andere in einfachen Anführungszeichen. */\n' +
  "export const lit = (value) => (typeof value === 'number' ? String(value) : `'${String(value).replaceAll(\"'\", \"''\")}'`);\n";

const INSERT_V1 = '    ...rows.map((r) => `INSERT INTO kunden (email, name, stadt) VALUES (${lit(r.email)}, ${lit(r.name)}, ${lit(r.stadt)});`),\n';
const INSERT_IGNORE =
  '    ...rows.map((r) => `INSERT OR IGNORE INTO kunden (email, name, stadt) VALUES (${lit(r.email)}, ${lit(r.name)}, ${lit(r.stadt)});`),\n';
const INSERT_UPSERT =
  '    // Doppelte E-Mail (auch in anderer Schreibweise): die spätere Zeile gewinnt, die id des Kunden bleibt.\n' +
  '    ...rows.map(\n      (r) =>\n        `INSERT INTO kunden (email, name, stadt) VALUES (${lit(r.email)}, ${lit(r.name)}, ${lit(r.stadt)})` +\n' +
  "        ' ON CONFLICT(email) DO UPDATE SET name = excluded.name, stadt = excluded.stadt;',\n    ),\n";

const KUNDEN =
  "import { readFileSync } from 'node:fs';\nimport { exec, lit, query } from './db.js';\n\n" +
  '/** Shop-Export: Kopfzeile email;name;stadt, dann eine Zeile pro Kunde. */\n' +
  'export function parseCsv(text) {\n  const [, ...lines] = text.trim().split(/\\r?\\n/);\n' +
  "  return lines.map((line) => {\n    const [email, name, stadt] = line.split(';');\n    return { email: email.trim(), name: name.trim(), stadt: stadt?.trim() ?? '' };\n  });\n}\n\n" +
  '/** Importiert den Export in einer Transaktion; gibt die Zahl der gelesenen Zeilen zurück. */\n' +
  'export function importKunden(dbPath, csvPath) {\n' +
  "  const rows = parseCsv(readFileSync(csvPath, 'utf8'));\n  const sql = [\n    'BEGIN;',\n" +
  INSERT_V1 +
  "    'COMMIT;',\n  ].join('\\n');\n  exec(dbPath, sql);\n  return rows.length;\n}\n\n" +
  '/** Die letzten Bestellungen eines Kunden, neueste zuerst (Kundenseite). */\n' +
  'export function kundeBestellungen(dbPath, kundeId, limit = 20) {\n' +
  '  return query(\n    dbPath,\n    `SELECT id, betrag_cent, erstellt FROM bestellungen WHERE kunde_id = ${Number(kundeId)} ORDER BY erstellt DESC LIMIT ${Number(limit)};`,\n  );\n}\n\n' +
  'export function kundeNachEmail(dbPath, email) {\n  return query(dbPath, `SELECT id, email, name, stadt FROM kunden WHERE email = ${lit(email)};`)[0];\n}\n';

const TEST_LAST = "test('Bestellungen eines Kunden, neueste zuerst', () => {\n";
const TEST =
  "import { test, beforeEach } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { mkdtempSync, readFileSync } from 'node:fs';\n" +
  "import { tmpdir } from 'node:os';\nimport { join } from 'node:path';\nimport { exec, query } from '../src/db.js';\n" +
  "import { importKunden, kundeBestellungen, kundeNachEmail } from '../src/kunden.js';\n\n" +
  "let db;\nbeforeEach(() => {\n  db = join(mkdtempSync(join(tmpdir(), 'siparis-')), 'test.db');\n  exec(db, readFileSync('schema.sql', 'utf8'));\n});\n\n" +
  "const anzahl = () => query(db, 'SELECT COUNT(*) AS n FROM kunden;')[0].n;\n\n" +
  "test('importiert Kunden aus dem CSV', () => {\n  assert.equal(importKunden(db, 'test/fixtures/kunden-alt.csv'), 3);\n  assert.equal(anzahl(), 3);\n});\n\n" +
  '// Kerem: im neuen Shop-Export steht ein Kunde doppelt, wenn er seinen Namen geändert hat (neue Zeile direkt darunter).\n' +
  "test('doppelte E-Mail im Export: die spätere Zeile gewinnt', () => {\n  importKunden(db, 'test/fixtures/kunden-neu.csv');\n  assert.equal(anzahl(), 3);\n" +
  "  assert.equal(kundeNachEmail(db, 'ayse.demir@web.de').name, 'Ayşe Demir-Schulz');\n});\n\n" +
  "test('zweiter Import desselben Exports ändert die Anzahl nicht', () => {\n  importKunden(db, 'test/fixtures/kunden-alt.csv');\n" +
  "  importKunden(db, 'test/fixtures/kunden-alt.csv');\n  assert.equal(anzahl(), 3);\n});\n\n" +
  TEST_LAST +
  "  importKunden(db, 'test/fixtures/kunden-alt.csv');\n" +
  "  exec(db, \"INSERT INTO bestellungen (kunde_id, betrag_cent, erstellt) VALUES (1, 1250, '2025-03-01 10:00:00'), (1, 990, '2025-03-02 09:30:00'), (2, 400, '2025-03-01 12:00:00');\");\n" +
  '  assert.deepEqual(\n    kundeBestellungen(db, 1).map((r) => r.betrag_cent),\n    [990, 1250],\n  );\n});\n';

const TEST_INDEX =
  "test('Schema legt den Index für die Kundenseite an', () => {\n" +
  "  const namen = query(db, \"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bestellungen';\").map((r) => r.name);\n" +
  "  assert.ok(namen.includes('idx_bestellungen_kunde_erstellt'));\n});\n\n";

const BENCH =
  '// Misst kundeBestellungen() gegen data/dev.db: 200 Aufrufe für zufällige Kunden (fester Seed).\n' +
  "import { execFileSync } from 'node:child_process';\nimport { performance } from 'node:perf_hooks';\n" +
  "import { query } from '../src/db.js';\nimport { kundeBestellungen } from '../src/kunden.js';\n\n" +
  "const DB = process.env.DB ?? 'data/dev.db';\nconst N = 200;\nlet seed = 42;\nconst next = () => (seed = (seed * 48271) % 2147483647);\n\n" +
  "const [{ n }] = query(DB, 'SELECT COUNT(*) AS n FROM bestellungen;');\n" +
  "const plan = execFileSync('sqlite3', [DB, 'EXPLAIN QUERY PLAN SELECT id, betrag_cent, erstellt FROM bestellungen WHERE kunde_id = 1 ORDER BY erstellt DESC LIMIT 20;'], {\n" +
  "  encoding: 'utf8',\n});\n" +
  'const times = [];\nfor (let i = 0; i < N; i++) {\n  const t0 = performance.now();\n  kundeBestellungen(DB, 1 + (next() % 4000));\n  times.push(performance.now() - t0);\n}\n' +
  'times.sort((a, b) => a - b);\nconst sum = times.reduce((a, b) => a + b, 0);\n' +
  'console.log(`bestellungen: ${n}`);\nconsole.log(plan.trimEnd());\n' +
  'console.log(`${N} Aufrufe: ${sum.toFixed(1)} ms gesamt, Median ${times[N / 2].toFixed(2)} ms pro Aufruf`);\n';

const README =
  '# siparis\n\nKunden und Bestellungen für den Shop, SQLite über die `sqlite3` CLI (kein npm Paket).\n\n' +
  '    npm run db:init   # data/dev.db mit Testdaten\n    npm test\n';

/** A figure from a file the session tee'd into messung/. */
function figure(project, file, pattern) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: (not generated yet)`;
  const match = pattern.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `${file}: no match for ${pattern}`;
}

export const scenario = {
  name: 'node-sqlite-denglisch-turkish',
  about:
    "held out: chatty Turkish-German user, Node ESM with node --test and a sqlite3 CLI layer via child_process; thinking; the agent reads four files, tries INSERT OR IGNORE and takes it out, picks an upsert over INSERT OR REPLACE; Runtime error near line 3: UNIQUE constraint failed fixed; no such table and no such column on the way to an index; bench timings before/after tee'd and read back; squash + git push --force refused and undone; one mid and one final /compact",
  requires: ['node', 'sqlite3', 'git', 'tee'],
  files: {
    '.gitignore': 'node_modules/\ndata/*.db\nmessung/\n',
    'package.json': JSON.stringify(PACKAGE, null, 2) + '\n',
    'README.md': README,
    'schema.sql': SCHEMA,
    'scripts/seed.sql': SEED,
    'scripts/bench.js': BENCH,
    'src/db.js': DB,
    'src/kunden.js': KUNDEN,
    'test/kunden.test.js': TEST,
    'test/fixtures/kunden-alt.csv':
      'email;name;stadt\nayse.demir@web.de;Ayşe Demir;Duisburg\nmehmet.kaya@gmx.de;Mehmet Kaya;Köln\njonas.weber@t-online.de;Jonas Weber;Mannheim\n',
    'test/fixtures/kunden-neu.csv':
      'email;name;stadt\nayse.demir@web.de;Ayşe Demir;Duisburg\nAyse.Demir@web.de;Ayşe Demir-Schulz;Duisburg\nmehmet.kaya@gmx.de;Mehmet Kaya;Köln\njonas.weber@t-online.de;Jonas Weber;Mannheim\n',
    'data/.gitkeep': '',
  },
  build(k, { project, read, edit }) {
    const fixReq = k.request('kannst du mal gucken warum der Import-Test kaputt ist');
    const noPkg = k.constraint('keine npm Pakete, alles läuft über die sqlite3 CLI');
    k.error('Runtime error near line 3: UNIQUE constraint failed: kunden.email', 'resolved');
    const ignore = k.rejected('INSERT OR IGNORE', 'OR IGNORE keeps the first row and silently drops the changed name from the later line');
    k.error('AssertionError [ERR_ASSERTION]: Expected values to be strictly equal', 'resolved');
    const upsert = k.decision(
      'an upsert on the email column that updates name and stadt',
      'INSERT OR REPLACE deletes the old row and inserts a new one with a fresh id, so the orders of that customer would point at an id that no longer exists',
      'INSERT OR REPLACE',
    );
    k.file('src/kunden.js');
    const speedReq = k.request('mach die Abfrage für die Bestellungen schneller');
    const german = k.constraint('Kommentare im Code bitte auf Deutsch');
    k.error('no such table: bestellungen', 'resolved');
    k.number('300000');
    k.number(figure(project, 'messung/vorher.txt', /: ([\d.]+) ms gesamt/));
    k.number(figure(project, 'messung/vorher.txt', /Median ([\d.]+) ms/));
    const index = k.decision(
      'one composite index on kunde_id and erstellt',
      'the query filters on kunde_id and sorts by erstellt, so that index serves both and sqlite can stop after the first 20 rows',
      'an index on kunde_id alone',
    );
    k.error('no such column: erstellt_am', 'resolved');
    k.file('schema.sql');
    k.number(figure(project, 'messung/nachher.txt', /: ([\d.]+) ms gesamt/));
    k.number(figure(project, 'messung/nachher.txt', /Median ([\d.]+) ms/));
    k.file('test/kunden.test.js');
    const squashReq = k.request('mach aus den zwei Commits einen und push das');
    const refusal = k.refusal(
      'Dur dur dur! Kein --force, Kerem hat schon auf dem Branch weitergemacht. Lass die zwei Commits einfach so, ich push nachher selber ganz normal',
    );
    const benchReq = k.request('mach noch ein npm script bench in die package.json');
    k.file('package.json');
    k.file('README.md');
    k.lastRequest(benchReq);
    k.check('node --test', 'passing');
    k.not('rejected', upsert.choice, 'the approach that was kept is not a dead end');
    k.not('decisions', ignore.what, 'tried and taken out: a rejected approach');
    k.not('rejected', index.alternative, 'weighed in thinking, never tried');
    k.not('errors', 'Kerem hat schon auf dem Branch weitergemacht', "the user's refusal is not a tool error");
    k.not('numbers', '4711', 'a customer number the user typed, not a measurement');
    k.not('constraints', speedReq, 'a request is not a standing rule');

    const tests = 'node --test 2>&1 | tail -n 25';
    const squash = 'git reset --soft HEAD~2 && git commit -qm "Kunden-Import: Upsert bei doppelter E-Mail, Index für die Kundenseite" && git log --oneline -3';
    const force = 'git push --force origin HEAD:fix/kunden-import';
    const indexOld = '  erstellt TEXT NOT NULL\n);\n';
    const indexTypo =
      '  erstellt TEXT NOT NULL\n);\n\n-- Kundenseite: Bestellungen eines Kunden, neueste zuerst (WHERE kunde_id = ? ORDER BY erstellt DESC).\n' +
      'CREATE INDEX IF NOT EXISTS idx_bestellungen_kunde_erstellt ON bestellungen(kunde_id, erstellt_am);\n';

    return [
      {
        user:
          'Selam abi 👋 bu test yine kaputt 😩 Kerem hat gestern nen neuen Test für den Kunden-Import geschrieben (der neue Shop-Export hat Kunden doppelt drin oder so) und seitdem ist `node --test` rot, ' +
          `irgendwas mit UNIQUE constraint. ${fixReq}? Ama lütfen ${noPkg}, das war so abgesprochen, better-sqlite3 kriegen wir auf dem Server eh nicht gebaut. ` +
          "Wenn's grün ist, commit'le es bitte. Sağ ol!",
        model: [
          [think('Run the suite first, then read the layer before touching anything.'), bash(tests, 'Tests laufen lassen')],
          [think('The import dies inside sqlite3 itself. Read how the layer feeds SQL to the CLI.'), read('src/db.js')],
          [think('exec() pipes the whole script with -bail and rethrows stderr. Now the import.'), read('src/kunden.js')],
          [think('One INSERT per CSV row inside BEGIN/COMMIT. Which test and which fixture?'), read('test/kunden.test.js')],
          [read('test/fixtures/kunden-neu.csv')],
          [
            think(
              'Line 3 of the generated script is the second row of kunden-neu.csv: Ayse.Demir@web.de, the same address as line 2 in another case, and the column is UNIQUE COLLATE NOCASE. ' +
                "Kerem's test wants three customers and the later name. Quickest thing: skip duplicates.",
            ),
            edit('src/kunden.js', INSERT_V1, INSERT_IGNORE),
          ],
          [bash(tests, 'Tests laufen lassen')],
          [
            think(
              `The re-import passes now, but the duplicate test gets the old name: ${ignore.why}. Take it out. ` +
                `Two real options: ${upsert.alternative}, or ${upsert.choice}. ${upsert.reason[0].toUpperCase()}${upsert.reason.slice(1)}. ` +
                "The upsert keeps the id; ON CONFLICT(email) uses the column's NOCASE collation, so Ayse.Demir and ayse.demir are one customer. The CLI here is 3.40, upsert needs 3.24.",
            ),
            say('OR IGNORE war Quatsch, dann bleibt der alte Name stehen. Ich nehme stattdessen ein Upsert auf die E-Mail.'),
            edit('src/kunden.js', INSERT_IGNORE, INSERT_UPSERT),
          ],
          [bash(tests, 'Tests laufen lassen')],
          [bash('git add src/kunden.js && git commit -qm "Kunden-Import: doppelte E-Mail per Upsert" && git log --oneline -2', 'Commit')],
          [
            say(
              'Grün und committet ✅\n\n' +
                '- **Ursache:** im neuen Export steht Ayşe Demir zweimal (einmal als `Ayse.Demir@web.de`), und `kunden.email` ist `UNIQUE COLLATE NOCASE`. Der Import hat jede Zeile stumpf eingefügt, also ist sqlite3 beim zweiten Eintrag ausgestiegen.\n' +
                '- **Fix:** Upsert auf die E-Mail: die spätere Zeile überschreibt Name und Stadt, die id des Kunden bleibt gleich (wichtig für seine Bestellungen).\n' +
                '- Kein neues Paket, weiter alles über die sqlite3 CLI.',
            ),
          ],
        ],
      },
      {
        user:
          'Süpersin abi 🙏 Nächstes Ding: die Kundenseite lädt ewig, vor allem bei großen Kunden, z.B. Kunde 4711 bei uns in Prod, da wartet man gefühlt 3 Sekunden. ' +
          `${speedReq}? Miss bitte vorher und nachher mit scripts/bench.js, damit ich dem Chef Zahlen zeigen kann 😅 Und noch was: ${german}, Kerem kann kein Türkisch und ich schreib manchmal halb-halb. ` +
          'Danach auch committen bitte.',
        model: [
          [think('Baseline first with the bench script.'), bash('node scripts/bench.js 2>&1 | head -n 8', 'Messung vorher')],
          [
            think('data/dev.db was never initialised here; the sqlite3 CLI just created an empty file. Rebuild it with the seed from package.json.'),
            bash('rm -f data/dev.db && npm run db:init 2>&1 | tail -n 2 && ls -lh data/dev.db', 'Dev-DB aufsetzen'),
          ],
          [bash('mkdir -p messung && node scripts/bench.js | tee messung/vorher.txt', 'Messung vorher')],
          [think('Read the bench to be sure what it times: one sqlite3 process per call, so the process start is in every number.'), read('scripts/bench.js')],
          [
            think(
              "The plan says SCAN bestellungen plus a temp B-tree for the ORDER BY: every call reads all orders and sorts the customer's rows. " +
                `Two designs: ${index.alternative}, or ${index.choice}. Going with the composite one: ${index.reason}. ` +
                'It goes into schema.sql with IF NOT EXISTS, so the tests and dev.db get it from the same file. Comment in German, as asked.',
            ),
            edit('schema.sql', indexOld, indexTypo),
          ],
          [bash('sqlite3 data/dev.db < schema.sql', 'Schema einspielen')],
          [
            think('The column is erstellt, not erstellt_am.'),
            edit('schema.sql', 'ON bestellungen(kunde_id, erstellt_am);\n', 'ON bestellungen(kunde_id, erstellt);\n'),
          ],
          [bash('sqlite3 data/dev.db < schema.sql && sqlite3 data/dev.db ".indexes bestellungen"', 'Schema einspielen')],
          [bash('node scripts/bench.js | tee messung/nachher.txt', 'Messung nachher')],
          [think('Pin the index with a test so nobody drops it from schema.sql by accident.'), edit('test/kunden.test.js', TEST_LAST, TEST_INDEX + TEST_LAST)],
          [bash(tests, 'Tests laufen lassen')],
          [bash('git add schema.sql test/kunden.test.js && git commit -qm "Index für die Bestellungen der Kundenseite" && git log --oneline -3', 'Commit')],
          [
            say(
              'Fertig, Zahlen stehen oben (und in `messung/vorher.txt` / `messung/nachher.txt`):\n\n' +
                '- **vorher:** `SCAN bestellungen` + temporärer B-Tree fürs Sortieren, also bei jedem Aufruf alle Bestellungen durchgehen\n' +
                '- **nachher:** `SEARCH bestellungen USING INDEX idx_bestellungen_kunde_erstellt`, der Kunde wird direkt angesprungen und schon sortiert gelesen\n\n' +
                'Der Index steht in `schema.sql` (mit deutschem Kommentar), ein Test prüft, dass er angelegt wird. Der Rest der Zeit pro Aufruf ist der Start des sqlite3-Prozesses selbst. Committet ✅',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Turkish-German user; Node project with a sqlite3 CLI layer. Import test fixed with an upsert; orders query indexed and measured.',
          intent:
            'Fix the failing import test, then make the orders query faster and measure before/after with scripts/bench.js. No npm packages; code comments in German.',
          concepts: ['sqlite3 CLI via child_process', 'node --test', 'upsert', 'composite index'],
          files: ['src/kunden.js: upsert on email', 'schema.sql: index on bestellungen', 'test/kunden.test.js: index test'],
          errors: ['Duplicate e-mail in the new export broke the import; fixed', 'Empty dev.db and a wrong column name in the index; fixed'],
          solving: 'Ignoring duplicates was tried and dropped. The bench is much faster with the index.',
          messages: [
            'Fix the import test; no npm packages; commit when green',
            'Make the orders query faster, measure before and after; comments in German; commit',
          ],
          pending: [],
          current: 'Two commits; tests green.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Abi du bist ne Maschine 😂 Kleine Sache noch: ${squashReq}, der Branch heißt fix/kunden-import, hab ich gestern schon mal gepusht. Dann kann Kerem reviewen.`,
        model: [
          [think('Squash the two commits into one with a soft reset, then push.'), bash(squash, 'Commits zusammenfassen')],
          [think('The branch was pushed yesterday, so the rewritten history needs a force push.'), bash(force, 'Push')],
          [
            think('No force push. Put the two commits back exactly as they were: ORIG_HEAD still points at the old tip from before the soft reset.'),
            bash('git reset --hard ORIG_HEAD && git log --oneline -3 && git status --short', 'Commits wiederherstellen'),
          ],
          [say('Tamam, kein Push und kein Squash: die zwei Commits sind wieder genau wie vorher, Arbeitsverzeichnis sauber. Du kannst ganz normal pushen.')],
        ],
        refuse: { [force]: refusal },
      },
      {
        user: `Tamam, passt so 👍 Letzte Sache für heute: ${benchReq}, und schreib in die README zwei Zeilen wie man misst. Dann Feierabend 🍻`,
        model: [
          [edit('package.json', '    "test": "node --test",\n', '    "test": "node --test",\n    "bench": "node scripts/bench.js",\n')],
          [
            edit(
              'README.md',
              '    npm test\n',
              '    npm test\n    npm run bench     # 200 Abfragen der Kundenseite gegen data/dev.db\n\n' +
                '`npm run bench` zeigt den Abfrageplan (mit Index: `SEARCH … USING INDEX`) und die Zeit für 200 Aufrufe; vorher `npm run db:init`.\n',
            ),
          ],
          [bash('npm run bench 2>&1 | tail -n 4', 'npm run bench')],
          [say('`npm run bench` ist drin und läuft, README hat zwei Zeilen dazu. Schönen Feierabend! 🍻')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuation: squash/force push refused and undone; npm script bench and README lines added.',
          intent: 'Import fix and orders index done; keep the two commits; add an npm bench script and document measuring. No npm packages; German comments.',
          concepts: ['git reset --soft / ORIG_HEAD', 'npm scripts'],
          files: ['package.json: bench script', 'README.md: how to measure'],
          errors: [],
          solving: 'The user refused a force push; the two commits were restored.',
          messages: ['Earlier: see the previous summary', 'Squash and push (refused the force push; keep the two commits)', 'npm script bench and README'],
          pending: ['The user pushes himself'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
