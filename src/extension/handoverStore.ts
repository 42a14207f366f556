// Reads one handover folder from disk: handover.json and the signature verdict. No vscode here, so the
// same code runs in tests.
import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HANDOVER_FILES } from '../shared/handoverData.js';
import { fileSha256, verifyHandover } from '../handover/sign.js';
import { READ_LIMITS, readFileSafe, UnsafeReadError } from '../util/safeRead.js';
import type { HandoverRecord } from './handoverView.js';

export async function loadHandover(folder: string, promptPath: string, home: string): Promise<HandoverRecord | undefined> {
  // lstat: a resume-prompt.md that is a symlink (to /dev/zero, to a file outside) is not a handover.
  const info = await lstat(promptPath).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const dir = dirname(promptPath);
  if (!(await lstat(dir).catch(() => undefined))?.isDirectory()) return undefined;
  let data: unknown;
  let dataProblem = '';
  try {
    data = JSON.parse((await readFileSafe(join(dir, HANDOVER_FILES.data), { maxBytes: READ_LIMITS.handoverFile })).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    dataProblem = code === 'ENOENT' ? 'handover.json is missing' : error instanceof UnsafeReadError ? error.message : 'handover.json is not valid JSON';
  }
  let verified = false;
  let verifyProblem = '';
  let promptSha256: string | undefined;
  try {
    const verdict = await verifyHandover(dir, home);
    verified = verdict.ok;
    verifyProblem = verdict.ok ? '' : (verdict.reason ?? 'signature does not match');
    promptSha256 = verdict.ok ? verdict.promptSha256 : await fileSha256(promptPath);
  } catch (error) {
    verifyProblem = `could not verify: ${(error as Error).message}`;
  }
  return { folder, id: basename(dir), dir, promptPath, data, dataProblem, verified, verifyProblem, promptSha256, mtimeMs: info.mtimeMs };
}

/**
 * A resume-prompt.md that was written in place (not renamed in) may still be growing. Wait until two
 * reads of its size agree. Verified handovers skip this: the signature covers the content.
 */
export async function waitForStableSize(path: string, intervalMs = 150, attempts = 20): Promise<boolean> {
  let last = -1;
  for (let i = 0; i < attempts; i++) {
    const size = (await stat(path).catch(() => undefined))?.size ?? -1;
    if (size >= 0 && size === last) return true;
    last = size;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}
