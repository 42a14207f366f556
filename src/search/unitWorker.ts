// A big index update reads, parses and redacts logs in a worker thread while the indexer's own thread
// writes FTS5: the two halves of the work take about as long each, so on two cores a build goes about
// twice as fast. The worker reads the logs the indexer expects to take next (prefetch), in order; the
// indexer takes a log's units from the worker only when what it decided inside its write transaction is
// what the worker was asked for, and otherwise reads the log itself. Back-pressure: the worker waits
// when MAX_OUTSTANDING batches are not yet taken, so memory stays bounded whatever the logs' size.
//
// The worker runs this same bundle (`new Worker(__filename)`), started below when it finds itself in a
// worker thread with the role set.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LogInputError } from '../transcript/reader.js';
import { readFileUnits, type FileReadOutcome, type FileReadPoint, type FileReadRequest, type PreparedUnit } from './fileUnits.js';
import type { UnitLimits } from './units.js';

const ROLE = 'handover-search-units';
const MAX_OUTSTANDING = 4;
/** Int32 cells of the shared state: batches posted, batches taken, highest cancelled request id. */
const POSTED = 0;
const TAKEN = 1;
const CANCELLED_UP_TO = 2;

type ToWorker = { id: number; request: FileReadRequest };
type FromWorker =
  | { id: number; type: 'batch'; units: PreparedUnit[]; next: FileReadPoint }
  | { id: number; type: 'done'; outcome: FileReadOutcome }
  | { id: number; type: 'error'; message: string; input: boolean };

interface WorkerSetup {
  role: typeof ROLE;
  shared: SharedArrayBuffer;
  limits: UnitLimits;
  batchUnits: number;
}

class Cancelled extends Error {}

