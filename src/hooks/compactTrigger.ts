// The after-the-fact trigger: PreCompact does not fire on every compaction (the session-memory path,
// idle compaction, some platforms), but SessionStart with source `compact` and PostCompact do, and the
// log on disk still holds everything before the compaction boundary. When no handover of this session
// covers the log up to its newest boundary, one is built now, by the same detached builder PreCompact
// starts, under the same lock; the hook waits a bounded time for it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES, type HandoverTrigger } from '../shared/handoverData.js';
import { forEachLine } from '../transcript/lineReader.js';
import { readSessionIdentity } from '../handover/sessionIdentity.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { acquireLock, inspectLock, lockFile, realLockWorld, releaseLock, updateLock, type LockRecord, type LockWorld } from './lock.js';
import type { BuilderRequest } from './preCompact.js';
import type { HookSettings } from './settings.js';

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

const BOUNDARY = [Buffer.from('"compact_boundary"'), Buffer.from('"type":"compacted"')];

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

/** 1-based line of the newest compaction boundary (Claude Code or Codex), 0 when there is none. */
export async function newestBoundaryLine(logPath: string): Promise<number> {
  let newest = 0;
  await forEachLine(logPath, (line) => {
    if (BOUNDARY.some((needle) => line.bytes.includes(needle))) newest = line.line;
  });
  return newest;
}

/** Lines of the log the session's existing handover was built from, when there is one. */
function coveredLines(promptDir: string): number | undefined {
  if (!isFile(join(promptDir, HANDOVER_FILES.prompt))) return undefined;
  try {
    const data = JSON.parse(readFileSync(join(promptDir, HANDOVER_FILES.data), 'utf8')) as { log?: { lines?: number } };
    return typeof data.log?.lines === 'number' ? data.log.lines : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureHandoverAfterCompaction(input: HookInput, trigger: HandoverTrigger, context: CompactTriggerContext): Promise<CompactTriggerResult> {
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
  const boundary = await newestBoundaryLine(logPath);
  // Everything before the boundary is lines 1..boundary-1: a handover read from that many lines or more covers it.
  const covers = () => {
    const lines = coveredLines(dir);
    return lines !== undefined && lines >= Math.max(1, boundary - 1);
  };
  const lockPath = lockFile(context.home, sessionId);
  const waitForBuild = async (): Promise<CompactTriggerResult> => {
    const deadline = world.now() + context.waitMs;
    while (inspectLock(lockPath, world).state === 'held' && world.now() < deadline) await sleep(100);
    if (inspectLock(lockPath, world).state === 'held') return { state: 'building', promptPath };
    return covers() ? { state: 'built', promptPath } : { state: 'skipped', reason: `the build ended without a handover covering line ${boundary} (see ${join(context.home, 'logs', `build-${sessionId}.log`)})` };
  };

  if (covers()) return { state: 'present', promptPath };
  // A PreCompact builder may still be at work on this very compaction: wait for it rather than race it.
  if (inspectLock(lockPath, world).state === 'held') return waitForBuild();

  const token = (context.newToken ?? randomToken)();
  const record: LockRecord = { pid: process.pid, startedAt: new Date(world.now()).toISOString(), ttlMs: context.settings.lockTtlMs, host: world.host, token };
  const taken = acquireLock(lockPath, record, world);
  if (!taken.acquired) return waitForBuild();
  let builderPid: number;
  try {
    builderPid = context.startBuilder({ sessionId, logPath, workspace, token, trigger });
  } catch (error) {
    releaseLock(lockPath, token);
    return { state: 'skipped', reason: `cannot start the handover build: ${(error as Error).message}` };
  }
  updateLock(lockPath, { ...record, pid: builderPid });
  return waitForBuild();
}

function randomToken(): string {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(12).toString('hex');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
