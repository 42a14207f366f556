// Generative fuzz over the record shapes real logs have, through the whole analysis (modified files,
// analysts, extract) and, for the heaviest shapes, the real `handover build`: edits from 0 B to 5 MB,
// 10,000 content blocks in one record, deeply nested tool inputs, every block type in every position,
// lone surrogates. Nothing may escape as an exception, no stack overflow, memory stays bounded.
// Deterministic: a failure names its seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';
import { rng } from '../support/seededRandom.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { analyzeSession } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
const { extractLog } = require(join(repoRoot, 'dist', 'test', 'transcript.js'));

const dir = scratchDir('handover-fuzz-build-');
const SIZES = [0, 1, 4095, 4096, 4097, 8193, 65_537, 1_000_003];
const BLOCK_TYPES = ['text', 'thinking', 'redacted_thinking', 'tool_use', 'tool_result', 'image', 'document', 'server_tool_use', 'mystery'];

function block(random, type, id) {
  const text = () =>
    ['fix the build', 'Error: ENOENT', '\ud800 lone', 'a'.repeat(Math.floor(random() * 300)), '日本語のテキスト', ''][Math.floor(random() * 6)];
  switch (type) {
    case 'text':
      return { type, text: text() };
    case 'thinking':
      return { type, thinking: text(), signature: 'sig' };
    case 'redacted_thinking':
      return { type, data: 'x' };
    case 'tool_use':
      return {
        type,
        id,
        name: ['Bash', 'Edit', 'Write', 'MultiEdit', 'Read', 'TodoWrite', 'Task', 'Weird'][Math.floor(random() * 8)],
        input: {
          command: 'cd a && (cd b; rm -f *) && echo x > y',
          file_path: '/w/a.ts',
          old_string: text(),
          new_string: text(),
          todos: [{ content: text(), status: 'pending' }],
        },
      };
    case 'tool_result':
      return {
        type,
        tool_use_id: id,
        content:
          random() < 0.5
            ? text()
            : [
                { type: 'text', text: text() },
                { type: 'image', source: {} },
              ],
        is_error: random() < 0.3,
      };
    case 'image':
      return { type, source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } };
    default:
      return { type, text: text(), content: null };
  }
}

/** A JSON text nested `depth` levels (built as text: JSON.stringify itself recurses). */
const nestedJson = (depth) => '{"inner":['.repeat(depth) + '"deep"' + ']}'.repeat(depth);
const DEEP = '"__DEEP__"';
const serialize = (records, depth) => records.map((r) => JSON.stringify(r).replace(DEEP, nestedJson(depth))).join('\n') + '\n';

/** One log of a few hundred records mixing every shape above. */
function generateLog(seed) {
  const random = rng(seed);
  const records = [];
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const base = (extra) => ({
    sessionId: `fuzz-${seed}`,
    cwd: random() < 0.2 ? 'C:\\w' : '/w',
    uuid: `u${records.length}`,
    timestamp: new Date((clock += 1000)).toISOString(),
    isSidechain: random() < 0.1,
    ...extra,
  });
  records.push(base({ type: 'user', message: { role: 'user', content: 'start' } }));
  for (let i = 0; i < 60; i++) {
    const roll = random();
    const id = `t${i}`;
    if (roll < 0.2) {
      const size = SIZES[Math.floor(random() * SIZES.length)];
      const big = 'x'.repeat(size);
      records.push(
        base({
          type: 'assistant',
          message: {
            role: 'assistant',
            content: [{ type: 'tool_use', id, name: 'Edit', input: { file_path: `/w/f${i % 5}.ts`, old_string: big, new_string: big + 'y' } }],
          },
        }),
      );
      records.push(
        base({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'The file has been updated.' }] } }),
      );
    } else if (roll < 0.3) {
      const count = random() < 0.2 ? 10_000 : 50;
      const content = Array.from({ length: count }, (_, k) => block(random, BLOCK_TYPES[k % BLOCK_TYPES.length], `${id}-${k}`));
      records.push(base({ type: random() < 0.5 ? 'assistant' : 'user', message: { role: 'assistant', content } }));
    } else if (roll < 0.4) {
      records.push(
        base({
          type: 'assistant',
          message: { role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command: 'ls', deep: '__DEEP__' } }] },
        }),
      );
    } else {
      const types = [...BLOCK_TYPES].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 4));
      records.push(
        base({
          type: random() < 0.5 ? 'assistant' : 'user',
          message: { role: random() < 0.5 ? 'assistant' : 'user', content: types.map((t, k) => block(random, t, `${id}-${k}`)) },
        }),
      );
    }
  }
  const path = join(dir, `fuzz-${seed}.jsonl`);
  writeFileSync(path, serialize(records, 1000));
  return path;
}

test('generative fuzz: 24 logs of real record shapes through the whole analysis and extract, in process', async () => {
  const rssBefore = process.memoryUsage().rss;
  for (let seed = 1; seed <= 24; seed++) {
    const path = generateLog(seed);
    try {
      const { analysis, modified } = await analyzeSession(path, { workspace: '/w' });
      assert.ok(Array.isArray(analysis.findings) && Array.isArray(modified.files));
      const extract = await extractLog(path);
      assert.equal(typeof extract.markdown, 'string');
    } catch (error) {
      assert.fail(`seed ${seed}: ${error?.stack ?? error}`);
    }
  }
  const grownMb = (process.memoryUsage().rss - rssBefore) / 1048576;
  assert.ok(grownMb < 1024, `memory grew by ${grownMb.toFixed(0)} MB`);
});

test('generative fuzz: the real build on the heaviest shapes (5 MB edits, 10,000 blocks, deep inputs) exits 0', () => {
  const random = rng(99);
  /** @type {any[]} */
  const records = [
    { type: 'user', sessionId: 'fuzz-heavy', cwd: '/w', uuid: 'u0', timestamp: '2026-01-01T00:00:00Z', message: { role: 'user', content: 'go' } },
  ];
  const big = 'z'.repeat(5 * 1024 * 1024);
  records.push({
    type: 'assistant',
    sessionId: 'fuzz-heavy',
    cwd: '/w',
    uuid: 'u1',
    message: {
      role: 'assistant',
      content: [{ type: 'tool_use', id: 't1', name: 'Edit', input: { file_path: '/w/a', old_string: big, new_string: big.slice(1) } }],
    },
  });
  records.push({
    type: 'user',
    sessionId: 'fuzz-heavy',
    cwd: '/w',
    uuid: 'u2',
    message: { role: 'user', content: Array.from({ length: 10_000 }, (_, k) => block(random, BLOCK_TYPES[k % BLOCK_TYPES.length], `b${k}`)) },
  });
  records.push({
    type: 'assistant',
    sessionId: 'fuzz-heavy',
    cwd: '/w',
    uuid: 'u3',
    message: { role: 'assistant', content: [{ type: 'tool_use', id: 't2', name: 'Bash', input: { command: 'true', deep: '__DEEP__' } }] },
  });
  const path = join(dir, 'heavy.jsonl');
  writeFileSync(path, serialize(records, 5000));
  const ws = mkdtempSync(join(dir, 'ws-'));
  const result = spawnSync(process.execPath, ['--max-old-space-size=1024', cli, 'build', path, '--workspace', ws], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: mkdtempSync(join(dir, 'home-')) },
    timeout: 120_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /Maximum call stack|internal error|heap out of memory/);
});