function runWorker(setup: WorkerSetup): void {
  const state = new Int32Array(setup.shared);
  const queue: ToWorker[] = [];
  let busy = false;
  const next = async () => {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const { id, request } = queue.shift() as ToWorker;
      if (id <= Atomics.load(state, CANCELLED_UP_TO)) continue;
      try {
        const outcome = await readFileUnits(request, setup.limits, setup.batchUnits, (units, point) => {
          // Wait while the indexer is behind (bounded memory); give up on a request it no longer wants.
          for (;;) {
            if (id <= Atomics.load(state, CANCELLED_UP_TO)) throw new Cancelled();
            const taken = Atomics.load(state, TAKEN);
            if (Atomics.load(state, POSTED) - taken < MAX_OUTSTANDING) break;
            Atomics.wait(state, TAKEN, taken, 200);
          }
          Atomics.add(state, POSTED, 1);
          parentPort?.postMessage({ id, type: 'batch', units, next: point } satisfies FromWorker);
        });
        parentPort?.postMessage({ id, type: 'done', outcome } satisfies FromWorker);
      } catch (error) {
        if (error instanceof Cancelled) continue;
        const input = error instanceof LogInputError;
        parentPort?.postMessage({ id, type: 'error', message: (error as Error)?.message ?? String(error), input } satisfies FromWorker);
      }
    }
    busy = false;
  };
  parentPort?.on('message', (message: ToWorker) => {
    queue.push(message);
    void next();
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.role === ROLE) runWorker(workerData as WorkerSetup);

/** The worker thread failed (out of memory on a huge line, killed): the indexer reads on by itself. */
export class WorkerFailedError extends Error {}

/** A log the worker could not read: the indexer reports it as it would its own reading error. */
export class WorkerReadError extends Error {
  constructor(
    message: string,
    readonly input: boolean,
  ) {
    super(message);
  }
}

interface Pending {
  id: number;
  request: FileReadRequest;
  /** Messages that arrived before the indexer asked for this log. */
  inbox: FromWorker[];
  wake?: () => void;
}

const sameRequest = (a: FileReadRequest, b: FileReadRequest) =>
  a.path === b.path && a.startOffset === b.startOffset && a.startLine === b.startLine && a.end === b.end && a.subagent === b.subagent && a.agent === b.agent;

/** The indexer's side: ask for logs ahead, take a log's batches in order. */
export class UnitWorker {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly pending: Pending[] = [];
  private nextId = 1;
  private failed: Error | undefined;

  private constructor(worker: Worker, shared: SharedArrayBuffer) {
    this.worker = worker;
    this.state = new Int32Array(shared);
    worker.on('message', (message: FromWorker) => {
      const entry = this.pending.find((p) => p.id === message.id);
      if (!entry) {
        if (message.type === 'batch') this.taken(); // a cancelled log's batch: counted as taken
        return;
      }
      entry.inbox.push(message);
      entry.wake?.();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`exited with ${code}`)));
  }

  /** A worker, or undefined when this runtime or bundle cannot start one (the indexer then reads itself). */
  static start(limits: UnitLimits, batchUnits: number): UnitWorker | undefined {
    try {
      const shared = new SharedArrayBuffer(3 * 4);
      const setup: WorkerSetup = { role: ROLE, shared, limits, batchUnits };
      // Its heap bounded: it only holds a few logs' lines at a time (a worker that runs out fails, and the
      // indexer reads those logs itself).
      const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
      return new UnitWorker(new Worker(__filename, { workerData: setup, resourceLimits }), shared);
    } catch {
      return undefined;
    }
  }

  /** Whether the worker failed: nothing more is asked of it. */
  get dead(): boolean {
    return this.failed !== undefined;
  }

  private fail(error: Error): void {
    this.failed ??= new WorkerFailedError(`the indexing worker failed: ${error.message}`);
    for (const p of this.pending) p.wake?.();
  }

  private taken(): void {
    Atomics.add(this.state, TAKEN, 1);
    Atomics.notify(this.state, TAKEN);
  }

  /** How many logs are asked for and not yet taken. */
  get ahead(): number {
    return this.pending.length;
  }

  prefetch(request: FileReadRequest): void {
    if (this.failed) return;
    const entry: Pending = { id: this.nextId++, request, inbox: [] };
    this.pending.push(entry);
    this.worker.postMessage({ id: entry.id, request } satisfies ToWorker);
  }

  /** Drops every log asked for and not taken (the worker stops reading them). */
  cancelAll(): void {
    const last = this.pending.at(-1);
    if (!last) return;
    Atomics.store(this.state, CANCELLED_UP_TO, last.id);
    Atomics.notify(this.state, TAKEN);
    for (const p of this.pending.splice(0)) for (const m of p.inbox) if (m.type === 'batch') this.taken();
  }

  /**
   * The log's units through `onBatch`, when the next log asked for is exactly this request; undefined
   * (after dropping what was asked ahead) when it is not: the caller reads the log itself.
   */
  async take(request: FileReadRequest, onBatch: (units: PreparedUnit[], next: FileReadPoint) => void): Promise<FileReadOutcome | undefined> {
    const entry = this.pending[0];
    if (this.failed || !entry || !sameRequest(entry.request, request)) {
      this.cancelAll();
      return undefined;
    }
    try {
      for (;;) {
        const message = entry.inbox.shift();
        if (!message) {
          if (this.failed) throw this.failed;
          await new Promise<void>((resolve) => (entry.wake = resolve));
          entry.wake = undefined;
          continue;
        }
        if (message.type === 'batch') {
          this.taken();
          onBatch(message.units, message.next);
        } else if (message.type === 'done') {
          this.pending.shift();
          return message.outcome;
        } else {
          this.pending.shift();
          throw new WorkerReadError(message.message, message.input);
        }
      }
    } catch (error) {
      // The indexer gave up on this log (or the worker failed): nothing asked ahead is wanted either.
      if (this.pending[0] === entry) this.pending.shift();
      Atomics.store(this.state, CANCELLED_UP_TO, Math.max(Atomics.load(this.state, CANCELLED_UP_TO), entry.id));
      for (const m of entry.inbox) if (m.type === 'batch') this.taken();
      this.cancelAll();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.cancelAll();
    await this.worker.terminate();
  }
}
