// A chatty Kurdish user (Sorani, Arabic script, emoji and thanks) and a small stdlib Python package for a
// village library's catalog (`python3 -m pirtuk stats|search data/books.csv`), tested with
// `python3 -m unittest -v`. Thinking present. An AttributeError (a typo'd attribute) is fixed, then two
// FAIL rows on Arabic-Indic and Persian digits in years (the model weighs str.maketrans against
// unicodedata and picks one); a fuzzy author search: `pip install rapidfuzz` is refused, difflib is
// used, a pickle cache module is added and taken back with `git rm`; an old export with a short row is
// left failing. Two compactions. Written as a held-out scenario by a helper that never read the analysis.
import { bash, ccSummary, say, think } from '../kit.mjs';

const AUTHORS = [
  'شێرکۆ بێکەس',
  'عەبدوڵڵا پەشێو',
  'هێمن موکریانی',
  'گۆران',
  'نالی',
  'مەحوی',
  'حاجی قادری کۆیی',
  'بەختیار عەلی',
  'شێرزاد حەسەن',
  'کاکەمەم بۆتانی',
  'ڕەفیق سابیر',
  'جەلال مەلەکشا',
  'دڵشاد مەریوانی',
  'فەرهاد پیرباڵ',
  'پیرەمێرد',
];
const AR = '٠١٢٣٤٥٦٧٨٩';
const FA = '۰۱۲۳۴۵۶۷۸۹';
let seed = 989350;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const books = [];
for (let i = 0; i < 173; i++) {
  const author = AUTHORS[rnd(AUTHORS.length)];
  const year = String(1931 + rnd(90));
  const shown = i % 11 === 3 ? [...year].map((d) => AR[d]).join('') : i % 13 === 6 ? [...year].map((d) => FA[d]).join('') : year;
  books.push({ title: `بەرگی ${i + 1}`, author, year: shown });
}
const CSV = 'title,author,year\n' + books.map((b) => `${b.title},${b.author},${b.year}`).join('\n') + '\n';
const NBOOKS = books.length;
const NAUTHORS = new Set(books.map((b) => b.author)).size;
const SHERKO = books.filter((b) => b.author === 'شێرکۆ بێکەس').length;
const OLD = 'title,author,year\nچیرۆکی کۆن,نالی,1960\nدیوان,مەحوی\nهەڵبەست,گۆران,1950\n';

const CATALOG = `"""کاتالۆگی کتێب: خوێندنەوەی CSV (title,author,year)."""
import csv
from dataclasses import dataclass


@dataclass
class Book:
    title: str
    author: str
    year: str


def normalize_year(s):
    """ژمارە عەرەبی و فارسییەکان دەگۆڕێت بۆ 0-9."""
    return s.strip()


def load(path):
    books = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            title, author, year = row
            books.append(Book(title.strip(), author.strip(), normalize_year(year)))
    return books


def stats(books):
    return {"books": len(books), "authors": len({b.author for b in books})}
`;

const MAIN = `import sys

from .catalog import load, stats


def main(argv):
    cmd, path = argv[0], argv[1]
    books = load(path)
    if cmd == "stats":
        s = stats(books)
        print("کتێب:", s["books"])
        print("نووسەر:", s["authors"])
        oldest = min(books, key=lambda b: b.year)
        print("کۆنترین:", oldest.title, "-", oldest.autor)
    return 0


sys.exit(main(sys.argv[1:]))
`;

const TESTS = `import unittest

from pirtuk.catalog import Book, load, normalize_year, stats


class CatalogTest(unittest.TestCase):
    def test_load_count(self):
        self.assertGreater(len(load("data/books.csv")), 100)

    def test_normalize_year_ascii(self):
        self.assertEqual(normalize_year(" 1987 "), "1987")

    def test_normalize_year_arabic(self):
        self.assertEqual(normalize_year("١٩٩٠"), "1990")

    def test_normalize_year_persian(self):
        self.assertEqual(normalize_year("۲۰۰۴"), "2004")

    def test_stats_authors(self):
        books = [Book("a", "نالی", "1900"), Book("b", "نالی", "1901"), Book("c", "گۆران", "1950")]
        self.assertEqual(stats(books), {"books": 3, "authors": 2})
`;

