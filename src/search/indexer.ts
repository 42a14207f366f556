// Brings the index up to date with the logs on disk. Incremental by file: a log that only grew is read
// from where the last run stopped; one that shrank or whose first bytes changed (rewritten) is dropped
// and read again. One transaction per batch of records, committed at line boundaries, so an interrupted
// run leaves a consistent index that the next run continues.
//
// Several processes may run this at once (every `search` refreshes first; the QuickPick, the background
// indexer and agents race). One writes at a time: each file's state is read again inside the write
// transaction, and after every intermediate commit the file's progress is checked to still be ours; a
// writer that finds another one got further leaves that file to it.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AgentKind } from '../transcript/events.js';
import { LogInputError } from '../transcript/reader.js';
import { busyMessage, IndexBusyError, type SearchIndex } from './indexStore.js';
import { isBusy, type Statement } from './sqliteRuntime.js';
import { listSourceFiles, type SourceFile, type SourceRoot } from './sources.js';
import { chunkRequests, readFileUnits, type FileReadOutcome, type FileReadPoint, type FileReadRequest, type PreparedUnit } from './fileUnits.js';
import { CLAUDE_TYPES } from '../transcript/claudeRecords.js';
import { CODEX_TYPES } from '../transcript/codexRecords.js';
import { peekTopLevelType } from '../transcript/rawPeek.js';
import { DEFAULT_UNIT_LIMITS, type UnitLimits } from './units.js';
import { threadCpuMs, UnitWorker, WorkerFailedError, WorkerReadError } from './unitWorker.js';
import { isZstdPath } from '../transcript/zstd.js';
import type { IndexReport } from '../shared/cliJson.js';

const HEAD_BYTES = 4096;
/** Records per batch handed from the reader to the writer. */
const BATCH_UNITS = 500;
/** An update reading at least this much reads in a worker thread while this one writes. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;
/**
 * Logs the workers read ahead (together). Memory does not grow with it (a worker waits when the indexer
 * has not taken its last few batches); it lets a reading thread start on the next logs while the other
 * one reads a long one, and keeps both busy through runs of small logs.
 */
const PREFETCH_AHEAD = 8;

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
  /** Records per transaction at most (a long log is committed in parts). */
  batchUnits?: number;
  /** A transaction spans several logs until this many bytes were read or this much time passed. */
  groupBytes?: number;
  groupMs?: number;
  /** Read in worker threads: true always, false never; by default for updates of WORKER_MIN_BYTES or more. */
  worker?: boolean;
  /** How many reading threads (default: one per core, at most two). */
  workerThreads?: number;
  /** A Claude Code log with more than this to read is read in chunks of about this size, by all threads (fileUnits.chunkRequests). */
  chunkBytes?: number;
  now?: () => Date;
  /** Filled in with where the time went (for benchmarks; not part of the --json report). */
  stats?: IndexBuildStats;
}

