// PreToolUse: while a handover of this session is being written, edits are denied so the model does
// not change files from a state the handover has not captured yet. This runs before every guarded
// tool call, so the common case (no lock) is one failed readFileSync and nothing else.
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { inspectLock, lockFile, realLockWorld, type LockRecord, type LockWorld } from './lock.js';
import { silentSuccess, softFailure, type HookOutcome } from './outcome.js';
import { readHookSettings } from './settings.js';

/** The tools that change files. Bash joins them when the denyBash setting asks for it. */
export const EDIT_TOOLS: readonly string[] = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'];

export interface PreToolUseContext {
  home: string;
  env: NodeJS.ProcessEnv;
  world?: LockWorld;
}

export function preToolUse(input: HookInput, context: PreToolUseContext): HookOutcome {
  const tool = input.tool_name ?? '';
  if (!EDIT_TOOLS.includes(tool) && tool !== 'Bash') return silentSuccess;
  const sessionId = safeSessionId(input.session_id);
  if (!sessionId) return softFailure('pre-tool-use', 'no usable session_id in the hook input; allowing the tool');
  const settings = readHookSettings(context.home, context.env);
  const lock = inspectLock(lockFile(context.home, sessionId), context.world ?? realLockWorld, settings.lockTtlMs);
  if (lock.state !== 'held') return silentSuccess;
  if (tool === 'Bash' && !settings.denyBash) return silentSuccess;
  return {
    stdout:
      JSON.stringify({
        hookSpecificOutput: {
          hookEventName: 'PreToolUse',
          permissionDecision: 'deny',
          permissionDecisionReason: denyReason(tool, sessionId, input.cwd, lock.record, settings.lockTtlMs),
        },
      }) + '\n',
    exitCode: 0,
  };
}

export function denyReason(tool: string, sessionId: string, cwd: string | undefined, record: LockRecord | undefined, maxTtlMs = Infinity): string {
  const where = cwd ? ` It will be at ${cwd}/.handover/${sessionId}/resume-prompt.md.` : '';
  const wait = record
    ? ` It started at ${record.startedAt} and the pause ends by itself after at most ${Math.round(Math.min(record.ttlMs, maxTtlMs) / 1000)} s.`
    : '';
  return (
    `Handover is writing a handover of this session (the context is about to be compacted), so ${tool} is paused: ` +
    `no file may change while the handover records the current state.${wait}${where} ` +
    `Do not work around this with other tools. Read, search or plan meanwhile, then retry the same ${tool} in a little while.`
  );
}
