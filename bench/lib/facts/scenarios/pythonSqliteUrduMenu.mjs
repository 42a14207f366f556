// A Python + sqlite3 sales report tool driven by a Makefile (`make report`, `make import`, `make check`
// running `python3 -m unittest`). The user writes Urdu (Arabic script) and pastes a long traceback from
// their own terminal (database is locked: not a tool error); the agent answers with numbered options and
// the user replies just "2". Thinking in about half the turns. A `no such column` error is fixed with a
// join; INSERT OR REPLACE is tried for an import and undone with `git checkout --`; deleting the
// database is refused; the `UNIQUE constraint failed` import error is left failing. Numbers: the row
// count from sqlite3 with `.timer on` (Run Time varies, not planted) and the totals the report prints.
// One compaction. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const REGIONS = ['Lahore', 'Karachi', 'Multan', 'Peshawar', 'Quetta'];

function seed() {
  let s = 90210;
  const rand = (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
  const lines = ['BEGIN;'];
  for (let id = 1; id <= 240; id++) lines.push(`INSERT INTO customers VALUES (${id}, 'customer-${id}', '${REGIONS[rand(REGIONS.length)]}');`);
  let total = 0;
  const ORDERS = 1917;
  for (let id = 1; id <= ORDERS; id++) {
    // a few orders point at customers that were deleted long ago
    const customer = id % 97 === 0 ? 900 + (id % 7) : 1 + rand(240);
    const amount = 500 + rand(250000);
    total += amount;
    lines.push(`INSERT INTO orders VALUES (${id}, 'ORD-${String(10000 + id)}', ${customer}, ${amount}, '2026-11-${String(1 + (id % 28)).padStart(2, '0')}');`);
  }
  lines.push('COMMIT;');
  return { sql: lines.join('\n') + '\n', orders: ORDERS, total };
}

const SEED = seed();

const DEC_CSV = (() => {
  const rows = ['order_no,customer_id,amount_paisa,created_at'];
  for (let i = 0; i < 36; i++) {
    const no = i < 5 ? 11900 + i : 12000 + i; // the first five were already imported in November
    rows.push(`ORD-${no},${1 + ((i * 37) % 240)},${1000 + i * 731},2026-12-${String(1 + (i % 28)).padStart(2, '0')}`);
  }
  return rows.join('\n') + '\n';
})();

const MIGRATION_1 =
  '-- 001: initial schema. Applied in production: never edit, add a new file instead.\n' +
  'CREATE TABLE customers (\n    id INTEGER PRIMARY KEY,\n    name TEXT NOT NULL,\n    region TEXT\n);\n\n' +
  'CREATE TABLE orders (\n    id INTEGER PRIMARY KEY,\n    order_no TEXT NOT NULL UNIQUE,\n    customer_id INTEGER NOT NULL,\n    amount_paisa INTEGER NOT NULL,\n    created_at TEXT NOT NULL\n);\n';

const REPORT_PY =
  '"""Sales by region: make report"""\nimport sqlite3\nimport sys\n\n\nQUERY = """\n' +
  'SELECT o.region, COUNT(*), SUM(o.amount_paisa)\nFROM orders o\nGROUP BY o.region\nORDER BY 3 DESC\n"""\n\n\n' +
  'def region_totals(conn):\n    return conn.execute(QUERY).fetchall()\n\n\n' +
  'def main(path):\n    conn = sqlite3.connect(path)\n    rows = region_totals(conn)\n    orders = sum(r[1] for r in rows)\n    paisa = sum(r[2] for r in rows)\n' +
  '    for region, count, amount in rows:\n        print(f"{region:<10} {count:>6} {amount / 100:>14,.2f}")\n' +
  '    print(f"regions: {len(rows)}, orders: {orders}, revenue: {paisa / 100:,.2f} PKR")\n\n\n' +
  'if __name__ == "__main__":\n    main(sys.argv[1] if len(sys.argv) > 1 else "data/shop.db")\n';

const IMPORT_PY =
  '"""Imports an orders CSV: make import CSV=..."""\nimport csv\nimport sqlite3\nimport sys\n\n\n' +
  'def import_csv(conn, path):\n    with open(path, newline="") as f:\n        rows = [(r["order_no"], int(r["customer_id"]), int(r["amount_paisa"]), r["created_at"]) for r in csv.DictReader(f)]\n' +
  '    with conn:\n        conn.executemany(\n            "INSERT INTO orders (order_no, customer_id, amount_paisa, created_at) VALUES (?, ?, ?, ?)", rows\n        )\n    return len(rows)\n\n\n' +
  'if __name__ == "__main__":\n    conn = sqlite3.connect("data/shop.db")\n    print(f"imported {import_csv(conn, sys.argv[1])} rows")\n';

const TEST_PY =
  'import sqlite3\nimport unittest\nfrom pathlib import Path\n\nfrom report import region_totals\n\n\n' +
  'class RegionTotals(unittest.TestCase):\n    def setUp(self):\n        self.conn = sqlite3.connect(":memory:")\n' +
  '        self.conn.executescript(Path("migrations/001_init.sql").read_text())\n' +
  "        self.conn.executescript(\"\"\"\n            INSERT INTO customers VALUES (1, 'a', 'Lahore'), (2, 'b', 'Karachi');\n" +
  "            INSERT INTO orders VALUES (1, 'X-1', 1, 100, '2026-11-01'), (2, 'X-2', 1, 50, '2026-11-02'), (3, 'X-3', 2, 70, '2026-11-02');\n        \"\"\")\n\n" +
  '    def test_two_regions(self):\n        self.assertEqual(len(region_totals(self.conn)), 2)\n\n' +
  '    def test_lahore_first(self):\n        self.assertEqual(region_totals(self.conn)[0][:2], ("Lahore", 2))\n\n\n' +
  'if __name__ == "__main__":\n    unittest.main()\n';

const MAKEFILE =
  'DB = data/shop.db\nCSV ?= data/orders_dec.csv\n\n' +
  'report: $(DB)\n\tpython3 report.py $(DB)\n\n' +
  'import: $(DB)\n\tpython3 import_orders.py $(CSV)\n\n' +
  'check:\n\tpython3 -m unittest discover -s tests -t . -v\n\n' +
  '$(DB): migrations/001_init.sql data/seed.sql\n\trm -f $@\n\tsqlite3 $@ < migrations/001_init.sql\n\tsqlite3 $@ < data/seed.sql\n\n' +
  '.PHONY: report import check\n';

const PASTE =
  '```\n$ make report\npython3 report.py data/shop.db\nTraceback (most recent call last):\n' +
  '  File "/home/bilal/kaam/dukaan-report/report.py", line 29, in <module>\n    main(sys.argv[1] if len(sys.argv) > 1 else "data/shop.db")\n' +
  '  File "/home/bilal/kaam/dukaan-report/report.py", line 19, in main\n    rows = region_totals(conn)\n           ^^^^^^^^^^^^^^^^^^^\n' +
  '  File "/home/bilal/kaam/dukaan-report/report.py", line 15, in region_totals\n    return conn.execute(QUERY).fetchall()\n           ^^^^^^^^^^^^^^^^^^^\n' +
  'sqlite3.OperationalError: database is locked\nmake: *** [Makefile:5: report] Error 1\n```';

export const scenario = {
  name: 'python-sqlite-urdu-menu',
  about:
    'held out: Urdu user (Arabic script), Python + sqlite3 report tool behind a Makefile (make report, make check with unittest); pasted terminal traceback; numbered options answered with "2"; no such column fixed; INSERT OR REPLACE undone with git checkout; deleting the db refused; UNIQUE constraint failed left failing',
  requires: ['python3', 'sqlite3', 'make', 'git'],
  files: {
    '.gitignore': 'data/shop.db\n__pycache__/\n',
    Makefile: MAKEFILE,
    'README.md': '# dukaan-report\n\nSales reports from the shop database.\n',
    'migrations/001_init.sql': MIGRATION_1,
    'data/seed.sql': SEED.sql,
    'data/orders_dec.csv': DEC_CSV,
    'report.py': REPORT_PY,
    'import_orders.py': IMPORT_PY,
    'tests/__init__.py': '',
    'tests/test_report.py': TEST_PY,
  },
  build(k, { edit }) {
    const fixReport = k.request('make report ٹھیک کرو، علاقوں والی رپورٹ نہیں بن رہی');
    const noMigrations = k.constraint('migrations والی فائلوں کو کبھی ہاتھ مت لگانا');
    k.not('errors', 'database is locked', "the user's own pasted traceback is not tool output");
    k.error('sqlite3.OperationalError: no such column: o.region', 'resolved');
    const join = k.decision('a left join with an unknown bucket', 'orders whose customer row is gone would silently drop out of the totals', 'an inner join');
    k.file('report.py');
    k.number('1917');
    k.number(String(SEED.orders - Math.floor(SEED.orders / 97)));
    k.number((SEED.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    k.number('23,940.97');
    k.number('598,919.59');
    k.check('make check', 'passing');
    const importDec = k.request('دسمبر والی CSV درآمد کرو، make import سے');
    k.error('sqlite3.IntegrityError: UNIQUE constraint failed: orders.order_no', 'unresolved');
    k.check('make import', 'failing');
    const refusal = k.refusal('ڈیٹابیس مت مٹاؤ، اس میں دکان کا اصلی ڈیٹا ہے');
    const copy = k.decision('on a throwaway copy of shop.db', "the user said the file holds the shop's real data", 'rebuilding the database from the seed');
    const replace = k.rejected('INSERT OR REPLACE', 'REPLACE deletes the old November row and inserts the December one, so November totals change');
    const askDup = k.constraint('اصلی ڈیٹا کبھی بغیر پوچھے نہ بدلنا');
    const testReq = k.request('report کے لیے نامعلوم علاقے کا ٹیسٹ بھی لکھو');
    k.file('tests/test_report.py');
    const readme = k.request('README میں make report اور make check کا طریقہ لکھ دو');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', fixReport, 'a request is not a standing rule');
    k.not('errors', refusal, "the user's refusal is not a tool error");
    k.not('rejected', importDec, 'a request is not a rejected approach');
    k.not('constraints', testReq, 'a request is not a standing rule');

    return [
      {
        user: `السلام علیکم۔ ${fixReport}۔ میرے ٹرمینل پر یہ آ رہا ہے:\n\n${PASTE}\n\nایک بات یاد رکھنا: ${noMigrations}۔`,
        model: [
          [
            think(
              'The pasted error is "database is locked": something else (a DB browser?) held a write lock on shop.db. That is about their machine, not the code. Reproduce here from a fresh database.',
            ),
            bash('make report 2>&1 | tail -15', 'Reproduce make report'),
          ],
          [
            say(
              'آپ کے ٹرمینل والا "database is locked" اس وقت آتا ہے جب کوئی اور پروگرام (مثلاً DB Browser) ڈیٹابیس کھولے بیٹھا ہو — وہ کوڈ کا مسئلہ نہیں۔\n\n' +
                'لیکن یہاں نئے ڈیٹابیس پر اصل مسئلہ دوسرا ہے: `orders` ٹیبل میں `region` کالم ہے ہی نہیں، علاقہ `customers` میں ہے۔ تین راستے:\n\n' +
                '1. نئی migration فائل بنا کر `orders` میں `region` کالم ڈالنا\n' +
                '2. `report.py` میں `customers` سے join کر کے علاقہ لینا\n' +
                '3. علاقے کی گروپنگ ہٹا کر صرف کل رقم دکھانا\n\nکون سا کروں؟',
            ),
          ],
        ],
      },
      {
        user: '2',
        model: [
          [
            think(
              `Join customers on customer_id. ${join.alternative[0].toUpperCase()}${join.alternative.slice(1)} is the obvious query, but ${join.reason} — the seed has orders for customer ids above 900 that no longer exist. ` +
                `So ${join.choice}, labelled (unknown), and the order count stays equal to the table's.`,
            ),
            edit(
              'report.py',
              'SELECT o.region, COUNT(*), SUM(o.amount_paisa)\nFROM orders o\nGROUP BY o.region\n',
              "SELECT COALESCE(c.region, '(unknown)') AS region, COUNT(*), SUM(o.amount_paisa)\nFROM orders o\nLEFT JOIN customers c ON c.id = o.customer_id\nGROUP BY 1\n",
            ),
          ],
          [bash('make report', 'Run the report')],
          [
            bash(
              "sqlite3 data/shop.db <<'SQL'\n.timer on\nSELECT COUNT(*) FROM orders;\nSELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id;\nSQL",
              'Cross-check the row counts',
            ),
          ],
          [bash('make check 2>&1 | tail -8', 'Run the unit tests')],
          [
            say(
              'ٹھیک ہو گیا: `report.py` اب `customers` سے join کرتا ہے، جن آرڈرز کا گاہک موجود نہیں وہ "(unknown)" میں گنے جاتے ہیں۔ `make check` پاس ہے۔ migrations کو ہاتھ نہیں لگایا۔',
            ),
          ],
        ],
      },
      {
        user: `شکریہ۔ اب ${importDec}۔`,
        model: [
          [think('Import the December file with the Makefile target.'), bash('make import 2>&1 | tail -12', 'Import the December CSV')],
          [
            think(
              'Five order numbers in the CSV already exist from November. Quickest clean state: rebuild the database from seed and import again to see whether it is only the duplicates.',
            ),
            bash('rm data/shop.db && make import', 'Rebuild the database and retry the import'),
          ],
          [
            think(
              `Refused: do not delete the database. I still want to know what a replace-on-conflict import would do, but ${copy.choice}, not the real file, and not by ${copy.alternative}: ${copy.reason}.`,
            ),
            say('ٹھیک ہے، ڈیٹابیس نہیں مٹاتا۔ `INSERT OR REPLACE` ایک کاپی پر آزما کر دیکھتا ہوں۔'),
            edit('import_orders.py', '"INSERT INTO orders (order_no', '"INSERT OR REPLACE INTO orders (order_no'),
          ],
          [
            bash(
              "cp data/shop.db /tmp/shop-try.db && python3 -c \"import sqlite3, import_orders as m; print(m.import_csv(sqlite3.connect('/tmp/shop-try.db'), 'data/orders_dec.csv'), 'rows')\" && sqlite3 /tmp/shop-try.db \"SELECT order_no, created_at FROM orders WHERE order_no = 'ORD-11900';\"",
              'Try INSERT OR REPLACE on a copy of the database',
            ),
          ],
          [
            say(`یہ غلط ہے: ${replace.why}. واپس لے رہا ہوں۔`),
            bash('git checkout -- import_orders.py && git status --short', 'Undo the INSERT OR REPLACE change'),
          ],
          [
            say(
              'مسئلہ: CSV کی پہلی 5 قطاروں کے order_no (ORD-11900 سے ORD-11904) نومبر میں پہلے ہی موجود ہیں، اس لیے `make import` رک جاتا ہے۔ ' +
                'ان کا کیا کرنا ہے — چھوڑ دیں یا الگ نمبر دیں — آپ بتائیں۔ (کاپی پر REPLACE آزمایا تھا، اس نے نومبر کا ڈیٹا بدل دیا، اس لیے واپس لے لیا۔ اصلی ڈیٹابیس کو کچھ نہیں ہوا۔)',
            ),
          ],
        ],
        refuse: { 'rm data/shop.db && make import': refusal },
      },
      {
        user: `یہ میں اکاؤنٹنٹ سے پوچھ کر بتاؤں گا۔ ${askDup}۔ فی الحال ${testReq}۔`,
        model: [
          [
            edit(
              'tests/test_report.py',
              '    def test_lahore_first(self):',
              "    def test_unknown_region(self):\n        self.conn.execute(\"INSERT INTO orders VALUES (4, 'X-4', 99, 10, '2026-11-03')\")\n" +
                '        self.assertIn(("(unknown)", 1, 10), region_totals(self.conn))\n\n    def test_lahore_first(self):',
            ),
          ],
          [bash('python3 -m unittest discover -s tests -t . 2>&1 | tail -4', 'Run the unit tests')],
          [say('ٹیسٹ `test_unknown_region` لکھ دیا، سب پاس۔ دسمبر کا import ابھی بھی UNIQUE والی غلطی پر رکا ہے۔')],
        ],
      },
      {
        user: `ٹھیک۔ آخری کام: ${readme}۔`,
        model: [
          [
            edit(
              'README.md',
              'Sales reports from the shop database.\n',
              'Sales reports from the shop database.\n\n    make report   # sales by region (builds data/shop.db from the migrations and seed if missing)\n    make check    # unit tests (python3 -m unittest)\n',
            ),
          ],
          [say('README میں دونوں کمانڈز لکھ دیں۔')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'dukaan-report: region report fixed with a join; December import blocked by duplicate order numbers; README updated.',
          intent:
            'Fix make report, import the December CSV, add a test for the unknown region, document the commands. Never touch migrations; never change real data without asking.',
          concepts: ['sqlite3 from Python', 'Makefile targets report/import/check', 'unittest'],
          files: ['report.py: region from customers via a join', 'tests/test_report.py: unknown region test', 'README.md: commands'],
          errors: ['Missing column in the report query: fixed', 'December import hits duplicate order numbers: open'],
          solving: 'The user chose option 2 (join). A replace-on-conflict import was tried and undone. Deleting the database was refused.',
          messages: [
            'Fix the report (pasted a locked-database traceback); never touch migrations',
            '2',
            'Import December',
            'Will ask the accountant; never change real data without asking; add a test',
            'Document the commands in the README',
          ],
          pending: ['Decide what to do with the five duplicate December orders'],
          current: 'README updated.',
          next: "Wait for the accountant's answer on the duplicates.",
        }),
      },
    ];
  },
};
