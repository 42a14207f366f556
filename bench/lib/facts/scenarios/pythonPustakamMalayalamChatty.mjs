// A chatty Malayalam user (Malayalam script) and a small Python package (pustakam: a library catalogue,
// `python3 -m pustakam data/books.csv` prints "N books in G genres, O overdue") tested with
// `python3 -m pytest -q`. Thinking present: Counter vs defaultdict weighed and picked with its reason; a
// KeyError fixed; an `assert 3 == 4` fixed with the passing re-run narrowed to tests/test_loans.py after a
// math.ceil attempt is stashed and dropped; `pip install python-dateutil` refused; two compactions.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CATALOG =
  'import csv\n\n\ndef load_books(path):\n    with open(path, newline="", encoding="utf-8") as fh:\n        return list(csv.DictReader(fh))\n\n\n' +
  'def count_by_genre(books):\n    counts = {}\n    for book in books:\n        counts[book["genre"]] += 1\n    return counts\n';

const LOANS =
  'from datetime import datetime\n\n\ndef parse_day(text):\n    return datetime.strptime(text.strip(), "%Y-%m-%d").date()\n\n\n' +
  'def overdue_count(books, today):\n    n = 0\n    for book in books:\n        due = (book.get("due") or "").strip()\n        if not due:\n            continue\n' +
  '        if (today - parse_day(due)).days > 1:\n            n += 1\n    return n\n';

const MAIN =
  'import sys\nfrom datetime import date\n\nfrom .catalog import count_by_genre, load_books\nfrom .loans import overdue_count\n\n' +
  'TODAY = date(2024, 6, 1)\n\nbooks = load_books(sys.argv[1])\ngenres = count_by_genre(books)\n' +
  'print(f"{len(books)} books in {len(genres)} genres, {overdue_count(books, TODAY)} overdue")\n';

const TEST_CATALOG =
  'import pytest\n\nfrom pustakam.catalog import count_by_genre\n\n\n' +
  '@pytest.mark.parametrize("genres", [["novel"], ["novel", "novel"], ["poetry", "novel"], ["drama"] * 3, ["a", "b", "c", "a"], ["x"] * 7])\n' +
  'def test_count_total(genres):\n    counts = count_by_genre([{"genre": g} for g in genres])\n    assert sum(counts.values()) == len(genres)\n\n\n' +
  'def test_count_keys():\n    counts = count_by_genre([{"genre": "novel"}, {"genre": "poetry"}, {"genre": "novel"}])\n    assert counts == {"novel": 2, "poetry": 1}\n\n\n' +
  'def test_empty():\n    assert count_by_genre([]) == {}\n';

const TEST_LOANS =
  'from datetime import date\n\nfrom pustakam.loans import overdue_count, parse_day\n\nTODAY = date(2024, 6, 1)\n\n\n' +
  'def test_parse_day():\n    assert parse_day(" 2024-05-31 ") == date(2024, 5, 31)\n\n\n' +
  'def test_overdue_count():\n    books = [{"due": d} for d in ["2024-05-31", "2024-05-01", "2024-04-12", "2023-12-24", "2024-06-01", "2024-06-20", ""]]\n' +
  '    assert overdue_count(books, TODAY) == 4\n\n\n' +
  'def test_no_due():\n    assert overdue_count([{"due": ""}, {}], TODAY) == 0\n\n\n' +
  'def test_due_today_is_not_overdue():\n    assert overdue_count([{"due": "2024-06-01"}], TODAY) == 0\n';

function booksCsv() {
  const genres = ['novel', 'poetry', 'drama', 'history', 'science', 'children', 'travel', 'biography', 'essays'];
  const rows = ['title,author,genre,due'];
  for (let i = 1; i <= 212; i++) {
    const g = genres[(i * 7) % genres.length];
    let due = '';
    if (i % 4 === 0) due = `2024-0${1 + (i % 7)}-${String(1 + (i % 27)).padStart(2, '0')}`;
    if (i % 23 === 0) due = `${String(1 + (i % 27)).padStart(2, '0')}/0${1 + (i % 5)}/2024`;
    rows.push(`Pusthakam ${i},Ezhuthukaran ${1 + (i % 40)},${g},${due}`);
  }
  return rows.join('\n') + '\n';
}

