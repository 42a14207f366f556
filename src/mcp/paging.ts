// Every MCP tool result is capped (4 KB by default): an agent's context is the scarce thing. A longer
// result is cut at a line boundary and ends with a cursor; calling the same tool with only that cursor
// returns the next page. The cursor carries the tool's arguments, so the server keeps no state per
// client and a cursor stays valid across server restarts (as long as the index says the same thing).
import { redactSecrets } from '../util/redact.js';

export const DEFAULT_MAX_RESULT_BYTES = 4096;
/** Below this a page cannot hold a hit and its footer. */
export const MIN_MAX_RESULT_BYTES = 512;

/** A cursor that is not one of ours, or belongs to another tool: told to the agent as a tool error. */
export class CursorError extends Error {}

interface CursorData {
  /** Tool the cursor belongs to. */
  t: string;
  /** The arguments the first page was asked with. */
  a: Record<string, unknown>;
  /** Byte offset of the next page in the whole (redacted) result. */
  o: number;
}

export function encodeCursor(tool: string, args: Record<string, unknown>, offset: number): string {
  return Buffer.from(JSON.stringify({ t: tool, a: args, o: offset } satisfies CursorData)).toString('base64url');
}

export function decodeCursor(tool: string, cursor: string): { args: Record<string, unknown>; offset: number } {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError(`cursor '${cursor.slice(0, 40)}' is not a cursor this server gave out; call ${tool} without a cursor`);
  }
  const { t, a, o } = (data ?? {}) as Partial<CursorData>;
  if (typeof t !== 'string' || typeof a !== 'object' || a === null || typeof o !== 'number' || !Number.isInteger(o) || o < 0) {
    throw new CursorError(`cursor '${cursor.slice(0, 40)}' is not a cursor this server gave out; call ${tool} without a cursor`);
  }
  if (t !== tool) throw new CursorError(`this cursor belongs to the ${t} tool, not ${tool}`);
  return { args: a, offset: o };
}

/** Where to cut `bytes` so the page ends at most at `limit`: after the last newline, else at a UTF-8 boundary. */
function cutPoint(bytes: Buffer, start: number, limit: number): number {
  if (limit >= bytes.length) return bytes.length;
  const newline = bytes.lastIndexOf(0x0a, limit - 1);
  if (newline >= start + (limit - start) / 2) return newline + 1;
  let end = limit;
  while (end > start && (bytes[end] & 0xc0) === 0x80) end--; // never split a multi-byte character
  return end > start ? end : limit;
}

export interface PagedText {
  text: string;
  /** Set when more follows. */
  cursor?: string;
}

/**
 * One page of `whole` (redacted first, so a secret is never split across pages unredacted) starting at
 * byte `offset`, at most `maxBytes` long including the footer that names the cursor of the next page.
 */
export function pageOf(whole: string, options: { tool: string; args: Record<string, unknown>; offset: number; maxBytes: number }): PagedText {
  const bytes = Buffer.from(redactSecrets(whole), 'utf8');
  const { tool, args, maxBytes } = options;
  if (options.offset > bytes.length) throw new CursorError(`this cursor points past the end of the result (it changed since?); call ${tool} without a cursor`);
  const offset = options.offset;
  if (bytes.length - offset <= maxBytes) {
    const rest = bytes.subarray(offset).toString('utf8');
    return { text: offset > 0 ? `[continued from byte ${offset} of ${bytes.length}]\n${rest}` : rest };
  }
  const head = offset > 0 ? `[continued from byte ${offset} of ${bytes.length}]\n` : '';
  // The footer's length depends on the cursor, whose offset is not known yet: size it for the largest.
  const footerFor = (cursor: string, end: number) => `\n[${bytes.length - end} more bytes: call ${tool} with {"cursor":"${cursor}"}]`;
  const reserve = Buffer.byteLength(head) + Buffer.byteLength(footerFor(encodeCursor(tool, args, bytes.length), 0));
  const budget = Math.max(64, maxBytes - reserve);
  const end = cutPoint(bytes, offset, offset + budget);
  const cursor = encodeCursor(tool, args, end);
  return { text: head + bytes.subarray(offset, end).toString('utf8') + footerFor(cursor, end), cursor };
}
