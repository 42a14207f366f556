// A stdlib-only Python data migration (an old CRM's sqlite3 database into a new schema) and a terse
// Ukrainian-speaking user. Not a test suite: the script itself fails (sqlite3.OperationalError, a
// KeyError on a city typed with a Latin "i", an IntegrityError on duplicate phones) and is fixed and
// re-run until it succeeds, printing rows migrated, skipped and seconds. The agent ends its commands
// with `; echo "EXIT: $?"`. INSERT OR REPLACE is tried and undone. A small unittest file is added with
// one failure left at the end. The model writes no thinking text (`thinking: false`): it states its
// decisions in Ukrainian in its replies, with the rejected alternative and the reason. Compacted once
// mid-session and once at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const LAST = ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Поліщук', 'Лисенко', 'Савчук', 'Руденко'];
const FIRST = ['Олена', 'Андрій', 'Ірина', 'Тарас', 'Марія', 'Богдан', 'Наталія', 'Олег', 'Софія'];
const CITIES = ['Київ', 'Львів', 'Харків', 'Одеса', 'Дніпро'];

// The old CRM's clients: phones typed every which way, some missing, a few shared by two clients, and
// Дніпро sometimes typed with a Latin "i".
function legacyDump() {
  const rows = [];
  const phones = [];
  for (let i = 1; i <= 1240; i++) {
    const name = `${LAST[i % LAST.length]} ${FIRST[(i * 7) % FIRST.length]}`;
    const n = String(1000000 + ((i * 7919) % 9000000)).slice(-7);
    const code = ['44', '67', '50', '93', '63'][i % 5];
    let phone = [`0${code}${n}`, `+38 0${code} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`, `(0${code}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`][
      i % 3
    ];
    if (i % 97 === 40) phone = '';
    if (i % 113 === 60) phone = phones[phones.length - 1];
    phones.push(phone);
    let city = CITIES[(i * 3) % CITIES.length];
    if (i % 41 === 5) city = 'Днiпро';
    rows.push(`INSERT INTO clients VALUES (${i}, '${name}', '${phone}', '${city}', '20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}');`);
  }
  return 'CREATE TABLE clients (id INTEGER PRIMARY KEY, full_name TEXT, phone TEXT, city TEXT, created TEXT);\nBEGIN;\n' + rows.join('\n') + '\nCOMMIT;\n';
}

const SCHEMA =
  'CREATE TABLE cities (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n' +
  "INSERT INTO cities VALUES (1, 'Київ'), (2, 'Львів'), (3, 'Харків'), (4, 'Одеса'), (5, 'Дніпро');\n\n" +
  'CREATE TABLE customers (\n  id INTEGER PRIMARY KEY,\n  legacy_id INTEGER NOT NULL UNIQUE,\n  first_name TEXT NOT NULL,\n  last_name TEXT NOT NULL,\n' +
  '  phone_e164 TEXT NOT NULL UNIQUE,\n  city_id INTEGER REFERENCES cities(id)\n);\n';

const MIGRATE =
  '"""Migrates the old CRM database (clients) into the new schema (customers, cities)."""\nimport re\nimport sqlite3\nimport sys\nimport time\n\n' +
  "CITY_IDS = {'Київ': 1, 'Львів': 2, 'Харків': 3, 'Одеса': 4, 'Дніпро': 5}\n\n\n" +
  "def normalize_phone(raw):\n    digits = re.sub(r'\\D', '', raw or '')\n    if len(digits) == 10 and digits.startswith('0'):\n        return '+38' + digits\n" +
  "    if len(digits) == 12 and digits.startswith('380'):\n        return '+' + digits\n    return None\n\n\n" +
  "def split_name(full_name):\n    last, _, first = full_name.strip().partition(' ')\n    return first, last\n\n\n" +
  'def migrate(src_path, dst_path):\n    src = sqlite3.connect(src_path)\n    src.row_factory = sqlite3.Row\n    dst = sqlite3.connect(dst_path)\n    migrated = skipped = 0\n' +
  "    for row in src.execute('SELECT id, full_name, phone, city FROM clients ORDER BY id'):\n        phone = normalize_phone(row['phone'])\n" +
  '        if phone is None:\n            skipped += 1\n            continue\n' +
  "        first, last = split_name(row['full_name'])\n        dst.execute(\n" +
  "            'INSERT INTO customers (legacy_id, first_name, last_name, phone_e164, city_id) VALUES (?, ?, ?, ?, ?)',\n" +
  "            (row['id'], first, last, phone, CITY_IDS[row['city']]),\n        )\n        migrated += 1\n    dst.commit()\n    return migrated, skipped\n\n\n" +
  "if __name__ == '__main__':\n    started = time.perf_counter()\n    migrated, skipped = migrate(sys.argv[1], sys.argv[2])\n" +
  "    print(f'migrated {migrated} rows, skipped {skipped}, {time.perf_counter() - started:.2f} s')\n";

