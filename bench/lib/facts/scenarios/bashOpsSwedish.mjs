// A Swedish-speaking ops user (terse, lower case, typos) with three bash scripts that back up, rotate and
// check a SQLite database (sqlite3's online backup, gzip, find -mtime). There is no test suite: the
// checks are the scripts run by hand (`bash -n`, `./backup.sh`, `./verify.sh` comparing row counts).
// Script errors come one at a time (a stray `fi`, a `set -u` unbound variable, a sqlite3 "no such
// table" from a renamed table) and are fixed; the last change (gzip) leaves verify.sh failing on the
// compressed file. A count-based rotation is tried and put back with `git checkout`; an `rm` of the
// old backups is refused and the user adds a rule in Swedish; one /compact in the middle. Written as
// a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const COUNTS = { customers: 1284, orders: 5321, order_lines: 17406 };
const TOTAL = COUNTS.customers + COUNTS.orders + COUNTS.order_lines;

const range = (n) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
const SEED =
  '-- test data for the backup scripts: sqlite3 data/app.db < seed.sql\nPRAGMA journal_mode = WAL;\n' +
  'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT);\n' +
  'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), placed_at TEXT NOT NULL);\n' +
  'CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT NOT NULL, qty INTEGER NOT NULL, price_ore INTEGER NOT NULL);\n' +
  `${range(COUNTS.customers)}\nINSERT INTO customers (id, name, city) SELECT i, 'kund ' || i, CASE i % 4 WHEN 0 THEN 'Göteborg' WHEN 1 THEN 'Malmö' WHEN 2 THEN 'Umeå' ELSE 'Uppsala' END FROM n;\n` +
  `${range(COUNTS.orders)}\nINSERT INTO orders (id, customer_id, placed_at) SELECT i, 1 + (i * 7) % ${COUNTS.customers}, date('2026-01-01', '+' || (i % 330) || ' days') FROM n;\n` +
  `${range(COUNTS.order_lines)}\nINSERT INTO order_lines (id, order_id, sku, qty, price_ore) SELECT i, 1 + (i * 13) % ${COUNTS.orders}, 'SKU-' || (100 + i % 250), 1 + i % 5, 1900 + (i * 37) % 40000 FROM n;\n`;

const BACKUP =
  '#!/bin/bash\n# backup.sh: nattlig backup av data/app.db (cron 02:30, sedan rotate.sh)\nset -euo pipefail\n\n' +
  'DB=${DB:-data/app.db}\nSTAMP=$(date +%Y%m%d-%H%M%S)\nOUT="$BACKUP_DIR/app-$STAMP.db"\n\n' +
  'mkdir -p "$BACKUP_DIR"\nif [ ! -f "$DB" ]; then\n  echo "backup: no database at $DB" >&2\n  exit 1\nfi\nfi\n\n' +
  'cp "$DB" "$OUT"\necho "backup ok: $OUT"\n';

const ROTATE_STUB = '#!/bin/bash\n# rotate.sh: TODO ta bort gamla backuper (körs efter backup.sh)\nset -euo pipefail\n';

const VERIFY =
  '#!/bin/bash\n# verify.sh: jämför antal rader i data/app.db med senaste backupen\nset -euo pipefail\n\n' +
  'DB=${DB:-data/app.db}\nBACKUP_DIR=${BACKUP_DIR:-backups}\nlatest=$(ls -1t "$BACKUP_DIR"/app-*.db* | head -n 1)\nstatus=0\n\n' +
  'for t in customers orders order_items; do\n  live=$(sqlite3 "$DB" "SELECT count(*) FROM $t")\n  copy=$(sqlite3 "$latest" "SELECT count(*) FROM $t")\n' +
  '  if [ "$live" = "$copy" ]; then\n    printf \'%-12s live=%s backup=%s ok\\n\' "$t" "$live" "$copy"\n  else\n' +
  '    printf \'%-12s live=%s backup=%s MISMATCH\\n\' "$t" "$live" "$copy"\n    status=1\n  fi\ndone\nexit $status\n';

const ROTATE_BY_COUNT =
  '#!/bin/bash\n# rotate.sh: behåll de senaste backuperna (körs efter backup.sh)\nset -euo pipefail\n\n' +
  'BACKUP_DIR=${BACKUP_DIR:-backups}\nKEEP=${KEEP:-14}\n\n' +
  'old=$(ls -1t "$BACKUP_DIR"/app-*.db* | tail -n +$((KEEP + 1)))\n' +
  'if [ -n "$old" ]; then\n  echo "$old" | xargs rm --\nfi\n' +
  'echo "rotate: removed $(printf \'%s\' "$old" | grep -c . || true), kept $(ls -1 "$BACKUP_DIR"/app-*.db* | wc -l)"\n';

