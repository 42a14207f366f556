// The triggers that cover every compaction, run the way Claude Code runs them (the real CLI, hook JSON on
// stdin, the real detached builder) on a real Claude Code 2.1.328 log that was compacted with /compact:
// SessionStart (compact) builds the handover PreCompact missed; PostCompact keeps the summary and starts
// the build; an automatic compaction is never blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixturesDir } from '../support/paths.mjs';
import { scenarios } from '../support/generateClaudeFixtures.mjs';
import { scratchDir } from '../support/scratch.mjs';

const fixture = join(fixturesDir, 'claude', 'generated', 'tools-thinking-compact.jsonl');
const rawLines = readFileSync(fixture, 'utf8').split('\n');
const sessionId = JSON.parse(rawLines.find((l) => l.includes('"sessionId"'))).sessionId;
// Independent of the product: the boundary's line, by plain JSON parsing.
const boundaryLine = rawLines.findIndex((l) => l.trim() && JSON.parse(l).subtype === 'compact_boundary') + 1;
// The last record of the conversation before it (what a handover must have read to cover it).
const lastBefore = rawLines
  .slice(0, boundaryLine - 1)
  .reduce((last, l, i) => (l.trim() && ['user', 'assistant', 'system'].includes(JSON.parse(l).type) ? i + 1 : last), 0);

function scratch() {
  const root = scratchDir('compact-trigger-');
  const home = join(root, 'home');
  const workspace = join(root, 'ws');
  const projects = join(root, 'projects');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(projects, { recursive: true });
  const log = join(projects, `${sessionId}.jsonl`);
  copyFileSync(fixture, log);
  return { root, home, workspace, log };
}

