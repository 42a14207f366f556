// A Hong Kong user writing Cantonese (唔好, 唔使, 記住, 咗, 嘅) mixed with English tech words, and a small Python
// package (octofare: splitting bills, fare concessions) tested with pytest parametrize. English thinking in about
// half of the steps. A ModuleNotFoundError (octofare.money renamed _money) is fixed first; the user interrupts the
// agent ("[Request interrupted by user]") before it loops the suite for flakiness, and redirects. split_bill's
// parametrized cases are fixed; round() for half fares is tried and undone (half to even); integer half-up is kept.
// The student case stays failing (the rule is not decided yet); a commit is refused. --kind is added to the
// report; pyproject.toml gets testpaths. Three compactions.
// Written as a held-out scenario by a helper that never read the analysis code: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const MONEY =
  '"""Money parsing: always integer cents."""\n\n\ndef to_cents(text):\n    """\'HK$12.30\', \'HK$ 4.5\', \'$0.80\' -> integer cents."""\n' +
  '    digits = text.replace("HK$", "").replace("$", "").strip()\n    dollars, _, cents = digits.partition(".")\n' +
  '    return int(dollars) * 100 + int((cents + "00")[:2])\n';

const FARES =
  '"""Fares after concessions, and splitting a bill between friends. All amounts are integer cents."""\n' +
  'from octofare.money import to_cents\n\n# kind -> None (full fare), "half", or a flat fare in cents (capped at the full fare)\n' +
  'CONCESSION = {"adult": None, "child": "half", "elderly": 200}\n\n\ndef split_bill(total_cents, n):\n' +
  '    """Split total_cents into n shares; the first shares get the extra cents."""\n    base, extra = divmod(total_cents, n)\n' +
  '    return [base] * (n - extra) + [base + 1] * extra\n\n\ndef concession(fare_cents, kind):\n    rule = CONCESSION[kind]\n' +
  '    if rule is None:\n        return fare_cents\n    if rule == "half":\n        return int(fare_cents / 2)\n    return min(rule, fare_cents)\n\n\n' +
  'def fare_from_text(text, kind="adult"):\n    return concession(to_cents(text), kind)\n';

const REPORT =
  '"""python3 -m octofare.report TRIPS.csv: trips per kind and the fare total after concessions."""\n' +
  'import csv\nimport sys\nfrom collections import Counter\n\nfrom octofare.fares import fare_from_text\n\n\ndef main(argv):\n    path = argv[0]\n' +
  '    kinds = Counter()\n    total = 0\n    with open(path, newline="") as f:\n        for row in csv.DictReader(f):\n' +
  '            kinds[row["kind"]] += 1\n            total += fare_from_text(row["fare"], row["kind"])\n' +
  '    print(f"trips: {sum(kinds.values())}")\n    for kind, n in sorted(kinds.items()):\n        print(f"  {kind}: {n}")\n' +
  '    print(f"total: HK${total // 100:,}.{total % 100:02d}")\n    return 0\n\n\nif __name__ == "__main__":\n    sys.exit(main(sys.argv[1:]))\n';

const TESTS =
  'import pytest\n\nfrom octofare import concession, split_bill\nfrom octofare.fares import fare_from_text\n\n\n' +
  '@pytest.mark.parametrize("total,n,first", [(100, 3, 34), (10, 4, 3), (99, 3, 33), (7, 2, 4), (1000, 7, 143)])\n' +
  'def test_split_first(total, n, first):\n    assert split_bill(total, n)[0] == first\n\n\n' +
  '@pytest.mark.parametrize("total,n", [(100, 3), (10, 4), (1, 5), (1000, 7)])\ndef test_split_sums(total, n):\n' +
  '    shares = split_bill(total, n)\n    assert len(shares) == n and sum(shares) == total\n\n\n' +
  '@pytest.mark.parametrize(\n    "fare,kind,expected",\n    [(1230, "adult", 1230), (1230, "child", 615), (15, "child", 8), (9, "child", 5), (1230, "elderly", 200), (150, "elderly", 150), (1250, "student", 625)],\n)\n' +
  'def test_concession(fare, kind, expected):\n    assert concession(fare, kind) == expected\n\n\n' +
  '@pytest.mark.parametrize("text,cents", [("HK$12.30", 1230), ("HK$ 4.5", 450), ("$0.80", 80)])\ndef test_fare_from_text(text, cents):\n' +
  '    assert fare_from_text(text) == cents\n';

