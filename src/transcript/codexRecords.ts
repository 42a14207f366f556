// Codex rollout records → events. `response_item` is the canonical conversation (old and new rollouts
// both have it). `event_msg` repeats much of it for the UI: current rollouts as `item_completed` (not
// read), older ones as `user_message` / `agent_message` / `agent_reasoning` (read, and paired with the
// matching response_item so each text appears once) and `exec_command_end` / `patch_apply_end` (read
// for their exit codes, once per call id).
import { eventAt, type EventOrigin, type TranscriptEvent } from './events.js';
import type { RecordContext, RecordOutcome } from './claudeRecords.js';
import { exitCodeOf } from './claudeRecords.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const CODEX_TYPES = new Set(['session_meta', 'turn_context', 'response_item', 'event_msg', 'compacted', 'world_state', 'token_usage_record']);

/** Text Codex injects as a "user" message: environment and instruction blocks, not the user's words. */
// The harness's own warnings come as user messages too (codex-rs: apply_patch through exec_command, too many
// open exec processes, a model fallback after an account flag).
const INJECTED_USER_TEXT =
  /^\s*(?:<environment_context>|<ENVIRONMENT_CONTEXT>|<user_instructions>|<permissions|<skills_instructions>|<collaboration_mode>|# AGENTS\.md instructions|<INSTRUCTIONS>|<turn_aborted>|<recommended_plugins>|<app-context>|<user_action>|<hook_prompt\b|<agent_message_board_notification>|<codex_internal_context\b|<goal_context>|Warning: (?:apply_patch was requested via \w+|The maximum number of unified exec processes|Your account was flagged for potentially high-risk))/;
const COMPACTION_HANDOFF = /^Another language model started to solve this problem/;

/** Codex's IDE extensions put the open tabs before the typed request: `## My request for Codex:` starts the user's words. */
const IDE_SETUP = /^\s*# Context from my IDE setup:\s*([\s\S]*?)^## My request for Codex:[ \t]*\n?/m;

/** The typed request with the IDE context shortened to one note (which file was active). */
export function shortenCodexIdeContext(text: string): string {
  const match = IDE_SETUP.exec(text);
  if (!match) return text;
  const active = /^## Active file: (.+)$/m.exec(match[1])?.[1]?.trim();
  const note = `[IDE: ${active ? `active file ${active}` : 'open tabs attached'}]`;
  return `${note}\n${text.slice(match.index + match[0].length).trim()}`;
}

/** Session-level state a Codex reader carries from record to record (cwd and id live in session_meta). */
export interface CodexState {
  sessionId?: string;
  cwd?: string;
  gitBranch?: string;
  /** The last text of each kind emitted, and from which record family, to drop its mirror. */
  mirrors?: Partial<Record<MirrorKind, { text: string; from: 'response_item' | 'event_msg' }>>;
  /** Call ids whose result was already emitted (exec_command_end and function_call_output both carry it). */
  resultCallIds?: Set<string>;
}

type MirrorKind = 'user' | 'assistant-text' | 'thinking';

/**
 * True when this text is the other record family's copy of the text just emitted. A user who types
 * the same words twice still gets both: each family's own repeat is never a mirror.
 */
function isMirror(state: CodexState, kind: MirrorKind, text: string, from: 'response_item' | 'event_msg'): boolean {
  const mirrors = (state.mirrors ??= {});
  const last = mirrors[kind];
  const normalized = text.trim();
  if (last && last.from !== from) {
    // Reasoning is one response_item but one agent_reasoning event per summary section: match parts.
    const same = kind === 'thinking' ? last.text.includes(normalized) || normalized.includes(last.text) : last.text === normalized;
    if (same) {
      if (kind !== 'thinking' || last.from === 'event_msg') mirrors[kind] = undefined;
      return true;
    }
  }
  mirrors[kind] = { text: normalized, from };
  return false;
}

function firstResult(state: CodexState, callId: string): boolean {
  if (!callId) return true;
  const seen = (state.resultCallIds ??= new Set());
  if (seen.has(callId)) return false;
  seen.add(callId);
  return true;
}

function origin(record: Json, ctx: RecordContext, state: CodexState, uuid?: string): EventOrigin {
  return {
    line: ctx.line,
    offset: ctx.offset,
    uuid,
    timestamp: str(record.timestamp),
    sessionId: state.sessionId,
    cwd: state.cwd,
    gitBranch: state.gitBranch,
    sidechain: ctx.subagent !== undefined,
    subagent: ctx.subagent,
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => (isObject(block) && typeof block.text === 'string' ? block.text : ''))
    .filter(Boolean)
    .join('\n');
}

interface ToolOutput {
  text: string;
  exitCode?: number;
  failed: boolean;
}

/** Tool output in any of its shapes: plain text, `{content, success}`, or (older rollouts) a JSON string
 * `{"output": "...", "metadata": {"exit_code": N}}`. */
function toolOutput(output: unknown): ToolOutput {
  if (typeof output === 'string') {
    if (output.startsWith('{"output"')) {
      try {
        const parsed: unknown = JSON.parse(output);
        if (isObject(parsed) && typeof parsed.output === 'string') {
          const meta = isObject(parsed.metadata) ? parsed.metadata : {};
          const exitCode = typeof meta.exit_code === 'number' ? meta.exit_code : exitCodeOf(parsed.output);
          return { text: parsed.output, exitCode, failed: exitCode !== undefined && exitCode !== 0 };
        }
      } catch {
        /* not the wrapped form: plain text that happens to start like it */
      }
    }
    const exitCode = exitCodeOf(output);
    return { text: output, exitCode, failed: (exitCode !== undefined && exitCode !== 0) || output.startsWith('Script failed\n') };
  }
  const text = isObject(output) ? (str(output.content) ?? contentText(output.content)) : contentText(output);
  const exitCode = exitCodeOf(text);
  // Code mode (Codex 0.14x: the model's script calls the tools) reports the script, not an exit code: `Script failed`.
  const failed = (isObject(output) && output.success === false) || (exitCode !== undefined && exitCode !== 0) || text.startsWith('Script failed\n');
  return { text, exitCode, failed };
}

function responseItem(record: Json, payload: Json, ctx: RecordContext, state: CodexState): RecordOutcome {
  const at = origin(record, ctx, state, str(payload.id) ?? str(payload.call_id));
  switch (payload.type) {
    case 'message': {
      const text = contentText(payload.content);
      const meta = isObject(record.metadata) ? record.metadata : {};
      if (payload.role === 'user') {
        if (COMPACTION_HANDOFF.test(text)) return { events: [eventAt(at, { kind: 'system', subtype: 'compact-summary', text })] };
        // Rollouts without session_meta name their workspace only in the injected environment block.
        if (!state.cwd) state.cwd = /<environment_context>[\s\S]*?<cwd>([^<]+)<\/cwd>/.exec(text)?.[1]?.trim() || undefined;
        if (!text.trim() || INJECTED_USER_TEXT.test(text)) return { events: [] };
        if (isMirror(state, 'user', text, 'response_item')) return { events: [] };
        return { events: [eventAt(at, { kind: 'user', text: shortenCodexIdeContext(text.trim()) })] };
      }
      // The compaction's own output reappears in the `compacted` record: keep it once, there.
      if (payload.role === 'assistant' && meta.compaction_output !== true && text.trim()) {
        if (isMirror(state, 'assistant-text', text, 'response_item')) return { events: [] };
        return { events: [eventAt(at, { kind: 'assistant-text', text, messageId: str(payload.id) })] };
      }
      if (payload.role !== undefined && typeof payload.role !== 'string') return { events: [], malformed: true };
      return { events: [] };
    }
    case 'reasoning': {
      const parts = [contentText(payload.summary), contentText(payload.content)].filter((s) => s.trim());
      const text = parts.join('\n\n');
      if (text.trim() && isMirror(state, 'thinking', text, 'response_item')) return { events: [] };
      return { events: [eventAt(at, { kind: 'thinking', text })] };
    }
    case 'function_call': {
      const raw = str(payload.arguments) ?? '';
      let input: unknown = raw;
      try {
        input = JSON.parse(raw);
      } catch {
        /* arguments that are not JSON stay a string */
      }
      return { events: [eventAt(at, { kind: 'tool-call', callId: str(payload.call_id) ?? '', name: str(payload.name) ?? 'unknown', input })] };
    }
    case 'local_shell_call': {
      const action = isObject(payload.action) ? payload.action : {};
      return { events: [eventAt(at, { kind: 'tool-call', callId: str(payload.call_id) ?? '', name: 'local_shell', input: { command: action.command } })] };
    }
    case 'custom_tool_call':
      return {
        events: [
          eventAt(at, {
            kind: 'tool-call',
            callId: str(payload.call_id) ?? '',
            name: str(payload.name) ?? 'unknown',
            input: { input: str(payload.input) ?? '' },
          }),
        ],
      };
    case 'function_call_output':
    case 'custom_tool_call_output':
    case 'local_shell_call_output': {
      const callId = str(payload.call_id) ?? '';
      if (!firstResult(state, callId)) return { events: [] };
      const { text, exitCode, failed } = toolOutput(payload.output);
      return { events: [eventAt(at, { kind: 'tool-result', callId, text, isError: failed, exitCode })] };
    }
    default:
      return { events: [] };
  }
}

function eventMessage(record: Json, payload: Json, ctx: RecordContext, state: CodexState): RecordOutcome {
  const at = origin(record, ctx, state);
  switch (payload.type) {
    case 'error':
    case 'stream_error':
      return { events: [eventAt(at, { kind: 'system', subtype: 'api-error', text: str(payload.message) ?? 'error' })] };
    case 'turn_aborted':
      return { events: [eventAt(at, { kind: 'system', subtype: 'interrupt', text: `Turn aborted${str(payload.reason) ? ': ' + payload.reason : ''}` })] };
    // Older rollouts: the UI's copy of the conversation, kept when it is the only copy.
    case 'user_message': {
      const text = str(payload.message);
      if (text === undefined) return { events: [], malformed: true };
      if (!text.trim() || INJECTED_USER_TEXT.test(text) || isMirror(state, 'user', text, 'event_msg')) return { events: [] };
      return { events: [eventAt(at, { kind: 'user', text: shortenCodexIdeContext(text.trim()) })] };
    }
    case 'agent_message': {
      const text = str(payload.message);
      if (text === undefined) return { events: [], malformed: true };
      if (!text.trim() || isMirror(state, 'assistant-text', text, 'event_msg')) return { events: [] };
      return { events: [eventAt(at, { kind: 'assistant-text', text })] };
    }
    case 'agent_reasoning':
    case 'agent_reasoning_raw_content': {
      const text = str(payload.text);
      if (text === undefined) return { events: [], malformed: true };
      if (!text.trim() || isMirror(state, 'thinking', text, 'event_msg')) return { events: [] };
      return { events: [eventAt(at, { kind: 'thinking', text })] };
    }
    case 'exec_command_end': {
      const callId = str(payload.call_id) ?? '';
      if (!firstResult(state, callId)) return { events: [] };
      const exitCode = typeof payload.exit_code === 'number' ? payload.exit_code : undefined;
      const text = str(payload.aggregated_output) ?? str(payload.formatted_output) ?? [str(payload.stdout), str(payload.stderr)].filter(Boolean).join('\n');
      return { events: [eventAt(at, { kind: 'tool-result', callId, text, isError: exitCode !== undefined && exitCode !== 0, exitCode })] };
    }
    case 'patch_apply_end': {
      const callId = str(payload.call_id) ?? '';
      if (!firstResult(state, callId)) return { events: [] };
      const text = [str(payload.stdout), str(payload.stderr)].filter(Boolean).join('\n');
      return { events: [eventAt(at, { kind: 'tool-result', callId, text, isError: payload.success === false })] };
    }
    default:
      return { events: [] };
  }
}

/**
 * The first rollouts (Codex 0.1x–0.2x, mid-2025) have no envelope: a header line `{id, timestamp,
 * instructions}`, `{"record_type":"state"}` lines, and the response items themselves as bare records.
 */
const BARE_RESPONSE_ITEMS = new Set([
  'message',
  'reasoning',
  'function_call',
  'function_call_output',
  'local_shell_call',
  'local_shell_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'web_search_call',
]);

export function isLegacyCodexHeader(record: Json): boolean {
  return record.type === undefined && typeof record.id === 'string' && typeof record.timestamp === 'string' && 'instructions' in record;
}

function legacyRecord(record: Json, ctx: RecordContext, state: CodexState): RecordOutcome {
  if (isLegacyCodexHeader(record)) {
    state.sessionId = str(record.id) ?? state.sessionId;
    const git = isObject(record.git) ? record.git : {};
    state.gitBranch = str(git.branch) ?? state.gitBranch;
    return { events: [eventAt(origin(record, ctx, state, state.sessionId), { kind: 'session-meta', agent: 'codex' })] };
  }
  if (typeof record.record_type === 'string') return { events: [] };
  return { events: [], malformed: true };
}

export function codexRecordToEvents(record: unknown, ctx: RecordContext, state: CodexState): RecordOutcome {
  if (!isObject(record)) return { events: [], malformed: true };
  if (typeof record.type !== 'string') return legacyRecord(record, ctx, state);
  if (BARE_RESPONSE_ITEMS.has(record.type)) return responseItem(record, record, ctx, state);
  const payload = record.payload;
  if (!CODEX_TYPES.has(record.type)) return { events: [], unknownType: record.type };
  if (!isObject(payload)) return { events: [], malformed: true };
  switch (record.type) {
    case 'session_meta': {
      const meta = isObject(payload.meta) ? payload.meta : payload; // older rollouts nest it
      state.sessionId = str(meta.id) ?? str(meta.session_id) ?? state.sessionId;
      state.cwd = str(meta.cwd) ?? state.cwd;
      const git = isObject(payload.git) ? payload.git : isObject(meta.git) ? meta.git : {};
      state.gitBranch = str(git.branch) ?? state.gitBranch;
      const spawn = isObject(meta.source) && isObject(meta.source.subagent) ? meta.source.subagent : undefined;
      const threadSpawn = spawn && isObject(spawn.thread_spawn) ? spawn.thread_spawn : undefined;
      const parentThread = threadSpawn ? (str(threadSpawn.parent_thread_id) ?? 'unknown') : spawn ? 'unknown' : undefined;
      const event = eventAt(origin(record, ctx, state, state.sessionId), {
        kind: 'session-meta' as const,
        agent: 'codex' as const,
        version: str(meta.cli_version),
      });
      const forked = typeof meta.forked_from_id === 'string';
      return { events: [parentThread ? { ...event, parentThread, ...(forked ? { forked } : {}) } : event] };
    }
    case 'turn_context':
      state.cwd = str(payload.cwd) ?? state.cwd;
      return { events: [] };
    case 'response_item':
      return responseItem(record, payload, ctx, state);
    case 'event_msg':
      return eventMessage(record, payload, ctx, state);
    case 'compacted': {
      const at = origin(record, ctx, state);
      const summary = str(payload.message) ?? '';
      const events: TranscriptEvent[] = [eventAt(at, { kind: 'system', subtype: 'compact-boundary', text: 'Conversation compacted' })];
      if (summary.trim()) events.push(eventAt(at, { kind: 'system', subtype: 'compact-summary', text: summary }));
      return { events };
    }
    default:
      return { events: [] };
  }
}
