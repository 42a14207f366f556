// What one log contributes to the index from a byte offset on: its records as units ready for FTS5
// (kind, time, place in the log, redacted text in index form), in batches that end at line boundaries,
// and what the log says about itself (session, project, agent). No database here: the indexer runs this
// in its own thread for small updates, or in a worker thread for big ones (unitWorker.ts) while it
// writes the previous batches.
import { open, type FileHandle } from 'node:fs/promises';
import type { AgentKind, TranscriptEvent } from '../transcript/events.js';
import { describeProblems, LogInputError, readTranscript } from '../transcript/reader.js';
import { isZstdPath } from '../transcript/zstd.js';
import { indexForm } from './searchText.js';
import { kindCode, unitOf, type UnitLimits } from './units.js';

export interface FileReadRequest {
  path: string;
  /** Start of the first unread line, its number, and the end of the complete lines to read. */
  startOffset: number;
  startLine: number;
  end: number;
  subagent?: string;
  agent?: AgentKind;
  /**
   * Only the part of [startOffset, end) between these two offsets, each moved on to the start of the
   * next line (see chunkRequests): a long Claude Code log is read by several threads at once.
   */
  chunk?: { from: number; to: number };
}

/** A Claude Code log with more than this much to read is read in chunks of about CHUNK_BYTES. */
export const DEFAULT_CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * The request as chunks for reading in parallel, or as it is. Only Claude Code logs are cut: each of
 * their lines is read on its own, while a Codex line's events depend on the lines before it
 * (codexRecords' state). Chunk bounds are approximate; the reader moves each to the next line start
 * (the same way for the chunk that ends there and the one that starts there), so the chunks cover the
 * request's lines exactly once.
 */
export function chunkRequests(request: FileReadRequest, claude: boolean, chunkBytes = DEFAULT_CHUNK_BYTES): FileReadRequest[] {
  const bytes = request.end - request.startOffset;
  if (!claude || chunkBytes <= 0 || bytes <= chunkBytes * 1.5) return [request];
  const count = Math.round(bytes / chunkBytes);
  const chunks: FileReadRequest[] = [];
  for (let k = 0; k < count; k++) {
    const from = k === 0 ? request.startOffset : request.startOffset + Math.floor((bytes * k) / count);
    const to = k === count - 1 ? request.end : request.startOffset + Math.floor((bytes * (k + 1)) / count);
    chunks.push({ ...request, chunk: { from, to } });
  }
  return chunks;
}

/** The start of the first line at or after `offset` (within [start, end]): just past a newline. */
async function lineStartFrom(handle: FileHandle, offset: number, start: number, end: number): Promise<number> {
  if (offset <= start) return start;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (let at = offset - 1; at < end;) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, end - at), at);
    if (bytesRead === 0) break;
    const newline = chunk.subarray(0, bytesRead).indexOf(0x0a);
    if (newline !== -1) return at + newline + 1;
    at += bytesRead;
  }
  return end;
}

/** Newlines in [from, to) of the file. */
async function newlinesIn(handle: FileHandle, from: number, to: number): Promise<number> {
  const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(1024 * 1024, to - from)));
  let count = 0;
  for (let at = from; at < to;) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, to - at), at);
    if (bytesRead === 0) break;
    for (let i = chunk.indexOf(0x0a); i !== -1 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) count++;
    at += bytesRead;
  }
  return count;
}

