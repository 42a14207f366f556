// A Python stdlib ETL (csv → sqlite3) tested with `python3 -m unittest`. The user types Hinglish
// (Romanized Hindi mixed with English) from an IDE: the first and third messages carry an
// `<ide_opened_file>` block and an `<ide_selection>` block before the typed text, and the second is a
// long pasted cron traceback. The date parser gets a second format (a choice between strptime and a
// regex made in thinking); a day/month mix-up fails a test and is fixed; Priya's daily-totals test
// starts failing because of the change and stays failing (a sed on it is refused); `errors="replace"`
// is tried for a cp1252 export and undone with `git checkout`. The ETL prints rows read and rejected
// and its seconds (never planted). Two compactions. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CUSTOMERS = ['Sharma Traders', 'Mehta and Sons', 'Gupta Stores', 'Rao Textiles', 'Iyer Provisions', 'Khan Electricals', 'Das Sweets', 'Nair Pharma'];

// A deterministic vendor export: every row has at most one defect.
function ordersCsv() {
  const N = 6240;
  const rows = ['order_id,order_date,customer,amount'];
  let emptyAmount = 0;
  let ddmm = 0;
  let impossible = 0;
  for (let i = 0; i < N; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    let date = `2026-${month}-${day}`;
    let amount = `${((i * 37) % 5000) + 10}.${String((i * 13) % 100).padStart(2, '0')}`;
    if (i % 41 === 7) {
      amount = '';
      emptyAmount++;
    } else if (i % 29 === 3) {
      date = `${day}/${month}/2026`;
      ddmm++;
    } else if (i % 97 === 50) {
      date = '2026-02-30';
      impossible++;
    }
    rows.push(`ORD-${100000 + i},${date},${CUSTOMERS[(i * 5) % CUSTOMERS.length]},${amount}`);
  }
  return {
    text: rows.join('\n') + '\n',
    read: N,
    rejectedBefore: emptyAmount + ddmm + impossible,
    rejectedAfter: emptyAmount + impossible,
    loaded: N - emptyAmount - impossible,
  };
}

const ORDERS = ordersCsv();

const LOAD_PY =
  '"""Loads the vendor\'s orders export (CSV) into SQLite: python3 -m etl.load CSV DB"""\nimport csv\nimport sqlite3\nimport sys\nimport time\n' +
  'from datetime import datetime\nfrom decimal import Decimal, InvalidOperation\n\n' +
  'SCHEMA = (\n    "CREATE TABLE IF NOT EXISTS orders "\n    "(order_id TEXT PRIMARY KEY, order_date TEXT NOT NULL, customer TEXT NOT NULL, amount_paise INTEGER NOT NULL)"\n)\n\n\n' +
  'class RowError(ValueError):\n    pass\n\n\n' +
  'def parse_date(text):\n    try:\n        return datetime.strptime(text.strip(), "%Y-%m-%d").date().isoformat()\n    except ValueError:\n        raise RowError(f"bad date {text!r}") from None\n\n\n' +
  'def parse_amount(text):\n    try:\n        value = Decimal(text.strip())\n    except InvalidOperation:\n        raise RowError(f"bad amount {text!r}") from None\n    return int(value * 100)\n\n\n' +
  'def parse_row(row):\n    return (row["order_id"], parse_date(row["order_date"]), row["customer"].strip(), parse_amount(row["amount"]))\n\n\n' +
  'def load(csv_path, db_path):\n    started = time.perf_counter()\n    read = rejected = 0\n    good = []\n' +
  '    with open(csv_path, newline="", encoding="utf-8") as f:\n        for row in csv.DictReader(f):\n            read += 1\n            try:\n                good.append(parse_row(row))\n' +
  '            except RowError:\n                rejected += 1\n    con = sqlite3.connect(db_path)\n    with con:\n        con.execute(SCHEMA)\n' +
  '        con.executemany("INSERT OR REPLACE INTO orders VALUES (?, ?, ?, ?)", good)\n    con.close()\n    return read, rejected, time.perf_counter() - started\n\n\n' +
  'def main(argv):\n    if len(argv) != 3:\n        print("usage: python3 -m etl.load CSV DB", file=sys.stderr)\n        return 2\n' +
  '    read, rejected, seconds = load(argv[1], argv[2])\n    print(f"rows read: {read}, rows rejected: {rejected}, loaded in {seconds:.2f}s")\n    return 0\n\n\n' +
  'if __name__ == "__main__":\n    sys.exit(main(sys.argv))\n';

