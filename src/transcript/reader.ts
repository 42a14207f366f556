// Reads one log file (Claude Code or Codex, detected from its records) into events, streaming.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_MAX_LINE_BYTES, forEachLine, LineSplitter, type RawLine } from './lineReader.js';
import { ZstdDataError, ZstdUnavailableError } from './zstd.js';
import type { AgentKind, ReadProblems, ReadStats, TranscriptEvent } from './events.js';
import { emptyProblems, noteLine } from './events.js';
import { CallOrder } from './callOrder.js';
import { CLAUDE_IGNORED_TYPES, CLAUDE_TYPES, claudeRecordToEvents } from './claudeRecords.js';
import { CODEX_TYPES, codexRecordToEvents, isLegacyCodexHeader, type CodexState } from './codexRecords.js';
import { contains, hasTextBlock, userContentMayHaveText, isInvalidUtf8, needle, peekPayloadType, peekTopLevelType, topLevelKeySpan } from './rawPeek.js';

/**
 * 'all': every event. 'conversation': only what people said and the model thought (user messages,
 * assistant text, thinking, system events); lines that can only hold tool traffic are not even parsed.
 */
export type ReadInterest = 'all' | 'conversation';

export interface ReadOptions {
  interest?: ReadInterest;
  /** Set when reading a subagent log: every event is marked as sidechain from that file. */
  subagent?: string;
  /** Force the agent instead of detecting it. */
  agent?: AgentKind;
  startOffset?: number;
  startLine?: number;
  /** Read only the lines that start before this offset (a line start; ignored for a compressed log). */
  endOffset?: number;
  maxLineBytes?: number;
}

export interface ReadResult {
  agent: AgentKind | undefined;
  stats: ReadStats;
  problems: ReadProblems;
  events: number;
}

export class LogInputError extends Error {}

const TOOL_RESULT = needle('"type":"tool_result"');
const TOOL_USE = needle('"type":"tool_use"');
const QUEUED_COMMAND = needle('"queued_command"');
const TOOL_USE_RESULT_KEY = needle(',"toolUseResult":');
/** Below this a line is parsed whole: looking for the key would cost more than parsing it. */
const STRIP_FROM_BYTES = 8192;

/**
 * A Claude Code tool result carries its output twice: as the message's tool_result block and again,
 * structured, in the record's top-level `toolUseResult`, which nothing here reads. On a long result that
 * copy is dropped before parsing (a quarter of a typical log's bytes decoded and parsed for nothing).
 */
function parseRecord(bytes: Buffer, type: string | undefined, agent: AgentKind | undefined): unknown {
  if (agent === 'codex' || type !== 'user' || bytes.length < STRIP_FROM_BYTES) return JSON.parse(bytes.toString('utf8'));
  const span = topLevelKeySpan(bytes, TOOL_USE_RESULT_KEY);
  if (!span) return JSON.parse(bytes.toString('utf8'));
  try {
    return JSON.parse(bytes.toString('utf8', 0, span[0]) + bytes.toString('utf8', span[1]));
  } catch {
    return JSON.parse(bytes.toString('utf8')); // unsure → the whole line decides, and reports what is wrong with it
  }
}

const CODEX_CONVERSATION_ITEMS = new Set(['message', 'reasoning']);
const CODEX_CONVERSATION_EVENTS = new Set([
  'error',
  'stream_error',
  'turn_aborted',
  'user_message',
  'agent_message',
  'agent_reasoning',
  'agent_reasoning_raw_content',
]);
const CODEX_BOOKKEEPING = new Set(['world_state', 'token_usage_record']);

/** Decides from raw bytes that a line cannot yield a conversation event. Never guesses: unsure → parse. */
function skippableForConversation(bytes: Buffer, type: string | undefined, agent: AgentKind | undefined): boolean {
  if (type === undefined) return false;
  if (agent !== 'codex') {
    if (type === 'attachment') return !contains(bytes, QUEUED_COMMAND);
    if (CLAUDE_IGNORED_TYPES.has(type)) return true;
    // Conversation events come from string content and text blocks (typed text, interrupts, compaction
    // summaries, API errors, which Claude Code writes as text) and thinking blocks. A line holding a
    // tool block and neither of those is a tool call or a tool-result carrier. A text block anywhere,
    // even inside a tool result, means parse: unsure → parse. The tool block is searched first because
    // it sits early in the line; the absent needles cost a full scan each, so there are as few as can be.
    // redacted_thinking is not searched for: it has no text, so a line with only that and tool use
    // yields nothing the extract keeps.
    if (type === 'user') return contains(bytes, TOOL_RESULT) && (!hasTextBlock(bytes, false) || !userContentMayHaveText(bytes));
    if (type === 'assistant') return contains(bytes, TOOL_USE) && !hasTextBlock(bytes, true);
    return false;
  }
  if (CODEX_BOOKKEEPING.has(type) || type === 'turn_context') return true;
  if (type === 'response_item') {
    const itemType = peekPayloadType(bytes);
    return itemType !== undefined && !CODEX_CONVERSATION_ITEMS.has(itemType);
  }
  if (type === 'event_msg') {
    const eventType = peekPayloadType(bytes);
    return eventType !== undefined && !CODEX_CONVERSATION_EVENTS.has(eventType);
  }
  return false;
}

