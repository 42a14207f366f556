// Ranked search over the index: the one query entry point (`searchIndex`) the CLI, the extension (through
// the CLI's --json) and the MCP server use, returning the shared SearchResults format.
//
// 1. The query is parsed into a bounded tree (queryParser): terms, -exclusions, kind: and session:.
// 2. FTS5 finds the records holding every term; when none does and there are several terms, the records
//    holding any of them, ranked by how many they hold (mode 'any').
// 3. BM25 from FTS5 is weighted by the record's kind (what a person said, an error) and its age.
// 4. One hit per session first (the best of each), then the rest: several sessions are seen at once.
// 5. Snippets are cut from the raw logs (the index holds no text); a hit whose log changed since it
//    was indexed and no longer holds the terms is left out.
import {
  SEARCH_RESULTS_SCHEMA,
  SEARCH_RESULTS_VERSION,
  type SearchHit,
  type SearchKind,
  type SearchMode,
  type SearchResults,
} from '../shared/searchResults.js';
import type { SearchIndex } from './indexStore.js';
import { ftsExpression, parseQuery, type ParsedQuery } from './queryParser.js';
import { RawLogReader } from './rawRecords.js';
import { foldAccents, termFinder, type TermFinder } from './searchText.js';
import { buildSnippet } from './snippet.js';
import { redactSecrets } from '../util/redact.js';
import { isUnitKind, kindCode, kindName, type UnitKind } from './units.js';

export type { SearchHit, SearchResults } from '../shared/searchResults.js';
/** The former name of SearchResults. */
export type SearchResult = SearchResults;

export interface SearchOptions {
  /** Substring of the project folder (cwd) the session ran in. */
  project?: string;
  /** Only records at or after this time (Date, epoch ms, an ISO date, or `7d` / `12h` / `2w` ago). */
  since?: Date | number | string;
  kinds?: UnitKind[];
  /** Only this session (every log of it: main and subagents, live and archived); a unique prefix works. */
  sessionId?: string;
  /** Only these sessions, by exact id (`handover search --chain`: the sessions of one chain). */
  sessionIds?: string[];
  /** Only this log file (absolute path). */
  file?: string;
  limit?: number;
  /** Snippet length in characters (about). */
  snippetChars?: number;
  now?: () => Date;
}
/** The former name of SearchOptions. */
export type SearchFilters = SearchOptions;

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
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const kind of kinds)
    if (!isUnitKind(kind))
      throw new SearchInputError(`--kind: unknown kind '${kind}' (one of user, assistant, thinking, tool-call, tool-result, tool-error, compaction, system)`);
  return kinds as UnitKind[];
}

