// Launch records: when the extension or `handover resume` starts an agent on a handover, it notes which
// handover, where and when, in `$HANDOVER_HOME/state/launches/`. The seed prompt in the new session's
// log is the main evidence of a chain link; a launch record stands in when the log has none (an agent
// command that does not pass the prompt on), matched by workspace, agent and start time.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AgentKind } from '../shared/handoverData.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { homePaths } from '../util/handoverHome.js';
import { isSafeSessionId } from '../util/sessionId.js';

export interface LaunchRecord {
  handoverId: string;
  workspace: string;
  agent: AgentKind;
  launchedAt: string;
  /** Who started it: 'extension' or 'cli'. */
  by: string;
  /** The session that was linked through it: one launch starts one session. */
  claimedBy?: string;
}

/** A launch record and the file it lives in. */
export interface FoundLaunch extends LaunchRecord {
  file: string;
}

/** A session that began more than this long after the launch is not the one launched. */
export const LAUNCH_MATCH_MS = 120_000;
/** Records older than this are removed when a new one is written. */
const KEEP_MS = 7 * 24 * 3600_000;

const launchesDir = (home: string) => join(homePaths(home).state, 'launches');

export async function recordLaunch(home: string, record: Omit<LaunchRecord, 'launchedAt'>, now: Date = new Date()): Promise<void> {
  if (!isSafeSessionId(record.handoverId)) return;
  const dir = launchesDir(home);
  await mkdir(dir, { recursive: true });
  const full: LaunchRecord = { ...record, launchedAt: now.toISOString() };
  await writeFileAtomic(join(dir, `${now.getTime()}-${randomBytes(3).toString('hex')}.json`), JSON.stringify(full) + '\n');
  // Old records only cost a directory listing; keep the folder small anyway.
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const at = Number(/^(\d+)-[0-9a-f]+\.json$/.exec(name)?.[1]);
    if (Number.isFinite(at) && now.getTime() - at > KEEP_MS) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

/**
 * The newest launch in `workspace` for `agent` at most LAUNCH_MATCH_MS before the session began, not
 * claimed by another session (`sessionId`: the session asking; its own claim still counts).
 */
export async function findLaunch(
  home: string,
  workspace: string,
  agent: AgentKind,
  sessionStart: string | undefined,
  sessionId?: string,
): Promise<FoundLaunch | undefined> {
  const start = sessionStart ? Date.parse(sessionStart) : NaN;
  if (!Number.isFinite(start)) return undefined;
  const dir = launchesDir(home);
  let best: FoundLaunch | undefined;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!/^\d+-[0-9a-f]+\.json$/.test(name)) continue;
    const at = Number(name.split('-')[0]);
    if (at > start + 5_000 || start - at > LAUNCH_MATCH_MS) continue;
    try {
      const record = JSON.parse(await readFile(join(dir, name), 'utf8')) as LaunchRecord;
      if (record.workspace !== workspace || record.agent !== agent || !isSafeSessionId(record.handoverId)) continue;
      if (record.claimedBy && record.claimedBy !== sessionId) continue;
      if (!best || Date.parse(record.launchedAt) > Date.parse(best.launchedAt)) best = { ...record, file: join(dir, name) };
    } catch {
      // A record being written or broken: not evidence.
    }
  }
  return best;
}

/** Marks the launch as the start of `sessionId`, so no other session is linked through it. */
export async function claimLaunch(launch: FoundLaunch, sessionId: string): Promise<void> {
  const { file, ...record } = launch;
  if (record.claimedBy === sessionId) return;
  await writeFileAtomic(file, JSON.stringify({ ...record, claimedBy: sessionId }) + '\n').catch(() => undefined);
}
