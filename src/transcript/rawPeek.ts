// Looks at a JSON line's raw bytes without parsing it. Sound because inside a JSON string every quote
// is escaped: an unescaped `"type":"` can only be a real key, never text a user or a tool wrote.
import { isUtf8 } from 'node:buffer';

const TYPE_KEY = Buffer.from('"type":"');
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

const CLOSE_BRACE = 0x7d;
const TAIL_BYTES = 1024;
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
  // A plain loop up to the first brace: the keys before it are short, and a native search per line
  // costs more in call overhead than it saves.
  const lastStart = bytes.length - TYPE_KEY.length;
  let first = 1;
  for (; first <= lastStart; first++) {
    const c = bytes[first];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) break;
    if (c === QUOTE && bytes[first + 1] === 0x74 && isTypeKeyAt(bytes, first)) return valueAt(bytes, first);
  }
  if (first > lastStart) return undefined;
  // Only the tail is searched: a top-level key after the message object sits near the end, and a
  // backward search over a long tool input would cost more than the parse it saves.
  const tailStart = Math.max(first, bytes.length - TAIL_BYTES);
  const inTail = bytes.subarray(tailStart).lastIndexOf(TYPE_KEY);
  if (inTail === -1) return undefined;
  const last = tailStart + inTail;
  let end = bytes.length - 1;
  while (end > 0 && (bytes[end] === 0x20 || bytes[end] === 0x09 || bytes[end] === 0x0d)) end--;
  if (bytes[end] !== CLOSE_BRACE) return undefined;
  const value = valueAt(bytes, last);
  if (value === undefined) return undefined;
  return hasStructure(bytes, last + TYPE_KEY.length + value.length + 1, end) ? undefined : value;
}

function isTypeKeyAt(bytes: Buffer, at: number): boolean {
  for (let i = 2; i < TYPE_KEY.length; i++) if (bytes[at + i] !== TYPE_KEY[i]) return false;
  return true;
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
  for (let i = valueStart; i < valueEnd; i++) if (bytes[i] === 0x5c || bytes[i] >= 0x80) return undefined; // an escape or non-ASCII: let JSON.parse read it
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

const BLOCK_TYPE_T = Buffer.from('"type":"t');
const TEXT_VALUE = Buffer.from('ext"'); // after `"type":"t`
const THINKING_VALUE = Buffer.from('hinking"');

/**
 * True when a `"type":"text"` (or, with thinking, `"type":"thinking"`) key occurs anywhere in the line.
 * One search for `"type":"t` covers both, stepping over `tool_use`/`tool_result` hits: a single pass
 * where one search per needle would scan the line twice.
 */
export function hasTextBlock(bytes: Buffer, orThinking: boolean): boolean {
  for (let at = bytes.indexOf(BLOCK_TYPE_T); at !== -1; at = bytes.indexOf(BLOCK_TYPE_T, at + BLOCK_TYPE_T.length)) {
    const value = at + BLOCK_TYPE_T.length;
    if (startsWithAt(bytes, value, TEXT_VALUE)) return true;
    if (orThinking && startsWithAt(bytes, value, THINKING_VALUE)) return true;
  }
  return false;
}

function startsWithAt(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (bytes.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const BACKSLASH = 0x5c;
const COLON = 0x3a;
const KEY_MESSAGE = Buffer.from('message');
const KEY_CONTENT = Buffer.from('content');
const KEY_TYPE = Buffer.from('type');
const VALUE_TEXT = Buffer.from('text');

function bytesEqual(bytes: Buffer, start: number, end: number, literal: Buffer): boolean {
  if (end - start !== literal.length) return false;
  for (let i = 0; i < literal.length; i++) if (bytes[start + i] !== literal[i]) return false;
  return true;
}

/**
 * For a Claude `user` record whose bytes hold a text block somewhere: false only when a walk over the
 * JSON structure shows for certain that `message.content` is an array and none of its own blocks is a
 * text block. The text blocks then sit inside tool results (or in `toolUseResult`), which the extract
 * drops, so the line need not be parsed. A plain byte loop: cheaper than JSON.parse, which would also
 * build every string. Anything unexpected answers true (parse).
 */
export function userContentMayHaveText(bytes: Buffer): boolean {
  const n = bytes.length;
  let depth = 0;
  let inMessage = false; // inside record.message (the object at depth 2)
  let inContent = false; // inside record.message.content (the array at depth 3)
  let sawContentArray = false;
  let key: 'message' | 'content' | 'type' | 'other' | undefined; // the key whose value comes next
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      const start = i + 1;
      let end = start;
      while (end < n && bytes[end] !== QUOTE) end += bytes[end] === BACKSLASH ? 2 : 1;
      if (end >= n) return true;
      let next = end + 1;
      while (next < n && (bytes[next] === 0x20 || bytes[next] === 0x09)) next++;
      if (bytes[next] === COLON) {
        if (depth === 1 && bytesEqual(bytes, start, end, KEY_MESSAGE)) key = 'message';
        else if (depth === 2 && inMessage && bytesEqual(bytes, start, end, KEY_CONTENT)) key = 'content';
        else if (depth === 4 && inContent && bytesEqual(bytes, start, end, KEY_TYPE)) key = 'type';
        else key = 'other';
        i = next;
        continue;
      }
      if (key === 'content') return true; // message.content is a string: typed text
      if (key === 'type' && bytesEqual(bytes, start, end, VALUE_TEXT)) return true;
      key = undefined;
      i = end;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2) inMessage = c === OPEN_BRACE && key === 'message';
      else if (depth === 3 && key === 'content') {
        if (c !== OPEN_BRACKET) return true;
        inContent = true;
        sawContentArray = true;
      }
      key = undefined;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 3) inContent = false;
      else if (depth === 2) inMessage = false;
      depth--;
      if (depth < 0) return true;
    }
  }
  return !sawContentArray || depth !== 0;
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

