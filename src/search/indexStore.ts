// The index file: `$HANDOVER_HOME/index.sqlite`. It holds terms, not text: a contentless FTS5 table whose
// rows are records of the raw logs, and a `units` table saying where each record is (file, line, byte
// offset, its place among the line's events). Snippets are cut from the raw log at query time, so the
// text is stored once, in the logs themselves. Metadata common to a whole log (session, project, agent)
// lives once per file in `files`.
//
// Writers take turns (BEGIN IMMEDIATE, and every decision about a file is made inside the transaction);
// readers never wait (WAL). A record can be indexed once only: UNIQUE (file_id, line, part).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { isBusy, isCorrupt, loadSqlite, type Database } from './sqliteRuntime.js';

/** Bumped when the schema or what goes into a unit changes: an older index is rebuilt. */
export const SCHEMA_VERSION = '4';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  mtime INTEGER NOT NULL DEFAULT 0,
  head_len INTEGER NOT NULL DEFAULT 0,
  head_hash TEXT NOT NULL DEFAULT '',
  indexed_offset INTEGER NOT NULL DEFAULT 0,
  next_line INTEGER NOT NULL DEFAULT 1,
  session_id TEXT,
  project TEXT,
  agent TEXT,
  subagent TEXT
);
CREATE INDEX IF NOT EXISTS files_session ON files(session_id);
-- One row per searchable event: where it is in its raw log. part: its place among the events of its line
-- (an assistant line holds text and tool calls).
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  part INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  ts INTEGER,
  UNIQUE (file_id, line, part)
);
-- Contentless: terms and positions only. The kind is indexed too, as a token ('k' + code) in a second
-- column, so a kind filter is an FTS5 AND rather than a lookup per match.
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, tags, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
-- FTS5 keeps a transaction's terms in memory up to this many bytes, then writes them out as a segment
-- (merged with others later). Its default, 1 MB, makes a 1 GB build write and merge about a thousand
-- segments; 16 MB, a sixteenth as many. Small updates never reach it.
INSERT INTO fts (fts, rank) VALUES ('hashsize', ${16 * 1024 * 1024});
`;

export interface SearchIndex {
  db: Database;
  path: string;
  close(): void;
}

export interface OpenIndexOptions {
  /** Use this file instead of `$HANDOVER_HOME/index.sqlite`. */
  path?: string;
  /** How long to wait for another writer before giving up (ms). */
  busyTimeoutMs?: number;
  /** Told when the index had to be moved aside and started afresh. */
  onNotice?: (message: string) => void;
  now?: () => Date;
}

/** Another process holds the index for writing longer than we were willing to wait. */
export class IndexBusyError extends Error {}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const readVersion = (db: Database): string | undefined => {
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value?: string } | undefined)?.value;
  } catch {
    return undefined; // no meta table yet
  }
};

/** The index file and its folder are private to the user: created 0600 / 0700, a looser index file tightened. */
function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // SQLite creates the -wal and -shm files with the database file's mode.
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      const info = statSync(path + suffix);
      if (info.isFile() && (info.mode & 0o077) !== 0) chmodSync(path + suffix, 0o600);
    } catch {
      /* absent, or not ours to change: SQLite reports what matters */
    }
  }
}

function openRaw(path: string, busyTimeoutMs: number, onNotice: ((message: string) => void) | undefined): Database {
  ensurePrivateFile(path);
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA cache_size = -32768');
    db.exec('PRAGMA temp_store = MEMORY');
    // Only a missing or older schema needs the write lock; an up-to-date index is opened by reading.
    if (readVersion(db) !== SCHEMA_VERSION) {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('BEGIN IMMEDIATE');
      let upgraded: string | undefined;
      try {
        const version = readVersion(db); // again, now that no one else can be doing this
        if (version !== SCHEMA_VERSION) {
          if (version !== undefined) {
            dropAll(db);
            upgraded = version;
          }
          db.exec(SCHEMA);
          db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
        }
        db.exec('COMMIT');
      } catch (error) {
        try {
          db.exec('ROLLBACK');
        } catch {
          /* nothing to roll back */
        }
        throw error;
      }
      if (upgraded !== undefined) {
        onNotice?.(`the search index format changed (v${upgraded} → v${SCHEMA_VERSION}); rebuilding it from the logs`);
        try {
          db.exec('VACUUM'); // give back the old tables' pages
        } catch {
          /* another process is reading: the space is reused instead */
        }
      }
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function dropAll(db: Database): void {
  db.exec('DROP TABLE IF EXISTS fts; DROP VIEW IF EXISTS unit_content; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS files; DELETE FROM meta;');
}

/** Renames a damaged index (and its WAL) out of the way; returns where it went. */
export function moveIndexAside(path: string, now: () => Date = () => new Date()): string {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Opens (creating when needed) the search index of a Handover home. A file that is not a database or is
 * damaged is moved aside and a fresh index created (the caller then fills it: updateIndex); a lock held
 * by another writer past the busy timeout is an IndexBusyError.
 */
export function openSearchIndex(home: string, options: OpenIndexOptions = {}): SearchIndex {
  const path = options.path ?? homePaths(home).index;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let db: Database;
  try {
    db = openRaw(path, busyTimeoutMs, options.onNotice);
  } catch (error) {
    if (isBusy(error)) throw new IndexBusyError(busyMessage(path));
    if (!isCorrupt(error)) throw error;
    const aside = moveIndexAside(path, options.now);
    options.onNotice?.(`the search index was damaged (${(error as Error).message}); moved it to ${aside} and started a new one`);
    db = openRaw(path, busyTimeoutMs, options.onNotice);
  }
  let open = true;
  const close = () => {
    if (open) db.close();
    open = false;
  };
  return { db, path, close };
}

export const busyMessage = (path: string) => `the search index ${path} is locked by another process (a running 'handover index'?); try again in a moment`;

/** Whether the index has ever been filled (a fresh or just-rebuilt one has not). */
export function indexBuiltAt(index: SearchIndex): string | undefined {
  const row = index.db.prepare("SELECT value FROM meta WHERE key = 'built_at'").get() as { value?: string } | undefined;
  return row?.value;
}