/** Record types that never yield an event (UI progress, file snapshots, token counts): not worth parsing. */
function bookkeeping(bytes: Buffer, type: string | undefined, agent: AgentKind | undefined): boolean {
  if (type === undefined) return false;
  if (agent === 'codex') return CODEX_BOOKKEEPING.has(type);
  if (type === 'attachment') return !contains(bytes, QUEUED_COMMAND);
  return CLAUDE_IGNORED_TYPES.has(type);
}

function detectAgent(type: string | undefined): AgentKind | undefined {
  if (type === undefined) return undefined;
  if (CODEX_TYPES.has(type)) return 'codex';
  if (CLAUDE_TYPES.has(type)) return 'claude';
  return undefined;
}

/** Wraps an error thrown by the caller's event handler so it passes through the reader unchanged. */
class ConsumerFailure {
  constructor(readonly cause: unknown) {}
}

/** What turns raw lines into events: the part of reading that does not care where the lines come from. */
interface LineConsumer {
  onLine(line: RawLine): void;
  onOversized(line: number): void;
  result(bytes: number): ReadResult;
}

function lineConsumer(onEvent: (event: TranscriptEvent) => void, options: ReadOptions): LineConsumer {
  const interest = options.interest ?? 'all';
  const problems = emptyProblems();
  const stats: ReadStats = { bytes: 0, lines: 0, skippedUnparsed: 0, records: 0 };
  let agent = options.agent;
  let events = 0;
  const codexState: CodexState = {};
  const subagent = options.subagent;
  // (A result written before its call is passed on after it: see CallOrder.)
  const order = new CallOrder((event: TranscriptEvent) => {
    events++;
    try {
      onEvent(event);
    } catch (error) {
      // The consumer's own failure: never to be reported as a problem reading the log.
      throw new ConsumerFailure(error);
    }
  });
  const emit = (event: TranscriptEvent) => order.push(event);
  return {
    onLine({ bytes, line, offset, terminated }) {
      stats.lines = line;
      if (bytes.length === 0) return;
      const type = peekTopLevelType(bytes);
      agent ??= detectAgent(type);
      if (interest === 'conversation' ? skippableForConversation(bytes, type, agent) : bookkeeping(bytes, type, agent)) {
        stats.skippedUnparsed++;
        return;
      }
      let record: unknown;
      try {
        record = parseRecord(bytes, type, agent);
      } catch {
        if (!terminated) problems.truncatedLastLine = true;
        else noteLine(problems.invalidJson, line);
        return;
      }
      stats.records++;
      // Checked only on lines that parsed: a line that failed is already reported as invalid.
      if (isInvalidUtf8(bytes)) noteLine(problems.invalidUtf8, line);
      if (agent === undefined && typeof record === 'object' && record !== null) {
        agent = isLegacyCodexHeader(record as Record<string, unknown>) ? 'codex' : detectAgent(String((record as { type?: unknown }).type));
      }
      const ctx = { line, offset, subagent, conversationOnly: interest === 'conversation' };
      const outcome = agent === 'codex' ? codexRecordToEvents(record, ctx, codexState) : claudeRecordToEvents(record, ctx);
      if (outcome.unknownType !== undefined) noteUnknownType(problems.unknownTypes, outcome.unknownType);
      if (outcome.malformed) noteLine(problems.malformed, line);
      for (const event of outcome.events) {
        if (interest === 'conversation' && (event.kind === 'tool-call' || event.kind === 'tool-result')) continue;
        emit(event);
      }
    },
    onOversized(line) {
      stats.lines = line;
      noteLine(problems.oversized, line);
    },
    result(bytes) {
      order.release();
      stats.bytes = bytes;
      return { agent, stats, problems, events };
    },
  };
}