const AUTOR_OLD = 'oldest.autor)';
const AUTOR_NEW = 'oldest.author)';
const NORM_OLD = '    return s.strip()\n';
const NORM_NEW = '    return s.strip().translate(_DIGITS)\n';
const DIG_OLD = 'def normalize_year(s):\n';
const DIG_NEW = '_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")\n\n\ndef normalize_year(s):\n';
const SEARCH_ADD = `

def search(books, query):
    """کتێبەکانی ئەو نووسەرەی ناوەکەی نزیکترینە لە query (هەڵەی نووسین قبوڵ دەکات)."""
    authors = sorted({b.author for b in books})
    names = difflib.get_close_matches(query, authors, n=1, cutoff=0.6)
    return [b for b in books if b.author in names]
`;
const IMPORT_OLD = 'import csv\n';
const IMPORT_NEW = 'import csv\nimport difflib\n';
const MAIN_IMPORT_OLD = 'from .catalog import load, stats\n';
const MAIN_IMPORT_NEW = 'from .catalog import load, search, stats\n';
const MAIN_RET_OLD = '    return 0\n';
const MAIN_SEARCH =
  '    elif cmd == "search":\n        hits = search(books, argv[2])\n        print("دۆزرایەوە:", len(hits))\n        for b in hits[:3]:\n            print(" ", b.year, b.title)\n    return 0\n';
const TEST_SEARCH = `
    def test_search_typo(self):
        books = [Book("a", "شێرکۆ بێکەس", "1970"), Book("b", "گۆران", "1950")]
        self.assertEqual([b.title for b in search(books, "شێرکو بێکەس")], ["a"])
`;
const TIMPORT_OLD = 'from pirtuk.catalog import Book, load, normalize_year, stats\n';
const TIMPORT_NEW = 'from pirtuk.catalog import Book, load, normalize_year, search, stats\n';
const CACHE = `"""کاشی pickle بۆ کاتالۆگ، بۆ ئەوەی هەموو جارێک CSV نەخوێنرێتەوە."""
import os
import pickle

from .catalog import load


def load_cached(path):
    cache = path + ".pickle"
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            return pickle.load(f)
    books = load(path)
    with open(cache, "wb") as f:
        pickle.dump(books, f)
    return books
`;
const LIMIT_SIG_OLD = 'def search(books, query):\n';
const LIMIT_SIG_NEW = 'def search(books, query, limit=None):\n';
const LIMIT_RET_OLD = '    return [b for b in books if b.author in names]\n';
const LIMIT_RET_NEW = '    hits = [b for b in books if b.author in names]\n    return hits if limit is None else hits[:limit]\n';
const MAIN_LIMIT_OLD = '        hits = search(books, argv[2])\n';
const MAIN_LIMIT_NEW = '        limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 5\n        hits = search(books, argv[2], limit)\n';
const TEST_LIMIT = `
    def test_search_limit(self):
        books = [Book(str(i), "نالی", "1900") for i in range(9)]
        self.assertEqual(len(search(books, "نالی", 4)), 4)
`;

