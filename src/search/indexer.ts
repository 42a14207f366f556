// Brings the index up to date with the logs on disk. Incremental by file: a log that only grew is read
// from where the last run stopped; one that shrank or whose first bytes changed (rewritten) is dropped
// and read again. One transaction per batch of records, committed at line boundaries, so an interrupted
// run leaves a consistent index that the next run continues.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { AgentKind, TranscriptEvent } from '../transcript/events.js';
import { LogInputError, describeProblems, readTranscript } from '../transcript/reader.js';
import { busyMessage, IndexBusyError, type SearchIndex } from './indexStore.js';
import { isBusy, type Statement } from './sqliteRuntime.js';
import { listSourceFiles, type SourceFile, type SourceRoot } from './sources.js';
import { DEFAULT_UNIT_LIMITS, kindCode, unitOf, type UnitLimits } from './units.js';
import { isZstdPath } from '../transcript/zstd.js';
import type { IndexReport } from '../shared/cliJson.js';

const HEAD_BYTES = 4096;

export interface IndexProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  file?: string;
}

export interface UpdateIndexOptions {
  /** Roots to scan (see defaultSources). */
  sources?: SourceRoot[];
  /** Only these logs (e.g. the one a watcher saw change); default: every log under the sources. */
  files?: SourceFile[];
  /** Drop everything and index from scratch. */
  rebuild?: boolean;
  onProgress?: (progress: IndexProgress) => void;
  limits?: UnitLimits;
  /** Records per transaction. */
  batchUnits?: number;
  now?: () => Date;
}

export type { IndexReport };

interface FileRow {
  id: number;
  size: number;
  mtime: number;
  head_len: number;
  head_hash: string;
  indexed_offset: number;
  next_line: number;
  session_id: string | null;
  project: string | null;
  agent: string | null;
}

/** Thrown from inside the reader's callback to stop at the last complete line. */
class StopReading extends LogInputError {}

interface Statements {
  getFile: Statement;
  insertFile: Statement;
  setFileMeta: Statement;
  setProgress: Statement;
  setStat: Statement;
  insertUnit: Statement;
  ftsFromUnits: Statement;
  ftsDeleteFile: Statement;
  deleteUnits: Statement;
}

function prepare(index: SearchIndex): Statements {
  const db = index.db;
  return {
    getFile: db.prepare('SELECT id, size, mtime, head_len, head_hash, indexed_offset, next_line, session_id, project, agent FROM files WHERE path = ?'),
    insertFile: db.prepare('INSERT INTO files (path, source, subagent) VALUES (?, ?, ?) RETURNING id'),
    setFileMeta: db.prepare('UPDATE files SET session_id = ?, project = ?, agent = ? WHERE id = ?'),
    setProgress: db.prepare('UPDATE files SET indexed_offset = ?, next_line = ?, head_len = ?, head_hash = ? WHERE id = ?'),
    setStat: db.prepare('UPDATE files SET size = ?, mtime = ? WHERE id = ?'),
    insertUnit: db.prepare('INSERT INTO units (file_id, line, offset, kind, ts, text) VALUES (?, ?, ?, ?, ?, ?)'),
    ftsFromUnits: db.prepare("INSERT INTO fts (rowid, text, tags) SELECT id, text, 'k' || kind FROM units WHERE id >= ?"),
    ftsDeleteFile: db.prepare("INSERT INTO fts (fts, rowid, text, tags) SELECT 'delete', id, text, 'k' || kind FROM units WHERE file_id = ?"),
    deleteUnits: db.prepare('DELETE FROM units WHERE file_id = ?'),
  };
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const hashOf = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

/** Offset just past the last newline before `size` (never below `floor`): the end of complete lines. */
async function completeLinesEnd(path: string, floor: number, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > floor) {
      const start = Math.max(floor, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at !== -1) return start + at + 1;
      end = start;
    }
    return floor;
  } finally {
    await handle.close();
  }
}

/** Newlines in [from, to): turns "the line of the last record" into "the next line number". */
async function countNewlines(path: string, from: number, to: number): Promise<number> {
  if (to <= from) return 0;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, to - from));
    let count = 0;
    for (let at = from; at < to; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, to - at), at);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(0x0a); i !== -1 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) count++;
      at += bytesRead;
    }
    return count;
  } finally {
    await handle.close();
  }
}

