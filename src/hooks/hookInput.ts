// What Claude Code sends a hook on stdin, read defensively: a hook must never fail the user's session,
// so every field is optional and a bad payload becomes a reason, not an exception.

export interface HookInput {
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  hook_event_name?: string;
  /** PreCompact: 'manual' | 'auto'. */
  trigger?: string;
  /** PreToolUse. */
  tool_name?: string;
  tool_input?: unknown;
  /** SessionStart: 'startup' | 'resume' | 'clear' | 'compact' | 'fork'. */
  source?: string;
  /** PostCompact: the summary the compaction produced. */
  compact_summary?: string;
}

export type ParsedHookInput = { ok: true; input: HookInput } | { ok: false; reason: string };

export function parseHookInput(text: string): ParsedHookInput {
  if (!text.trim()) return { ok: false, reason: 'no hook input on stdin' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'hook input on stdin is not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'hook input on stdin is not a JSON object' };
  const record = value as Record<string, unknown>;
  const input: HookInput = {};
  for (const key of ['session_id', 'transcript_path', 'cwd', 'hook_event_name', 'trigger', 'tool_name', 'source', 'compact_summary'] as const) {
    if (typeof record[key] === 'string') input[key] = record[key] as string;
  }
  input.tool_input = record.tool_input;
  return { ok: true, input };
}

export { safeSessionId } from '../util/sessionId.js';
