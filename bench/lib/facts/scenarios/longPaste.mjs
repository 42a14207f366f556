// A user who pastes a 200-line production log into the chat and asks for the root cause. The paste's
// own numbers and errors are the user's text, not tool output. Python importer, thinking.
import { bash, ccSummary, say, think } from '../kit.mjs';

/** 200 lines of a nightly import log, the way a user copies it out of a terminal. */
function pastedLog() {
  const lines = [];
  for (let i = 1; i <= 200; i++) {
    const batch = String(i).padStart(4, '0');
    const t = `2025-03-02T01:${String(Math.floor(i / 4) % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}Z`;
    if (i === 117) lines.push(`${t} INFO  batch ${batch} committed 4,981 rows in 3.42s`);
    else if (i === 188) lines.push(`${t} ERROR ImportJobError: batch ${batch} aborted after deadlock on readings`);
    else if (i % 50 === 0) lines.push(`${t} WARN  batch ${batch} retried (lock wait ${(i / 25).toFixed(1)}s)`);
    else lines.push(`${t} INFO  batch ${batch} committed ${500 + ((i * 13) % 40)} rows`);
  }
  return lines.join('\n');
}

export const scenario = {
  name: 'long-paste',
  about: 'a 200-line log pasted by the user, python importer, thinking',
  requires: ['python3'],
  files: {
    'importer/__init__.py': '',
    'importer/run.py':
      "import sys\n\n\ndef load(batch):\n    rows = [('S-77', '2025-03-02T01:00', 1.5)] * 2 + [('S-%d' % i, '2025-03-02T01:00', 2.0) for i in range(4980)]\n    return rows\n\n\n" +
      "def main():\n    batch = int(sys.argv[sys.argv.index('--batch') + 1])\n    rows = load(batch)\n    seen = set()\n    for sensor, ts, _ in rows:\n        key = (sensor, ts)\n        if key in seen:\n            raise SystemExit('IntegrityError: duplicate key value violates unique constraint \"readings_pkey\" (sensor_id=%s, ts=%s)' % key)\n        seen.add(key)\n    print('dry run ok: %d rows' % len(rows))\n\n\nif __name__ == '__main__':\n    main()\n",
    'importer/settings.ini': '[import]\nbatch_size = 500\n',
    'importer/healthcheck.py': "import sys\nsys.stderr.write('HealthcheckError: last successful import is %dh old\\n' % (24 + 7))\nsys.exit(2)\n",
  },
  build(k, { edit }) {
    const died = k.request('the nightly import died again');
    const noRestart = k.constraint('never restart the production importer yourself');
    k.error('IntegrityError: duplicate key value violates unique constraint "readings_pkey" (sensor_id=S-77', 'resolved');
    const keepLatest = k.decision(
      'drop duplicate readings and keep the latest',
      'the sensors resend their last reading after a reconnect',
      'an ON CONFLICT DO UPDATE upsert',
    );
    const smaller = k.rejected('batch_size = 40', 'smaller batches only moved the duplicate into another batch');
    k.file('importer/run.py');
    k.number('4982');
    const health = k.request('check whether the health check is green again');
    k.error('HealthcheckError: last successful import is 31h old', 'unresolved');
    k.refusal('ops restarts it, not you');
    k.lastRequest(health);
    k.not('errors', 'ops restarts it, not you', "a user's refusal is not a tool error");
    k.not('numbers', '4,981 rows', "a number in the user's paste is not a measurement from tool output");
    k.not('errors', 'ImportJobError: batch 0188 aborted after deadlock', 'an error the user pasted is not an error seen in tool output');
    k.not('rejected', died, "the user's request is not a rejected approach");

    return [
      {
        user: `${died}, here's the log from the box:\n\n${pastedLog()}\n\nwhat's going on? find the root cause. ${noRestart}, ops will do it.`,
        model: [
          [
            think('Batch 188 aborted on a deadlock. Reproduce it as a dry run of that batch.'),
            bash('python3 -m importer.run --dry-run --batch 188', 'Dry run of batch 188'),
          ],
          [
            think('A duplicate key on S-77. Maybe smaller batches avoid the lock contention.'),
            bash(`sed -i 's/batch_size = 500/${smaller.what}/' importer/settings.ini && python3 -m importer.run --dry-run --batch 188`, 'Try smaller batches'),
          ],
          [
            say(`Reverting ${smaller.what}: ${smaller.why}; the deadlock was a symptom of the duplicate, not of batch size.`),
            bash("sed -i 's/batch_size = 40/batch_size = 500/' importer/settings.ini", 'Back to 500'),
          ],
          [
            think(
              `Two options: ${keepLatest.alternative} in SQL, or ${keepLatest.choice} in the loader. Going with ${keepLatest.choice} — ${keepLatest.reason}, and an upsert would still take row locks in the same order that deadlocked.`,
            ),
            edit(
              'importer/run.py',
              '        if key in seen:\n            raise SystemExit(\'IntegrityError: duplicate key value violates unique constraint "readings_pkey" (sensor_id=%s, ts=%s)\' % key)\n',
              '        if key in seen:\n            continue\n',
            ),
          ],
          [bash('python3 -m importer.run --dry-run --batch 188 && echo dry-run-done', 'Dry run again')],
          [
            say(
              'Root cause: S-77 resent its last reading after a reconnect, the duplicate key aborted the batch, and the retry deadlocked. The loader now drops the duplicate. I did not restart anything.',
            ),
          ],
        ],
      },
      {
        user: `ok thanks. can you ${health}?`,
        refuse: { 'python3 -m importer.run --batch 188': 'no. ops restarts it, not you' },
        model: [
          [think('Run the health check script.'), bash('python3 importer/healthcheck.py', 'Health check')],
          [
            think('It is stale because nothing ran since the fix; rerun the failed batch for real.'),
            bash('python3 -m importer.run --batch 188', 'Rerun batch 188'),
          ],
          [say('Still red: the last successful import is old, because the job has not run since the fix. It needs a restart by ops; I will not run it.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'The user pasted a long nightly import log. The cause was a duplicate reading; the loader now skips it. Health check still red.',
          intent:
            'Find the root cause of the failed nightly import from the pasted log, without restarting the production importer (ops will); then check the health check.',
          concepts: ['Python importer', 'Duplicate keys, deadlocks on retry'],
          files: [
            'importer/run.py: duplicates (same sensor and timestamp) are skipped instead of aborting',
            'importer/settings.ini: batch size briefly changed, restored to 500',
          ],
          errors: [
            'Dry run of batch 188 failed with a duplicate key for sensor S-77; fixed by skipping duplicates',
            'Health check fails: the last successful import is more than a day old',
          ],
          solving: 'Sensors resend after reconnect; dedupe in the loader. Smaller batches did not help.',
          messages: [
            `"${died}, here's the log from the box: [~200 lines of import log, batch 0188 aborted after a deadlock] what's going on? find the root cause. ${noRestart}, ops will do it."`,
            `"ok thanks. can you ${health}?"`,
          ],
          pending: ['Ops must restart the importer; then the health check should go green'],
          current: 'Ran the health check; it is still failing. The user refused a rerun of batch 188 by the agent.',
          next: 'Wait for ops to restart the importer, then rerun the health check.',
        }),
      },
    ];
  },
};
