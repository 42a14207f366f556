// An analyst's data session on an events database through the real sqlite3 CLI and python3: the
// measured facts are row counts and averages from query output, the decisions are weighed in thinking
// as "Option A / Option B", an index is created, measured against the nightly ingest and dropped, a
// package install is refused, and the session is compacted twice (once in the middle, once at the
// end). Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const SEED =
  'CREATE TABLE IF NOT EXISTS events (event_id TEXT NOT NULL, user_id INTEGER NOT NULL, ts TEXT NOT NULL, kind TEXT NOT NULL);\n' +
  'WITH RECURSIVE\n  u(id) AS (SELECT 0 UNION ALL SELECT id + 1 FROM u WHERE id < 799),\n  d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 60),\n' +
  '  k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 2),\n' +
  '  active AS (SELECT u.id AS uid, d.n AS day FROM u, d WHERE d.n >= u.id % 40 AND (u.id * 31 + d.n * 17) % 10 < 4)\n' +
  "INSERT INTO events\nSELECT 'u' || uid || 'd' || day || 'k' || j, uid, datetime('2025-09-01', '+' || day || ' days', '+' || (uid * 37 % 50000 + j * 600) || ' seconds'),\n" +
  "       CASE j WHEN 0 THEN 'session_start' ELSE 'view' END\nFROM active, k WHERE (SELECT count(*) FROM events) = 0;\n" +
  '-- the October collector re-sent some batches after timeouts (incident INC-2291)\n' +
  "INSERT INTO events SELECT * FROM events WHERE ts >= '2025-10-01' AND (user_id + CAST(substr(ts, 9, 2) AS INTEGER)) % 3 = 0 AND (SELECT count(*) FROM events) < 60000;\n";

const DEDUP_QUALIFY =
  '-- One row per event_id: the collector sometimes sends a batch twice.\nDROP VIEW IF EXISTS events_dedup;\nCREATE VIEW events_dedup AS\n' +
  'SELECT event_id, user_id, ts, kind FROM events\nQUALIFY row_number() OVER (PARTITION BY event_id ORDER BY rowid) = 1;\n';
const DEDUP =
  '-- One row per event_id: the collector sometimes sends a batch twice.\nDROP VIEW IF EXISTS events_dedup;\nCREATE VIEW events_dedup AS\n' +
  'SELECT event_id, user_id, ts, kind FROM (\n  SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY rowid) AS copy FROM events\n) WHERE copy = 1;\n';
const RETENTION =
  '-- Week-1 retention per weekly cohort (cohort = week of the first session_start).\nDROP TABLE IF EXISTS retention_weekly;\nCREATE TABLE retention_weekly AS\n' +
  "WITH starts AS (\n  SELECT user_id, date(ts) AS day FROM events_dedup WHERE kind = 'session_start'\n),\n" +
  'cohorts AS (\n  SELECT user_id, min(day) AS first_day FROM starts GROUP BY user_id\n)\n' +
  "SELECT strftime('%Y-W%W', c.first_day) AS cohort,\n       count(DISTINCT c.user_id) AS cohort_size,\n       count(s.user_id) AS week1_active\n" +
  "FROM cohorts c\nLEFT JOIN starts s ON s.user_id = c.user_id\n  AND s.day >= date(c.first_day, '+7 days') AND s.day < date(c.first_day, '+14 days')\nGROUP BY cohort;\n";

