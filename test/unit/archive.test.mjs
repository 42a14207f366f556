// Archive: sha256-checked copies, reuse, new versions for grown logs, companions, bad homes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';

const { archiveLog, ArchiveError } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'handoverCore.js'));

const SID = '0b6a3c1e-1111-4222-8333-444455556666';
const sha = (data) => createHash('sha256').update(data).digest('hex');

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'handover-archive-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Claude Code project folder: the log, plus `<sid>/subagents/` and `<sid>/tool-results/`. */
function claudeSession(root, lines = 3) {
  const project = join(root, 'projects', '-home-dev-app');
  mkdirSync(join(project, SID, 'subagents'), { recursive: true });
  mkdirSync(join(project, SID, 'tool-results'), { recursive: true });
  const log = join(project, `${SID}.jsonl`);
  writeFileSync(
    log,
    Array.from({ length: lines }, (_, i) => JSON.stringify({ type: 'user', uuid: `u${i}`, sessionId: SID, message: { content: `line ${i}` } })).join('\n') +
      '\n',
  );
  writeFileSync(join(project, SID, 'subagents', 'agent-a1.jsonl'), '{"type":"user","isSidechain":true}\n');
  writeFileSync(join(project, SID, 'tool-results', 'toolu_01.txt'), 'big output\n'.repeat(100));
  return { project, log };
}

/** Every file under a folder, relative, sorted (hidden temp files included, so leftovers show). */
function tree(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

test('first archive: byte-identical copy, sha256 of the content, companions, manifest', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root);
  const home = join(root, 'home');
  const result = await archiveLog(log, home, SID);
  const content = readFileSync(log);
  assert.equal(result.dir, join(home, 'archive', SID));
  assert.equal(result.archivedLog, join(home, 'archive', SID, `${SID}.jsonl`));
  assert.deepEqual(readFileSync(result.archivedLog), content);
  assert.equal(result.sha256, sha(content));
  assert.equal(result.bytes, content.length);
  assert.equal(result.version, 1);
  assert.equal(result.reused, false);
  assert.deepEqual(tree(result.dir), [`${SID}.jsonl`, 'manifest.json', 'subagents/agent-a1.jsonl', 'tool-results/toolu_01.txt']);
  assert.deepEqual(
    result.companions.map((c) => [c.file, c.version, c.reused]),
    [
      ['subagents/agent-a1.jsonl', 1, false],
      ['tool-results/toolu_01.txt', 1, false],
    ],
  );
  assert.equal(readFileSync(join(result.dir, 'tool-results', 'toolu_01.txt'), 'utf8'), 'big output\n'.repeat(100));
  const manifest = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.sessionId, SID);
  assert.deepEqual(
    manifest.files[`${SID}.jsonl`].map((e) => [e.file, e.version, e.sha256, e.bytes, e.source]),
    [[`${SID}.jsonl`, 1, sha(content), content.length, log]],
  );
});

test('the same content again is reused: nothing is written', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root);
  const home = join(root, 'home');
  const first = await archiveLog(log, home, SID);
  const before = statSync(first.archivedLog).mtimeMs;
  const manifestBefore = readFileSync(join(first.dir, 'manifest.json'), 'utf8');
  const again = await archiveLog(log, home, SID);
  assert.equal(again.reused, true);
  assert.equal(again.version, 1);
  assert.equal(again.archivedLog, first.archivedLog);
  assert.equal(again.sha256, first.sha256);
  assert.ok(again.companions.every((c) => c.reused));
  assert.equal(statSync(first.archivedLog).mtimeMs, before);
  assert.equal(readFileSync(join(first.dir, 'manifest.json'), 'utf8'), manifestBefore);
  assert.equal(tree(first.dir).length, 4);
});

