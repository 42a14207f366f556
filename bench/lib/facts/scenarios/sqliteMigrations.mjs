// A terse user with typos on SQL migrations run through the real sqlite3 CLI. The failing migration is
// fixed and verified by a longer command line (`sh scripts/migrate.sh && sqlite3 …`).
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'sqlite-migrations',
  about: 'terse user with typos, sqlite3 CLI + shell, fix verified as `… && sqlite3 …`, thinking',
  requires: ['sqlite3'],
  files: {
    '.gitignore': 'app.db\n',
    'migrations/001_init.sql':
      'CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT);\n' +
      "INSERT INTO users (name) SELECT 'user' || value FROM (WITH RECURSIVE c(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM c WHERE value < 2417) SELECT value FROM c) WHERE (SELECT count(*) FROM users) = 0;\n",
    'migrations/002_add_email.sql': 'ALTER TABEL users ADD COLUMN email TEXT;\n',
    'scripts/migrate.sh': '#!/bin/sh\nset -e\nfor f in migrations/*.sql; do sqlite3 -bail app.db < "$f"; done\necho "migrations applied"\n',
    'scripts/check-fk.sh': '#!/bin/sh\necho "FK-CHECK: $((10 + 2)) orders reference deleted users" >&2\nexit 1\n',
  },
  build(k, { edit, write }) {
    const broken = k.request('migratoin 002 fails on the dev db');
    const noDrop = k.constraint('dont drop any tables');
    k.error('near "TABEL": syntax error', 'resolved');
    k.file('migrations/002_add_email.sql');
    const unique = k.rejected('ADD COLUMN email TEXT UNIQUE', 'SQLite refuses UNIQUE in ALTER TABLE ADD COLUMN');
    k.error('Cannot add a UNIQUE column');
    const index = k.decision('a unique index on lower(email)', 'old accounts have emails that differ only in case', 'a case-sensitive UNIQUE constraint');
    k.file('migrations/003_email_index.sql');
    k.number('2417');
    const fk = k.request('also run the fk check');
    k.error('FK-CHECK: 12 orders reference deleted users', 'unresolved');
    k.not('rejected', broken, "the user's request is not a rejected approach");
    k.not('constraints', fk, 'a request is not a standing rule');
    k.lastRequest(fk);
    k.file('migrations/004_orphan_orders.sql');

    return [
      {
        user: `${broken}, pls fix. ${noDrop}`,
        model: [
          [think('Run the migrations to see the error.'), bash('sh scripts/migrate.sh', 'Apply migrations')],
          [
            think('Typo in TABLE. Emails should be unique; try it in the column definition.'),
            edit('migrations/002_add_email.sql', 'ALTER TABEL users ADD COLUMN email TEXT;', `ALTER TABLE users ${unique.what};`),
          ],
          [bash('sh scripts/migrate.sh', 'Apply migrations again')],
          [say(`Dropping the inline UNIQUE: ${unique.why}.`), edit('migrations/002_add_email.sql', `${unique.what};`, 'ADD COLUMN email TEXT;')],
          [
            think(`Uniqueness then goes in its own migration: ${index.choice} rather than ${index.alternative}, since ${index.reason}.`),
            write('migrations/003_email_index.sql', 'CREATE UNIQUE INDEX IF NOT EXISTS users_email_lower ON users (lower(email));\n'),
          ],
          [bash("sh scripts/migrate.sh && sqlite3 app.db 'PRAGMA table_info(users);' && sqlite3 app.db 'SELECT count(*) FROM users;'", 'Apply and inspect')],
          [say('Migration 002 applies now; email uniqueness is a separate index (003). No tables dropped.')],
        ],
      },
      {
        user: `${fk} thx`,
        model: [
          [think('Run it.'), bash('sh scripts/check-fk.sh', 'FK check')],
          [
            say(
              'The FK check fails: some orders reference deleted users. How should I handle them?\n\n1. delete the orphaned orders\n2. reassign them to a placeholder "deleted user"\n3. leave them for now',
            ),
          ],
        ],
      },
      {
        user: '2',
        model: [
          [
            think('Reassign: a placeholder user keeps order history intact.'),
            write(
              'migrations/004_orphan_orders.sql',
              "INSERT OR IGNORE INTO users (id, name) VALUES (0, 'deleted user');\n-- orders live in the shop database; reassignment runs there with user_id = 0\n",
            ),
          ],
          [say('Added migration 004 with a placeholder user (id 0) for the orphaned orders to point to.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse user. Migration 002 fixed; FK check fails.',
          intent: 'Fix migration 002 failing on the dev database without dropping any tables; run the foreign-key check.',
          concepts: ['SQLite migrations via sqlite3 CLI', 'Unique indexes on expressions'],
          files: [
            'migrations/002_add_email.sql: fixed the ALTER TABLE typo',
            'migrations/003_email_index.sql: new unique index on lower(email)',
            'migrations/004_orphan_orders.sql: placeholder user for orphaned orders',
          ],
          errors: [
            'Migration 002 had a syntax error (TABEL); fixed',
            'SQLite refused a UNIQUE column in ALTER TABLE; moved to an index',
            'FK-CHECK: 12 orders reference deleted users',
          ],
          solving: 'Case-insensitive uniqueness through an expression index. The users table has 2417 rows.',
          messages: [`"${broken}, pls fix. ${noDrop}"`, `"${fk} thx"`, '"2" (reassign the orphaned orders to a placeholder user)'],
          pending: ['Run the reassignment of orphaned orders in the shop database'],
          current: 'Added migrations/004_orphan_orders.sql with a placeholder user (id 0).',
          next: 'Point the orphaned orders at user 0 and rerun the FK check.',
        }),
      },
    ];
  },
};
