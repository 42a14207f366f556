// Notices when a Codex session compacts. Codex has no hooks, but every session writes a rollout,
// ${CODEX_HOME:-~/.codex}/sessions/YYYY/MM/DD/rollout-<ts>-<uuid>.jsonl, and a compaction appends a
// `{"timestamp":…,"type":"compacted","payload":…}` line to it. We watch only today's and yesterday's
// folders (years of history stay unread), read only the bytes appended since a file was first seen,
// and look at raw bytes before parsing anything. No vscode here: unit-tested as is.
import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';

export { codexSessionsDir } from '../util/agentHomes.js';

/** Codex names day folders after the local date: `YYYY/MM/DD` for today and yesterday. */
export function watchedDays(now: Date): string[] {
  const day = (d: Date) => `${d.getFullYear()}/${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12);
  return [day(now), day(yesterday)];
}

/**
 * Whether a path below the sessions folder (relative, '/'-separated) is on the way to, or is, a rollout
 * of one of the watched days. Folders of other days are never entered.
 */
export function isWatchedSessionPath(rel: string, days: readonly string[], isFile?: boolean): boolean {
  if (rel === '') return true;
  const parts = rel.split('/');
  if (parts.length <= 3) return isFile !== true && days.some((d) => d.split('/').slice(0, parts.length).join('/') === rel);
  return parts.length === 4 && isFile !== false && days.includes(parts.slice(0, 3).join('/')) && /^rollout-.*\.jsonl$/.test(parts[3]);
}

/** The workspace folder a session's cwd lies in (the innermost when folders nest), if any. */
export function workspaceFolderFor(cwd: string, folders: readonly string[]): string | undefined {
  const inside = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
  const target = resolve(cwd);
  return folders.filter((f) => inside(target, resolve(f))).sort((a, b) => resolve(b).length - resolve(a).length)[0];
}

export interface SessionMeta {
  id: string;
  cwd: string;
}

const NEWLINE = 0x0a;
const COMPACTED = Buffer.from('"type":"compacted"');
const PAYLOAD = Buffer.from('"payload"');
/** Codex writes `type` before `payload`; the top-level type always lies in a line's first bytes. */
const HEAD_BYTES = 4096;
const FIRST_LINE_MAX = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** A complete line's first bytes say it is a compaction record: the type key comes before the payload. */
export function isCompactionHead(head: Buffer): boolean {
  const at = head.indexOf(COMPACTED);
  if (at === -1) return false;
  const payload = head.indexOf(PAYLOAD);
  return payload === -1 || at < payload;
}

/** The session_meta of a rollout (its first line), or undefined while that line is still incomplete. */
export async function readSessionMeta(path: string, maxBytes = FIRST_LINE_MAX): Promise<SessionMeta | 'unreadable' | undefined> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes - total));
      if (buffer.length === 0) return 'unreadable';
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
      if (bytesRead === 0) return undefined;
      const piece = buffer.subarray(0, bytesRead);
      const end = piece.indexOf(NEWLINE);
      chunks.push(end === -1 ? piece : piece.subarray(0, end));
      total += bytesRead;
      if (end !== -1) break;
    }
    const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: unknown; payload?: { id?: unknown; cwd?: unknown } };
    const { id, cwd } = record.payload ?? {};
    if (record.type !== 'session_meta' || typeof id !== 'string' || typeof cwd !== 'string' || id === '' || cwd === '') return 'unreadable';
    return { id, cwd };
  } catch {
    return 'unreadable';
  } finally {
    await handle.close();
  }
}

interface TailState {
  /** Bytes consumed so far. */
  offset: number;
  /** The first bytes of the line that is not complete yet (it is judged once its newline arrives). */
  head: Buffer;
  meta?: SessionMeta | 'unreadable';
  /** Reads of one file run one after another. */
  queue: Promise<unknown>;
}

export interface GrowthReport {
  /** Complete compaction records among the bytes appended since the last look. */
  compactions: number;
  /** The session's id and cwd, once its first line is complete. */
  meta?: SessionMeta;
}

/** Remembers how far each rollout was read; reads only what was appended since. */
export class RolloutTails {
  private readonly files = new Map<string, TailState>();

  constructor(private readonly chunkBytes = CHUNK_BYTES) {}

  /** A rollout that was there before watching: only what is appended from now on counts. */
  existing(path: string): Promise<void> {
    if (this.files.has(path)) return Promise.resolve();
    // Registered at once, sized later: a change event meanwhile waits for the size instead of reading from 0.
    const state: TailState = { offset: 0, head: Buffer.alloc(0), queue: Promise.resolve() };
    this.files.set(path, state);
    const sized = stat(path).then(
      (info) => void (state.offset = info.size),
      () => undefined,
    );
    state.queue = sized;
    return sized;
  }

  forget(path: string): void {
    this.files.delete(path);
  }

  /** Offset read so far (tests). */
  offsetOf(path: string): number | undefined {
    return this.files.get(path)?.offset;
  }

  /** Reads what was appended since the last look (a file not seen before is new: all of it). */
  grown(path: string): Promise<GrowthReport> {
    let state = this.files.get(path);
    if (!state) {
      state = { offset: 0, head: Buffer.alloc(0), queue: Promise.resolve() };
      this.files.set(path, state);
    }
    const s = state;
    const next = s.queue.then(() => this.readAppended(path, s));
    s.queue = next.catch(() => undefined);
    return next;
  }

  private async readAppended(path: string, s: TailState): Promise<GrowthReport> {
    const size = (await stat(path)).size;
    if (size < s.offset) {
      // Rewritten from scratch: start over.
      s.offset = 0;
      s.head = Buffer.alloc(0);
      s.meta = undefined;
    }
    if (s.meta === undefined) s.meta = await readSessionMeta(path);
    let compactions = 0;
    if (size > s.offset) {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(this.chunkBytes, size - s.offset));
        while (s.offset < size) {
          const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - s.offset), s.offset);
          if (bytesRead === 0) break;
          compactions += this.scan(s, buffer.subarray(0, bytesRead));
          s.offset += bytesRead;
        }
      } finally {
        await handle.close();
      }
    }
    return { compactions, meta: typeof s.meta === 'object' ? s.meta : undefined };
  }

  /** Counts the compaction lines that complete in this chunk; carries the head of an unfinished line. */
  private scan(s: TailState, chunk: Buffer): number {
    // Fast path: no line starts in a carried head and the chunk has no compaction bytes at all.
    if (s.head.length === 0 && chunk.indexOf(COMPACTED) === -1) {
      const last = chunk.lastIndexOf(NEWLINE);
      s.head = Buffer.from(chunk.subarray(last + 1, last + 1 + HEAD_BYTES));
      return 0;
    }
    let found = 0;
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      const room = HEAD_BYTES - s.head.length;
      if (room > 0 && piece.length > 0) s.head = Buffer.concat([s.head, piece.subarray(0, room)]);
      if (end === -1) return found;
      if (isCompactionHead(s.head)) found++;
      s.head = Buffer.alloc(0);
      start = end + 1;
    }
  }
}

export interface CodexCompaction {
  rolloutPath: string;
  session: SessionMeta;
  /** Compaction records in this append (usually 1). */
  count: number;
}

export interface CodexCompactionWatcherOptions {
  sessionsDir: string;
  onCompaction: (compaction: CodexCompaction) => void;
  onError: (error: unknown) => void;
  clock?: () => number;
  /** How often to look for a sessions folder that does not exist yet (Codex never ran). */
  missingRetryMs?: number;
}

export interface CodexCompactionWatcher {
  /** Resolves once the initial scan is done (existing rollouts are remembered at their current size). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function watchCodexCompactions(options: CodexCompactionWatcherOptions): CodexCompactionWatcher {
  const { sessionsDir, onCompaction, onError } = options;
  const clock = options.clock ?? Date.now;
  const tails = new RolloutTails();
  let watcher: FSWatcher | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));

  const rel = (path: string) => relative(sessionsDir, path).split(sep).join('/');
  const look = (path: string) =>
    tails.grown(path).then((report) => {
      if (report.compactions > 0 && report.meta && !closed) onCompaction({ rolloutPath: path, session: report.meta, count: report.compactions });
    }, onError);

  const start = () => {
    let initial = true;
    const pendingInitial: Promise<void>[] = [];
    watcher = watch(sessionsDir, {
      ignoreInitial: false,
      depth: 3,
      // Asked for every path before it is read or watched; the days are recomputed each time, so a day
      // folder created at midnight is taken in.
      ignored: (path, stats) => !isWatchedSessionPath(rel(path), watchedDays(new Date(clock())), stats ? stats.isFile() : undefined),
    });
    watcher.on('add', (path) => {
      if (initial) pendingInitial.push(tails.existing(path));
      else void look(path);
    });
    watcher.on('change', (path) => void look(path));
    watcher.on('unlink', (path) => tails.forget(path));
    watcher.on('error', onError);
    watcher.on('ready', () => {
      initial = false;
      void Promise.all(pendingInitial).then(markReady, markReady);
    });
  };

  if (existsSync(sessionsDir)) start();
  else {
    retry = setInterval(() => {
      if (closed || !existsSync(sessionsDir)) return;
      clearInterval(retry);
      start();
    }, options.missingRetryMs ?? 30_000);
    markReady();
  }

  return {
    ready,
    close: async () => {
      closed = true;
      clearInterval(retry);
      await watcher?.close();
    },
  };
}

/**
 * One build per compaction burst and rollout: requests within the delay coalesce, a request while that
 * rollout's build runs queues exactly one more build after it (a later compaction builds again).
 */
export function createKeyedDebouncer(options: {
  delayMs: number;
  run: (key: string) => Promise<void>;
  timers?: { set: (cb: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}) {
  const timers = options.timers ?? { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };
  const pending = new Map<string, unknown>();
  const running = new Set<string>();
  const rerun = new Set<string>();
  let disposed = false;

  const fire = async (key: string) => {
    pending.delete(key);
    if (disposed) return;
    if (running.has(key)) {
      rerun.add(key);
      return;
    }
    running.add(key);
    try {
      await options.run(key);
    } catch {
      // run reports its own failures.
    }
    running.delete(key);
    if (rerun.delete(key) && !disposed) void fire(key);
  };

  return {
    request(key: string): void {
      if (disposed) return;
      const timer = pending.get(key);
      if (timer !== undefined) timers.clear(timer);
      pending.set(
        key,
        timers.set(() => void fire(key), options.delayMs),
      );
    },
    dispose(): void {
      disposed = true;
      for (const timer of pending.values()) timers.clear(timer);
      pending.clear();
      rerun.clear();
    },
  };
}
