// A big index update reads, parses and redacts logs in worker threads while the indexer's own thread
// writes FTS5. Reading is the larger half of the work (parsing and redacting cost about twice what FTS5
// does with the text), so with two or more cores two workers read while the indexer writes. The workers
// read the logs the indexer expects to take next (prefetch), each log whole in one worker or, a long
// Claude Code log, in chunks spread over both (fileUnits.chunkRequests: a long log read by one thread
// left the writer waiting for it while the other thread idled), and the indexer takes them in order; it
// takes a log's units from a worker only when what it decided inside its write transaction is what the
// worker was asked for, and otherwise reads the log itself. Back-pressure:
// a worker waits when MAX_OUTSTANDING of its batches are not yet taken, so memory stays bounded whatever
// the logs' size.
//
// Batches cross threads packed, in two buffers that are moved, not copied: the texts already encoded as
// the UTF-8 FTS5 reads (the reader encodes, so the writer, the busier thread, does not), and the numbers.
// Cloning hundreds of small objects per batch cost more than everything FTS5 did with them.
//
// A worker runs this same bundle (`new Worker(__filename)`), started below when it finds itself in a
// worker thread with the role set.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LogInputError } from '../transcript/reader.js';
import { readFileUnits, type FileReadOutcome, type FileReadPoint, type FileReadRequest, type PreparedUnit } from './fileUnits.js';
import type { UnitLimits } from './units.js';

const ROLE = 'handover-search-units';
const MAX_OUTSTANDING = 8;
/** Int32 cells of the shared state: batches posted, batches taken, highest cancelled request id. */
const POSTED = 0;
const TAKEN = 1;
const CANCELLED_UP_TO = 2;
/** Reading threads at most: one writer keeps up with about two readers. */
const MAX_WORKERS = 2;

/** A batch of units as it crosses threads: the texts as UTF-8 end to end, and per unit its numbers. */
export interface PackedUnits {
  utf8: Uint8Array<ArrayBuffer>;
  /** Per unit: bytes of its text, line, part, offset, kind, ts (NaN when none). */
  numbers: Float64Array<ArrayBuffer>;
}
const FIELDS = 6;

/** The batch packed for posting: both buffers are moved (transferred), not copied. */
export function packUnits(units: PreparedUnit[]): PackedUnits {
  const numbers = new Float64Array(units.length * FIELDS);
  let total = 0;
  units.forEach((unit, i) => {
    const at = i * FIELDS;
    const bytes = typeof unit.text === 'string' ? Buffer.byteLength(unit.text, 'utf8') : unit.text.length;
    numbers[at] = bytes;
    numbers[at + 1] = unit.line;
    numbers[at + 2] = unit.part;
    numbers[at + 3] = unit.offset;
    numbers[at + 4] = unit.kind;
    numbers[at + 5] = unit.ts ?? NaN;
    total += bytes;
  });
  // Its own ArrayBuffer (not a slice of Node's pool), so it can be transferred.
  const utf8 = new Uint8Array(new ArrayBuffer(total));
  const view = Buffer.from(utf8.buffer);
  let at = 0;
  for (const unit of units) {
    if (typeof unit.text === 'string') at += view.write(unit.text, at, 'utf8');
    else {
      view.set(unit.text, at);
      at += unit.text.length;
    }
  }
  return { utf8, numbers };
}

/** The units of a packed batch; each text is a view of its UTF-8 bytes (FTS5 reads a BLOB as UTF-8 text). */
export function unpackUnits({ utf8, numbers }: PackedUnits): PreparedUnit[] {
  const units: PreparedUnit[] = [];
  let from = 0;
  for (let at = 0; at < numbers.length; at += FIELDS) {
    const to = from + numbers[at];
    const ts = numbers[at + 5];
    units.push({
      line: numbers[at + 1],
      part: numbers[at + 2],
      offset: numbers[at + 3],
      kind: numbers[at + 4],
      ts: Number.isNaN(ts) ? null : ts,
      text: utf8.subarray(from, to),
    });
    from = to;
  }
  return units;
}

type ToWorker = { id: number; request: FileReadRequest };
type FromWorker =
  | { id: number; type: 'batch'; units: PackedUnits; next: FileReadPoint }
  | { id: number; type: 'done'; outcome: FileReadOutcome; cpuMs: number | undefined }
  | { id: number; type: 'error'; message: string; input: boolean };

interface WorkerSetup {
  role: typeof ROLE;
  shared: SharedArrayBuffer;
  limits: UnitLimits;
  batchUnits: number;
}

class Cancelled extends Error {}

type CpuUsage = { user: number; system: number };
/** CPU time of the calling thread (Node ≥ 23.9), for the build's breakdown; undefined on older runtimes. */
export function threadCpuMs(): number | undefined {
  const usage = (process as unknown as { threadCpuUsage?: () => CpuUsage }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : undefined;
}

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
          const packed = packUnits(units);
          parentPort?.postMessage({ id, type: 'batch', units: packed, next: point } satisfies FromWorker, [packed.numbers.buffer, packed.utf8.buffer]);
        });
        parentPort?.postMessage({ id, type: 'done', outcome, cpuMs: threadCpuMs() } satisfies FromWorker);
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

/** A worker thread failed (out of memory on a huge line, killed): the indexer reads on by itself. */
export class WorkerFailedError extends Error {}

/** A log a worker could not read: the indexer reports it as it would its own reading error. */
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
  /** Bytes the request reads (for choosing the least loaded worker). */
  bytes: number;
  /** Messages that arrived before the indexer asked for this log. */
  inbox: FromWorker[];
  wake?: () => void;
}