const REPORT_PY =
  '"""Daily totals from the loaded orders (what the finance dashboard shows)."""\nimport sqlite3\n\n\n' +
  'def daily_totals(db_path):\n    con = sqlite3.connect(db_path)\n    try:\n' +
  '        return dict(con.execute("SELECT order_date, SUM(amount_paise) FROM orders GROUP BY order_date ORDER BY order_date"))\n    finally:\n        con.close()\n';

const TEST_LOAD =
  'import os\nimport sqlite3\nimport tempfile\nimport unittest\n\nfrom etl.load import RowError, load, parse_amount, parse_date\n\n\n' +
  'class ParseDateTest(unittest.TestCase):\n    def test_iso(self):\n        self.assertEqual(parse_date("2026-11-03"), "2026-11-03")\n\n' +
  '    def test_rejects_impossible_date(self):\n        with self.assertRaises(RowError):\n            parse_date("2026-02-30")\n\n\n' +
  'class ParseAmountTest(unittest.TestCase):\n    def test_rupees_to_paise(self):\n        self.assertEqual(parse_amount("120.50"), 12050)\n\n' +
  '    def test_rejects_empty(self):\n        with self.assertRaises(RowError):\n            parse_amount("")\n';

const TEST_REPORT =
  "# Priya's check for the finance dashboard: totals per day for the fixture export.\nimport os\nimport tempfile\nimport unittest\n\n" +
  'from etl.load import load\nfrom etl.report import daily_totals\n\nFIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "small.csv")\n\n\n' +
  'class DailyTotalsTest(unittest.TestCase):\n    def test_daily_totals(self):\n        with tempfile.TemporaryDirectory() as tmp:\n' +
  '            db = os.path.join(tmp, "out.db")\n            load(FIXTURE, db)\n            self.assertEqual(daily_totals(db), {"2026-11-02": 35050, "2026-11-03": 9900})\n';

const SMALL_CSV =
  'order_id,order_date,customer,amount\nORD-1,2026-11-02,Sharma Traders,250.50\nORD-2,2026-11-02,Mehta and Sons,100.00\n' +
  'ORD-3,03/11/2026,Gupta Stores,45.25\nORD-4,2026-11-03,Rao Textiles,99.00\n';

const TRACEBACK =
  'Traceback (most recent call last):\n' +
  '  File "/usr/lib/python3.12/runpy.py", line 198, in _run_module_as_main\n    return _run_code(code, main_globals, None,\n' +
  '  File "/usr/lib/python3.12/runpy.py", line 88, in _run_code\n    exec(code, run_globals)\n' +
  '  File "/srv/etl/etl/load.py", line 62, in <module>\n    sys.exit(main(sys.argv))\n' +
  '  File "/srv/etl/etl/load.py", line 57, in main\n    read, rejected, seconds = load(argv[1], argv[2])\n' +
  '  File "/srv/etl/etl/load.py", line 44, in load\n    for row in csv.DictReader(f):\n' +
  '  File "/usr/lib/python3.12/csv.py", line 115, in __next__\n    self.fieldnames\n' +
  '  File "/usr/lib/python3.12/csv.py", line 102, in fieldnames\n    self._fieldnames = next(self.reader)\n' +
  '  File "<frozen codecs>", line 322, in decode\n' +
  "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 18234: invalid continuation byte";

