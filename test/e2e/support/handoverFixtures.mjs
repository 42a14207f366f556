// Real handovers for the e2e test and the benchmark, made by the real CLI (`handover build`) in a
// staging folder outside the workspace, so the test can then move each one in by rename, the way the
// builder delivers them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeClaudeLog } from './fixtureLogs.mjs';

export const CLI = new URL('../../../dist/cli.js', import.meta.url).pathname;

/**
 * Builds a handover for a generated log; returns { dir, sessionId, data } (dir is in staging). A signature
 * binds the workspace a handover is for (issue 12), so the staged one is signed, with this machine's key,
 * for the workspace it will be moved into, as the builder does when it writes there itself.
 * @param {{ staging: string, home: string, sessionId: string, request: string, files?: string[], workspace: string }} options
 */
export async function buildStagedHandover({ staging, home, sessionId, request, files, workspace }) {
  const stage = join(staging, sessionId);
  mkdirSync(stage, { recursive: true });
  const log = writeClaudeLog(join(stage, `${sessionId}.jsonl`), { sessionId, cwd: stage, request, files });
  const out = execFileSync(process.execPath, [CLI, 'build', log, '--workspace', stage, '--json'], {
    env: { ...process.env, HANDOVER_HOME: home },
    encoding: 'utf8',
  });
  const { dir } = JSON.parse(out);
  await signForWorkspace({ dir, home, sessionId, workspace });
  return { dir, sessionId, data: JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8')) };
}

/**
 * Re-signs a handover built elsewhere for the workspace it is about to be moved into (this machine's key).
 * @param {{ dir: string, home: string, sessionId: string, workspace: string }} options
 */
export async function signForWorkspace({ dir, home, sessionId, workspace }) {
  const { signHandover } = createRequire(import.meta.url)('../../../dist/test/handoverCore.js');
  const signed = Object.fromEntries(
    ['resume-prompt.md', 'handover.json', 'extract.md'].filter((name) => existsSync(join(dir, name))).map((name) => [name, readFileSync(join(dir, name))]),
  );
  const signature = await signHandover(home, signed, { sessionId, workspace });
  writeFileSync(join(dir, 'signature.json'), JSON.stringify(signature, null, 2) + '\n');
}
