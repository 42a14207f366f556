// A terse Irish (Gaeilge) user, a stdlib-only Python CLI over sqlite3 (leabharlann.py) checked with
// python3 -m unittest; no thinking at all, so the model's choices sit in its text. A UNIQUE constraint on
// import is fixed after INSERT OR REPLACE is tried and undone; "no such table: loans" is fixed in the schema;
// the 14-day overdue test is left failing on purpose (the librarian decides). A pip install is refused.
// Numbers come from the counts the CLI prints. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const books = ['isbn,title'];
const seen = [];
for (let i = 0; i < 1203; i++) {
  const isbn = `97818${String(40000 + i * 37).padStart(7, '0')}`;
  books.push(`${isbn},Leabhar ${i + 1}`);
  seen.push(isbn);
  if (i % 9 === 4 && seen.length > 3) books.push(`${seen[seen.length - 3]},Leabhar ${i - 1} (cóip)`);
}
const loans = ['isbn,who,day'];
const people = ['Áine', 'Seán', 'Niamh', 'Ciarán', 'Orla', 'Pádraig'];
for (let i = 0; i < 1046; i++) {
  const day = new Date(Date.UTC(2025, 1, 1 + ((i * 5) % 27)));
  loans.push(`${seen[i]},${people[i % people.length]},${day.toISOString().slice(0, 10)}`);
}

const CLI = `"""leabharlann.py: a small lending library over sqlite3.

usage: python3 leabharlann.py DB import FILE.csv | import-loans FILE.csv | report [--today YYYY-MM-DD]
"""
import csv
import datetime
import sqlite3
import sys

SCHEMA = """
CREATE TABLE IF NOT EXISTS books (isbn TEXT PRIMARY KEY, title TEXT NOT NULL);
"""


def connect(path):
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    return db


def import_csv(db, path):
    imported = skipped = 0
    with open(path, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            db.execute('INSERT INTO books (isbn, title) VALUES (?, ?)', (row['isbn'], row['title']))
            imported += 1
    db.commit()
    return imported, skipped


def import_loans(db, path):
    n = 0
    with open(path, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            db.execute('INSERT INTO loans (isbn, who, day) VALUES (?, ?, ?)', (row['isbn'], row['who'], row['day']))
            n += 1
    db.commit()
    return n


def overdue(db, today, days=14):
    out = []
    for isbn, who, day in db.execute('SELECT isbn, who, day FROM loans ORDER BY day'):
        if (today - datetime.date.fromisoformat(day)).days > days:
            out.append((isbn, who))
    return out


def report(db, today):
    books = db.execute('SELECT count(*) FROM books').fetchone()[0]
    on_loan = db.execute('SELECT count(*) FROM loans').fetchone()[0]
    return {'books': books, 'on_loan': on_loan, 'overdue': len(overdue(db, today))}


def main(argv):
    db = connect(argv[1])
    cmd = argv[2]
    if cmd == 'import':
        imported, skipped = import_csv(db, argv[3])
        print(f'imported {imported} books, skipped {skipped} duplicates')
    elif cmd == 'import-loans':
        print(f'loans: {import_loans(db, argv[3])} imported')
    elif cmd == 'report':
        today = datetime.date.fromisoformat(argv[argv.index('--today') + 1]) if '--today' in argv else datetime.date.today()
        r = report(db, today)
        print(f"books: {r['books']}  on loan: {r['on_loan']}  overdue: {r['overdue']}")
    else:
        sys.exit(f'unknown command: {cmd}')


if __name__ == '__main__':
    main(sys.argv)
`;

const TESTS = `import datetime
import os
import tempfile
import unittest

import leabharlann


class ImportTest(unittest.TestCase):
    def test_duplicates_are_skipped(self):
        db = leabharlann.connect(':memory:')
        with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False, encoding='utf-8') as f:
            f.write('isbn,title\\n1,A\\n2,B\\n1,A again\\n3,C\\n')
        try:
            self.assertEqual(leabharlann.import_csv(db, f.name), (3, 1))
            self.assertEqual(db.execute('SELECT title FROM books WHERE isbn = ?', ('1',)).fetchone()[0], 'A')
        finally:
            os.unlink(f.name)


class LoanTest(unittest.TestCase):
    def setUp(self):
        self.db = leabharlann.connect(':memory:')
        self.db.execute("INSERT INTO loans (isbn, who, day) VALUES ('9780140449136', 'Áine', '2025-02-15')")

    def test_report_counts(self):
        r = leabharlann.report(self.db, datetime.date(2025, 3, 1))
        self.assertEqual(r['on_loan'], 1)

    def test_overdue_on_day_14(self):
        self.assertEqual(leabharlann.overdue(self.db, datetime.date(2025, 3, 1)), [('9780140449136', 'Áine')])
`;

