// End to end: the real `claude` CLI (2.1.328) with our hooks installed by `handover install-hooks`,
// against the scripted model server. Claude Code really runs the tools and really fires the hooks; we
// check what it did (files on disk, its session log, what it sent the model) and what we left behind
// (the handover, the lock).
//   npm run test:e2e:hooks
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClaudeSession } from '../support/claudeSession.mjs';
import { build } from 'esbuild';
import { cli, repoRoot } from '../support/paths.mjs';

const node = process.execPath;

function records(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

const compactions = (logPath) => records(logPath).filter((r) => r.type === 'system' && r.subtype === 'compact_boundary').length;

/** Running, and not a zombie. */
function alive(pid) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

test('Claude Code with the Handover hooks: lock, denial, handover, blocked compaction, TTL', { timeout: 600_000 }, async (t) => {
  const session = await startClaudeSession({ script: [] });
  const handoverHome = mkdtempSync(join(tmpdir(), 'handover-home-'));
  const builders = new Set();
  t.after(async () => {
    for (const pid of builders) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await session.close();
    rmSync(handoverHome, { recursive: true, force: true });
  });
  const { project, sessionId, server } = session;
  session.env.HANDOVER_HOME = handoverHome;
  const lockPath = join(handoverHome, 'locks', sessionId);
  const readLock = () => JSON.parse(readFileSync(lockPath, 'utf8'));
  const handoverDir = join(project, '.handover', sessionId);
  const lastToolResults = () => server.toolResults(server.mainRequests().at(-1));
  const setEnv = (values) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete session.env[key];
      else session.env[key] = value;
    }
  };
  /** One `claude -p` turn where the model writes `name`; returns the tool result Claude Code sent back. */
  const modelWrites = async (name, text) => {
    server.push([{ type: 'tool_use', name: 'Write', input: { file_path: join(project, name), content: text } }], [{ type: 'text', text: `tried ${name}` }]);
    const result = await session.run(`please write ${name}`);
    assert.equal(result.code, 0, result.stderr);
    const [toolResult] = lastToolResults();
    assert.ok(toolResult, 'the Write came back with a tool result');
    return toolResult;
  };
  const compact = async () => {
    const result = await session.run('/compact');
    assert.equal(result.code, 0, result.stderr);
    return result;
  };
  /** Direct call, exactly as Claude Code calls the hook: is a Write denied right now? */
  const writeDenied = () => {
    const result = spawnSync(node, [cli, 'hook', 'pre-tool-use'], {
      input: JSON.stringify({
        session_id: sessionId,
        cwd: project,
        hook_event_name: 'PreToolUse',
        tool_name: 'Write',
        tool_input: { file_path: join(project, 'x') },
      }),
      env: { ...process.env, HANDOVER_HOME: handoverHome },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.includes('"permissionDecision":"deny"');
  };

  await t.test('install-hooks puts our hooks in the scratch project', () => {
    const installed = spawnSync(node, [cli, 'install-hooks', '--workspace', project, '--command', `'${node}' '${cli}'`], {
      env: session.env,
      encoding: 'utf8',
    });
    assert.equal(installed.status, 0, installed.stderr);
    const settings = JSON.parse(readFileSync(join(project, '.claude', 'settings.local.json'), 'utf8'));
    assert.deepEqual(Object.keys(settings.hooks).sort(), ['PostCompact', 'PreCompact', 'PreToolUse', 'SessionStart', 'Stop']);
  });

  await t.test('a session with several tool calls runs untouched while no lock exists', async () => {
    server.push(
      [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, 'notes.md'), content: '# Notes\nfirst line\n' } }],
      [{ type: 'tool_use', name: 'Bash', input: { command: 'wc -l notes.md', description: 'count lines' } }],
      [{ type: 'tool_use', name: 'Edit', input: { file_path: join(project, 'notes.md'), old_string: 'first line', new_string: 'first line, edited' } }],
      [{ type: 'text', text: 'Notes written and edited.' }],
    );
    const result = await session.run('create notes.md, count its lines, then edit it');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(project, 'notes.md'), 'utf8'), '# Notes\nfirst line, edited\n');
    const results = server.mainRequests().flatMap((request) => server.toolResults(request));
    assert.equal(results.length, 3);
    assert.ok(
      results.every((r) => !r.is_error),
      JSON.stringify(results),
    );
    assert.match(results[1].text, /2 notes\.md/);
    assert.ok(!existsSync(lockPath));
  });

  await t.test('/compact: PreCompact takes the lock for a detached builder; a Write meanwhile is denied', async () => {
    // The builder holds the lock for as long as this test needs, then is stopped by SIGTERM (it releases).
    setEnv({ HANDOVER_BUILD_DELAY_MS: '600000' });
    const before = compactions(session.logPath());
    await compact();
    assert.equal(compactions(session.logPath()), before + 1, 'the compaction itself went through');
    const lock = readLock();
    builders.add(lock.pid);
    assert.ok(alive(lock.pid), 'the builder outlived the hook and claude');
    assert.match(readFileSync(`/proc/${lock.pid}/cmdline`, 'utf8').replace(/\0/g, ' '), new RegExp(`hook run-build --session ${sessionId}`));

    const denied = await modelWrites('blocked.txt', 'must not exist\n');
    assert.equal(denied.is_error, true);
    assert.match(denied.text, /Handover is writing a handover of this session/);
    assert.ok(denied.text.includes(join(handoverDir, 'resume-prompt.md')));
    assert.ok(!existsSync(join(project, 'blocked.txt')), 'the denied Write created nothing');
    // Claude Code's own log holds the denial as the tool result.
    const logged = records(session.logPath()).flatMap((r) => (r.type === 'user' && Array.isArray(r.message?.content) ? r.message.content : []));
    assert.ok(
      logged.some(
        (block) => block.type === 'tool_result' && block.is_error === true && JSON.stringify(block.content).includes('Handover is writing a handover'),
      ),
      'the session log shows the denial',
    );

    process.kill(lock.pid, 'SIGTERM');
    await waitFor(() => !existsSync(lockPath), 10_000, 'the stopped builder to release the lock');
  });

  await t.test('/compact: the build finishes, the handover under .handover/<session-id>/ verifies, the lock is gone and a Write succeeds', async () => {
    setEnv({ HANDOVER_BUILD_DELAY_MS: undefined });
    await compact();
    await waitFor(() => !existsSync(lockPath), 60_000, 'the builder to finish and release the lock');
    const buildLog = readFileSync(join(handoverHome, 'logs', `build-${sessionId}.log`), 'utf8');
    assert.ok(buildLog.includes(`built ${join(handoverDir, 'resume-prompt.md')} (offline analysts)`), buildLog);
    const verified = spawnSync(node, [cli, 'verify', handoverDir], { env: session.env, encoding: 'utf8' });
    assert.equal(verified.status, 0, verified.stderr);
    const data = JSON.parse(readFileSync(join(handoverDir, 'handover.json'), 'utf8'));
    assert.equal(data.sessionId, sessionId);
    assert.ok(
      data.modifiedFiles.some((file) => file.path === 'notes.md'),
      JSON.stringify(data.modifiedFiles),
    );

    const seen = server.mainRequests().length;
    const written = await modelWrites('after.txt', 'written after the release\n');
    assert.equal(written.is_error, false, written.text);
    assert.equal(readFileSync(join(project, 'after.txt'), 'utf8'), 'written after the release\n');
    // SessionStart (resume) pointed the model at the verified handover of this session.
    const sent = JSON.stringify(
      server
        .mainRequests()
        .slice(seen)
        .map((request) => request.body.messages),
    );
    assert.ok(sent.includes(`the verified handover of this session is ${join(handoverDir, 'resume-prompt.md')}`), 'SessionStart context reached the model');
  });

  await t.test('blockCompaction: the first compaction is blocked, the next goes through', async () => {
    setEnv({ HANDOVER_BLOCK_COMPACTION: '1' });
    const before = compactions(session.logPath());
    const compactRequests = () => server.requests.filter((r) => r.kind === 'compact').length;
    const requestsBefore = compactRequests();
    const blocked = await compact();
    assert.match(blocked.stdout, /Compaction blocked by PreCompact hook/);
    assert.match(blocked.stdout, /Handover blocked this compaction/);
    assert.equal(compactions(session.logPath()), before, 'no compact_boundary: nothing was compacted');
    assert.equal(compactRequests(), requestsBefore, 'no summary was asked of the model');
    // The handover that replaces the compaction is built all the same.
    await waitFor(() => !existsSync(lockPath), 60_000, 'the build for the blocked compaction');

    const second = await compact();
    assert.doesNotMatch(second.stdout, /blocked/i);
    assert.equal(compactions(session.logPath()), before + 1, 'the second compaction went through');
    assert.ok(compactRequests() > requestsBefore);
    await waitFor(() => !existsSync(lockPath), 60_000, 'the build for the second compaction');
    setEnv({ HANDOVER_BLOCK_COMPACTION: undefined });
  });

  await t.test('a build killed mid-way leaves a lock that blocks nothing, and a hung build is bounded by the TTL', async () => {
    setEnv({ HANDOVER_BUILD_DELAY_MS: '600000', HANDOVER_LOCK_TTL_MS: '15000' });
    await compact();
    const killed = readLock();
    builders.add(killed.pid);
    assert.equal(killed.ttlMs, 15_000);
    assert.ok(writeDenied(), 'held while the builder runs');
    process.kill(killed.pid, 'SIGKILL');
    await waitFor(() => !alive(killed.pid), 10_000, 'the builder to die');
    assert.ok(existsSync(lockPath), 'SIGKILL gave it no chance to release the lock');
    const afterKill = await modelWrites('after-kill.txt', 'the dead builder does not block\n');
    assert.equal(afterKill.is_error, false, afterKill.text);
    assert.ok(existsSync(join(project, 'after-kill.txt')));

    // A builder that hangs (stopped, still alive) holds the lock until its TTL and not a moment longer.
    await compact();
    const hung = readLock();
    builders.add(hung.pid);
    assert.notEqual(hung.token, killed.token, 'the stale lock was replaced');
    process.kill(hung.pid, 'SIGSTOP');
    const expires = Date.parse(hung.startedAt) + hung.ttlMs;
    if (Date.now() < expires - 1_000) assert.ok(writeDenied(), 'held within the TTL');
    await waitFor(() => Date.now() > expires + 200, 30_000, 'the TTL to pass');
    assert.ok(alive(hung.pid), 'the builder is still there, only stuck');
    const afterTtl = await modelWrites('after-ttl.txt', 'the TTL freed the session\n');
    assert.equal(afterTtl.is_error, false, afterTtl.text);
    assert.ok(existsSync(join(project, 'after-ttl.txt')));
    process.kill(hung.pid, 'SIGKILL');
    setEnv({ HANDOVER_BUILD_DELAY_MS: undefined, HANDOVER_LOCK_TTL_MS: undefined });
  });

  await t.test('with the launcher the extension writes, the hooks run for a user without node on PATH', async () => {
    // The extension writes the launcher with VS Code's executable; here Node stands in for it (it ignores
    // ELECTRON_RUN_AS_NODE), at an absolute path that is not on PATH.
    await build({
      entryPoints: [join(repoRoot, 'src', 'hooks', 'launcher.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: join(handoverHome, 'launcher.cjs'),
      logLevel: 'silent',
    });
    const { writeLauncher } = createRequire(import.meta.url)(join(handoverHome, 'launcher.cjs'));
    const launcher = await writeLauncher(handoverHome, { runtime: node, cliPath: cli, electron: true });
    const installed = spawnSync(node, [cli, 'install-hooks', '--workspace', project, '--json'], { env: session.env, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    assert.equal(JSON.parse(installed.stdout).command, launcher);
    const settings = JSON.parse(readFileSync(join(project, '.claude', 'settings.local.json'), 'utf8'));
    assert.deepEqual(
      Object.values(settings.hooks)
        .flatMap((groups) => groups.flatMap((group) => group.hooks.map((hook) => hook.command)))
        .sort(),
      ['post-compact', 'pre-compact', 'pre-tool-use', 'session-start', 'stop'].map((event) => `${launcher} hook ${event}`),
      'reinstalling replaced our entries, no duplicates',
    );

    // A PATH with the shell tools Claude Code uses, and no node.
    const bin = join(handoverHome, 'path-without-node');
    mkdirSync(bin);
    for (const tool of ['sh', 'bash', 'git', 'env', 'ls', 'cat', 'wc', 'rm', 'mkdir', 'dirname', 'uname', 'which', 'ps']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, tool));
    }
    setEnv({ PATH: bin, HANDOVER_BUILD_DELAY_MS: '600000' });
    assert.notEqual(spawnSync(join(bin, 'sh'), ['-c', 'command -v node'], { env: session.env }).status, 0, 'no node on this PATH');

    await compact();
    const lock = readLock();
    builders.add(lock.pid);
    assert.ok(alive(lock.pid));
    const denied = await modelWrites('launcher-blocked.txt', 'no\n');
    assert.equal(denied.is_error, true);
    assert.match(denied.text, /Handover is writing a handover of this session/);
    assert.ok(!existsSync(join(project, 'launcher-blocked.txt')));
    process.kill(lock.pid, 'SIGTERM');
    await waitFor(() => !existsSync(lockPath), 10_000, 'the builder to release the lock');
    const written = await modelWrites('launcher-ok.txt', 'yes\n');
    assert.equal(written.is_error, false, written.text);
    assert.ok(existsSync(join(project, 'launcher-ok.txt')));
  });
});
