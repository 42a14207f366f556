// Automatic and idle compaction end to end, with the real `claude` CLI (2.1.328) and our hooks, against
// the scripted model server. Nothing about the usage is faked: the server reports input/output tokens
// from the real size of each request and reply, the conversation really grows past the threshold (a
// 400 KB file written by the Write tool, or a 400 KB answer), and Claude Code decides by itself to compact.
// CLAUDE_CODE_AUTO_COMPACT_WINDOW=100000 (the smallest window it accepts) keeps that growth modest: its
// threshold is then about 67k tokens. Claude Code 2.1.328 compacts automatically in `-p` mode, both in the
// middle of a turn (before the request that would carry the grown context) and at the start of a resumed
// turn; PreCompact and PostCompact get `trigger: "auto"`, SessionStart fires with source `compact`.
// Its idle compaction is fired as its headless cloud worker runs it (see the last test for what fires
// it and what does not); that one reaches the hooks as `trigger: "manual"`. PostCompact's
// `compact_summary` is the model's raw reply (<analysis> scratchpad, <summary> tags).
//   npm run test:e2e:compaction
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startChain } from '../support/claudeChain.mjs';
import { findSessionLog, runClaude, startStreamingClaude } from '../support/claudeSession.mjs';
import { compactions, lastBeforeBoundary, logRecords, waitFor } from '../support/compactionLog.mjs';

const SUMMARY = 'E2E-AUTO-SUMMARY: the notes were written and the work goes on.';
/** About 400 KB of plain text: ~100k tokens by Claude Code's estimate, past a 100k window's threshold. */
const bulk = (label) =>
  Array.from({ length: 6400 }, (_, i) => `${label} line ${String(i).padStart(5, '0')}: measured, written down, kept for later.\n`).join('');

const smallWork = (project, name) => [
  [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, name), content: `${name} AUTO-E2E-MARKER\n` } }],
  [{ type: 'tool_use', name: 'Bash', input: { command: `cat ${name}`, description: 'show it' } }],
  [{ type: 'text', text: `${name} written.` }],
];

/** Text of the assistant records after `line` (1-based). */
const assistantTextAfter = (path, line) =>
  logRecords(path)
    .slice(line)
    .filter((r) => r.type === 'assistant')
    .flatMap((r) => (Array.isArray(r.message?.content) ? r.message.content : []))
    .filter((b) => b.type === 'text')
    .map((b) => b.text)
    .join('\n');