/** A chunk's exact lines: where they start and end, and the number of the first. */
async function resolveChunk(request: FileReadRequest): Promise<FileReadRequest> {
  const { chunk, ...whole } = request;
  if (!chunk) return request;
  let handle: FileHandle;
  try {
    handle = await open(request.path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LogInputError(`cannot read ${request.path}: ${code ?? String(error)}`);
  }
  try {
    const startOffset = await lineStartFrom(handle, chunk.from, request.startOffset, request.end);
    const end = await lineStartFrom(handle, chunk.to, request.startOffset, request.end);
    const startLine = request.startLine + (await newlinesIn(handle, request.startOffset, startOffset));
    return { ...whole, startOffset, startLine, end: Math.max(startOffset, end) };
  } finally {
    await handle.close();
  }
}

export interface PreparedUnit {
  line: number;
  /** The unit's place among the events of its line. */
  part: number;
  offset: number;
  kind: number;
  ts: number | null;
  /**
   * Redacted, CJK runs as bigrams (searchText.indexForm); as UTF-8 bytes when the batch crossed threads
   * (unitWorker.ts): FTS5 takes either.
   */
  text: string | Uint8Array;
}

/** Where the log stands after a batch: the next unread line, and what the log said about itself so far. */
export interface FileReadPoint {
  offset: number;
  line: number;
  sessionId?: string;
  project?: string;
  agent?: AgentKind;
}

export interface FileReadOutcome {
  agent?: AgentKind;
  sessionId?: string;
  project?: string;
  /** The line and offset of the last event read (to count the lines after it up to `end`). */
  lastLine: number;
  lastOffset: number;
  sawEvent: boolean;
  /** One line about records that could not be read, if any. */
  problems?: string;
  /** Bytes and lines read (of the decompressed text, for a compressed log). */
  bytes: number;
  lines: number;
}

/** A batch also ends past this much text, so batches in flight stay small whatever the records' size. */
const BATCH_CHARS = 1024 * 1024;

/** Thrown from inside the reader's callback to stop at the last complete line. */
class StopReading extends LogInputError {}

/**
 * Reads `request.path` from `startOffset` to `end`, handing `onBatch` the units of about `batchUnits`
 * records at a time (always whole lines). An error thrown by `onBatch` stops the reading and is thrown
 * from here as it was (the reader would turn it into "cannot read the log").
 */
export async function readFileUnits(
  request: FileReadRequest,
  limits: UnitLimits,
  batchUnits: number,
  onBatch: (units: PreparedUnit[], next: FileReadPoint) => void,
): Promise<FileReadOutcome> {
  request = await resolveChunk(request);
  const outcome: FileReadOutcome = { agent: request.agent, lastLine: request.startLine, lastOffset: request.startOffset, sawEvent: false, bytes: 0, lines: 0 };
  if (request.end <= request.startOffset) return outcome;
  let pending: PreparedUnit[] = [];
  let pendingChars = 0;
  let part = 0;
  let interrupted: unknown;
  const take = (event: TranscriptEvent) => {
    if (event.offset >= request.end) throw new StopReading('stop');
    if (event.line !== outcome.lastLine && (pending.length >= batchUnits || pendingChars >= BATCH_CHARS)) {
      const batch = pending;
      pending = [];
      pendingChars = 0;
      onBatch(batch, { offset: event.offset, line: event.line, sessionId: outcome.sessionId, project: outcome.project, agent: outcome.agent });
    }
    part = event.line === outcome.lastLine && outcome.sawEvent ? part + 1 : 0;
    outcome.lastLine = event.line;
    outcome.lastOffset = event.offset;
    outcome.sawEvent = true;
    outcome.sessionId ??= event.sessionId;
    outcome.project ??= event.cwd;
    if (event.kind === 'session-meta') outcome.agent ??= event.agent;
    const unit = unitOf(event, limits);
    if (!unit) return;
    const ts = event.timestamp ? Date.parse(event.timestamp) : NaN;
    const text = indexForm(unit.text);
    pending.push({ line: event.line, part, offset: event.offset, kind: kindCode(unit.kind), ts: Number.isFinite(ts) ? ts : null, text });
    pendingChars += text.length;
  };
  const onEvent = (event: TranscriptEvent) => {
    try {
      take(event);
    } catch (error) {
      if (error instanceof StopReading) throw error;
      interrupted = error;
      throw new StopReading('interrupted');
    }
  };
  try {
    const result = await readTranscript(request.path, onEvent, {
      interest: 'all',
      startOffset: request.startOffset,
      startLine: request.startLine,
      // Up to `end` only: a chunk's last line is followed by the next chunk's (and a log being written
      // by an incomplete line); what lies past it is not read at all.
      endOffset: isZstdPath(request.path) ? undefined : request.end,
      subagent: request.subagent,
      agent: request.agent,
    });
    outcome.agent ??= result.agent;
    outcome.problems = describeProblems({ ...result.problems, truncatedLastLine: false });
    outcome.bytes = result.stats.bytes;
    outcome.lines = result.stats.lines;
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  if (interrupted !== undefined) throw interrupted;
  // The last batch: its "next" point is decided by the caller (it counts the lines up to `end`).
  if (pending.length) onBatch(pending, { offset: -1, line: -1, sessionId: outcome.sessionId, project: outcome.project, agent: outcome.agent });
  return outcome;
}
