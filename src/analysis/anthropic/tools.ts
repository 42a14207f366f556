// The tools the sub-agents call, run locally against the raw log. The definitions are one constant:
// every analyst sends them byte for byte the same, which is what lets the three share a cached prefix.
// Every result is JSON, capped in size and passed through redactSecrets before it leaves the machine.
import type Anthropic from '@anthropic-ai/sdk';
import { redactSecrets } from '../../util/redact.js';
import type { LogSource, TableEvent } from './logTable.js';

export const REPORT_TOOL = 'report_findings';

/** Bytes of one tool result sent back to the model. */
export const TOOL_RESULT_MAX_BYTES = 12 * 1024;
const CONTEXT_CHARS = 160;
const READ_LINES_MAX = 40;
const READ_LINE_MAX_BYTES = 2048;
const LIST_LIMIT = 60;

const RECORD_KINDS = ['user', 'assistant-text', 'thinking', 'tool-call', 'tool-result', 'system', 'session-meta'] as const;

export const TOOL_DEFINITIONS: Anthropic.Tool[] = [
  {
    name: 'search_log',
    description:
      'Search the raw session log (every record, including tool inputs and outputs the extract left out). ' +
      'Returns matching events with their 1-based log line numbers and a short context. Case-insensitive.',
    input_schema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Words (all must occur in the event) or, with regex=true, a JavaScript regular expression.' },
        regex: { type: 'boolean', description: 'Treat query as a regular expression.' },
        kinds: { type: 'array', items: { type: 'string', enum: [...RECORD_KINDS] }, description: 'Only these record kinds.' },
        limit: { type: 'integer', minimum: 1, maximum: 50, description: 'Maximum matches (default 20).' },
      },
      required: ['query'],
    },
  },
  {
    name: 'read_lines',
    description: `Read log lines from..to (inclusive, at most ${READ_LINES_MAX} lines), rendered as events (kind, text); long text is cut.`,
    input_schema: {
      type: 'object',
      properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
      required: ['from', 'to'],
    },
  },
  {
    name: 'list_tool_calls',
    description: 'List tool calls with their result: line, tool name, input summary, result line, error flag, exit code, result head.',
    input_schema: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Only calls of this tool (e.g. Bash, Edit, exec_command).' },
        failed_only: { type: 'boolean', description: 'Only calls whose result is an error or a non-zero exit code.' },
        limit: { type: 'integer', minimum: 1, maximum: LIST_LIMIT },
      },
    },
  },
  {
    name: 'list_files_touched',
    description: 'Files named in tool inputs (file_path, path, notebook_path, apply_patch headers), with the tools used and the lines.',
    input_schema: { type: 'object', properties: {} },
  },
  {
    name: REPORT_TOOL,
    description:
      'Report your final findings, once, then stop. Every finding needs at least one citation: a log line that ' +
      "shows it (the line must contain the finding's key terms: names, paths, commands, error text). " +
      'Findings whose citations do not hold are dropped.',
    input_schema: {
      type: 'object',
      properties: {
        findings: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              title: { type: 'string', description: 'One line: what a resumed agent must know.' },
              detail: { type: 'string', description: 'Rationale, error lines, why it was abandoned; concrete names and numbers.' },
              citations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    line: { type: 'integer', minimum: 1 },
                    quote: { type: 'string', description: 'A short exact excerpt of that line.' },
                  },
                  required: ['line'],
                },
                minItems: 1,
              },
              importance: { type: 'integer', minimum: 1, maximum: 5, description: '5 = a resumed agent would go wrong without it.' },
              status: {
                type: 'string',
                enum: ['unresolved', 'resolved'],
                description: 'Errors only: resolved when a later run of the same command family, test file or target passed.',
              },
            },
            required: ['title', 'detail', 'citations'],
          },
        },
      },
      required: ['findings'],
    },
  },
];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function contextAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT_CHARS / 2);
  const end = Math.min(text.length, index + length + CONTEXT_CHARS / 2);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
}

/** Serialises a result and keeps it under the byte cap by dropping list items from the end. */
export function capResult(result: Record<string, unknown>, listKey?: string): string {
  let json = JSON.stringify(result);
  if (Buffer.byteLength(json) <= TOOL_RESULT_MAX_BYTES) return json;
  const list = listKey ? (result[listKey] as unknown[] | undefined) : undefined;
  if (list && list.length > 0) {
    let keep = list.length;
    while (keep > 0) {
      keep = Math.floor(keep * 0.7);
      json = JSON.stringify({ ...result, [listKey!]: list.slice(0, keep), truncated: true, omitted: list.length - keep });
      if (Buffer.byteLength(json) <= TOOL_RESULT_MAX_BYTES) return json;
    }
  }
  return JSON.stringify({ truncated: true, text: clip(json, TOOL_RESULT_MAX_BYTES / 2) });
}

