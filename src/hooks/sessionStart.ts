// SessionStart (after a compaction or on resume): point the model at the newest verified handover of
// this session, else of this workspace: its path and a few lines of summary, never the handover itself.
// Claude Code replaces additionalContext over 10,000 characters with a 2,000-character preview and a
// file path (anthropics/claude-code#94358), so the pointer stays under CONTEXT_LIMIT, well inside both.
import { join } from 'node:path';
import type { HandoverRecord } from '../handover/handoverRecord.js';
import { HANDOVER_DIR, HANDOVER_FILES, type HandoverData } from '../shared/handoverData.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { inspectLock, lockFile, realLockWorld, type LockWorld } from './lock.js';
import { silentSuccess, softFailure, type HookOutcome } from './outcome.js';
import type { CompactTriggerResult } from './compactTrigger.js';

export const CONTEXT_LIMIT = 2_000;
/** How many of the newest handovers session-start verifies (3,000 took 3 s when it verified all). */
export const VERIFY_NEWEST = 5;

export interface SessionStartContext {
  home: string;
  /** The workspace's handovers, newest first, with their verification state. */
  listHandovers: (workspace: string, home: string, options?: { verifyNewest?: number; alsoVerify?: string }) => Promise<HandoverRecord[]>;
  world?: LockWorld;
  /** After a compaction: builds the handover PreCompact may have missed (compactTrigger.ts). */
  afterCompaction?: (input: HookInput) => Promise<CompactTriggerResult>;
  /** The configured lock TTL (no lock counts as held longer). */
  lockTtlMs?: number;
}

export async function sessionStart(input: HookInput, context: SessionStartContext): Promise<HookOutcome> {
  if (input.source !== 'compact' && input.source !== 'resume') return silentSuccess;
  const workspace = input.cwd;
  if (!workspace) return softFailure('session-start', 'no cwd in the hook input');
  const sessionId = safeSessionId(input.session_id);
  const triggered = input.source === 'compact' && context.afterCompaction ? await context.afterCompaction(input) : undefined;
  // The hook runs on every resume: it verifies this session's handover and the newest few, not all.
  const entries = await context.listHandovers(workspace, context.home, { verifyNewest: VERIFY_NEWEST, alsoVerify: sessionId });
  const verified = entries.filter((entry) => entry.verified);
  const chosen = verified.find((entry) => entry.id === sessionId) ?? verified[0];
  const building =
    sessionId !== undefined && inspectLock(lockFile(context.home, sessionId), context.world ?? realLockWorld, context.lockTtlMs).state === 'held';
  if (!chosen && !building) return silentSuccess;

  const lines: string[] = [];
  if (triggered?.state === 'built')
    lines.push(`Handover: this compaction had no handover of what came before it; one was built now from the session log: ${triggered.promptPath}`);
  if (building) {
    lines.push(
      `Handover: a handover of this session is being written now; it will be at ${join(workspace, HANDOVER_DIR, sessionId!, HANDOVER_FILES.prompt)}. Edits are paused until it is done.`,
    );
  }
  if (chosen) {
    const data = chosen.data as HandoverData | undefined;
    const own = chosen.id === sessionId;
    const what = own ? 'the verified handover of this session' : `the newest verified handover in this workspace (session ${chosen.id})`;
    lines.push(
      `Handover: ${what} is ${chosen.promptPath}. ` +
        'Read it before relying on memory: it keeps the decisions, errors, rejected approaches, modified files and open tasks that a compaction summary loses.',
    );
    if (data) lines.push(...summaryLines(data));
    lines.push('Search the full archived log with: handover search "<words>"');
  }
  return {
    stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: capText(lines.join('\n'), CONTEXT_LIMIT) } }) + '\n',
    exitCode: 0,
  };
}

function summaryLines(data: HandoverData): string[] {
  const lines: string[] = [];
  const when = [data.createdAt && `written ${data.createdAt}`, data.summary?.gitBranch && `branch ${data.summary.gitBranch}`].filter(Boolean).join(', ');
  if (when)
    lines.push(
      `(${when}; ${data.findings?.length ?? 0} findings, ${data.modifiedFiles?.length ?? 0} modified files, ${data.openTasks?.filter((t) => t.status !== 'completed').length ?? 0} open tasks)`,
    );
  if (data.summary?.lastUserRequest) lines.push(`Last request: ${oneLine(data.summary.lastUserRequest, 300)}`);
  const text = (data.summary?.text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 6);
  if (text.length) lines.push('Summary:', ...text.map((line) => `  ${oneLine(line, 200)}`));
  return lines;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Cuts at a line boundary when it can, so the path lines at the top always survive whole. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const lastBreak = cut.lastIndexOf('\n');
  return `${lastBreak > max / 2 ? cut.slice(0, lastBreak) : cut}\n…`;
}