const OPEN_UTF8 = '    with open(csv_path, newline="", encoding="utf-8") as f:\n        for row in csv.DictReader(f):\n';

export const scenario = {
  name: 'python-etl-hinglish',
  about:
    'held out: Python stdlib ETL (csv, sqlite3) with unittest; Hinglish user with IDE-context blocks and a pasted traceback; strptime-vs-regex decision in thinking; errors="replace" undone with git checkout; two mid/final compactions; one test fixed, one left failing',
  requires: ['python3', 'sqlite3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n*.db\nrejects.csv\n',
    'README.md':
      "# orders-etl\n\nLoads the vendor's nightly orders export into SQLite.\n\n    python3 -m etl.load data/orders.csv orders.db\n\nTests: `python3 -m unittest -v`\n",
    'etl/__init__.py': '',
    'etl/load.py': LOAD_PY,
    'etl/report.py': REPORT_PY,
    'tests/__init__.py': '',
    'tests/test_load.py': TEST_LOAD,
    'tests/test_report.py': TEST_REPORT,
    'tests/fixtures/small.csv': SMALL_CSV,
    'data/orders.csv': ORDERS.text,
  },
  build(k, { edit, abs }) {
    const both = k.request('dono date formats accept karo, ISO aur DD/MM/YYYY');
    const stdlib = k.constraint('koi pip package nahi, sirf stdlib');
    const strptime = k.decision(
      'try the two strptime formats in turn',
      'strptime already rejects impossible dates like 2026-02-30',
      'one regex for both layouts',
    );
    k.number(String(ORDERS.read));
    k.number(String(ORDERS.rejectedBefore));
    k.number(String(ORDERS.rejectedAfter));
    k.error('FAIL: test_parses_ddmmyyyy', 'resolved');
    k.error('FAIL: test_daily_totals', 'unresolved');
    k.file('etl/load.py');
    k.file('tests/test_load.py');
    const refusal = k.refusal('nahi, test_report.py Priya ka hai, usko mat chhedo. woh khud update karegi');
    const cp1252 = k.request('vendor kabhi kabhi cp1252 file bhejta hai, woh bhi load honi chahiye');
    k.error('ERROR: test_cp1252_file', 'resolved');
    const replace = k.rejected('errors="replace"', 'it silently turns the é in customer names into U+FFFD');
    const fallback = 'decode as UTF-8 first and fall back to cp1252';
    const rejects = k.request('rejected rows ko rejects.csv mein likho, reason ke saath');
    const noNames = k.constraint('customer ka naam kisi log ya rejects file mein nahi jaana chahiye');
    k.number(String(ORDERS.loaded));
    k.check('python3 -m unittest', 'failing');
    const readme = k.request('README mein DD/MM support aur --rejects option ke baare mein do line likh do');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', both, 'a request is not a standing rule');
    k.not('constraints', cp1252, 'a request is not a standing rule');
    k.not('errors', 'usko mat chhedo', "a user's refusal is not a tool error");
    k.not('rejected', fallback, 'the fallback was kept, it is not a dead end');

    const selection =
      `<ide_selection>The user selected the lines 17 to 21 from ${abs('etl/load.py')}:\n` +
      'def parse_date(text):\n    try:\n        return datetime.strptime(text.strip(), "%Y-%m-%d").date().isoformat()\n' +
      '    except ValueError:\n        raise RowError(f"bad date {text!r}") from None\n\nThis may or may not be related to the current task.</ide_selection>\n';
    const first =
      selection +
      'bhai ye parse_date dekho, vendor ne export format change kar diya hai, ab kuch dates DD/MM/YYYY mein aa rahi hain aur woh sab reject ho rahi hain. ' +
      `${both}. ${stdlib}, server pe pip allowed nahi hai. tests python3 -m unittest se chalte hain`;
    const second = `kal raat ka cron phat gaya yaar, ye dekho:\n\n${TRACEBACK}\n\n${cp1252}. crash nahi hona chahiye`;
    const third = `thanks bhai. ab ${rejects}, taaki vendor ko bhej sakein. aur ek baat: ${noNames}, compliance wale pakad lenge`;
    const fourth = `perfect. last: ${readme}`;

    const sedReport = 'sed -i \'s/"2026-11-03": 9900/"2026-11-03": 14425/\' tests/test_report.py';
    const tests = 'python3 -m unittest 2>&1 | grep -E "^(FAIL|ERROR|Ran|OK|FAILED|AssertionError|UnicodeDecodeError)"';
    const twoFormats =
      'DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")\n\n\n' +
      'def parse_date(text):\n    for fmt in DATE_FORMATS:\n        try:\n            return datetime.strptime(text.strip(), fmt).date().isoformat()\n' +
      '        except ValueError:\n            continue\n    raise RowError(f"bad date {text!r}")\n';
    const oldParseDate =
      'def parse_date(text):\n    try:\n        return datetime.strptime(text.strip(), "%Y-%m-%d").date().isoformat()\n    except ValueError:\n        raise RowError(f"bad date {text!r}") from None\n';
    const cpTest =
      '\n\nclass EncodingTest(unittest.TestCase):\n    def test_cp1252_file(self):\n        with tempfile.TemporaryDirectory() as tmp:\n' +
      '            src = os.path.join(tmp, "orders.csv")\n            with open(src, "wb") as f:\n' +
      '                f.write("order_id,order_date,customer,amount\\nORD-1,2026-11-02,Café Noir,120.00\\n".encode("cp1252"))\n' +
      '            db = os.path.join(tmp, "out.db")\n            load(src, db)\n            con = sqlite3.connect(db)\n' +
      '            (name,) = con.execute("SELECT customer FROM orders").fetchone()\n            con.close()\n            self.assertEqual(name, "Café Noir")\n';
    const decodeBoth =
      '    with open(csv_path, "rb") as f:\n        raw = f.read()\n    try:\n        text = raw.decode("utf-8-sig")\n    except UnicodeDecodeError:\n' +
      '        text = raw.decode("cp1252")\n    for row in csv.DictReader(io.StringIO(text, newline="")):\n';

    return [
      {
        user: { ide: 'etl/load.py', text: first },
        model: [
          [
            think('Baseline: run the ETL on the sample export and the tests as they are.'),
            bash('python3 -m etl.load data/orders.csv /tmp/orders-before.db && python3 -m unittest 2>&1 | tail -n 3', 'Run the ETL and the tests'),
          ],
          [
            think(
              `Two ways to accept both layouts: ${strptime.alternative}, capturing year, month and day and building the ISO string, or ${strptime.choice}. ` +
                `${strptime.reason[0].toUpperCase()}${strptime.reason.slice(1)}; a regex would need its own calendar check to keep that test green. ` +
                'Trying formats in a loop is also easy to extend when the vendor changes its mind again.',
            ),
            edit('etl/load.py', oldParseDate, twoFormats),
          ],
          [
            edit(
              'tests/test_load.py',
              '    def test_rejects_impossible_date(self):\n',
              '    def test_parses_ddmmyyyy(self):\n        self.assertEqual(parse_date("03/11/2026"), "2026-11-03")\n\n    def test_rejects_impossible_date(self):\n',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            think('Day and month are swapped in the second format: it reads 03/11 as March 11. The vendor writes day first.'),
            edit('etl/load.py', 'DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")\n', 'DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")\n'),
          ],
          [bash(tests, 'Run the tests')],
          [
            think(
              'test_daily_totals expects 9900 for 2026-11-03, which assumed the 03/11/2026 row of the fixture is rejected. Now it loads (45.25), so the day is 14425. Update the expectation.',
            ),
            bash(sedReport, 'Update the expected total in tests/test_report.py'),
          ],
          [
            say(
              'Theek hai, tests/test_report.py ko haath nahi lagaunga. Bas itna: test_daily_totals ab fail ho raha hai kyunki fixture ki 03/11/2026 wali row ab load hoti hai ' +
                '(2026-11-03 ka total 9900 se 14425 paise ho gaya). Baaki sab tests pass hain.',
            ),
            bash(
              'python3 -m etl.load data/orders.csv /tmp/orders-after.db && git add etl/load.py tests/test_load.py && git commit -qm "load: accept DD/MM/YYYY dates" && git log --oneline -1',
              'Run the ETL again and commit',
            ),
          ],
          [
            say(
              'Ho gaya: parse_date ab ISO aur DD/MM/YYYY dono leta hai (2026-02-30 jaisi galat dates abhi bhi reject). Naya test test_parses_ddmmyyyy pass hai. ' +
                'Sample export pe rejected rows kaafi kam ho gaye, upar output mein numbers hain. Commit kar diya; test_daily_totals Priya ke update tak fail rahega.',
            ),
          ],
        ],
        refuse: { [sedReport]: refusal },
      },
      {
        user: second,
        model: [
          [
            think('Reproduce with a test: a cp1252 file with an é in a customer name, loaded end to end.'),
            edit('tests/test_load.py', '            parse_amount("")\n', '            parse_amount("")\n' + cpTest),
          ],
          [bash(tests, 'Run the tests')],
          [
            think('Quickest fix: let open() replace undecodable bytes instead of raising.'),
            edit(
              'etl/load.py',
              '    with open(csv_path, newline="", encoding="utf-8") as f:\n',
              '    with open(csv_path, newline="", encoding="utf-8", errors="replace") as f:\n',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            say(`${replace.what} nahi chalega: ${replace.why}. Wapas le raha hoon.`),
            bash('git checkout -- etl/load.py && git status --short', 'Undo the errors="replace" change'),
          ],
          [
            think(
              'Read the bytes once, try UTF-8 (with a BOM if there is one), fall back to cp1252 only when that fails. cp1252 decodes almost any byte, so it has to be the second choice.',
            ),
            edit('etl/load.py', 'import csv\nimport sqlite3\n', 'import csv\nimport io\nimport sqlite3\n'),
          ],
          [edit('etl/load.py', OPEN_UTF8, decodeBoth)],
          [
            edit(
              'etl/load.py',
              '            read += 1\n            try:\n                good.append(parse_row(row))\n            except RowError:\n                rejected += 1\n',
              '        read += 1\n        try:\n            good.append(parse_row(row))\n        except RowError:\n            rejected += 1\n',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            say(
              `Fix: load() ab file ko ek baar bytes mein padhta hai, ${fallback}. Cron wala crash isi se aaya tha (byte 0xe9 = é). ` +
                'test_cp1252_file pass hai; test_daily_totals ab bhi Priya ke update ka wait kar raha hai.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "orders ETL: second date format added, cp1252 exports decoded; Priya's daily-totals test fails since the date change.",
          intent: 'Accept ISO and DD/MM/YYYY dates in the vendor export, stdlib only; make cp1252 files load instead of crashing.',
          concepts: ['csv.DictReader', 'sqlite3 executemany', 'strptime', 'UTF-8 vs cp1252'],
          files: ['etl/load.py: parse_date with two formats; bytes decoded with a fallback', 'tests/test_load.py: tests for DD/MM and cp1252'],
          errors: ['Day and month were swapped at first; fixed', 'The cp1252 file crashed the load; fixed', 'test_daily_totals fails (fixture row now loads)'],
          solving: 'A lossy decoding option was tried and dropped.',
          messages: [
            'Accept both date formats, stdlib only',
            'The user refused changing test_report.py (Priya will update it)',
            'Pasted cron traceback; cp1252 files must load',
          ],
          pending: ['test_daily_totals waits for Priya'],
          current: 'cp1252 decoding fallback done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: { ide: 'etl/load.py', text: third },
        model: [
          [
            think(
              'Write the rejects next to the run: order id and the RowError message. No customer column, per the rule. A --rejects PATH option keeps the default behaviour unchanged.',
            ),
            edit(
              'etl/load.py',
              'def load(csv_path, db_path):\n    started = time.perf_counter()\n    read = rejected = 0\n    good = []\n',
              'def load(csv_path, db_path, rejects_path=None):\n    started = time.perf_counter()\n    read = rejected = 0\n    good = []\n    bad = []\n',
            ),
          ],
          [
            edit(
              'etl/load.py',
              '        except RowError:\n            rejected += 1\n',
              '        except RowError as e:\n            rejected += 1\n            bad.append((row["order_id"], str(e)))\n',
            ),
          ],
          [
            edit(
              'etl/load.py',
              '    con.close()\n    return read, rejected, time.perf_counter() - started\n',
              '    con.close()\n    if rejects_path:\n        with open(rejects_path, "w", newline="", encoding="utf-8") as f:\n' +
                '            w = csv.writer(f)\n            w.writerow(["order_id", "reason"])\n            w.writerows(bad)\n' +
                '    return read, rejected, time.perf_counter() - started\n',
            ),
          ],
          [
            edit(
              'etl/load.py',
              '    if len(argv) != 3:\n        print("usage: python3 -m etl.load CSV DB", file=sys.stderr)\n        return 2\n    read, rejected, seconds = load(argv[1], argv[2])\n',
              '    rejects_path = None\n    if len(argv) == 5 and argv[3] == "--rejects":\n        rejects_path = argv[4]\n    elif len(argv) != 3:\n' +
                '        print("usage: python3 -m etl.load CSV DB [--rejects CSV]", file=sys.stderr)\n        return 2\n    read, rejected, seconds = load(argv[1], argv[2], rejects_path)\n',
            ),
          ],
          [
            bash(
              'rm -f /tmp/orders.db && python3 -m etl.load data/orders.csv /tmp/orders.db --rejects rejects.csv && head -n 4 rejects.csv && sqlite3 /tmp/orders.db "SELECT COUNT(*) FROM orders"',
              'Run the ETL with --rejects and count the loaded rows',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            say(
              'Ho gaya: `python3 -m etl.load CSV DB --rejects rejects.csv` ab har rejected row ka order_id aur reason likhta hai, customer ka naam nahi. ' +
                'Loaded count sqlite se match karta hai. test_daily_totals abhi bhi fail (Priya wala).',
            ),
          ],
        ],
      },
      {
        user: fourth,
        model: [
          [
            edit(
              'README.md',
              'Tests: `python3 -m unittest -v`\n',
              'Dates may be ISO (2026-11-03) or DD/MM/YYYY (03/11/2026). `--rejects rejects.csv` writes every rejected row as order_id,reason.\n\n' +
                'Tests: `python3 -m unittest -v`\n',
            ),
          ],
          [say('README mein dono lines add kar di.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'orders ETL: both date formats, cp1252 fallback, rejects file, README. test_daily_totals still fails.',
          intent: 'ETL changes for the new vendor export, stdlib only; customer names must never go into logs or the rejects file.',
          concepts: ['csv', 'sqlite3', 'unittest'],
          files: ['etl/load.py: --rejects option', 'README.md: date formats and --rejects'],
          errors: ['test_daily_totals fails until Priya updates her expectation'],
          solving: 'Rejects carry only order_id and the reason.',
          messages: [
            'Earlier messages are in the previous summary',
            'Write rejected rows to rejects.csv with a reason; no customer names',
            'Add two lines to the README',
          ],
          pending: ['Priya updates test_daily_totals'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
