// Looks at a JSON line's raw bytes without parsing it. Sound because inside a JSON string every quote
// is escaped: an unescaped `"type":"` can only be a real key, never text a user or a tool wrote.
import { isUtf8 } from 'node:buffer';

const TYPE_KEY = Buffer.from('"type":"');
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * The value of the record's top-level "type" key, when it can be told for certain from the bytes.
 * Two sound cases, tried in order (anything else answers undefined, which only costs a parse):
 * - the first `"type":"` comes before any `{` or `[`: it is at depth 1 (Claude user/system/progress
 *   records, every Codex record);
 * - the last `"type":"` is followed by no `{ [ } ]` up to the line's final `}`: were it nested, the
 *   object or array holding it would have to close after it (Claude 2.x assistant records, whose
 *   `type` follows the message object).
 */
export function peekTopLevelType(bytes: Buffer): string | undefined {
  if (bytes[0] !== OPEN_BRACE) return undefined;
  const first = bytes.indexOf(TYPE_KEY);
  if (first === -1) return undefined;
  if (!hasStructure(bytes, 1, first)) return valueAt(bytes, first);
  const last = bytes.lastIndexOf(TYPE_KEY);
  let end = bytes.length - 1;
  while (end > 0 && (bytes[end] === 0x20 || bytes[end] === 0x09 || bytes[end] === 0x0d)) end--;
  if (bytes[end] !== CLOSE_BRACE) return undefined;
  const value = valueAt(bytes, last);
  if (value === undefined) return undefined;
  return hasStructure(bytes, last + TYPE_KEY.length + value.length + 1, end) ? undefined : value;
}

function hasStructure(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === OPEN_BRACE || c === OPEN_BRACKET || c === CLOSE_BRACE || c === CLOSE_BRACKET) return true;
  }
  return false;
}

function valueAt(bytes: Buffer, keyAt: number): string | undefined {
  const valueStart = keyAt + TYPE_KEY.length;
  const valueEnd = bytes.indexOf(QUOTE, valueStart);
  if (valueEnd === -1 || valueEnd - valueStart > 64) return undefined;
  for (let i = valueStart; i < valueEnd; i++) if (bytes[i] === 0x5c) return undefined; // an escape: let JSON.parse read it
  return bytes.toString('latin1', valueStart, valueEnd);
}

const PAYLOAD_TYPE = Buffer.from('"payload":{"type":"');

/**
 * Codex's payload type (`{"timestamp":…,"type":"event_msg","payload":{"type":"token_count",…}`), when
 * certain: the top-level type comes before any brace, and the payload object opens with its own type.
 */
export function peekPayloadType(bytes: Buffer): string | undefined {
  if (bytes[0] !== OPEN_BRACE) return undefined;
  const first = bytes.indexOf(TYPE_KEY);
  if (first === -1 || hasStructure(bytes, 1, first)) return undefined;
  const at = bytes.indexOf(PAYLOAD_TYPE, first + TYPE_KEY.length);
  if (at === -1 || hasStructure(bytes, first, at)) return undefined;
  return valueAt(bytes, at + PAYLOAD_TYPE.length - TYPE_KEY.length);
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