test('a grown log becomes a new version beside the old one, which stays untouched', async (t) => {
  const root = tempDir(t);
  const { project, log } = claudeSession(root);
  const home = join(root, 'home');
  const v1 = await archiveLog(log, home, SID);
  const v1Content = readFileSync(v1.archivedLog);
  appendFileSync(log, '{"type":"assistant","uuid":"u9"}\n');
  appendFileSync(join(project, SID, 'subagents', 'agent-a1.jsonl'), '{"type":"assistant"}\n');
  writeFileSync(join(project, SID, 'subagents', 'agent-b2.jsonl'), '{"type":"user"}\n');
  const v2 = await archiveLog(log, home, SID);
  assert.equal(v2.version, 2);
  assert.equal(v2.reused, false);
  assert.equal(v2.archivedLog, join(home, 'archive', SID, `${SID}.v2.jsonl`));
  assert.deepEqual(readFileSync(v2.archivedLog), readFileSync(log));
  assert.deepEqual(readFileSync(v1.archivedLog), v1Content, 'version 1 unchanged');
  assert.deepEqual(
    v2.companions.map((c) => [c.file, c.version, c.reused]),
    [
      ['subagents/agent-a1.v2.jsonl', 2, false],
      ['subagents/agent-b2.jsonl', 1, false],
      ['tool-results/toolu_01.txt', 1, true],
    ],
  );
  // A log rewritten to different content of the same size is a new version too, never an overwrite.
  const same = readFileSync(log, 'utf8');
  writeFileSync(log, same.replace('line 0', 'LINE 0'));
  const v3 = await archiveLog(log, home, SID);
  assert.equal(v3.version, 3);
  assert.equal(v3.bytes, v2.bytes);
  // Going back to version 2's content reuses version 2.
  writeFileSync(log, same);
  const back = await archiveLog(log, home, SID);
  assert.deepEqual([back.version, back.reused, back.archivedLog], [2, true, v2.archivedLog]);
  const manifest = JSON.parse(readFileSync(join(home, 'archive', SID, 'manifest.json'), 'utf8'));
  assert.deepEqual(
    manifest.files[`${SID}.jsonl`].map((e) => e.version),
    [1, 2, 3],
  );
});

test('only the bytes present at the start are copied (the agent may still be appending)', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root, 5);
  const home = join(root, 'home');
  const size = statSync(log).size;
  // Append while the copy runs: the injected write appends to the source at the main log's first chunk
  // (companions are archived before the main log).
  let appended = false;
  const result = await archiveLog(log, home, SID, {
    fs: {
      async write(handle, data) {
        if (!appended && data.includes('"uuid":"u0"')) {
          appended = true;
          appendFileSync(log, '{"type":"user","late":true}\n'.repeat(1000));
        }
        await handle.write(data);
      },
    },
  });
  assert.ok(appended);
  assert.equal(result.bytes, size);
  assert.equal(statSync(result.archivedLog).size, size);
  assert.ok(!readFileSync(result.archivedLog, 'utf8').includes('late'));
});

test('the manifest is rebuilt from the files when it is lost', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root);
  const home = join(root, 'home');
  const v1 = await archiveLog(log, home, SID);
  rmSync(join(v1.dir, 'manifest.json'));
  const again = await archiveLog(log, home, SID);
  assert.deepEqual([again.version, again.reused], [1, true]);
  appendFileSync(log, '{"x":1}\n');
  const v2 = await archiveLog(log, home, SID);
  assert.equal(v2.version, 2);
  const manifest = JSON.parse(readFileSync(join(v1.dir, 'manifest.json'), 'utf8'));
  assert.deepEqual(
    manifest.files[`${SID}.jsonl`].map((e) => [e.version, e.sha256]),
    [
      [1, v1.sha256],
      [2, v2.sha256],
    ],
  );
});

test('a Codex log without companion folders; a missing home is created', async (t) => {
  const root = tempDir(t);
  const log = join(root, 'rollout-2026-01-01T00-00-00-abc.jsonl');
  writeFileSync(log, '{"type":"session_meta","payload":{"id":"abc"}}\n');
  const home = join(root, 'deep', 'new', 'home');
  const result = await archiveLog(log, home, 'abc');
  assert.deepEqual(tree(result.dir), ['manifest.json', 'rollout-2026-01-01T00-00-00-abc.jsonl']);
  assert.deepEqual(result.companions, []);
});

test('bad input: a missing log, an unsafe session id', async (t) => {
  const root = tempDir(t);
  const home = join(root, 'home');
  await assert.rejects(
    archiveLog(join(root, 'nope.jsonl'), home, SID),
    (/** @type {any} */ e) => e instanceof ArchiveError && /nope\.jsonl: no such file or folder \(ENOENT\)/.test(e.message),
  );
  await assert.rejects(archiveLog(root, home, SID), /not a regular file/);
  writeFileSync(join(root, 'x.jsonl'), '{}\n');
  await assert.rejects(archiveLog(join(root, 'x.jsonl'), home, '../../etc'), /not a safe folder name/);
  assert.equal(existsSync(join(home, 'archive')), false);
});

