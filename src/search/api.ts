// The search API other code uses (the CLI, the extension's QuickPick, the analysts' search_log tool).
// Nothing here imports vscode. All of it needs node:sqlite (Node ≥ 22.13) except the record reader
// when it is given no index.
export { openSearchIndex, moveIndexAside, indexBuiltAt, IndexBusyError, type SearchIndex, type OpenIndexOptions } from './indexStore.js';
export { updateIndex, optimizeIndex, type UpdateIndexOptions, type IndexReport, type IndexProgress, type IndexBuildStats } from './indexer.js';
export {
  searchIndex,
  searchSession,
  searchFile,
  markSnippet,
  parseSince,
  parseKinds,
  SearchInputError,
  type SearchOptions,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
  type SearchResults,
} from './query.js';
export { parseQuery, MAX_QUERY_CHARS, MAX_TERMS, type ParsedQuery } from './queryParser.js';
export { SEARCH_RESULTS_SCHEMA, SEARCH_RESULTS_VERSION, validateSearchResults, parseSearchResults, SearchResultsFormatError } from '../shared/searchResults.js';
export { defaultSources, listSourceFiles, describeSourceFile, type SourceRoot, type SourceFile, type SourceKind } from './sources.js';
export {
  resolveRecordRef,
  readRecordContext,
  formatRecordContext,
  RecordNotFoundError,
  type RecordRef,
  type RecordContextView,
  type ShownRecord,
} from './recordView.js';
export { UNIT_KINDS, type UnitKind } from './units.js';
export { SearchUnavailableError, isBusy, isCorrupt } from './sqliteRuntime.js';
export { withSearchIndex, type IndexSessionOptions } from './refresh.js';