export async function readTranscript(path: string, onEvent: (event: TranscriptEvent) => void, options: ReadOptions = {}): Promise<ReadResult> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LogInputError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? String(error)}`);
  }
  if (info.isDirectory()) throw new LogInputError(`${path} is a directory, not a session log (.jsonl)`);
  if (!info.isFile()) throw new LogInputError(`${path} is not a regular file`);

  const consumer = lineConsumer(onEvent, options);
  try {
    const bytes = await forEachLine(path, consumer.onLine, {
      startOffset: options.startOffset,
      startLine: options.startLine,
      endOffset: options.endOffset,
      maxLineBytes: options.maxLineBytes,
      onOversized: consumer.onOversized,
    });
    return consumer.result(bytes);
  } catch (error) {
    if (error instanceof ConsumerFailure) throw error.cause;
    if (error instanceof LogInputError) throw error;
    if (error instanceof ZstdUnavailableError) throw new LogInputError(error.message);
    if (error instanceof ZstdDataError) throw new LogInputError(`cannot read ${basename(path)}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    // Only the file system failing is a read error; anything else is a bug in the reader and says so.
    if (typeof code === 'string' && !code.startsWith('ERR_')) throw new LogInputError(`cannot read ${basename(path)}: ${code}`);
    throw error;
  }
}

/** A log read from bytes someone else is reading anyway (the archive's copy pass): push them in order. */
export interface TranscriptFeed {
  /** The next `length` bytes of the log (the chunk may be reused afterwards). */
  push(chunk: Buffer, length?: number): void;
  /** After the last chunk: what was read. */
  finish(): ReadResult;
}

/** readTranscript over pushed bytes (a whole uncompressed log from its first byte). */
export function feedTranscript(onEvent: (event: TranscriptEvent) => void, options: Omit<ReadOptions, 'startOffset' | 'startLine'> = {}): TranscriptFeed {
  const consumer = lineConsumer(onEvent, options);
  const splitter = new LineSplitter(consumer.onLine, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, consumer.onOversized, 0, 1);
  let bytes = 0;
  const unwrap = (work: () => void) => {
    try {
      work();
    } catch (error) {
      throw error instanceof ConsumerFailure ? error.cause : error;
    }
  };
  return {
    push(chunk, length = chunk.length) {
      bytes += length;
      unwrap(() => splitter.push(chunk, length));
    },
    finish() {
      let result: ReadResult | undefined;
      unwrap(() => {
        splitter.finish();
        result = consumer.result(bytes);
      });
      return result!;
    },
  };
}

const SHOWN_LINE_NUMBERS = 10;
// A record's type is log text: a hostile log can make it 349k newlines or terminal escape sequences.
const MAX_TYPE_CHARS = 40;
const MAX_UNKNOWN_TYPES = 100;

/** A type name fit for one stderr line: control characters escaped, bounded. */
export function printableTypeName(type: string): string {
  const short = type.length > MAX_TYPE_CHARS ? `${type.slice(0, MAX_TYPE_CHARS)}…` : type;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped here
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Counts an unknown type under its printable name; past MAX_UNKNOWN_TYPES names, under "other". */
function noteUnknownType(types: Map<string, number>, type: string): void {
  let name = printableTypeName(type);
  if (!types.has(name) && types.size >= MAX_UNKNOWN_TYPES) name = '(other)';
  types.set(name, (types.get(name) ?? 0) + 1);
}

/** One line for stderr summarising what was skipped, or undefined when nothing was. */
export function describeProblems(problems: ReadProblems): string | undefined {
  const parts: string[] = [];
  const lines = (list: { count: number; lines: number[] }) =>
    list.lines.slice(0, SHOWN_LINE_NUMBERS).join(', ') + (list.count > SHOWN_LINE_NUMBERS ? ', …' : '');
  if (problems.invalidJson.count) parts.push(`${problems.invalidJson.count} invalid JSON line(s) skipped (line ${lines(problems.invalidJson)})`);
  if (problems.invalidUtf8.count)
    parts.push(`${problems.invalidUtf8.count} line(s) with invalid UTF-8 read with replacement characters (line ${lines(problems.invalidUtf8)})`);
  if (problems.oversized.count)
    parts.push(`${problems.oversized.count} line(s) over ${DEFAULT_MAX_LINE_BYTES / (1024 * 1024)} MB skipped (line ${lines(problems.oversized)})`);
  if (problems.malformed.count)
    parts.push(`${problems.malformed.count} record(s) with missing or wrongly typed fields skipped (line ${lines(problems.malformed)})`);
  if (problems.unknownTypes.size) {
    const total = [...problems.unknownTypes.values()].reduce((a, b) => a + b, 0);
    parts.push(`${total} record(s) of unknown type skipped (${[...problems.unknownTypes.keys()].slice(0, 5).join(', ')})`);
  }
  if (problems.truncatedLastLine) parts.push('the last line is incomplete (log still being written?) and was skipped');
  return parts.length ? parts.join('; ') : undefined;
}
