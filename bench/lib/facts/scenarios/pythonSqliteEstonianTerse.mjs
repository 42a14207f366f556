// A terse Estonian user (short lowercase messages, no punctuation at all) on a small Python package
// (laoseis: warehouse stock imported from CSV into sqlite3), tested with `python3 -m unittest -v`. The
// model writes no thinking (`thinking: false`) and short Estonian texts; its choice is stated in them
// ("valisin X, mitte Y, sest …"). A duplicate product code raises sqlite3.IntegrityError; INSERT OR
// IGNORE is tried, loses the second delivery's quantity and is reverted with git checkout; an upsert
// fixes it. A negative-quantity test is left failing (the warehouse manager decides). A pip install
// of pytest is refused. A check script prints "ridu: N, vigaseid: M" beside a `wc -l`; its first
// version has a table-name typo (OperationalError). One /compact in the middle, one at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// The March stock file: 1203 rows after the header, 31 malformed (empty code or a non-numeric
// quantity), a few dozen repeating an earlier valid code, a few negative quantities (returns?).
function stockCsv() {
  let state = 20250301;
  const rnd = (n) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
  const names = [
    'kruvi M4',
    'mutter M6',
    'seib 8mm',
    'tüübel 6x30',
    'nael 50mm',
    'liimipüstol',
    'kruvikeeraja PH2',
    'töökindad L',
    'teip 48mm',
    'silikoon valge',
  ];
  const rows = [];
  const codes = [];
  const BAD = new Set(Array.from({ length: 31 }, (_, i) => 17 + i * 38));
  const DUP = new Set();
  for (let i = 0; DUP.size < 38; i++) DUP.add(200 + ((i * 29) % 1000));
  for (let i = 0; i < 1203; i++) {
    const name = names[rnd(names.length)];
    if (BAD.has(i)) {
      rows.push(i % 2 ? `;${name};${1 + rnd(90)}` : `LS-${String(90000 + i)};${name};kümme`);
      continue;
    }
    let code;
    if (DUP.has(i) && codes.length) code = codes[rnd(Math.min(codes.length, 150))];
    else {
      code = `LS-${String(10000 + i * 7)}`;
      codes.push(code);
    }
    const qty = i % 211 === 5 ? -(1 + rnd(4)) : 1 + rnd(240);
    rows.push(`${code};${name};${qty}`);
  }
  return {
    text: `kood;nimi;kogus\n${rows.join('\n')}\n`,
    bad: BAD.size,
    valid: rows.length - BAD.size,
    distinct: new Set(rows.filter((_, i) => !BAD.has(i)).map((r) => r.split(';')[0])).size,
  };
}

const STOCK = stockCsv();

const DB = String.raw`"""Laoseisu andmebaas (sqlite3). Skeemi kasutab ka kassasüsteem: seda ei muudeta."""

import sqlite3

SKEEM = """
CREATE TABLE IF NOT EXISTS tooted (
    kood TEXT PRIMARY KEY,
    nimi TEXT NOT NULL,
    kogus INTEGER NOT NULL
);
"""


def ava(tee=":memory:"):
    con = sqlite3.connect(tee)
    con.executescript(SKEEM)
    return con
`;

const IMPORTER = String.raw`"""CSV (kood;nimi;kogus) -> tabel tooted."""

import csv


def loe_read(tee):
    with open(tee, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def impordi(con, read):
    """Kirjutab read tabelisse; tagastab imporditud ridade arvu."""
    n = 0
    for rida in read:
        con.execute(
            "INSERT INTO tooted (kood, nimi, kogus) VALUES (?, ?, ?)",
            (rida["kood"].strip(), rida["nimi"].strip(), int(rida["kogus"])),
        )
        n += 1
    con.commit()
    return n
`;

