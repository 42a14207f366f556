// Streams a JSONL file line by line as raw bytes. Lines are handed out as Buffers so callers can
// decide from the bytes alone whether a line is worth decoding and parsing: on real logs most bytes
// are tool output that extraction drops, and not decoding them is what makes it fast.
import { open, stat } from 'node:fs/promises';
import { isZstdPath, openZstdStream, ZstdDataError } from './zstd.js';

export interface RawLine {
  /** The line without its trailing newline (and without a trailing CR). Valid only during the callback. */
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the first byte of the line in the file. */
  offset: number;
  /** False for a last line with no newline after it (a log still being written). */
  terminated: boolean;
}

export interface LineReaderOptions {
  /** Lines longer than this are not handed out, only reported through onOversized. */
  maxLineBytes?: number;
  /** Start reading at this byte offset (must be the start of a line). Line numbers then start at startLine. */
  startOffset?: number;
  startLine?: number;
  /** Stop reading here (a line start): the lines before it only. Ignored for a compressed log. */
  endOffset?: number;
  chunkBytes?: number;
  onOversized?: (line: number, offset: number, length: number) => void;
}

/**
 * Longest line handed out. A longer line is skipped (and reported) without ever being held: memory for
 * one line is at most this plus the chunk, and parsing it costs a few times more.
 */
export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * Collects a line that spans chunks in one buffer that grows geometrically (never above the limit), so
 * a long line is copied about twice in total instead of being kept as pieces and concatenated.
 */
class LineAccumulator {
  private buffer = Buffer.alloc(0);
  length = 0;

  append(piece: Buffer, limit: number): void {
    const needed = this.length + piece.length;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(needed, this.buffer.length * 2, 64 * 1024)));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    piece.copy(this.buffer, this.length);
    this.length = needed;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Forgets the line; a big buffer is released rather than kept for the rest of the file. */
  reset(): void {
    this.length = 0;
    if (this.buffer.length > 1024 * 1024) this.buffer = Buffer.alloc(0);
  }
}

/**
 * Splits a stream of chunks into lines: the part of the reader that does not care where the bytes come
 * from (a file read in place, or a decompressed rollout).
 */
export class LineSplitter {
  private lineNumber: number;
  private lineStart: number; // offset of the line being assembled
  private readonly carried = new LineAccumulator(); // the start of a line that spans chunks
  private lineBytes = 0; // bytes of the current line seen so far (kept or not)
  private discarding = false; // the current line is oversized: drop its bytes until the newline

  constructor(
    private readonly onLine: (line: RawLine) => void,
    private readonly maxLineBytes: number,
    private readonly onOversized: LineReaderOptions['onOversized'],
    startOffset: number,
    startLine: number,
  ) {
    this.lineNumber = startLine;
    this.lineStart = startOffset;
  }

  private emit(bytes: Buffer, terminated: boolean): void {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    this.onLine({ bytes: end === bytes.length ? bytes : bytes.subarray(0, end), line: this.lineNumber, offset: this.lineStart, terminated });
  }

  /** The first `length` bytes of `chunk`; the chunk may be reused by the caller afterwards. */
  push(chunk: Buffer, length: number): void {
    let start = 0;
    while (start < length) {
      let newline = chunk.indexOf(0x0a, start);
      if (newline >= length) newline = -1;
      const end = newline === -1 ? length : newline;
      const piece = chunk.subarray(start, end);
      this.lineBytes += piece.length;
      if (!this.discarding && this.lineBytes > this.maxLineBytes) {
        this.discarding = true;
        this.carried.reset();
      }
      if (newline === -1) {
        if (!this.discarding) this.carried.append(piece, this.maxLineBytes); // copy: the chunk buffer is reused
        break;
      }
      if (this.discarding) this.onOversized?.(this.lineNumber, this.lineStart, this.lineBytes);
      else if (this.carried.length === 0) this.emit(piece, true);
      else {
        this.carried.append(piece, this.maxLineBytes);
        this.emit(this.carried.bytes(), true);
      }
      this.lineNumber++;
      this.lineStart += this.lineBytes + 1;
      this.lineBytes = 0;
      this.carried.reset();
      this.discarding = false;
      start = newline + 1;
    }
  }

  finish(): void {
    if (this.discarding) this.onOversized?.(this.lineNumber, this.lineStart, this.lineBytes);
    else if (this.lineBytes > 0) this.emit(this.carried.bytes(), false);
  }
}

/**
 * Calls onLine for every line of the file, in order. Memory stays bounded by the chunk size plus the
 * longest line kept (maxLineBytes); longer lines are skipped without being held.
 * A zstd-compressed log (`.jsonl.zst`, as Codex stores idle rollouts) is decompressed on the fly;
 * offsets and the byte count are then positions in the decompressed text.
 * Returns the number of bytes read.
 */
export async function forEachLine(path: string, onLine: (line: RawLine) => void, options: LineReaderOptions = {}): Promise<number> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const chunkBytes = options.chunkBytes ?? 1024 * 1024;
  const startOffset = options.startOffset ?? 0;
  const splitter = new LineSplitter(onLine, maxLineBytes, options.onOversized, startOffset, options.startLine ?? 1);
  if (isZstdPath(path)) {
    let position = 0; // in the decompressed text
    try {
      for await (const chunk of openZstdStream(path, chunkBytes)) {
        const buffer = chunk as Buffer;
        const from = Math.max(0, startOffset - position);
        position += buffer.length;
        if (from < buffer.length) splitter.push(from === 0 ? buffer : buffer.subarray(from), buffer.length - from);
      }
    } catch (error) {
      // zlib's own verdict on the bytes (ZSTD_error_…) is about the log; a file-system code stays as it is.
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && code.startsWith('ZSTD_')) throw new ZstdDataError(`not a zstd stream (${(error as Error).message})`);
      throw error;
    }
    // node:zlib ends a truncated zstd stream quietly with no output: say so instead.
    if (position === 0 && (await stat(path)).size > 0) throw new ZstdDataError('not a complete zstd stream (damaged or truncated?)');
    splitter.finish();
    return Math.max(0, position - startOffset);
  }
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const endOffset = options.endOffset ?? Number.MAX_SAFE_INTEGER;
    let filePosition = startOffset;
    while (filePosition < endOffset) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunkBytes, endOffset - filePosition), filePosition);
      if (bytesRead === 0) break;
      splitter.push(chunk, bytesRead);
      filePosition += bytesRead;
    }
    splitter.finish();
    return filePosition - startOffset;
  } finally {
    await handle.close();
  }
}