type Matcher = (text: string) => { index: number; length: number } | undefined;

function makeMatcher(query: string, regex: boolean): Matcher {
  if (regex) {
    const pattern = new RegExp(query, 'i');
    return (text) => {
      const m = pattern.exec(text);
      return m ? { index: m.index, length: m[0].length } : undefined;
    };
  }
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (text) => {
    const lower = text.toLowerCase();
    let first: { index: number; length: number } | undefined;
    for (const word of words) {
      const index = lower.indexOf(word);
      if (index === -1) return undefined;
      if (!first) first = { index, length: word.length };
    }
    return first;
  };
}

/** Words of a plain query, as the in-memory matcher reads them. */
const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Matches come from the in-memory table, always (the index cannot find substrings inside words). When
 * the log has a search index, word queries are ordered by it: its BM25 ranking first, the rest in log order.
 */
async function searchLog(log: LogSource, input: Record<string, unknown>): Promise<string> {
  const query = typeof input.query === 'string' ? input.query : '';
  if (!query.trim()) return JSON.stringify({ error: 'query is required' });
  const regex = input.regex === true;
  let matcher: Matcher;
  try {
    matcher = makeMatcher(query, regex);
  } catch (error) {
    return JSON.stringify({ error: `invalid regex: ${(error as Error).message}` });
  }
  const kindList = Array.isArray(input.kinds) && input.kinds.length > 0 ? input.kinds.map(String) : undefined;
  const kinds = kindList ? new Set(kindList) : undefined;
  const limit = Math.min(50, Math.max(1, Number(input.limit) || 20));
  const found: { event: TableEvent; hit: { index: number; length: number } }[] = [];
  for (const event of log.events) {
    if (kinds && !kinds.has(event.kind)) continue;
    const hit = matcher(event.text);
    if (hit) found.push({ event, hit });
  }
  const ranking = !regex && log.index ? await log.index.rank(wordsOf(query), kindList, limit) : undefined;
  const ordered = ranking?.source === 'index' ? rankedFirst(found, ranking.ranked) : found;
  const matches = ordered.slice(0, limit).map(({ event, hit }) => ({
    line: event.line,
    kind: event.kind,
    ...(event.toolName ? { tool: event.toolName } : {}),
    context: contextAround(event.text, hit.index, hit.length),
  }));
  const origin = ranking ? (ranking.source === 'index' ? { source: 'index' } : { source: 'memory', note: ranking.note }) : {};
  return capResult({ query, total: found.length, matches, ...origin }, 'matches');
}

/** The matches on the ranked lines (best first), then every other match in log order. */
function rankedFirst<T extends { event: TableEvent }>(found: T[], ranked: readonly { line: number; kind: string }[]): T[] {
  const byLine = new Map<number, T[]>();
  for (const item of found) {
    const list = byLine.get(item.event.line);
    if (list) list.push(item);
    else byLine.set(item.event.line, [item]);
  }
  const taken = new Set<T>();
  const first: T[] = [];
  for (const { line, kind } of ranked) {
    for (const item of byLine.get(line) ?? []) {
      if (item.event.kind !== kind || taken.has(item)) continue;
      taken.add(item);
      first.push(item);
    }
  }
  return first.concat(found.filter((item) => !taken.has(item)));
}

function renderEvent(event: TableEvent, max: number): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: event.kind };
  if (event.toolName) out.tool = event.toolName;
  if (event.isError) out.isError = true;
  if (event.exitCode !== undefined) out.exitCode = event.exitCode;
  out.text = clip(event.text, max);
  return out;
}

async function readLines(log: LogSource, input: Record<string, unknown>): Promise<string> {
  const from = Math.max(1, Math.floor(Number(input.from)) || 1);
  let to = Math.max(from, Math.floor(Number(input.to)) || from);
  to = Math.min(to, from + READ_LINES_MAX - 1, log.lineCount);
  if (from > log.lineCount) return JSON.stringify({ error: `the log has ${log.lineCount} lines` });
  const lines: Record<string, unknown>[] = [];
  const missing: number[] = [];
  for (let line = from; line <= to; line++) {
    const events = log.eventsOnLine(line);
    if (events.length === 0) missing.push(line);
    else lines.push({ line, events: events.map((e) => renderEvent(e, Math.floor(READ_LINE_MAX_BYTES / events.length))) });
  }
  // Lines with no event (bookkeeping records, unknown types): show their raw head so nothing is hidden.
  if (missing.length > 0) {
    for (const raw of await log.rawLines(missing[0], missing[missing.length - 1], 64 * 1024)) {
      // Redact the whole line before cutting it, so the cut cannot split a key into unrecognisable halves.
      if (missing.includes(raw.line)) lines.push({ line: raw.line, raw: clip(redactSecrets(raw.text), 300) });
    }
    lines.sort((a, b) => (a.line as number) - (b.line as number));
  }
  return capResult({ from, to, lineCount: log.lineCount, lines }, 'lines');
}

