// What several commands share around the search index: opening it with progress on stderr and
// one-line errors, and whether stdout is a terminal worth decorating.
import { handoverHome } from '../util/handoverHome.js';
import { CliError, type CliIo } from './command.js';
import { IndexBusyError, type SearchIndex } from '../search/indexStore.js';
import { type IndexProgress } from '../search/indexer.js';
import { SearchInputError } from '../search/query.js';
import { withSearchIndex } from '../search/refresh.js';
import { defaultSources } from '../search/sources.js';
import { SearchUnavailableError } from '../search/sqliteRuntime.js';

/** Whether to decorate output for a terminal: only on a real TTY and when NO_COLOR is unset. */
export function useColor(io: CliIo, stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** Progress on stderr for long index builds, one rewritten line on a TTY, a line per 10% otherwise. */
export function progressPrinter(io: CliIo): (p: IndexProgress) => void {
  const tty = Boolean(process.stderr.isTTY);
  let lastTenth = -1;
  let lastAt = 0;
  return (p) => {
    if (p.bytesTotal < 32 * 1024 * 1024) return;
    const share = p.bytesDone / p.bytesTotal;
    const text = `indexing: ${(p.bytesDone / 1048576).toFixed(0)} / ${(p.bytesTotal / 1048576).toFixed(0)} MB (${(share * 100).toFixed(0)}%), ${p.filesDone}/${p.filesTotal} logs`;
    if (tty) {
      if (Date.now() - lastAt < 200 && p.filesDone !== p.filesTotal) return;
      lastAt = Date.now();
      io.stderr(`\r${text}${p.filesDone === p.filesTotal ? '\n' : ''}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      io.stderr(`${text}\n`);
    }
  };
}

/** Opens the index of this home (recovering a damaged one) and maps search errors to one-line CLI errors. */
export async function runWithIndex<T>(io: CliIo, work: (index: SearchIndex) => Promise<T>, options: { busyTimeoutMs?: number } = {}): Promise<T> {
  const home = handoverHome(io.env);
  // HANDOVER_BUSY_TIMEOUT_MS: how long to wait for another writer (tests shorten it).
  const fromEnv = Number(io.env.HANDOVER_BUSY_TIMEOUT_MS);
  const busyTimeoutMs = Number.isFinite(fromEnv) && io.env.HANDOVER_BUSY_TIMEOUT_MS ? fromEnv : options.busyTimeoutMs;
  try {
    return await withSearchIndex(
      home,
      { sources: defaultSources(home, io.env), onNotice: (m) => io.stderr(`handover: ${m}\n`), onProgress: progressPrinter(io), busyTimeoutMs },
      work,
    );
  } catch (error) {
    if (error instanceof SearchUnavailableError || error instanceof IndexBusyError || error instanceof SearchInputError) throw new CliError(error.message, 2);
    throw error;
  }
}
