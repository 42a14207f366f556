// PreCompact: take the session's write lock, start the handover build as a detached process that
// outlives this hook, and return at once (Claude Code waits for us before it compacts). With
// blockCompaction on, the first compaction of a session is blocked: the fresh session seeded with the
// handover replaces it. A one-shot guard lets every later compaction through, so nobody is ever stuck.
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HANDOVER_DIR, type HandoverTrigger } from '../shared/handoverData.js';
import { homePaths } from '../util/handoverHome.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { acquireLock, lockFile, realLockWorld, releaseLock, updateLock, type LockRecord, type LockWorld } from './lock.js';
import { softFailure, type HookOutcome } from './outcome.js';
import type { HookSettings } from './settings.js';
import { isDirectory, isFile } from '../util/fsChecks.js';

export interface BuilderRequest {
  sessionId: string;
  logPath: string;
  workspace: string;
  token: string;
  /** What asked for the build (recorded in handover.json); pre-compact when absent. */
  trigger?: HandoverTrigger;
}

export interface PreCompactContext {
  home: string;
  settings: HookSettings;
  /** Starts the detached builder and returns its pid. */
  startBuilder: (request: BuilderRequest) => number;
  world?: LockWorld;
  newToken?: () => string;
}

export function preCompact(input: HookInput, context: PreCompactContext): HookOutcome {
  const world = context.world ?? realLockWorld;
  const sessionId = safeSessionId(input.session_id);
  if (!sessionId) return softFailure('pre-compact', 'no usable session_id in the hook input; no handover built');
  const logPath = input.transcript_path;
  if (!logPath || !isFile(logPath))
    return softFailure('pre-compact', `transcript ${logPath ? `${logPath} not found` : 'path missing from the hook input'}; no handover built`);
  const workspace = input.cwd;
  if (!workspace || !isDirectory(workspace))
    return softFailure('pre-compact', `workspace ${workspace ?? '(no cwd in the hook input)'} is not a folder; no handover built`);

  const token = (context.newToken ?? newLockToken)();
  const path = lockFile(context.home, sessionId);
  const record: LockRecord = { pid: process.pid, startedAt: new Date(world.now()).toISOString(), ttlMs: context.settings.lockTtlMs, host: world.host, token };
  const taken = acquireLock(path, record, world);
  if (!taken.acquired) {
    const pid = taken.holder.state === 'held' && taken.holder.record ? ` (pid ${taken.holder.record.pid})` : '';
    return softFailure('pre-compact', `a handover of session ${sessionId} is already being built${pid}; not starting another`);
  }

  let builderPid: number;
  try {
    builderPid = context.startBuilder({ sessionId, logPath, workspace, token });
  } catch (error) {
    releaseLock(path, token);
    return softFailure('pre-compact', `cannot start the handover build: ${(error as Error).message}`);
  }
  // From here on the lock names the builder: it stays held exactly as long as the builder lives (or
  // until its TTL). If the builder already finished and released it, this is a no-op.
  updateLock(path, { ...record, pid: builderPid });

  // Only a compaction someone chose (/compact) is held, once; an automatic one is Claude Code recovering
  // room at the context limit, and blocking it fails the user's request (see compactPolicy in the README).
  if (context.settings.blockCompaction && input.trigger === 'manual' && takeBlockGuard(context.home, sessionId)) {
    const dir = join(workspace, HANDOVER_DIR, sessionId);
    return {
      stdout:
        JSON.stringify({
          decision: 'block',
          reason:
            `Handover blocked this compaction: a full handover of this session is being written to ${dir}/resume-prompt.md, ` +
            `and the Handover extension opens a fresh session seeded with it. Continue there. ` +
            `To compact this session anyway, run /compact again: only the first compaction of a session is blocked.`,
        }) + '\n',
      exitCode: 0,
    };
  }
  return { exitCode: 0 };
}

// node:crypto and node:child_process cost tens of milliseconds to load, and this module also sits on
// pre-tool-use's path (same bundle entry): they are required only when a compaction needs them.
export function newLockToken(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required only when a compaction needs it (see above)
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(12).toString('hex');
}

/** True the first time for a session (and creates the guard), false ever after. */
export function takeBlockGuard(home: string, sessionId: string): boolean {
  const dir = join(homePaths(home).state, 'blocked-compaction');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(join(dir, sessionId), new Date().toISOString() + '\n', { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export interface SpawnBuilderOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  /** The runtime running this CLI: node, or VS Code's executable with ELECTRON_RUN_AS_NODE=1 in env. */
  execPath: string;
  cliPath: string;
}

/**
 * Runs `<cli> hook run-build …` detached, in its own process group, with no pipe back to Claude Code
 * (an inherited stdout would keep the hook "running" until the build ends). Its output goes to
 * `$HANDOVER_HOME/logs/build-<session-id>.log`. The environment passes through whole, so under VS Code's
 * runtime ELECTRON_RUN_AS_NODE stays set for the child.
 */
export function spawnBuilder(request: BuilderRequest, options: SpawnBuilderOptions): number {
  const logs = homePaths(options.home).logs;
  mkdirSync(logs, { recursive: true, mode: 0o700 });
  const out = openSync(join(logs, `build-${request.sessionId}.log`), 'a', 0o600);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- required only when a compaction needs it (see newLockToken)
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const child = spawn(
      options.execPath,
      [
        options.cliPath,
        'hook',
        'run-build',
        '--session',
        request.sessionId,
        '--log',
        request.logPath,
        '--workspace',
        request.workspace,
        '--token',
        request.token,
        ...(request.trigger ? ['--trigger', request.trigger] : []),
      ],
      { detached: true, stdio: ['ignore', out, out], env: options.env, cwd: options.home, windowsHide: true },
    );
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined) throw new Error(`could not run ${options.execPath}`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}