const TEST_IMPORT = String.raw`import unittest

from laoseis.db import ava
from laoseis.importer import impordi


def kogus(con, kood):
    return con.execute("SELECT kogus FROM tooted WHERE kood = ?", (kood,)).fetchone()[0]


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.con = ava()

    def test_lihtne_rida(self):
        impordi(self.con, [{"kood": "LS-1", "nimi": "kruvi M4", "kogus": "10"}])
        self.assertEqual(kogus(self.con, "LS-1"), 10)

    def test_korduv_kood_liidetakse(self):
        impordi(
            self.con,
            [
                {"kood": "LS-1", "nimi": "kruvi M4", "kogus": "10"},
                {"kood": "LS-1", "nimi": "kruvi M4", "kogus": "5"},
            ],
        )
        self.assertEqual(kogus(self.con, "LS-1"), 15)

    def test_tyhikud_eemaldatakse(self):
        impordi(self.con, [{"kood": " LS-2 ", "nimi": " seib 8mm ", "kogus": " 3 "}])
        self.assertEqual(kogus(self.con, "LS-2"), 3)

    def test_negatiivne_kogus_jaetakse_vahele(self):
        n = impordi(self.con, [{"kood": "LS-3", "nimi": "mutter M6", "kogus": "-3"}])
        self.assertEqual(n, 0)


if __name__ == "__main__":
    unittest.main()
`;

const README = '# laoseis\n\nLaoseis CSV-st sqlite3 andmebaasi.\n\n    python3 -m unittest -v\n';

