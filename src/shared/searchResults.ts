// The search results format: what `searchIndex` returns, what `handover search --json` prints, what the
// extension's QuickPick and the MCP server read. Defined once here (the lowest floor, so every reader can
// import it) with a validator for the readers that receive it as text from another process.
//
// Versioned: a reader checks `schema` and `version`; a change that removes or retypes a field bumps
// SEARCH_RESULTS_VERSION, a new optional field does not.

export const SEARCH_RESULTS_SCHEMA = 'handover.search-results';
export const SEARCH_RESULTS_VERSION = 1;

/** What a record is; the order is the index's kind code (do not reorder: codes are stored). */
export const SEARCH_KINDS = ['user', 'assistant', 'thinking', 'tool-call', 'tool-result', 'tool-error', 'compaction', 'system'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * How the words matched: `all` every term in each hit; `any` no record held them all, so these are the
 * records holding the most of them (see matchedTerms); `none` nothing to search for or nothing found.
 */
export type SearchMode = 'all' | 'any' | 'none';

export interface SearchHit {
  /** What `handover show` takes: `<session-id>:<line>`. */
  ref: string;
  sessionId: string;
  project?: string;
  agent?: string;
  /** The raw log the record is in, and its 1-based line. */
  file: string;
  line: number;
  kind: SearchKind;
  /** ISO time of the record, when the log has one. */
  timestamp?: string;
  /** File name of a Claude Code subagent log. */
  subagent?: string;
  /** Plain text around the match, cut from the raw log at query time (redacted). */
  snippet: string;
  /** [start, end) ranges in `snippet` of the matched terms. */
  highlights: Array<[number, number]>;
  /** Higher is better: BM25 weighted by the record's kind and age. */
  score: number;
  /** How many of the query's terms this record holds (of `terms.length`). */
  matchedTerms: number;
}

export interface SearchResults {
  schema: typeof SEARCH_RESULTS_SCHEMA;
  version: typeof SEARCH_RESULTS_VERSION;
  query: string;
  /** The terms the query was read as (a word, an identifier as a phrase, a quoted phrase, `word*`). */
  terms: string[];
  /** Terms a hit must not hold (`-word`). */
  excluded: string[];
  /** Filters taken from the query text (`kind:`, `session:`) and from options, as applied. */
  filters: { kinds?: SearchKind[]; sessionId?: string; project?: string; since?: string; file?: string };
  mode: SearchMode;
  hits: SearchHit[];
  /** Things the reader should know (a query shortened to its first terms, an unknown kind ignored). */
  notes: string[];
}

/** The results text another process printed was not this format (or another version of it). */
export class SearchResultsFormatError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKind = (v: unknown): v is SearchKind => typeof v === 'string' && (SEARCH_KINDS as readonly string[]).includes(v);

function fail(path: string, expected: string): never {
  throw new SearchResultsFormatError(`search results: ${path} is not ${expected}`);
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'a string');
  return v;
}

function optionalString(v: unknown, path: string): void {
  if (v !== undefined) string(v, path);
}

function wholeNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(path, 'a whole number');
  return v;
}

function strings(v: unknown, path: string): string[] {
  if (!Array.isArray(v)) fail(path, 'a list');
  v.forEach((s, i) => string(s, `${path}[${i}]`));
  return v as string[];
}

function validateHit(v: unknown, path: string): SearchHit {
  if (!isObject(v)) fail(path, 'an object');
  for (const key of ['ref', 'sessionId', 'file', 'snippet'] as const) string(v[key], `${path}.${key}`);
  for (const key of ['project', 'agent', 'timestamp', 'subagent'] as const) optionalString(v[key], `${path}.${key}`);
  wholeNumber(v.line, `${path}.line`);
  wholeNumber(v.matchedTerms, `${path}.matchedTerms`);
  if (!isKind(v.kind)) fail(`${path}.kind`, `one of ${SEARCH_KINDS.join(', ')}`);
  if (typeof v.score !== 'number' || !Number.isFinite(v.score)) fail(`${path}.score`, 'a number');
  if (!Array.isArray(v.highlights)) fail(`${path}.highlights`, 'a list');
  const length = (v.snippet as string).length;
  v.highlights.forEach((h, i) => {
    if (!Array.isArray(h) || h.length !== 2 || !Number.isInteger(h[0]) || !Number.isInteger(h[1]) || h[0] < 0 || h[0] > h[1] || h[1] > length) {
      fail(`${path}.highlights[${i}]`, 'a [start, end) range inside the snippet');
    }
  });
  return v as unknown as SearchHit;
}

/** Checks a parsed value against this format (this version); throws SearchResultsFormatError naming the field. */
export function validateSearchResults(value: unknown): SearchResults {
  if (!isObject(value)) fail('the value', 'an object');
  if (value.schema !== SEARCH_RESULTS_SCHEMA) fail('schema', `'${SEARCH_RESULTS_SCHEMA}'`);
  if (value.version !== SEARCH_RESULTS_VERSION) fail('version', String(SEARCH_RESULTS_VERSION));
  string(value.query, 'query');
  strings(value.terms, 'terms');
  strings(value.excluded, 'excluded');
  strings(value.notes, 'notes');
  if (value.mode !== 'all' && value.mode !== 'any' && value.mode !== 'none') fail('mode', "'all', 'any' or 'none'");
  if (!isObject(value.filters)) fail('filters', 'an object');
  const filters = value.filters;
  if (filters.kinds !== undefined && (!Array.isArray(filters.kinds) || !filters.kinds.every(isKind))) fail('filters.kinds', 'a list of kinds');
  for (const key of ['sessionId', 'project', 'since', 'file'] as const) optionalString(filters[key], `filters.${key}`);
  if (!Array.isArray(value.hits)) fail('hits', 'a list');
  value.hits.forEach((hit, i) => validateHit(hit, `hits[${i}]`));
  return value as unknown as SearchResults;
}

/** Parses `handover search --json` output. */
export function parseSearchResults(text: string): SearchResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SearchResultsFormatError('search results: not JSON');
  }
  return validateSearchResults(value);
}
