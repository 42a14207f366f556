// A reader that stops early (`handover extract … | head`) closes the pipe: the CLI ends quietly with
// no stack trace, whatever it had left to write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cli } from '../support/paths.mjs';
import { ClaudeLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

test('a closed stdout pipe (| head) ends the CLI without a trace', async () => {
  const ws = scratchDir('handover-pipe-');
  const log = new ClaudeLog(ws);
  // A few MB of the user's own words: extract writes them all to stdout, far past any pipe buffer.
  for (let i = 0; i < 40; i++) log.user(`request ${i}: ` + 'keep the parser streaming and bounded in memory. '.repeat(2000));
  const path = log.write();
  const child = spawn(process.execPath, [cli, 'extract', path], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HANDOVER_HOME: scratchDir('handover-pipe-home-') },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise((resolve) => child.stdout.once('data', resolve));
  child.stdout.destroy(); // what `head -c 10` does once it has its bytes
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(stderr, '', 'nothing on stderr');
  assert.equal(code, 0);
});
