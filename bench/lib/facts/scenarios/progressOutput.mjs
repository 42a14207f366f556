// Commands whose output is mostly progress: a real `git clone --progress` (object counters), a
// reindexer printing progress bars, and a `git diff` of a config change. The measurements hide among
// them; the progress, the counters and the diff lines are not measurements.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'progress-output',
  about: 'progress bars, git transfer counters and diff lines around real measurements; python + git, thinking',
  requires: ['python3', 'git'],
  files: {
    'config/indexer.yaml': 'shards: 6\nretries: 3\n',
    'data/shard4.lock': '4242\n',
    'scripts/reindex.py':
      "import os, sys\nif os.path.exists('data/shard4.lock') and '--resume' not in sys.argv:\n    sys.exit('ShardLockError: shard 4 is locked by pid 4242 (data/shard4.lock)')\n" +
      "if '--workers' in sys.argv:\n    sys.exit('WorkerError: %s workers need %d GB, 4 GB available' % (sys.argv[sys.argv.index('--workers') + 1], 12))\n" +
      "for i in range(1, 7):\n    bar = '#' * (i * 20 // 6) + '-' * (20 - i * 20 // 6)\n    print('[%s] %3d%% (%d/6 shards)' % (bar, i * 100 // 6, i))\n" +
      "print('indexed %s documents in %.1f s (%s docs/s)' % (format(12480, ','), 7.9, format(1580, ',')))\n",
    'scripts/verify_index.py': "import sys\nsys.exit('INDEX-VERIFY: %d documents missing from shard 2' % 37)\n",
  },
  build(k, { edit }) {
    const reindex = k.request('reindex the search corpus');
    const keepOld = k.constraint('keep the old index until the new one is verified');
    k.error('ShardLockError: shard 4 is locked by pid 4242', 'resolved');
    const resume = k.decision(
      'resume from the stale lock instead of a full rebuild',
      'a full rebuild takes about forty minutes on this box',
      'wiping the index and rebuilding from scratch',
    );
    const workers = k.rejected('--workers 8', 'the box only has 4 GB of RAM');
    k.number('12,480');
    k.number('1,580');
    k.number('7.9');
    k.file('config/indexer.yaml');
    k.file('docs/reindex.md');
    const mirror = k.request('check the mirror clone still works');
    k.error('INDEX-VERIFY: 37 documents missing from shard 2', 'unresolved');
    k.not('numbers', 'Counting objects', 'git transfer counters are progress, not measurements');
    k.not('numbers', '(3/6 shards)', 'a progress bar is not a measurement');
    k.not('numbers', '+retries: 5', 'a diff line is not a measurement');

    return [
      {
        user: `${reindex}, the search results are stale. ${keepOld}.`,
        model: [
          [think('Start the reindex.'), bash('python3 scripts/reindex.py', 'Reindex')],
          [
            think(
              `A stale lock from a dead process. Options: ${resume.alternative}, or ${resume.choice}. ${resume.reason[0].toUpperCase() + resume.reason.slice(1)}, so resume.`,
            ),
            bash(`python3 scripts/reindex.py --resume ${workers.what}`, 'Resume with more workers'),
          ],
          [
            say(`Not using ${workers.what}: ${workers.why}. Resuming with the default worker count.`),
            bash('rm data/shard4.lock && python3 scripts/reindex.py --resume', 'Resume the reindex'),
          ],
          [edit('config/indexer.yaml', 'retries: 3', 'retries: 5')],
          [bash('git diff config/indexer.yaml', 'Show the config change')],
          [
            bash(
              "mkdir -p docs && printf '# Reindexing\\n\\nRemove a stale data/shardN.lock, then run scripts/reindex.py --resume.\\n' > docs/reindex.md",
              'Write the runbook',
            ),
          ],
          [say('Reindexed (numbers above); the old index is kept until verification. Retries raised to 5; runbook in docs/reindex.md.')],
        ],
      },
      {
        user: `${mirror} and verify the new index.`,
        model: [
          [
            think('Clone through the pack protocol so it is a real transfer.'),
            bash('git clone --progress --no-local . /tmp/bench-facts-mirror-check 2>&1; rm -rf /tmp/bench-facts-mirror-check', 'Clone the mirror'),
          ],
          [bash('python3 scripts/verify_index.py', 'Verify the new index')],
          [say('The mirror clones fine. Verification fails: shard 2 is missing documents, so the old index stays in place.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Reindex of the search corpus; verification fails for shard 2.',
          intent: 'Reindex the search corpus because results are stale, keeping the old index until the new one is verified; check the mirror clone.',
          concepts: ['Search index shards', 'Stale lock files'],
          files: ['config/indexer.yaml: retries 3 -> 5', 'docs/reindex.md: runbook for stale locks', 'data/shard4.lock: removed (stale)'],
          errors: [
            'Reindex refused to start because of a stale lock on shard 4; removed it and resumed',
            'More workers would need more memory than the box has',
            'INDEX-VERIFY: 37 documents missing from shard 2',
          ],
          solving: 'Resumed instead of rebuilding. Indexed 12,480 documents in 7.9 s.',
          messages: [`"${reindex}, the search results are stale. ${keepOld}."`, `"${mirror} and verify the new index."`],
          pending: ['Shard 2 is missing documents; the old index must stay until this is fixed'],
          current: 'Ran the index verification, which fails.',
          next: 'Find out why shard 2 lost documents.',
        }),
      },
    ];
  },
};
