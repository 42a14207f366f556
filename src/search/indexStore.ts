// The index file: `$HANDOVER_HOME/index.sqlite`. An FTS5 table over an external-content side table, so
// the text is stored once (units.text) and the FTS index holds only terms and positions; metadata
// common to a whole log (session, project, agent) lives once per file in `files`.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { isBusy, isCorrupt, loadSqlite, type Database } from './sqliteRuntime.js';

/** Bumped when the schema or what goes into a unit changes: an older index is rebuilt. */
export const SCHEMA_VERSION = '2';

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
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  ts INTEGER,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS units_file_line ON units(file_id, line);
-- The kind is also indexed, as a token ('k' + code) in a second column read from a view (nothing
-- stored twice): a --kind filter is then an FTS5 AND, not a row-by-row lookup over every match.
CREATE VIEW IF NOT EXISTS unit_content AS SELECT id, text, 'k' || kind AS tags FROM units;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, tags, content='unit_content', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
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

function openRaw(path: string, busyTimeoutMs: number): Database {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA cache_size = -32768');
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(SCHEMA);
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value?: string } | undefined;
    if (row?.value !== SCHEMA_VERSION) {
      if (row) dropAll(db);
      db.exec(SCHEMA);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
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
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let db: Database;
  try {
    db = openRaw(path, busyTimeoutMs);
  } catch (error) {
    if (isBusy(error)) throw new IndexBusyError(busyMessage(path));
    if (!isCorrupt(error)) throw error;
    const aside = moveIndexAside(path, options.now);
    options.onNotice?.(`the search index was damaged (${(error as Error).message}); moved it to ${aside} and started a new one`);
    db = openRaw(path, busyTimeoutMs);
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
