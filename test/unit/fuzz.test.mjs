// Fuzz: thousands of seeded random mutations of real log lines (Claude Code and Codex) through the
// reader and the extractor, in-process. Nothing may escape as an exception, and what comes out must
// still be well-formed events. Deterministic: a failure names its seed and case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, samplesDir } from '../support/paths.mjs';
import {
  claudeRecordToEvents,
  codexRecordToEvents,
  Extractor,
  peekTopLevelType,
  readTranscript,
  topLevelKeySpan,
  userContentMayHaveText,
} from '../../dist/test/transcript.js';
import { rng } from '../support/seededRandom.mjs';

const SEED = 0x5eed2;
const RECORD_CASES = 6000; // mutated records straight into the record → event functions
const FILE_CASES = 40; // files of mutated lines through the whole streaming reader
const LINES_PER_FILE = 120;

function sampleLines(agentDir) {
  const folder = join(samplesDir, agentDir);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean));
}

const KINDS = new Set(['user', 'assistant-text', 'thinking', 'tool-call', 'tool-result', 'system', 'session-meta']);

function garbage(random, depth = 0) {
  const pick = Math.floor(random() * (depth > 4 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return Math.floor(random() * 1e6) - 5e5;
    case 3:
      return '';
    case 4:
      return String.fromCharCode(...Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * 0xd7ff)));
    case 5:
      return ['text', 'thinking', 'tool_result', 'tool_use', 'message', 'user', 'assistant', 'reasoning'][Math.floor(random() * 8)];
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => garbage(random, depth + 1));
    default: {
      const o = {};
      for (const k of ['type', 'text', 'content', 'message', 'payload', 'thinking', 'role', 'summary', 'output'].filter(() => random() < 0.3))
        o[k] = garbage(random, depth + 1);
      return o;
    }
  }
}

/** Every [parent, key] in a parsed record, so a mutation can hit any depth. */
function slots(value, out = [], depth = 0) {
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  for (const key of Object.keys(value)) {
    out.push([value, key]);
    slots(value[key], out, depth + 1);
  }
  return out;
}

function mutateRecord(record, random) {
  const all = slots(record);
  const rounds = 1 + Math.floor(random() * 3);
  for (let i = 0; i < rounds && all.length; i++) {
    const [parent, key] = all[Math.floor(random() * all.length)];
    const op = random();
    if (op < 0.3) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (op < 0.75) {
      // Type swap: the same field with a value of another type.
      const v = parent[key];
      const swaps = [null, 0, -1, 3.5, true, '', 'x', [], {}, [v], { v }];
      parent[key] = swaps[Math.floor(random() * swaps.length)];
    } else {
      parent[key] = garbage(random);
    }
  }
  return record;
}

function mutateBytes(line, random) {
  let bytes = Buffer.from(line, 'utf8');
  const op = random();
  if (op < 0.35) {
    bytes = Buffer.from(bytes); // byte flips
    for (let i = 0, n = 1 + Math.floor(random() * 8); i < n; i++) bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
  } else if (op < 0.65) {
    bytes = bytes.subarray(0, Math.floor(random() * bytes.length)); // truncation
  } else {
    const at = Math.floor(random() * bytes.length); // inserted junk, often invalid UTF-8
    const junk = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256)).filter((b) => b !== 10));
    bytes = Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  }
  return bytes;
}

function checkEvent(event, where) {
  assert.ok(KINDS.has(event.kind), `${where}: unknown kind ${event.kind}`);
  assert.equal(typeof event.line, 'number', `${where}: line`);
  assert.equal(typeof event.sidechain, 'boolean', `${where}: sidechain`);
  if ('text' in event) assert.equal(typeof event.text, 'string', `${where}: text is a string`);
  if (event.kind === 'tool-result') assert.equal(typeof event.isError, 'boolean', `${where}: isError`);
}

const corpora = { claude: sampleLines('claude-code'), codex: sampleLines('codex') };
let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'handover-fuzz-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test(`fuzz: ${RECORD_CASES} mutated records through the record readers and the extractor`, () => {
  const random = rng(SEED);
  for (let i = 0; i < RECORD_CASES; i++) {
    const agent = random() < 0.6 ? 'claude' : 'codex';
    const lines = corpora[agent];
    const record = mutateRecord(JSON.parse(lines[Math.floor(random() * lines.length)]), random);
    const where = `seed ${SEED} case ${i} (${agent})`;
    const ctx = { line: i + 1, offset: 0, subagent: random() < 0.1 ? 'agent-x.jsonl' : undefined };
    let outcome;
    try {
      outcome = agent === 'claude' ? claudeRecordToEvents(record, ctx) : codexRecordToEvents(record, ctx, {});
    } catch (error) {
      assert.fail(`${where}: threw ${error?.stack ?? error}\nrecord: ${JSON.stringify(record).slice(0, 500)}`);
    }
    assert.ok(Array.isArray(outcome.events), where);
    const extractor = new Extractor();
    for (const event of outcome.events) {
      checkEvent(event, where);
      extractor.add(event);
    }
    assert.equal(typeof extractor.finish(), 'string');
  }
});