function hook(event, input, s, env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HANDOVER_')));
  const result = spawnSync(process.execPath, [cli, 'hook', event], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...clean, HANDOVER_HOME: s.home, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const startInput = (s, extra = {}) => ({
  session_id: sessionId,
  transcript_path: s.log,
  cwd: s.workspace,
  hook_event_name: 'SessionStart',
  source: 'compact',
  ...extra,
});
const handoverDir = (s) => join(s.workspace, '.handover', sessionId);
const contextOf = (result) => JSON.parse(result.stdout).hookSpecificOutput.additionalContext;

async function waitFor(predicate, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('SessionStart (compact) with no handover: builds one from the log, verified, and points at it', () => {
  assert.ok(boundaryLine > 1, 'the fixture holds a compaction boundary');
  const s = scratch();
  const result = hook('session-start', startInput(s), s);
  assert.equal(result.code, 0, result.stderr);
  const context = contextOf(result);
  const prompt = join(handoverDir(s), 'resume-prompt.md');
  assert.ok(context.includes(`one was built now from the session log: ${prompt}`), context);
  assert.match(context, /the verified handover of this session is/);
  const data = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  assert.equal(data.trigger, 'session-start-compact');
  assert.ok(data.log.lines >= lastBefore, `the handover covers the log before the boundary (${data.log.lines} ≥ ${lastBefore})`);
  assert.equal(spawnSync(process.execPath, [cli, 'verify', handoverDir(s)], { env: { ...process.env, HANDOVER_HOME: s.home } }).status, 0);
  assert.ok(!existsSync(join(s.home, 'locks', sessionId)), 'the lock is released');

  // Again: the handover covers the boundary, nothing is rebuilt.
  const before = statSync(prompt).mtimeMs;
  const again = hook('session-start', startInput(s), s);
  assert.ok(!contextOf(again).includes('built now'));
  assert.equal(statSync(prompt).mtimeMs, before);
});

test('a handover older than the newest compaction does not count: it is rebuilt', () => {
  const s = scratch();
  // A handover of the log as it was well before the compaction.
  const early = join(s.root, 'early', `${sessionId}.jsonl`);
  mkdirSync(join(s.root, 'early'));
  writeFileSync(early, rawLines.slice(0, lastBefore - 3).join('\n') + '\n');
  const built = spawnSync(process.execPath, [cli, 'build', early, '--workspace', s.workspace], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: s.home },
  });
  assert.equal(built.status, 0, built.stderr);
  const result = hook('session-start', startInput(s), s);
  assert.ok(contextOf(result).includes('built now'), contextOf(result));
  assert.ok(JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8')).log.lines >= lastBefore);
});

test('a frozen transcript_path: the log named after the session, beside it, is read', () => {
  const s = scratch();
  const frozen = join(s.root, 'projects', 'older-file.jsonl');
  writeFileSync(frozen, rawLines.slice(0, 5).join('\n') + '\n');
  const result = hook('session-start', startInput(s, { transcript_path: frozen }), s);
  assert.ok(contextOf(result).includes('built now'));
  assert.ok(JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8')).log.lines >= lastBefore);
});

test('a transcript of another session builds nothing for this one', () => {
  const s = scratch();
  const result = hook('session-start', startInput(s, { session_id: 'another-session', transcript_path: s.log }), s);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, '');
  assert.ok(!existsSync(join(s.workspace, '.handover')));
});

test('PostCompact keeps compact_summary for the handover and starts the build without waiting for it', async () => {
  const s = scratch();
  const summary = 'POSTCOMPACT-ONLY-SUMMARY: the user wants calc.js to stay dependency-free.';
  const result = hook(
    'post-compact',
    { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PostCompact', trigger: 'auto', compact_summary: summary },
    s,
  );
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '');
  await waitFor(
    () => existsSync(join(handoverDir(s), 'resume-prompt.md')) && !existsSync(join(s.home, 'locks', sessionId)),
    30_000,
    'the build PostCompact started',
  );
  const data = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  assert.equal(data.trigger, 'post-compact');
  assert.ok(data.summary.compactionSummaries.includes(summary), 'the summary the log does not hold is in the handover');
  // The summary the log already holds is not doubled.
  const inLog = data.summary.compactionSummaries.filter((t) => t.includes('FIXTURE-SUMMARY-MARKER'));
  assert.equal(inLog.length, 1);
  assert.ok(readFileSync(join(handoverDir(s), 'resume-prompt.md'), 'utf8').includes('POSTCOMPACT-ONLY-SUMMARY'));
});

test('PostCompact adds the summary to a handover that covers the log, without building it again', () => {
  const s = scratch();
  const built = spawnSync(process.execPath, [cli, 'build', s.log, '--workspace', s.workspace], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: s.home },
  });
  assert.equal(built.status, 0, built.stderr);
  const before = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  const summary = 'AMENDED-SUMMARY: kept by PostCompact.';
  const result = hook(
    'post-compact',
    { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PostCompact', trigger: 'manual', compact_summary: summary },
    s,
  );
  assert.equal(result.code, 0, result.stderr);
  const after = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  assert.deepEqual(after.summary.compactionSummaries, [...before.summary.compactionSummaries, summary]);
  assert.equal(after.createdAt, before.createdAt, 'not rebuilt');
  assert.deepEqual(after.findings, before.findings);
  assert.ok(readFileSync(join(handoverDir(s), 'resume-prompt.md'), 'utf8').includes('AMENDED-SUMMARY'));
  assert.equal(spawnSync(process.execPath, [cli, 'verify', handoverDir(s)], { env: { ...process.env, HANDOVER_HOME: s.home } }).status, 0, 'signed again');
  // The same summary again changes nothing.
  hook(
    'post-compact',
    { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PostCompact', trigger: 'manual', compact_summary: summary },
    s,
  );
  assert.equal(
    JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8')).summary.compactionSummaries.length,
    after.summary.compactionSummaries.length,
  );
});

test("PostCompact's raw reply (an <analysis> scratchpad, <summary> tags) is reduced to the summary the log holds: not added twice", () => {
  const s = scratch();
  const built = spawnSync(process.execPath, [cli, 'build', s.log, '--workspace', s.workspace], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: s.home },
  });
  assert.equal(built.status, 0, built.stderr);
  const before = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8')).summary.compactionSummaries;
  // What Claude Code 2.1.328 hands PostCompact: the model's reply as it came, the same one the fixture's
  // compaction was answered with (the log holds it reduced: "Summary:" and the text of the tags).
  const raw = scenarios['tools-thinking-compact'].summary;
  assert.match(raw, /^<analysis>[\s\S]*<\/analysis>\n<summary>/);
  const input = { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PostCompact', trigger: 'auto', compact_summary: raw };
  const result = hook('post-compact', input, s);
  assert.equal(result.code, 0, result.stderr);
  const data = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  assert.deepEqual(data.summary.compactionSummaries, before, 'the summary the log holds is not added again');
  const saved = readFileSync(join(s.home, 'state', 'compact-summaries', `${sessionId}.jsonl`), 'utf8');
  assert.doesNotMatch(saved, /analysis|<summary>/, 'the scratchpad and the tags are not kept');
  assert.match(saved, /FIXTURE-SUMMARY-MARKER-a-calculator-module/);

  // A summary the log does not hold is added as the conversation shows it, the scratchpad left out.
  const other = '<analysis>\nSCRATCHPAD-ONLY thoughts.\n</analysis>\n\n<summary>\n1. Primary Request: RAW-ONLY-SUMMARY.\n\n2. More.\n</summary>';
  assert.equal(hook('post-compact', { ...input, compact_summary: other }, s).code, 0);
  const after = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8')).summary.compactionSummaries;
  assert.deepEqual(after, [...before, 'Summary:\n1. Primary Request: RAW-ONLY-SUMMARY.\n2. More.']);
  assert.doesNotMatch(readFileSync(join(handoverDir(s), 'resume-prompt.md'), 'utf8'), /SCRATCHPAD-ONLY/);
});

test('while a build runs, PostCompact does not wait: the builder adds the saved summary before it lets go', async () => {
  const s = scratch();
  const env = { HANDOVER_BUILD_DELAY_MS: '1500' };
  const pre = hook('pre-compact', { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PreCompact', trigger: 'auto' }, s, env);
  assert.equal(pre.code, 0, pre.stderr);
  assert.ok(existsSync(join(s.home, 'locks', sessionId)), 'the build holds the lock');
  const started = Date.now();
  const summary = 'DURING-BUILD-SUMMARY: saved while the handover was being written.';
  const post = hook(
    'post-compact',
    { session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PostCompact', trigger: 'auto', compact_summary: summary },
    s,
  );
  assert.equal(post.code, 0, post.stderr);
  assert.ok(Date.now() - started < 1500, `PostCompact returned without waiting for the build (${Date.now() - started} ms)`);
  await waitFor(() => !existsSync(join(s.home, 'locks', sessionId)), 30_000, 'the build to end');
  const data = JSON.parse(readFileSync(join(handoverDir(s), 'handover.json'), 'utf8'));
  assert.equal(data.trigger, 'pre-compact');
  assert.ok(data.summary.compactionSummaries.includes(summary));
  assert.equal(spawnSync(process.execPath, [cli, 'verify', handoverDir(s)], { env: { ...process.env, HANDOVER_HOME: s.home } }).status, 0);
});

test('blockCompaction holds only a compaction someone asked for, once; an automatic one always goes through', async () => {
  const s = scratch();
  const input = (trigger) => ({ session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'PreCompact', trigger });
  const env = { HANDOVER_BLOCK_COMPACTION: '1', HANDOVER_BUILD_DELAY_MS: '0' };
  const auto = hook('pre-compact', input('auto'), s, env);
  assert.equal(auto.code, 0, auto.stderr);
  assert.ok(!auto.stdout.includes('"decision":"block"'), 'auto compaction at the context limit is never blocked');
  const released = () => waitFor(() => !existsSync(join(s.home, 'locks', sessionId)), 30_000, 'the build to release its lock');
  await released();
  const manual = hook('pre-compact', input('manual'), s, env);
  assert.equal(JSON.parse(manual.stdout).decision, 'block');
  await released();
  const again = hook('pre-compact', input('manual'), s, env);
  assert.ok(!again.stdout.includes('"decision":"block"'), 'only once');
});