const FARE_LIST = ['HK$4.50', 'HK$5.40', 'HK$9.70', 'HK$12.30', 'HK$15.90', 'HK$27.30', 'HK$6.85', 'HK$11.15'];
const KINDS = ['adult', 'adult', 'child', 'adult', 'elderly', 'adult', 'child'];
const TRIPS =
  'kind,fare\n' +
  Array.from(
    { length: 2417 },
    (_, i) => `${KINDS[(i * 3 + Math.floor(i / 7)) % KINDS.length]},${FARE_LIST[(i * 5 + Math.floor(i / 11)) % FARE_LIST.length]}\n`,
  ).join('');

export const scenario = {
  name: 'pytest-cantonese-interrupt',
  about:
    'held out: Hong Kong user writing Cantonese mixed with English, Python package tested with pytest parametrize; English thinking in about half the steps; ModuleNotFoundError fixed; user interrupts ("[Request interrupted by user]") and redirects; split_bill cases fixed; round() tried and undone; student case left failing; commit refused; --kind added; three compactions',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n.pytest_cache/\n',
    'README.md': '# octofare\n\n八達通車費計算同夾數。\n',
    'octofare/__init__.py': 'from octofare.fares import concession, split_bill\n\n__all__ = ["concession", "split_bill"]\n',
    'octofare/_money.py': MONEY,
    'octofare/fares.py': FARES,
    'octofare/report.py': REPORT,
    'tests/__init__.py': '',
    'tests/test_fares.py': TESTS,
    'data/trips.csv': TRIPS,
  },
  build(k, { edit, write }) {
    const fixReq = k.request('幫我搞掂 pytest 啲 fail');
    const expected = k.constraint('唔好改 tests 入面嘅 expected 值');
    const noFloat = k.constraint('記住計錢唔好用 float');
    k.error("ModuleNotFoundError: No module named 'octofare.money'", 'resolved');
    k.file('octofare/fares.py');
    k.error('FAILED tests/test_fares.py::test_split_first[100-3-34] - assert 33 == 34', 'resolved');
    k.error('FAILED tests/test_fares.py::test_concession[15-child-8]', 'resolved');
    const first = k.decision(
      'give the extra cents to the first shares',
      'the docstring promises the first shares get them',
      'rewriting the docstring to match the code',
    );
    const rnd = k.rejected('return round(fare_cents / 2)', 'round() rounds half to even, so 4.5 becomes 4');
    const halfUp = k.decision('integer half-up: add one, then floor-divide by two', 'it never leaves integer cents', 'Decimal with ROUND_HALF_UP');
    k.error('FAILED tests/test_fares.py::test_concession[1250-student-625]', 'unresolved');
    const refusal = k.refusal('唔好住 commit，student 嗰個我要問咗老細先');
    const kindReq = k.request('report 加個 --kind 淨係計某一類');
    const kindChoice = k.decision(
      'argparse with the choices taken from the CONCESSION table',
      'a typo in the kind fails loudly instead of printing zero trips',
      'a bare sys.argv check',
    );
    k.file('octofare/report.py');
    k.number('2417');
    k.number('1381');
    k.number('21,846.91');
    k.number('691');
    k.number('4,228.81');
    const tomlReq = k.request('整個 pyproject.toml，入面 set 好 pytest 嘅 testpaths');
    k.file('pyproject.toml');
    k.lastRequest(tomlReq);
    k.check('python3 -m pytest', 'failing');
    k.not('decisions', rnd.what, 'tried and undone: a rejected approach');
    k.not('rejected', halfUp.choice, 'the fix that was kept is not a dead end');
    k.not('rejected', kindChoice.alternative, 'a dismissed alternative, never tried');
    k.not('constraints', kindReq, 'a request is not a standing rule');
    k.not('errors', '我要問咗老細先', "a user's refusal is not a tool error");
    k.not('numbers', '20', 'the loop count the agent proposed, not a measurement');

    const pytest = 'python3 -m pytest -q 2>&1 | tail -n 15';
    const pytestOne = 'python3 -m pytest -q tests/test_fares.py 2>&1 | tail -n 12';
    const commit = 'git add -A && git commit -qm "Fix octofare import, split_bill and child fares" && git log --oneline -1';
    const interrupted = { text: '[Request interrupted by user]' };
    const splitOld = '    return [base] * (n - extra) + [base + 1] * extra\n';
    const halfOld = '        return int(fare_cents / 2)\n';

    return [
      {
        user:
          `hi，octofare 個 package 而家 pytest 成堆 fail，${fixReq}。run 法係 python3 -m pytest。` +
          `有兩樣嘢：${expected}，嗰啲數係 finance 俾嘅；同埋${noFloat}，全部用 cents (int)。`,
        model: [
          [think('Run the suite as the user does and look at the tail.'), bash(pytest, 'Run pytest')],
          [think(''), bash('ls octofare/ && grep -n "import" octofare/fares.py', 'Look at the package')],
          [
            think(
              'The module is octofare/_money.py; fares.py still imports octofare.money. Fix the import, not the file name, since other code may import _money.',
            ),
            edit('octofare/fares.py', 'from octofare.money import to_cents\n', 'from octofare._money import to_cents\n'),
          ],
          [think(''), bash(pytest, 'Run pytest')],
          [
            say(
              'Import 搞掂咗。而家 fail 嘅係 `test_split_first` 幾個 case 同 `test_concession` 嘅 child / student。\n\n' +
                '改之前我想 loop 成個 suite 20 次，睇下啲 split 嘅 fail 係咪 flaky：\n\n```\nfor i in $(seq 20); do python3 -m pytest -q -p no:randomly; done\n```',
            ),
          ],
        ],
      },
      { user: interrupted, model: [[think(''), say('Stopped.')]] },
      {
        user: '唔使 loop，啲 test 唔係 flaky 嘅，split_bill 直頭計錯咗。淨係 run tests/test_fares.py 就得',
        model: [
          [
            think(
              `split_bill puts the remainder at the end. Either ${first.alternative}, or ${first.choice}; the tests and ${first.reason}, so the code changes.`,
            ),
            edit('octofare/fares.py', splitOld, '    return [base + 1] * extra + [base] * (n - extra)\n'),
          ],
          [think(''), bash(pytestOne, 'Run the fares tests')],
          [say('split 嘅 case 過咗。child 半價用 `int()` 截斷咗，試下 `round()`。'), edit('octofare/fares.py', halfOld, `        ${rnd.what}\n`)],
          [think(''), bash(pytestOne, 'Run the fares tests')],
          [
            think(
              `[15-child-8] passes now but [9-child-5] fails: ${rnd.why}. Undo it. ${halfUp.choice}: ${halfUp.reason}, which is what the user asked for; ` +
                `${halfUp.alternative} would work too but drags the decimal module into one line.`,
            ),
            edit('octofare/fares.py', `        ${rnd.what}\n`, '        return (fare_cents + 1) // 2\n'),
          ],
          [think(''), bash(pytestOne, 'Run the fares tests')],
          [think(''), say('淨返 student 一個 case：`CONCESSION` 冇 student 呢類。我 commit 住其他嘢先。'), bash(commit, 'Commit')],
          [say('明白，唔 commit。而家淨係 `test_concession[1250-student-625]` 仲 fail，等你問清楚 student 點計。')],
        ],
        refuse: { [commit]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'octofare: import fixed, split_bill and child half fares fixed; the student concession is undecided.',
          intent: 'Make pytest pass without touching expected values in the tests; money stays in integer cents.',
          concepts: ['pytest parametrize', 'integer cents', 'half-up rounding'],
          files: ['octofare/fares.py: import, split_bill order, half fare'],
          errors: ['Import error for the renamed money module; fixed', 'split and child cases failed; fixed'],
          solving: 'round() was tried for half fares and undone.',
          messages: [
            'Fix the failing tests; never change expected values; no float',
            'Interrupted the flakiness loop: just run test_fares.py',
            'Refused the commit until the student rule is known',
          ],
          pending: ['Student concession'],
          current: 'One case failing (student).',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ok 老細話 student 下個禮拜先話我知。${kindReq}，例如 --kind child。`,
        model: [
          [bash('python3 -m octofare.report data/trips.csv', 'Run the report')],
          [
            think(`${kindChoice.choice}, not ${kindChoice.alternative}: ${kindChoice.reason}.`),
            edit(
              'octofare/report.py',
              'def main(argv):\n    path = argv[0]\n',
              'def main(argv):\n    parser = argparse.ArgumentParser(prog="octofare.report")\n    parser.add_argument("trips")\n' +
                '    parser.add_argument("--kind", choices=sorted(CONCESSION))\n    args = parser.parse_args(argv)\n',
            ),
          ],
          [
            think(''),
            edit(
              'octofare/report.py',
              '    with open(path, newline="") as f:\n        for row in csv.DictReader(f):\n',
              '    with open(args.trips, newline="") as f:\n        for row in csv.DictReader(f):\n            if args.kind and row["kind"] != args.kind:\n                continue\n',
            ),
          ],
          [
            think(''),
            edit(
              'octofare/report.py',
              'import csv\nimport sys\nfrom collections import Counter\n\nfrom octofare.fares import fare_from_text\n',
              'import argparse\nimport csv\nimport sys\nfrom collections import Counter\n\nfrom octofare.fares import CONCESSION, fare_from_text\n',
            ),
          ],
          [
            think(''),
            bash('python3 -m octofare.report data/trips.csv --kind child; python3 -m octofare.report data/trips.csv --kind kid 2>&1 | tail -n 1', 'Try --kind'),
          ],
          [say('`--kind` 加咗，打錯 kind 會即刻報錯。')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'octofare: tests fixed except the student case; the report gained --kind.',
          intent: 'Fix tests (expected values untouched, integer cents), then a --kind filter for the report.',
          concepts: ['argparse choices'],
          files: ['octofare/fares.py', 'octofare/report.py: --kind'],
          errors: ['student case still failing'],
          solving: 'Kinds come from the concession table.',
          messages: ['Earlier messages are in the previous summary', 'Student rule next week; add --kind to the report'],
          pending: ['Student concession'],
          current: '--kind works.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `好。最後${tomlReq}，咁淨係打 pytest 都得`,
        model: [
          [
            think('Minimal pyproject: only the pytest section, no build backend needed for this.'),
            write('pyproject.toml', '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'),
          ],
          [think(''), bash('python3 -m pytest -q 2>&1 | tail -n 3', 'Run pytest')],
          [say('`pyproject.toml` 整好咗，`testpaths = ["tests"]`。pytest 仍然淨係 student 一個 case fail。')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'octofare: pyproject.toml with testpaths; student case still failing.',
          intent: 'Keep tests passing without changing expected values; integer cents.',
          concepts: ['pytest configuration'],
          files: ['pyproject.toml: testpaths'],
          errors: ['student case (rule pending)'],
          solving: 'None new.',
          messages: ['Earlier messages are in the previous summaries', 'Add pyproject.toml with testpaths'],
          pending: ['Student concession'],
          current: 'pyproject.toml added.',
          next: 'None.',
        }),
      },
    ];
  },
};
