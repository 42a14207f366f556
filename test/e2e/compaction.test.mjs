// Automatic compaction end to end, with the real `claude` CLI (2.1.328) and our hooks, against the
// scripted model server. Nothing about the usage is faked: the server reports input/output tokens from
// the real size of each request and reply, the conversation really grows past the threshold (a 400 KB
// file written by the Write tool, or a 400 KB answer), and Claude Code decides by itself to compact.
// CLAUDE_CODE_AUTO_COMPACT_WINDOW=100000 (the smallest window it accepts) keeps that growth modest: its
// threshold is then about 67k tokens. Claude Code 2.1.328 compacts automatically in `-p` mode, both in the
// middle of a turn (before the request that would carry the grown context) and at the start of a resumed
// turn; PreCompact and PostCompact get `trigger: "auto"`, SessionStart fires with source `compact`.
//   npm run test:e2e:compaction
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChain } from '../support/claudeChain.mjs';
import { runClaude } from '../support/claudeSession.mjs';
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

test('automatic compaction with the real CLI: never blocked, always handed over', { timeout: 300_000 }, async (t) => {
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

  await t.test('mid-turn, with blockCompaction on: the compaction goes through and PreCompact (trigger auto) builds a verified handover', async () => {
    chain.env.HANDOVER_BLOCK_COMPACTION = '1';
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
    assert.equal(data.trigger, 'pre-compact', 'PreCompact fired for the automatic compaction and built it');
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
    delete chain.env.HANDOVER_BLOCK_COMPACTION;
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
    // The request after the compaction carried SessionStart's pointer to this session's handover.
    const after = server.mainRequests().slice(mainBefore).at(-1);
    assert.ok(JSON.stringify(after.body.messages).includes(join('.handover', session.sessionId, 'resume-prompt.md')), 'the model was pointed at the handover');
  });
});
