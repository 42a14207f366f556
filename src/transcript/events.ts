// One event model for every agent's log. Readers for Claude Code and Codex turn their records into
// these events; everything downstream (extraction, analysis, search) only ever sees this shape.

import type { AgentKind } from '../shared/handoverData.js';
export type { AgentKind };

/** Where an event came from in the raw log: enough to cite it and to open the log at that line. */
export interface EventOrigin {
  /** 1-based line number in the file the event was read from. */
  line: number;
  /** Byte offset of the start of that line. */
  offset: number;
  /** Record uuid (Claude Code) or item/call id (Codex), when the record has one. */
  uuid?: string;
  timestamp?: string;
  sessionId?: string;
  cwd?: string;
  gitBranch?: string;
  /** True for Claude Code 1.0.x inline sidechains and for events read from a subagent log. */
  sidechain: boolean;
  /** Subagent log file name (e.g. `agent-1234.jsonl`) when the event came from one. */
  subagent?: string;
  /**
   * Index of the content block within its record, when the record holds several (a message sent from
   * an IDE carries the IDE context and the typed text as two blocks under one uuid).
   */
  part?: number;
}

export interface UserMessageEvent extends EventOrigin {
  kind: 'user';
  text: string;
  /** Only what the IDE attached (the open file, a selection), shortened; not words the user typed. */
  ideContext?: boolean;
}

export interface AssistantTextEvent extends EventOrigin {
  kind: 'assistant-text';
  text: string;
  /** Groups the blocks of one model reply (Claude Code writes one record per content block). */
  messageId?: string;
}

export interface ThinkingEvent extends EventOrigin {
  kind: 'thinking';
  /** Empty when the log only kept a signature (common in current Claude Code logs). */
  text: string;
  messageId?: string;
}

export interface ToolCallEvent extends EventOrigin {
  kind: 'tool-call';
  callId: string;
  name: string;
  input: unknown;
  messageId?: string;
}

export interface ToolResultEvent extends EventOrigin {
  kind: 'tool-result';
  callId: string;
  text: string;
  isError: boolean;
  /** Exit code when the log states one (Codex exec output, Bash results). */
  exitCode?: number;
  /** Set when the full output lives in `<session>/tool-results/`. */
  externalFile?: string;
}

export type SystemSubtype = 'compact-boundary' | 'compact-summary' | 'api-error' | 'interrupt' | 'session-summary' | 'other';

export interface SystemEvent extends EventOrigin {
  kind: 'system';
  subtype: SystemSubtype;
  text: string;
}

export interface SessionMetaEvent extends EventOrigin {
  kind: 'session-meta';
  agent: AgentKind;
  version?: string;
  /** For a Codex subagent's rollout: the thread of the agent that spawned it (its "user" is that agent). */
  parentThread?: string;
  /** Set when the rollout starts with a copy of another thread's history (a forked subagent). */
  forked?: boolean;
}

export type TranscriptEvent = UserMessageEvent | AssistantTextEvent | ThinkingEvent | ToolCallEvent | ToolResultEvent | SystemEvent | SessionMetaEvent;

export type EventKind = TranscriptEvent['kind'];

/** Line numbers of one kind of problem: all counted, the first few kept for the message. */
export interface LineList {
  count: number;
  lines: number[];
}

/** What a reader could not use. Never fatal: reported once, in one line, at the end. */
export interface ReadProblems {
  invalidJson: LineList;
  invalidUtf8: LineList;
  oversized: LineList;
  /** Records whose fields had the wrong type or were missing. */
  malformed: LineList;
  /** Record types the reader does not know (counted, skipped). */
  unknownTypes: Map<string, number>;
  /** The last line had no newline and did not parse: a log still being written. */
  truncatedLastLine: boolean;
}

const KEPT_LINE_NUMBERS = 20;

export function emptyProblems(): ReadProblems {
  const list = (): LineList => ({ count: 0, lines: [] });
  return { invalidJson: list(), invalidUtf8: list(), oversized: list(), malformed: list(), unknownTypes: new Map(), truncatedLastLine: false };
}

export function noteLine(list: LineList, line: number): void {
  list.count++;
  if (list.lines.length < KEPT_LINE_NUMBERS) list.lines.push(line);
}

export interface ReadStats {
  bytes: number;
  lines: number;
  /** Lines whose JSON was never parsed because their raw bytes showed they could not matter. */
  skippedUnparsed: number;
  /** Lines that parsed as JSON. */
  records: number;
}

/**
 * A new event at `origin`: the origin's fields (and its `part`, when it has one), then the event's own.
 * Built field by field, not as `{ ...origin, kind, … }`: on Node 20 (also the runtime of VS Code's
 * Electron) a spread followed by more fields is about ten times slower to build, and `handover build` of
 * a 100 MB log took about a third more CPU with it; on Node 24 the two cost about the same. The key order is
 * the spread's.
 */
export function eventAt<const T extends object>(origin: EventOrigin, own: T): EventOrigin & T {
  const event: EventOrigin = {
    line: origin.line,
    offset: origin.offset,
    uuid: origin.uuid,
    timestamp: origin.timestamp,
    sessionId: origin.sessionId,
    cwd: origin.cwd,
    gitBranch: origin.gitBranch,
    sidechain: origin.sidechain,
    subagent: origin.subagent,
  };
  if (origin.part !== undefined) event.part = origin.part;
  return Object.assign(event, own);
}
