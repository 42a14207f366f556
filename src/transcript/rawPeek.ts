// Looks at a JSON line's raw bytes without parsing it. Sound because inside a JSON string every quote
// is escaped: an unescaped `"type":"` can only be a real key, never text a user or a tool wrote.
import { isUtf8 } from 'node:buffer';

const TYPE_KEY = Buffer.from('"type":"');
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The value of the record's top-level "type" key, when it can be told for certain from the bytes:
 * the first `"type":"` in the line is at depth 1 only if no `{` or `[` comes before it (a brace inside
 * a string makes us answer undefined, which only costs a parse).
 */
export function peekTopLevelType(bytes: Buffer): string | undefined {
  const at = bytes.indexOf(TYPE_KEY);
  if (at <= 0 || bytes[0] !== OPEN_BRACE) return undefined;
  for (let i = 1; i < at; i++) {
    const c = bytes[i];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return undefined;
  }
  const valueStart = at + TYPE_KEY.length;
  const valueEnd = bytes.indexOf(QUOTE, valueStart);
  if (valueEnd === -1 || valueEnd - valueStart > 64) return undefined;
  return bytes.toString('latin1', valueStart, valueEnd);
}

/** The value of the second `"type":"` key: Codex's payload type, which follows the top-level one. */
export function peekSecondType(bytes: Buffer): string | undefined {
  const first = bytes.indexOf(TYPE_KEY);
  if (first === -1) return undefined;
  const at = bytes.indexOf(TYPE_KEY, first + TYPE_KEY.length);
  if (at === -1) return undefined;
  const valueStart = at + TYPE_KEY.length;
  const valueEnd = bytes.indexOf(QUOTE, valueStart);
  if (valueEnd === -1 || valueEnd - valueStart > 64) return undefined;
  return bytes.toString('latin1', valueStart, valueEnd);
}

export function contains(bytes: Buffer, needle: Buffer): boolean {
  return bytes.indexOf(needle) !== -1;
}

/** Pre-encodes needles once; Buffer.indexOf on bytes is much cheaper than decoding the line. */
export function needle(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** True when the bytes are not valid UTF-8 (decoding would have replaced something). */
export function isInvalidUtf8(bytes: Buffer): boolean {
  return !isUtf8(bytes);
}
