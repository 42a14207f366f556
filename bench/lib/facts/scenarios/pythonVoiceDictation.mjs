// A user dictating by voice: English with no punctuation, run-on sentences, dictation artifacts ("period",
// "new line", "dot pie") and homophones ("right a test" for "write a test", "there" for "their"), on a
// small Python package (userstats) that loads the app's JSON event exports, tested with pytest over a
// tests/fixtures/ folder of JSON files the user forbids touching. The model writes no thinking text
// (`thinking: false`): its choices are in its replies. The nightly script dies on `KeyError: 'user_id'`
// (the mobile export says userId); a json object_hook that renames every key is tried and reverted
// because it also renames the keys inside props; the fix is a fallback for that one field. A fixture with
// 2024-02-30 keeps one test failing (`ValueError: day is out of range for month`) to the end. The user
// refuses an `rm -rf build dist` (the old tarball is in dist/). A --since option runs into a naive/aware
// datetime comparison, fixed. Numbers: the script's "records loaded N skipped M" lines and pytest's
// duration (tee'd to logs/, read back at scoring, since it varies). Only the final /compact.
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const EVENTS = ['app_open', 'login', 'view', 'view', 'view', 'search', 'add_to_cart', 'checkout', 'logout'];
const SCREENS = ['Home', 'Cart', 'Search', 'Product', 'Profile'];

/** 1251 raw records over March 4–15 2024, web (naive UTC timestamps) and mobile (userId, +00:00). */
function exports() {
  let seed = 20240304;
  const rand = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const files = new Map();
  const loaded = [];
  let skipped = 0;
  const total = 1251;
  for (let i = 0; i < total; i++) {
    const day = 4 + Math.floor((i * 12) / total);
    const mobile = i % 3 === 0;
    const date = `2024-03-${String(day).padStart(2, '0')}`;
    const time = `${String(rand(24)).padStart(2, '0')}:${String(rand(60)).padStart(2, '0')}:${String(rand(60)).padStart(2, '0')}`;
    const user = mobile ? `m-${9000 + rand(180)}` : `w-${100 + rand(240)}`;
    const record = mobile ? { userId: user } : { user_id: user };
    const bad = i % 74 === 5;
    if (bad) {
      if (i % 2) record.event = '';
      skipped++;
    } else record.event = EVENTS[rand(EVENTS.length)];
    record.ts = mobile ? `${date}T${time}+00:00` : `${date}T${time}`;
    if (record.event === 'view') record.props = { screenName: SCREENS[rand(SCREENS.length)] };
    if (record.event && record.event !== 'login' && record.event !== 'logout') record.duration_ms = 200 + rand(30000);
    const name = `data/${mobile ? 'mobile' : 'web'}_${date}.json`;
    if (!files.has(name)) files.set(name, []);
    files.get(name).push(record);
    if (!bad) loaded.push({ user, date });
  }
  const text = {};
  for (const [name, records] of files) {
    text[name] = `{"source": "${name.includes('mobile') ? 'mobile' : 'web'}", "records": [\n${records.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]}\n`;
  }
  const since = loaded.filter((r) => r.date >= '2024-03-11');
  return {
    text,
    loaded: loaded.length,
    skipped,
    users: new Set(loaded.map((r) => r.user)).size,
    sinceLoaded: since.length,
    sinceUsers: new Set(since.map((r) => r.user)).size,
  };
}

const DATA = exports();

const LOADER = `"""Load exported event files (JSON) into plain dicts."""
import glob
import json
import os
from datetime import datetime


def parse_ts(value):
    """ISO-8601 timestamp from the export -> datetime."""
    return datetime.fromisoformat(value)


def normalize(raw):
    return {
        "user_id": raw["user_id"],
        "event": raw["event"],
        "ts": parse_ts(raw["ts"]),
        "duration_ms": int(raw.get("duration_ms", 0)),
        "props": raw.get("props", {}),
    }


def load_file(path):
    """Records of one export file; records without an event type are skipped."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    records, skipped = [], 0
    for raw in data["records"]:
        if not raw.get("event"):
            skipped += 1
            continue
        records.append(normalize(raw))
    return records, skipped


def load_dir(folder):
    records, skipped = [], 0
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        got, bad = load_file(path)
        records.extend(got)
        skipped += bad
    return records, skipped
`;

