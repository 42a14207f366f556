// What one log event contributes to the index: a kind and its whole, redacted text. Pure: the indexer,
// the snippets (cut from the raw log at query time) and `handover show` all use it, so what is searched
// is what is shown.
import { SEARCH_KINDS, type SearchKind } from '../shared/searchResults.js';
import type { TranscriptEvent } from '../transcript/events.js';
import { redactSecrets } from '../util/redact.js';

export const UNIT_KINDS = SEARCH_KINDS;
export type UnitKind = SearchKind;

/** Stored as a small integer (one byte a row instead of a word). */
export const kindCode = (kind: UnitKind): number => UNIT_KINDS.indexOf(kind) + 1;
export const kindName = (code: number): UnitKind => UNIT_KINDS[code - 1] ?? 'system';
export const isUnitKind = (value: string): value is UnitKind => (UNIT_KINDS as readonly string[]).includes(value);

export interface UnitLimits {
  /** Head and tail kept of an ordinary tool result (the whole text when head + tail covers it). */
  resultHead: number;
  resultTail: number;
  /** Error output is what people search for later: kept whole up to this. */
  errorMax: number;
  /** Anything else (a pasted log in a user message, a huge thinking block). */
  textMax: number;
  toolInputMax: number;
}

/**
 * Everything is indexed: the limits only bound one record's memory (a 40 MB file read). Past 4 MB the
 * head and the last 256 KB are kept.
 */
const WHOLE = 4 * 1024 * 1024;
export const DEFAULT_UNIT_LIMITS: UnitLimits = { resultHead: WHOLE, resultTail: 256 * 1024, errorMax: WHOLE, textMax: WHOLE, toolInputMax: WHOLE };

export interface IndexUnit {
  kind: UnitKind;
  text: string;
}

function headTail(text: string, head: number, tail: number): string {
  if (text.length <= head + tail + 16) return text;
  return `${text.slice(0, head)} … ${text.slice(text.length - tail)}`;
}

const INPUT_KEYS = [
  'command',
  'cmd',
  'file_path',
  'path',
  'notebook_path',
  'pattern',
  'glob',
  'url',
  'query',
  'description',
  'prompt',
  'subject',
  'skill',
  'input',
];

/**
 * A tool's input as text: what people search for first (the command, the file, the pattern), then every
 * other string in it (an edit's old and new text, a file written, a todo list's items and states), each
 * once, up to `max` characters.
 */
export function summarizeToolInput(input: unknown, max: number): string {
  if (typeof input === 'string') return input.slice(0, max);
  if (typeof input !== 'object' || input === null) return '';
  const record = input as Record<string, unknown>;
  const parts: string[] = [];
  let length = 0;
  const seen = new Set<string>();
  const add = (value: string) => {
    if (!value || length >= max || seen.has(value)) return;
    seen.add(value);
    parts.push(value);
    length += value.length + 3;
  };
  for (const key of INPUT_KEYS) {
    const value = record[key];
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) add(value.join(' '));
  }
  // Everything else, depth-first (bounded: a hostile input of nested arrays is cut by depth and count).
  let visited = 0;
  const walk = (value: unknown, depth: number) => {
    if (++visited > 100_000 || depth > 32 || length >= max) return;
    if (typeof value === 'string') add(value);
    else if (typeof value === 'number' || typeof value === 'boolean') return;
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) walk(item, depth + 1);
  };
  walk(record, 0);
  const text = parts.join(' · ');
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * The unit an event becomes, or undefined when it holds nothing worth finding. `redact: false` only for
 * a caller that redacts the part it shows itself (a snippet cut from a multi-megabyte output).
 */
export function unitOf(event: TranscriptEvent, limits: UnitLimits = DEFAULT_UNIT_LIMITS, redact = true): IndexUnit | undefined {
  let kind: UnitKind;
  let text: string;
  switch (event.kind) {
    case 'user':
      [kind, text] = ['user', event.text.slice(0, limits.textMax)];
      break;
    case 'assistant-text':
      [kind, text] = ['assistant', event.text.slice(0, limits.textMax)];
      break;
    case 'thinking':
      [kind, text] = ['thinking', event.text.slice(0, limits.textMax)];
      break;
    case 'tool-call':
      [kind, text] = ['tool-call', `${event.name} ${summarizeToolInput(event.input, limits.toolInputMax)}`];
      break;
    case 'tool-result':
      if (event.isError) [kind, text] = ['tool-error', headTail(event.text, limits.errorMax - limits.resultTail, limits.resultTail)];
      else [kind, text] = ['tool-result', headTail(event.text, limits.resultHead, limits.resultTail)];
      break;
    case 'system':
      if (event.subtype === 'compact-boundary') return undefined;
      [kind, text] = [event.subtype === 'compact-summary' ? 'compaction' : 'system', event.text.slice(0, limits.textMax)];
      break;
    default:
      return undefined;
  }
  if (!text.trim()) return undefined;
  return { kind, text: redact ? redactSecrets(text) : text };
}