const ROTATE_BY_AGE =
  '#!/bin/bash\n# rotate.sh: ta bort backuper äldre än KEEP_DAYS dagar (körs efter backup.sh)\nset -euo pipefail\n\n' +
  'BACKUP_DIR=${BACKUP_DIR:-backups}\nKEEP_DAYS=${KEEP_DAYS:-14}\n\n' +
  'removed=$(find "$BACKUP_DIR" -maxdepth 1 -name \'app-*.db*\' -type f -mtime +"$KEEP_DAYS" -print -delete | wc -l)\n' +
  'echo "rotate: removed $removed older than $KEEP_DAYS days, kept $(find "$BACKUP_DIR" -maxdepth 1 -name \'app-*.db*\' -type f | wc -l)"\n';

// 21 nightly backups and 6 manual ones from today, in a scratch directory (never in backups/).
const FAKE_BACKUPS =
  'T=$(mktemp -d) && for d in $(seq 1 21); do touch -d "$d days ago" "$T/app-night-$d.db.gz"; done && ' +
  'for m in 1 2 3 4 5 6; do touch "$T/app-manual-$m.db.gz"; done && ';

export const scenario = {
  name: 'bash-ops-swedish',
  about:
    'held out: bash backup/rotate/verify scripts for SQLite run by hand, terse Swedish user, errors fixed one at a time, verify.sh left failing, refused rm, a rule mid-session, one mid /compact',
  requires: ['bash', 'sqlite3', 'gzip', 'find', 'git'],
  files: {
    '.gitignore': 'data/\n',
    'README.md':
      '# db-backup\n\nBackup av appens SQLite-databas på driftservern.\n\n    ./backup.sh && ./rotate.sh   # cron 02:30\n    ./verify.sh                  # jämför radantal mot senaste backupen\n',
    'seed.sql': SEED,
    'backup.sh': BACKUP,
    'rotate.sh': ROTATE_STUB,
    'verify.sh': VERIFY,
    'backups/app-20261024-023000.db': 'placeholder: oktoberkopia\n',
    'backups/app-20261025-023000.db': 'placeholder: oktoberkopia\n',
    'backups/app-20261026-023000.db': 'placeholder: oktoberkopia\n',
  },
  build(k, { edit, write }) {
    const fix = k.request('fixa backup.sh så att den går igenom igen');
    const tools = k.constraint('bara sqlite3 och coreutils');
    k.error('syntax error near unexpected token', 'resolved');
    k.error('BACKUP_DIR: unbound variable', 'resolved');
    const dflt = k.decision('give BACKUP_DIR a default of backups', 'the cron line sets no environment at all', 'dropping the -u from set -euo pipefail');
    const online = k.decision(
      "copy through sqlite3's online backup",
      'a plain copy of a WAL database can miss the pages still in app.db-wal',
      'keeping the cp of the database file',
    );
    k.error('Error: in prepare, no such table: order_items', 'resolved');
    const master = k.decision(
      'read the table list from sqlite_master',
      'a hard-coded list breaks again the next time a table is added or renamed',
      'renaming order_items to order_lines in the loop',
    );
    k.number(String(COUNTS.customers));
    k.number(String(COUNTS.orders));
    k.number(String(COUNTS.order_lines));
    k.number(String(TOTAL));
    k.file('backup.sh');
    k.file('verify.sh');
    const rotate = k.request('ta bort backuper äldre än 14 dagar');
    const refusal = k.refusal('nej rör inte dom, det är dom enda kopiorna från oktober');
    const rule = k.constraint('testa aldrig rotate mot riktiga backups/');
    const byCount = k.rejected('tail -n +$((KEEP + 1))', 'den räknar filer, inte dagar');
    k.file('rotate.sh');
    const gz = k.request('lägg till gzip i backup.sh');
    k.error('file is not a database', 'unresolved');
    k.check('./verify.sh', 'failing');
    k.check('bash -n backup.sh', 'passing');
    k.lastRequest(gz);
    k.not('constraints', fix, 'a request is not a standing rule');
    k.not('errors', 'dom enda kopiorna från oktober', "a user's refusal is not a tool error");
    k.not('rejected', '-mtime +"$KEEP_DAYS"', 'the age-based rotation is the one that was kept');

    const first =
      `hej. backup.sh har slutat funka sen jag pillade i den igår, kan du ${fix}? db:n skapar du med sqlite3 data/app.db < seed.sql. ` +
      `vi har inga tester, kör skripten för hand (bash -n, ./backup.sh, ./verify.sh). ${tools}, inget pyhton eller annat på servern`;
    const second = `toppen. nu rotate.sh: ${rotate}, den ska köras efter backup.sh i cron`;
    const third = `regel från och med nu: ${rule}, gör en tmp-katalog med touch -d istället. kör vidare`;
    const last = `bra. sista grejen: ${gz} (gzip -9) och visa hur stora filerna blir, disken på servern är nästan full`;

    const rmOld = 'rm backups/app-202610*.db';

    return [
      {
        user: first,
        model: [
          [
            think('Set up the test database from seed.sql, make the scripts executable, then a syntax check before running anything.'),
            bash('mkdir -p data && sqlite3 data/app.db < seed.sql && chmod +x *.sh && bash -n backup.sh', 'Create the test DB and syntax-check backup.sh'),
          ],
          [think('Line 14: an extra closing fi after the if block. Remove it.'), edit('backup.sh', '  exit 1\nfi\nfi\n', '  exit 1\nfi\n')],
          [bash('bash -n backup.sh && ./backup.sh', 'Syntax-check and run the backup')],
          [
            think(
              `set -u trips on BACKUP_DIR, which nobody sets. Two ways: ${dflt.alternative}, which would hide every other typo in a variable name too, ` +
                `or ${dflt.choice}: ${dflt.reason}, and verify.sh already defaults it the same way. ` +
                `While here: the script copies data/app.db with cp. The seed turns on WAL, and ${online.reason}; ${online.alternative} is simpler but not safe while the app writes. ` +
                `So ${online.choice} (.backup), which takes a consistent snapshot.`,
            ),
            edit('backup.sh', 'DB=${DB:-data/app.db}\n', 'DB=${DB:-data/app.db}\nBACKUP_DIR=${BACKUP_DIR:-backups}\n'),
          ],
          [edit('backup.sh', 'cp "$DB" "$OUT"\n', 'sqlite3 "$DB" ".backup \'$OUT\'"\n')],
          [bash('bash -n backup.sh && ./backup.sh && du -h backups/app-*.db | tail -n 2', 'Run the backup')],
          [bash('./verify.sh', 'Compare row counts with the backup')],
          [
            think(
              `The loop still names order_items; the table is order_lines in the schema. Either ${master.alternative}, or ${master.choice}: ` +
                `${master.reason}. Exclude sqlite_% internal tables, and print a total at the end.`,
            ),
            edit(
              'verify.sh',
              'for t in customers orders order_items; do\n',
              'tables=$(sqlite3 "$DB" "SELECT name FROM sqlite_master WHERE type = \'table\' AND name NOT LIKE \'sqlite_%\' ORDER BY name")\ntotal=0\n\nfor t in $tables; do\n',
            ),
          ],
          [
            edit(
              'verify.sh',
              '    printf \'%-12s live=%s backup=%s ok\\n\' "$t" "$live" "$copy"\n',
              '    printf \'%-12s live=%s backup=%s ok\\n\' "$t" "$live" "$copy"\n    total=$((total + live))\n',
            ),
          ],
          [edit('verify.sh', 'done\nexit $status\n', 'done\necho "total rows: $total"\nexit $status\n')],
          [bash('bash -n verify.sh && ./verify.sh; echo "exit=$?"', 'Run verify.sh again')],
          [
            say(
              'Klart. backup.sh hade ett `fi` för mycket och använde BACKUP_DIR utan värde under `set -u`; nu är standard `backups/`. ' +
                'Jag bytte också `cp` mot sqlite3:s `.backup`, eftersom databasen kör WAL. verify.sh läser nu tabellerna från databasen i stället för en fast lista ' +
                '(den hade kvar det gamla tabellnamnet). Alla tre tabellerna stämmer mot backupen.',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [
            think('Simplest rotation: keep the newest 14 files. ls -1t sorted by time, skip the first 14, remove the rest.'),
            write('rotate.sh', ROTATE_BY_COUNT),
          ],
          [
            say('backups/ har tre gamla platshållarfiler från oktober som stör testet; jag tar bort dem först.'),
            bash(rmOld, 'Remove the old October files from backups/'),
          ],
          [say('Okej, jag rör inte backups/. Säg till hur du vill att jag testar rotationen.')],
        ],
        refuse: { [rmOld]: refusal },
      },
      {
        user: third,
        model: [
          [bash(`${FAKE_BACKUPS}BACKUP_DIR=$T ./rotate.sh && ls -1t $T | tail -n 3; rm -r "$T"`, 'Test rotate.sh in a scratch directory')],
          [
            say(
              `Det här fungerar inte som du vill: ${byCount.why}. Med sex manuella backuper i dag behöll den bara de senaste åtta nätterna, ` +
                'inte 14 dagar. Jag återställer rotate.sh och gör om den med `find -mtime`.',
            ),
            bash('git checkout rotate.sh && git status --short', 'Put rotate.sh back'),
          ],
          [write('rotate.sh', ROTATE_BY_AGE)],
          [
            bash(
              `chmod +x rotate.sh && bash -n rotate.sh && ${FAKE_BACKUPS}BACKUP_DIR=$T ./rotate.sh && ls -1t $T | tail -n 2; rm -r "$T"`,
              'Test the age-based rotate.sh in a scratch directory',
            ),
          ],
          [
            say(
              'rotate.sh tar nu bort filer som är äldre än `KEEP_DAYS` (standard 14) med `find -mtime`, oavsett hur många backuper som tas per dag. ' +
                'Testad i en tmp-katalog, backups/ är orörd.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'backup.sh and verify.sh fixed; rotate.sh written (age-based) and tested in a temp directory.',
          intent: 'Fix the backup scripts for the SQLite database, using only sqlite3 and coreutils; add rotation of old backups.',
          concepts: ['bash set -euo pipefail', 'sqlite3 .backup', 'find -mtime'],
          files: ['backup.sh: default BACKUP_DIR, sqlite3 .backup', 'verify.sh: tables from sqlite_master, total', 'rotate.sh: deletes old backups by age'],
          errors: ['A syntax error and an unset variable in backup.sh; fixed', 'verify.sh used an old table name; fixed'],
          solving: 'A count-based rotation was replaced by an age-based one.',
          messages: [
            'Fix backup.sh; only sqlite3 and coreutils',
            'Write rotate.sh for old backups',
            'Rule: test rotation in a temp directory, not in backups/',
          ],
          pending: [],
          current: 'rotate.sh done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: last,
        model: [
          [
            edit(
              'backup.sh',
              'sqlite3 "$DB" ".backup \'$OUT\'"\necho "backup ok: $OUT"\n',
              'sqlite3 "$DB" ".backup \'$OUT\'"\ngzip -9 "$OUT"\necho "backup ok: $OUT.gz"\n',
            ),
          ],
          [
            bash(
              'bash -n backup.sh && ./backup.sh && latest=$(ls -1t backups/app-*.db.gz | head -n 1) && du -h backups/* | sort -h | tail -n 3 && gzip -l "$latest"',
              'Run the compressed backup and show the sizes',
            ),
          ],
          [bash('./verify.sh; echo "exit=$?"', 'Check the compressed backup with verify.sh')],
          [
            say(
              'backup.sh skriver nu `app-*.db.gz` (gzip -9); storlekarna ser du ovan, den komprimerade filen är en bråkdel av den okomprimerade. ' +
                'Men verify.sh går inte igenom längre: den öppnar senaste backupen direkt med sqlite3, och den är nu gzippad. ' +
                'Den behöver packa upp till en temporär fil först. Ska jag göra det?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Backups are now gzipped; verify.sh cannot read the compressed backup yet.',
          intent: 'Working backup, rotation and verification scripts for the SQLite database; only sqlite3 and coreutils.',
          concepts: ['sqlite3 .backup', 'gzip -9', 'find -mtime'],
          files: ['backup.sh: gzip -9 after the backup', 'rotate.sh: age-based', 'verify.sh: row counts per table'],
          errors: ['verify.sh fails on the gzipped backup (not fixed yet)'],
          solving: 'verify.sh needs to decompress to a temporary file before counting.',
          messages: ['Earlier messages are in the previous summary', `"${last}"`],
          pending: ['Make verify.sh read .db.gz backups'],
          current: 'Asked the user whether to change verify.sh.',
          next: 'Change verify.sh to gunzip into a temp file if the user agrees.',
        }),
      },
    ];
  },
};
