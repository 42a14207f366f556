// The raw log, read once per handover into a compact table the sub-agents' tools query. The three
// analysts share one table: a tool call must answer in milliseconds, not re-parse a 100 MB log.
//
// The search index (src/search/) joins in through `LogSource.index`: when `$HANDOVER_HOME/index.sqlite`
// exists, search_log's word queries are ranked by it (see indexedSearch.ts); the table stays the truth.
import { open } from 'node:fs/promises';
import { readTranscript } from '../../transcript/reader.js';
import type { EventKind, TranscriptEvent } from '../../transcript/events.js';
import { redactDeep, redactSecrets } from '../../util/redact.js';
import { logIndexFor, type LogIndex, type LogIndexOptions } from './indexedSearch.js';

/**
 * One event of the log, redacted, with its text capped (head and tail kept: errors often sit at the end).
 * Redaction happens here, on whole texts, before anything is cut: a snippet cut through a key would
 * leave a fragment no pattern recognises.
 */
export interface TableEvent {
  line: number;
  offset: number;
  kind: EventKind;
  uuid?: string;
  /** Searchable text: message text, thinking, `name input-json` for tool calls, output for results. */
  text: string;
  /** Tool calls and results. */
  callId?: string;
  toolName?: string;
  input?: unknown;
  isError?: boolean;
  exitCode?: number;
}

export interface LogSource {
  readonly path: string;
  readonly lineCount: number;
  readonly events: readonly TableEvent[];
  /** Events on one line, in order (empty for lines that hold no event: bookkeeping records). */
  eventsOnLine(line: number): readonly TableEvent[];
  /** The raw bytes of lines [from, to] as text, each capped at maxBytesPerLine. NOT redacted. */
  rawLines(from: number, to: number, maxBytesPerLine: number): Promise<{ line: number; text: string }[]>;
  /** The search index over this log, when there is one: search_log ranks word queries with it. */
  readonly index?: LogIndex;
}

/** Per-event text kept in memory; a long tool output keeps its head and its tail. */
export const EVENT_TEXT_CAP = 16 * 1024;

function capText(raw: string, cap = EVENT_TEXT_CAP): string {
  const text = redactSecrets(raw);
  if (text.length <= cap) return text;
  const half = Math.floor(cap / 2);
  return `${text.slice(0, half)}\n… [${text.length - cap} chars omitted] …\n${text.slice(-half)}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function toTableEvent(event: TranscriptEvent): TableEvent {
  const base = { line: event.line, offset: event.offset, kind: event.kind, uuid: event.uuid };
  switch (event.kind) {
    case 'tool-call': {
      const input = redactDeep(event.input);
      return { ...base, text: capText(`${event.name} ${safeJson(input)}`), callId: event.callId, toolName: event.name, input };
    }
    case 'tool-result':
      return { ...base, text: capText(event.text), callId: event.callId, isError: event.isError, exitCode: event.exitCode };
    case 'session-meta':
      return { ...base, text: `${event.agent} ${event.version ?? ''}`.trim() };
    default:
      return { ...base, text: capText(event.text) };
  }
}

class LogTable implements LogSource {
  private readonly byLine = new Map<number, TableEvent[]>();

  constructor(
    readonly path: string,
    readonly lineCount: number,
    readonly events: TableEvent[],
    readonly index?: LogIndex,
  ) {
    for (const event of events) {
      const list = this.byLine.get(event.line);
      if (list) list.push(event);
      else this.byLine.set(event.line, [event]);
    }
  }

  eventsOnLine(line: number): readonly TableEvent[] {
    return this.byLine.get(line) ?? [];
  }

  /** Reads raw lines by scanning from the closest known line offset before `from`. */
  async rawLines(from: number, to: number, maxBytesPerLine: number): Promise<{ line: number; text: string }[]> {
    let startLine = 1;
    let startOffset = 0;
    for (let line = from; line >= 1 && line > from - 5000; line--) {
      const known = this.byLine.get(line);
      if (known) {
        startLine = line;
        startOffset = known[0].offset;
        break;
      }
    }
    const handle = await open(this.path, 'r');
    try {
      const out: { line: number; text: string }[] = [];
      const chunk = Buffer.allocUnsafe(256 * 1024);
      let position = startOffset;
      let line = startLine;
      let current: Buffer[] = [];
      let currentBytes = 0;
      const flush = () => {
        if (line >= from && line <= to) out.push({ line, text: Buffer.concat(current).toString('utf8') });
        current = [];
        currentBytes = 0;
        line++;
      };
      while (line <= to) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0) break;
        let start = 0;
        while (start < bytesRead && line <= to) {
          const newline = chunk.indexOf(0x0a, start);
          const end = newline === -1 || newline >= bytesRead ? bytesRead : newline;
          if (line >= from && currentBytes < maxBytesPerLine) {
            const take = Math.min(end - start, maxBytesPerLine - currentBytes);
            current.push(Buffer.from(chunk.subarray(start, start + take)));
            currentBytes += take;
          }
          if (end === bytesRead) break;
          flush();
          start = newline + 1;
        }
        position += bytesRead;
      }
      if (currentBytes > 0 && line <= to) flush();
      return out;
    } finally {
      await handle.close();
    }
  }
}

export interface LoadLogTableOptions {
  /** Where to look for the search index (default: `$HANDOVER_HOME`); false: never use one. */
  index?: LogIndexOptions | false;
}

/** Reads every event of the log once (and, when a search index exists, brings this log up to date in it). */
export async function loadLogTable(path: string, options: LoadLogTableOptions = {}): Promise<LogSource> {
  const index = options.index === false ? undefined : logIndexFor(path, options.index);
  const events: TableEvent[] = [];
  const read = await readTranscript(path, (event) => events.push(toTableEvent(event)), { interest: 'all' });
  return new LogTable(path, read.stats.lines, events, index);
}

/** Lines in the file (a last line without a newline counts), by counting newline bytes: fast. */
export async function countLines(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let lines = 0;
    let last = 0x0a;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(0x0a, 0); i !== -1 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) lines++;
      last = chunk[bytesRead - 1];
      position += bytesRead;
    }
    return last === 0x0a ? lines : lines + 1;
  } finally {
    await handle.close();
  }
}