export const scenario = {
  name: 'python-sqlite-estonian-terse',
  about:
    'held out: terse Estonian user (lowercase, no punctuation), Python package with python3 -m unittest -v and sqlite3, no thinking, decisions in short Estonian texts; IntegrityError fixed by an upsert after INSERT OR IGNORE was reverted; a negative-quantity test left failing; a refused pip install pytest; wc -l and a "ridu: N, vigaseid: M" check script with a table-name typo; one mid and one final /compact',
  requires: ['python3', 'git', 'wc'],
  thinking: false,
  files: {
    '.gitignore': '__pycache__/\n*.db\n',
    'README.md': README,
    'laoseis/__init__.py': '"""Laoseis."""\n',
    'laoseis/db.py': DB,
    'laoseis/importer.py': IMPORTER,
    'tests/__init__.py': '',
    'tests/test_import.py': TEST_IMPORT,
    'andmed/laoseis_marts.csv': STOCK.text,
  },
  build(k, { write, edit }) {
    const importReq = k.request('import kukub korduva koodi peal vaata üle');
    const schema = k.constraint('ära muuda andmebaasi skeemi');
    k.error('sqlite3.IntegrityError: UNIQUE constraint failed: tooted.kood', 'resolved');
    const pip = k.refusal('ei mingit pytesti unittest piisab');
    const ignore = k.rejected('INSERT OR IGNORE', 'teise saadetise kogus kaob vaikselt ära');
    k.error('AssertionError: 10 != 15', 'resolved');
    const upsert = k.decision('upserdi koguse liitmisega', 'korduv kood tähendab sama toote uut saadetist', 'UNIQUE piirangu eemaldamise');
    k.file('laoseis/importer.py');
    k.error('FAIL: test_negatiivne_kogus_jaetakse_vahele (tests.test_import.ImportTest.test_negatiivne_kogus_jaetakse_vahele)', 'unresolved');
    const count = k.request('mitu rida failis on ja mitu vigast');
    const data = k.constraint('andmed kausta ära puutu');
    k.number('1204');
    k.number(String(STOCK.text.split('\n').length - 2));
    k.number(String(STOCK.bad));
    k.error('sqlite3.OperationalError: no such table: toode', 'resolved');
    k.file('laoseis/kontroll.py');
    const dups = k.request('lisa kontrolli korduvate koodide arv');
    k.number(String(STOCK.valid - STOCK.distinct));
    k.number(String(STOCK.distinct));
    const counter = k.decision('Counteri Pythonis', 'kontroll loeb CSV-d enne importi', 'GROUP BY päringu');
    k.file('tests/test_kontroll.py');
    const readme = k.request('readmesse kirjuta kuidas kontrolli käivitada');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m unittest', 'failing');
    k.not('rejected', upsert.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', ignore.what, 'tried and reverted: a rejected approach');
    k.not('rejected', upsert.alternative, 'named in passing, never tried');
    k.not('constraints', count, 'a request is not a standing rule');
    k.not('errors', 'unittest piisab', "a user's refusal is not a tool error");

    const tests = 'python3 -m unittest -v 2>&1 | tail -n 30';
    const pipCmd = 'pip install pytest';
    const insert = '            "INSERT INTO tooted (kood, nimi, kogus) VALUES (?, ?, ?)",\n';
    const insertIgnore = '            "INSERT OR IGNORE INTO tooted (kood, nimi, kogus) VALUES (?, ?, ?)",\n';
    const insertUpsert =
      '            "INSERT INTO tooted (kood, nimi, kogus) VALUES (?, ?, ?) "\n' +
      '            "ON CONFLICT(kood) DO UPDATE SET kogus = kogus + excluded.kogus",\n';
    const kontroll =
      '"""python3 -m laoseis.kontroll FAIL.csv: ridade ja vigaste ridade arv (enne importi)."""\n\nimport sys\n\n' +
      'from .db import ava\nfrom .importer import impordi, loe_read\n\n\ndef vigane(rida):\n' +
      '    """Tühi kood või mittearvuline kogus."""\n    if not (rida.get("kood") or "").strip():\n        return True\n' +
      '    try:\n        int(rida.get("kogus") or "")\n    except ValueError:\n        return True\n    return False\n\n\n' +
      'def main(argv=None):\n    argv = sys.argv[1:] if argv is None else argv\n    read = loe_read(argv[0])\n' +
      '    head = [r for r in read if not vigane(r)]\n    print(f"ridu: {len(read)}, vigaseid: {len(read) - len(head)}")\n' +
      '    con = ava()\n    impordi(con, head)\n    koode = con.execute("SELECT count(*) FROM toode").fetchone()[0]\n' +
      '    print(f"unikaalseid koode: {koode}")\n\n\nif __name__ == "__main__":\n    main()\n';
    const testKontroll =
      'import unittest\n\nfrom laoseis.kontroll import korduvad, vigane\n\n\nclass KontrollTest(unittest.TestCase):\n' +
      '    def test_tyhi_kood_on_vigane(self):\n        self.assertTrue(vigane({"kood": " ", "nimi": "x", "kogus": "1"}))\n\n' +
      '    def test_sonaline_kogus_on_vigane(self):\n        self.assertTrue(vigane({"kood": "LS-9", "nimi": "x", "kogus": "kümme"}))\n\n' +
      '    def test_korduvad(self):\n        read = [{"kood": "A"}, {"kood": "B"}, {"kood": "A"}, {"kood": " A "}]\n        self.assertEqual(korduvad(read), 2)\n\n\n' +
      'if __name__ == "__main__":\n    unittest.main()\n';

    return [
      {
        user: `testid punased ${importReq}\n${schema}`,
        model: [
          [empty(), bash(tests, 'Testid')],
          [empty(), say('unittesti väljundit on raske lugeda, panen pytesti'), bash(pipCmd, 'pytest')],
          [empty(), say('ok jääb unittest'), edit('laoseis/importer.py', insert, insertIgnore)],
          [empty(), bash('python3 -m unittest tests.test_import -v 2>&1 | tail -n 15', 'Importi testid')],
          [empty(), say(`${ignore.what} ei sobi: ${ignore.why}. võtan tagasi`), bash('git checkout -- laoseis/importer.py && git status --short', 'Tagasi')],
          [
            empty(),
            say(`valisin ${upsert.choice}, mitte ${upsert.alternative}, sest skeemi ei tohi puutuda ja ${upsert.reason}.`),
            edit('laoseis/importer.py', insert, insertUpsert),
          ],
          [empty(), bash(tests, 'Testid')],
          [
            empty(),
            say(
              'korduv kood korras, liidab koguse.\n\nalles punane: `test_negatiivne_kogus_jaetakse_vahele`. test tahab miinusega rea vahele jätta, kood impordib selle. kas miinus on viga või tagastus?',
            ),
          ],
        ],
        refuse: { [pipCmd]: pip },
      },
      {
        user: `jäta see laojuht otsustab\n${count} andmed/laoseis_marts.csv\n${data}`,
        model: [
          [empty(), bash('wc -l andmed/laoseis_marts.csv', 'Ridu')],
          [empty(), bash('head -n 4 andmed/laoseis_marts.csv', 'Päis')],
          [empty(), write('laoseis/kontroll.py', kontroll)],
          [empty(), bash('python3 -m laoseis.kontroll andmed/laoseis_marts.csv 2>&1 | tail -n 6', 'Kontroll')],
          [empty(), say('tabeli nimi valesti'), edit('laoseis/kontroll.py', 'FROM toode"', 'FROM tooted"')],
          [empty(), bash('python3 -m laoseis.kontroll andmed/laoseis_marts.csv', 'Kontroll')],
          [empty(), say('wc loeb päise ka sisse. vigased = tühi kood või kogus pole arv. andmed/ jäi puutumata')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse Estonian user; laoseis package. Duplicate codes fixed with an upsert; a check script counts rows and bad rows.',
          intent:
            'Fix the import failing on duplicate codes; count rows and bad rows in the March file. Do not change the database schema; do not touch andmed/.',
          concepts: ['sqlite3 upsert', 'python3 -m unittest', 'csv.DictReader'],
          files: ['laoseis/importer.py: upsert adds quantities', 'laoseis/kontroll.py: row check script'],
          errors: [
            'Duplicate codes broke the import; fixed with an upsert',
            'The check script used a wrong table name; fixed',
            'Negative quantity test still fails (warehouse manager decides)',
          ],
          solving: 'An ignore-duplicates variant was tried and reverted. The user did not want pytest.',
          messages: ['Import fails on duplicate code; do not change the schema', 'Leave the negative test; count rows and bad rows; do not touch andmed/'],
          pending: ['Negative quantity rule: warehouse manager'],
          current: 'Check script prints rows and bad rows.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${dups} ja test sinna juurde`,
        model: [
          [
            empty(),
            say(`valisin ${counter.choice}, mitte ${counter.alternative}, sest ${counter.reason} ja vigased read ei jõua baasi.`),
            edit(
              'laoseis/kontroll.py',
              'def main(argv=None):\n',
              'def korduvad(read):\n    """Mitu rida kordab juba nähtud koodi."""\n    loend = Counter(r["kood"].strip() for r in read)\n' +
                '    return sum(n - 1 for n in loend.values())\n\n\ndef main(argv=None):\n',
            ),
          ],
          [empty(), edit('laoseis/kontroll.py', 'import sys\n', 'import sys\nfrom collections import Counter\n')],
          [
            empty(),
            edit(
              'laoseis/kontroll.py',
              '    print(f"ridu: {len(read)}, vigaseid: {len(read) - len(head)}")\n',
              '    print(f"ridu: {len(read)}, vigaseid: {len(read) - len(head)}")\n    print(f"korduvaid koode: {korduvad(head)}")\n',
            ),
          ],
          [empty(), write('tests/test_kontroll.py', testKontroll)],
          [empty(), bash('python3 -m laoseis.kontroll andmed/laoseis_marts.csv', 'Kontroll')],
          [empty(), bash('python3 -m unittest -v 2>&1 | grep -E "^(FAIL|ERROR|OK|Ran)|\\.\\.\\. " | head -n 20', 'Testid')],
          [empty(), say('korduvad loetud, 3 uut testi rohelised. punane ainult negatiivse koguse oma')],
        ],
      },
      {
        user: readme,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    python3 -m unittest -v\n',
              '    python3 -m unittest -v\n\n## Kontroll\n\nEnne importi:\n\n    python3 -m laoseis.kontroll andmed/laoseis_marts.csv\n\n' +
                'Prindib ridade arvu (ilma päiseta), vigased read (tühi kood või kogus pole arv), korduvad koodid ja unikaalsete koodide arvu.\n',
            ),
          ],
          [empty(), bash('python3 -m unittest 2>&1 | tail -n 3', 'Testid')],
          [empty(), say('readme tehtud. unittest: 1 punane (negatiivne kogus, laojuht)')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse Estonian user; laoseis. Import fixed, check script counts rows, bad rows and duplicates; README documents it.',
          intent: 'Fix the import, a check script for the March file with duplicate counts, README. Schema unchanged; andmed/ untouched.',
          concepts: ['collections.Counter', 'unittest'],
          files: ['laoseis/kontroll.py: duplicates', 'tests/test_kontroll.py: new tests', 'README.md: Kontroll section'],
          errors: ['Negative quantity test still fails'],
          solving: 'Duplicates counted in Python before the import.',
          messages: ['Earlier messages are in the previous summary', 'Add the duplicate count and a test', 'README: how to run the check'],
          pending: ['Negative quantity rule: warehouse manager'],
          current: 'README written.',
          next: 'None.',
        }),
      },
    ];
  },
};