export const scenario = {
  name: 'python-pirtuk-sorani-chatty',
  about:
    'held out: chatty Kurdish (Sorani) user, stdlib Python package tested with python3 -m unittest -v, thinking; AttributeError fixed, FAIL rows on Arabic-Indic digits fixed (maketrans over unicodedata), pip install refused, difflib search, a pickle cache module added then git rm-ed, a short row in an old export left failing; two compactions',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n*.pickle\n',
    'README.md': '# pirtuk\n\nکاتالۆگی کتێبخانەی گوند. `python3 -m pirtuk stats data/books.csv`\n',
    'pirtuk/__init__.py': '',
    'pirtuk/catalog.py': CATALOG,
    'pirtuk/__main__.py': MAIN,
    'tests/__init__.py': '',
    'tests/test_catalog.py': TESTS,
    'data/books.csv': CSV,
    'data/kon.csv': OLD,
  },
  build(k, { edit, write }) {
    const statsReq = k.request('python3 -m pirtuk stats data/books.csv کار ناکات، تکایە چاکی بکە');
    const stdlib = k.constraint('تەنها stdlib بەکاربهێنە، هیچ پاکێجێکی دەرەکی نا');
    k.error("AttributeError: 'Book' object has no attribute 'autor'", 'resolved');
    k.number(`کتێب: ${NBOOKS}`);
    k.number(`نووسەر: ${NAUTHORS}`);
    k.file('pirtuk/__main__.py');
    const testReq = k.request('تێستەکان بە python3 -m unittest -v هەموویان سەوز بکە');
    const names = k.constraint('ناوی فەنکشنە گشتییەکان مەگۆڕە');
    k.error('FAIL: test_normalize_year_arabic', 'resolved');
    k.error("AssertionError: '١٩٩٠' != '1990'");
    const digits = k.decision(
      'a str.maketrans table for the two digit sets',
      'the catalog only ever has Arabic-Indic and Persian digits',
      'unicodedata.decimal() per character',
    );
    k.file('pirtuk/catalog.py');
    const searchReq = k.request('گەڕان بەپێی نووسەر زیاد بکە، تەنانەت ئەگەر ناوەکە کەمێک هەڵە بنووسرێت');
    const pipWords = k.refusal('نا نا، pip install مەکە تکایە. کۆمپیوتەری کتێبخانە ئینتەرنێتی نییە');
    const fuzzy = k.decision('difflib.get_close_matches over the author names', 'difflib is in the standard library', 'a hand-written Levenshtein');
    const cache = k.rejected('pirtuk/cache.py', 'the pickle goes stale whenever someone edits books.csv by hand');
    k.error('ValueError: not enough values to unpack (expected 3, got 2)', 'unresolved');
    k.number(`دۆزرایەوە: ${SHERKO}`);
    k.file('tests/test_catalog.py');
    const limitReq = k.request('--limit بۆ search زیاد بکە، بە بنەڕەت پێنج');
    k.number('Ran 7 tests');
    k.lastRequest(limitReq);
    k.check('python3 -m unittest', 'passing');
    k.not('constraints', statsReq, 'a request, not a standing rule');
    k.not('decisions', cache.what, 'added and taken back with git rm: a dead end');
    k.not('rejected', digits.choice, 'the maketrans table was kept');
    k.not('errors', 'کۆمپیوتەری کتێبخانە ئینتەرنێتی نییە', "the user's refusal is not a tool error");
    k.not('constraints', 'هەڵە بنووسرێت', 'part of a feature request, not a rule');

    const ut = 'python3 -m unittest -v 2>&1';
    const pip = 'pip install rapidfuzz';
    return [
      {
        user: `سڵاو هاوڕێ 😊 پاکێجێکم هەیە بۆ کتێبخانەی گوندەکەمان، بەڵام ${statsReq}. ${stdlib}، چونکە کۆمپیوتەرەکە زۆر کۆنە. زۆر سوپاس پێشوەختە!`,
        model: [
          [
            think('Run it first and see the actual error before reading anything.'),
            bash('python3 -m pirtuk stats data/books.csv 2>&1 | tail -n 8', 'Run the stats command'),
          ],
          [
            think(
              'The counts print, then the oldest-book line dies on a typo in the attribute name. The dataclass field is author. One-character fix in __main__.py.',
            ),
            edit('pirtuk/__main__.py', AUTOR_OLD, AUTOR_NEW),
          ],
          [bash('python3 -m pirtuk stats data/books.csv', 'Run stats again')],
          [say('چاک بوو ✅ هەڵەکە لە `__main__.py` بوو: ناوی خاسیەتەکە بە هەڵە نووسرابوو (`autor` لە جیاتی `author`). ئێستا ئامارەکان دەردەچن.')],
        ],
      },
      {
        user: `وای زۆر باشە!! ئێستا ${testReq}. تکایە ${names}، چونکە فایلێکی تری نووسیوە کە ئەوانە بەکاردێنێت.`,
        model: [
          [bash(ut + ' | tail -n 30', 'Run the tests')],
          [
            think(
              `Two failures, both normalize_year: it only strips, so years typed with Arabic-Indic or Persian digits stay as they are. Two ways:\n` +
                `- ${digits.alternative}: handles every Unicode digit, but it is a loop with a fallback for non-digits\n` +
                `- ${digits.choice}: one line\n\n` +
                `Going with ${digits.choice}, since ${digits.reason}; the signature of normalize_year stays the same, which the user asked for.`,
            ),
            edit('pirtuk/catalog.py', DIG_OLD, DIG_NEW),
            edit('pirtuk/catalog.py', NORM_OLD, NORM_NEW),
          ],
          [bash(ut + ' | tail -n 4', 'Run the tests again')],
          [bash('python3 -m pirtuk stats data/books.csv', 'Stats after the digit fix')],
          [say('هەموو تێستەکان سەوزن 🎉 ساڵەکان کە بە ژمارەی عەرەبی یان فارسی نووسراون ئێستا دەگۆڕدرێن بۆ 0-9. ناوی هیچ فەنکشنێکم نەگۆڕی.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Kurdish (Sorani) user, friendly. Small stdlib package for a library catalog.',
          intent: 'Fix python3 -m pirtuk stats and make the unittest suite pass. Stdlib only; do not rename public functions.',
          concepts: ['dataclasses', 'csv module', 'Arabic-Indic digits'],
          files: ['pirtuk/__main__.py: attribute typo fixed', 'pirtuk/catalog.py: normalize_year translates digits'],
          errors: ['Attribute typo in the stats command fixed', 'Two year-normalization tests fixed'],
          solving: 'Digits are translated with a table.',
          messages: ['Fix the stats command, stdlib only', 'Make the tests green, keep public names'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the next request.',
        }),
      },
      {
        user: `دەستت خۆش بێت! 🙏 شتێکی تر: ${searchReq}. بۆ نموونە خەڵک "شێرکو بێکەس" دەنووسن لە جیاتی "شێرکۆ بێکەس".`,
        model: [
          [think('A fuzzy match library would do this well. Try installing rapidfuzz.'), bash(pip, 'Install rapidfuzz')],
          [
            think(
              `No pip, and no network there. Then ${fuzzy.choice}: ${fuzzy.reason} and the author list is tiny, so a ratio over a few names is fine. ${fuzzy.alternative} would be more code for the same result.`,
            ),
            edit('pirtuk/catalog.py', IMPORT_OLD, IMPORT_NEW),
          ],
          [bash(`cat >> pirtuk/catalog.py <<'PY'${SEARCH_ADD}PY`, 'Append search()')],
          [edit('pirtuk/__main__.py', MAIN_IMPORT_OLD, MAIN_IMPORT_NEW), edit('pirtuk/__main__.py', MAIN_RET_OLD, MAIN_SEARCH)],
          [bash('python3 -m pirtuk search data/books.csv "شێرکو بێکەس"', 'Search with a typo')],
          [
            think('Every command re-parses the CSV. A small pickle cache next to the CSV could save that on the old machine. Put it in its own module.'),
            write('pirtuk/cache.py', CACHE),
          ],
          [
            bash(
              'git add pirtuk/cache.py && python3 -c "from pirtuk.cache import load_cached; print(len(load_cached(\'data/books.csv\')))" && ls data/',
              'Try the cache',
            ),
          ],
          [
            think(`Thinking about it more: ${cache.why}, and nothing invalidates it except deleting the file. Parsing is cheap anyway. Take it out.`),
            bash('git rm -f pirtuk/cache.py && rm -f data/books.csv.pickle && git status --short', 'Remove the cache module'),
          ],
          [edit('tests/test_catalog.py', TIMPORT_OLD, TIMPORT_NEW), bash(`cat >> tests/test_catalog.py <<'PY'${TEST_SEARCH}PY`, 'Add a search test')],
          [bash(ut + ' | tail -n 3', 'Run the tests')],
          [bash('python3 -m pirtuk stats data/kon.csv 2>&1 | tail -n 4', 'Try the old export too')],
          [
            think("kon.csv has a row with no year, so unpacking into three names fails. Whether to skip such rows or fill an empty year is the user's call."),
            say(
              'گەڕان ئامادەیە 🔎 بە `difflib` (بێ pip). کاشێکی pickle-یشم تاقیکردەوە بەڵام لامبرد، چونکە کاتێک کەسێک `books.csv` بە دەست دەگۆڕێت کاشەکە کۆن دەبێت.\n\n' +
                'یەک کێشە: `data/kon.csv` ڕیزێکی هەیە بێ ساڵ و `load` تێکدەچێت. ئەو ڕیزانە فڕێبدەم یان ساڵی بەتاڵ دابنێم؟',
            ),
          ],
        ],
        refuse: { [pip]: pipWords },
      },
      {
        user: `ئەو فایلە کۆنە با بمێنێتەوە، دواتر لەگەڵ خاتوو ئاسۆ قسەی لەسەر دەکەم. ئێستا ${limitReq}. سوپاس بۆ هەموو شتێک ❤️`,
        model: [
          [
            think('Add limit as a keyword with a default so existing calls of search keep working; the CLI default is five.'),
            edit('pirtuk/catalog.py', LIMIT_SIG_OLD, LIMIT_SIG_NEW),
            edit('pirtuk/catalog.py', LIMIT_RET_OLD, LIMIT_RET_NEW),
            edit('pirtuk/__main__.py', MAIN_LIMIT_OLD, MAIN_LIMIT_NEW),
          ],
          [bash(`cat >> tests/test_catalog.py <<'PY'${TEST_LIMIT}PY`, 'Add a limit test')],
          [bash(ut + ' | tail -n 3', 'Run the tests')],
          [bash('python3 -m pirtuk search data/books.csv "نالى" --limit 2', 'Search with --limit')],
          [say('`--limit` زیادکرا، بە بنەڕەت پێنج. هەموو تێستەکان سەوزن. `kon.csv` وەک خۆی ماوە.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Kurdish (Sorani) user, friendly. Library catalog package; second part of the session added search.',
          intent: 'Catalog package: stats fixed, tests green, fuzzy author search, then a --limit option. Stdlib only; public names unchanged.',
          concepts: ['difflib fuzzy matching', 'unittest discovery'],
          files: ['pirtuk/catalog.py: search() with limit', 'pirtuk/__main__.py: search command', 'tests/test_catalog.py: search tests'],
          errors: ['Old export with a short row still fails to load'],
          solving: 'pip was refused, so difflib is used. A cache module was tried and removed.',
          messages: ['Add fuzzy author search', 'Refused pip install', 'Leave the old file, add --limit'],
          pending: ['Decide how to handle rows without a year in kon.csv'],
          current: '--limit added; tests pass.',
          next: 'Wait for the user about kon.csv.',
        }),
      },
    ];
  },
};