test('a home under a regular file (like an unwritable home): one clear line, nothing written', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root);
  const file = join(root, 'plain-file');
  writeFileSync(file, 'x');
  const error = await archiveLog(log, join(file, 'home'), SID).then(
    () => assert.fail('expected an error'),
    (e) => e,
  );
  assert.ok(error instanceof ArchiveError);
  assert.equal(error.message.split('\n').length, 1);
  assert.match(
    error.message,
    /^cannot archive into .*plain-file\/home\/archive\/.*: (a part of the path is a file, not a folder \(ENOTDIR\)|a file is in the way \(EEXIST\))$/,
  );
  assert.equal(readFileSync(file, 'utf8'), 'x');
});

test(
  'a read-only archive folder (EACCES for a non-root user) leaves nothing behind',
  { skip: process.getuid?.() === 0 && 'root ignores file modes' },
  async (t) => {
    const root = tempDir(t);
    const { log } = claudeSession(root);
    const home = join(root, 'home');
    mkdirSync(join(home, 'archive', SID), { recursive: true });
    chmodSync(join(home, 'archive', SID), 0o500);
    t.after(() => chmodSync(join(home, 'archive', SID), 0o700));
    await assert.rejects(archiveLog(log, home, SID), /permission denied \(EACCES\)/);
    assert.deepEqual(tree(join(home, 'archive', SID)), []);
  },
);

test('a full disk (ENOSPC) mid-copy: clear error, no half file, no version, no manifest, no empty folder', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root, 2000);
  const home = join(root, 'home');
  const full = {
    async write(handle, data) {
      await handle.write(data.subarray(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  const error = await archiveLog(log, home, SID, { fs: full }).then(
    () => assert.fail('expected an error'),
    (e) => e,
  );
  assert.ok(error instanceof ArchiveError);
  assert.equal(error.code, 'ENOSPC');
  assert.match(error.message, /^cannot archive .*\.jsonl into .*: no space left on device \(ENOSPC\)$/);
  assert.deepEqual(tree(join(home, 'archive')), [], 'nothing half-written');

  // With an earlier version present, a failed new version leaves the archive exactly as it was.
  const v1 = await archiveLog(log, home, SID);
  const before = tree(v1.dir).map((f) => [f, readFileSync(join(v1.dir, f), 'utf8')]);
  appendFileSync(log, '{"more":true}\n');
  await assert.rejects(archiveLog(log, home, SID, { fs: full }), /ENOSPC/);
  assert.deepEqual(
    tree(v1.dir).map((f) => [f, readFileSync(join(v1.dir, f), 'utf8')]),
    before,
  );
  // A failure in a companion after the main log was stored takes the main log's new version back too.
  let calls = 0;
  const failSecond = {
    async write(handle, data) {
      if (++calls > 1) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      await handle.write(data);
    },
  };
  writeFileSync(join(root, 'projects', '-home-dev-app', SID, 'subagents', 'agent-new.jsonl'), '{"n":1}\n');
  await assert.rejects(archiveLog(log, home, SID, { fs: failSecond }), /ENOSPC/);
  assert.deepEqual(
    tree(v1.dir).map((f) => [f, readFileSync(join(v1.dir, f), 'utf8')]),
    before,
  );
});

test('a 20 MB log is archived in one streaming pass, sha256 checked', async (t) => {
  const root = tempDir(t);
  const log = join(root, `${SID}.jsonl`);
  const line = JSON.stringify({ type: 'user', message: { content: 'x'.repeat(1000) } }) + '\n';
  writeFileSync(log, line.repeat(20_000));
  const result = await archiveLog(log, join(root, 'home'), SID);
  assert.equal(result.bytes, statSync(log).size);
  assert.equal(result.sha256, sha(readFileSync(log)));
});

test('a copy that reads back different from the log (a failing disk) is refused, nothing left behind', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root, 50);
  const home = join(root, 'home');
  const corrupting = {
    async write(handle, data) {
      const damaged = Buffer.from(data);
      damaged[damaged.length >> 1] ^= 0x20; // one flipped bit, the length unchanged
      await handle.write(damaged);
    },
  };
  const error = await archiveLog(log, home, SID, { fs: corrupting }).then(
    () => assert.fail('expected an error'),
    (e) => e,
  );
  assert.ok(error instanceof ArchiveError);
  assert.match(error.message, /^cannot archive .*\.jsonl: the copy does not match the log/);
  assert.deepEqual(tree(join(home, 'archive')), [], 'nothing half-written');
  // The same log archives fine on a sound disk.
  const ok = await archiveLog(log, home, SID);
  assert.equal(ok.sha256, sha(readFileSync(log)));
});

