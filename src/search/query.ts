// Ranked search over the index: BM25 from FTS5, filters on the side tables, a snippet with the match
// marked. A query FTS5 cannot parse (`src/a.ts`, `error-handling`, an unbalanced quote) is retried as
// one quoted phrase, so whatever a person or an agent types gives results, never an error.
import type { SearchIndex } from './indexStore.js';
import { isBusy, isCorrupt } from './sqliteRuntime.js';
import { buildSnippet, queryMatcher } from './snippet.js';
import { isUnitKind, kindCode, kindName, type UnitKind } from './units.js';

export interface SearchFilters {
  /** Substring of the project folder (cwd) the session ran in. */
  project?: string;
  /** Only records at or after this time (Date, epoch ms, an ISO date, or `7d` / `12h` / `2w` ago). */
  since?: Date | number | string;
  kinds?: UnitKind[];
  /** Only this session, or these sessions (every log of each: main and subagents, live and archived). */
  sessionId?: string | string[];
  /** Only this log file (absolute path). */
  file?: string;
  limit?: number;
  /** Snippet length in characters (about). */
  snippetChars?: number;
  now?: () => Date;
}

export interface SearchHit {
  sessionId: string;
  project: string | undefined;
  agent: string | undefined;
  file: string;
  /** 1-based line of the record in `file`. */
  line: number;
  kind: UnitKind;
  /** ISO time of the record, when the log has one. */
  timestamp: string | undefined;
  subagent: string | undefined;
  /** Plain text around the match (no markers). */
  snippet: string;
  /** [start, end) ranges in `snippet` of the matched terms. */
  highlights: Array<[number, number]>;
  /** BM25: lower is better. */
  score: number;
  /** What `handover show` takes: `<session-id>:<line>`. */
  ref: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The FTS5 query that ran (the phrase fallback when the original did not parse). */
  ftsQuery: string;
  fallback: boolean;
}

/** A filter value the user got wrong (a date that is no date, an unknown kind). */
export class SearchInputError extends Error {}

export function parseSince(value: Date | number | string, now: () => Date = () => new Date()): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const relative = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(value);
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[relative[2].toLowerCase() as 'm' | 'h' | 'd' | 'w'];
    return now().getTime() - Number(relative[1]) * unit;
  }
  const parsed = Date.parse(value);
  if (!Number.isFinite(parsed)) throw new SearchInputError(`--since: '${value}' is not a date (use e.g. 2025-06-01, 2025-06-01T12:00Z, 7d, 12h)`);
  return parsed;
}

export function parseKinds(value: string | undefined): UnitKind[] | undefined {
  if (!value) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  for (const kind of kinds) if (!isUnitKind(kind)) throw new SearchInputError(`--kind: unknown kind '${kind}' (one of user, assistant, thinking, tool-call, tool-result, tool-error, compaction, system)`);
  return kinds as UnitKind[];
}

/** The whole query as one FTS5 phrase (quotes doubled): matches the words in that order. */
export function asPhrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"`;
}

/** The snippet with its matches wrapped in `before`/`after` (e.g. `[`/`]`, or ANSI bold on a TTY). */
export function markSnippet(hit: Pick<SearchHit, 'snippet' | 'highlights'>, before: string, after: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    out += hit.snippet.slice(at, start) + before + hit.snippet.slice(start, end) + after;
    at = end;
  }
  return out + hit.snippet.slice(at);
}

interface Row {
  line: number;
  kind: number;
  ts: number | null;
  path: string;
  session_id: string | null;
  project: string | null;
  agent: string | null;
  subagent: string | null;
  text: string;
}

/**
 * Ranking every match of a very common word costs time in proportion to the matches (BM25 reads each
 * row's length). Only the most recently indexed matches (the highest rowids; FTS5 walks a doclist
 * backwards cheaply) are ranked, at most this many. Among equally good matches, recent ones are what a
 * person looking for "that error again" wants anyway; below this many matches the ranking is exact.
 */
export const RANKED_CANDIDATES = 4000;

