// Codex (0.137+) stores idle rollouts as `.jsonl.zst`. A real rollout, compressed here with node:zlib's
// zstd, is extracted, indexed, searched, shown and built exactly like its plain `.jsonl`; the checks
// decompress it independently of the product.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { cli, fixturesDir } from '../support/paths.mjs';

const FIXTURE = join(fixturesDir, 'codex', 'rollout-0.169.0-shell-patch-compact-resume.jsonl');

test('a .jsonl.zst rollout is extracted, indexed, searched, shown and built like the plain one', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'handover-zstd-')));
  try {
    const plain = readFileSync(FIXTURE);
    const meta = JSON.parse(plain.toString('utf8').split('\n')[0]);
    const sessionId = meta.payload.id;
    const day = join(root, 'home', '.codex', 'sessions', '2026', '11', '21');
    mkdirSync(day, { recursive: true });
    const zst = join(day, `rollout-2026-11-21T08-00-41-${sessionId}.jsonl.zst`);
    writeFileSync(zst, zstdCompressSync(plain));
    const plainCopy = join(root, 'plain.jsonl');
    copyFileSync(FIXTURE, plainCopy);
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, HOME: join(root, 'home'), HANDOVER_HOME: join(root, 'handover'), HANDOVER_SEARCH_SOURCES: '', NO_COLOR: '1' };
    delete env.CODEX_HOME;
    delete env.CLAUDE_CONFIG_DIR;
    const run = (...args) => spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 });

    const fromZst = run('extract', zst);
    assert.equal(fromZst.status, 0, fromZst.stderr);
    assert.equal(fromZst.stdout, run('extract', plainCopy).stdout);
    assert.ok(fromZst.stdout.length > 200);

    const indexed = run('index', '--json');
    assert.equal(indexed.status, 0, indexed.stderr);
    assert.equal(JSON.parse(indexed.stdout).added, 1);
    // A word the user typed in the rollout, found by code.
    const lines = zstdDecompressSync(readFileSync(zst)).toString('utf8').split('\n');
    const typedText = (r) =>
      r.type === 'event_msg' && r.payload?.type === 'item_completed' && r.payload.item?.type === 'UserMessage'
        ? r.payload.item.content.map((c) => c.text ?? '').join(' ')
        : r.type === 'event_msg' && r.payload?.type === 'user_message'
          ? r.payload.message
          : '';
    const typed = lines
      .map((l) => (l ? JSON.parse(l) : {}))
      .map(typedText)
      .find((t) => /[A-Za-z]{6,}/.test(t));
    assert.ok(typed, 'the fixture has a typed user message');
    const word = /[A-Za-z]{6,}/.exec(typed)[0];
    const found = run('search', word, '--json', '--no-update');
    assert.equal(found.status, 0, found.stderr);
    const hits = JSON.parse(found.stdout).hits;
    assert.ok(hits.length >= 1);
    for (const hit of hits) {
      assert.equal(hit.file, zst);
      assert.equal(hit.sessionId, sessionId);
      assert.match(lines[hit.line - 1].toLowerCase(), new RegExp(word.toLowerCase()), `line ${hit.line} holds the word`);
    }
    const again = JSON.parse(run('index', '--json').stdout);
    assert.equal(again.unchanged, 1, 'an unchanged .zst is not read again');

    const shown = run('show', `${sessionId}:${hits[0].line}`);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, new RegExp(`▶ line ${hits[0].line}`));

    const workspace = join(root, 'ws');
    mkdirSync(workspace);
    const built = run('build', zst, '--workspace', workspace, '--json');
    assert.equal(built.status, 0, built.stderr);
    const dir = join(workspace, '.handover', sessionId);
    assert.deepEqual(
      readdirSync(join(workspace, '.handover')).filter((n) => !n.startsWith('.')),
      [sessionId],
    );
    assert.equal(run('verify', dir).status, 0);
    const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    assert.equal(data.agent, 'codex');
    assert.ok(readFileSync(join(dir, 'resume-prompt.md'), 'utf8').includes(word));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a damaged .jsonl.zst is one clear line, not a stack trace', () => {
  const root = mkdtempSync(join(tmpdir(), 'handover-zstd-bad-'));
  try {
    const bad = join(root, 'rollout-x.jsonl.zst');
    writeFileSync(bad, Buffer.concat([zstdCompressSync(readFileSync(FIXTURE)).subarray(0, 200), Buffer.from('garbage')]));
    const result = spawnSync(process.execPath, [cli, 'extract', bad], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^handover extract: cannot read rollout-x\.jsonl\.zst: not a complete zstd stream/);
    const foreign = join(root, 'rollout-y.jsonl.zst');
    writeFileSync(foreign, readFileSync(FIXTURE)); // plain JSONL under a .zst name
    const wrong = spawnSync(process.execPath, [cli, 'extract', foreign], { encoding: 'utf8' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /^handover extract: cannot read rollout-y\.jsonl\.zst: not a zstd stream \(Unknown frame descriptor\)\n$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("building a Codex rollout that Codex's state database does not know says it cannot be `codex resume`d", async () => {
  const { DatabaseSync } = await import('node:sqlite');
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'handover-codex-state-')));
  try {
    const codexHome = join(root, 'codex');
    mkdirSync(codexHome);
    // The table and column Codex 0.169 keeps its threads in (state_5.sqlite, `threads.id`).
    const db = new DatabaseSync(join(codexHome, 'state_5.sqlite'));
    db.exec('CREATE TABLE threads (id TEXT PRIMARY KEY, rollout_path TEXT)');
    const env = { ...process.env, HOME: root, CODEX_HOME: codexHome, HANDOVER_HOME: join(root, 'handover') };
    const sessionId = JSON.parse(readFileSync(FIXTURE, 'utf8').split('\n')[0]).payload.id;
    const build = () => spawnSync(process.execPath, [cli, 'build', FIXTURE, '--workspace', join(root, 'ws')], { env, encoding: 'utf8' });
    mkdirSync(join(root, 'ws'));
    const unknown = build();
    assert.equal(unknown.status, 0, unknown.stderr);
    assert.match(unknown.stderr, new RegExp(`note: Codex has no record of session ${sessionId} .*'codex resume ${sessionId}' cannot reopen it`));
    db.prepare('INSERT INTO threads (id, rollout_path) VALUES (?, ?)').run(sessionId, FIXTURE);
    db.close();
    const known = build();
    assert.equal(known.status, 0, known.stderr);
    assert.doesNotMatch(known.stderr, /no record of session/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
