// Lists the handovers of a workspace, newest first, with their verification state.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { verifyHandover } from './sign.js';

export interface HandoverEntry {
  sessionId: string;
  dir: string;
  promptPath: string;
  mtimeMs: number;
  verified: boolean;
  reason?: string;
}

export interface ListOptions {
  /** Verify only the newest this many (and `alsoVerify`): a workspace may hold thousands. */
  verifyNewest?: number;
  /** A session whose handover is verified wherever it sits in the order. */
  alsoVerify?: string;
}

export async function listHandovers(workspace: string, home: string, options: ListOptions = {}): Promise<HandoverEntry[]> {
  const root = join(workspace, HANDOVER_DIR);
  // A symlinked .handover (or .handover/<sid>) leads out of the workspace: nothing there is ours.
  const rootInfo = await lstat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) return [];
  const names = await readdir(root).catch(() => [] as string[]);
  const found: Omit<HandoverEntry, 'verified'>[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const dir = join(root, name);
    if (!(await lstat(dir).catch(() => undefined))?.isDirectory()) continue;
    const promptPath = join(dir, HANDOVER_FILES.prompt);
    const info = await lstat(promptPath).catch(() => undefined);
    if (!info?.isFile()) continue;
    found.push({ sessionId: name, dir, promptPath, mtimeMs: info.mtimeMs });
  }
  found.sort((a, b) => b.mtimeMs - a.mtimeMs);
  const entries: HandoverEntry[] = [];
  for (const [index, entry] of found.entries()) {
    if (options.verifyNewest !== undefined && index >= options.verifyNewest && entry.sessionId !== options.alsoVerify) {
      entries.push({ ...entry, verified: false, reason: `not checked (only the newest ${options.verifyNewest} are)` });
      continue;
    }
    const verdict = await verifyHandover(entry.dir, home);
    entries.push({ ...entry, verified: verdict.ok, reason: verdict.ok ? undefined : verdict.reason });
  }
  return entries;
}
