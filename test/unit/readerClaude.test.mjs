// Claude Code readers: 1.0.x inline sidechains (real samples), a 2.1.x session written from the format
// (test/fixtures/claude/session-2.1: compact_boundary + isCompactSummary, queued_command, api errors,
// interrupts, an unknown record type, a subagent log, a persisted tool output), and the 2% requirement
// on concatenated real logs over 1 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, samplesDir } from '../support/paths.mjs';
import {
  extractLog,
  peekTopLevelType,
  readSession,
  readTranscript,
  sessionLogFiles,
  toolResultFilePath,
  userContentMayHaveText,
} from '../../dist/test/transcript.js';

const sessionDir = join(fixturesDir, 'claude', 'session-2.1');
const sessionId = '7f3c2a10-5b6e-4c1d-9a8b-2e4f6a8c0d12';
const mainLog = join(sessionDir, `${sessionId}.jsonl`);
const claudeSamples = readdirSync(join(samplesDir, 'claude-code'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .map((f) => join(samplesDir, 'claude-code', f));

async function read(path, options) {
  const events = [];
  const result = await readTranscript(path, (e) => events.push(e), options);
  return { events, result };
}
const brief = (e) => [e.line, e.kind, e.subtype ?? '', e.text ?? e.name ?? ''];

test('1.0.x inline sidechains: sidechain records are marked, their prompts are not user messages', async () => {
  const sample = claudeSamples.find((p) => readFileSync(p, 'utf8').includes('"isSidechain":true'));
  const raw = readFileSync(sample, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const { events } = await read(sample);
  const sidechainLines = new Set(raw.flatMap((r, i) => (r.isSidechain === true ? [i + 1] : [])));
  assert.ok(sidechainLines.size > 0);
  for (const e of events) assert.equal(e.sidechain, sidechainLines.has(e.line), `line ${e.line} sidechain flag`);
  assert.ok(events.some((e) => e.sidechain && e.kind === 'tool-call'));
  const { markdown } = await extractLog(sample);
  for (const e of events.filter((x) => x.sidechain && x.kind === 'user'))
    assert.ok(!markdown.includes(`User (line ${e.line})`), `sidechain prompt at line ${e.line} is not a user message`);
});

test('2.1.x session: every kind of record becomes the right event, with origin fields', async () => {
  const { events, result } = await read(mainLog);
  assert.equal(result.agent, 'claude');
  assert.deepEqual([...result.problems.unknownTypes], [['hologram-state', 1]]);
  assert.equal(result.problems.malformed.count, 0);
  const conversation = events.filter((e) => e.kind !== 'tool-call' && e.kind !== 'tool-result').map(brief);
  assert.deepEqual(conversation, [
    [3, 'user', '', '/init'],
    [5, 'user', '', 'The cart total is wrong when a coupon is applied twice.'], // system-reminder stripped
    [6, 'thinking', '', 'The coupon is probably applied in both applyCoupon and computeTotal; check cart.ts first.'],
    [7, 'assistant-text', '', 'Let me look at the cart code.'],
    [11, 'user', '', 'also check the tests please'], // queued_command attachment
    [12, 'thinking', '', ''], // signature only
    [13, 'assistant-text', '', 'Found it: computeTotal re-applies the coupon.'],
    [16, 'system', 'api-error', 'API Error: 529 Overloaded'],
    [17, 'system', 'api-error', 'API Error: Request was aborted.'],
    [18, 'system', 'interrupt', '[Request interrupted by user]'],
    [20, 'system', 'compact-boundary', 'Conversation compacted · trigger: manual · 48211 tokens before'],
    [
      21,
      'system',
      'compact-summary',
      'This session is being continued from a previous conversation that ran out of context. Summary: the coupon bug is in computeTotal.',
    ],
    [22, 'user', '', 'great, now fix it'],
    [23, 'thinking', '', ''], // redacted_thinking
    [24, 'assistant-text', '', 'Fixed computeTotal so the coupon applies once.'],
    [25, 'system', 'other', '<command-name>/model</command-name>'],
  ]);
  const user = events.find((e) => e.line === 5);
  assert.deepEqual(
    [user.sessionId, user.cwd, user.gitBranch, user.sidechain, user.uuid, user.timestamp],
    [sessionId, '/home/dev/shop', 'feature/cart', false, '00000000-0000-4000-8000-000000000004', '2026-03-01T10:00:35.000Z'],
  );
  const results = events.filter((e) => e.kind === 'tool-result').map((e) => [e.line, e.callId, e.isError, e.externalFile]);
  assert.deepEqual(results, [
    [9, 'toolu_01', false, `/home/dev/.claude/projects/-home-dev-shop/${sessionId}/tool-results/toolu_01.txt`],
    [15, 'toolu_02', true, undefined],
  ]);
  const calls = events.filter((e) => e.kind === 'tool-call').map((e) => [e.line, e.callId, e.name, e.messageId]);
  assert.deepEqual(calls, [
    [8, 'toolu_01', 'Bash', 'msg_A1'],
    [14, 'toolu_02', 'Task', 'msg_A2'],
  ]);
});

test('a persisted tool output is found beside the log, wherever the log now lives', async () => {
  const { events } = await read(mainLog);
  const persisted = events.find((e) => e.kind === 'tool-result' && e.externalFile);
  const local = toolResultFilePath(mainLog, persisted.externalFile);
  assert.equal(local, join(sessionDir, sessionId, 'tool-results', 'toolu_01.txt'));
  assert.match(readFileSync(local, 'utf8'), /applyCoupon/);
});

test('sessionLogFiles lists the main log then its subagent logs; readSession marks subagent events', async () => {
  assert.deepEqual(await sessionLogFiles(mainLog), [
    { path: mainLog },
    { path: join(sessionDir, sessionId, 'subagents', 'agent-a1b2c3.jsonl'), subagent: 'agent-a1b2c3.jsonl' },
  ]);
  assert.deepEqual(await sessionLogFiles(claudeSamples[0]), [{ path: claudeSamples[0] }]);
  const events = [];
  const files = await readSession(mainLog, (e) => events.push(e));
  assert.equal(files.length, 2);
  const sub = events.filter((e) => e.subagent === 'agent-a1b2c3.jsonl');
  assert.deepEqual(
    sub.map((e) => [e.line, e.kind, e.sidechain]),
    [
      [1, 'user', true],
      [2, 'thinking', true],
      [3, 'tool-call', true],
      [4, 'tool-result', true],
      [5, 'assistant-text', true],
    ],
  );
  assert.deepEqual([sub[3].isError, sub[3].exitCode], [true, 1]);
});

test('extract of the 2.1.x session: in order, stand-ins in place, subagent thinking under its heading, no tool traffic', async () => {
  const { markdown, counts, subagentFiles } = await extractLog(mainLog);
  assert.equal(subagentFiles.length, 1);
  const headings = markdown
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^### \S+ \S+ · /, ''));
  assert.deepEqual(headings, [
    `# Session extract: ${sessionId}`,
    'User (line 3)',
    'User (line 5)',
    'Thinking (line 6)',
    'User (line 11)',
    'Assistant (stands in for empty thinking; line 13)',
    'API error (line 16)',
    'API error (line 17)',
    'Interrupted (line 18)',
    'Compaction (line 20)',
    'Compaction summary (line 21)',
    'User (line 22)',
    'Assistant (stands in for empty thinking; line 24)',
    '## Subagent agent-a1b2c3.jsonl',
    'Thinking (subagent agent-a1b2c3.jsonl) (line 2)',
  ]);
  assert.doesNotMatch(markdown, /Let me look at the cart code/); // its turn had thinking text
  assert.doesNotMatch(markdown, /grep -rn|Preview \(first 2KB\)|Run the cart tests|system-reminder|Caveat/);
  assert.deepEqual(
    [counts.user, counts.thinking, counts.emptyThinking, counts.assistantStandIn, counts.compaction, counts.compactionSummary],
    [4, 2, 2, 2, 1, 1],
  );
});

/** Typed user messages and non-empty thinking, the slow obvious way, for the completeness check. */
function mustKeep(path) {
  const keep = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const c = r.message?.content;
    if (r.type === 'user' && !r.isMeta && !r.isSidechain && !r.isCompactSummary) {
      const texts = typeof c === 'string' ? [c] : Array.isArray(c) ? c.filter((b) => b.type === 'text').map((b) => b.text) : [];
      for (const t of texts) {
        if (/^\[Request interrupted/.test(t.trim()) || /<command-name>|<local-command-stdout>/.test(t)) continue;
        const clean = t.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim();
        if (clean) keep.push(clean);
      }
    }
    if (r.type === 'assistant' && Array.isArray(c)) for (const b of c) if (b.type === 'thinking' && b.thinking?.trim()) keep.push(b.thinking.trim());
  }
  return keep;
}

test('real logs concatenated past 1 MB: extract ≤ 2% of the bytes, 100% of typed messages and thinking', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'handover-concat-'));
  try {
    const path = join(dir, 'concatenated.jsonl');
    writeFileSync(path, claudeSamples.map((p) => readFileSync(p, 'utf8')).join(''));
    const { markdown, bytesIn, bytesOut } = await extractLog(path);
    assert.ok(bytesIn > 1024 * 1024, `input ${bytesIn} bytes is over 1 MB`);
    assert.ok(bytesOut / bytesIn <= 0.02, `extract is ${((bytesOut / bytesIn) * 100).toFixed(2)}% of the input`);
    const keep = mustKeep(path);
    assert.ok(keep.length > 10);
    for (const text of keep) assert.ok(markdown.includes(text), `missing: ${text.slice(0, 80)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('skip rules: a user line is judged text-free only when its own content blocks hold no text', () => {
  const cases = [
    [{ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', content: [{ type: 'text', text: 'x' }] }] } }, false],
    [
      {
        type: 'user',
        message: {
          role: 'user',
          content: [
            { type: 'tool_result', content: 'r' },
            { type: 'text', text: 'typed beside a result' },
          ],
        },
      },
      true,
    ],
    [{ type: 'user', message: { role: 'user', content: 'typed' } }, true],
    [
      { type: 'user', message: { role: 'user', content: [{ type: 'tool_result', content: 'r' }] }, toolUseResult: { content: [{ type: 'text', text: 'x' }] } },
      false,
    ],
    [{ message: { content: [{ text: 'hi', type: 'text' }] }, type: 'user' }, true],
    [{ type: 'user', message: { content: [{ type: 'tool_result', content: 'he said "type":"text" ok' }] } }, false],
    [
      {
        type: 'user',
        message: {
          content: [
            { type: 'tool_result', content: 'ends in a backslash \\' },
            { type: 'text', text: 'x' },
          ],
        },
      },
      true,
    ],
  ];
  for (const [record, mayHaveText] of cases) assert.equal(userContentMayHaveText(Buffer.from(JSON.stringify(record))), mayHaveText, JSON.stringify(record));
  assert.equal(userContentMayHaveText(Buffer.from('{"type":"user", "message": {"content" : [ {"type" : "text", "text":"x"} ] } }')), true);
  assert.equal(userContentMayHaveText(Buffer.from('{"type":"user","message":{"content":[{"type":"tool_result"')), true, 'cut short: unsure');
});

test('skip rules: the top-level type is read from the bytes only when certain', () => {
  assert.equal(peekTopLevelType(Buffer.from('{"parentUuid":null,"type":"user","message":{"type":"x"}}')), 'user');
  assert.equal(
    peekTopLevelType(Buffer.from('{"message":{"type":"message","content":[{"type":"tool_use"}]},"requestId":"r","type":"assistant","uuid":"u"}')),
    'assistant',
  );
  assert.equal(peekTopLevelType(Buffer.from('{"message":{"type":"message"},"data":{"type":"inner"}}')), undefined, 'nested only: unsure');
  assert.equal(peekTopLevelType(Buffer.from('{"a":{"b":1},"c":{"type":"inner","d":[1]}}')), undefined);
  assert.equal(peekTopLevelType(Buffer.from('{"type":"caf\u00e9"}')), undefined, 'escapes are left to JSON.parse');
});

test('a log read in consecutive ranges (startOffset … endOffset at line starts) yields exactly the events of one whole read', async () => {
  for (const path of claudeSamples.slice(0, 3)) {
    const bytes = readFileSync(path);
    const whole = await read(path);
    // Cut points: line starts found independently of the reader, about every fifth of the file.
    const starts = [0];
    for (let i = bytes.indexOf(0x0a); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
    const cuts = [1, 2, 3, 4].map((k) => starts[Math.floor((starts.length * k) / 5)]);
    const bounds = [0, ...cuts, bytes.length];
    const events = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const startLine = starts.indexOf(bounds[k]) + 1;
      const part = await read(path, { startOffset: bounds[k], startLine, endOffset: bounds[k + 1] });
      assert.ok(
        part.events.every((e) => e.offset >= bounds[k] && e.offset < bounds[k + 1]),
        'no event from outside the range',
      );
      events.push(...part.events);
    }
    assert.ok(whole.events.length > 10, path);
    assert.deepEqual(events, whole.events, path);
  }
});
