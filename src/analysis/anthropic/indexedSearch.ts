// search_log's ranking from the search index (src/search/): when `$HANDOVER_HOME/index.sqlite` exists and
// the runtime has node:sqlite, the analysts' word queries are ranked by the index's BM25, restricted to
// the one log they analyse.
//
// The index ranks; it does not decide what matches. search_log matches words as case-insensitive
// substrings of the in-memory event text ("rror" finds "error", a tool call's JSON keys are searchable,
// a tool result is searchable over its first and last 8 KB). A token index cannot answer that: it holds
// whole words, a summary of each tool input and 2 KB + 1 KB of each tool result. So the set of matches
// (and `total`) always comes from the in-memory table, and the index orders it: the best BM25 matches
// first, then the matches the index did not rank, in log order. That keeps results identical in
// content whichever path ran, which is what lets the three analysts and the tests rely on them.
import { existsSync } from 'node:fs';
import { relative, resolve, isAbsolute, sep } from 'node:path';
import {
  defaultSources,
  describeSourceFile,
  IndexBusyError,
  isBusy,
  openSearchIndex,
  searchFile,
  SearchUnavailableError,
  updateIndex,
  type SearchIndex,
  type SourceFile,
  type SourceRoot,
  type UnitKind,
} from '../../search/api.js';
import type { EventKind } from '../../transcript/events.js';
import { handoverHome, homePaths } from '../../util/handoverHome.js';

/** How the index answered: lines to put first (best first), or why the in-memory order was kept. */
export type IndexRanking = { source: 'index'; ranked: Array<{ line: number; kind: EventKind }> } | { source: 'memory'; note: string };

export interface LogIndex {
  /**
   * Lines whose events hold all `words` (lower case), best first. Undefined when the index cannot
   * express the query (a word with no letter or digit, a kind it does not index): the caller keeps its
   * own order without a note, as when there is no index.
   */
  rank(words: readonly string[], kinds: readonly string[] | undefined, want: number): Promise<IndexRanking | undefined>;
}

export interface LogIndexOptions {
  home?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * How long one SQLite call may wait for another writer. node:sqlite waits synchronously, blocking
   * the three analysts' streams, so this is short: a busy index costs a note, not a stall.
   */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 250;

/** Table kinds as the index's unit kinds; session-meta records are not indexed. */
const UNIT_KINDS_OF: Partial<Record<EventKind, UnitKind[]>> = {
  user: ['user'],
  'assistant-text': ['assistant'],
  thinking: ['thinking'],
  'tool-call': ['tool-call'],
  'tool-result': ['tool-result', 'tool-error'],
  system: ['system', 'compaction'],
};

const EVENT_KIND_OF: Record<UnitKind, EventKind> = {
  user: 'user',
  assistant: 'assistant-text',
  thinking: 'thinking',
  'tool-call': 'tool-call',
  'tool-result': 'tool-result',
  'tool-error': 'tool-result',
  compaction: 'system',
  system: 'system',
};

/** A word the unicode61 tokenizer keeps something of. */
const isIndexableWord = (word: string) => /[\p{L}\p{N}]/u.test(word);

/** Each word as a prefix term (`"word"*`), all required: the index's nearest reading of "all words occur". */
export function ftsQueryFor(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** How the indexer sees the log: the archived copy (session from its folder), a live log, or any file. */
export function sourceFileFor(path: string, home: string, env: NodeJS.ProcessEnv): SourceFile {
  const roots: SourceRoot[] = [{ kind: 'archive', dir: homePaths(home).archive }, ...defaultSources(home, env)];
  const root = roots.find((r) => within(resolve(r.dir), path)) ?? { kind: 'extra' as const, dir: resolve(path, '..') };
  return describeSourceFile({ ...root, dir: resolve(root.dir) }, path);
}

const reasonOf = (error: unknown) =>
  error instanceof IndexBusyError || isBusy(error)
    ? 'the search index is busy (another process is writing it)'
    : `the search index failed (${(error as Error)?.message ?? String(error)})`;

/**
 * The index of a Handover home for one log, or undefined when there is none (no index file, or a
 * runtime without node:sqlite): then search_log works as it always did, without a note.
 */
export function logIndexFor(logPath: string, options: LogIndexOptions = {}): LogIndex | undefined {
  const env = options.env ?? process.env;
  const home = options.home ?? handoverHome(env);
  if (!existsSync(homePaths(home).index)) return undefined;
  const path = resolve(logPath);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let available = true;
  const notices: string[] = [];

  const withIndex = async <T>(work: (index: SearchIndex) => Promise<T> | T): Promise<T> => {
    const index = openSearchIndex(home, { busyTimeoutMs, onNotice: (message) => notices.push(message) });
    try {
      return await work(index);
    } finally {
      index.close();
    }
  };

  // Brought up to date once per log (the analysts share it); a failed update is tried again next time.
  let fresh: Promise<void> | undefined;
  const ensureFresh = () =>
    (fresh ??= withIndex(async (index) => {
      await updateIndex(index, { files: [sourceFileFor(path, home, env)] });
    }).catch((error: unknown) => {
      fresh = undefined;
      throw error;
    }));

  // Started now, while the table is parsed and the first request is in flight: the archived copy is new
  // to the index at its first handover, and the first search_log should not pay for reading it.
  ensureFresh().catch(() => undefined);

  return {
    async rank(words, kinds, want) {
      if (!available || words.length === 0 || !words.every(isIndexableWord)) return undefined;
      let unitKinds: UnitKind[] | undefined;
      if (kinds && kinds.length > 0) {
        unitKinds = [];
        for (const kind of kinds) {
          const mapped = UNIT_KINDS_OF[kind as EventKind];
          if (!mapped) return undefined;
          unitKinds.push(...mapped);
        }
      }
      try {
        await ensureFresh();
        const result = await withIndex((index) =>
          searchFile(index, path, ftsQueryFor(words), { kinds: unitKinds, limit: Math.min(1000, Math.max(100, want * 4)), snippetChars: 40 }),
        );
        return { source: 'index', ranked: result.hits.map((hit) => ({ line: hit.line, kind: EVENT_KIND_OF[hit.kind] })) };
      } catch (error) {
        if (error instanceof SearchUnavailableError) {
          available = false;
          return undefined;
        }
        const notice = notices.length > 0 ? `; ${notices.splice(0).join('; ')}` : '';
        return { source: 'memory', note: `${reasonOf(error)}; scanned the log in memory instead${notice}` };
      }
    },
  };
}
