// The text of an indexed record, read back from its raw log at query time: the index stores where a
// record is (byte offset of its line, its place among the line's events), not its text. The line is read,
// parsed and turned into events by the same readers that indexed it, then into the same redacted unit
// text, so a snippet shows exactly what was searched.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { claudeRecordToEvents } from '../transcript/claudeRecords.js';
import { CODEX_TYPES, codexRecordToEvents } from '../transcript/codexRecords.js';
import { DEFAULT_MAX_LINE_BYTES } from '../transcript/lineReader.js';
import { isZstdPath } from '../transcript/zstd.js';
import type { TranscriptEvent } from '../transcript/events.js';
import { DEFAULT_UNIT_LIMITS, kindName, unitOf } from './units.js';
import type { UnitKind } from './units.js';

export interface RecordLocation {
  file: string;
  offset: number;
  line: number;
  part: number;
  kind: number;
  agent: string | null;
}

type ZstdSync = { zstdDecompressSync?: (data: Buffer) => Buffer };

/** Reads files by path with one descriptor each, for the few dozen records one query shows. */
export class RawLogReader {
  private readonly fds = new Map<string, number | null>();
  /** A compressed rollout's text, decompressed once per query (its offsets are in that text). */
  private readonly texts = new Map<string, Buffer | null>();

  private decompressed(path: string): Buffer | null {
    let text = this.texts.get(path);
    if (text === undefined) {
      const decompress = (zlib as unknown as ZstdSync).zstdDecompressSync;
      try {
        text = decompress ? decompress(readFileSync(path)) : null;
      } catch {
        text = null; // gone, damaged, or no zstd in this runtime: the hit is left out
      }
      this.texts.set(path, text);
    }
    return text;
  }

  private fdOf(path: string): number | null {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      try {
        fd = openSync(path, 'r');
      } catch {
        fd = null; // the log was moved or deleted since it was indexed
      }
      this.fds.set(path, fd);
    }
    return fd;
  }

  /** The bytes of the line starting at `offset` (without its newline), or undefined when unreadable. */
  readLine(path: string, offset: number): Buffer | undefined {
    if (isZstdPath(path)) {
      const text = this.decompressed(path);
      if (!text || offset >= text.length) return undefined;
      const newline = text.indexOf(0x0a, offset);
      return text.subarray(offset, newline === -1 ? text.length : newline);
    }
    const fd = this.fdOf(path);
    if (fd === null) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    let at = offset;
    let size = 16 * 1024;
    while (total < DEFAULT_MAX_LINE_BYTES) {
      const chunk = Buffer.allocUnsafe(size);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, size, at);
      } catch {
        return undefined;
      }
      if (read === 0) break;
      const newline = chunk.subarray(0, read).indexOf(0x0a);
      if (newline !== -1) {
        chunks.push(chunk.subarray(0, newline));
        total += newline;
        break;
      }
      chunks.push(chunk.subarray(0, read));
      total += read;
      at += read;
      size = Math.min(size * 4, 4 * 1024 * 1024);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  }

  /**
   * The unit text of the record at `location` (as indexed; unredacted only when asked, for a caller that
   * redacts what it shows), or undefined when the log changed.
   */
  unitText(location: RecordLocation, redact = true): { kind: UnitKind; text: string } | undefined {
    const bytes = this.readLine(location.file, location.offset);
    if (!bytes || bytes.length === 0) return undefined;
    let record: unknown;
    try {
      record = JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
    const type = typeof record === 'object' && record !== null ? (record as { type?: unknown }).type : undefined;
    const codex = location.agent === 'codex' || (location.agent === null && typeof type === 'string' && CODEX_TYPES.has(type));
    const ctx = { line: location.line, offset: location.offset };
    let events: TranscriptEvent[];
    try {
      events = (codex ? codexRecordToEvents(record, ctx, {}) : claudeRecordToEvents(record, ctx)).events;
    } catch {
      return undefined;
    }
    const wanted = kindName(location.kind);
    const at = events[location.part];
    const direct = at ? unitOf(at, DEFAULT_UNIT_LIMITS, redact) : undefined;
    if (direct?.kind === wanted) return direct;
    // A Codex line read without the state of the lines before it can yield an event more or less.
    for (const event of events) {
      const unit = unitOf(event, DEFAULT_UNIT_LIMITS, redact);
      if (unit?.kind === wanted) return unit;
    }
    return undefined;
  }

  close(): void {
    for (const fd of this.fds.values()) if (fd !== null) closeSync(fd);
    this.fds.clear();
  }
}
