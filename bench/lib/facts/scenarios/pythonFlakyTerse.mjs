// A terse user typing lowercase one-liners on a Python package tested with unittest. A timing test is
// flaky because it depends on a cache a previous run left behind; the agent reruns it alone, is refused
// a `rm -rf` of the cache, tries a skip decorator and reverts it with `git checkout -- file`. The model
// writes no thinking text (`thinking: false`), so its choices are in its replies. A one-letter menu
// answer ("y") comes after the last real request. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

function sampleCsv() {
  const rows = ['id,currency,amount'];
  for (let id = 1000; id < 1100; id++) {
    const amount = [1042, 1077, 1093].includes(id) ? -((id % 50) + 1.5) : ((id * 13) % 400) + 0.5;
    rows.push(`${id},${['EUR', 'USD', 'GBP'][id % 3]},${amount}`);
  }
  return rows.join('\n') + '\n';
}

export const scenario = {
  name: 'python-flaky-terse',
  about: 'held out: lowercase one-liners, python unittest, flaky test rerun alone, revert via git checkout, no thinking text',
  requires: ['python3', 'git'],
  thinking: false,
  files: {
    '.gitignore': '.cache/\n__pycache__/\n',
    'ledger/__init__.py': '',
    'ledger/rates.csv': 'currency,rate\nEUR,1.0\nUSD,0.92\nGBP,1.17\nCHF,1.05\nSEK,0.087\nPLN,0.23\n',
    'ledger/rates.py':
      '"""Exchange rates to EUR, cached on disk after the first load."""\nimport csv\nimport json\nimport os\n\n' +
      "RATES_CSV = os.path.join(os.path.dirname(__file__), 'rates.csv')\n" +
      '# What a load from the rates CSV costs on the CI runners (measured once, see docs/perf.md).\nCOLD_LOAD_MS = 2300 + 14\nCACHED_MS = 38\n\n\n' +
      'def lookup(currency, cache_dir=None):\n    """→ (rate to EUR, milliseconds the lookup took)."""\n' +
      "    cache_dir = cache_dir or os.environ.get('RATES_CACHE_DIR', '.cache')\n    path = os.path.join(cache_dir, 'rates.json')\n" +
      '    if os.path.exists(path):\n        with open(path) as f:\n            return json.load(f)[currency], CACHED_MS\n' +
      "    with open(RATES_CSV) as f:\n        rates = {row['currency']: float(row['rate']) for row in csv.DictReader(f)}\n" +
      "    os.makedirs(cache_dir, exist_ok=True)\n    with open(path, 'w') as f:\n        json.dump(rates, f)\n    return rates[currency], COLD_LOAD_MS\n",
    'ledger/export.py':
      '"""Ledger rows → EUR amounts for the accounting export."""\nfrom ledger.rates import lookup\n\nLOOKUPS = 0\n\n\n' +
      "def to_eur(rows, cache_dir=None):\n    global LOOKUPS\n    out = []\n    for row in rows:\n        rate, _ = lookup(row['currency'], cache_dir=cache_dir)\n" +
      "        LOOKUPS += 1\n        out.append({'id': row['id'], 'eur': round(row['amount'] * rate, 2)})\n    return out\n",
    'tests/__init__.py': '',
    'tests/test_rates.py':
      'import unittest\n\nfrom ledger.rates import lookup\n\n\nclass RatesTest(unittest.TestCase):\n    def test_lookup_is_fast(self):\n' +
      "        rate, ms = lookup('USD')\n        self.assertAlmostEqual(rate, 0.92)\n        self.assertLess(ms, 2000, f'rate lookup took {ms} ms (limit 2000 ms)')\n\n\n" +
      "if __name__ == '__main__':\n    unittest.main()\n",
    'tests/test_export.py':
      'import tempfile\nimport unittest\n\nfrom ledger.export import to_eur\n\n\nclass ExportTest(unittest.TestCase):\n    def test_usd_row(self):\n' +
      "        out = to_eur([{'id': 1, 'currency': 'USD', 'amount': 100.0}], cache_dir=tempfile.mkdtemp())\n        self.assertEqual(out, [{'id': 1, 'eur': 92.0}])\n\n\n" +
      "if __name__ == '__main__':\n    unittest.main()\n",
    'scripts/bench_export.py':
      '"""Times the export of a month of ledger rows (cost model of the CI runner: 0.4 ms per rate lookup)."""\nimport sys\nimport tempfile\n\n' +
      "sys.path.insert(0, '.')\nfrom ledger import export  # noqa: E402\n\nCURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN']\n" +
      "rows = [{'id': i, 'currency': CURRENCIES[i % 6], 'amount': (i % 997) / 7} for i in range(18000 + 250)]\n" +
      'cache = tempfile.mkdtemp()\nexport.to_eur(rows[:1], cache_dir=cache)\nexport.LOOKUPS = 0\nexport.to_eur(rows, cache_dir=cache)\n' +
      "seconds = 0.1 + 0.02 + export.LOOKUPS * 0.0004\nprint(f'export: {len(rows)} rows, {export.LOOKUPS} rate lookups, {seconds:.2f} s')\n",
    'scripts/check_export.py':
      '"""Sanity checks on the sample month in data/sample.csv before it goes to accounting."""\nimport csv\nimport sys\n\n' +
      "with open('data/sample.csv') as f:\n    negative = [row['id'] for row in csv.DictReader(f) if float(row['amount']) < 0]\n" +
      'if negative:\n    print(f"EXPORT-CHECK: {len(negative)} rows have a negative amount (ids {\', \'.join(negative)})", file=sys.stderr)\n' +
      "    sys.exit(1)\nprint('export check ok')\n",
    'data/sample.csv': sampleCsv(),
  },
  build(k, { edit, read }) {
    const flaky = k.request('rates test is flaky in ci again');
    const noDeps = k.constraint('no new deps');
    k.error('rate lookup took 2314 ms (limit 2000 ms)', 'resolved');
    k.check('python3 -m unittest', 'passing');
    const refusal = k.refusal('no. .cache has my hand-edited demo rates, use a temp dir');
    const skip = k.rejected('@unittest.skip', 'a skipped test would also hide a real regression in the cached path');
    const warm = k.decision(
      'a fresh temp cache per test, warmed in setUp',
      "whether .cache survives between CI jobs depends on the runner's cache, so the cold path shows up at random",
      'raising the limit to 2500 ms',
    );
    k.file('tests/test_rates.py');
    const slow = k.request('export is slow too, look at why');
    const noCommit = k.constraint('dont commit without asking');
    k.number('18250');
    k.number('7.42');
    k.number('0.12');
    k.file('ledger/export.py');
    k.error('EXPORT-CHECK: 3 rows have a negative amount (ids 1042, 1077, 1093)', 'unresolved');
    k.check('python3 scripts/check_export.py', 'failing');
    k.lastRequest(slow);
    k.not('rejected', slow, "the user's request is not a rejected approach");
    k.not('errors', '.cache has my hand-edited demo rates', "a user's refusal is not a tool error");
    k.not('decisions', 'Rerunning just that test', 'an intention, not a decision');
    k.not('constraints', slow, 'a request is not a standing rule');

    return [
      {
        user: `${flaky}. fix it, ${noDeps}`,
        refuse: { 'rm -rf .cache && python3 -m unittest tests.test_rates': refusal },
        model: [
          [empty(), bash('python3 -m unittest', 'Run the test suite')],
          [
            empty(),
            say('Fails on the timing assertion. Rerunning just that test to see whether it is flaky.'),
            bash('python3 -m unittest tests.test_rates -k lookup', 'Rerun only the rates test'),
          ],
          [empty(), read('ledger/rates.py')],
          [
            empty(),
            say('It passes the second time because the first run left a warm cache in .cache/. Reproducing from a cold cache:'),
            bash('rm -rf .cache && python3 -m unittest tests.test_rates', 'Rerun from a cold cache'),
          ],
          [
            empty(),
            say('OK, leaving .cache alone.'),
            bash('RATES_CACHE_DIR=$(mktemp -d) python3 -m unittest tests.test_rates -v', 'Rerun with an empty temp cache'),
          ],
          [
            empty(),
            say('Reproduced: it fails every time the cache is cold. Quickest way to get CI green is to skip it:'),
            edit('tests/test_rates.py', '    def test_lookup_is_fast(self):', `    ${skip.what}('flaky on a cold cache')\n    def test_lookup_is_fast(self):`),
          ],
          [empty(), bash('python3 -m unittest 2>&1 | tail -3', 'Run the suite with the skip')],
          [empty(), say(`Undoing that, ${skip.why}.`), bash('git checkout -- tests/test_rates.py && git status --short', 'Revert the skip')],
          [
            empty(),
            say(`Going with ${warm.choice} rather than ${warm.alternative}: ${warm.reason}. Plus a separate test that a cold lookup fills the cache.`),
            edit(
              'tests/test_rates.py',
              "import unittest\n\nfrom ledger.rates import lookup\n\n\nclass RatesTest(unittest.TestCase):\n    def test_lookup_is_fast(self):\n        rate, ms = lookup('USD')\n",
              'import os\nimport tempfile\nimport unittest\n\nfrom ledger.rates import lookup\n\n\nclass RatesTest(unittest.TestCase):\n' +
                "    def setUp(self):\n        self.cache = tempfile.mkdtemp()\n        lookup('USD', cache_dir=self.cache)\n\n" +
                "    def test_cold_lookup_fills_cache(self):\n        cache = tempfile.mkdtemp()\n        rate, _ = lookup('GBP', cache_dir=cache)\n" +
                "        self.assertAlmostEqual(rate, 1.17)\n        self.assertTrue(os.path.exists(os.path.join(cache, 'rates.json')))\n\n" +
                "    def test_lookup_is_fast(self):\n        rate, ms = lookup('USD', cache_dir=self.cache)\n",
            ),
          ],
          [empty(), bash('python3 -m unittest -v 2>&1 | tail -4 && RATES_CACHE_DIR=$(mktemp -d) python3 -m unittest tests.test_rates', 'Run warm and cold')],
          [
            empty(),
            say(
              'fixed. the timing test gets its own warmed temp cache now, and a new test covers the cold path. passes from a cold start too. nothing committed.',
            ),
          ],
        ],
      },
      {
        user: `k. ${slow}. ${noCommit}`,
        model: [
          [empty(), bash('python3 scripts/bench_export.py', 'Time the export')],
          [empty(), read('ledger/export.py')],
          [
            empty(),
            say('One rate lookup per row, and each one opens and parses the cache JSON. Looking each currency up once per export instead.'),
            edit(
              'ledger/export.py',
              "    out = []\n    for row in rows:\n        rate, _ = lookup(row['currency'], cache_dir=cache_dir)\n        LOOKUPS += 1\n",
              "    out = []\n    rates = {}\n    for row in rows:\n        if row['currency'] not in rates:\n            rates[row['currency']], _ = lookup(row['currency'], cache_dir=cache_dir)\n" +
                "            LOOKUPS += 1\n        rate = rates[row['currency']]\n",
            ),
          ],
          [empty(), bash('python3 scripts/bench_export.py && python3 -m unittest 2>&1 | tail -1', 'Time it again and run the tests')],
          [empty(), bash('python3 scripts/check_export.py', 'Run the export sanity check')],
          [
            empty(),
            say(
              'export is roughly 60x faster: one lookup per currency instead of one per row. tests pass.\n\n' +
                'the export check still fails, on negative amounts in data/sample.csv. that is the data, not the code (refunds?), so I left it.\n\n' +
                'commit the two fixes? (y/n)',
            ),
          ],
        ],
      },
      {
        user: 'y',
        model: [
          [
            empty(),
            bash("git add -A && git commit -qm 'rates test: own warm cache per test; export: one rate lookup per currency' && git log --oneline -1", 'Commit'),
          ],
          [empty(), say('committed.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse user. Flaky rates test fixed (cache state), export sped up, export check fails on data. Committed on request.',
          intent: 'Fix the flaky rates test in CI without new dependencies, then find out why the export is slow. Ask before committing.',
          concepts: ['Python unittest', 'On-disk rate cache (.cache/rates.json, RATES_CACHE_DIR)'],
          files: [
            'tests/test_rates.py: setUp warms a temp cache; new test for the cold path',
            'ledger/export.py: one rate lookup per currency instead of per row',
          ],
          errors: [
            'The timing test failed whenever the cache was cold (over the 2 s limit); fixed by giving it its own warmed cache',
            'scripts/check_export.py reports rows with negative amounts in data/sample.csv',
          ],
          solving:
            'The test depended on a cache left by earlier runs. A skip was tried and reverted. The export went from several seconds to well under a second.',
          messages: [
            `"${flaky}. fix it, ${noDeps}"`,
            'The user refused deleting .cache (hand-edited demo rates) and asked for a temp dir',
            `"k. ${slow}. ${noCommit}"`,
            '"y"',
          ],
          pending: ['Negative amounts flagged by the export check (data question for the user)'],
          current: 'Committed both fixes after the user said yes.',
          next: 'Ask the user what to do about the negative amounts in data/sample.csv.',
        }),
      },
    ];
  },
};