test('automatic compaction with the real CLI: never blocked, always handed over', { timeout: 480_000 }, async (t) => {
  const chain = await startChain({ files: { 'README.md': '# e2e\n' }, summary: `<analysis>done</analysis>\n<summary>${SUMMARY}</summary>` });
  t.after(() => chain.close());
  const { project, handoverHome, server } = chain;
  chain.env.HANDOVER_HOME = handoverHome;
  chain.env.CLAUDE_CODE_AUTO_COMPACT_WINDOW = '100000';
  const cliCommand = `'${process.execPath}' '${join(process.cwd(), 'dist', 'cli.js')}'`;
  const installed = chain.cli(['install-hooks', '--workspace', project, '--command', cliCommand]);
  assert.equal(installed.status, 0, installed.stderr);
  const settingsPath = join(project, '.claude', 'settings.local.json');
  const compactRequests = () => server.requests.filter((r) => r.kind === 'compact').length;
  const lockPath = (sessionId) => join(handoverHome, 'locks', sessionId);
  const handoverReady = (sessionId) => existsSync(join(project, '.handover', sessionId, 'resume-prompt.md')) && !existsSync(lockPath(sessionId));
  const readData = (sessionId) => JSON.parse(readFileSync(join(project, '.handover', sessionId, 'handover.json'), 'utf8'));
  /** Which hook started each build of the session, in order (from the builder's log). */
  const buildsStartedBy = (sessionId) =>
    [...readFileSync(join(handoverHome, 'logs', `build-${sessionId}.log`), 'utf8').matchAll(/ started by ([\w-]+) /g)].map((m) => m[1]);
  /** Claude Code's summary is in the handover once, as the conversation has it (PostCompact gets the model's raw reply). */
  const assertSummaryOnce = (sessionId) => {
    const summaries = readData(sessionId).summary.compactionSummaries;
    assert.equal(summaries.filter((s) => s.includes('E2E-AUTO-SUMMARY')).length, 1, JSON.stringify(summaries));
    assert.ok(!summaries.some((s) => s.includes('<analysis>') || s.includes('<summary>')), 'no scratchpad, no tags');
  };

  await t.test('mid-turn, with blockCompaction on: the compaction goes through and PreCompact (trigger auto) builds a verified handover', async (tt) => {
    chain.env.HANDOVER_BLOCK_COMPACTION = '1';
    tt.after(() => delete chain.env.HANDOVER_BLOCK_COMPACTION);
    const before = compactRequests();
    const session = await chain.runSession({
      prompts: ['write a.txt', 'write the notes'],
      turns: ({ project: p }) => [
        ...smallWork(p, 'a.txt'),
        [{ type: 'tool_use', name: 'Write', input: { file_path: join(p, 'notes.txt'), content: bulk('NOTES') } }],
        [{ type: 'text', text: 'AUTO-E2E-AFTER: notes.txt written.' }],
      ],
    });
    const found = compactions(session.logPath);
    assert.equal(found.length, 1, 'one compaction');
    assert.equal(found[0].trigger, 'auto', 'Claude Code compacted on its own');
    assert.ok(found[0].preTokens > 67_000, `it compacted past the threshold (${found[0].preTokens} tokens)`);
    assert.ok(compactRequests() > before, 'the model was asked for the summary');
    assert.match(assistantTextAfter(session.logPath, found[0].line), /AUTO-E2E-AFTER/, 'the turn went on after the compaction');

    const dir = join(project, '.handover', session.sessionId);
    await waitFor(() => handoverReady(session.sessionId), 60_000, 'the handover');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const data = readData(session.sessionId);
    // PreCompact got the automatic compaction and started the build (and did not block it). Had its build
    // read the log before Claude Code wrote the last records, SessionStart (compact) tops it up: either
    // way the handover covers everything before the boundary.
    assert.equal(buildsStartedBy(session.sessionId)[0], 'pre-compact', 'PreCompact started the first build');
    assert.ok(data.log.lines >= lastBeforeBoundary(session.logPath), `${data.log.lines} ≥ ${lastBeforeBoundary(session.logPath)}`);
    for (const file of ['a.txt', 'notes.txt'])
      assert.ok(
        data.modifiedFiles.some((f) => f.path === file),
        `${file} in modifiedFiles`,
      );
    // PostCompact (trigger auto) put Claude Code's summary into it.
    await waitFor(() => readData(session.sessionId).summary.compactionSummaries.some((s) => s.includes('E2E-AUTO-SUMMARY')), 30_000, 'the summary');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const guard = join(handoverHome, 'state', 'blocked-compaction', session.sessionId);
    assert.ok(!existsSync(guard), 'the automatic compaction did not use up the one block');

    // The setting was in force all along: the same session's first manual /compact is held.
    const manual = await runClaude({ prompt: '/compact', cwd: project, env: chain.env, resume: session.sessionId, allowedTools: '' });
    assert.ok(!manual.timedOut, 'the manual /compact ended');
    assert.match(manual.stdout + manual.stderr, /Handover blocked this compaction/);
    assert.equal(compactions(session.logPath).length, 1, 'the manual compaction was blocked');
    assert.ok(existsSync(guard));
    await waitFor(() => !existsSync(lockPath(session.sessionId)), 60_000, 'the build for the blocked compaction');
    // That second build read the whole log, summary record included, and had PostCompact's copy too.
    assertSummaryOnce(session.sessionId);
  });

  await t.test('PreCompact removed, at the start of a resumed turn: SessionStart compact builds it and tells the model', async () => {
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
    delete settings.hooks.PreCompact;
    writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
    const mainBefore = server.mainRequests().length;
    const session = await chain.runSession({
      prompts: ['write b.txt', 'list everything you measured', 'go on'],
      turns: ({ project: p }) => [
        ...smallWork(p, 'b.txt'),
        [{ type: 'text', text: bulk('MEASURED') }],
        [{ type: 'text', text: 'AUTO-E2E-RESUMED: going on.' }],
      ],
    });
    const found = compactions(session.logPath);
    assert.equal(found.length, 1, 'one compaction');
    assert.equal(found[0].trigger, 'auto');
    // It came before the third prompt's request, not within the second: that one's reply was the big answer.
    // (Claude Code 2.1.328 sometimes appends a line of its own shell's stderr to a -p prompt: match the start.)
    const prompts = logRecords(session.logPath).flatMap((r, i) =>
      r.type === 'user' && typeof r.message?.content === 'string' && r.message.content.startsWith('go on') ? [i + 1] : [],
    );
    assert.equal(prompts.length, 1, 'the third prompt is in the log once');
    assert.ok(found[0].line > prompts[0], 'compacted at the start of the resumed turn');

    const dir = join(project, '.handover', session.sessionId);
    await waitFor(() => handoverReady(session.sessionId), 60_000, 'the handover');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const data = readData(session.sessionId);
    assert.equal(data.trigger, 'session-start-compact', 'built by SessionStart (source compact), PreCompact being gone');
    assert.ok(data.log.lines >= lastBeforeBoundary(session.logPath), `${data.log.lines} ≥ ${lastBeforeBoundary(session.logPath)}`);
    assert.ok(data.modifiedFiles.some((f) => f.path === 'b.txt'));
    await waitFor(() => readData(session.sessionId).summary.compactionSummaries.some((s) => s.includes('E2E-AUTO-SUMMARY')), 30_000, 'the summary');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    assertSummaryOnce(session.sessionId);
    // The request after the compaction carried SessionStart's pointer to this session's handover.
    const after = server.mainRequests().slice(mainBefore).at(-1);
    assert.ok(JSON.stringify(after.body.messages).includes(join('.handover', session.sessionId, 'resume-prompt.md')), 'the model was pointed at the handover');
  });

  await t.test('idle compaction, as Claude Code runs it for an idle headless session: the handover covers it too', async () => {
    const reinstalled = chain.cli(['install-hooks', '--workspace', project, '--command', cliCommand]);
    assert.equal(reinstalled.status, 0, reinstalled.stderr);
    // Claude Code 2.1.328 compacts an idle session by itself in two places. Its cloud worker's
    // SleepCompactor (CLAUDE_CODE_REMOTE with CLAUDE_CODE_SLEEP_COMPACT) queues a /compact once the turn
    // has been idle for CLAUDE_CODE_SLEEP_COMPACT_AFTER_MS (60 s at the least), if the prompt cache is
    // warm and the context holds CLAUDE_CODE_IDLE_COMPACT_MIN_TOKENS (60k at the least): that one is
    // fired here. The local one ("Compacted while idle, before the prompt cache expired") waits for 90%
    // of a 1-hour cache's life (54 min) in an attended session, and has no setting to shorten it.
    /** @type {NodeJS.ProcessEnv} */
    const idleEnv = {
      ...chain.env,
      CLAUDE_CODE_REMOTE: '1',
      CLAUDE_CODE_SLEEP_COMPACT: '1',
      CLAUDE_CODE_SLEEP_COMPACT_AFTER_MS: '60000',
      CLAUDE_CODE_IDLE_COMPACT_MIN_TOKENS: '60000',
    };
    delete idleEnv.CLAUDE_CODE_AUTO_COMPACT_WINDOW; // the model's own window: nothing compacts automatically here
    server.cacheWrites = true;
    const sessionId = randomUUID();
    server.push(
      [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, 'idle.txt'), content: bulk('IDLE') } }],
      [{ type: 'text', text: 'IDLE-E2E-DONE: idle.txt written.' }],
    );
    const mainBefore = server.mainRequests().length;
    const session = startStreamingClaude({ cwd: project, env: idleEnv, sessionId, allowedTools: 'Write,Edit,Bash,Read' });
    t.after(() => session.kill());
    session.send('write the idle notes');
    const logPath = () => findSessionLog({ home: chain.home, cwd: project, sessionId })?.path;
    await waitFor(() => logPath() !== undefined && compactions(logPath()).length > 0, 180_000, 'the idle compaction');
    const ended = await session.close();
    assert.equal(ended.code, 0, ended.stderr.slice(0, 400));
    server.cacheWrites = false;
    assert.equal(server.mainRequests().length - mainBefore, 2, 'one turn, and no prompt after it');

    const path = logPath();
    const [found] = compactions(path);
    const records = logRecords(path);
    const lastAnswer = records.findLastIndex((r) => r.type === 'assistant' && JSON.stringify(r.message?.content).includes('IDLE-E2E-DONE'));
    assert.ok(lastAnswer >= 0 && lastAnswer + 1 < found.line, 'compacted after the turn ended');
    const idleMs = Date.parse(records[found.line - 1].timestamp) - Date.parse(records[lastAnswer].timestamp);
    assert.ok(idleMs >= 55_000, `after the session sat idle (${idleMs} ms)`);
    // Claude Code runs it as a queued /compact: hooks see trigger "manual", like a user's own /compact.
    assert.equal(found.trigger, 'manual');

    const dir = join(project, '.handover', sessionId);
    await waitFor(() => handoverReady(sessionId), 60_000, 'the handover');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const data = readData(sessionId);
    assert.equal(buildsStartedBy(sessionId)[0], 'pre-compact', 'PreCompact (trigger manual) started the first build');
    assert.ok(data.log.lines >= lastBeforeBoundary(path), `${data.log.lines} ≥ ${lastBeforeBoundary(path)}`);
    assert.ok(data.modifiedFiles.some((f) => f.path === 'idle.txt'));
    await waitFor(() => readData(sessionId).summary.compactionSummaries.some((s) => s.includes('E2E-AUTO-SUMMARY')), 30_000, 'the summary');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    assertSummaryOnce(sessionId);
  });
});