function transaction(index: SearchIndex, mode: 'begin' | 'commit' | 'rollback'): void {
  try {
    index.db.exec(mode === 'begin' ? 'BEGIN IMMEDIATE' : mode === 'commit' ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    if (mode === 'rollback') return;
    if (isBusy(error)) throw new IndexBusyError(busyMessage(index.path));
    throw error;
  }
}

/** Updates the index from the logs under `options.sources` (or `options.files`). */
export async function updateIndex(index: SearchIndex, options: UpdateIndexOptions = {}): Promise<IndexReport> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_UNIT_LIMITS;
  const batchUnits = options.batchUnits ?? 4000;
  const report: IndexReport = { filesSeen: 0, unchanged: 0, added: 0, appended: 0, reindexed: 0, bytesRead: 0, unitsAdded: 0, elapsedMs: 0, problems: [] };

  if (options.rebuild) {
    transaction(index, 'begin');
    index.db.exec("DELETE FROM units; DELETE FROM files; INSERT INTO fts (fts) VALUES ('delete-all'); DELETE FROM meta WHERE key = 'built_at';");
    transaction(index, 'commit');
    index.db.exec('VACUUM');
  }
  const st = prepare(index);
  const files = options.files ?? (await listSourceFiles(options.sources ?? []));
  report.filesSeen = files.length;

  // First pass: what changed, so progress can be told in bytes.
  type Plan = { file: SourceFile; size: number; mtime: number; row: FileRow | undefined };
  const plans: Plan[] = [];
  for (const file of files) {
    let info;
    try {
      info = await stat(file.path);
    } catch {
      continue; // vanished between listing and now
    }
    if (!info.isFile()) continue;
    const row = st.getFile.get(file.path) as FileRow | undefined;
    const mtime = Math.floor(info.mtimeMs);
    if (row && row.size === info.size && row.mtime === mtime) {
      report.unchanged++;
      continue;
    }
    plans.push({ file, size: info.size, mtime, row });
  }
  const bytesTotal = plans.reduce((sum, p) => sum + Math.max(0, p.size - (p.row?.indexed_offset ?? 0)), 0);
  let bytesDone = 0;

  for (let i = 0; i < plans.length; i++) {
    const { file, size, mtime } = plans[i];
    let row = plans[i].row;
    options.onProgress?.({ filesDone: i, filesTotal: plans.length, bytesDone, bytesTotal, file: file.path });
    let head: Buffer;
    try {
      head = await readHead(file.path, size);
    } catch {
      continue;
    }
    transaction(index, 'begin');
    try {
      let startOffset = 0;
      let startLine = 1;
      if (!row) {
        const inserted = st.insertFile.get(file.path, file.source, file.subagent ?? null) as { id: number };
        row = { id: inserted.id, size: 0, mtime: 0, head_len: 0, head_hash: '', indexed_offset: 0, next_line: 1, session_id: null, project: null, agent: null };
        report.added++;
      } else {
        const sameHead = row.head_len <= head.length && hashOf(head.subarray(0, row.head_len)) === row.head_hash;
        if (size < row.indexed_offset || !sameHead) {
          st.ftsDeleteFile.run(row.id);
          st.deleteUnits.run(row.id);
          row = { ...row, session_id: null, project: null, agent: null, indexed_offset: 0, next_line: 1 };
          report.reindexed++;
        } else {
          startOffset = row.indexed_offset;
          startLine = row.next_line;
          report.appended++;
        }
      }
      const fileId = row.id;
      const headHash = hashOf(head);
      // A compressed rollout (.jsonl.zst) is complete and read whole: offsets are in its decompressed text.
      const compressed = isZstdPath(file.path);
      let end = compressed ? Number.MAX_SAFE_INTEGER : await completeLinesEnd(file.path, startOffset, size);
      let compressedLines = 0;

      let sessionId = file.sessionHint ?? row.session_id ?? undefined;
      let project = row.project ?? undefined;
      let agent = (row.agent as AgentKind | null) ?? undefined;
      let pending = 0;
      let firstPendingId = -1;
      let lastLine = startLine;
      let lastOffset = startOffset;
      let sawEvent = false;

      const flush = (offset: number, nextLine: number) => {
        if (firstPendingId !== -1) st.ftsFromUnits.run(firstPendingId);
        st.setFileMeta.run(sessionId ?? null, project ?? null, agent ?? null, fileId);
        st.setProgress.run(offset, nextLine, head.length, headHash, fileId);
        pending = 0;
        firstPendingId = -1;
      };

      const onEvent = (event: TranscriptEvent) => {
        if (event.offset >= end) throw new StopReading('stop');
        if (event.line !== lastLine && pending >= batchUnits) {
          flush(event.offset, event.line);
          transaction(index, 'commit');
          transaction(index, 'begin');
        }
        lastLine = event.line;
        lastOffset = event.offset;
        sawEvent = true;
        sessionId ??= event.sessionId;
        project ??= event.cwd;
        if (event.kind === 'session-meta') agent ??= event.agent;
        const unit = unitOf(event, limits);
        if (!unit) return;
        const ts = event.timestamp ? Date.parse(event.timestamp) : NaN;
        const result = st.insertUnit.run(fileId, event.line, event.offset, kindCode(unit.kind), Number.isFinite(ts) ? ts : null, unit.text);
        if (firstPendingId === -1) firstPendingId = Number(result.lastInsertRowid);
        pending++;
        report.unitsAdded++;
      };

      if (end > startOffset) {
        try {
          const result = await readTranscript(file.path, onEvent, { interest: 'all', startOffset, startLine, subagent: file.subagent, agent });
          agent ??= result.agent;
          if (compressed) {
            end = startOffset + result.stats.bytes;
            compressedLines = result.stats.lines;
          }
          const problems = describeProblems({ ...result.problems, truncatedLastLine: false });
          if (problems) report.problems.push(`${file.path}: ${problems}`);
        } catch (error) {
          if (!(error instanceof StopReading)) throw error;
        }
      }
      const base = sawEvent ? lastOffset : startOffset;
      const nextLine = compressed ? Math.max(startLine, compressedLines + 1) : (sawEvent ? lastLine : startLine) + (await countNewlines(file.path, base, end));
      flush(end, nextLine);
      st.setStat.run(size, mtime, fileId);
      transaction(index, 'commit');
      report.bytesRead += end - startOffset;
      bytesDone += Math.max(0, size - startOffset);
    } catch (error) {
      transaction(index, 'rollback');
      if (error instanceof IndexBusyError) throw error;
      if (isBusy(error)) throw new IndexBusyError(busyMessage(index.path));
      if (error instanceof LogInputError) {
        report.problems.push(`${file.path}: ${error.message}`);
        continue;
      }
      throw error;
    }
  }
  options.onProgress?.({ filesDone: plans.length, filesTotal: plans.length, bytesDone, bytesTotal });
  index.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('built_at', ?)").run(now().toISOString());
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Folds the index's segments together: slower to write once, faster to query after a big build. */
export function optimizeIndex(index: SearchIndex): void {
  index.db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
}
