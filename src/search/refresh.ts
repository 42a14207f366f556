// Open → update → (on damage: move aside, rebuild, retry once). The one place that knows how to recover
// an index, shared by the CLI commands and by callers that just want "search, with a fresh index".
import { moveIndexAside, openSearchIndex, type OpenIndexOptions, type SearchIndex } from './indexStore.js';
import { updateIndex, type IndexProgress } from './indexer.js';
import { isCorrupt } from './sqliteRuntime.js';
import type { SourceRoot } from './sources.js';

export interface IndexSessionOptions extends OpenIndexOptions {
  sources: SourceRoot[];
  onProgress?: (progress: IndexProgress) => void;
}

/**
 * Runs `work` with an open index. If the index turns out to be damaged mid-way (SQLite reports
 * corruption), it is moved aside, rebuilt from the sources and `work` runs once more.
 */
export async function withSearchIndex<T>(home: string, options: IndexSessionOptions, work: (index: SearchIndex) => Promise<T>): Promise<T> {
  let index = openSearchIndex(home, options);
  try {
    return await work(index);
  } catch (error) {
    if (!isCorrupt(error)) throw error;
    index.close();
    const aside = moveIndexAside(index.path, options.now);
    options.onNotice?.(`the search index was damaged (${(error as Error).message}); moved it to ${aside}, rebuilding`);
    index = openSearchIndex(home, options);
    await updateIndex(index, { sources: options.sources, onProgress: options.onProgress });
    return await work(index);
  } finally {
    index.close();
  }
}