const sameRequest = (a: FileReadRequest, b: FileReadRequest) =>
  a.path === b.path &&
  a.startOffset === b.startOffset &&
  a.startLine === b.startLine &&
  a.end === b.end &&
  a.subagent === b.subagent &&
  a.agent === b.agent &&
  a.chunk?.from === b.chunk?.from &&
  a.chunk?.to === b.chunk?.to;

/** One reading thread: the logs asked of it, in order. */
class ReadingThread {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  readonly pending: Pending[] = [];
  private nextId = 1;
  failed: Error | undefined;
  /** The thread's CPU time as of the last log it finished. */
  cpuMs: number | undefined;

  constructor(worker: Worker, shared: SharedArrayBuffer) {
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

  static start(limits: UnitLimits, batchUnits: number): ReadingThread {
    const shared = new SharedArrayBuffer(3 * 4);
    const setup: WorkerSetup = { role: ROLE, shared, limits, batchUnits };
    // Its heap bounded: it only holds a few logs' lines at a time (a worker that runs out fails, and the
    // indexer reads those logs itself).
    const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
    return new ReadingThread(new Worker(__filename, { workerData: setup, resourceLimits }), shared);
  }

  /** Bytes asked of this thread and not yet taken. */
  get load(): number {
    return this.pending.reduce((sum, p) => sum + p.bytes, 0);
  }

  private fail(error: Error): void {
    this.failed ??= new WorkerFailedError(`the indexing worker failed: ${error.message}`);
    for (const p of this.pending) p.wake?.();
  }

  private taken(): void {
    Atomics.add(this.state, TAKEN, 1);
    Atomics.notify(this.state, TAKEN);
  }

  prefetch(request: FileReadRequest): void {
    const entry: Pending = { id: this.nextId++, request, bytes: Math.max(0, request.end - request.startOffset), inbox: [] };
    this.pending.push(entry);
    this.worker.postMessage({ id: entry.id, request } satisfies ToWorker);
  }

  cancelAll(): void {
    const last = this.pending.at(-1);
    if (!last) return;
    Atomics.store(this.state, CANCELLED_UP_TO, last.id);
    Atomics.notify(this.state, TAKEN);
    for (const p of this.pending.splice(0)) for (const m of p.inbox) if (m.type === 'batch') this.taken();
  }

  /** The units of the log at the head of this thread's queue (the caller checked it is the one wanted). */
  async take(onBatch: (units: PreparedUnit[], next: FileReadPoint) => void): Promise<FileReadOutcome> {
    const entry = this.pending[0];
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
          onBatch(unpackUnits(message.units), message.next);
        } else if (message.type === 'done') {
          this.cpuMs = message.cpuMs;
          this.pending.shift();
          return message.outcome;
        } else {
          this.pending.shift();
          throw new WorkerReadError(message.message, message.input);
        }
      }
    } catch (error) {
      if (this.pending[0] === entry) this.pending.shift();
      Atomics.store(this.state, CANCELLED_UP_TO, Math.max(Atomics.load(this.state, CANCELLED_UP_TO), entry.id));
      for (const m of entry.inbox) if (m.type === 'batch') this.taken();
      throw error;
    }
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The indexer's side: ask for logs ahead (spread over the reading threads), take each log's batches in order. */
export class UnitWorker {
  /** The thread each log asked for went to, in the order asked. */
  private readonly order: ReadingThread[] = [];

  private constructor(private readonly threads: ReadingThread[]) {}

  /**
   * Reading threads (`threads` of them, by default one per core up to MAX_WORKERS), or undefined when this runtime or bundle cannot start one (the indexer then reads itself).
   */
  static start(limits: UnitLimits, batchUnits: number, threads?: number): UnitWorker | undefined {
    const count = Math.max(1, threads ?? Math.min(MAX_WORKERS, availableParallelism()));
    const started: ReadingThread[] = [];
    for (let i = 0; i < count; i++) {
      try {
        started.push(ReadingThread.start(limits, batchUnits));
      } catch {
        break;
      }
    }
    return started.length ? new UnitWorker(started) : undefined;
  }

  /** Whether a reading thread failed: nothing more is asked of the workers. */
  get dead(): boolean {
    return this.threads.some((t) => t.failed !== undefined);
  }

  /** How many logs are asked for and not yet taken. */
  get ahead(): number {
    return this.order.length;
  }

  /** Each reading thread's CPU time so far (as of the last log it handed over), where the runtime tells. */
  get cpuMs(): number[] {
    return this.threads.flatMap((t) => (t.cpuMs === undefined ? [] : [t.cpuMs]));
  }

  /** Asks the least loaded thread for this log. */
  prefetch(request: FileReadRequest): void {
    if (this.dead) return;
    const thread = this.threads.reduce((best, t) => (t.load < best.load ? t : best));
    thread.prefetch(request);
    this.order.push(thread);
  }

  /** Drops every log asked for and not taken (the workers stop reading them). */
  cancelAll(): void {
    for (const thread of this.threads) thread.cancelAll();
    this.order.length = 0;
  }

  /**
   * The log's units through `onBatch`, when the next log asked for is exactly this request; undefined
   * (after dropping what was asked ahead) when it is not: the caller reads the log itself.
   */
  async take(request: FileReadRequest, onBatch: (units: PreparedUnit[], next: FileReadPoint) => void): Promise<FileReadOutcome | undefined> {
    const thread = this.order[0];
    const entry = thread?.pending[0];
    if (!thread || thread.failed || !entry || !sameRequest(entry.request, request)) {
      this.cancelAll();
      return undefined;
    }
    this.order.shift();
    try {
      return await thread.take(onBatch);
    } catch (error) {
      // The indexer gave up on this log (or the worker failed): nothing asked ahead is wanted either.
      this.cancelAll();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.cancelAll();
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