const TESTS =
  'import os\nimport sqlite3\nimport tempfile\nimport unittest\n\nimport migrate\n\n\nclass NormalizePhone(unittest.TestCase):\n' +
  "    def test_local_format(self):\n        self.assertEqual(migrate.normalize_phone('(044) 123-45-67'), '+380441234567')\n\n" +
  "    def test_international_format(self):\n        self.assertEqual(migrate.normalize_phone('+38 067 123 45 67'), '+380671234567')\n\n" +
  "    def test_empty(self):\n        self.assertIsNone(migrate.normalize_phone(''))\n\n" +
  "    def test_old_long_distance_prefix(self):\n        self.assertEqual(migrate.normalize_phone('8 044 123 45 67'), '+380441234567')\n\n\n" +
  "class City(unittest.TestCase):\n    def test_latin_i(self):\n        self.assertEqual(migrate.city_id('Днiпро'), 5)\n\n\n" +
  'class Migrate(unittest.TestCase):\n    def test_duplicate_phone_is_skipped(self):\n        tmp = tempfile.mkdtemp()\n' +
  "        src, dst = os.path.join(tmp, 'old.db'), os.path.join(tmp, 'new.db')\n        db = sqlite3.connect(src)\n" +
  "        db.execute('CREATE TABLE clients (id INTEGER PRIMARY KEY, full_name TEXT, phone TEXT, city TEXT, created TEXT)')\n" +
  "        db.execute(\"INSERT INTO clients VALUES (1, 'Мельник Олег', '0441234567', 'Київ', ''), (2, 'Мельник Ірина', '0441234567', 'Київ', '')\")\n" +
  '        db.commit()\n        migrated, skipped = migrate.migrate(src, dst)[:2]\n        self.assertEqual((migrated, skipped), (1, 1))\n\n\n' +
  "if __name__ == '__main__':\n    unittest.main()\n";

// What `python3 migrate.py legacy.db new.db` prints once it succeeds, and what the REPLACE attempt left.
// (The no-phone and duplicate counts, 13 and 11, are not planted: the log's date and file attachments hold them too.)
const RESULT = { migrated: '1216', skipped: '24', replaced: '1227' };