/** CPU time by thread (where the runtime can tell: Node ≥ 23.9) and the phases of an update. */
export interface IndexBuildStats {
  /** This thread: deciding, FTS5 inserts and commits (and reading, for logs not read by a worker). */
  writerCpuMs?: number;
  /** Each reading thread: reading, parsing, redacting. */
  readerCpuMs?: number[];
  /** Time the writer waited for the readers. */
  waitMs?: number;
  /** Requests the reading threads served: one per log, or one per chunk of a long Claude Code log. */
  chunksRead?: number;
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

/** Another writer indexed this file further while we were between transactions: leave it to that one. */
class OvertakenError extends Error {}

interface Statements {
  getFile: Statement;
  insertFile: Statement;
  setFileMeta: Statement;
  setProgress: Statement;
  setStat: Statement;
  getOffset: Statement;
  insertUnit: Statement;
  insertFts: Statement;
  ftsDeleteFile: Statement;
  deleteUnits: Statement;
}

function prepare(index: SearchIndex): Statements {
  const db = index.db;
  return {
    getFile: db.prepare('SELECT id, size, mtime, head_len, head_hash, indexed_offset, next_line, session_id, project, agent FROM files WHERE path = ?'),
    // No RETURNING: it makes the statement open a savepoint, and FTS5 writes its pending terms out at
    // every savepoint, so each log would start a new segment (and a merge) mid-transaction.
    insertFile: db.prepare('INSERT INTO files (path, source, subagent) VALUES (?, ?, ?)'),
    setFileMeta: db.prepare('UPDATE files SET session_id = ?, project = ?, agent = ? WHERE id = ?'),
    setProgress: db.prepare('UPDATE files SET indexed_offset = ?, next_line = ?, head_len = ?, head_hash = ? WHERE id = ?'),
    setStat: db.prepare('UPDATE files SET size = ?, mtime = ? WHERE id = ?'),
    getOffset: db.prepare('SELECT indexed_offset FROM files WHERE id = ?'),
    insertUnit: db.prepare('INSERT INTO units (file_id, line, part, offset, kind, ts) VALUES (?, ?, ?, ?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO fts (rowid, text, tags) VALUES (?, ?, ?)'),
    ftsDeleteFile: db.prepare('DELETE FROM fts WHERE rowid IN (SELECT id FROM units WHERE file_id = ?)'),
    deleteUnits: db.prepare('DELETE FROM units WHERE file_id = ?'),
  };
}

// The few small reads per log on this thread (its head, the end of its complete lines, the newlines
// after its last record) are synchronous: each takes microseconds, while a promise-based open, read and
// close cost this thread, the one that writes, about a millisecond per log.
function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

const hashOf = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

/** Offset just past the last newline before `size` (never below `floor`): the end of complete lines. */
function completeLinesEnd(path: string, floor: number, size: number): number {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > floor) {
      const start = Math.max(floor, end - chunk.length);
      const bytesRead = readSync(fd, chunk, 0, end - start, start);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at !== -1) return start + at + 1;
      end = start;
    }
    return floor;
  } finally {
    closeSync(fd);
  }
}