function filterSql(filters: SearchFilters): { joins: string; where: string[]; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  let needFiles = false;
  let needUnits = false;
  if (filters.project) {
    where.push('instr(lower(f.project), lower(?)) > 0');
    params.push(filters.project);
    needFiles = true;
  }
  if (filters.since !== undefined) {
    where.push('u.ts >= ?');
    params.push(parseSince(filters.since, filters.now));
    needUnits = true;
  }
  if (filters.sessionId?.length) {
    const ids = [filters.sessionId].flat();
    where.push(`f.session_id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
    needFiles = true;
  }
  if (filters.file) {
    where.push('f.path = ?');
    params.push(filters.file);
    needFiles = true;
  }
  const joins = needFiles ? 'JOIN units u ON u.id = fts.rowid JOIN files f ON f.id = u.file_id' : needUnits ? 'JOIN units u ON u.id = fts.rowid' : '';
  return { joins, where, params };
}

function rankSql(filters: SearchFilters): { sql: string; params: Array<string | number> } {
  const { joins, where, params } = filterSql(filters);
  const sql = `SELECT id, score FROM (
      SELECT fts.rowid AS id, bm25(fts, 1.0, 0.0) AS score FROM fts ${joins}
      WHERE fts MATCH ?${where.length ? ' AND ' + where.join(' AND ') : ''}
      ORDER BY fts.rowid DESC LIMIT ${RANKED_CANDIDATES}
    ) ORDER BY score LIMIT ?`;
  return { sql, params };
}

const DETAIL_SQL = `SELECT u.line AS line, u.kind AS kind, u.ts AS ts, u.text AS text, f.path AS path, f.session_id AS session_id,
    f.project AS project, f.agent AS agent, f.subagent AS subagent
  FROM units u JOIN files f ON f.id = u.file_id WHERE u.id = ?`;

function toHit(row: Row, score: number, matcher: RegExp | undefined, width: number): SearchHit {
  const sessionId = row.session_id ?? row.path;
  const { snippet, highlights } = buildSnippet(row.text, matcher, width);
  return {
    sessionId,
    project: row.project ?? undefined,
    agent: row.agent ?? undefined,
    file: row.path,
    line: row.line,
    kind: kindName(row.kind),
    timestamp: row.ts === null ? undefined : new Date(row.ts).toISOString(),
    subagent: row.subagent ?? undefined,
    snippet,
    highlights,
    score,
    ref: `${sessionId}:${row.line}`,
  };
}

/** A query that is only punctuation or whitespace has nothing to match. */
const hasWords = (query: string) => /[\p{L}\p{N}]/u.test(query);

/**
 * Searches the index. Results are ranked by BM25; the same record found in a live log and in its
 * archived copy is listed once.
 */
export function searchIndex(index: SearchIndex, query: string, filters: SearchFilters = {}): SearchResult {
  const limit = Math.max(1, Math.min(1000, filters.limit ?? 20));
  if (!hasWords(query)) return { hits: [], ftsQuery: query, fallback: false };
  const db = index.db;
  const { sql, params } = rankSql(filters);
  const rank = db.prepare(sql);
  // A few extra rows: duplicates (a live log and its archived copy) are dropped below.
  const wanted = limit + Math.min(limit, 20);
  // The query searches the text column only; the kind filter is part of the MATCH (the kind is indexed
  // as a token in the `tags` column).
  const kindClause = filters.kinds?.length ? ` AND tags:(${filters.kinds.map((k) => `k${kindCode(k)}`).join(' OR ')})` : '';
  const run = (ftsQuery: string) =>
    rank.all(`text:(${ftsQuery})${kindClause}`, ...params, wanted) as unknown as Array<{ id: number; score: number }>;
  let ftsQuery = query;
  let fallback = false;
  let ranked: Array<{ id: number; score: number }>;
  try {
    ranked = run(query);
  } catch (error) {
    if (isBusy(error) || isCorrupt(error)) throw error;
    ftsQuery = asPhrase(query);
    fallback = true;
    ranked = run(ftsQuery);
  }
  const detail = db.prepare(DETAIL_SQL);
  const matcher = queryMatcher(ftsQuery);
  const width = Math.max(40, Math.min(1000, filters.snippetChars ?? 160));
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const { id, score } of ranked) {
    const row = detail.get(id) as unknown as Row | undefined;
    if (!row) continue;
    const hit = toHit(row, score, matcher, width);
    const key = `${hit.sessionId}\0${hit.subagent ?? ''}\0${hit.line}\0${hit.kind}\0${hit.snippet}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(hit);
    if (hits.length === limit) break;
  }
  return { hits, ftsQuery, fallback };
}

/** Searches within one session (every log of it): what an analyst's `search_log` tool needs. */
export function searchSession(index: SearchIndex, sessionId: string, query: string, filters: Omit<SearchFilters, 'sessionId'> = {}): SearchResult {
  return searchIndex(index, query, { ...filters, sessionId });
}

/** Searches within one log file. */
export function searchFile(index: SearchIndex, file: string, query: string, filters: Omit<SearchFilters, 'file'> = {}): SearchResult {
  return searchIndex(index, query, { ...filters, file });
}