export const scenario = {
  name: 'python-sqlite-irish-terse',
  about:
    'held out: terse Irish (Gaeilge) user, stdlib-only Python sqlite3 CLI with python3 -m unittest, no thinking; UNIQUE constraint failed fixed after INSERT OR REPLACE is undone, no such table: loans fixed, the day-14 overdue test left failing, a refused pip install, counts from the CLI, two /compact',
  thinking: false,
  requires: ['python3', 'git'],
  files: {
    'leabharlann.py': CLI,
    'tests/__init__.py': '',
    'tests/test_leabharlann.py': TESTS,
    'data/books.csv': books.join('\n') + '\n',
    'data/loans.csv': loans.join('\n') + '\n',
    'README.md': '# leabharlann\n\n    python3 leabharlann.py lib.db import data/books.csv\n    python3 -m unittest\n',
    '.gitignore': '*.db\n__pycache__/\n',
  },
  build(k, { edit }) {
    const importReq = k.request('deisigh an import');
    const stdlib = k.constraint('stdlib amháin, gan pip');
    const noTests = k.constraint('ná hathraigh na tástálacha');
    k.error('sqlite3.IntegrityError: UNIQUE constraint failed: books.isbn', 'resolved');
    const replace = k.rejected('INSERT OR REPLACE INTO books', 'INSERT OR REPLACE keeps the last copy of a row and counts nothing as skipped');
    const conflict = k.decision(
      'skip duplicates in SQL with ON CONFLICT DO NOTHING and count them from rowcount',
      'the first row of an ISBN in the export is the real one and the test wants the skipped count',
      'deduplicating in Python with a set before inserting',
    );
    k.file('leabharlann.py');
    k.number('1203');
    k.number('134');
    const loansReq = k.request('deisigh report, titeann sé');
    k.error('sqlite3.OperationalError: no such table: loans', 'resolved');
    k.number('1046');
    k.number('543');
    const schema = k.decision(
      'create loans in SCHEMA with CREATE TABLE IF NOT EXISTS',
      'connect() already runs SCHEMA on every open, so existing databases get the table too',
      'a separate migrate command',
    );
    const refusal = k.refusal('ná suiteáil faic, tá unittest go breá');
    k.error('FAIL: test_overdue_on_day_14', 'unresolved');
    k.error('AssertionError: Lists differ: [] != [(');
    const leave = k.constraint('fág an tástáil 14 lá mar atá, is é an leabharlannaí a shocróidh');
    const jsonReq = k.request('cuir --json leis an report');
    k.lastRequest(jsonReq);
    k.file('README.md');
    k.check('python3 -m unittest', 'failing');
    k.not('rejected', conflict.choice, 'the fix that was kept');
    k.not('constraints', importReq, 'a request, not a rule');
    k.not('errors', 'tá unittest go breá', "the user's refusal is no tool error");
    k.not('decisions', replace.what, 'tried and undone: a rejected approach');

    const run = 'python3 leabharlann.py lib.db';
    const ut = 'python3 -m unittest 2>&1 | tail -n 25';
    const pip = 'pip install pytest';
    return [
      {
        user: `${importReq}. \`${run} import data/books.csv\` ag titim. ${stdlib}. ${noTests}.`,
        model: [
          [bash(`rm -f lib.db; ${run} import data/books.csv 2>&1 | tail -n 4`, 'Reproduce the import failure')],
          [
            say('Duplicate ISBN in the CSV. Trying the quick one first.'),
            edit('leabharlann.py', "            db.execute('INSERT INTO books", "            db.execute('INSERT OR REPLACE INTO books"),
          ],
          [bash('python3 -m unittest tests.test_leabharlann.ImportTest 2>&1 | tail -n 8', 'Run the import test')],
          [say(`Undoing it: ${replace.why}.`), bash('git checkout -- leabharlann.py && git status --short', 'Revert')],
          [
            say(`Two ways left: ${conflict.alternative}, or ${conflict.choice}. The SQL one: ${conflict.reason}.`),
            edit(
              'leabharlann.py',
              "            db.execute('INSERT INTO books (isbn, title) VALUES (?, ?)', (row['isbn'], row['title']))\n            imported += 1\n",
              "            cur = db.execute(\n                'INSERT INTO books (isbn, title) VALUES (?, ?) ON CONFLICT(isbn) DO NOTHING', (row['isbn'], row['title'])\n            )\n            if cur.rowcount:\n                imported += 1\n            else:\n                skipped += 1\n",
            ),
          ],
          [bash(`rm -f lib.db; ${run} import data/books.csv`, 'Import again')],
          [bash('python3 -m unittest tests.test_leabharlann.ImportTest 2>&1 | tail -n 3', 'Run the import test')],
          [say('import ceart: duplicates skipped, first copy kept.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Import fixed with ON CONFLICT DO NOTHING.',
          intent: 'Fix the import of data/books.csv. Stdlib only, no pip; do not change the tests.',
          concepts: ['sqlite3', 'unittest'],
          files: ['leabharlann.py: import_csv skips duplicate ISBNs'],
          errors: ['Import failed on a duplicate ISBN; fixed'],
          solving: 'A replace-based insert was tried and undone.',
          messages: ['Fix the import; stdlib only; leave the tests alone'],
          pending: [],
          current: 'Import works.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${loansReq}: \`${run} report --today 2025-03-01\``,
        model: [
          [bash(`${run} import-loans data/loans.csv 2>&1 | tail -n 3`, 'Import the loans')],
          [
            say(`The schema never creates \`loans\`. Options: ${schema.alternative}, or ${schema.choice}. The second: ${schema.reason}.`),
            edit(
              'leabharlann.py',
              'CREATE TABLE IF NOT EXISTS books (isbn TEXT PRIMARY KEY, title TEXT NOT NULL);\n',
              'CREATE TABLE IF NOT EXISTS books (isbn TEXT PRIMARY KEY, title TEXT NOT NULL);\nCREATE TABLE IF NOT EXISTS loans (isbn TEXT NOT NULL REFERENCES books(isbn), who TEXT NOT NULL, day TEXT NOT NULL);\n',
            ),
          ],
          [bash(`${run} import-loans data/loans.csv && ${run} report --today 2025-03-01`, 'Import loans and report')],
          [bash(pip, 'Install pytest for readable failures')],
          [bash(ut, 'Run all tests')],
          [
            say(
              'report ok. One test still fails: test_overdue_on_day_14 expects a loan of exactly 14 days to be overdue; the code says `> 14`. Change it to `>=`?',
            ),
          ],
        ],
        refuse: { [pip]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'loans table added; one overdue test fails.',
          intent: 'Fix import and report. Stdlib only; tests unchanged.',
          concepts: ['sqlite3 schema', 'unittest'],
          files: ['leabharlann.py: loans table in SCHEMA'],
          errors: ['report failed on a missing table; fixed', 'the day-14 overdue test fails'],
          solving: 'Schema creates the loans table.',
          messages: ['Fix report', 'The user refused installing pytest'],
          pending: ['day-14 overdue rule'],
          current: 'Asked whether to change > to >=.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ní hea. ${leave}. ${jsonReq}, agus sa README.`,
        model: [
          [
            edit(
              'leabharlann.py',
              "        print(f\"books: {r['books']}  on loan: {r['on_loan']}  overdue: {r['overdue']}\")\n",
              "        if '--json' in argv:\n            import json\n            print(json.dumps(r))\n        else:\n            print(f\"books: {r['books']}  on loan: {r['on_loan']}  overdue: {r['overdue']}\")\n",
            ),
          ],
          [bash(`${run} report --today 2025-03-01 --json`, 'Report as JSON')],
          [edit('README.md', '    python3 -m unittest\n', '    python3 leabharlann.py lib.db report --today 2025-03-01 --json\n    python3 -m unittest\n')],
          [bash('python3 -m unittest 2>&1 | tail -n 4', 'Run all tests')],
          [say("--json déanta, README freisin. test_overdue_on_day_14 fós ag teip, mar a d'iarr tú.")],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'report --json added; overdue test left failing by request.',
          intent: "Library CLI fixes and report --json. Stdlib only; tests unchanged; the 14-day rule is the librarian's.",
          concepts: ['sqlite3', 'json'],
          files: ['leabharlann.py: --json', 'README.md: report --json'],
          errors: ['overdue test still fails (left on purpose)'],
          solving: 'Done.',
          messages: ['Leave the 14-day test; add --json to report and README'],
          pending: [],
          current: 'JSON report done.',
          next: 'None.',
        }),
      },
    ];
  },
};