/** Newlines in [from, to): turns "the line of the last record" into "the next line number". */
function countNewlines(path: string, from: number, to: number): number {
  if (to <= from) return 0;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, to - from));
    let count = 0;
    for (let at = from; at < to;) {
      const bytesRead = readSync(fd, chunk, 0, Math.min(chunk.length, to - at), at);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(0x0a); i !== -1 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) count++;
      at += bytesRead;
    }
    return count;
  } finally {
    closeSync(fd);
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

/** Where reading a log starts: after what was indexed, or from the top when the log was rewritten. */
function startOf(row: FileRow | undefined, head: Buffer, size: number): { startOffset: number; startLine: number; rewritten: boolean } {
  if (!row) return { startOffset: 0, startLine: 1, rewritten: false };
  const sameHead = row.head_len <= head.length && hashOf(head.subarray(0, row.head_len)) === row.head_hash;
  if (size < row.indexed_offset || !sameHead) return { startOffset: 0, startLine: 1, rewritten: true };
  return { startOffset: row.indexed_offset, startLine: row.next_line, rewritten: false };
}

/**
 * Whether the log is Claude Code's, so its lines can be read in chunks by several threads: known from
 * the index (the agent of a log read before), else from its first line's record type.
 */
function isClaudeLog(head: Buffer, agent: AgentKind | undefined): boolean {
  if (agent !== undefined) return agent === 'claude';
  const newline = head.indexOf(0x0a);
  const type = peekTopLevelType(newline === -1 ? head : head.subarray(0, newline));
  return type !== undefined && CLAUDE_TYPES.has(type) && !CODEX_TYPES.has(type);
}

/** One outcome for a log read in chunks (in order). */
function joinOutcomes(before: FileReadOutcome | undefined, after: FileReadOutcome): FileReadOutcome {
  if (!before) return after;
  const problems = [before.problems, after.problems].filter(Boolean).join('; ');
  return {
    agent: before.agent ?? after.agent,
    sessionId: before.sessionId ?? after.sessionId,
    project: before.project ?? after.project,
    lastLine: after.sawEvent ? after.lastLine : before.lastLine,
    lastOffset: after.sawEvent ? after.lastOffset : before.lastOffset,
    sawEvent: before.sawEvent || after.sawEvent,
    problems: problems || undefined,
    bytes: before.bytes + after.bytes,
    lines: Math.max(before.lines, after.lines),
  };
}

/** Updates the index from the logs under `options.sources` (or `options.files`). */
export async function updateIndex(index: SearchIndex, options: UpdateIndexOptions = {}): Promise<IndexReport> {
  const started = Date.now();
  const cpuStarted = threadCpuMs();
  let waitMs = 0;
  let chunksRead = 0;
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_UNIT_LIMITS;
  const batchUnits = options.batchUnits ?? 50_000;
  // FTS5 writes its pending terms out at every commit (a segment each, merged later): few, large
  // transactions build fastest. Bounded in time, so another writer waits at most about that long.
  const groupBytes = options.groupBytes ?? 64 * 1024 * 1024;
  const groupMs = options.groupMs ?? 1000;
  const report: IndexReport = {
    filesSeen: 0,
    unchanged: 0,
    added: 0,
    appended: 0,
    reindexed: 0,
    bytesRead: 0,
    unitsAdded: 0,
    elapsedMs: 0,
    problems: [],
    readInWorker: 0,
  };

  if (options.rebuild) {
    transaction(index, 'begin');
    index.db.exec("DELETE FROM units; DELETE FROM files; DELETE FROM fts; DELETE FROM meta WHERE key = 'built_at';");
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

  // The open transaction ("group"): where it started, so a log that fails can be left out and the
  // logs before it in the group (rolled back with it) done again.
  let inGroup = false;
  let groupStart = 0;
  let groupRead = 0;
  let groupStartedAt = 0;
  type Counters = Pick<IndexReport, 'unchanged' | 'added' | 'appended' | 'reindexed' | 'bytesRead' | 'unitsAdded'> & { bytesDone: number };
  const counters = (): Counters => ({
    unchanged: report.unchanged,
    added: report.added,
    appended: report.appended,
    reindexed: report.reindexed,
    bytesRead: report.bytesRead,
    unitsAdded: report.unitsAdded,
    bytesDone,
  });
  const restoreCounters = ({ bytesDone: done, ...counted }: Counters) => {
    Object.assign(report, counted);
    bytesDone = done;
  };
  let atGroupStart = counters();
  const beginGroup = (at: number) => {
    transaction(index, 'begin');
    inGroup = true;
    groupStart = at;
    groupRead = 0;
    groupStartedAt = Date.now();
    atGroupStart = counters();
  };
  const skipped = new Set<number>();

  // Reading ahead in a worker: each log's request is what this thread expects to decide for it (from
  // the first pass); the worker's units are taken only when the decision inside the transaction agrees.
  const useWorker = options.worker ?? bytesTotal >= WORKER_MIN_BYTES;
  const worker = useWorker && plans.length > 0 ? UnitWorker.start(limits, BATCH_UNITS, options.workerThreads) : undefined;
  const chunkBytes = options.chunkBytes;
  /** Each log asked of the workers: its chunks, in order. */
  const prefetched = new Map<number, FileReadRequest[]>();
  const heads = new Map<number, Buffer>();
  let requested: number[] = [];
  let requestedUpTo = -1;
  const dropPrefetch = (resumeAfter: number) => {
    worker?.cancelAll();
    for (const j of requested) prefetched.delete(j);
    requested = [];
    requestedUpTo = resumeAfter;
  };
  const prefetchFrom = async (from: number) => {
    if (!worker || worker.dead) return;
    if (requested.length && requested[0] < from) dropPrefetch(from - 1);
    for (let j = Math.max(from, requestedUpTo + 1); j < plans.length && j < from + PREFETCH_AHEAD; j++) {
      requestedUpTo = j;
      const plan = plans[j];
      if (skipped.has(j) || isZstdPath(plan.file.path)) continue; // a compressed rollout is read here
      let head: Buffer;
      try {
        head = readHead(plan.file.path, plan.size);
      } catch {
        continue; // this thread will find it unreadable too
      }
      heads.set(j, head);
      const { startOffset, startLine, rewritten } = startOf(plan.row, head, plan.size);
      const end = completeLinesEnd(plan.file.path, startOffset, plan.size);
      const agent = rewritten ? undefined : ((plan.row?.agent as AgentKind | null) ?? undefined);
      const request: FileReadRequest = { path: plan.file.path, startOffset, startLine, end, subagent: plan.file.subagent, agent };
      const chunks = chunkRequests(request, isClaudeLog(head, agent), chunkBytes);
      prefetched.set(j, chunks);
      requested.push(j);
      for (const chunk of chunks) worker.prefetch(chunk);
    }
  };

  try {
    for (let i = 0; i < plans.length; i++) {
      if (skipped.has(i)) continue;
      const { file, size, mtime } = plans[i];
      let row = plans[i].row;
      options.onProgress?.({ filesDone: i, filesTotal: plans.length, bytesDone, bytesTotal, file: file.path });
      await prefetchFrom(i);
      let head: Buffer;
      try {
        head = heads.get(i) ?? readHead(file.path, size);
        heads.delete(i);
      } catch {
        continue;
      }
      if (!inGroup) beginGroup(i);
      try {
        // What another writer did since the first pass counts: decide on the row as it is now.
        row = st.getFile.get(file.path) as FileRow | undefined;
        if (row && row.size === size && row.mtime === mtime) {
          report.unchanged++;
          if (requested[0] === i) dropPrefetch(i);
          continue;
        }
        let startOffset = 0;
        let startLine = 1;
        if (!row) {
          const inserted = st.insertFile.run(file.path, file.source, file.subagent ?? null);
          row = {
            id: Number(inserted.lastInsertRowid),
            size: 0,
            mtime: 0,
            head_len: 0,
            head_hash: '',
            indexed_offset: 0,
            next_line: 1,
            session_id: null,
            project: null,
            agent: null,
          };
          report.added++;
        } else {
          const start = startOf(row, head, size);
          if (start.rewritten) {
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
        const rowAgent = (row.agent as AgentKind | null) ?? undefined;
        const expected = prefetched.get(i);
        // A compressed rollout (.jsonl.zst) is complete and read whole: offsets are in its decompressed text.
        const compressed = isZstdPath(file.path);
        let end = compressed
          ? Number.MAX_SAFE_INTEGER
          : expected && expected[0].startOffset === startOffset
            ? expected[0].end
            : completeLinesEnd(file.path, startOffset, size);

        let sessionId = file.sessionHint ?? row.session_id ?? undefined;
        let project = row.project ?? undefined;
        let agent = rowAgent;
        const learn = (point: { sessionId?: string; project?: string; agent?: AgentKind }) => {
          sessionId ??= point.sessionId;
          project ??= point.project;
          agent ??= point.agent;
        };
        let sinceCommit = 0;
        const flush = (offset: number, nextLine: number) => {
          st.setFileMeta.run(sessionId ?? null, project ?? null, agent ?? null, fileId);
          st.setProgress.run(offset, nextLine, head.length, headHash, fileId);
          sinceCommit = 0;
        };
        const onBatch = (units: PreparedUnit[], next: FileReadPoint) => {
          for (const unit of units) {
            const result = st.insertUnit.run(fileId, unit.line, unit.part, unit.offset, unit.kind, unit.ts);
            st.insertFts.run(result.lastInsertRowid, unit.text, `k${unit.kind}`);
          }
          report.unitsAdded += units.length;
          sinceCommit += units.length;
          learn(next);
          // A long log is committed in parts (at a line boundary), so other writers get their turn.
          if (next.offset !== -1 && (sinceCommit >= batchUnits || Date.now() - groupStartedAt >= 2 * groupMs)) {
            flush(next.offset, next.line);
            transaction(index, 'commit');
            inGroup = false;
            beginGroup(i); // this log, from here, is the new group's first
            const now = st.getOffset.get(fileId) as { indexed_offset: number } | undefined;
            if (now?.indexed_offset !== next.offset) throw new OvertakenError();
          }
        };
        const request: FileReadRequest = { path: file.path, startOffset, startLine, end, subagent: file.subagent, agent: rowAgent };
        // The same chunks as asked of the workers (the same function of the same request and head).
        const chunks = worker && !compressed ? chunkRequests(request, isClaudeLog(head, rowAgent), chunkBytes) : [request];
        let outcome: FileReadOutcome | undefined;
        let taken = 0;
        if (requested[0] === i) {
          const waitStarted = performance.now();
          let busyMs = 0;
          const timedBatch = (units: PreparedUnit[], next: FileReadPoint) => {
            const at = performance.now();
            try {
              onBatch(units, next);
            } finally {
              busyMs += performance.now() - at;
            }
          };
          for (; taken < chunks.length; taken++) {
            const part = await worker?.take(chunks[taken], timedBatch);
            if (!part) break;
            chunksRead++;
            outcome = joinOutcomes(outcome, part);
          }
          waitMs += performance.now() - waitStarted - busyMs;
          requested.shift();
          prefetched.delete(i);
          if (taken < chunks.length)
            dropPrefetch(i); // the worker read something else: it dropped what it read ahead
          else report.readInWorker = (report.readInWorker ?? 0) + 1;
        }
        // What the workers did not read is read here (chunk by chunk from where they stopped).
        for (; taken < chunks.length; taken++) outcome = joinOutcomes(outcome, await readFileUnits(chunks[taken], limits, BATCH_UNITS, onBatch));
        if (!outcome) throw new Error('internal: a log was read in no chunk');
        learn(outcome);
        if (outcome.problems) report.problems.push(`${file.path}: ${outcome.problems}`);
        const { sawEvent, lastOffset, lastLine } = outcome;
        if (compressed) end = startOffset + outcome.bytes;
        const base = sawEvent ? lastOffset : startOffset;
        const nextLine = compressed ? Math.max(startLine, outcome.lines + 1) : (sawEvent ? lastLine : startLine) + countNewlines(file.path, base, end);
        flush(end, nextLine);
        st.setStat.run(size, mtime, fileId);
        report.bytesRead += end - startOffset;
        bytesDone += Math.max(0, size - startOffset);
        groupRead += end - startOffset;
        if (groupRead >= groupBytes || Date.now() - groupStartedAt >= groupMs) {
          transaction(index, 'commit');
          inGroup = false;
        }
      } catch (error) {
        const wasInGroup = inGroup;
        transaction(index, 'rollback');
        inGroup = false;
        dropPrefetch(wasInGroup && groupStart < i ? groupStart - 1 : i);
        // What the rolled-back group had counted is undone.
        restoreCounters(atGroupStart);
        if (error instanceof OvertakenError) {
          skipped.add(i); // the other writer has it
        } else if (error instanceof IndexBusyError) {
          throw error;
        } else if (isBusy(error)) {
          throw new IndexBusyError(busyMessage(index.path));
        } else if (error instanceof WorkerFailedError) {
          // The worker is gone; this log (and the group's earlier ones, rolled back) are read here.
          i = (wasInGroup ? Math.min(groupStart, i) : i) - 1;
          continue;
        } else if (error instanceof LogInputError || (error instanceof WorkerReadError && error.input)) {
          report.problems.push(`${file.path}: ${(error as Error).message}`);
          skipped.add(i);
        } else {
          throw error;
        }
        // The logs before this one in the group were rolled back with it: do them again.
        if (wasInGroup && groupStart < i) i = groupStart - 1;
      }
    }
    if (inGroup) transaction(index, 'commit');
  } finally {
    if (options.stats && worker) options.stats.readerCpuMs = worker.cpuMs;
    await worker?.close();
  }
  options.onProgress?.({ filesDone: plans.length, filesTotal: plans.length, bytesDone, bytesTotal });
  index.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('built_at', ?)").run(now().toISOString());
  report.elapsedMs = Date.now() - started;
  if (options.stats) {
    const cpuEnded = threadCpuMs();
    if (cpuStarted !== undefined && cpuEnded !== undefined) options.stats.writerCpuMs = cpuEnded - cpuStarted;
    options.stats.waitMs = waitMs;
    options.stats.chunksRead = chunksRead;
  }
  return report;
}

/** Folds the index's segments together: slower to write once, faster to query after a big build. */
export function optimizeIndex(index: SearchIndex): void {
  index.db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
}
