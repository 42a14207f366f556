// Generates a synthetic archive of session logs from the real sample logs: every record of a sample is
// copied with new session ids, uuids, timestamps and projects, numbers changed and some words swapped
// for others (drawn, skewed, from a large vocabulary), so the index sees a realistic, big vocabulary
// and term distribution instead of 800 copies of the same text.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../test/support/seededRandom.mjs';
export { rng };

const KEEP_KEYS = new Set([
  'type',
  'role',
  'subtype',
  'uuid',
  'parentUuid',
  'sessionId',
  'timestamp',
  'id',
  'tool_use_id',
  'call_id',
  'name',
  'version',
  'cwd',
  'gitBranch',
  'userType',
  'signature',
  'model',
  'stop_reason',
  'requestId',
  'leafUuid',
  'logicalParentUuid',
  'cli_version',
  'originator',
  'source',
  'encrypted_content',
]);
const UUID_KEYS = new Set(['uuid', 'parentUuid', 'leafUuid', 'logicalParentUuid', 'id', 'tool_use_id', 'call_id']);

export function loadSamples(samplesDir) {
  const samples = [];
  for (const agent of ['claude-code', 'codex']) {
    const dir = join(samplesDir, agent);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      const records = [];
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          records.push(JSON.parse(line));
        } catch {
          /* a sample's torn last line */
        }
      }
      samples.push({ agent: agent === 'codex' ? 'codex' : 'claude', name, records });
    }
  }
  return samples;
}