/** Text as one quoted phrase of the query language: its words, in that order (a `"` inside is a space). */
export function asPhrase(text: string): string {
  return `"${text.replace(/"/g, ' ')}"`;
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

/**
 * Ranking every match of a very common word costs time in proportion to the matches (BM25 reads each
 * row's length). Only the most recently indexed matches (the highest rowids; FTS5 walks a doclist
 * backwards cheaply) are ranked, at most this many; below this many matches the ranking is exact.
 */
export const RANKED_CANDIDATES = 8000;

/** What a kind's match is worth beside BM25: what a person said or an error outranks a progress line. */
const KIND_WEIGHT: Record<SearchKind, number> = {
  user: 1.35,
  'tool-error': 1.3,
  assistant: 1.15,
  compaction: 1.1,
  'tool-call': 1.0,
  thinking: 0.95,
  'tool-result': 0.9,
  system: 0.75,
};

/** Newer is a little better: +25% for today, +12% at two weeks, fading. */
const recencyWeight = (ts: number | null, now: number) => (ts === null ? 1 : 1 + 0.25 / (1 + Math.max(0, now - ts) / (14 * 86_400_000)));

interface Candidate {
  id: number;
  bm: number;
  line: number;
  part: number;
  offset: number;
  kind: number;
  ts: number | null;
  path: string;
  session_id: string | null;
  project: string | null;
  agent: string | null;
  subagent: string | null;
  score: number;
  matched: number;
  text?: string;
}

function filterSql(options: SearchOptions, sessionPrefix: string | undefined): { joins: string; where: string[]; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  let needFiles = false;
  let needUnits = false;
  if (options.project) {
    where.push('instr(lower(f.project), lower(?)) > 0');
    params.push(options.project);
    needFiles = true;
  }
  if (options.since !== undefined) {
    where.push('u.ts >= ?');
    params.push(parseSince(options.since, options.now));
    needUnits = true;
  }
  if (sessionPrefix) {
    where.push("(f.session_id = ? OR f.session_id LIKE ? ESCAPE '\\')");
    params.push(sessionPrefix, `${sessionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    needFiles = true;
  }
  if (options.sessionIds?.length) {
    where.push(`f.session_id IN (${options.sessionIds.map(() => '?').join(', ')})`);
    params.push(...options.sessionIds);
    needFiles = true;
  }
  if (options.file) {
    where.push('f.path = ?');
    params.push(options.file);
    needFiles = true;
  }
  const joins = needFiles ? 'JOIN units u ON u.id = fts.rowid JOIN files f ON f.id = u.file_id' : needUnits ? 'JOIN units u ON u.id = fts.rowid' : '';
  return { joins, where, params };
}

function candidateSql(joins: string, where: string[], pool: number): string {
  return `SELECT c.id AS id, c.bm AS bm, u.line AS line, u.part AS part, u.offset AS offset, u.kind AS kind, u.ts AS ts,
      f.path AS path, f.session_id AS session_id, f.project AS project, f.agent AS agent, f.subagent AS subagent
    FROM (SELECT id, bm FROM (
        SELECT fts.rowid AS id, bm25(fts, 1.0, 0.0) AS bm FROM fts ${joins}
        WHERE fts MATCH ?${where.length ? ' AND ' + where.join(' AND ') : ''}
        ORDER BY fts.rowid DESC LIMIT ${RANKED_CANDIDATES}
      ) ORDER BY bm LIMIT ${pool}) c
    JOIN units u ON u.id = c.id JOIN files f ON f.id = u.file_id`;
}

/** The matches of an expression, newest first, at most `limit` (no ranking: cheap whatever the terms). */
function matchSql(joins: string, where: string[], limit: number): string {
  return `SELECT fts.rowid AS id FROM fts ${joins} WHERE fts MATCH ?${where.length ? ' AND ' + where.join(' AND ') : ''} ORDER BY fts.rowid DESC LIMIT ${limit}`;
}

/** Candidates by id, with each record's length in tokens (FTS5's own per-row sizes). */
function detailSql(ids: number[]): string {
  return `SELECT u.id AS id, u.line AS line, u.part AS part, u.offset AS offset, u.kind AS kind, u.ts AS ts,
      f.path AS path, f.session_id AS session_id, f.project AS project, f.agent AS agent, f.subagent AS subagent, d.sz AS sz
    FROM units u JOIN files f ON f.id = u.file_id LEFT JOIN fts_docsize d ON d.id = u.id WHERE u.id IN (${ids.join(',')})`;
}

/** SQLite's varint (big-endian, 7 bits a byte), as FTS5 writes its sizes and averages. */
function varints(bytes: Uint8Array | null | undefined, count: number): number[] {
  const out: number[] = [];
  let at = 0;
  while (bytes && out.length < count && at < bytes.length) {
    let value = 0;
    for (let i = 0; i < 9 && at < bytes.length; i++) {
      const b = bytes[at++];
      value = value * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    out.push(value);
  }
  return out;
}

/** Average record length in tokens (FTS5's averages record: row count, then tokens per column). */
function averageLength(index: SearchIndex): number {
  const row = index.db.prepare('SELECT block FROM fts_data WHERE id = 1').get() as { block?: Uint8Array } | undefined;
  const [rows, tokens] = varints(row?.block, 2);
  return rows && tokens ? tokens / rows : 100;
}

/**
 * BM25 when every candidate holds every term once: only the length differs (shorter is more about the
 * terms). FTS5's bm25() first counts, over the whole index, the records holding each phrase, which for a
 * common phrase part (`path/to/…`) costs as much as the phrase is common; when the matches are few they
 * are ranked this way instead, with no such count.
 */
const lengthScore = (terms: number, length: number, average: number) => (terms * 2.2) / (1 + 1.2 * (0.25 + (0.75 * length) / Math.max(1, average)));

const emptyResults = (query: string, parsed: ParsedQuery | undefined, filters: SearchResults['filters'], notes: string[]): SearchResults => ({
  schema: SEARCH_RESULTS_SCHEMA,
  version: SEARCH_RESULTS_VERSION,
  query,
  terms: parsed?.terms.map((t) => t.text) ?? [],
  excluded: parsed?.excluded.map((t) => t.text) ?? [],
  filters,
  mode: 'none',
  hits: [],
  notes,
});

/** Past this, only a window around the first match is redacted and cut from (a file read of megabytes). */
const WHOLE_TEXT_MAX = 64 * 1024;
/** Wider than any secret the redactor knows (a PEM block is at most 20,000 characters to it). */
const WINDOW_MARGIN = 24 * 1024;

/** The redacted text a snippet is cut from: all of it, or a window around the first match of a long one. */
function shownPart(text: string, find: TermFinder | undefined): string {
  if (text.length <= WHOLE_TEXT_MAX) return redactSecrets(text);
  const anchor = find?.(foldAccents(text), 1)[0]?.[0] ?? 0;
  const start = Math.max(0, anchor - WINDOW_MARGIN);
  return redactSecrets(text.slice(start, anchor + WINDOW_MARGIN));
}

/** Best of each session first, then the rest, each part in score order. */
function diversify<T extends { session_id: string | null; path: string }>(ranked: T[]): T[] {
  const firsts: T[] = [];
  const rest: T[] = [];
  const seen = new Set<string>();
  for (const c of ranked) {
    const session = c.session_id ?? c.path;
    if (seen.has(session)) rest.push(c);
    else {
      seen.add(session);
      firsts.push(c);
    }
  }
  return [...firsts, ...rest];
}

/**
 * Searches the index. Never throws for any query text; throws SearchInputError for a bad option value
 * (`since`), and SQLite's errors for a busy or damaged index (the callers recover from those).
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const limit = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 20)));
  const parsed = parseQuery(typeof query === 'string' ? query : '');
  const notes = [...parsed.notes];

  let kinds: SearchKind[] | undefined = options.kinds?.length ? [...options.kinds] : undefined;
  if (parsed.kinds.length) kinds = kinds ? kinds.filter((k) => parsed.kinds.includes(k)) : parsed.kinds;
  const sessionPrefix = options.sessionId ?? parsed.sessionIds[0];
  const filters: SearchResults['filters'] = {};
  if (kinds) filters.kinds = kinds;
  if (sessionPrefix) filters.sessionId = sessionPrefix;
  if (options.project) filters.project = options.project;
  if (options.since !== undefined) filters.since = new Date(parseSince(options.since, options.now)).toISOString();
  if (options.file) filters.file = options.file;

  if (parsed.terms.length === 0) {
    notes.push(parsed.excluded.length ? 'only exclusions: give at least one word to look for' : 'nothing to search for: the query has no words');
    return emptyResults(query, parsed, filters, notes);
  }
  if (kinds && kinds.length === 0) {
    notes.push('the kinds asked for in the query and in the options have none in common');
    return emptyResults(query, parsed, filters, notes);
  }

  const { joins, where, params } = filterSql(options, sessionPrefix);
  // Enough candidates to fill the page after duplicates (a live log and its archived copy) are dropped.
  const pool = Math.min(2000, Math.max(200, limit * 3));
  const codes = (kinds ?? []).map(kindCode);
  const run = (mode: 'all' | 'any'): Candidate[] => {
    const expression = ftsExpression(parsed, mode, codes);
    const ids = (index.db.prepare(matchSql(joins, where, pool + 1)).all(expression, ...params) as Array<{ id: number }>).map((r) => r.id);
    if (ids.length === 0) return [];
    if (ids.length > pool) return index.db.prepare(candidateSql(joins, where, pool)).all(expression, ...params) as unknown as Candidate[];
    const average = averageLength(index);
    const rows = index.db.prepare(detailSql(ids)).all() as unknown as Array<Candidate & { sz: Uint8Array | null }>;
    for (const row of rows) row.bm = -lengthScore(parsed.terms.length, varints(row.sz, 1)[0] ?? average, average);
    return rows;
  };

  let mode: SearchMode = 'all';
  let candidates = run('all');
  if (candidates.length === 0 && parsed.terms.length > 1) {
    mode = 'any';
    candidates = run('any');
  }
  if (candidates.length === 0) return emptyResults(query, parsed, filters, notes);

  const now = (options.now ?? (() => new Date()))().getTime();
  for (const c of candidates) c.score = -c.bm * KIND_WEIGHT[kindName(c.kind)] * recencyWeight(c.ts, now);
  candidates.sort((a, b) => b.score - a.score);

  // The same record found in a live log and in its archived copy is listed once.
  const seen = new Set<string>();
  candidates = candidates.filter((c) => {
    const key = `${c.session_id ?? c.path}\0${c.subagent ?? ''}\0${c.line}\0${c.part}\0${c.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const reader = new RawLogReader();
  const terms = parsed.terms;
  const termFinders = terms.map((t) => termFinder([t]) as TermFinder);
  const countMatched = (text: string) => {
    const folded = foldAccents(text);
    return termFinders.filter((find) => find(folded, 1).length > 0).length;
  };
  let stale = 0;
  const textOf = (c: Candidate): boolean => {
    if (c.text !== undefined) return true;
    const unit = reader.unitText({ file: c.path, offset: c.offset, line: c.line, part: c.part, kind: c.kind, agent: c.agent }, false);
    // A log rewritten since it was indexed (before the next `handover index`): the record is gone.
    // (Not judged by the terms: the JS matcher is for marking and counting, FTS5 decided the match.)
    if (!unit) {
      stale++;
      return false;
    }
    c.text = unit.text;
    if (mode === 'any') c.matched = Math.max(1, countMatched(unit.text));
    return true;
  };
  try {
    if (mode === 'any') {
      // Ranked by how many terms a record holds, then by score: the best few dozen are read to count.
      const counted = candidates.slice(0, Math.max(60, limit * 2)).filter(textOf);
      counted.sort((a, b) => b.matched - a.matched || b.score - a.score);
      candidates = counted;
    }
    const width = Math.max(40, Math.min(1000, options.snippetChars ?? 160));
    const find = termFinder(terms);
    const hits: SearchHit[] = [];
    for (const c of diversify(candidates)) {
      if (hits.length === limit) break;
      if (!textOf(c)) continue;
      const text = shownPart(c.text as string, find);
      const { snippet, highlights } = buildSnippet(text, find ? find(foldAccents(text), 2000) : [], width);
      const sessionId = c.session_id ?? c.path;
      const hit: SearchHit = {
        ref: `${sessionId}:${c.line}`,
        sessionId,
        file: c.path,
        line: c.line,
        kind: kindName(c.kind),
        snippet,
        highlights,
        score: Math.round(c.score * 1e6) / 1e6,
        matchedTerms: mode === 'all' ? terms.length : c.matched,
      };
      if (c.project) hit.project = c.project;
      if (c.agent) hit.agent = c.agent;
      if (c.ts !== null) hit.timestamp = new Date(c.ts).toISOString();
      if (c.subagent) hit.subagent = c.subagent;
      hits.push(hit);
    }
    if (stale) notes.push(`${stale} match${stale === 1 ? ' was' : 'es were'} in logs that changed since they were indexed (run 'handover index')`);
    if (mode === 'any') notes.push(`no record holds all ${terms.length} terms; showing records that hold the most of them`);
    return {
      schema: SEARCH_RESULTS_SCHEMA,
      version: SEARCH_RESULTS_VERSION,
      query,
      terms: terms.map((t) => t.text),
      excluded: parsed.excluded.map((t) => t.text),
      filters,
      mode: hits.length ? mode : 'none',
      hits,
      notes,
    };
  } finally {
    reader.close();
  }
}

/** Searches within one session (every log of it): what an analyst's `search_log` tool needs. */
export function searchSession(index: SearchIndex, sessionId: string, query: string, options: Omit<SearchOptions, 'sessionId'> = {}): SearchResults {
  return searchIndex(index, query, { ...options, sessionId });
}

/** Searches within one log file. */
export function searchFile(index: SearchIndex, file: string, query: string, options: Omit<SearchOptions, 'file'> = {}): SearchResults {
  return searchIndex(index, query, { ...options, file });
}