export const scenario = {
  name: 'python-ukrainian-terse',
  about:
    'held out: stdlib Python + sqlite3 migration script (not a test suite), terse Ukrainian user, no thinking text; OperationalError, KeyError, IntegrityError fixed by re-runs; `; echo "EXIT: $?"`; INSERT OR REPLACE undone; one unittest failure left; two compactions',
  requires: ['python3', 'sqlite3', 'git'],
  thinking: false,
  files: {
    '.gitignore': '*.db\n__pycache__/\n',
    'README.md': '# crm-migration\n\nСтара CRM (legacy.sql) → нова схема (schema.sql).\n',
    'legacy.sql': legacyDump(),
    'schema.sql': SCHEMA,
    'migrate.py': MIGRATE,
  },
  build(k, { edit, write }) {
    const migrateReq = k.request('перенеси legacy.db у нову схему з schema.sql через migrate.py');
    const stdlib = k.constraint('тільки stdlib, ніякого pip');
    k.error('sqlite3.OperationalError: no such table: customers', 'resolved');
    const schemaPick = k.decision(
      'створюю схему з schema.sql у самому migrate.py',
      'тоді міграція запускається однією командою і нова база завжди має актуальну схему',
      'окремий крок через sqlite3 CLI перед скриптом',
    );
    k.error("KeyError: 'Днiпро'", 'resolved');
    const latin = k.decision(
      'замінюю латинську i на кириличну і в назві міста перед пошуком',
      'у старій CRM міста вводили вручну з різних розкладок',
      'додати Днiпро окремим рядком у cities',
    );
    k.error('sqlite3.IntegrityError: UNIQUE constraint failed: customers.phone_e164', 'resolved');
    const replace = k.rejected('INSERT OR REPLACE', 'REPLACE мовчки перезаписує попереднього клієнта з тим самим номером');
    const dupPick = k.decision(
      'пропускаю дублікати телефонів і рахую їх окремо',
      'phone_e164 унікальний у новій схемі, а кого з двох клієнтів лишити, має вирішити людина',
      'зберігати другого клієнта без телефону',
    );
    k.number(RESULT.replaced);
    k.number(RESULT.migrated);
    k.number(RESULT.skipped);
    k.file('migrate.py');
    const noLegacy = k.constraint('legacy.sql не чіпай');
    const testsReq = k.request('напиши unittest на migrate.py');
    const noPytest = k.constraint('не pytest');
    k.file('test_migrate.py');
    k.error("AssertionError: None != '+380441234567'", 'unresolved');
    k.check('python3 -m unittest', 'failing');
    const readme = k.request('додай у README як запускати міграцію');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', migrateReq, 'a request is not a standing rule');
    k.not('rejected', dupPick.choice, 'the approach that was kept is not a dead end');
    k.not('errors', 'спитаю в Олега', "the user's words are not a tool error");
    k.not('decisions', 'Спершу створю legacy.db з дампу', 'an intention, not a decision');

    const first = `${migrateReq}. legacy.db збери з legacy.sql. ${stdlib}. ${noLegacy}.`;
    const second = `${testsReq}. ${noPytest}, звичайний unittest.`;
    const third = 'залиш падати, спитаю в Олега чи ще бувають номери з вісімкою.';
    const fourth = `ок. ${readme}.`;

    const exit = '; echo "EXIT: $?"';
    const run = `rm -f new.db && python3 migrate.py legacy.db new.db 2>&1${exit}`;
    const tests = `python3 -m unittest -v test_migrate 2>&1${exit}`;

    return [
      {
        user: first,
        model: [
          [
            empty(),
            say('Спершу створю legacy.db з дампу.'),
            bash(`sqlite3 legacy.db < legacy.sql && sqlite3 legacy.db 'SELECT count(*) FROM clients'${exit}`, 'Build legacy.db from the dump'),
          ],
          [empty(), bash(run, 'Run the migration')],
          [
            empty(),
            say(`Нова база порожня, таблиць нема. Рішення: ${schemaPick.choice}, а не ${schemaPick.alternative}, бо ${schemaPick.reason}.`),
            edit(
              'migrate.py',
              '    dst = sqlite3.connect(dst_path)\n',
              "    dst = sqlite3.connect(dst_path)\n    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'schema.sql'), encoding='utf-8') as f:\n        dst.executescript(f.read())\n",
            ),
          ],
          [empty(), edit('migrate.py', 'import re\n', 'import os\nimport re\n')],
          [empty(), bash(run, 'Run the migration')],
          [
            empty(),
            say(`Місто з латинською "i". Рішення: ${latin.choice}, а не ${latin.alternative}, бо ${latin.reason}; інакше в звітах буде два Дніпра.`),
            edit(
              'migrate.py',
              'def split_name(full_name):',
              "def city_id(name):\n    return CITY_IDS[name.strip().replace('i', 'і')]\n\n\ndef split_name(full_name):",
            ),
          ],
          [empty(), edit('migrate.py', "CITY_IDS[row['city']]", "city_id(row['city'])")],
          [empty(), bash(run, 'Run the migration')],
          [
            empty(),
            say('Два клієнти з одним номером. Спробую REPLACE.'),
            edit('migrate.py', "            'INSERT INTO customers (legacy_id", "            'INSERT OR REPLACE INTO customers (legacy_id"),
          ],
          [empty(), bash(`${run} && sqlite3 new.db 'SELECT count(*) FROM customers'`, 'Run the migration and count the rows')],
          [
            empty(),
            say(`Ні: ${replace.why}, тому рядків у базі менше, ніж "migrated". Повертаю звичайний INSERT.`),
            edit('migrate.py', "            'INSERT OR REPLACE INTO customers (legacy_id", "            'INSERT INTO customers (legacy_id"),
          ],
          [
            empty(),
            say(`Рішення: ${dupPick.choice}, а не ${dupPick.alternative}, бо ${dupPick.reason}.`),
            edit(
              'migrate.py',
              "        first, last = split_name(row['full_name'])\n        dst.execute(\n" +
                "            'INSERT INTO customers (legacy_id, first_name, last_name, phone_e164, city_id) VALUES (?, ?, ?, ?, ?)',\n" +
                "            (row['id'], first, last, phone, city_id(row['city'])),\n        )\n        migrated += 1\n",
              "        first, last = split_name(row['full_name'])\n        try:\n            dst.execute(\n" +
                "                'INSERT INTO customers (legacy_id, first_name, last_name, phone_e164, city_id) VALUES (?, ?, ?, ?, ?)',\n" +
                "                (row['id'], first, last, phone, city_id(row['city'])),\n            )\n        except sqlite3.IntegrityError:\n" +
                '            duplicates += 1\n            continue\n        migrated += 1\n',
            ),
          ],
          [empty(), edit('migrate.py', '    migrated = skipped = 0\n', '    migrated = skipped = duplicates = 0\n')],
          [
            empty(),
            edit(
              'migrate.py',
              "    dst.commit()\n    return migrated, skipped\n\n\nif __name__ == '__main__':\n    started = time.perf_counter()\n    migrated, skipped = migrate(sys.argv[1], sys.argv[2])\n" +
                "    print(f'migrated {migrated} rows, skipped {skipped}, {time.perf_counter() - started:.2f} s')\n",
              "    dst.commit()\n    return migrated, skipped + duplicates, skipped, duplicates\n\n\nif __name__ == '__main__':\n    started = time.perf_counter()\n" +
                '    migrated, total_skipped, no_phone, duplicates = migrate(sys.argv[1], sys.argv[2])\n' +
                "    print(f'migrated {migrated} rows, skipped {total_skipped} (no phone {no_phone}, duplicate phone {duplicates}), {time.perf_counter() - started:.2f} s')\n",
            ),
          ],
          [empty(), bash(run, 'Run the migration')],
          [
            empty(),
            bash(`sqlite3 new.db 'SELECT count(*) FROM customers; SELECT count(*) FROM customers WHERE city_id IS NULL'${exit}`, 'Check the new database'),
          ],
          [empty(), say('Готово. Міграція проходить, дублікати телефонів пропускаються і рахуються окремо. legacy.sql не змінював.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse Ukrainian user. migrate.py fixed step by step until the migration ran through.',
          intent: 'Migrate the old CRM database (legacy.sql → legacy.db) into the schema in schema.sql with migrate.py; stdlib only; legacy.sql untouched.',
          concepts: ['sqlite3', 'E.164 phone normalization', 'executescript'],
          files: ['migrate.py: applies schema.sql, city lookup tolerant of a Latin i, duplicate phones skipped and counted'],
          errors: ['Missing table in the new DB; fixed', 'A city lookup failed on a misspelt city; fixed', 'Unique phone violation; duplicates now skipped'],
          solving: 'An upsert was tried for duplicates and undone because it lost rows.',
          messages: ['Migrate legacy.db into the new schema via migrate.py; stdlib only; do not touch legacy.sql'],
          pending: [],
          current: 'The migration succeeds.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [empty(), write('test_migrate.py', TESTS)],
          [empty(), bash(tests, 'Run the unit tests')],
          [
            empty(),
            say(
              'Один тест падає: номер у старому міжміському форматі з вісімкою на початку normalize_phone не розпізнає. ' +
                'Можу додати правило для одинадцяти цифр, що починаються з вісімки. Додати?',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [[empty(), say('Добре, лишаю як є.')]],
      },
      {
        user: fourth,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Стара CRM (legacy.sql) → нова схема (schema.sql).\n',
              'Стара CRM (legacy.sql) → нова схема (schema.sql).\n\n    sqlite3 legacy.db < legacy.sql\n    rm -f new.db && python3 migrate.py legacy.db new.db\n\n' +
                'Скрипт сам створює схему в new.db. Клієнти без телефону і з телефоном, який уже є в іншого клієнта, пропускаються (кількість у виводі).\n\n' +
                'Тести: `python3 -m unittest -v test_migrate`.\n',
            ),
          ],
          [empty(), say('Додав.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Migration works; unit tests added with one failure the user wants left; README updated.',
          intent: 'Migrate legacy.db into the new schema; then unit tests (unittest, not pytest); then README usage.',
          concepts: ['sqlite3', 'unittest'],
          files: ['migrate.py', 'test_migrate.py: unit tests', 'README.md: how to run the migration'],
          errors: ['One unit test about an old phone format fails; left on purpose'],
          solving: 'Waiting for the user to learn whether old-format numbers still occur.',
          messages: ['Write unittest tests, not pytest', 'Leave the failing test', 'Add README instructions'],
          pending: ['Old long-distance phone prefix (waiting for Oleh)'],
          current: 'README updated.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
