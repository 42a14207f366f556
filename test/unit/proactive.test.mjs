// Proactive mode: context usage read from the newest usage figures of real logs (checked against a plain
// JSON reading of the same logs), and the Stop hook run as Claude Code runs it: off by default, silent
// below the threshold, past it a handover built before any compaction, once per filling of the context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cli, fixturesDir, repoRoot } from '../support/paths.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const analysis = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

function jsonlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonlFiles(path));
    else if (entry.name.endsWith('.jsonl') && !path.includes('/subagents/')) out.push(path);
  }
  return out;
}

/** Independent reading: the newest main-thread usage, unless a compaction came after it. */
function expectedUsage(text) {
  let found;
  for (const line of text.split('\n')) {
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    if ((r.type === 'system' && r.subtype === 'compact_boundary') || r.type === 'compacted') found = undefined;
    else if (r.type === 'assistant' && !r.isSidechain && !r.isApiErrorMessage && r.message?.usage) {
      const u = r.message.usage;
      const used = ['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'output_tokens'].reduce(
        (sum, k) => sum + (Number(u[k]) > 0 ? Number(u[k]) : 0),
        0,
      );
      if (used > 0) found = { used, model: r.message.model };
    } else if (r.type === 'event_msg' && r.payload?.type === 'token_count' && r.payload.info) {
      const last = r.payload.info.last_token_usage ?? {};
      const used = last.total_tokens || (last.input_tokens ?? 0) + (last.output_tokens ?? 0);
      if (used && r.payload.info.model_context_window) found = { used, window: r.payload.info.model_context_window };
    }
  }
  return found;
}

test('context usage on every real log in the fixtures matches a plain reading of its newest usage', () => {
  let withUsage = 0;
  for (const path of jsonlFiles(fixturesDir)) {
    const text = readFileSync(path, 'utf8');
    const expected = expectedUsage(text);
    const got = analysis.contextUsageFromTail(text);
    if (!expected) {
      assert.equal(got, undefined, path);
      continue;
    }
    withUsage++;
    assert.equal(got?.usedTokens, expected.used, path);
    const window = expected.window ?? (/\[1m\]|-1m\b/i.test(expected.model ?? '') ? 1_000_000 : 200_000);
    assert.equal(got.windowTokens, window, path);
    assert.ok(got.fraction > 0 && got.fraction < 1, `${path}: ${got.fraction}`);
    // Reading only the tail (as the hook does) gives the same answer when the newest usage is in it.
    const tail = text.slice(-512 * 1024);
    if (tail.length < text.length && expectedUsage(tail.slice(tail.indexOf('\n') + 1))) assert.deepEqual(analysis.contextUsageFromTail(tail), got, path);
  }
  assert.ok(withUsage >= 5, `${withUsage} real logs with usage figures`);
});

const chainLog = join(fixturesDir, 'claude', 'chain', 'session-1.jsonl');
const sessionId = JSON.parse(
  readFileSync(chainLog, 'utf8')
    .split('\n')
    .find((l) => l.includes('"sessionId"')),
).sessionId;

/** A copy of a real log whose newest assistant record reports `tokens` of context (the only change). */
function logWithUsage(dir, tokens) {
  const log = join(dir, `${sessionId}.jsonl`);
  copyFileSync(chainLog, log);
  appendHighUsage(log, tokens);
  return log;
}

function appendHighUsage(log, tokens) {
  const lines = readFileSync(chainLog, 'utf8').split('\n').filter(Boolean);
  const last = JSON.parse(lines.findLast((l) => JSON.parse(l).type === 'assistant'));
  last.uuid = `${last.uuid.slice(0, -4)}${String(Math.floor(Math.random() * 9000) + 1000)}`;
  last.message.usage = { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: tokens - 10, output_tokens: 0 };
  appendFileSync(log, JSON.stringify(last) + '\n');
}

