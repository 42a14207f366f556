// What the MCP tools ask of the search index, in one place: the only module under src/mcp that calls
// `searchIndex` or reads records, so a change of the search internals is adapted here and nowhere else.
// The index stays open for the life of the server (that is the point of a server over `handover search`
// per query) and is brought up to date at most every few seconds, never on every call.
import { updateIndex } from '../search/indexer.js';
import { IndexBusyError, indexBuiltAt, moveIndexAside, openSearchIndex, type SearchIndex } from '../search/indexStore.js';
import { asPhrase, parseKinds, parseSince, searchIndex, SearchInputError, type SearchHit } from '../search/query.js';
import { formatRecordContext, readRecordContext, RecordNotFoundError, resolveRecordRef } from '../search/recordView.js';
import { defaultSources, type SourceRoot } from '../search/sources.js';
import { isCorrupt } from '../search/sqliteRuntime.js';

export interface SearchRequest {
  query: string;
  project?: string;
  agent?: 'claude' | 'codex';
  /** Comma-separated kinds (user, assistant, thinking, tool-call, tool-result, tool-error, compaction, system). */
  kind?: string;
  since?: string;
  limit: number;
}

export interface FileMention {
  hit: SearchHit;
  /** A tool call that wrote the file (Write, Edit, apply_patch, …), not only a mention. */
  changed: boolean;
}

/** A request the agent got wrong: reported as a tool error naming what to fix. */
export class RetrievalInputError extends Error {}

export interface RetrievalOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** How stale the index may get between calls (ms); 0 refreshes on every call. */
  refreshEveryMs?: number;
  onNotice?: (message: string) => void;
}

const WRITING_TOOLS = /^(Write|Edit|MultiEdit|NotebookEdit|apply_patch|str_replace_based_edit_tool|create_file|write_file|edit_file)\b/;

export class Retrieval {
  private index: SearchIndex | undefined;
  private refreshedAt = 0;
  private refreshing: Promise<void> | undefined;
  private readonly sources: SourceRoot[];

  constructor(private readonly options: RetrievalOptions) {
    this.sources = defaultSources(options.home, options.env);
  }

  /** Opens the index (once) and fills it if it was never built. */
  private async open(): Promise<SearchIndex> {
    if (!this.index) this.index = openSearchIndex(this.options.home, { onNotice: this.options.onNotice, busyTimeoutMs: 1500 });
    const index = this.index;
    const stale = Date.now() - this.refreshedAt >= (this.options.refreshEveryMs ?? 10_000);
    if (stale && !this.refreshing) {
      this.refreshing = updateIndex(index, { sources: this.sources })
        .then(() => void (this.refreshedAt = Date.now()))
        .catch((error: unknown) => {
          // Another process is indexing: answer from what is there, and try again on a later call.
          if (!(error instanceof IndexBusyError) || indexBuiltAt(index) === undefined) throw error;
        })
        .finally(() => (this.refreshing = undefined));
    }
    if (this.refreshing) await this.refreshing;
    return index;
  }

  /** Runs `work` on the open index; a damaged index is moved aside, rebuilt, and `work` runs once more. */
  private async withIndex<T>(work: (index: SearchIndex) => Promise<T> | T): Promise<T> {
    try {
      return await work(await this.open());
    } catch (error) {
      if (error instanceof SearchInputError) throw new RetrievalInputError(error.message.replace(/^--(\w+)/, '$1'));
      if (!isCorrupt(error) || !this.index) throw error;
      this.index.close();
      const aside = moveIndexAside(this.index.path);
      this.options.onNotice?.(`the search index was damaged (${(error as Error).message}); moved it to ${aside}, rebuilding`);
      this.index = undefined;
      this.refreshedAt = 0;
      return await work(await this.open());
    }
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    let kinds;
    try {
      kinds = parseKinds(request.kind);
      if (request.since !== undefined) parseSince(request.since);
    } catch (error) {
      throw new RetrievalInputError((error as Error).message.replace(/^--(\w+)/, '$1'));
    }
    return this.withIndex((index) => {
      // The index has no agent column to filter on: over-fetch and keep that agent's hits.
      const fetch = request.agent ? Math.min(1000, request.limit * 5) : request.limit;
      const { hits } = searchIndex(index, request.query, { project: request.project, since: request.since, kinds, limit: fetch });
      return (request.agent ? hits.filter((hit) => hit.agent === request.agent) : hits).slice(0, request.limit);
    });
  }

  /** One record (`<session-id>:<line>`) with `context` records either side, as readable text. */
  async show(ref: string, context: number): Promise<string> {
    try {
      return await this.withIndex(async (index) =>
        formatRecordContext(await readRecordContext(await resolveRecordRef(ref, { cwd: this.options.cwd, index, sources: this.sources }), { index, context })),
      );
    } catch (error) {
      if (error instanceof RecordNotFoundError) throw new RetrievalInputError(error.message);
      throw error;
    }
  }

  /**
   * Records that name `path`, newest first: the tool calls that wrote it and everything that mentions it.
   * An absolute path is also looked for by its workspace-relative tail (logs mostly name files relatively).
   */
  async fileHistory(path: string, limit: number): Promise<FileMention[]> {
    const wanted = path.trim();
    if (!/[\p{L}\p{N}]/u.test(wanted)) throw new RetrievalInputError(`path '${path}' names no file`);
    const tries = [wanted];
    const parts = wanted.split(/[\\/]+/).filter(Boolean);
    if (parts.length > 2) tries.push(parts.slice(-2).join('/'));
    return this.withIndex((index) => {
      for (const phrase of tries) {
        const { hits } = searchIndex(index, asPhrase(phrase), { limit: Math.min(1000, limit * 4) });
        if (hits.length === 0) continue;
        return hits
          .map((hit) => ({ hit, changed: hit.kind === 'tool-call' && WRITING_TOOLS.test(hit.snippet.replace(/^…\s*/, '')) }))
          .sort((a, b) => (b.hit.timestamp ?? '').localeCompare(a.hit.timestamp ?? '') || b.hit.line - a.hit.line)
          .slice(0, limit);
      }
      return [];
    });
  }

  close(): void {
    this.index?.close();
    this.index = undefined;
  }
}