function inputSummary(input: unknown): string {
  if (input && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    const main = o.command ?? o.cmd ?? o.file_path ?? o.path ?? o.pattern ?? o.url ?? o.description;
    if (typeof main === 'string') return clip(main, 200);
    if (Array.isArray(main)) return clip(main.join(' '), 200);
  }
  return clip(typeof input === 'string' ? input : safeStringify(input), 200);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function isFailure(result: TableEvent | undefined): boolean {
  return !!result && (result.isError === true || (result.exitCode !== undefined && result.exitCode !== 0));
}

function listToolCalls(log: LogSource, input: Record<string, unknown>): string {
  const name = typeof input.name === 'string' && input.name ? input.name.toLowerCase() : undefined;
  const failedOnly = input.failed_only === true;
  const limit = Math.min(LIST_LIMIT, Math.max(1, Number(input.limit) || LIST_LIMIT));
  const results = new Map<string, TableEvent>();
  for (const event of log.events) if (event.kind === 'tool-result' && event.callId) results.set(event.callId, event);
  const calls: Record<string, unknown>[] = [];
  let total = 0;
  for (const event of log.events) {
    if (event.kind !== 'tool-call') continue;
    if (name && event.toolName?.toLowerCase() !== name) continue;
    const result = event.callId ? results.get(event.callId) : undefined;
    if (failedOnly && !isFailure(result)) continue;
    total++;
    if (calls.length >= limit) continue;
    calls.push({
      line: event.line,
      tool: event.toolName,
      input: inputSummary(event.input),
      ...(result
        ? {
            resultLine: result.line,
            failed: isFailure(result),
            ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
            result: clip(result.text.trim(), 240),
          }
        : { resultLine: null }),
    });
  }
  return capResult({ total, calls }, 'calls');
}

const PATCH_HEADER = /^\*\*\* (Add|Update|Delete) File: (.+)$/gm;

function pathsOf(input: unknown): string[] {
  if (!input || typeof input !== 'object') return typeof input === 'string' ? [...input.matchAll(PATCH_HEADER)].map((m) => m[2].trim()) : [];
  const o = input as Record<string, unknown>;
  const paths: string[] = [];
  for (const key of ['file_path', 'path', 'notebook_path']) if (typeof o[key] === 'string') paths.push(o[key] as string);
  for (const key of ['input', 'patch']) if (typeof o[key] === 'string') for (const m of (o[key] as string).matchAll(PATCH_HEADER)) paths.push(m[2].trim());
  return paths;
}

function listFilesTouched(log: LogSource): string {
  const files = new Map<string, { path: string; tools: Set<string>; lines: number[] }>();
  for (const event of log.events) {
    if (event.kind !== 'tool-call') continue;
    for (const path of pathsOf(event.input)) {
      let entry = files.get(path);
      if (!entry) files.set(path, (entry = { path, tools: new Set(), lines: [] }));
      entry.tools.add(event.toolName ?? '?');
      entry.lines.push(event.line);
    }
  }
  const list = [...files.values()].map((f) => ({
    path: f.path,
    tools: [...f.tools],
    count: f.lines.length,
    firstLine: f.lines[0],
    lastLine: f.lines[f.lines.length - 1],
  }));
  return capResult({ total: list.length, files: list }, 'files');
}

/** Runs one tool call; errors come back as a JSON error for the model, never as an exception. */
export async function runTool(log: LogSource, name: string, input: unknown): Promise<{ content: string; isError: boolean }> {
  const args = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  let content: string;
  try {
    switch (name) {
      case 'search_log':
        content = await searchLog(log, args);
        break;
      case 'read_lines':
        content = await readLines(log, args);
        break;
      case 'list_tool_calls':
        content = listToolCalls(log, args);
        break;
      case 'list_files_touched':
        content = listFilesTouched(log);
        break;
      default:
        return { content: JSON.stringify({ error: `unknown tool ${name}` }), isError: true };
    }
  } catch (error) {
    return { content: JSON.stringify({ error: (error as Error).message }), isError: true };
  }
  return { content: redactSecrets(content), isError: content.startsWith('{"error"') };
}