const ROLLUP = `"""Roll-ups the dashboard shows."""
from collections import Counter


def weekly_counts(records):
    """Events per ISO week: {"2024-W10": 12, ...}."""
    out = Counter()
    for r in records:
        year, week, _ = r["ts"].isocalendar()
        out[f"{year}-W{week:02d}"] += 1
    return dict(out)


def unique_users(records):
    return len({r["user_id"] for r in records})
`;

const LOAD_ALL = `"""Nightly load: python3 scripts/load_all.py DATA_DIR"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from userstats.loader import load_dir  # noqa: E402
from userstats.rollup import unique_users  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir")
    args = parser.parse_args()
    records, skipped = load_dir(args.data_dir)
    print(f"records loaded {len(records)} skipped {skipped}")
    print(f"unique users {unique_users(records)}")


if __name__ == "__main__":
    main()
`;

const TEST_LOADER = `import os

from userstats.loader import load_file

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def test_load_web_export():
    records, skipped = load_file(os.path.join(FIXTURES, "web_export.json"))
    assert [r["user_id"] for r in records] == ["w-101", "w-101", "w-205"]
    assert skipped == 0


def test_props_passthrough():
    records, _ = load_file(os.path.join(FIXTURES, "web_export.json"))
    assert records[1]["props"] == {"screenName": "Home"}


def test_missing_duration_is_zero():
    records, _ = load_file(os.path.join(FIXTURES, "web_export.json"))
    assert records[2]["duration_ms"] == 0
`;

const TEST_ROLLUP = `import os

from userstats.loader import load_file
from userstats.rollup import unique_users, weekly_counts

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def test_weekly_counts():
    records, _ = load_file(os.path.join(FIXTURES, "week.json"))
    assert weekly_counts(records) == {"2024-W09": 3, "2024-W10": 1}


def test_unique_users():
    records, _ = load_file(os.path.join(FIXTURES, "web_export.json"))
    assert unique_users(records) == 2
`;

const FIXTURES = {
  'tests/fixtures/web_export.json':
    '{"source": "web", "records": [\n' +
    '  {"user_id": "w-101", "event": "login", "ts": "2024-03-04T08:00:00", "duration_ms": 0},\n' +
    '  {"user_id": "w-101", "event": "view", "ts": "2024-03-04T08:01:10", "duration_ms": 5400, "props": {"screenName": "Home"}},\n' +
    '  {"user_id": "w-205", "event": "login", "ts": "2024-03-05T21:12:00"}\n]}\n',
  'tests/fixtures/mobile_export.json':
    '{"source": "mobile", "records": [\n' +
    '  {"userId": "m-9001", "event": "app_open", "ts": "2024-03-06T07:30:00+00:00", "duration_ms": 0},\n' +
    '  {"userId": "m-9001", "event": "view", "ts": "2024-03-06T07:30:45+00:00", "duration_ms": 12000, "props": {"screenName": "Cart"}},\n' +
    '  {"userId": "m-9044", "event": "app_open", "ts": "2024-03-06T19:02:00+00:00"},\n' +
    '  {"userId": "m-9044", "event": "", "ts": "2024-03-06T19:02:01+00:00"}\n]}\n',
  'tests/fixtures/week.json':
    '{"source": "web", "records": [\n' +
    '  {"user_id": "w-101", "event": "login", "ts": "2024-02-26T08:00:00"},\n' +
    '  {"user_id": "w-101", "event": "view", "ts": "2024-02-28T09:00:00"},\n' +
    '  {"user_id": "w-300", "event": "login", "ts": "2024-02-30T10:00:00"},\n' +
    '  {"user_id": "w-300", "event": "login", "ts": "2024-03-04T10:00:00"}\n]}\n',
};

/** pytest's duration in the summary line of the run the session tee'd to logs/pytest.txt ("0.41"). */
function pytestSeconds(project) {
  const path = join(project, 'logs/pytest.txt');
  if (!existsSync(path)) return 'logs/pytest.txt: duration (not generated yet)';
  const match = /(?:passed|failed)[^\n]* in ([\d.]+)s\b/.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : 'logs/pytest.txt: no duration';
}

