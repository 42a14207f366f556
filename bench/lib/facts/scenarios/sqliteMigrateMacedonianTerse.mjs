// A terse Macedonian user (Cyrillic) and sqlite3 migrations driven by POSIX sh: `sh migrate.sh` applies
// migrations/NNN_*.sql that schema_version does not list yet and prints row counts; `sh check.sh` prints one
// ok/FAIL line per data check. The model writes no thinking text (`thinking: false`): its choices, with the
// alternative and the reason, are in its Macedonian replies. Migration 003 first stops on a typo (Parse error
// near line 3: no such column), then on a UNIQUE constraint (case-duplicate e-mails); deleting the duplicates
// outright is tried and undone (it orphans orders); orders are repointed first. Filling in the missing
// e-mails is refused; the "customers without email" check stays failing. One mid-session /compact.
// Written as a held-out scenario by a helper that never read the analysis code: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const MIGRATE =
  '#!/bin/sh\n# migrate.sh: applies migrations/NNN_*.sql that are not in schema_version yet, in order.\nset -e\nDB=${DB:-app.db}\n' +
  'sqlite3 "$DB" "CREATE TABLE IF NOT EXISTS schema_version (v INTEGER PRIMARY KEY);"\n' +
  'for f in migrations/*.sql; do\n  v=$(basename "$f" | cut -c1-3 | sed \'s/^0*//\')\n' +
  '  seen=$(sqlite3 "$DB" "SELECT COUNT(*) FROM schema_version WHERE v = $v;")\n  [ "$seen" = 0 ] || continue\n' +
  '  sqlite3 -bail "$DB" < "$f"\n  sqlite3 "$DB" "INSERT INTO schema_version VALUES ($v);"\n  echo "applied $(basename "$f")"\ndone\n' +
  'echo "schema version: $(sqlite3 "$DB" \'SELECT MAX(v) FROM schema_version;\')"\n' +
  'echo "customers: $(sqlite3 "$DB" \'SELECT COUNT(*) FROM customers;\') rows"\n' +
  'echo "orders: $(sqlite3 "$DB" \'SELECT COUNT(*) FROM orders;\') rows"\n';

const CHECK =
  '#!/bin/sh\n# check.sh: data checks on app.db, one line each; exits with the number of failed checks.\nDB=${DB:-app.db}\nfails=0\n\n' +
  'chk() {\n  # $1 label, $2 SQL that counts the bad rows\n  n=$(sqlite3 "$DB" "$2")\n  if [ "$n" = 0 ]; then\n    echo "ok: $1"\n' +
  '  else\n    echo "FAIL: $n $1"\n    fails=$((fails + 1))\n  fi\n}\n\n' +
  'chk "orders point to missing customers" "SELECT COUNT(*) FROM orders WHERE customer_id NOT IN (SELECT id FROM customers);"\n' +
  'chk "customers without email" "SELECT COUNT(*) FROM customers WHERE email IS NULL OR email = \'\';"\n\n' +
  'echo "$fails check(s) failed"\nexit $fails\n';

const M001 =
  '-- 001: customers (applied in production)\nCREATE TABLE customers (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  email TEXT\n);\n' +
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 236)\n' +
  "INSERT INTO customers (id, name, email) SELECT i, 'Купувач ' || i, 'kupuvac' || i || '@primer.mk' FROM n;\n" +
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 17)\n' +
  "INSERT INTO customers (id, name, email) SELECT 236 + i, 'Купувач ' || (i * 13), ' Kupuvac' || (i * 13) || '@Primer.MK' FROM n;\n" +
  "INSERT INTO customers (id, name, email) VALUES (254, 'Стефан Илиевски', NULL), (255, 'Елена Ристова', '');\n";

const M002 =
  '-- 002: orders (applied in production)\nCREATE TABLE orders (\n  id INTEGER PRIMARY KEY,\n  customer_id INTEGER NOT NULL REFERENCES customers(id),\n  total_den INTEGER NOT NULL\n);\n' +
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 688)\n' +
  'INSERT INTO orders (id, customer_id, total_den) SELECT i, (i * 37) % 255 + 1, 150 + (i * 53) % 4200 FROM n;\n';

const M003 =
  '-- 003: normalised e-mail, one customer per address\nBEGIN;\nUPDATE customers SET email_norm = lower(trim(emial));\n' +
  'CREATE UNIQUE INDEX idx_customers_email_norm ON customers (email_norm);\nCOMMIT;\n';

