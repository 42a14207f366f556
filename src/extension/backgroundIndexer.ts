// Keeps the search index current in the background: requests (a handover arrived, one was built) are
// debounced, the work itself runs elsewhere (`handover index` in a child process), never two runs at
// once, and a request made during a run queues exactly one rerun. No vscode here: unit-tested as is.
import { describeIndexRun, parseIndexJson } from '../shared/cliJson.js';

export interface IndexRunOutcome {
  ok: boolean;
  /** One line: what the run took in, or why it failed. */
  message: string;
}

export interface BackgroundIndexerOptions {
  /** Runs one index update; the signal aborts it when the indexer is disposed. */
  run: (signal: AbortSignal) => Promise<IndexRunOutcome>;
  /** Where outcomes go: every success, but a failure only when it differs from the previous one. */
  report: (level: 'info' | 'warn', message: string) => void;
  delayMs?: number;
  timers?: { set: (cb: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export interface BackgroundIndexer {
  /** Asks for an update soon; many requests within the delay make one run. */
  request(reason: string): void;
  /** Resolves once nothing is scheduled, running or queued (tests and shutdown). */
  whenIdle(): Promise<void>;
  dispose(): void;
}

export const INDEX_DEBOUNCE_MS = 2000;

export function createBackgroundIndexer(options: BackgroundIndexerOptions): BackgroundIndexer {
  const delayMs = options.delayMs ?? INDEX_DEBOUNCE_MS;
  const timers = options.timers ?? { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };
  const abort = new AbortController();
  let timer: unknown;
  let running = false;
  let rerun = false;
  let reasons: string[] = [];
  // A failure that repeats (e.g. a runtime without node:sqlite) is logged once, not on every handover.
  let lastFailure: string | undefined;
  let idleWaiters: Array<() => void> = [];

  const settleIfIdle = () => {
    if (timer !== undefined || running || rerun) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolveIdle of waiters) resolveIdle();
  };

  const start = async () => {
    timer = undefined;
    if (abort.signal.aborted) return settleIfIdle();
    if (running) {
      rerun = true;
      return;
    }
    running = true;
    const why = reasons.join(', ');
    reasons = [];
    let outcome: IndexRunOutcome;
    try {
      outcome = await options.run(abort.signal);
    } catch (error) {
      outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    running = false;
    if (!abort.signal.aborted) {
      if (outcome.ok) {
        lastFailure = undefined;
        options.report('info', `search index updated (${why}): ${outcome.message}`);
      } else if (outcome.message !== lastFailure) {
        lastFailure = outcome.message;
        options.report(
          'warn',
          `search index not updated (${why}): ${outcome.message} (search still works on the handovers; further identical failures are not logged)`,
        );
      }
    }
    if (rerun && !abort.signal.aborted) {
      rerun = false;
      void start();
      return;
    }
    rerun = false;
    settleIfIdle();
  };

  return {
    request(reason) {
      if (abort.signal.aborted) return;
      if (!reasons.includes(reason)) reasons.push(reason);
      if (timer !== undefined) timers.clear(timer);
      timer = timers.set(() => void start(), delayMs);
    },
    whenIdle() {
      return new Promise<void>((resolveIdle) => {
        idleWaiters.push(resolveIdle);
        settleIfIdle();
      });
    },
    dispose() {
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      rerun = false;
      abort.abort();
      settleIfIdle();
    },
  };
}

/** Reads `handover index --json`'s report into a log line ("12 logs: 1 new, …"). */
export function describeIndexReport(stdout: string): string {
  const report = parseIndexJson(stdout);
  return report ? describeIndexRun(report) : `done, without a report (${stdout.trim().split('\n').pop()?.slice(0, 300) || 'no output'})`;
}