/** Index just past the JSON string whose opening quote is at `at` (escapes honoured), or -1 when it does not close. */
function endOfString(bytes: Buffer, at: number): number {
  let i = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote === -1) return -1;
    let slashes = 0;
    for (let j = quote - 1; bytes[j] === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/**
 * Where a top-level key and its value sit in a record's bytes, from the comma before the key to the end
 * of the value, so the line can be parsed without them. Found with one native search for `,"key":`, then
 * confirmed by a walk over the structure (strings stepped over natively) that the hit is at depth 1: a
 * nested object may hold the same key, a string cannot (its quotes are escaped). Anything unexpected
 * answers undefined (parse the whole line).
 */
export function topLevelKeySpan(bytes: Buffer, keyWithComma: Buffer): [number, number] | undefined {
  const hit = bytes.indexOf(keyWithComma);
  if (hit === -1 || bytes[0] !== OPEN_BRACE) return undefined;
  let depth = 0;
  let i = 0;
  for (; i < hit; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      const end = endOfString(bytes, i);
      if (end === -1 || end > hit) return undefined;
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  if (depth !== 1) return undefined;
  // The value: a string, an object or array (walked to its matching close), or a bare literal.
  let at = hit + keyWithComma.length;
  while (bytes[at] === 0x20) at++;
  const first = bytes[at];
  if (first === QUOTE) {
    const end = endOfString(bytes, at);
    return end === -1 ? undefined : [hit, end];
  }
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let level = 0;
    for (let j = at; j < bytes.length; j++) {
      const c = bytes[j];
      if (c === QUOTE) {
        const end = endOfString(bytes, j);
        if (end === -1) return undefined;
        j = end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) level++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --level === 0) return [hit, j + 1];
    }
    return undefined;
  }
  let end = at;
  while (end < bytes.length && bytes[end] !== 0x2c && bytes[end] !== CLOSE_BRACE) end++;
  return end < bytes.length ? [hit, end] : undefined;
}
