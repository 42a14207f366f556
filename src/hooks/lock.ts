// The per-session write lock: `$HANDOVER_HOME/locks/<session-id>` exists while a handover is built.
// PreToolUse denies edits while it is held. A lock whose builder died, or that is older than its TTL,
// is stale: it never blocks anything and the next pre-compact replaces it, so a crash cannot leave a
// session unable to edit. Synchronous on purpose: the hooks run it on their hot path.
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homePaths } from '../util/handoverHome.js';

export interface LockRecord {
  /** The process building the handover (the detached builder once it runs). */
  pid: number;
  startedAt: string;
  ttlMs: number;
  host: string;
  /** Identifies this acquisition, so a builder only ever releases its own lock. */
  token: string;
}

/** What the lock logic needs from the world, injectable for tests. */
export interface LockWorld {
  now: () => number;
  host: string;
  isAlive: (pid: number) => boolean;
}

export type LockState =
  | { state: 'free' }
  | { state: 'held'; record?: LockRecord }
  | { state: 'stale'; record?: LockRecord; why: 'builder exited' | 'past its TTL' | 'unreadable' };

let cachedHost: string | undefined;

/** The real clock, host and process table. The host name is looked up (node:os loaded) only when needed. */
export const realLockWorld: LockWorld = {
  now: Date.now,
  get host() {
    return (cachedHost ??= (require('node:os') as typeof import('node:os')).hostname());
  },
  isAlive: processIsAlive,
};

export function locksDir(home: string): string {
  return homePaths(home).locks;
}

export function lockFile(home: string, sessionId: string): string {
  return join(locksDir(home), sessionId);
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A builder that died but was not reaped yet (its parent, the hook, is gone and a container's init may
 * never reap) still answers kill(pid, 0). On Linux /proc tells: state Z is dead for our purposes.
 */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return /^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Reads a lock file and judges it: free (no file), held, or stale (and why). */
export function inspectLock(path: string, world: LockWorld = realLockWorld, fallbackTtlMs = 120_000): LockState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    return unreadable(path, world, fallbackTtlMs);
  }
  const record = parseLockRecord(text);
  if (!record) return unreadable(path, world, fallbackTtlMs);
  return { ...judge(record, world), record } as LockState;
}

function judge(record: LockRecord, world: LockWorld): { state: 'held' } | { state: 'stale'; why: 'builder exited' | 'past its TTL' } {
  const started = Date.parse(record.startedAt);
  if (!Number.isFinite(started) || world.now() - started > record.ttlMs) return { state: 'stale', why: 'past its TTL' };
  // A pid from another machine (a shared home folder) cannot be checked here: the TTL decides.
  if (record.host === world.host && !world.isAlive(record.pid)) return { state: 'stale', why: 'builder exited' };
  return { state: 'held' };
}

/**
 * A lock file we cannot parse is most likely one being written this very instant ('wx' creates it
 * empty): it counts as held for a TTL after its mtime, then as stale.
 */
function unreadable(path: string, world: LockWorld, ttlMs: number): LockState {
  try {
    if (world.now() - statSync(path).mtimeMs <= ttlMs) return { state: 'held' };
  } catch {
    return { state: 'free' };
  }
  return { state: 'stale', why: 'unreadable' };
}

export function parseLockRecord(text: string): LockRecord | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockRecord>;
    if (!v || typeof v !== 'object') return undefined;
    if (!Number.isInteger(v.pid) || typeof v.startedAt !== 'string' || typeof v.ttlMs !== 'number' || typeof v.host !== 'string') return undefined;
    return { pid: v.pid as number, startedAt: v.startedAt, ttlMs: v.ttlMs, host: v.host, token: typeof v.token === 'string' ? v.token : '' };
  } catch {
    return undefined;
  }
}

export type AcquireResult = { acquired: true; replaced?: LockState } | { acquired: false; holder: LockState };

/**
 * Creates the lock with 'wx' (fails if it exists). An existing live lock wins; a stale one is moved
 * aside (rename is atomic, so of two racing hooks only one removes it) and creation is retried.
 * Two compactions of one session racing through this in the same millisecond is the one case left
 * unguarded: Claude Code runs one compaction of a session at a time.
 */
export function acquireLock(path: string, record: LockRecord, world: LockWorld = realLockWorld): AcquireResult {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  let replaced: LockState | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(record), { flag: 'wx' });
      return replaced ? { acquired: true, replaced } : { acquired: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = inspectLock(path, world, record.ttlMs);
    if (existing.state === 'held') return { acquired: false, holder: existing };
    if (existing.state === 'stale') {
      replaced = existing;
      const aside = `${path}.stale-${process.pid}-${attempt}`;
      try {
        renameSync(path, aside);
        unlinkSync(aside);
      } catch {
        // Someone else moved it first: just try again.
      }
    }
  }
  return { acquired: false, holder: inspectLock(path, world, record.ttlMs) };
}

/**
 * Replaces the record of a lock we hold (the builder's pid once it is spawned). Written beside it and
 * renamed over it, so a reader never sees half a record; skipped if the lock is no longer ours.
 */
export function updateLock(path: string, record: LockRecord): boolean {
  const current = readRecord(path);
  if (!current || current.token !== record.token) return false;
  const temp = `${path}.update-${process.pid}`;
  writeFileSync(temp, JSON.stringify(record));
  try {
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up.
    }
    throw error;
  }
  return true;
}

/** Removes the lock only if it is still the one `token` acquired: never someone else's. */
export function releaseLock(path: string, token: string): boolean {
  const current = readRecord(path);
  if (!current || current.token !== token) return false;
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

function readRecord(path: string): LockRecord | undefined {
  try {
    return parseLockRecord(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