function stop(s, env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HANDOVER_')));
  const r = spawnSync(process.execPath, [cli, 'hook', 'stop'], {
    input: JSON.stringify({ session_id: sessionId, transcript_path: s.log, cwd: s.workspace, hook_event_name: 'Stop', stop_hook_active: false }),
    encoding: 'utf8',
    env: { ...clean, HANDOVER_HOME: s.home, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function waitFor(predicate, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function scratch(tokens) {
  const root = scratchDir('proactive-');
  const workspace = join(root, 'ws');
  mkdirSync(workspace);
  return { root, workspace, home: join(root, 'home'), log: logWithUsage(root, tokens) };
}

test('proactive mode is off by default: the Stop hook says and builds nothing', () => {
  const s = scratch(190_000);
  const r = stop(s);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.ok(!existsSync(join(s.workspace, '.handover')));
});

test('on, below the threshold: nothing; past it: a handover built before any compaction, and said once per fill', async () => {
  const below = scratch(140_000);
  assert.equal(stop(below, { HANDOVER_PROACTIVE: '1' }).stdout, '', '70% of 200k is below the default 75%');

  const s = scratch(175_000);
  const r = stop(s, { HANDOVER_PROACTIVE: '1' });
  assert.equal(r.code, 0, r.stderr);
  const message = JSON.parse(r.stdout).systemMessage;
  const prompt = join(s.workspace, '.handover', sessionId, 'resume-prompt.md');
  assert.match(message, /the context is 88% full \(175,000 of 200,000 tokens\)/);
  assert.ok(message.includes(prompt));
  await waitFor(() => existsSync(prompt) && !existsSync(join(s.home, 'locks', sessionId)), 30_000, 'the proactive build');
  const data = JSON.parse(readFileSync(join(s.workspace, '.handover', sessionId, 'handover.json'), 'utf8'));
  assert.equal(data.trigger, 'proactive');
  assert.equal(data.stats.compactions.length, 0, 'built before any compaction');
  assert.equal(
    spawnSync(process.execPath, [cli, 'verify', join(s.workspace, '.handover', sessionId)], { env: { ...process.env, HANDOVER_HOME: s.home } }).status,
    0,
  );

  // The same filling of the context: not again.
  appendHighUsage(s.log, 180_000);
  assert.equal(stop(s, { HANDOVER_PROACTIVE: '1' }).stdout, '');
  // After a compaction emptied it and it filled up again: again.
  const boundary = {
    type: 'system',
    subtype: 'compact_boundary',
    content: 'Conversation compacted',
    sessionId,
    uuid: 'b0000000-0000-4000-8000-000000000001',
    timestamp: new Date().toISOString(),
  };
  appendFileSync(s.log, JSON.stringify(boundary) + '\n');
  assert.equal(stop(s, { HANDOVER_PROACTIVE: '1' }).stdout, '', 'right after the compaction the context is not full');
  appendHighUsage(s.log, 181_000);
  assert.match(JSON.parse(stop(s, { HANDOVER_PROACTIVE: '1' }).stdout).systemMessage, /91% full/);
  await waitFor(() => !existsSync(join(s.home, 'locks', sessionId)), 30_000, 'the second build');
});

test('the threshold is a setting: the file the extension writes, or the environment', () => {
  const s = scratch(130_000);
  mkdirSync(s.home, { recursive: true });
  writeFileSync(join(s.home, 'settings.json'), JSON.stringify({ proactive: true, proactiveThreshold: 0.6 }));
  assert.match(JSON.parse(stop(s).stdout).systemMessage, /65% full/);
  const t = scratch(130_000);
  assert.equal(stop(t, { HANDOVER_PROACTIVE: '1', HANDOVER_PROACTIVE_THRESHOLD: '0.7' }).stdout, '');
  assert.equal(stop(t, { HANDOVER_PROACTIVE: '1', HANDOVER_PROACTIVE_THRESHOLD: '7' }).stdout, '', 'an invalid threshold keeps the default');
});

test('the window: Claude Code’s own auto-compact window when it is set; 1M when the context already holds more than 200k', () => {
  // 130k of a 200k window is below 75%; of CLAUDE_CODE_AUTO_COMPACT_WINDOW=150000 it is 87%.
  const s = scratch(130_000);
  assert.equal(stop(s, { HANDOVER_PROACTIVE: '1' }).stdout, '');
  const t = scratch(130_000);
  assert.match(
    JSON.parse(stop(t, { HANDOVER_PROACTIVE: '1', CLAUDE_CODE_AUTO_COMPACT_WINDOW: '150000' }).stdout).systemMessage,
    /87% full \(130,000 of 150,000/,
  );
  const u = scratch(130_000);
  assert.equal(stop(u, { HANDOVER_PROACTIVE: '1', CLAUDE_CODE_AUTO_COMPACT_WINDOW: '5000' }).stdout, '', 'below Claude Code’s 100k minimum: ignored');
  // A model id without [1m] that already holds 300k tokens runs with the 1M window: 30%, no handover yet.
  const line = (used) => JSON.stringify({ type: 'assistant', message: { model: 'claude-opus-5-5', usage: { input_tokens: used, output_tokens: 0 } } });
  const usage = analysis.contextUsageFromTail(`${line(300_000)}\n`);
  assert.equal(usage.windowTokens, 1_000_000);
  assert.equal(analysis.contextUsageFromTail(`${line(150_000)}\n`).windowTokens, 200_000);
});
