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

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

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
    let filePosition = options.startOffset ?? 0;
    let lineNumber = options.startLine ?? 1;
    let lineStart = filePosition; // file offset of the line being assembled
    let pending: Buffer[] = []; // pieces of a line that spans chunks
    let pendingBytes = 0;
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
        const newline = chunk.indexOf(0x0a, start);
        const end = newline === -1 || newline >= bytesRead ? bytesRead : newline;
        const piece = chunk.subarray(start, end);
        if (!discarding) {
          if (pendingBytes + piece.length > maxLineBytes) {
            discarding = true;
            pending = [];
          } else if (newline === -1 || newline >= bytesRead) {
            pending.push(Buffer.from(piece)); // copy: the chunk buffer is reused
          }
          pendingBytes += piece.length;
        } else {
          pendingBytes += piece.length;
        }
        if (newline === -1 || newline >= bytesRead) break;
        if (discarding) {
          options.onOversized?.(lineNumber, lineStart, pendingBytes);
        } else if (pending.length === 0) {
          emit(piece, true);
        } else {
          pending.push(piece);
          emit(Buffer.concat(pending, pendingBytes), true);
        }
        lineNumber++;
        lineStart += pendingBytes + 1;
        pending = [];
        pendingBytes = 0;
        discarding = false;
        start = newline + 1;
      }
      filePosition += bytesRead;
    }
    if (discarding) options.onOversized?.(lineNumber, lineStart, pendingBytes);
    else if (pendingBytes > 0) emit(Buffer.concat(pending, pendingBytes), false);
    return filePosition - (options.startOffset ?? 0);
  } finally {
    await handle.close();
  }
}
