// Writes a big synthetic session log by replicating real ones: whole sessions are copied in order, so
// the proportions of record kinds (tool traffic, typed messages, thinking, snapshots, progress) stay
// those of real logs, while uuids, session ids, timestamps and texts vary from copy to copy.
// Reusable: `writeSyntheticLog(path, targetBytes, options)` (bench:extract, bench:build, ...).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../../test/support/seededRandom.mjs';

export const GENERATOR_VERSION = 1;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultSamplesDir = resolve(repoRoot, 'test', 'fixtures', 'samples');

const WORDS = [
  'cart',
  'coupon',
  'retry',
  'index',
  'parser',
  'cache',
  'token',
  'router',
  'schema',
  'worker',
  'queue',
  'login',
  'build',
  'flaky',
  'timeout',
  'branch',
];
const UUID_KEYS = new Set([
  'uuid',
  'parentUuid',
  'leafUuid',
  'messageId',
  'sessionId',
  'session_id',
  'id',
  'call_id',
  'tool_use_id',
  'toolUseID',
  'parentToolUseID',
  'promptId',
  'requestId',
]);
const TEXT_KEYS = new Set(['text', 'thinking', 'summary', 'prompt', 'message']);

/** Loads the sample sessions to replicate: each file's records in order. */
export function loadSampleSessions({ samplesDir = defaultSamplesDir, agent = 'claude' } = {}) {
  const folder = join(samplesDir, agent === 'codex' ? 'codex' : 'claude-code');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) =>
      readFileSync(join(folder, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    );
}

/**
 * A copy of a record with ids made unique to this copy, timestamps moved forward and typed or written
 * texts varied (a few words swapped in), so no two copies are byte-identical.
 */
function varyRecord(value, copy, shiftMs, random, key = '') {
  if (typeof value === 'string') {
    if (UUID_KEYS.has(key)) return `${value}-c${copy}`;
    if (key === 'timestamp' && /^\d{4}-\d\d-\d\dT/.test(value)) {
      const t = Date.parse(value);
      return Number.isNaN(t) ? value : new Date(t + shiftMs).toISOString();
    }
    if (TEXT_KEYS.has(key) && value.length > 12 && !value.startsWith('<')) return `${value} (${WORDS[Math.floor(random() * WORDS.length)]} ${copy})`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => varyRecord(v, copy, shiftMs, random, key));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = key === 'content' && k === 'content' ? v : varyRecord(v, copy, shiftMs, random, k);
    // A user's typed content string (message.content) varies like text.
    if (key === 'message' && typeof value.content === 'string' && value.content.length > 12 && !value.content.startsWith('<')) {
      out.content = `${value.content} (${WORDS[Math.floor(random() * WORDS.length)]} ${copy})`;
    }
    return out;
  }
  return value;
}

/**
 * Writes at least targetBytes of JSONL to path (whole session copies, so it ends on a complete line).
 * Options: seed, agent ('claude' | 'codex'), samplesDir, sessions (preloaded records).
 * Returns { bytes, lines, copies }.
 */
export function writeSyntheticLog(path, targetBytes, options = {}) {
  const random = rng(options.seed ?? 1);
  const sessions = options.sessions ?? loadSampleSessions(options);
  if (sessions.length === 0) throw new Error('no sample sessions to replicate');
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  let copy = 0;
  let pending = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  try {
    while (bytes < targetBytes) {
      const session = sessions[copy % sessions.length];
      const shiftMs = copy * 3_600_000;
      for (const record of session) {
        const line = JSON.stringify(varyRecord(record, copy, shiftMs, random)) + '\n';
        pending.push(line);
        const size = Buffer.byteLength(line);
        pendingBytes += size;
        bytes += size;
        lines++;
        if (pendingBytes > 4 * 1024 * 1024) flush();
      }
      copy++;
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { bytes, lines, copies: copy };
}

/**
 * The synthetic log at path, generated only when missing or made by another generator version, seed or
 * target (a sidecar `.meta.json` records them). Returns { path, bytes, reused }.
 */
export function ensureSyntheticLog(path, targetBytes, options = {}) {
  const metaPath = `${path}.meta.json`;
  const wanted = { version: GENERATOR_VERSION, targetBytes, seed: options.seed ?? 1, agent: options.agent ?? 'claude' };
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      if (JSON.stringify(meta.wanted) === JSON.stringify(wanted) && statSync(path).size === meta.bytes) return { path, bytes: meta.bytes, reused: true };
    } catch {
      /* regenerate */
    }
  }
  const result = writeSyntheticLog(path, targetBytes, options);
  writeFileSync(metaPath, JSON.stringify({ wanted, ...result }) + '\n');
  return { path, bytes: result.bytes, reused: false };
}
