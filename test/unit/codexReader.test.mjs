// Codex rollouts written from the published format (test/fixtures/codex/): the older one (event_msg
// user_message / agent_message / agent_reasoning / exec_command_end / patch_apply_end beside
// response_item) and the current one (item_completed mirrors), read into events, asserted field by field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.mjs';
import { extractLog, readTranscript } from '../../dist/test/transcript.js';

async function read(name, interest = 'all') {
  const events = [];
  const result = await readTranscript(join(fixturesDir, 'codex', name), (e) => events.push(e), { interest });
  return { events, result };
}
const brief = (e) => [e.line, e.kind, e.subtype ?? e.callId ?? '', e.text ?? e.name ?? ''];

test('older rollout: each conversation text once, tool results with exit codes and error flags, line numbers', async () => {
  const { events, result } = await read('rollout-older-format.jsonl');
  assert.equal(result.agent, 'codex');
  assert.equal(result.problems.malformed.count + result.problems.invalidJson.count + result.problems.unknownTypes.size, 0);
  const meta = events[0];
  assert.deepEqual(
    [meta.kind, meta.agent, meta.version, meta.sessionId, meta.cwd, meta.gitBranch],
    ['session-meta', 'codex', '0.23.0', '5973b6c0-94b8-487b-a530-2aeb6098ae0e', '/home/dev/calc', 'main'],
  );
  assert.deepEqual(events.filter((e) => e.kind !== 'tool-call' && e.kind !== 'tool-result' && e.kind !== 'session-meta').map(brief), [
    [3, 'user', '', 'add a divide function and test it'],
    [6, 'thinking', '', '**Planning divide**\n\nGuard division by zero before writing the test.'],
    [16, 'assistant-text', '', 'Added divide() with a zero guard; the test now passes.'],
    [19, 'user', '', 'continue'],
    [21, 'system', 'interrupt', 'Turn aborted: interrupted'],
    [22, 'user', '', 'continue'], // typed twice: both kept, each family's mirror dropped
    [24, 'user', '', 'now also handle modulo'], // only in event_msg: kept
    [25, 'system', 'compact-boundary', 'Conversation compacted'],
    [25, 'system', 'compact-summary', 'Summary: divide() added with a zero guard; modulo still to do.'],
    [26, 'system', 'api-error', 'stream disconnected before completion: 502 Bad Gateway'],
  ]);
  const calls = events.filter((e) => e.kind === 'tool-call').map((e) => [e.line, e.callId, e.name, JSON.stringify(e.input)]);
  assert.deepEqual(calls, [
    [8, 'call_A', 'shell', JSON.stringify({ command: ['bash', '-lc', 'pytest -q'], workdir: '/home/dev/calc', timeout_ms: 120000 })],
    [11, 'call_B', 'local_shell', JSON.stringify({ command: ['ls', '-la'] })],
    [
      13,
      'call_C',
      'apply_patch',
      JSON.stringify({ input: '*** Begin Patch\n*** Update File: calc.py\n@@\n+def divide(a, b):\n+    return a / b\n*** End Patch' }),
    ],
  ]);
  const results = events.filter((e) => e.kind === 'tool-result').map((e) => [e.line, e.callId, e.exitCode, e.isError, e.text]);
  assert.deepEqual(results, [
    [9, 'call_A', 1, true, 'F\n1 failed in 0.12s'], // exec_command_end first; the function_call_output repeat is dropped
    [12, 'call_B', 0, false, 'total 8\ncalc.py'], // exit code from the {"output","metadata"} JSON string
    [14, 'call_C', undefined, true, 'patch rejected: context mismatch in calc.py'],
  ]);
  for (const e of events) assert.equal(e.timestamp, new Date(Date.parse('2025-08-20T10:00:00.000Z') + e.line * 1000).toISOString());
});

test('older rollout, conversation interest: the same conversation, no tool traffic, tool lines never parsed', async () => {
  const all = (await read('rollout-older-format.jsonl')).events.filter((e) => !['tool-call', 'tool-result', 'session-meta'].includes(e.kind));
  const { events, result } = await read('rollout-older-format.jsonl', 'conversation');
  assert.deepEqual(events.filter((e) => e.kind !== 'session-meta').map(brief), all.map(brief));
  assert.ok(result.stats.skippedUnparsed >= 8, `skipped ${result.stats.skippedUnparsed}`);
});

test('current rollout: injected context dropped, item_completed mirrors ignored, exit code parsed from output', async () => {
  const { events } = await read('rollout-current-format.jsonl');
  assert.deepEqual(events.map(brief), [
    [1, 'session-meta', '', ''],
    [7, 'user', '', 'count the TODOs in notes.md'],
    [9, 'thinking', '', 'grep -c is enough; the file may not exist yet.'],
    [10, 'tool-call', 'call_n1', 'exec_command'],
    [13, 'tool-result', 'call_n1', 'Chunk ID: 1a2b\nWall time: 0.01 seconds\nProcess exited with code 2\nOutput:\ngrep: notes.md: No such file or directory\n'],
    [14, 'assistant-text', '', 'notes.md does not exist, so there are no TODOs yet.'],
  ]);
  const result = events.find((e) => e.kind === 'tool-result');
  assert.deepEqual([result.exitCode, result.isError], [2, true]);
  assert.deepEqual(events[1].sessionId, '01a2b3c4-0000-7000-8000-00000000abcd');
  assert.deepEqual([events[1].cwd, events[1].gitBranch, events[1].sidechain], ['/home/dev/notes', 'docs', false]);
});

test('extract of the older rollout: typed messages and thinking once each, the stand-in, no tool output', async () => {
  const { markdown, counts } = await extractLog(join(fixturesDir, 'codex', 'rollout-older-format.jsonl'));
  assert.equal(markdown.split('add a divide function and test it').length - 1, 1);
  assert.equal(markdown.split('Guard division by zero').length - 1, 1);
  assert.equal(counts.user, 4);
  assert.equal(counts.thinking, 1);
  assert.doesNotMatch(markdown, /1 failed in|patch rejected|environment_context/);
  assert.match(markdown, /Compaction summary \(line 25\)\n\nSummary: divide\(\) added/);
});