test(`fuzz: ${FILE_CASES} files of mutated lines through the streaming reader`, async () => {
  const random = rng(SEED + 1);
  let events = 0;
  for (let f = 0; f < FILE_CASES; f++) {
    const agent = f % 3 === 2 ? 'codex' : 'claude';
    const lines = corpora[agent];
    const parts = [];
    for (let i = 0; i < LINES_PER_FILE; i++) {
      const line = lines[Math.floor(random() * lines.length)];
      const r = random();
      if (r < 0.4) parts.push(Buffer.from(line));
      else if (r < 0.7) parts.push(Buffer.from(JSON.stringify(mutateRecord(JSON.parse(line), random))));
      else parts.push(mutateBytes(line, random));
      if (random() < 0.02) parts.push(Buffer.from('\r'));
      parts.push(Buffer.from('\n'));
    }
    if (random() < 0.5) parts.pop(); // no newline at the end half the time
    const path = join(dir, `fuzz-${f}.jsonl`);
    writeFileSync(path, Buffer.concat(parts));
    for (const interest of ['all', 'conversation']) {
      const where = `seed ${SEED + 1} file ${f} (${agent}, ${interest})`;
      const extractor = new Extractor();
      try {
        const result = await readTranscript(
          path,
          (event) => {
            checkEvent(event, where);
            events++;
            extractor.add(event);
          },
          { interest },
        );
        assert.ok(result.stats.lines >= LINES_PER_FILE - 1, `${where}: counted lines`);
        assert.equal(typeof extractor.finish(), 'string');
      } catch (error) {
        if (error?.code === 'ERR_ASSERTION') throw error;
        assert.fail(`${where}: threw ${error?.stack ?? error}`);
      }
    }
  }
  assert.ok(events > FILE_CASES * 10, 'the mutated files still yield events (the fuzz reaches the record readers)');
});

/** What the skip rule may never get wrong: a user record whose own content blocks include text. */
function hasOwnText(record) {
  const content = record?.message?.content;
  if (typeof content === 'string') return true;
  return Array.isArray(content) && content.some((b) => b && typeof b === 'object' && b.type === 'text');
}

test('fuzz: the raw-byte peeks agree with JSON.parse on real and mutated lines', () => {
  const random = rng(SEED + 2);
  let checked = 0;
  let skippable = 0;
  for (let i = 0; i < 20000; i++) {
    const agent = random() < 0.8 ? 'claude' : 'codex';
    const lines = corpora[agent];
    let line = lines[Math.floor(random() * lines.length)];
    const r = random();
    if (r < 0.5) line = JSON.stringify(mutateRecord(JSON.parse(line), random));
    else if (r < 0.6) line = mutateBytes(line, random).toString('latin1');
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // invalid JSON is never skipped into silence: the reader reports it
    }
    const bytes = Buffer.from(line);
    const type = peekTopLevelType(bytes);
    const actual = record && typeof record === 'object' && !Array.isArray(record) ? record.type : undefined;
    if (type !== undefined) assert.equal(type, actual, `seed ${SEED + 2} case ${i}: peeked type ${type} but the record says ${actual}: ${line.slice(0, 300)}`);
    if (actual === 'user') {
      checked++;
      if (!userContentMayHaveText(bytes)) {
        skippable++;
        assert.ok(!hasOwnText(record), `seed ${SEED + 2} case ${i}: a user record with its own text was judged text-free: ${line.slice(0, 300)}`);
      }
    }
  }
  assert.ok(checked > 1000 && skippable > 100, `checked ${checked} user records, ${skippable} judged text-free`);
});

/** Every line of the real corpus's Claude Code logs (and their subagents) that holds the key somewhere. */
function realLinesWith(needle) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.jsonl')) for (const line of readFileSync(path, 'utf8').split('\n')) if (line.includes(needle)) lines.push(line);
    }
  };
  walk(join(fixturesDir, 'real'));
  return lines;
}

test('fuzz: dropping the top-level toolUseResult before parsing loses nothing else, on real and mutated lines', () => {
  const random = rng(SEED + 3);
  const key = Buffer.from(',"toolUseResult":');
  const real = realLinesWith('"toolUseResult"');
  let stripped = 0;
  const check = (line, label) => {
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      return;
    }
    const span = topLevelKeySpan(Buffer.from(line), key);
    if (!span) return;
    stripped++;
    const bytes = Buffer.from(line);
    const rest = JSON.parse(bytes.toString('utf8', 0, span[0]) + bytes.toString('utf8', span[1]));
    const expected = { ...record };
    delete expected.toolUseResult;
    assert.deepEqual(rest, expected, `${label}: ${line.slice(0, 300)}`);
  };
  real.forEach((line, i) => check(line, `real line ${i}`));
  assert.ok(stripped > 500, `only ${stripped} of ${real.length} real lines had their toolUseResult found`);
  // Mutations: the key nested inside the message, strings full of quotes and braces, values of every kind.
  for (let i = 0; i < 4000; i++) {
    const record = JSON.parse(real[Math.floor(random() * real.length)]);
    const r = random();
    if (r < 0.3) record.message = { ...record.message, toolUseResult: garbage(random) };
    else if (r < 0.6) record.toolUseResult = ['"}{][\\"', garbage(random), 'x\\'];
    else if (r < 0.8) record.toolUseResult = garbage(random);
    else delete record.toolUseResult;
    check(JSON.stringify(record), `seed ${SEED + 3} case ${i}`);
  }
});
