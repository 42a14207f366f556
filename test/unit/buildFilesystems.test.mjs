// `handover build` against real file-system failures: a read-only workspace, a full workspace and a
// full HANDOVER_HOME, made with small tmpfs mounts. Needs root (mount); skipped, and says so, without.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, samplesDir } from '../support/paths.mjs';
import { scratchDir } from '../support/scratch.mjs';

const log = join(samplesDir, 'claude-code', 'ccviewer-fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl');
const mounts = [];
const mountPoints = [];

// Not a scratchDir: a mount point is removed here, only once it is unmounted.
function tmpfs(options) {
  const dir = mkdtempSync(join(tmpdir(), 'ho-tmpfs-'));
  mountPoints.push(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
after(() => {
  const stillMounted = new Set(mounts.reverse().filter((dir) => spawnSync('umount', [dir]).status !== 0));
  for (const dir of mountPoints) if (!stillMounted.has(dir)) rmSync(dir, { recursive: true, force: true });
});

const canMount = (() => {
  const probe = tmpfs('size=16k');
  return probe !== undefined;
})();
const skip = canMount ? false : 'mounting a tmpfs needs root';

function build(workspace, home) {
  return spawnSync(process.execPath, [cli, 'build', log, '--workspace', workspace], { encoding: 'utf8', env: { ...process.env, HANDOVER_HOME: home } });
}

function assertOneLineFailure(r, pattern) {
  assert.notEqual(r.status, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

test('a read-only workspace: one clear line, nothing written there', { skip }, () => {
  const workspace = tmpfs('size=1m');
  writeFileSync(join(workspace, 'keep.txt'), 'mine');
  assert.equal(spawnSync('mount', ['-o', 'remount,ro', workspace]).status, 0);
  const r = build(workspace, scratchDir('ho-home-'));
  assertOneLineFailure(r, /read-only file system \(EROFS\)/);
  assert.deepEqual(readdirSync(workspace), ['keep.txt']);
});

test('a full workspace: one clear line, no half-written handover, no temp files', { skip }, () => {
  const workspace = tmpfs('size=32k');
  // Fill it so the folders fit but the files do not.
  const filler = Buffer.alloc(1024, 0x61);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(workspace, `fill-${i}`), filler);
    } catch {
      break;
    }
  }
  const r = build(workspace, scratchDir('ho-home-'));
  assertOneLineFailure(r, /no space left on device \(ENOSPC\)/);
  assert.ok(!existsSync(join(workspace, '.handover')), 'the .handover folder this build made is gone again');
});

test('a full HANDOVER_HOME: the archive fails cleanly and the workspace gets nothing', { skip }, () => {
  const home = tmpfs('size=64k');
  const workspace = scratchDir('ho-ws-');
  const r = build(workspace, home);
  assertOneLineFailure(r, /archive.*no space left on device \(ENOSPC\)/);
  assert.ok(!existsSync(join(workspace, '.handover')));
  const leftovers = existsSync(join(home, 'archive'))
    ? readdirSync(join(home, 'archive'), { recursive: true }).filter((f) => String(f).endsWith('.jsonl'))
    : [];
  assert.deepEqual(leftovers, [], 'no half-copied log in the archive');
});

test('an existing handover folder survives a failed rebuild untouched', { skip }, () => {
  const workspace = tmpfs('size=1m');
  const home = scratchDir('ho-home-');
  assert.equal(build(workspace, home).status, 0);
  const [session] = readdirSync(join(workspace, '.handover')).filter((n) => !n.startsWith('.'));
  const before = readdirSync(join(workspace, '.handover', session)).sort();
  assert.equal(spawnSync('mount', ['-o', 'remount,ro', workspace]).status, 0);
  assertOneLineFailure(build(workspace, home), /read-only file system/);
  assert.deepEqual(readdirSync(join(workspace, '.handover', session)).sort(), before);
});
