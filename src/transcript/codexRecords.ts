// Codex rollout records → events. `response_item` is the canonical conversation (old and new rollouts
// both have it); `event_msg` mostly repeats it for the UI, so only its errors, aborts and compactions
// are read.
import type { EventOrigin, TranscriptEvent } from './events.js';
import type { RecordContext, RecordOutcome } from './claudeRecords.js';
import { exitCodeOf } from './claudeRecords.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const CODEX_TYPES = new Set(['session_meta', 'turn_context', 'response_item', 'event_msg', 'compacted', 'world_state', 'token_usage_record']);

/** Text Codex injects as a "user" message: environment and instruction blocks, not the user's words. */
const INJECTED_USER_TEXT = /^\s*(<environment_context>|<user_instructions>|<permissions|<skills_instructions>|<collaboration_mode>|# AGENTS\.md instructions|<INSTRUCTIONS>|<turn_aborted>)/;
const COMPACTION_HANDOFF = /^Another language model started to solve this problem/;

/** Session-level state a Codex reader carries from record to record (cwd and id live in session_meta). */
export interface CodexState {
  sessionId?: string;
  cwd?: string;
  gitBranch?: string;
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

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (isObject(output)) return str(output.content) ?? contentText(output.content);
  return contentText(output);
}

function responseItem(record: Json, payload: Json, ctx: RecordContext, state: CodexState): RecordOutcome {
  const at = origin(record, ctx, state, str(payload.id) ?? str(payload.call_id));
  switch (payload.type) {
    case 'message': {
      const text = contentText(payload.content);
      const meta = isObject(record.metadata) ? record.metadata : {};
      if (payload.role === 'user') {
        if (COMPACTION_HANDOFF.test(text)) return { events: [{ ...at, kind: 'system', subtype: 'compact-summary', text }] };
        if (!text.trim() || INJECTED_USER_TEXT.test(text)) return { events: [] };
        return { events: [{ ...at, kind: 'user', text: text.trim() }] };
      }
      // The compaction's own output reappears in the `compacted` record: keep it once, there.
      if (payload.role === 'assistant' && meta.compaction_output !== true && text.trim()) {
        return { events: [{ ...at, kind: 'assistant-text', text, messageId: str(payload.id) }] };
      }
      return { events: [] };
    }
    case 'reasoning': {
      const parts = [contentText(payload.summary), contentText(payload.content)].filter((s) => s.trim());
      return { events: [{ ...at, kind: 'thinking', text: parts.join('\n\n') }] };
    }
    case 'function_call': {
      const raw = str(payload.arguments) ?? '';
      let input: unknown = raw;
      try {
        input = JSON.parse(raw);
      } catch {
        /* arguments that are not JSON stay a string */
      }
      return { events: [{ ...at, kind: 'tool-call', callId: str(payload.call_id) ?? '', name: str(payload.name) ?? 'unknown', input }] };
    }
    case 'local_shell_call': {
      const action = isObject(payload.action) ? payload.action : {};
      return { events: [{ ...at, kind: 'tool-call', callId: str(payload.call_id) ?? '', name: 'local_shell', input: { command: action.command } }] };
    }
    case 'custom_tool_call':
      return { events: [{ ...at, kind: 'tool-call', callId: str(payload.call_id) ?? '', name: str(payload.name) ?? 'unknown', input: { input: str(payload.input) ?? '' } }] };
    case 'function_call_output':
    case 'custom_tool_call_output':
    case 'local_shell_call_output': {
      const text = outputText(payload.output);
      const exitCode = exitCodeOf(text);
      const failed = isObject(payload.output) && payload.output.success === false;
      return { events: [{ ...at, kind: 'tool-result', callId: str(payload.call_id) ?? '', text, isError: failed || (exitCode !== undefined && exitCode !== 0), exitCode }] };
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
      return { events: [{ ...at, kind: 'system', subtype: 'api-error', text: str(payload.message) ?? 'error' }] };
    case 'turn_aborted':
      return { events: [{ ...at, kind: 'system', subtype: 'interrupt', text: `Turn aborted${str(payload.reason) ? ': ' + payload.reason : ''}` }] };
    default:
      return { events: [] };
  }
}

export function codexRecordToEvents(record: unknown, ctx: RecordContext, state: CodexState): RecordOutcome {
  if (!isObject(record) || typeof record.type !== 'string') return { events: [], malformed: true };
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
      return { events: [{ ...origin(record, ctx, state, state.sessionId), kind: 'session-meta', agent: 'codex', version: str(meta.cli_version) }] };
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
      const events: TranscriptEvent[] = [{ ...at, kind: 'system', subtype: 'compact-boundary', text: 'Conversation compacted' }];
      if (summary.trim()) events.push({ ...at, kind: 'system', subtype: 'compact-summary', text: summary });
      return { events };
    }
    default:
      return { events: [] };
  }
}
