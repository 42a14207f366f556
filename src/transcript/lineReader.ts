// Streams a JSONL file line by line as raw bytes. Lines are handed out as Buffers so callers can
// decide from the bytes alone whether a line is worth decoding and parsing: on real logs most bytes
// are tool output that extraction drops, and not decoding them is what makes it fast.
import { open } from 'node:fs/promises';

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
 * Calls onLine for every line of the file, in order. Memory stays bounded by the chunk size plus the
 * longest line kept (maxLineBytes); longer lines are skipped without being held.
 * Returns the number of bytes read.
 */
export async function forEachLine(path: string, onLine: (line: RawLine) => void, options: LineReaderOptions = {}): Promise<number> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const chunkBytes = options.chunkBytes ?? 1024 * 1024;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const startOffset = options.startOffset ?? 0;
    let filePosition = startOffset;
    let lineNumber = options.startLine ?? 1;
    let lineStart = filePosition; // file offset of the line being assembled
    const carried = new LineAccumulator(); // the start of a line that spans chunks
    let lineBytes = 0; // bytes of the current line seen so far (kept or not)
    let discarding = false; // the current line is oversized: drop its bytes until the newline

    const emit = (bytes: Buffer, terminated: boolean) => {
      let end = bytes.length;
      if (end > 0 && bytes[end - 1] === 0x0d) end--;
      onLine({ bytes: end === bytes.length ? bytes : bytes.subarray(0, end), line: lineNumber, offset: lineStart, terminated });
    };

    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, filePosition);
      if (bytesRead === 0) break;
      let start = 0;
      while (start < bytesRead) {
        let newline = chunk.indexOf(0x0a, start);
        if (newline >= bytesRead) newline = -1;
        const end = newline === -1 ? bytesRead : newline;
        const piece = chunk.subarray(start, end);
        lineBytes += piece.length;
        if (!discarding && lineBytes > maxLineBytes) {
          discarding = true;
          carried.reset();
        }
        if (newline === -1) {
          if (!discarding) carried.append(piece, maxLineBytes); // copy: the chunk buffer is reused
          break;
        }
        if (discarding) options.onOversized?.(lineNumber, lineStart, lineBytes);
        else if (carried.length === 0) emit(piece, true);
        else {
          carried.append(piece, maxLineBytes);
          emit(carried.bytes(), true);
        }
        lineNumber++;
        lineStart += lineBytes + 1;
        lineBytes = 0;
        carried.reset();
        discarding = false;
        start = newline + 1;
      }
      filePosition += bytesRead;
    }
    if (discarding) options.onOversized?.(lineNumber, lineStart, lineBytes);
    else if (lineBytes > 0) emit(carried.bytes(), false);
    return filePosition - startOffset;
  } finally {
    await handle.close();
  }
}