/** Words of the samples' text (for the vocabulary and for realistic queries). */
export function sampleWords(samples) {
  const counts = new Map();
  const visit = (value, key) => {
    if (typeof value === 'string') {
      if (KEEP_KEYS.has(key)) return;
      for (const w of value.toLowerCase().match(/[a-z]{3,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  for (const s of samples) for (const r of s.records) visit(r, '');
  return counts;
}

function pseudoWords(random, n) {
  const syll = [
    'ka',
    'ro',
    'mi',
    'tu',
    'zen',
    'pa',
    'lo',
    'ver',
    'qu',
    'ix',
    'sha',
    'dor',
    'el',
    'fin',
    'gra',
    'hob',
    'jun',
    'mok',
    'nar',
    'pel',
    'ryn',
    'sol',
    'tav',
    'ul',
    'wex',
    'yor',
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const parts = 2 + Math.floor(random() * 3);
    for (let j = 0; j < parts; j++) w += syll[Math.floor(random() * syll.length)];
    out.push(w);
  }
  return out;
}

// Real logs hold Chinese and Japanese prose (user messages, file reads); a share of the varied words
// becomes a run of CJK characters so the benchmark's CJK substring queries have something to find.
const CJK_POOL =
  '资源调度仕様参照先配置文件错误测试服务器数据库连接超时请求用户权限日志缓存队列任务执行失败成功修复问题实现功能设计接口返回结果确认変更設定確認実装環境構築検索機能画面表示更新削除追加保存読込処理開始終了';
function cjkRun(random) {
  let run = '';
  const length = 4 + Math.floor(random() * 8);
  for (let i = 0; i < length; i++) run += CJK_POOL[Math.floor(random() * CJK_POOL.length)];
  return run;
}

const newUuid = (random) => {
  const h = () =>
    Math.floor(random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
};

/**
 * Writes ≥ targetBytes of logs under `root` (claude/projects/<project>/<uuid>.jsonl and
 * codex/sessions/YYYY/MM/DD/rollout-…-<uuid>.jsonl). Returns { bytes, files }.
 */
export function generateArchive({ root, samplesDir, targetBytes, seed = 7, onProgress }) {
  const random = rng(seed);
  const samples = loadSamples(samplesDir);
  const counts = sampleWords(samples);
  const vocab = [...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w), ...pseudoWords(random, 60000)];
  const pick = () => vocab[Math.floor(vocab.length * random() ** 2.5)];
  const projects = Array.from({ length: 24 }, (_, i) => `/home/dev/src/${pseudoWords(random, 1)[0]}-${i}`);
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  let files = 0;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const vary = (text) =>
    text.replace(/\d+|[A-Za-z]{5,}/g, (m) => {
      const c = m.charCodeAt(0);
      if (c >= 48 && c <= 57) return String(Math.floor(random() * 10 ** Math.min(m.length, 9)));
      const r = random();
      return r < 0.003 ? cjkRun(random) : r < 0.15 ? pick() : m;
    });
  while (bytes < targetBytes) {
    const sample = samples[files % samples.length];
    const sessionId = newUuid(random);
    const project = projects[Math.floor(random() * projects.length)];
    const copies = 1 + Math.floor(random() ** 2 * 12);
    clock += Math.floor(random() * 6 * 3600_000);
    const start = new Date(clock);
    let path;
    if (sample.agent === 'claude') {
      const dir = join(root, 'claude', 'projects', project.replace(/[^A-Za-z0-9]/g, '-'));
      mkdirSync(dir, { recursive: true });
      path = join(dir, `${sessionId}.jsonl`);
    } else {
      const d = start.toISOString();
      const dir = join(root, 'codex', 'sessions', d.slice(0, 4), d.slice(5, 7), d.slice(8, 10));
      mkdirSync(dir, { recursive: true });
      path = join(dir, `rollout-${d.slice(0, 19).replace(/:/g, '-')}-${sessionId}.jsonl`);
    }
    const fd = openSync(path, 'w');
    let chunk = '';
    for (let copy = 0; copy < copies; copy++) {
      const ids = new Map();
      const mapId = (v) => {
        let n = ids.get(v);
        if (!n) ids.set(v, (n = newUuid(random)));
        return n;
      };
      const walk = (value, key) => {
        if (typeof value === 'string') {
          if (key === 'sessionId') return sessionId;
          if (key === 'cwd') return project;
          if (key === 'timestamp') return new Date((clock += 1000 + Math.floor(random() * 20000))).toISOString();
          if (UUID_KEYS.has(key)) return mapId(value);
          if (KEEP_KEYS.has(key)) return value;
          return vary(value);
        }
        if (Array.isArray(value)) return value.map((v) => walk(v, key));
        if (value && typeof value === 'object') {
          const out = {};
          for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
          return out;
        }
        return value;
      };
      for (const record of sample.records) {
        if (copy > 0 && (record.type === 'session_meta' || record.type === 'summary')) continue;
        const out = walk(record, '');
        if (record.type === 'session_meta' && out.payload) {
          out.payload.id = sessionId;
          out.payload.cwd = project;
        }
        chunk += JSON.stringify(out) + '\n';
        if (chunk.length > 1 << 20) {
          bytes += writeSync(fd, chunk);
          chunk = '';
        }
      }
    }
    if (chunk) bytes += writeSync(fd, chunk);
    closeSync(fd);
    files++;
    onProgress?.(bytes, files);
  }
  writeFileSync(join(root, '.complete'), JSON.stringify({ bytes, files, seed, targetBytes, cjk: true }));
  return { bytes, files };
}

export function readArchiveMarker(root) {
  try {
    return JSON.parse(readFileSync(join(root, '.complete'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Bytes of every .jsonl under dir. */
export function sizeOfLogs(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.jsonl')) total += statSync(p).size;
    }
  };
  walk(dir);
  return total;
}

/**
 * Appends about `bytes` of new records to a Claude Code log (same session, new uuids, later times, words
 * varied): a session that kept going. Returns the bytes written.
 */
export function appendRecords({ path, samplesDir, bytes, seed = 99 }) {
  const random = rng(seed);
  const claude = loadSamples(samplesDir).filter((s) => s.agent === 'claude');
  const firstLine = readFileSync(path, 'utf8').split('\n', 1)[0];
  let sessionId;
  try {
    sessionId = JSON.parse(firstLine).sessionId;
  } catch {
    /* a summary first line: no session id, fine */
  }
  let clock = Date.now();
  let out = '';
  const vary = (text) =>
    text.replace(/\d+|[A-Za-z]{5,}/g, (m) => (/^\d/.test(m) ? String(Math.floor(random() * 1e6)) : random() < 0.2 ? m.split('').reverse().join('') : m));
  const walk = (value, key) => {
    if (typeof value === 'string') {
      if (key === 'sessionId') return sessionId ?? value;
      if (key === 'timestamp') return new Date((clock += 2000)).toISOString();
      if (UUID_KEYS.has(key)) return newUuid(random);
      if (KEEP_KEYS.has(key)) return value;
      return vary(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  for (let i = 0; out.length < bytes; i++) {
    const sample = claude[i % claude.length];
    const record = sample.records[Math.floor(random() * sample.records.length)];
    if (record.type !== 'user' && record.type !== 'assistant') continue;
    out += JSON.stringify(walk(record, '')) + '\n';
  }
  const fd = openSync(path, 'a');
  try {
    return writeSync(fd, out);
  } finally {
    closeSync(fd);
  }
}
