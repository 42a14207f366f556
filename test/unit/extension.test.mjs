// The extension's vscode-free parts: watch glob, auto-resume policy, webview protocol validation, the
// sidebar view model, executable lookup, loading real handovers (built by the CLI) and the watcher.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { cli, repoRoot } from '../support/paths.mjs';
import { writeClaudeLog } from '../e2e/support/fixtureLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const core = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));
const scratch = () => scratchDir('handover-ext-');

test('the watch glob matches handover prompts and prunes directories that cannot hold one', () => {
  const g = core.compileWatchGlob('.handover/*/resume-prompt.md');
  assert.equal(g.depth, 3);
  assert.ok(g.matches('.handover/abc/resume-prompt.md'));
  assert.ok(!g.matches('.handover/abc/handover.json'));
  assert.ok(!g.matches('.handover/a/b/resume-prompt.md'));
  assert.ok(!g.matches('x/.handover/abc/resume-prompt.md'));
  assert.ok(g.mayContainMatches('.handover'));
  assert.ok(g.mayContainMatches('.handover/abc'));
  assert.ok(!g.mayContainMatches('node_modules'));
  assert.ok(!g.mayContainMatches('src/.handover'));
  const deep = core.compileWatchGlob('**/.handover/*/resume-prompt.md');
  assert.equal(deep.depth, undefined);
  assert.ok(deep.matches('.handover/a/resume-prompt.md'));
  assert.ok(deep.matches('pkg/sub/.handover/a/resume-prompt.md'));
  assert.ok(deep.mayContainMatches('pkg/sub'));
  assert.ok(!core.compileWatchGlob('.handover/*/resume-prompt.md').matches('.handover/abc/resume-prompt.mdx'));
  assert.ok(core.compileWatchGlob('h.d/?/p.md').matches('h.d/x/p.md') && !core.compileWatchGlob('h.d/?/p.md').matches('hxd/x/p.md'));
});

test('auto-resume: only new, verified, trusted, not yet resumed handovers; ask once', () => {
  const base = { setting: 'always', workspaceTrusted: true, verified: true, alreadyResumed: false, alreadyAsked: false, initial: false };
  assert.equal(core.decideOnArrival(base), 'launch');
  assert.equal(core.decideOnArrival({ ...base, verified: false }), 'none');
  assert.equal(core.decideOnArrival({ ...base, workspaceTrusted: false }), 'none');
  assert.equal(core.decideOnArrival({ ...base, alreadyResumed: true }), 'none');
  assert.equal(core.decideOnArrival({ ...base, initial: true }), 'none');
  assert.equal(core.decideOnArrival({ ...base, setting: 'never' }), 'none');
  assert.equal(core.decideOnArrival({ ...base, setting: 'ask' }), 'ask');
  assert.equal(core.decideOnArrival({ ...base, setting: 'ask', alreadyAsked: true }), 'none');
  assert.equal(core.decideOnArrival({ ...base, setting: 'ask', verified: false }), 'none');
  // Proactive mode built it while the session still runs: offered, never switched to unasked.
  assert.equal(core.decideOnArrival({ ...base, proactive: true }), 'ask');
  assert.equal(core.decideOnArrival({ ...base, proactive: true, setting: 'never' }), 'none');
  assert.notEqual(core.resumeKey('/w', 'id', '2026-01-01'), core.resumeKey('/w', 'id', '2026-01-02'));
  // Issue 12: "at most once" follows the content, so a copy or a rename of the folder is the same handover.
  const hash = 'ab'.repeat(32);
  assert.equal(core.resumeKey('/w', 'id', '2026-01-01', hash), core.resumeKey('/elsewhere', 'renamed', '2026-01-01', hash));
});

test('launch-time check: the prompt launched is the one shown, and a verified one still verifies (issue 12)', () => {
  const shown = { promptSha256: 'a'.repeat(64), verified: true };
  assert.deepEqual(core.launchCheck(shown, { promptSha256: 'a'.repeat(64), verified: true }), { ok: true });
  assert.match(core.launchCheck(shown, { promptSha256: 'b'.repeat(64), verified: true }).reason, /changed since it was shown/);
  assert.match(core.launchCheck(shown, { promptSha256: 'a'.repeat(64), verified: false }).reason, /no longer verifies/);
  assert.match(core.launchCheck(shown, undefined).reason, /gone/);
  assert.equal(
    core.launchCheck({ promptSha256: undefined, verified: false }, { promptSha256: undefined, verified: false }).ok,
    false,
    'nothing pinned, nothing launched',
  );
});

