// The per-session write lock: `$HANDOVER_HOME/locks/<session-id>` exists while a handover is built.
// PreToolUse denies edits while it is held. A lock whose builder died, or that is older than its TTL,
// is stale: it never blocks anything and the next pre-compact replaces it, so a crash cannot leave a
// session unable to edit. Synchronous on purpose: the hooks run it on their hot path.
//
// Locks never lie (issue 12): a lock is created whole or not at all (written to a temp file and linked
// into place, so a full disk cannot leave an empty lock); a lock counts as held at most the configured
// TTL, whatever its own record claims (a huge TTL, a start in the future); a lock that cannot be read (a
// FIFO, a device, garbage) is stale; and replacing a stale lock is serialized, so of many racing
// pre-compacts exactly one starts a builder.
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { READ_LIMITS, readFileSafeSync } from '../util/safeRead.js';
import { DEFAULT_LOCK_TTL_MS } from './settings.js';

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
  { state: 'free' } | { state: 'held'; record?: LockRecord } | { state: 'stale'; record?: LockRecord; why: 'builder exited' | 'past its TTL' | 'unreadable' };

let cachedHost: string | undefined;

/** The real clock, host and process table. The host name is looked up (node:os loaded) only when needed. */
export const realLockWorld: LockWorld = {
  now: Date.now,
  get host() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the hooks' start-up time is budgeted
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

// A clock may run a little ahead of another: a start up to this far in the future is taken as now.
const CLOCK_SKEW_MS = 60_000;
// Replacing a stale lock takes a few milliseconds; a takeover marker older than this was left by a crash.
const TAKEOVER_STALE_MS = 10_000;

/** The lock file's text, or undefined when it is not a small regular file we can read. */
function readLockText(path: string): string | undefined {
  return readFileSafeSync(path, { maxBytes: READ_LIMITS.lock, timeoutMs: 1_000 }).toString('utf8');
}

/**
 * Reads a lock file and judges it: free (no file), held, or stale (and why). `maxTtlMs` is the configured
 * TTL: no lock is held longer than that, whatever TTL its record names.
 */
export function inspectLock(path: string, world: LockWorld = realLockWorld, maxTtlMs = DEFAULT_LOCK_TTL_MS): LockState {
  let text: string | undefined;
  try {
    text = readLockText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return { state: 'free' };
    return { state: 'stale', why: 'unreadable' };
  }
  const record = text === undefined ? undefined : parseLockRecord(text);
  // Locks are written whole (see acquireLock): one we cannot parse was never ours to honour.
  if (!record) return { state: 'stale', why: 'unreadable' };
  return { ...judge(record, world, maxTtlMs), record } as LockState;
}

function judge(record: LockRecord, world: LockWorld, maxTtlMs: number): { state: 'held' } | { state: 'stale'; why: 'builder exited' | 'past its TTL' } {
  const started = Date.parse(record.startedAt);
  const now = world.now();
  const ttl = Math.min(record.ttlMs, maxTtlMs);
  // A start further in the future than clock skew explains is a lie: such a lock is not honoured.
  if (!Number.isFinite(started) || !(ttl >= 0) || started > now + CLOCK_SKEW_MS || now - Math.min(started, now) > ttl)
    return { state: 'stale', why: 'past its TTL' };
  // A pid from another machine (a shared home folder) cannot be checked here: the TTL decides.
  if (record.host === world.host && !world.isAlive(record.pid)) return { state: 'stale', why: 'builder exited' };
  return { state: 'held' };
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
 * Creates the lock whole: the record is written to a temp file that is then hard-linked into place
 * (link fails with EEXIST when a lock exists, and a write that fails — a full disk — leaves no lock).
 * An existing live lock wins. A stale one is replaced under a takeover marker (created with 'wx'), so
 * of many hooks that all saw it stale only one removes it and creates the next lock; the others find
 * the new lock held.
 */
export function acquireLock(path: string, record: LockRecord, world: LockWorld = realLockWorld): AcquireResult {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const temp = aux(path, `new-${process.pid}-${record.token}`);
  writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
  try {
    if (linkInPlace(temp, path)) return { acquired: true };
    const existing = inspectLock(path, world, record.ttlMs);
    if (existing.state !== 'stale') return existing.state === 'held' ? { acquired: false, holder: existing } : retryOnce(temp, path, world, record);
    const takeover = aux(path, 'takeover');
    if (!createMarker(takeover)) return { acquired: false, holder: { state: 'held' } };
    try {
      // Judged again under the marker: another hook may have replaced it since.
      const again = inspectLock(path, world, record.ttlMs);
      if (again.state === 'held') return { acquired: false, holder: again };
      if (again.state === 'stale') removeAside(path);
      if (linkInPlace(temp, path)) return { acquired: true, replaced: existing };
      return { acquired: false, holder: inspectLock(path, world, record.ttlMs) };
    } finally {
      unlinkQuietly(takeover);
    }
  } finally {
    unlinkQuietly(temp);
  }
}

/** The lock vanished between link and inspect: one more try. */
function retryOnce(temp: string, path: string, world: LockWorld, record: LockRecord): AcquireResult {
  if (linkInPlace(temp, path)) return { acquired: true };
  return { acquired: false, holder: inspectLock(path, world, record.ttlMs) };
}

function linkInPlace(temp: string, path: string): boolean {
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Creates the takeover marker; a marker left by a crashed hook (old) is removed first. */
function createMarker(marker: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(marker, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = (() => {
      try {
        return Date.now() - lstatSync(marker).mtimeMs;
      } catch {
        return Infinity;
      }
    })();
    if (age <= TAKEOVER_STALE_MS) return false;
    removeAside(marker);
  }
  return false;
}

/** Removes a file by renaming it aside first (atomic: of two racing removers only one moves it). */
function removeAside(path: string): void {
  const aside = aux(path, `stale-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    renameSync(path, aside);
    unlinkSync(aside);
  } catch {
    // Someone else moved it first.
  }
}

/** A helper file beside a lock: hidden (a leading dot), so nobody takes it for a lock. */
function aux(path: string, what: string): string {
  return join(dirname(path), `.${basename(path)}.${what}`);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Replaces the record of a lock we hold (the builder's pid once it is spawned). Written beside it and
 * renamed over it, so a reader never sees half a record; skipped if the lock is no longer ours.
 */
export function updateLock(path: string, record: LockRecord): boolean {
  const current = readRecord(path);
  if (!current || current.token !== record.token) return false;
  const temp = aux(path, `update-${process.pid}`);
  writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
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
    const text = readLockText(path);
    return text === undefined ? undefined : parseLockRecord(text);
  } catch {
    return undefined;
  }
}