export const scenario = {
  name: 'sqlite-migrate-macedonian-terse',
  about:
    'held out: terse Macedonian user (Cyrillic), sqlite3 migrations via sh migrate.sh / check.sh, no thinking text (decisions in Macedonian replies); Parse error near line 3 and a UNIQUE constraint fixed; deleting duplicates tried and undone (orphaned orders); filling e-mails refused; "customers without email" left failing; COUNT(*) numbers; one mid /compact',
  requires: ['sh', 'sqlite3', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'app.db\n',
    'README.md': '# prodavnica-db\n\nШема и миграции за базата на продавницата.\n',
    'migrate.sh': MIGRATE,
    'check.sh': CHECK,
    'migrations/001_customers.sql': M001,
    'migrations/002_orders.sql': M002,
    'migrations/003_email_unique.sql': M003,
  },
  build(k, { edit }) {
    const apply = k.request('пушти ја миграцијата 003 до крај');
    const frozen = k.constraint('не ги менувај 001 и 002, веќе се на продукција');
    const shOnly = k.constraint('само sh и sqlite3, без python');
    k.error('Parse error near line 3: no such column: emial', 'resolved');
    k.error('UNIQUE constraint failed: customers.email_norm', 'resolved');
    k.number('17');
    const del = k.rejected(
      'DELETE FROM customers WHERE id NOT IN (SELECT MIN(id) FROM customers GROUP BY email_norm);',
      'бришењето на дупликатите остава нарачки без купувач',
    );
    k.error('FAIL: 45 orders point to missing customers', 'resolved');
    const repoint = k.decision(
      'прво ги пренасочувам нарачките кон најстариот запис на истиот мејл',
      'најавата бара точно еден купувач по email_norm',
      'индекс без UNIQUE',
    );
    k.file('migrations/003_email_unique.sql');
    k.number('255');
    k.number('688');
    k.number('238');
    k.error('FAIL: 2 customers without email', 'unresolved');
    const refusal = k.refusal('не, не измислувај мејлови. Ана ќе ги внесе од CRM');
    const dupReq = k.request('додади во check.sh проверка за дупликати по email_norm');
    const oneLine = k.decision(
      'проверката брои групи дупликати',
      'check.sh печати по еден ред за секоја проверка',
      'да ги листам сите редови што се дупликати',
    );
    k.file('check.sh');
    k.number('1509');
    const readme = k.request('напиши во README како се пушта migrate.sh и check.sh');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('sh migrate.sh', 'passing');
    k.check('sh check.sh', 'failing');
    k.not('constraints', apply, 'a request is not a standing rule');
    k.not('decisions', del.what, 'tried and undone: a rejected approach, not a decision');
    k.not('rejected', repoint.choice, 'the fix that was kept is not a dead end');
    k.not('errors', 'Ана ќе ги внесе од CRM', "a user's refusal is not a tool error");
    k.not('numbers', '500', 'a figure the user typed, not a measurement');

    const migrate = 'sh migrate.sh 2>&1 | tail -n 8';
    const check = 'sh check.sh; echo "exit $?"';
    const fill = `sqlite3 app.db "UPDATE customers SET email = 'nepoznat' || id || '@primer.mk' WHERE email IS NULL OR email = '';"`;
    const typoFix = 'UPDATE customers SET email_norm = lower(trim(email));\n';
    const dedupe =
      'UPDATE orders SET customer_id = (\n  SELECT MIN(k.id) FROM customers k\n  WHERE k.email_norm = (SELECT c.email_norm FROM customers c WHERE c.id = orders.customer_id)\n)\n' +
      'WHERE customer_id IN (SELECT id FROM customers WHERE email_norm IS NOT NULL);\n' +
      'DELETE FROM customers\nWHERE EXISTS (SELECT 1 FROM customers k WHERE k.email_norm = customers.email_norm AND k.id < customers.id);\n';

    return [
      {
        user: `app.db. ${apply}, пука. ${frozen}. ${shOnly}. на продукција се околу 500 купувачи`,
        model: [
          [empty(), bash(migrate, 'Пушти ги миграциите')],
          [empty(), bash('cat -n migrations/003_email_unique.sql', 'Погледни ја 003')],
          [
            empty(),
            say('Две работи во 003: колоната `email_norm` никаде не се додава, и `emial` е печатна грешка. Ги средувам во 003 (таа уште не е на продукција).'),
            edit(
              'migrations/003_email_unique.sql',
              'BEGIN;\nUPDATE customers SET email_norm = lower(trim(emial));\n',
              'BEGIN;\nALTER TABLE customers ADD COLUMN email_norm TEXT;\n' + typoFix,
            ),
          ],
          [empty(), bash(migrate, 'Пушти ги миграциите')],
          [
            empty(),
            bash(
              'sqlite3 -header -column app.db "SELECT COUNT(*) AS customers FROM customers; SELECT COUNT(*) AS dup_groups FROM (SELECT lower(trim(email)) AS e FROM customers WHERE email <> \'\' GROUP BY e HAVING COUNT(*) > 1);"',
              'Изброј дупликати',
            ),
          ],
          [
            empty(),
            say('Исти мејлови со големи букви и празни места. Пробувам прво едноставно: да ги избришам подоцнежните записи во 003.'),
            edit('migrations/003_email_unique.sql', typoFix, typoFix + del.what + '\n'),
          ],
          [empty(), bash(`rm -f app.db && ${migrate} && ${check}`, 'Од нула, па проверки')],
          [
            empty(),
            say(`Не, ова го враќам: ${del.why}. Бришам од 003 и ја градам базата одново.`),
            edit('migrations/003_email_unique.sql', typoFix + del.what + '\n', typoFix),
          ],
          [
            empty(),
            say(`Одлука: ${repoint.choice}, па дури потоа ги бришам дупликатите. Не ${repoint.alternative}, бидејќи ${repoint.reason}.`),
            edit('migrations/003_email_unique.sql', typoFix, typoFix + dedupe),
          ],
          [empty(), bash(`rm -f app.db && ${migrate} && ${check}`, 'Од нула, па проверки')],
          [empty(), say('Останаа двајца без мејл. Им ставам привремени адреси за да помине проверката.'), bash(fill, 'Пополни мејлови')],
          [empty(), say('Во ред, не ги пипам. 003 поминува; `check.sh` паѓа само на двајцата без мејл.')],
        ],
        refuse: { [fill]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'prodavnica-db: migration 003 fixed (missing column, typo, case-duplicate e-mails merged).',
          intent: 'Get migration 003 applied. 001 and 002 are in production and must not change; only sh and sqlite3.',
          concepts: ['sqlite3 -bail', 'schema_version', 'UNIQUE index on email_norm'],
          files: ['migrations/003_email_unique.sql: adds email_norm, merges duplicates, unique index'],
          errors: ['003 failed on a typo, then on the unique index because of duplicate addresses; both fixed'],
          solving: 'Orders are moved to the surviving customer before the duplicates are deleted.',
          messages: ['Apply 003; do not touch 001/002; sh and sqlite3 only', 'Refused inventing e-mail addresses; Ana will enter them'],
          pending: ['Two customers without e-mail (Ana, CRM)'],
          current: 'check.sh: one check still failing.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `добро. ${dupReq}. двајцата без мејл остави ги`,
        model: [
          [
            empty(),
            say(`Одлука: ${oneLine.choice}, не ${oneLine.alternative}, затоа што ${oneLine.reason}.`),
            edit(
              'check.sh',
              'echo "$fails check(s) failed"\n',
              'chk "duplicate email_norm groups" "SELECT COUNT(*) FROM (SELECT email_norm FROM customers WHERE email_norm <> \'\' GROUP BY email_norm HAVING COUNT(*) > 1);"\n\necho "$fails check(s) failed"\n',
            ),
          ],
          [empty(), bash(check, 'Проверки')],
          [
            empty(),
            bash(
              'sqlite3 -header -column app.db "SELECT COUNT(*) AS customers FROM customers; SELECT COUNT(*) AS with_orders FROM (SELECT DISTINCT customer_id FROM orders); SELECT SUM(total_den) / 1000 AS total_kden FROM orders;"',
              'Бројки',
            ),
          ],
          [empty(), say('Додадена е проверката за дупликати и поминува. Паѓа само „customers without email“, како што рече.')],
        ],
      },
      {
        user: `${readme}. кратко`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Шема и миграции за базата на продавницата.\n',
              'Шема и миграции за базата на продавницата.\n\n## Миграции\n\n    sh migrate.sh        # ги пушта migrations/NNN_*.sql што ги нема во schema_version\n' +
                '    sh check.sh          # проверки на податоците, по еден ред; излез = број на паднати\n\n' +
                'Базата е `app.db` (или `DB=... sh migrate.sh`).\n',
            ),
          ],
          [empty(), say('Готово.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'prodavnica-db: 003 applied, duplicate check added to check.sh, README documents the scripts.',
          intent: 'Migrations with sh and sqlite3 only; 001/002 frozen; check.sh extended; README.',
          concepts: ['sqlite3', 'POSIX sh'],
          files: ['migrations/003_email_unique.sql', 'check.sh: duplicate check', 'README.md: how to run'],
          errors: ['The missing-email check still fails (two customers, left for Ana)'],
          solving: 'Duplicate groups are counted, one line per check.',
          messages: ['Earlier messages are in the previous summary', 'Add a duplicate check; leave the two customers', 'Document migrate.sh and check.sh'],
          pending: ['Two customers without e-mail'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
