// Finds the newest agent log of a workspace for "Create Handover Now": Claude Code keeps logs in
// ~/.claude/projects/<cwd with every non-alphanumeric char as '-'>/<session>.jsonl; Codex keeps
// rollouts in ~/.codex/sessions/YYYY/MM/DD/ and names the cwd in the first record (session_meta).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { claudeProjectDir, codexSessionsDir } from '../util/agentHomes.js';
import { isLogFileName, readLogHead } from './zstd.js';

export interface FoundLog {
  path: string;
  agent: 'claude' | 'codex';
  mtimeMs: number;
}

async function newestClaudeLog(dir: string): Promise<FoundLog | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let best: FoundLog | undefined;
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile() && (!best || info.mtimeMs > best.mtimeMs)) best = { path: join(dir, name), agent: 'claude', mtimeMs: info.mtimeMs };
  }
  return best;
}

async function firstLine(path: string, maxBytes = 256 * 1024): Promise<string> {
  const text = (await readLogHead(path, maxBytes)).toString('utf8');
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

/** Newest Codex rollout whose session_meta names this workspace; looks at the newest days first. */
async function newestCodexLog(root: string, workspace: string, maxFiles = 200): Promise<FoundLog | undefined> {
  const sortedDirs = async (dir: string) =>
    (await readdir(dir).catch(() => [] as string[]))
      .filter((n) => /^\d+$/.test(n))
      .sort()
      .reverse();
  let inspected = 0;
  for (const year of await sortedDirs(root)) {
    for (const month of await sortedDirs(join(root, year))) {
      for (const day of await sortedDirs(join(root, year, month))) {
        const dir = join(root, year, month, day);
        const files = (await readdir(dir).catch(() => [] as string[]))
          .filter((n) => n.startsWith('rollout-') && isLogFileName(n))
          .sort()
          .reverse();
        for (const name of files) {
          if (++inspected > maxFiles) return undefined;
          const path = join(dir, name);
          try {
            const record = JSON.parse(await firstLine(path)) as { type?: string; payload?: { cwd?: string } };
            if (record.type === 'session_meta' && record.payload?.cwd === workspace) {
              return { path, agent: 'codex', mtimeMs: (await stat(path)).mtimeMs };
            }
          } catch {
            // Not a rollout we can read: skip it.
          }
        }
      }
    }
  }
  return undefined;
}

export async function findNewestLog(workspace: string, env: NodeJS.ProcessEnv = process.env): Promise<FoundLog | undefined> {
  const [claude, codex] = await Promise.all([newestClaudeLog(claudeProjectDir(workspace, env)), newestCodexLog(codexSessionsDir(env), workspace)]);
  if (claude && codex) return claude.mtimeMs >= codex.mtimeMs ? claude : codex;
  return claude ?? codex;
}