test('reading along with the copy sees exactly the archived bytes, once, in order', async (t) => {
  const root = tempDir(t);
  const log = join(root, `${SID}.jsonl`);
  const line = JSON.stringify({ type: 'user', message: { content: 'y'.repeat(3000) } }) + '\n';
  writeFileSync(log, line.repeat(1000)); // 3 MB: several chunks
  const home = join(root, 'home');
  const seen = [];
  let folder;
  const result = await archiveLog(log, home, SID, {
    readAlong: (dir) => {
      folder = dir;
      return (chunk) => seen.push(Buffer.from(chunk));
    },
  });
  assert.equal(result.readAlong, true);
  assert.equal(folder, result.dir);
  assert.ok(seen.length > 1, 'more than one chunk');
  assert.ok(Buffer.concat(seen).equals(readFileSync(result.archivedLog)));
  // The same content again is reused: nothing is copied, nothing read along (the caller reads the copy).
  const again = await archiveLog(log, home, SID, {
    readAlong: () => () => assert.fail('no copy, no read-along'),
  });
  assert.equal(again.reused, true);
  assert.equal(again.readAlong, false);
  // A failing reader is its own error (not the archive's), and leaves no archive version behind.
  appendFileSync(log, line);
  const error = await archiveLog(log, home, SID, {
    readAlong: () => () => {
      throw new Error('analyst bug');
    },
  }).then(
    () => assert.fail('expected an error'),
    (e) => e,
  );
  assert.equal(error.message, 'analyst bug');
  assert.ok(!(error instanceof ArchiveError));
  assert.deepEqual(
    tree(result.dir).filter((f) => f.endsWith('.jsonl')),
    [`${SID}.jsonl`],
  );
});

test('every write failure code gives its own clear line and leaves nothing behind', async (t) => {
  const codes = { ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EROFS: 'read-only file system', EACCES: 'permission denied', EIO: 'EIO' };
  for (const [code, words] of Object.entries(codes)) {
    const root = tempDir(t);
    const { log } = claudeSession(root);
    const home = join(root, 'home');
    const failing = {
      async write() {
        throw Object.assign(new Error(`${code}: failed`), { code });
      },
    };
    const error = await archiveLog(log, home, SID, { fs: failing }).then(
      () => assert.fail('expected an error'),
      (e) => e,
    );
    assert.ok(error instanceof ArchiveError, code);
    assert.equal(error.code, code);
    assert.ok(error.message.endsWith(code === 'EIO' ? ': EIO' : `: ${words} (${code})`), error.message);
    assert.equal(error.message.split('\n').length, 1);
    assert.deepEqual(tree(join(home, 'archive')), [], `${code}: nothing half-written`);
  }
});

test('concurrent archivers of the same grown log agree on one new version', async (t) => {
  const root = tempDir(t);
  const { log } = claudeSession(root, 500);
  const home = join(root, 'home');
  await archiveLog(log, home, SID);
  appendFileSync(log, '{"type":"user","grown":true}\n');
  const results = await Promise.all([archiveLog(log, home, SID), archiveLog(log, home, SID), archiveLog(log, home, SID)]);
  assert.deepEqual(new Set(results.map((r) => r.version)), new Set([2]));
  assert.equal(results.filter((r) => !r.reused).length, 1);
  assert.deepEqual(
    tree(join(home, 'archive', SID)).filter((f) => f.endsWith('.jsonl') && !f.includes('/')),
    [`${SID}.jsonl`, `${SID}.v2.jsonl`],
  );
  assert.ok(!tree(join(home, 'archive', SID)).some((f) => f.endsWith('.tmp')), 'no temp files left');
});