export const scenario = {
  name: 'python-voice-dictation',
  about:
    'held out: a user dictating by voice (no punctuation, run-on, "right a test", "there" for "their", "period"), Python package with pytest and a JSON fixtures folder the user forbids touching, no thinking text; KeyError: \'user_id\' fixed after an object_hook is tried and reverted; a fixture-caused ValueError left failing; a refused rm -rf build dist; a naive/aware TypeError from --since fixed; records loaded/skipped lines and pytest\'s duration (tee\'d, read back); only the final /compact',
  requires: ['python3', 'git', 'tee'],
  thinking: false,
  files: {
    '.gitignore': '__pycache__/\n.pytest_cache/\nbuild/\ndist/\n*.egg-info/\nlogs/\n',
    'README.md':
      "# userstats\n\nLoads the app's nightly event exports (`data/*.json`) and rolls them up for the dashboard.\n\n" +
      '    python3 scripts/load_all.py data\n    python3 -m pytest\n\n' +
      'Timestamps: the web export writes UTC without an offset; the mobile export writes `+00:00`.\n' +
      'The files in `tests/fixtures/` belong to the data team.\n',
    'CHANGELOG.md': '# Changelog\n\n## 0.3.0\n\n- `duration_ms` defaults to 0 when missing\n- `props` passed through as exported\n',
    'pyproject.toml':
      '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n' +
      '[project]\nname = "userstats"\nversion = "0.3.0"\ndescription = "Load and roll up the app event exports"\nrequires-python = ">=3.8"\n\n' +
      '[tool.setuptools]\npackages = ["userstats"]\n',
    'setup.py': 'from setuptools import setup\n\nsetup()\n',
    'userstats/__init__.py': '"""userstats: load the app\'s exported event files and roll them up."""\n__version__ = "0.3.0"\n',
    'userstats/loader.py': LOADER,
    'userstats/rollup.py': ROLLUP,
    'scripts/load_all.py': LOAD_ALL,
    'tests/__init__.py': '',
    'tests/test_loader.py': TEST_LOADER,
    'tests/test_rollup.py': TEST_ROLLUP,
    ...FIXTURES,
    ...DATA.text,
    'dist/userstats-0.3.0.tar.gz': 'userstats-0.3.0 (sent to the data team)\n',
  },
  build(k, { project, edit }) {
    const fixReq = k.request('can you fix the loader so the script runs again');
    const testReq = k.request('right a test for the mobile export');
    const fixtures = k.constraint('dont touch anything in tests fixtures');
    const py38 = k.constraint('it has to run on python three eight');
    k.error("KeyError: 'user_id'", 'resolved');
    k.error('ValueError: day is out of range for month', 'unresolved');
    k.error("AssertionError: assert {'screen_name': 'Home'} == {'screenName': 'Home'}", 'resolved');
    const hook = k.rejected('object_hook', "it renames the keys inside props too, and those are the app's own screen names");
    const fallback = k.decision(
      'fall back to userId when user_id is missing',
      'only that one field was renamed in the mobile export',
      'a table that maps every camelCase key',
    );
    k.file('userstats/loader.py');
    k.file('tests/test_loader.py');
    k.number(String(DATA.loaded));
    k.number(String(DATA.skipped));
    k.number(String(DATA.users));
    const tarballReq = k.request('make a new tarball for the data team');
    k.file('pyproject.toml');
    k.file('userstats/__init__.py');
    const refusal = k.refusal('no wait dont delete dist the old tarball is in there and i need it to diff against the new one before i send anything');
    const sinceReq = k.request('add a since option to the script');
    const timingReq = k.request('run the tests again and tell me how long they take');
    k.error("TypeError: can't compare offset-naive and offset-aware datetimes", 'resolved');
    const utc = k.decision(
      'treat timestamps without an offset as UTC',
      'the README says the web export writes UTC without an offset',
      'stripping the offset from the mobile timestamps',
    );
    const filter = k.decision(
      'filter by date in the script after loading',
      'the nightly job calls load_dir and has to keep loading everything',
      'a since parameter on load_dir',
    );
    k.file('scripts/load_all.py');
    k.number(String(DATA.sinceLoaded));
    k.number(String(DATA.sinceUsers));
    k.number(pytestSeconds(project));
    const changelogReq = k.request('add a line to the change log about the user id fix and the since option');
    k.file('CHANGELOG.md');
    k.lastRequest(changelogReq);
    k.check('python3 -m pytest', 'failing');
    k.not('errors', 'i need it to diff against the new one', "a user's refusal is not a tool error");
    k.not('constraints', tarballReq, 'a request is not a standing rule');
    k.not('decisions', hook.what, 'tried and reverted: a rejected approach');
    k.not('rejected', fallback.alternative, 'weighed in the reply, never tried');
    k.not('numbers', '1500', 'a figure the user dictated, not a measurement');
    k.not('rejected', filter.alternative, 'weighed in the reply, never tried');

    const tests = 'python3 -m pytest -q 2>&1 | tail -n 15';
    const rmBuild = 'rm -rf build dist && python3 setup.py -q sdist 2>&1 | tail -n 3 && ls -l dist';
    const mobileTest =
      '\n\ndef test_load_mobile_export():\n    records, skipped = load_file(os.path.join(FIXTURES, "mobile_export.json"))\n' +
      '    assert [r["user_id"] for r in records] == ["m-9001", "m-9001", "m-9044"]\n    assert skipped == 1\n';
    const hookOld = '    with open(path, encoding="utf-8") as f:\n        data = json.load(f)\n';
    const hookNew = '    with open(path, encoding="utf-8") as f:\n        data = json.load(f, object_hook=_snake_keys)\n';
    const hookHelper =
      'def _snake_keys(obj):\n    """json object_hook: camelCase keys -> snake_case (userId -> user_id)."""\n' +
      '    return {re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower(): value for key, value in obj.items()}\n\n\ndef parse_ts(value):';

    return [
      {
        user:
          'okay so the nightly load script crashed again last night i think its because the mobile team changed there export format again ' +
          `${fixReq} its scripts load all dot pie and the data is in the data folder and also ${testReq} theres a fixture for it already in tests fixtures called mobile export dot json period ` +
          `oh and ${fixtures} those files come from the data team and they check them against there own copies new line the weekly counts test is already broken ` +
          `thats not you its a bad date in one of there fixtures they know about it and ${py38} because there server is still on that`,
        model: [
          [empty(), say('Let me reproduce the crash first.'), bash('python3 scripts/load_all.py data 2>&1 | tail -n 12', 'Run the nightly load script')],
          [
            empty(),
            say(
              'The mobile records call the field `userId` instead of `user_id`. Let me check the fixture and the current state of the tests before changing anything.',
            ),
            bash('head -c 400 tests/fixtures/mobile_export.json; echo; ' + tests, 'Look at the mobile fixture and run the tests'),
          ],
          [
            empty(),
            say(
              'As you said, only `test_weekly_counts` fails right now, on the fixture with the bad date. Writing the mobile test first so it shows the crash:',
            ),
            edit('tests/test_loader.py', '    assert records[2]["duration_ms"] == 0\n', `    assert records[2]["duration_ms"] == 0${mobileTest}`),
          ],
          [
            empty(),
            say('Now the loader. The quickest general fix is to convert every camelCase key to snake_case as the JSON is parsed, with an `object_hook`:'),
            edit('userstats/loader.py', 'import os\n', 'import os\nimport re\n'),
          ],
          [empty(), edit('userstats/loader.py', 'def parse_ts(value):', hookHelper)],
          [empty(), edit('userstats/loader.py', hookOld, hookNew)],
          [empty(), bash('python3 -m pytest -q 2>&1 | grep -E "^E |passed|failed"', 'Run the tests')],
          [
            empty(),
            say(
              `That fixes the mobile test but breaks \`test_props_passthrough\`: ${hook.why}, and they have to pass through as exported. ` +
                'Reverting the object_hook.',
            ),
            bash('git checkout -- userstats/loader.py && git status --short', 'Revert the loader'),
          ],
          [
            empty(),
            say(
              `Going with something narrower: I'll ${fallback.choice}, rather than ${fallback.alternative}, because ${fallback.reason}; everything else in the record is the same in both exports. ` +
                'It is plain `dict.get`, so nothing newer than Python 3.8.',
            ),
            edit(
              'userstats/loader.py',
              '        "user_id": raw["user_id"],\n',
              '        # the mobile export (since March 2024) sends userId\n        "user_id": raw["user_id"] if "user_id" in raw else raw["userId"],\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [empty(), bash('python3 scripts/load_all.py data', 'Run the nightly load script')],
          [
            empty(),
            say(
              'The script runs again.\n\n' +
                '- **Cause:** the mobile export now calls the user field `userId`; `normalize()` only knew `user_id`.\n' +
                '- **Fix:** `userstats/loader.py` reads `user_id` and falls back to `userId`. I first tried converting every key with a JSON `object_hook`, but that also rewrote the keys inside `props`, so I backed it out.\n' +
                '- **Test:** `test_load_mobile_export` in `tests/test_loader.py` uses the existing `tests/fixtures/mobile_export.json`; nothing under `tests/fixtures/` was changed.\n\n' +
                "pytest: everything passes except `test_weekly_counts`, which still fails on the bad date in the data team's fixture. The record counts from the script are in the output above.",
            ),
          ],
        ],
      },
      {
        user: `perfect thanks a lot so now can you ${tarballReq} and bump the version to zero point four point oh there going to install it on there side tomorrow morning`,
        model: [
          [empty(), say('Bumping the version in both places it is written.'), edit('pyproject.toml', 'version = "0.3.0"\n', 'version = "0.4.0"\n')],
          [empty(), edit('userstats/__init__.py', '__version__ = "0.3.0"\n', '__version__ = "0.4.0"\n')],
          [empty(), say('Building the sdist from a clean tree:'), bash(rmBuild, 'Clean and build the sdist')],
          [
            empty(),
            say('Got it, dist/ stays as it is. An sdist of the new version just lands next to the old one, so nothing needs deleting:'),
            bash('python3 setup.py -q sdist 2>&1 | tail -n 3; ls -l dist', 'Build the sdist next to the old one'),
          ],
          [
            empty(),
            say(
              'Done: `dist/userstats-0.4.0.tar.gz` is built, and `dist/userstats-0.3.0.tar.gz` is untouched next to it, so you can diff them before sending. ' +
                'The warnings are setuptools saying `[tool.setuptools]` in pyproject.toml is still beta; harmless.',
            ),
          ],
        ],
        refuse: { [rmBuild]: refusal },
      },
      {
        user:
          `great now ${sinceReq} so i can load only from a certain date like since march eleventh and tell me how many records that gives me we usually get around 1500 a week ` +
          `so i want to see if its in that range and then ${timingReq} its getting slow on my laptop`,
        model: [
          [
            empty(),
            say(`I'll ${filter.choice}, not ${filter.alternative}: ${filter.reason}, and the option is only about what this run reports.`),
            edit(
              'scripts/load_all.py',
              '    parser.add_argument("data_dir")\n    args = parser.parse_args()\n    records, skipped = load_dir(args.data_dir)\n',
              '    parser.add_argument("data_dir")\n    parser.add_argument("--since", help="only records at or after this date (YYYY-MM-DD)")\n    args = parser.parse_args()\n' +
                '    records, skipped = load_dir(args.data_dir)\n    if args.since:\n        since = datetime.fromisoformat(args.since)\n        records = [r for r in records if r["ts"] >= since]\n',
            ),
          ],
          [
            empty(),
            edit('scripts/load_all.py', 'import argparse\nimport os\nimport sys\n', 'import argparse\nimport os\nimport sys\nfrom datetime import datetime\n'),
          ],
          [empty(), bash('python3 scripts/load_all.py data --since 2024-03-11 2>&1 | tail -n 4', 'Load since March 11')],
          [
            empty(),
            say(
              'The mobile timestamps carry `+00:00` and the web ones carry no offset, and Python refuses to compare the two kinds. ' +
                `I'll ${utc.choice} instead of ${utc.alternative}, because ${utc.reason}, so both end up on the same clock without losing anything.`,
            ),
            edit(
              'userstats/loader.py',
              'from datetime import datetime\n\n\ndef parse_ts(value):\n    """ISO-8601 timestamp from the export -> datetime."""\n    return datetime.fromisoformat(value)\n',
              'from datetime import datetime, timezone\n\n\ndef parse_ts(value):\n    """ISO-8601 timestamp from the export -> aware datetime; no offset means UTC."""\n' +
                '    ts = datetime.fromisoformat(value)\n    if ts.tzinfo is None:\n        ts = ts.replace(tzinfo=timezone.utc)\n    return ts\n',
            ),
          ],
          [
            empty(),
            edit(
              'scripts/load_all.py',
              'from userstats.loader import load_dir  # noqa: E402\n',
              'from userstats.loader import load_dir, parse_ts  # noqa: E402\n',
            ),
          ],
          [empty(), edit('scripts/load_all.py', '        since = datetime.fromisoformat(args.since)\n', '        since = parse_ts(args.since)\n')],
          [empty(), edit('scripts/load_all.py', 'import sys\nfrom datetime import datetime\n', 'import sys\n')],
          [
            empty(),
            edit(
              'tests/test_loader.py',
              '    assert skipped == 1\n',
              '    assert skipped == 1\n\n\ndef test_web_and_mobile_timestamps_compare():\n' +
                '    web, _ = load_file(os.path.join(FIXTURES, "web_export.json"))\n    mobile, _ = load_file(os.path.join(FIXTURES, "mobile_export.json"))\n' +
                '    assert web[0]["ts"] < mobile[0]["ts"]\n',
            ),
          ],
          [empty(), bash('python3 scripts/load_all.py data --since 2024-03-11 && python3 scripts/load_all.py data', 'Load since March 11, then everything')],
          [empty(), bash('mkdir -p logs && python3 -m pytest -q 2>&1 | tee logs/pytest.txt | tail -n 4', 'Run the tests and keep the output')],
          [
            empty(),
            say(
              '`--since` works:\n\n```\npython3 scripts/load_all.py data --since 2024-03-11\n```\n\n' +
                '- The first run crashed comparing timestamps with and without an offset; `parse_ts()` now returns UTC-aware datetimes for both, and a new test compares a web and a mobile timestamp.\n' +
                '- The counts are in the output above, first from March 11 on, then everything. March 11 to 15 is only five days of exports, so compare it with your weekly number with that in mind.\n' +
                '- The test run (its timing is on the last line above) is saved in `logs/pytest.txt`; `test_weekly_counts` is still the only failure, on the fixture date.',
            ),
          ],
        ],
      },
      {
        user: `okay cool last thing ${changelogReq} thanks`,
        model: [
          [
            empty(),
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## 0.4.0\n\n- Mobile exports: read `userId` when `user_id` is missing (fixes the KeyError in the nightly load)\n' +
                '- `scripts/load_all.py --since YYYY-MM-DD`; timestamps without an offset are read as UTC\n\n',
            ),
          ],
          [empty(), say('Added a 0.4.0 section to `CHANGELOG.md` with both changes.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'User dictates by voice. userstats: the nightly script crashed on the mobile export; fixed, tested, version bumped to 0.4.0, --since added.',
          intent:
            'Fix the loader for the mobile export and write a test, build a new tarball, add --since, report timings, update the changelog. Do not touch tests/fixtures; must run on Python 3.8.',
          concepts: ['pytest', 'JSON exports', 'aware vs naive datetimes', 'setuptools sdist'],
          files: [
            'userstats/loader.py: user id fallback, UTC timestamps',
            'tests/test_loader.py: mobile and timestamp tests',
            'scripts/load_all.py: --since',
            'pyproject.toml, userstats/__init__.py: 0.4.0',
            'CHANGELOG.md: 0.4.0',
          ],
          errors: [
            'Mobile records had no user_id; fixed',
            'Comparing timestamps with and without offset failed; fixed',
            'test_weekly_counts fails on a fixture date (data team)',
          ],
          solving: 'Converting every key while parsing JSON was tried and backed out. The user refused deleting dist/.',
          messages: [
            'Fix the loader, write a mobile test; do not touch fixtures; Python 3.8',
            'New tarball, version 0.4.0',
            'Add --since; how many records; test timings',
            'Changelog line',
          ],
          pending: ['test_weekly_counts: data team fixes the fixture'],
          current: 'CHANGELOG updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