export const scenario = {
  name: 'sql-analyst-compactions',
  about: 'held out: analyst on sqlite3 + python3, row counts as numbers, Option A/B in thinking, index tried and dropped, install refused, two /compact',
  requires: ['sqlite3', 'python3'],
  files: {
    '.gitignore': 'analytics.db\n',
    'README.md': '# product-analytics\n\nReports over the product events. `sh scripts/load.sh` builds analytics.db from sql/seed.sql.\n',
    'sql/seed.sql': SEED,
    'scripts/load.sh': '#!/bin/sh\nset -e\nsqlite3 analytics.db < sql/seed.sql\necho "analytics.db loaded"\n',
    'scripts/dau.py':
      '"""Daily active users for one month: every active user sends one session_start a day."""\nimport argparse\nimport sqlite3\n\n' +
      "parser = argparse.ArgumentParser()\nparser.add_argument('--month', required=True)\nparser.add_argument('--db', default='analytics.db')\nargs = parser.parse_args()\n\n" +
      'con = sqlite3.connect(args.db)\nrows = con.execute(\n' +
      "    \"SELECT date(ts), count(*) FROM events WHERE kind = 'session_start' AND ts LIKE ? || '%' GROUP BY 1\", (args.month,)\n).fetchall()\n" +
      "print(f'{args.month}: {len(rows)} days, average DAU {sum(c for _, c in rows) / len(rows):.1f}, peak {max(c for _, c in rows)}')\n",
    'scripts/ingest_bench.py':
      '"""Nightly ingest rate on the reporting box as measured by ops (INC-2291), by the number of indexes on events."""\nimport sqlite3\n\n' +
      "con = sqlite3.connect('analytics.db')\nn = con.execute(\"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'\").fetchone()[0]\n" +
      'rate = [5000 + 400, 2000 + 150, 1000 + 400][min(n, 2)]\n' +
      "print(f'ingest: {rate} rows/s with {n} index(es) on events; the nightly batch needs 4000 rows/s to finish by 06:00')\n",
    'scripts/check_retention.py':
      '"""Sanity check on retention_weekly before the numbers go into the monthly report."""\nimport sqlite3\nimport sys\n\n' +
      "con = sqlite3.connect('analytics.db')\nrows = con.execute('SELECT cohort, cohort_size, week1_active FROM retention_weekly ORDER BY cohort').fetchall()\n" +
      'bad = [(cohort, active / size) for cohort, size, active in rows if size and active / size > 1]\nif bad:\n' +
      "    print(f'RETENTION-CHECK: {len(bad)} of {len(rows)} cohorts have week-1 retention above 1 (first: {bad[0][0]} at {bad[0][1]:.2f})', file=sys.stderr)\n" +
      "    sys.exit(1)\nprint(f'retention check ok ({len(rows)} cohorts)')\n",
  },
  build(k, { edit, write }) {
    const why = k.request('find out why the October DAU in the report is too high');
    const appendOnly = k.constraint('the events table is append-only, never UPDATE or DELETE rows in it');
    k.number('49401');
    k.number('411.2');
    k.number('9561');
    const view = k.decision(
      'a deduplicating view over events',
      'every other report reads events too and would need the same fix',
      'deduplicating inside dau.py in Python',
    );
    k.error('near "row_number": syntax error', 'resolved');
    k.file('sql/events_dedup.sql');
    k.file('scripts/dau.py');
    k.number('308.4');
    const index = k.rejected('CREATE INDEX events_event_id', 'with it the nightly ingest falls below the rate it needs to finish before the morning');
    k.number('2150');
    const retention = k.request('rebuild the weekly retention table from the deduplicated events');
    const sqlDir = k.constraint('Keep all SQL in sql/ so the reporting box can run it with plain sqlite3');
    const refusal = k.refusal('no installs on this machine please');
    const window = k.decision(
      "week 1 as days 7 to 13 after each user's first session",
      'a user who starts on a Sunday would otherwise count as retained the next day',
      'calendar weeks for the return window',
    );
    k.file('sql/retention_weekly.sql');
    k.error('RETENTION-CHECK: 6 of 6 cohorts have week-1 retention above 1 (first: 2025-W35 at 3.00)', 'unresolved');
    k.check('python3 scripts/check_retention.py', 'failing');
    k.lastRequest(retention);
    k.not('requests', 'This session is being continued from a previous conversation', "a compaction summary is not the user's request");
    k.not('errors', 'no installs on this machine please', "a user's refusal is not a tool error");
    k.not('constraints', retention, 'a request is not a standing rule');
    k.not('rejected', why, "the user's request is not a rejected approach");

    const first =
      "The October DAU number in our monthly report is about a third higher than what marketing's dashboard shows, and I trust the dashboard more here. " +
      `Can you ${why} and fix the report? analytics.db gets built by scripts/load.sh if it's missing.\n\n` +
      `One hard rule: ${appendOnly}. It's our audit trail.`;
    const second =
      'Great, that matches marketing within a handful of users. Next: please ' +
      `${retention} and give me the week-1 retention for the September cohorts. ${sqlDir}.`;

    const summary1 = ccSummary({
      analysis:
        'Analyst session. The October DAU was inflated by duplicate events; fixed through a deduplicating view. An index on event_id was tried and dropped.',
      intent: `Find out why the October DAU in the monthly report is too high and fix the report. The events table is append-only (no UPDATE/DELETE).`,
      concepts: ['SQLite window functions (row_number)', 'Views for deduplication', 'Append-only audit tables'],
      files: ['sql/events_dedup.sql: view events_dedup, one row per event_id', 'scripts/dau.py: reads events_dedup instead of events'],
      errors: ['SQLite does not support QUALIFY; rewrote the view with a subquery'],
      solving: 'The October collector re-sent batches, so some events appear twice. After deduplication October DAU is close to the marketing dashboard.',
      messages: [`"${first.slice(0, 160)}…"`],
      pending: [],
      current: 'The report reads the deduplicated view; the index on event_id was dropped again because it slowed the nightly ingest.',
      next: 'Wait for the next request.',
    });
    const summary2 = ccSummary({
      analysis: 'Continuing the analytics work: weekly retention from deduplicated events. The retention check fails.',
      intent: `Rebuild the weekly retention table from the deduplicated events and report week-1 retention for the September cohorts; all SQL lives in sql/ and must run with plain sqlite3.`,
      concepts: ['Cohort retention', 'events_dedup view'],
      files: ['sql/retention_weekly.sql: new, builds retention_weekly', 'sql/events_dedup.sql, scripts/dau.py: from before'],
      errors: ['check_retention.py reports retention above 100% for every cohort: week1_active counts session starts, not distinct users'],
      solving: 'No new packages (the user refused installing duckdb).',
      messages: [`"${second}"`, 'The user refused a pip install: no installs on that machine.'],
      pending: ['Fix week1_active to count distinct users, rerun the check, report September week-1 retention'],
      current: 'Built retention_weekly; the sanity check fails; asked the user which definition of week-1 to use.',
      next: 'Switch to count(DISTINCT s.user_id) once the user confirms, then rerun scripts/check_retention.py.',
    });

    return [
      {
        user: first,
        model: [
          [
            think('Build the DB if needed and look at the raw numbers first.'),
            bash('test -f analytics.db || sh scripts/load.sh; sqlite3 analytics.db "SELECT count(*) FROM events;"', 'Load the database and count events'),
          ],
          [bash('python3 scripts/dau.py --month 2025-10 && python3 scripts/dau.py --month 2025-09', 'Run the DAU report for October and September')],
          [
            think(
              'October jumps against September. Most common cause: duplicated events from collector retries. Count event_ids that occur more than once, per month.',
            ),
            bash(
              'sqlite3 -header -column analytics.db "SELECT substr(ts, 1, 7) AS month, count(*) AS rows, count(*) - count(DISTINCT event_id) AS extra_copies FROM events GROUP BY 1;"',
              'Duplicate event ids per month',
            ),
          ],
          [
            think(
              'Duplicates are all in October. Where to dedupe? Deleting the extra copies is out: the table is append-only. ' +
                `Option A: ${view.alternative}. Cheap, but only this report gets fixed. Option B: ${view.choice}, which the reports query instead of the table. ` +
                `B wins: ${view.reason}. Window function with row_number over event_id, keep the first copy.`,
            ),
            write('sql/events_dedup.sql', DEDUP_QUALIFY),
          ],
          [bash('sqlite3 analytics.db < sql/events_dedup.sql', 'Create the view')],
          [think('SQLite has no QUALIFY clause (that is DuckDB/Snowflake). Filter on the window in a subquery.'), write('sql/events_dedup.sql', DEDUP)],
          [
            bash(
              'sqlite3 analytics.db < sql/events_dedup.sql && sqlite3 analytics.db "SELECT count(*) FROM events_dedup;"',
              'Create the view and count its rows',
            ),
          ],
          [edit('scripts/dau.py', 'FROM events WHERE', 'FROM events_dedup WHERE')],
          [bash('time python3 scripts/dau.py --month 2025-10', 'October DAU from the view')],
          [
            think(
              'The view partitions all events on every query. An index on event_id could make the window cheaper, but it also costs on every insert. Measure the ingest side.',
            ),
            bash('sqlite3 analytics.db "CREATE INDEX events_event_id ON events(event_id);" && python3 scripts/ingest_bench.py', 'Try an index on event_id'),
          ],
          [
            say(`Dropping the index again: ${index.why}. The report query is fast enough without it.`),
            bash('sqlite3 analytics.db "DROP INDEX events_event_id;" && python3 scripts/ingest_bench.py', 'Drop the index'),
          ],
          [
            say(
              'Found it. In October the collector sent some batches twice, so a share of the events (session starts included) are in the table twice, and the DAU report counted every copy.\n\n' +
                '- `sql/events_dedup.sql` defines a view `events_dedup` with one row per `event_id` (the first copy). The `events` table itself is untouched.\n' +
                '- `scripts/dau.py` now reads `events_dedup`. October DAU drops by about a quarter, in line with the dashboard.\n' +
                '- I tried an index on `event_id` to speed up the view and dropped it again; the report runs fine without it.',
            ),
          ],
        ],
      },
      { compact: true, summary: summary1 },
      {
        user: second,
        refuse: { 'python3 -m pip install duckdb': `${refusal}. the reporting box only has python3 and sqlite3, so it has to work with those` },
        model: [
          [think('Cohort retention is much nicer to write in DuckDB. Try installing it.'), bash('python3 -m pip install duckdb', 'Install duckdb')],
          [
            say('Understood, plain sqlite3 it is.'),
            think(
              `Cohort = week of the first session_start. For the return window, Option A: ${window.alternative}. Option B: ${window.choice}. ` +
                `A is simpler to label, but ${window.reason}. B, and label cohorts by the week of their first day.`,
            ),
            write('sql/retention_weekly.sql', RETENTION),
          ],
          [
            bash(
              'sqlite3 analytics.db < sql/retention_weekly.sql && sqlite3 -header -column analytics.db "SELECT * FROM retention_weekly;"',
              'Build the retention table',
            ),
          ],
          [bash('python3 scripts/check_retention.py', 'Sanity-check the retention table')],
          [
            think('week1_active counts session_start rows: a user active on several days in week 1 is counted several times. Needs count(DISTINCT s.user_id).'),
            say(
              'The sanity check fails: my `week1_active` counts session starts rather than distinct users, so anyone active on several days of week 1 is counted more than once.\n\n' +
                'Before I change it, one question: should week-1 retention mean "active on at least one day in days 7–13" (distinct users), or does the marketing dashboard use "active on at least two days"? They give different numbers.',
            ),
          ],
        ],
      },
      { compact: true, summary: summary2 },
    ];
  },
};
