// node:sqlite is loaded lazily: only search needs it, and every other command must keep working on a
// runtime that lacks it (Node < 22.13). The bundler leaves `require('node:sqlite')` alone (a builtin).
import type * as Sqlite from 'node:sqlite';

export type SqliteModule = typeof Sqlite;
export type Database = Sqlite.DatabaseSync;
export type Statement = Sqlite.StatementSync;

/** The runtime has no node:sqlite: one line the CLI can print as it is. */
export class SearchUnavailableError extends Error {}

let loaded: SqliteModule | undefined;

export function loadSqlite(): SqliteModule {
  if (loaded) return loaded;
  // Node prints "ExperimentalWarning: SQLite is an experimental feature" on first load; that line would
  // end up in every `handover search` output, so it is filtered out for exactly this one require.
  const emitWarning = process.emitWarning;
  process.emitWarning = function filtered(this: unknown, warning: string | Error, ...rest: unknown[]) {
    if (String(warning instanceof Error ? warning.message : warning).includes('SQLite')) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily so a runtime without node:sqlite fails here with a clear message, not at import
    loaded = require('node:sqlite') as SqliteModule;
    return loaded;
  } catch {
    throw new SearchUnavailableError(
      `search needs Node ≥ 22.13 (node:sqlite); this is Node ${process.versions.node} — run it with a newer node, or use VS Code's search command`,
    );
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** SQLite's own result code on an error thrown by node:sqlite (undefined for other errors). */
export function sqliteErrorCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown })?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export const SQLITE_BUSY = 5;
export const SQLITE_LOCKED = 6;
export const SQLITE_CORRUPT = 11;
export const SQLITE_NOTADB = 26;

export const isBusy = (error: unknown) => {
  const code = sqliteErrorCode(error);
  return code === SQLITE_BUSY || code === SQLITE_LOCKED;
};
export const isCorrupt = (error: unknown) => {
  const code = sqliteErrorCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
};
