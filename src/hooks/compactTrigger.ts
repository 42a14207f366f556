// The after-the-fact trigger: PreCompact does not fire on every compaction (the session-memory path,
// idle compaction, some platforms), but SessionStart with source `compact` and PostCompact do, and the
// log on disk still holds everything before the compaction boundary. When no handover of this session
// covers the log up to its newest boundary, one is built now, by the same detached builder PreCompact
// starts, under the same lock; the hook waits a bounded time for it.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES, type HandoverTrigger } from '../shared/handoverData.js';
import { forEachLine } from '../transcript/lineReader.js';
import { peekTopLevelType } from '../transcript/rawPeek.js';
import { readSessionIdentity } from '../handover/sessionIdentity.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { acquireLock, inspectLock, lockFile, realLockWorld, releaseLock, updateLock, type LockRecord, type LockWorld } from './lock.js';
import { newLockToken, type BuilderRequest } from './preCompact.js';
import type { HookSettings } from './settings.js';
import { isDirectory, isFile } from '../util/fsChecks.js';

export interface CompactTriggerContext {
  home: string;
  settings: HookSettings;
  startBuilder: (request: BuilderRequest) => number;
  /** How long to wait for the build before answering with "being written" (ms). */
  waitMs: number;
  world?: LockWorld;
  newToken?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

export type CompactTriggerResult =
  /** A handover already covers the log up to the newest boundary. */
  | { state: 'present'; promptPath: string }
  /** Built now, within the wait. */
  | { state: 'built'; promptPath: string }
  /** Being built (by us or by a PreCompact builder still running) past the wait. */
  | { state: 'building'; promptPath: string }
  | { state: 'skipped'; reason: string };

const COMPACT_BOUNDARY = Buffer.from('"compact_boundary"');

/**
 * The log to read: Claude Code's `transcript_path` can stay pointed at the file the session had before
 * a compaction (anthropics/claude-code#75435); the file named after the session, beside it, wins.
 */
export async function sessionLogPath(input: HookInput, sessionId: string): Promise<string | undefined> {
  const given = input.transcript_path;
  if (!given) return undefined;
  const named = join(dirname(given), `${sessionId}.jsonl`);
  if (isFile(named)) return named;
  if (!isFile(given)) return undefined;
  // A file named otherwise (a Codex rollout, a copy) must be this session's own log: the build keys the
  // handover by the log's session, and a handover of some other session would cover nothing here.
  if (basename(given).endsWith(`${sessionId}.jsonl`)) return given;
  const identity = await readSessionIdentity(given).catch(() => undefined);
  return identity?.sessionId === sessionId ? given : undefined;
}

const CONVERSATION_TYPES = new Set(['user', 'assistant', 'system', 'response_item', 'event_msg']);

/**
 * The newest compaction boundary (Claude Code or Codex; 0 when there is none) and the last record of
 * the conversation before it. Bookkeeping records (mode, cost, tool lists) come between the moment
 * PreCompact fires and the boundary: a handover read up to the last conversation record covers it all.
 */
export async function newestBoundary(logPath: string): Promise<{ boundary: number; lastBefore: number }> {
  let boundary = 0;
  let lastBefore = 0;
  let lastConversation = 0;
  await forEachLine(logPath, (line) => {
    const type = peekTopLevelType(line.bytes);
    // Claude Code: a system record with subtype compact_boundary; Codex: a `compacted` record.
    if ((type === 'system' && line.bytes.includes(COMPACT_BOUNDARY)) || type === 'compacted') {
      boundary = line.line;
      lastBefore = lastConversation;
    } else if (CONVERSATION_TYPES.has(type ?? '')) lastConversation = line.line;
  });
  return boundary ? { boundary, lastBefore } : { boundary: 0, lastBefore: lastConversation };
}

export async function ensureHandoverAfterCompaction(
  input: HookInput,
  trigger: HandoverTrigger,
  context: CompactTriggerContext,
  /** PostCompact: the summary the handover must hold as well. */
  summary?: string,
): Promise<CompactTriggerResult> {
  const world = context.world ?? realLockWorld;
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const sessionId = safeSessionId(input.session_id);
  if (!sessionId) return { state: 'skipped', reason: 'no usable session_id in the hook input' };
  const workspace = input.cwd;
  if (!workspace || !isDirectory(workspace)) return { state: 'skipped', reason: `workspace ${workspace ?? '(no cwd)'} is not a folder` };
  const logPath = await sessionLogPath(input, sessionId);
  if (!logPath) return { state: 'skipped', reason: `no log of session ${sessionId} at ${input.transcript_path ?? '(no transcript_path given)'}` };

  const dir = join(workspace, HANDOVER_DIR, sessionId);
  const promptPath = join(dir, HANDOVER_FILES.prompt);
  const { lastBefore } = await newestBoundary(logPath);
  const linesCovered = () => (readCovered(dir)?.lines ?? -1) >= Math.max(1, lastBefore);
  const summaryCovered = () => !summary || (readCovered(dir)?.summaries.includes(flat(summary)) ?? false);
  if (linesCovered() && summaryCovered()) return { state: 'present', promptPath };

  const lockPath = lockFile(context.home, sessionId);
  const held = () => inspectLock(lockPath, world).state === 'held';
  // A build already running (PreCompact's for this compaction, or the other hook's) is not waited for:
  // it read the log when it began, and the builder adds summaries saved meanwhile before it ends.
  if (held()) return { state: 'building', promptPath };
  const record: LockRecord = {
    pid: process.pid,
    startedAt: new Date(world.now()).toISOString(),
    ttlMs: context.settings.lockTtlMs,
    host: world.host,
    token: (context.newToken ?? newLockToken)(),
  };
  if (!acquireLock(lockPath, record, world).acquired) return { state: 'building', promptPath };
  if (linesCovered()) {
    // Only the summary is missing: added to the handover as it stands, no second build.
    try {
      const { addCompactionSummary } = await import('../handover/build.js');
      if (!(await addCompactionSummary(dir, context.home, summary!)))
        return { state: 'skipped', reason: `the handover in ${dir} does not verify; the summary was kept for the next build` };
      return { state: 'built', promptPath };
    } finally {
      releaseLock(lockPath, record.token);
    }
  }
  try {
    updateLock(lockPath, { ...record, pid: context.startBuilder({ sessionId, logPath, workspace, token: record.token, trigger }) });
  } catch (error) {
    releaseLock(lockPath, record.token);
    return { state: 'skipped', reason: `cannot start the handover build: ${(error as Error).message}` };
  }
  // Only a build this hook started is waited for, within the bound: SessionStart wants to point at it.
  const deadline = world.now() + context.waitMs;
  while (held() && world.now() < deadline) await sleep(100);
  if (held()) return { state: 'building', promptPath };
  return linesCovered() && summaryCovered()
    ? { state: 'built', promptPath }
    : {
        state: 'skipped',
        reason: `the build ended without a handover covering line ${lastBefore} (see ${join(context.home, 'logs', `build-${sessionId}.log`)})`,
      };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the session's existing handover was built from: log lines and its summaries (flattened, joined). */
function readCovered(dir: string): { lines: number; summaries: string } | undefined {
  if (!isFile(join(dir, HANDOVER_FILES.prompt))) return undefined;
  try {
    const data = JSON.parse(readFileSync(join(dir, HANDOVER_FILES.data), 'utf8')) as { log?: { lines?: number }; summary?: { compactionSummaries?: string[] } };
    if (typeof data.log?.lines !== 'number') return undefined;
    return { lines: data.log.lines, summaries: flat((data.summary?.compactionSummaries ?? []).join('\n')) };
  } catch {
    return undefined;
  }
}