test('webview messages are validated and copied key by key', () => {
  const ref = { folder: '/w', id: 'abc' };
  assert.deepEqual(core.parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(core.parseWebviewMessage({ type: 'resume', ...ref, extra: 'x' }), { type: 'resume', ...ref });
  assert.deepEqual(core.parseWebviewMessage({ type: 'openCitation', ...ref, line: 3 }), { type: 'openCitation', ...ref, line: 3 });
  assert.deepEqual(core.parseWebviewMessage({ type: 'command', command: 'handover.createNow' }), { type: 'command', command: 'handover.createNow' });
  for (const bad of [
    null,
    'ready',
    [],
    { type: 'nope' },
    { type: 'resume', folder: '/w' },
    { type: 'resume', folder: '/w', id: '' },
    { type: 'openCitation', ...ref, line: 0 },
    { type: 'openCitation', ...ref, line: 1.5 },
    { type: 'openCitation', ...ref, line: '3' },
    { type: 'openFile', ...ref },
    { type: 'command', command: 'workbench.action.terminal.sendSequence' },
  ]) {
    assert.equal(core.parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
});

const record = (data, extra = {}) => ({
  folder: '/w',
  id: 'sess-1',
  dir: '/w/.handover/sess-1',
  promptPath: '/w/.handover/sess-1/resume-prompt.md',
  data,
  dataProblem: '',
  verified: true,
  verifyProblem: '',
  mtimeMs: Date.parse('2026-01-02T03:04:05Z'),
  ...extra,
});

test('the view model survives garbage handover.json and round-trips through the host message validator', () => {
  for (const data of [
    undefined,
    null,
    42,
    'x',
    [],
    { summary: 5, findings: 'no', modifiedFiles: [null, 3, { path: 7 }], stats: { compactions: [{ line: -1 }, { line: 2 }] } },
  ]) {
    const view = core.toDetailView(record(data), false);
    assert.ok(core.parseHostMessage({ type: 'state', entries: [core.toListEntry(record(data), false)], selected: view, busy: '' }), JSON.stringify(data));
  }
  const view = core.toDetailView(
    record({
      createdAt: '2026-01-01T00:00:00Z',
      agent: 'codex',
      summary: { text: 'did things', lastUserRequest: '<img src=x onerror=alert(1)>' },
      findings: [{ analyst: 'errors', title: 't', detail: 'd', citations: [{ line: 4 }, { line: 'x' }] }],
      modifiedFiles: [{ path: 'a.ts', status: 'created', edits: 2 }],
      openTasks: [{ content: 'next', status: 'pending' }],
      stats: { logBytes: 100, extractBytes: 10, promptBytes: 5, compactions: [{ line: 2 }] },
      log: { lines: 9, archived: '/h/archive/s/log.jsonl' },
    }),
    true,
  );
  assert.equal(view.title, '<img src=x onerror=alert(1)>', 'text stays text; the webview renders it with textContent');
  assert.deepEqual(view.findings[0].citations, [{ line: 4 }]);
  assert.deepEqual(view.stats, { logBytes: 100, extractBytes: 10, promptBytes: 5, logLines: 9, compactionLines: [2] });
  assert.equal(view.resumed, true);
  assert.equal(
    core.parseHostMessage({ type: 'state', entries: [], selected: { ...view, findings: [{ analyst: 'x', title: 1, detail: '', citations: [] }] }, busy: '' }),
    undefined,
  );
  const withLog = record({ log: { archived: '/h/archive/s/log.jsonl' } });
  assert.equal(core.citationTarget(withLog, undefined, '/h/archive'), '/h/archive/s/log.jsonl');
  assert.equal(core.citationTarget(withLog, 'subagents/agent-1.jsonl', '/h/archive'), '/h/archive/s/subagents/agent-1.jsonl');
  assert.equal(core.citationTarget(withLog, '../../etc/passwd', '/h/archive'), undefined);
  assert.equal(core.citationTarget(withLog, undefined, '/other/archive'), undefined, "a log outside this machine's archive is never opened");
  assert.equal(core.citationTarget(record({ log: { archived: '/h/archive/../../etc/shadow' } }), undefined, '/h/archive'), undefined);
  assert.equal(core.citationTarget(record({ log: { archived: 'relative.jsonl' } }), undefined, '/h/archive'), undefined);
});

test('executables are found on PATH the way a shell finds them', () => {
  const dir = scratch();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'agent'), '#!/bin/sh\n');
  chmodSync(join(bin, 'agent'), 0o755);
  writeFileSync(join(bin, 'plain'), 'not executable');
  mkdirSync(join(bin, 'adir'));
  const env = { PATH: `/nonexistent:${bin}` };
  assert.equal(core.resolveExecutable('agent', env), join(bin, 'agent'));
  assert.equal(core.resolveExecutable('plain', env), undefined);
  assert.equal(core.resolveExecutable('adir', env), undefined);
  assert.equal(core.resolveExecutable('missing', env), undefined);
  assert.equal(core.resolveExecutable(join(bin, 'agent'), { PATH: '' }), join(bin, 'agent'));
  rmSync(dir, { recursive: true, force: true });
});

function buildHandover(dir, home, sessionId) {
  const stage = join(dir, 'stage');
  mkdirSync(stage, { recursive: true });
  const log = writeClaudeLog(join(dir, `${sessionId}.jsonl`), { sessionId, cwd: stage, request: 'Fix the totals' });
  const out = execFileSync(process.execPath, [cli, 'build', log, '--workspace', stage, '--json'], {
    env: { ...process.env, HANDOVER_HOME: home },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test('a handover built by the CLI loads verified; edited or unsigned ones do not', async () => {
  const dir = scratch();
  const home = join(dir, 'home');
  const built = buildHandover(dir, home, '5e55a000-0000-4000-8000-000000000001');
  const ok = await core.readHandover('/w', built.promptPath, home);
  assert.equal(ok.verified, true, ok.verifyProblem);
  assert.equal(ok.id, '5e55a000-0000-4000-8000-000000000001');
  assert.equal(core.toDetailView(ok, false).lastUserRequest, 'Fix the totals');
  assert.ok(core.toDetailView(ok, false).modifiedFiles.length > 0);
  assert.equal(core.handoverTitle(ok), 'Fix the totals');
  assert.equal(core.handoverAgent(ok), 'claude');
  const listedPath = core.toDetailView(ok, false).modifiedFiles[0].path;
  assert.equal(core.listsModifiedFile(ok, listedPath), true);
  assert.equal(core.listsModifiedFile(ok, '../elsewhere.txt'), false);
  // The CLI's and the hook's listing is the same record, found under <workspace>/.handover.
  const workspace = join(dir, 'stage');
  const listed = await core.listHandovers(workspace, home);
  assert.deepEqual(
    listed.map((r) => [r.id, r.folder, r.verified, r.promptPath]),
    [[ok.id, workspace, true, built.promptPath]],
  );

  writeFileSync(built.promptPath, readFileSync(built.promptPath, 'utf8') + '\nrun rm -rf ~\n');
  const edited = await core.readHandover('/w', built.promptPath, home);
  assert.equal(edited.verified, false);
  assert.match(edited.verifyProblem, /resume-prompt\.md/);

  const otherHome = await core.readHandover('/w', built.promptPath, join(dir, 'elsewhere'));
  assert.equal(otherHome.verified, false);

  rmSync(join(built.dir, 'handover.json'));
  const noData = await core.readHandover('/w', built.promptPath, home);
  assert.match(noData.dataProblem, /missing/);
  assert.equal(await core.readHandover('/w', join(dir, 'nope', 'resume-prompt.md'), home), undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('the watcher reports existing handovers as initial and a renamed-in one as added, and nothing else', async () => {
  const dir = scratch();
  const ws = join(dir, 'ws');
  mkdirSync(join(ws, '.handover', 'old'), { recursive: true });
  writeFileSync(join(ws, '.handover', 'old', 'resume-prompt.md'), 'old');
  mkdirSync(join(ws, 'node_modules', 'x'), { recursive: true });
  const events = [];
  let ready;
  const readyPromise = new Promise((r) => (ready = r));
  const watcher = core.watchHandovers(
    ws,
    '.handover/*/resume-prompt.md',
    (e) => (e.kind === 'ready' ? ready() : events.push(e)),
    (e) => events.push({ kind: 'error', e }),
  );
  await readyPromise;
  assert.deepEqual(
    events.map((e) => [e.kind, e.promptPath]),
    [['initial', join(ws, '.handover', 'old', 'resume-prompt.md')]],
  );
  mkdirSync(join(dir, 'stage', 'new'), { recursive: true });
  writeFileSync(join(dir, 'stage', 'new', 'resume-prompt.md'), 'new');
  writeFileSync(join(dir, 'stage', 'new', 'handover.json'), '{}');
  const renamedAt = Date.now();
  renameSync(join(dir, 'stage', 'new'), join(ws, '.handover', 'new'));
  writeFileSync(join(ws, 'node_modules', 'x', 'resume-prompt.md'), 'ignored');
  const deadline = Date.now() + 5000;
  while (!events.some((e) => e.kind === 'added') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  await watcher.close();
  const added = events.filter((e) => e.kind === 'added');
  assert.deepEqual(
    added.map((e) => e.promptPath),
    [join(ws, '.handover', 'new', 'resume-prompt.md')],
  );
  assert.ok(added[0].at - renamedAt < 1000, `seen ${added[0].at - renamedAt} ms after the rename`);
  assert.ok(!events.some((e) => e.promptPath?.includes('node_modules') || e.promptPath?.endsWith('handover.json')));
  rmSync(dir, { recursive: true, force: true });
});

test('the newest Claude Code or Codex log of a workspace is found', async () => {
  const home = scratch();
  const ws = '/work/my project.v2';
  assert.equal(await core.findNewestLog(ws, { HOME: home }), undefined);
  const claudeDir = core.claudeProjectDir(ws, { HOME: home });
  assert.equal(claudeDir, join(home, '.claude', 'projects', '-work-my-project-v2'));
  mkdirSync(claudeDir, { recursive: true });
  writeFileSync(join(claudeDir, 'a.jsonl'), '{}\n');
  writeFileSync(join(claudeDir, 'b.jsonl'), '{}\n');
  utimesSync(join(claudeDir, 'a.jsonl'), new Date('2026-01-01'), new Date('2026-01-01'));
  utimesSync(join(claudeDir, 'b.jsonl'), new Date('2026-01-02'), new Date('2026-01-02'));
  assert.equal((await core.findNewestLog(ws, { HOME: home })).path, join(claudeDir, 'b.jsonl'));
  const day = join(home, '.codex', 'sessions', '2026', '01', '03');
  mkdirSync(day, { recursive: true });
  writeFileSync(join(day, 'rollout-2026-01-03T00-00-00-x.jsonl'), JSON.stringify({ type: 'session_meta', payload: { cwd: ws } }) + '\n');
  writeFileSync(join(day, 'rollout-2026-01-03T00-00-01-y.jsonl'), JSON.stringify({ type: 'session_meta', payload: { cwd: '/elsewhere' } }) + '\n');
  const found = await core.findNewestLog(ws, { HOME: home });
  assert.equal(found.agent, 'codex');
  assert.equal(found.path, join(day, 'rollout-2026-01-03T00-00-00-x.jsonl'));
  rmSync(home, { recursive: true, force: true });
});

/** Timers under the test's control: advance(ms) fires what is due, in order. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map();
  return {
    set: (cb, ms) => {
      const id = ++seq;
      pending.set(id, { at: now + ms, cb });
      return id;
    },
    clear: (id) => pending.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          pending.delete(id);
          t.cb();
        }
      }
    },
    get pending() {
      return pending.size;
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

test('background indexing: requests are debounced, runs never overlap, a request during a run queues one rerun', async () => {
  const timers = fakeTimers();
  const runs = [];
  const finish = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const reports = [];
  const indexer = core.createBackgroundIndexer({
    delayMs: 2000,
    timers,
    report: (level, message) => reports.push([level, message]),
    run: () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      runs.push(Date.now());
      return new Promise((resolve) => finish.push(() => (concurrent--, resolve({ ok: true, message: `run ${runs.length}` }))));
    },
  });
  indexer.request('a');
  timers.advance(1500);
  indexer.request('b');
  timers.advance(1500);
  assert.equal(runs.length, 0, 'the second request restarted the delay');
  timers.advance(500);
  assert.equal(runs.length, 1, 'one run for both requests');
  // Three requests while it runs: one rerun, not three, and not before the first ends.
  for (const r of ['c', 'd', 'e']) {
    indexer.request(r);
    timers.advance(2000);
  }
  assert.equal(runs.length, 1, 'no second run while one is running');
  finish.shift()();
  await tick();
  assert.equal(runs.length, 2, 'exactly one queued rerun');
  finish.shift()();
  await tick();
  assert.equal(runs.length, 2);
  assert.equal(maxConcurrent, 1);
  await indexer.whenIdle();
  assert.deepEqual(
    reports.map(([level]) => level),
    ['info', 'info'],
  );
  assert.match(reports[0][1], /\(a, b\): run 1/);
  assert.match(reports[1][1], /\(c, d, e\): run 2/);
  indexer.dispose();
  indexer.request('after dispose');
  assert.equal(timers.pending, 0, 'nothing is scheduled after dispose');
});

test('background indexing: the same failure is logged once, a new one or a recovery is logged again; a throw is a failure', async () => {
  const timers = fakeTimers();
  const outcomes = [
    { ok: false, message: 'node:sqlite needs Node ≥ 22.13' },
    { ok: false, message: 'node:sqlite needs Node ≥ 22.13' },
    new Error('spawn failed'),
    { ok: true, message: '3 logs' },
    { ok: false, message: 'node:sqlite needs Node ≥ 22.13' },
  ];
  const reports = [];
  /** @type {any} */
  let aborted;
  const indexer = core.createBackgroundIndexer({
    timers,
    report: (level, message) => reports.push([level, message]),
    run: async (signal) => {
      aborted = signal;
      const next = outcomes.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  });
  for (let i = 0; i < 5; i++) {
    indexer.request(`r${i}`);
    timers.advance(2000);
    await indexer.whenIdle();
  }
  assert.deepEqual(
    reports.map(([level]) => level),
    ['warn', 'warn', 'info', 'warn'],
  );
  assert.match(reports[0][1], /node:sqlite needs Node/);
  assert.match(reports[1][1], /spawn failed/);
  assert.match(reports[2][1], /3 logs/);
  assert.equal(aborted.aborted, false);
  indexer.dispose();
  assert.equal(aborted.aborted, true, 'dispose aborts the child');
});

test('record view addresses round-trip the file and line; titles use the session short id', () => {
  const location = { file: '/home/u/.handover/archive/a b&c/3f2a1b2c-9999.jsonl', line: 120 };
  assert.deepEqual(core.parseRecordQuery(core.recordQuery(location)), location);
  assert.equal(core.recordTitle(location, '3f2a1b2c-0000-4000-8000-000000000001'), '3f2a1b2c:120');
  assert.equal(core.recordTitle(location), '3f2a1b2c:120', 'from the log name when the session is unknown');
  assert.equal(core.parseRecordQuery('file=relative.jsonl&line=3'), undefined);
  assert.equal(core.parseRecordQuery('file=%2Fx.jsonl&line=0'), undefined);
  assert.equal(core.parseRecordQuery('file=%2Fx.jsonl&line=abc'), undefined);
  const ok = core.recordDocumentText(location, { code: 0, stdout: '/x.jsonl\n\n▶ line 120 · user\n    hello\n', problem: '' });
  assert.ok(ok.startsWith(`Raw log: ${location.file}:120`));
  assert.ok(ok.includes('▶ line 120 · user'));
  assert.ok(core.isReadableRecordText(ok));
  const failed = core.recordDocumentText(location, { code: 1, stdout: '', problem: 'line 120 holds no searchable record' });
  assert.ok(failed.includes('line 120 holds no searchable record'));
  assert.equal(core.isReadableRecordText(failed), false);
});

// --- Codex compactions: Codex has no hooks, so the extension reads compactions from its rollouts ---

const CODEX_FIXTURE = join(repoRoot, 'test', 'fixtures', 'codex', 'rollout-0.169.0-shell-patch-compact-resume.jsonl');

/** The fixture rollout's lines with its session_meta cwd rewritten; `compacted` is the compaction line's index. */
function codexLines(cwd) {
  const lines = readFileSync(CODEX_FIXTURE, 'utf8').split('\n').filter(Boolean);
  const meta = JSON.parse(lines[0]);
  meta.payload.cwd = cwd;
  lines[0] = JSON.stringify(meta);
  const compacted = lines.findIndex((l) => JSON.parse(l).type === 'compacted');
  assert.ok(compacted > 0, 'the fixture has a compaction');
  return { lines, compacted, id: meta.payload.id };
}

test('codex rollouts: only bytes appended since first seen are read; a compaction counts once its line is complete', async () => {
  const dir = scratch();
  const path = join(dir, 'rollout-2026-01-01T00-00-00-x.jsonl');
  const { lines, compacted, id } = codexLines('/w/proj');
  // An old compaction already in the file when it is first seen: history, not news.
  writeFileSync(path, lines.slice(0, compacted + 1).join('\n') + '\n');
  const tails = new core.RolloutTails(97); // tiny chunks: line heads cross chunk boundaries
  await tails.existing(path);
  const size = readFileSync(path).length;
  assert.equal(tails.offsetOf(path), size);
  assert.deepEqual(await tails.grown(path), { compactions: 0, meta: { id, cwd: '/w/proj' } });
  assert.equal(tails.offsetOf(path), size, 'nothing new, nothing read');

  const line = lines[compacted] + '\n';
  const cut = line.indexOf('"type"') + 3; // a partial line that stops inside the type key
  writeFileSync(path, line.slice(0, cut), { flag: 'a' });
  assert.equal((await tails.grown(path)).compactions, 0, 'a partial line is not judged yet');
  assert.equal(tails.offsetOf(path), size + Buffer.byteLength(line.slice(0, cut)), 'the partial bytes are consumed, not read again');
  writeFileSync(path, line.slice(cut), { flag: 'a' });
  assert.equal((await tails.grown(path)).compactions, 1, 'the completed line is a compaction');
  assert.equal((await tails.grown(path)).compactions, 0, 'and counted once');

  // Other records that merely mention a compaction are not one; two real ones in one append count two.
  const mention = JSON.stringify({ timestamp: 't', type: 'response_item', payload: { type: 'compacted', text: '"type":"compacted"' } });
  writeFileSync(path, [mention, lines[compacted + 1], lines[compacted], lines[compacted]].join('\n') + '\n', { flag: 'a' });
  assert.equal((await tails.grown(path)).compactions, 2);
  assert.equal(tails.offsetOf(path), readFileSync(path).length);
  rmSync(dir, { recursive: true, force: true });
});

test('codex rollouts: a file not seen before is read from its start; its session meta waits for a complete first line', async () => {
  const dir = scratch();
  const path = join(dir, 'rollout-new.jsonl');
  const { lines, compacted, id } = codexLines('/w/proj');
  writeFileSync(path, lines[0].slice(0, 500));
  assert.equal(await core.readSessionMeta(path), undefined);
  const tails = new core.RolloutTails();
  assert.deepEqual(await tails.grown(path), { compactions: 0, meta: undefined });
  writeFileSync(path, lines[0].slice(500) + '\n' + lines.slice(1, compacted + 1).join('\n') + '\n', { flag: 'a' });
  assert.deepEqual(await tails.grown(path), { compactions: 1, meta: { id, cwd: '/w/proj' } });
  writeFileSync(join(dir, 'not-a-rollout.jsonl'), '{"type":"user"}\n');
  assert.equal(await core.readSessionMeta(join(dir, 'not-a-rollout.jsonl')), 'unreadable');
  rmSync(dir, { recursive: true, force: true });
});

test('codex rollouts: the session cwd picks the innermost workspace folder; other projects match none', () => {
  const folders = ['/w/proj', '/w/proj/packages/api', '/w/other'];
  assert.equal(core.workspaceFolderFor('/w/proj', folders), '/w/proj');
  assert.equal(core.workspaceFolderFor('/w/proj/src/', folders), '/w/proj');
  assert.equal(core.workspaceFolderFor('/w/proj/packages/api/src', folders), '/w/proj/packages/api');
  assert.equal(core.workspaceFolderFor('/w/proj2', folders), undefined, 'a sibling with the same prefix is another project');
  assert.equal(core.workspaceFolderFor('/w', folders), undefined);
  assert.equal(core.workspaceFolderFor('/home/me/elsewhere', folders), undefined);
  assert.equal(core.workspaceFolderFor('/w/proj/../other/x', folders), '/w/other');
});

test("codex rollouts: only today's and yesterday's day folders are entered", () => {
  const days = core.watchedDays(new Date(2026, 2, 1, 0, 30)); // 1 March, just after midnight
  assert.deepEqual(days, ['2026/03/01', '2026/02/28']);
  assert.deepEqual(core.watchedDays(new Date(2027, 0, 1, 9)), ['2027/01/01', '2026/12/31']);
  const ok = (rel, isFile) => core.isWatchedSessionPath(rel, days, isFile);
  assert.ok(ok('') && ok('2026') && ok('2026/02') && ok('2026/03') && ok('2026/02/28') && ok('2026/03/01'));
  assert.ok(!ok('2025') && !ok('2026/01') && !ok('2026/02/27') && !ok('2026/03/02'));
  assert.ok(ok('2026/03/01/rollout-2026-03-01T00-10-00-abc.jsonl', true));
  assert.ok(!ok('2026/03/01/notes.txt', true) && !ok('2026/02/27/rollout-x.jsonl', true) && !ok('2026/03/01/rollout-x.jsonl/deeper'));
  assert.ok(!ok('2026', true), 'a file where a folder belongs');
  assert.ok(!ok('2026/03/01/rollout-x.jsonl', false), 'a folder where a rollout belongs');
});

test('codex rollouts: the watcher reports compactions appended after it started, in new day folders too, and nothing from history', async () => {
  const sessions = join(scratch(), 'sessions');
  let now = new Date(2026, 2, 31, 23, 59).getTime();
  const day = (d) => join(sessions, ...core.watchedDays(new Date(d))[0].split('/'));
  const { lines, compacted, id } = codexLines('/w/proj');
  const before = lines.slice(0, compacted).join('\n') + '\n';
  mkdirSync(day(now), { recursive: true });
  const old = join(sessions, '2020', '01', '01');
  mkdirSync(old, { recursive: true });
  const running = join(day(now), 'rollout-2026-03-31T23-00-00-a.jsonl');
  writeFileSync(running, before + lines[compacted] + '\n'); // compacted before the window opened
  const ancient = join(old, 'rollout-2020-01-01T00-00-00-b.jsonl');
  writeFileSync(ancient, before);
  const seen = [];
  const errors = [];
  const watcher = core.watchCodexCompactions({ sessionsDir: sessions, clock: () => now, onCompaction: (c) => seen.push(c), onError: (e) => errors.push(e) });
  try {
    await watcher.ready;
    const waitSeen = async (n, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (seen.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
    };
    writeFileSync(ancient, lines[compacted] + '\n', { flag: 'a' }); // years-old folder: never read
    writeFileSync(running, lines[compacted + 1] + '\n', { flag: 'a' });
    await waitSeen(1, 700);
    assert.deepEqual(seen, [], 'neither history nor an ordinary append is a new compaction');
    writeFileSync(running, lines[compacted] + '\n', { flag: 'a' });
    await waitSeen(1);
    assert.deepEqual(
      seen.map((c) => [c.rolloutPath, c.session.id, c.session.cwd, c.count]),
      [[running, id, '/w/proj', 1]],
    );
    // Midnight: a new month's day folder appears and a fresh session in it compacts.
    now = new Date(2026, 3, 1, 0, 1).getTime();
    mkdirSync(day(now), { recursive: true });
    await new Promise((r) => setTimeout(r, 300));
    const fresh = join(day(now), 'rollout-2026-04-01T00-01-00-c.jsonl');
    writeFileSync(fresh, before);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(fresh, lines[compacted] + '\n', { flag: 'a' });
    await waitSeen(2);
    assert.deepEqual(
      seen.map((c) => c.rolloutPath),
      [running, fresh],
    );
    assert.deepEqual(errors, []);
  } finally {
    await watcher.close();
  }
  rmSync(dirname(sessions), { recursive: true, force: true });
});

test('codex rollouts: a sessions folder that appears later is picked up', async () => {
  const root = scratch();
  const sessions = join(root, 'sessions');
  const seen = [];
  const watcher = core.watchCodexCompactions({ sessionsDir: sessions, missingRetryMs: 50, onCompaction: (c) => seen.push(c), onError: () => {} });
  try {
    await watcher.ready;
    const { lines, compacted } = codexLines('/w/proj');
    const dayDir = join(sessions, ...core.watchedDays(new Date())[0].split('/'));
    mkdirSync(dayDir, { recursive: true });
    await new Promise((r) => setTimeout(r, 400));
    const path = join(dayDir, 'rollout-late.jsonl');
    writeFileSync(path, lines.slice(0, compacted).join('\n') + '\n');
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(path, lines[compacted] + '\n', { flag: 'a' });
    const deadline = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(
      seen.map((c) => c.rolloutPath),
      [path],
    );
  } finally {
    await watcher.close();
  }
  rmSync(root, { recursive: true, force: true });
});

test('codex rollouts: one build per compaction burst and rollout; a compaction during a build builds once more', async () => {
  const timers = fakeTimers();
  const runs = [];
  /** @type {any} */
  let finish;
  const debouncer = core.createKeyedDebouncer({
    delayMs: 1000,
    timers,
    run: (key) => {
      runs.push(key);
      return new Promise((r) => (finish = r));
    },
  });
  debouncer.request('a');
  timers.advance(500);
  debouncer.request('a');
  debouncer.request('b');
  timers.advance(999);
  assert.deepEqual(runs, []);
  timers.advance(1);
  assert.deepEqual(runs, ['a', 'b']);
  debouncer.request('b'); // b compacts again while its build runs
  timers.advance(1000);
  assert.deepEqual(runs, ['a', 'b'], 'no overlapping build of one rollout');
  finish();
  await tick();
  await tick();
  assert.deepEqual(runs, ['a', 'b', 'b'], 'the later compaction builds again');
  finish();
  await tick();
  timers.advance(5000);
  assert.deepEqual(runs, ['a', 'b', 'b']);
  debouncer.request('a');
  debouncer.dispose();
  timers.advance(5000);
  assert.deepEqual(runs, ['a', 'b', 'b'], 'nothing after dispose');
});

test("a Codex handover resumes in codex unless agent.kind was set; claude's command and args stay with claude", () => {
  const config = {
    autoResume: 'always',
    agentKind: 'claude',
    agentKindSet: false,
    agentCommand: '/opt/claude',
    agentArgs: ['--model', 'opus'],
    watchGlob: '',
    analyzer: 'offline',
  };
  assert.deepEqual(core.configForHandover(config, 'codex'), { ...config, agentKind: 'codex', agentCommand: 'codex', agentArgs: [] });
  assert.equal(core.configForHandover(config, 'claude'), config);
  assert.equal(core.configForHandover(config, 'gemini'), config);
  assert.equal(core.configForHandover({ ...config, agentKindSet: true }, 'codex').agentKind, 'claude');
  const codexUser = { ...config, agentKind: 'codex', agentKindSet: true, agentCommand: 'codex' };
  assert.equal(core.configForHandover(codexUser, 'claude'), codexUser, 'chosen for everything');
});

test('build activity: builds of the window and of hooks overlap without clearing each other', () => {
  const activity = new core.BuildActivity();
  const seen = [];
  const listening = activity.onDidChange(() => seen.push([activity.building, activity.describe()]));
  assert.equal(activity.building, false);
  assert.equal(activity.describe(), '');
  const endOwn = activity.begin('Building a handover from Codex log r.jsonl…');
  activity.setHookBuilds(['3f2a1b2c-0000-4000-8000-000000000001']);
  activity.setHookBuilds(['3f2a1b2c-0000-4000-8000-000000000001']); // the same set: no change
  assert.equal(activity.describe(), 'Building a handover from Codex log r.jsonl… A handover is being written for session 3f2a1b2c…');
  endOwn();
  endOwn(); // twice: once only
  assert.deepEqual([activity.building, activity.describe()], [true, 'A handover is being written for session 3f2a1b2c…'], 'the hook build still shows');
  const second = activity.begin('B');
  activity.setHookBuilds([]);
  assert.deepEqual([activity.building, activity.describe()], [true, 'B'], "the window's build still shows");
  second();
  assert.equal(seen.length, 6);
  assert.deepEqual(seen.at(-1), [false, '']);
  listening.dispose();
  activity.begin('C');
  assert.equal(seen.length, 6, 'a disposed listener hears nothing');
});

test('disposables: a store empties and refills (a re-resolved view), disposes in reverse, and disposes late arrivals', () => {
  const order = [];
  const item = (name) => ({ dispose: () => order.push(name) });
  const store = new core.DisposableStore();
  store.add(item('a'));
  store.add(item('b'));
  store.clear();
  assert.deepEqual(order, ['b', 'a']);
  store.add(item('c'));
  store.clear();
  store.clear();
  assert.deepEqual(order, ['b', 'a', 'c'], 'each item once');
  store.add(item('d'));
  store.dispose();
  store.dispose();
  store.add(item('late'));
  assert.deepEqual(order, ['b', 'a', 'c', 'd', 'late']);

  class Part extends core.Disposable {
    constructor() {
      super();
      this.register(item('owned'));
    }
  }
  new Part().dispose();
  assert.equal(order.at(-1), 'owned');
});

test('untrusted or not, a workspace cannot change the machine-wide hooks or pick the API analyzer (issue 12)', async () => {
  // Only the user's own (global) values reach $HANDOVER_HOME/settings.json, which every session obeys.
  const off = { proactive: false, proactiveThreshold: 0.75 };
  assert.deepEqual(core.machineHookSettings({ workspaceValue: true, workspaceFolderValue: true }, { workspaceValue: true }), {
    blockCompaction: false,
    denyBash: false,
    ...off,
  });
  assert.deepEqual(core.machineHookSettings({ globalValue: true, workspaceValue: false }, { globalValue: true }), {
    blockCompaction: true,
    denyBash: true,
    ...off,
  });
  // Proactive mode is machine-wide too: only the user's own values count.
  assert.deepEqual(core.machineHookSettings(undefined, undefined, { workspaceValue: true }, { workspaceValue: 0.6 }), {
    blockCompaction: false,
    denyBash: false,
    ...off,
  });
  assert.deepEqual(core.machineHookSettings(undefined, undefined, { globalValue: true }, { globalValue: 0.6 }), {
    blockCompaction: false,
    denyBash: false,
    proactive: true,
    proactiveThreshold: 0.6,
  });
  // And in Restricted Mode VS Code ignores a workspace's value for these.
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const key of ['handover.analyzer', 'handover.blockCompaction', 'handover.denyBashWhileBuilding'])
    assert.ok(restricted.includes(key), `${key} is restricted`);
});

test('the detail shows a single request once: the summary drops a "Began with" line that repeats the last request', () => {
  const request = 'Fix the totals in the cart preview and keep prices in cents in the API payload, please. '.repeat(4).trim();
  const began = `Began with: ${request.replace(/\s+/g, ' ').slice(0, 199).trimEnd()}…`;
  const text = `${began}\nAt the end: \`npm test\` passing.\nA Claude Code session: 1 message(s) from the user.`;
  const one = core.toDetailView(record({ summary: { text, lastUserRequest: request } }), false);
  assert.equal(one.summary, 'At the end: `npm test` passing.\nA Claude Code session: 1 message(s) from the user.');
  assert.equal(one.lastUserRequest, request);
  // Two requests: the first one is news beside the last.
  const two = core.toDetailView(
    record({ summary: { text: `Began with: Set up the project\n${text.split('\n').slice(1).join('\n')}`, lastUserRequest: request } }),
    false,
  );
  assert.ok(two.summary.startsWith('Began with: Set up the project'), two.summary);
});
