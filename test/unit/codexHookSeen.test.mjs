// The Codex rollout watcher stands aside when the PreCompact hook has the session: its lock is held by a
// live builder, or a handover of the session was signed since the compaction was seen. A stale lock or
// an old handover does not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';

const { hookHasIt } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));

test('hookHasIt: held lock or a fresh signed handover yes; stale lock, old handover, nothing no', async () => {
  const root = mkdtempSync(join(tmpdir(), 'handover-hookseen-'));
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    const home = join(root, 'home');
    const folder = join(root, 'ws');
    const id = '01a1fd1f-2c58-7630-a6a8-61320e44b0ac';
    mkdirSync(join(home, 'locks'), { recursive: true });
    const seen = Date.now();
    assert.equal(hookHasIt(folder, id, seen, home), false);

    const lock = (pid) => writeFileSync(join(home, 'locks', id), JSON.stringify({ pid, startedAt: new Date().toISOString(), ttlMs: 120000, host: hostname(), token: 't' }));
    lock(sleeper.pid);
    assert.equal(hookHasIt(folder, id, seen, home), true, 'a live builder holds the lock');
    lock(2 ** 22 + 12345); // no such process
    assert.equal(hookHasIt(folder, id, seen, home), false, 'a dead builder’s lock is stale');

    const dir = join(folder, '.handover', id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'signature.json'), '{}');
    assert.equal(hookHasIt(folder, id, seen, home), true, 'signed just now');
    const old = new Date(seen - 3600_000);
    utimesSync(join(dir, 'signature.json'), old, old);
    assert.equal(hookHasIt(folder, id, seen, home), false, 'an hour-old handover is an earlier compaction');
  } finally {
    sleeper.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