export const scenario = {
  name: 'python-pustakam-malayalam-chatty',
  about:
    'held out: chatty Malayalam user, Python package tested with python3 -m pytest -q; Counter vs defaultdict weighed in thinking; KeyError fixed; assert 3 == 4 fixed with a narrowed re-run after a stashed math.ceil attempt; pip install refused; two compactions',
  requires: ['python3', 'git'],
  files: {
    'README.md': '# pustakam\n\nLibrary catalogue helpers.\n\n    python3 -m pustakam data/books.csv\n    python3 -m pytest -q\n',
    'pustakam/__init__.py': '',
    'pustakam/catalog.py': CATALOG,
    'pustakam/loans.py': LOANS,
    'pustakam/__main__.py': MAIN,
    'tests/__init__.py': '',
    'tests/test_catalog.py': TEST_CATALOG,
    'tests/test_loans.py': TEST_LOANS,
    'data/books.csv': booksCsv(),
    '.gitignore': '__pycache__/\n.pytest_cache/\n',
  },
  build(k, { edit }) {
    const greenReq = k.request('pytest മുഴുവൻ പച്ചയാക്കണം');
    const stdlib = k.constraint('പുതിയ dependencies ഒന്നും ചേർക്കരുത്, stdlib മാത്രം മതി');
    k.error("KeyError: 'novel'", 'resolved');
    k.error('assert 3 == 4', 'resolved');
    const counter = k.decision('collections.Counter', 'missing keys start at zero and it still compares equal to a plain dict', 'a defaultdict(int)');
    k.file('pustakam/catalog.py');
    const ceil = k.rejected('math.ceil', 'the days are already whole numbers, so rounding changes nothing; the off-by-one is the > 1 comparison');
    k.file('pustakam/loans.py');
    const mainReq = k.request('python3 -m pustakam data/books.csv ഓടിക്കുമ്പോൾ crash ആകുന്നു');
    k.error("ValueError: time data '24/04/2024' does not match format '%Y-%m-%d'", 'resolved');
    const refusal = k.refusal('അയ്യോ pip install വേണ്ട! പുതിയ പാക്കേജ് ഒന്നും ഇടരുത്');
    const formats = k.decision('try the two formats in a loop', 'only ISO and dd/mm/yyyy occur in the export', 'a regex that reorders the parts');
    k.file('tests/test_loans.py');
    k.number('212');
    k.number('45');
    k.number('13 passed');
    k.number('11 passed');
    const readmeReq = k.request('README-ൽ dd/mm/yyyy തീയതികളെക്കുറിച്ച് ഒരു വരി എഴുതാമോ');
    const commitRule = k.constraint('commit ഞാൻ തന്നെ ചെയ്തോളാം, നീ commit ചെയ്യരുത്');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('python3 -m pytest', 'passing');
    k.not('rejected', counter.choice, 'the fix that stayed is not a dead end');
    k.not('decisions', ceil.what, 'stashed and dropped: a rejected approach');
    k.not('constraints', mainReq, 'a bug report is not a standing rule');
    k.not('errors', 'പുതിയ പാക്കേജ് ഒന്നും ഇടരുത്', "the user's refusal is not a tool error");

    const pip = 'pip install python-dateutil';

    return [
      {
        user: `ഹായ്! 😅 ഇന്ന് കുറച്ച് help വേണം. നമ്മുടെ pustakam പാക്കേജിലെ tests പൊട്ടിക്കിടക്കുകയാണ്, ഇന്നലെ ആരോ എന്തോ merge ചെയ്തു എന്ന് തോന്നുന്നു. ${greenReq}. ഒരു കാര്യം — ${stdlib}, server-ൽ internet ഇല്ല. thanks!!`,
        model: [
          [think('Start with the full suite, quiet mode, tail it.'), bash('python3 -m pytest -q 2>&1 | tail -n 30', 'Run the test suite')],
          [
            think(
              `Two separate failures. count_by_genre indexes a plain dict, hence the KeyError. Two designs: ${counter.alternative} or ${counter.choice}. ` +
                `Counter, because ${counter.reason} — test_count_keys compares with ==. No new dependency either way.`,
            ),
            edit('pustakam/catalog.py', 'import csv\n', 'import csv\nfrom collections import Counter\n'),
          ],
          [
            edit(
              'pustakam/catalog.py',
              '    counts = {}\n    for book in books:\n        counts[book["genre"]] += 1\n    return counts\n',
              '    return Counter(book["genre"] for book in books)\n',
            ),
          ],
          [bash('python3 -m pytest -q 2>&1 | tail -n 15', 'Re-run')],
          [
            think('3 vs 4 in test_overdue_count. Maybe the day arithmetic truncates? Try rounding up the delta.'),
            edit('pustakam/loans.py', 'from datetime import datetime\n', 'import math\nfrom datetime import datetime\n'),
          ],
          [edit('pustakam/loans.py', '        if (today - parse_day(due)).days > 1:\n', '        if math.ceil((today - parse_day(due)).days) > 1:\n')],
          [bash('python3 -m pytest tests/test_loans.py -q 2>&1 | tail -n 8', 'Loans tests only')],
          [
            think(`Still 3. Of course: ${ceil.why}. A book due 2024-05-31 is overdue on 2024-06-01, delta 1.`),
            say(`The rounding idea was wrong — ${ceil.why}. Stashing it away and dropping it.`),
            bash('git stash push -- pustakam/loans.py && git stash drop', 'Throw away the loans.py attempt'),
          ],
          [edit('pustakam/loans.py', '        if (today - parse_day(due)).days > 1:\n', '        if (today - parse_day(due)).days > 0:\n')],
          [bash('python3 -m pytest tests/test_loans.py -q', 'Loans tests only')],
          [
            say(
              'Both fixed:\n\n- `count_by_genre` now uses `Counter` (the KeyError)\n- `overdue_count` compared `> 1`, so a book one day late was not overdue — now `> 0`\n\nThe loans file passes; catalog passed in the run before.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'pustakam: the two failing tests are fixed.',
          intent: 'Make the pustakam test suite pass. No new dependencies, stdlib only.',
          concepts: ['pytest', 'collections.Counter', 'date arithmetic'],
          files: ['pustakam/catalog.py: Counter', 'pustakam/loans.py: overdue comparison'],
          errors: ['A KeyError in count_by_genre; fixed', 'overdue_count was off by one; fixed'],
          solving: 'A rounding change was tried and discarded.',
          messages: ['Make the tests green; stdlib only, no internet on the server'],
          pending: [],
          current: 'Tests for loans pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `വളരെ നന്ദി 🙏 പക്ഷേ ഒരു പ്രശ്നം കൂടി: ${mainReq}. real export ആണ് data/books.csv, അതിൽ ചില തീയതികൾ പഴയ system-ൽ നിന്ന് വന്നതാണ്, format വേറെയാണ് എന്ന് തോന്നുന്നു`,
        model: [
          [think('Run it and see the traceback.'), bash('python3 -m pustakam data/books.csv 2>&1 | tail -n 4', 'Run the CLI on the export')],
          [think('Some due dates are dd/mm/yyyy. dateutil would parse both.'), bash(pip, 'Install dateutil')],
          [
            think(
              `Refused, stdlib only. Options: ${formats.alternative}, or ${formats.choice}. The loop: ${formats.reason}, and strptime already validates each.`,
            ),
            edit(
              'pustakam/loans.py',
              'def parse_day(text):\n    return datetime.strptime(text.strip(), "%Y-%m-%d").date()\n',
              'FORMATS = ("%Y-%m-%d", "%d/%m/%Y")\n\n\ndef parse_day(text):\n    for fmt in FORMATS:\n        try:\n            return datetime.strptime(text.strip(), fmt).date()\n        except ValueError:\n            pass\n    raise ValueError(f"unknown date: {text!r}")\n',
            ),
          ],
          [
            edit(
              'tests/test_loans.py',
              'def test_no_due():',
              'def test_parse_day_dmy():\n    assert parse_day("24/04/2024") == date(2024, 4, 24)\n\n\ndef test_no_due():',
            ),
          ],
          [bash('python3 -m pustakam data/books.csv; python3 -m pytest -q 2>&1 | tail -n 3', 'CLI and full suite')],
          [
            say(
              'Works now, with no new package — `parse_day` tries `YYYY-MM-DD` and then `DD/MM/YYYY`. Added a test for the second format; the whole suite passes.',
            ),
          ],
        ],
        refuse: { [pip]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'pustakam: suite green, dd/mm/yyyy dates parsed without dateutil.',
          intent: 'Make the tests pass and the CLI run on the real export. Stdlib only.',
          concepts: ['strptime formats', 'pytest'],
          files: ['pustakam/loans.py: two date formats', 'tests/test_loans.py: dd/mm test'],
          errors: ['The CLI crashed on dd/mm/yyyy dates; fixed'],
          solving: 'Installing dateutil was refused; parse_day tries two formats.',
          messages: ['Fix the tests; stdlib only', 'The CLI crashes on the real export', 'No pip install'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `അടിപൊളി!! 🎉 അവസാനമായി ഒന്ന് കൂടി, ${readmeReq}? ${commitRule} 🙂`,
        model: [
          [
            think('One line under the usage block.'),
            edit(
              'README.md',
              '    python3 -m pytest -q\n',
              '    python3 -m pytest -q\n\nDue dates may be `YYYY-MM-DD` or `DD/MM/YYYY` (older exports); anything else raises `ValueError`.\n',
            ),
          ],
          [say('README-ൽ ചേർത്തു. Commit നിങ്ങൾക്ക് വിടുന്നു.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'pustakam: tests green, date formats documented.',
          intent: 'Fix tests and the CLI, document the date formats. Stdlib only.',
          concepts: ['pytest', 'strptime'],
          files: ['README.md: date formats'],
          errors: ['None new'],
          solving: 'Documented both formats.',
          messages: ['Earlier messages are in the previous summaries', 'Add a README line about dd/mm/yyyy'],
          pending: ['The user commits'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
