// Proactive mode (off by default), on Claude Code's Stop hook: after each turn, the newest usage figures
// in the log say how full the context is. Past the threshold (75% of the model's window by default) the
// handover is built now, before any compaction, and the hook tells the user a fresh session is ready to
// switch to. Once per filling of the context: again only after a compaction emptied it. Synchronous and
// cheap when off or below the threshold: it runs at the end of every turn.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contextUsageFromTail, type ContextUsage } from '../analysis/contextUsage.js';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { homePaths } from '../util/handoverHome.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { acquireLock, lockFile, realLockWorld, releaseLock, updateLock, type LockRecord, type LockWorld } from './lock.js';
import { silentSuccess, softFailure, type HookOutcome } from './outcome.js';
import { newLockToken, type BuilderRequest } from './preCompact.js';
import type { HookSettings } from './settings.js';

export interface ProactiveContext {
  home: string;
  settings: HookSettings;
  startBuilder: (request: BuilderRequest) => number;
  world?: LockWorld;
  newToken?: () => string;
  /** The agent's environment (the hook inherits it): Claude Code's own auto-compact window setting. */
  env?: NodeJS.ProcessEnv;
}

/**
 * `CLAUDE_CODE_AUTO_COMPACT_WINDOW` sets the window Claude Code compacts against (at least 100k tokens);
 * when it is set, the threshold is a share of that window, as the agent's own compaction is.
 */
export function autoCompactWindow(env: NodeJS.ProcessEnv): number | undefined {
  const value = Number(env.CLAUDE_CODE_AUTO_COMPACT_WINDOW);
  return Number.isFinite(value) && value >= 100_000 ? value : undefined;
}

const TAIL_BYTES = 512 * 1024;
/** Past this much new log since the last proactive build, a compaction is looked for in the last part only. */
const SCAN_LIMIT = 32 * 1024 * 1024;

interface Marker {
  /** Log size when the proactive build started. */
  bytes: number;
  usedTokens: number;
  at: string;
}

const markerPath = (home: string, sessionId: string) => join(homePaths(home).state, 'proactive', `${sessionId}.json`);

export function proactiveCheck(input: HookInput, context: ProactiveContext): HookOutcome {
  if (!context.settings.proactive) return silentSuccess;
  const sessionId = safeSessionId(input.session_id);
  const workspace = input.cwd;
  const logPath = input.transcript_path ? sessionLog(input.transcript_path, sessionId) : undefined;
  if (!sessionId || !workspace || !logPath) return silentSuccess;
  const { tail, size } = readTail(logPath);
  const usage = contextUsageFromTail(tail, autoCompactWindow(context.env ?? process.env));
  if (!usage || usage.fraction < context.settings.proactiveThreshold) return silentSuccess;
  if (alreadyBuiltForThisFill(context.home, sessionId, logPath, size)) return silentSuccess;

  const world = context.world ?? realLockWorld;
  const token = (context.newToken ?? newLockToken)();
  const path = lockFile(context.home, sessionId);
  const record: LockRecord = { pid: process.pid, startedAt: new Date(world.now()).toISOString(), ttlMs: context.settings.lockTtlMs, host: world.host, token };
  // A build already running (a compaction's) serves as well: nothing to add.
  if (!acquireLock(path, record, world).acquired) return silentSuccess;
  try {
    updateLock(path, { ...record, pid: context.startBuilder({ sessionId, logPath, workspace, token, trigger: 'proactive' }) });
  } catch (error) {
    releaseLock(path, token);
    return softFailure('stop', `proactive handover not started: ${(error as Error).message}`);
  }
  writeMarker(context.home, sessionId, { bytes: size, usedTokens: usage.usedTokens, at: new Date(world.now()).toISOString() });
  const promptPath = join(workspace, HANDOVER_DIR, sessionId, HANDOVER_FILES.prompt);
  return { stdout: JSON.stringify({ systemMessage: readyMessage(usage, promptPath) }) + '\n', exitCode: 0 };
}

export function readyMessage(usage: ContextUsage, promptPath: string): string {
  const percent = Math.round(usage.fraction * 100);
  return (
    `Handover: the context is ${percent}% full (${usage.usedTokens.toLocaleString('en-US')} of ${usage.windowTokens.toLocaleString('en-US')} tokens). ` +
    `A fresh session is being prepared from this one before any compaction: ${promptPath}. ` +
    'Switch to it with `handover resume` (or the Handover sidebar) and nothing is lost to a summary.'
  );
}

/** The log named after the session beside the given one wins (transcript_path can stay on an older file). */
function sessionLog(given: string, sessionId: string | undefined): string | undefined {
  const named = sessionId ? join(dirname(given), `${sessionId}.jsonl`) : given;
  for (const candidate of [named, given]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Next candidate.
    }
  }
  return undefined;
}

function readTail(path: string): { tail: string; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, size - length);
    // The first line may be cut: the parser skips what does not start a record.
    return { tail: buffer.toString('utf8', 0, read), size };
  } finally {
    closeSync(fd);
  }
}

/** True when a proactive build was already started for the context as it is now (no compaction since). */
function alreadyBuiltForThisFill(home: string, sessionId: string, logPath: string, size: number): boolean {
  let marker: Marker;
  try {
    marker = JSON.parse(readFileSync(markerPath(home, sessionId), 'utf8')) as Marker;
  } catch {
    return false;
  }
  if (typeof marker.bytes !== 'number' || marker.bytes > size) return false;
  const from = Math.max(marker.bytes, size - SCAN_LIMIT);
  const fd = openSync(logPath, 'r');
  try {
    const buffer = Buffer.alloc(size - from);
    readSync(fd, buffer, 0, buffer.length, from);
    return !buffer.includes('"compact_boundary"') && !buffer.includes('"type":"compacted"');
  } finally {
    closeSync(fd);
  }
}

function writeMarker(home: string, sessionId: string, marker: Marker): void {
  const path = markerPath(home, sessionId);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(marker) + '\n');
}
