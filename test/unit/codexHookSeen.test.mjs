// The Codex rollout watcher stands aside when the PreCompact hook has the session: its lock is held by a
// live builder, or the hook's build log was written around the compaction. A stale lock, an old hook
// build, or a handover the watcher itself built earlier (no hook log) does not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';

const { hookHasIt } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));

test('hookHasIt: held lock or a fresh hook build yes; stale lock, old hook build, a handover without hook no', async () => {
  const root = mkdtempSync(join(tmpdir(), 'handover-hookseen-'));
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    const home = join(root, 'home');
    const id = '01a1fd1f-2c58-7630-a6a8-61320e44b0ac';
    mkdirSync(join(home, 'locks'), { recursive: true });
    const seen = Date.now();
    assert.equal(hookHasIt(id, seen, home), false);

    const lock = (pid) =>
      writeFileSync(join(home, 'locks', id), JSON.stringify({ pid, startedAt: new Date().toISOString(), ttlMs: 120000, host: hostname(), token: 't' }));
    lock(sleeper.pid);
    assert.equal(hookHasIt(id, seen, home), true, 'a live builder holds the lock');
    lock(2 ** 22 + 12345); // no such process
    assert.equal(hookHasIt(id, seen, home), false, 'a dead builder’s lock is stale');

    // A handover the watcher built a moment ago (a compaction seconds earlier) is not the hook's.
    const dir = join(root, 'ws', '.handover', id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'signature.json'), '{}');
    assert.equal(hookHasIt(id, seen, home), false, 'no hook build log: the watcher builds');
    mkdirSync(join(home, 'logs'));
    writeFileSync(join(home, 'logs', `build-${id}.log`), 'built …\n');
    assert.equal(hookHasIt(id, seen, home), true, 'the hook built it just now');
    const old = new Date(seen - 3600_000);
    utimesSync(join(home, 'logs', `build-${id}.log`), old, old);
    assert.equal(hookHasIt(id, seen, home), false, 'an hour-old hook build was an earlier compaction');
  } finally {
    sleeper.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
