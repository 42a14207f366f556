// Lists the handovers of a workspace, newest first, with their verification state.
import { readdir, stat } from 'node:fs/promises';
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

export async function listHandovers(workspace: string, home: string): Promise<HandoverEntry[]> {
  const root = join(workspace, HANDOVER_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const entries: HandoverEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const dir = join(root, name);
    const promptPath = join(dir, HANDOVER_FILES.prompt);
    const info = await stat(promptPath).catch(() => undefined);
    if (!info?.isFile()) continue;
    const verdict = await verifyHandover(dir, home);
    entries.push({ sessionId: name, dir, promptPath, mtimeMs: info.mtimeMs, verified: verdict.ok, reason: verdict.ok ? undefined : verdict.reason });
  }
  return entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
