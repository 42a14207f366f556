// Real handovers for the e2e test and the benchmark, made by the real CLI (`handover build`) in a
// staging folder outside the workspace, so the test can then move each one in by rename, the way the
// builder delivers them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeClaudeLog } from './fixtureLogs.mjs';

export const CLI = new URL('../../../dist/cli.js', import.meta.url).pathname;

/** Builds a handover for a generated log; returns { dir, sessionId, data } (dir is in staging). */
/** @param {{ staging: string, home: string, sessionId: string, request: string, files?: string[] }} options */
export function buildStagedHandover({ staging, home, sessionId, request, files }) {
  const stage = join(staging, sessionId);
  mkdirSync(stage, { recursive: true });
  const log = writeClaudeLog(join(stage, `${sessionId}.jsonl`), { sessionId, cwd: stage, request, files });
  const out = execFileSync(process.execPath, [CLI, 'build', log, '--workspace', stage, '--json'], {
    env: { ...process.env, HANDOVER_HOME: home },
    encoding: 'utf8',
  });
  const { dir } = JSON.parse(out);
  return { dir, sessionId, data: JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8')) };
}
