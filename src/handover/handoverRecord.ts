// One handover on disk, as every reader sees it: the folder, its handover.json (parsed, not trusted) and
// the signature verdict, plus the facts derived from them. The CLI (`resume`), the session-start hook and
// the extension all list and read handovers through here. handover.json may come from anywhere (a git
// pull, a hand edit), so every derived fact is read defensively.
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { asArray, asObject, asString } from '../shared/looseJson.js';
import { isSeedPrompt } from './seedPrompt.js';
import { READ_LIMITS, readFileSafe, UnsafeReadError } from '../util/safeRead.js';
import { fileSha256, verifyHandover } from './sign.js';

export interface HandoverRecord {
  /** The workspace (folder) the handover belongs to. */
  folder: string;
  /** The handover folder's name: the session id. */
  id: string;
  dir: string;
  promptPath: string;
  /** Parsed handover.json, or undefined when missing/unreadable (dataProblem says why). */
  data: unknown;
  dataProblem: string;
  verified: boolean;
  /** Why it is not verified ('' when it is). */
  verifyProblem: string;
  /** sha256 of resume-prompt.md as read (the signed one when verified): what a launch must hand over. */
  promptSha256?: string;
  /** mtime of resume-prompt.md: the lists' order. */
  mtimeMs: number;
}

/** Reads the handover whose resume-prompt.md is `promptPath`; undefined when that file is not there. */
export async function readHandover(folder: string, promptPath: string, home: string, options: { verify?: boolean } = {}): Promise<HandoverRecord | undefined> {
  // lstat: a resume-prompt.md or a handover folder that is a symlink (to /dev/zero, to a file outside
  // the workspace) is not a handover (issue 12).
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
  let verifyProblem: string;
  let promptSha256: string | undefined;
  if (options.verify === false) verifyProblem = 'not checked';
  else {
    try {
      const verdict = await verifyHandover(dir, home);
      verified = verdict.ok;
      verifyProblem = verdict.ok ? '' : (verdict.reason ?? 'signature does not match');
      promptSha256 = verdict.ok ? verdict.promptSha256 : await fileSha256(promptPath);
    } catch (error) {
      verifyProblem = `could not verify: ${(error as Error).message}`;
    }
  }
  return { folder, id: basename(dir), dir, promptPath, data, dataProblem, verified, verifyProblem, promptSha256, mtimeMs: info.mtimeMs };
}

export interface ListOptions {
  /** Verify only the newest this many (and `alsoVerify`): a workspace may hold thousands (issue 12). */
  verifyNewest?: number;
  /** A session whose handover is verified wherever it sits in the order. */
  alsoVerify?: string;
}

/** The handovers in `<workspace>/.handover/`, newest first. */
export async function listHandovers(workspace: string, home: string, options: ListOptions = {}): Promise<HandoverRecord[]> {
  const root = join(workspace, HANDOVER_DIR);
  // A symlinked .handover leads out of the workspace: nothing there is ours.
  if (!(await lstat(root).catch(() => undefined))?.isDirectory()) return [];
  const names = await readdir(root).catch(() => [] as string[]);
  // Newest first by the prompt's mtime, before anything is read or verified.
  const found: { name: string; mtimeMs: number }[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const info = await lstat(join(root, name, HANDOVER_FILES.prompt)).catch(() => undefined);
    if (info?.isFile()) found.push({ name, mtimeMs: info.mtimeMs });
  }
  found.sort((a, b) => b.mtimeMs - a.mtimeMs);
  const records: HandoverRecord[] = [];
  for (const [index, { name }] of found.entries()) {
    const verify = options.verifyNewest === undefined || index < options.verifyNewest || name === options.alsoVerify;
    const record = await readHandover(workspace, join(root, name, HANDOVER_FILES.prompt), home, { verify });
    if (record && !verify) record.verifyProblem = `not checked (only the newest ${options.verifyNewest} are)`;
    if (record) records.push(record);
  }
  return records.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** When it was written: handover.json's createdAt, else the prompt's mtime. */
export function handoverCreatedAt(record: HandoverRecord): string {
  return asString(asObject(record.data).createdAt, 64) || new Date(record.mtimeMs).toISOString();
}

/** The agent whose session it came from ('claude' when handover.json does not say). */
export function handoverAgent(record: HandoverRecord): string {
  return asString(asObject(record.data).agent, 32) || 'claude';
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? ''
  );
}

/**
 * One line naming it: the last user request, else the summary's first line, else the session id. A seed
 * prompt (`… read @.handover/<id>/resume-prompt.md first …`) is how a chained session began, not a request.
 */
export function handoverTitle(record: HandoverRecord): string {
  const summary = asObject(asObject(record.data).summary);
  const request = asString(summary.lastUserRequest);
  if (isSeedPrompt(request)) return continuedTitle(asObject(record.data)) || record.id;
  return firstLine(request) || firstLine(asString(summary.text)) || record.id;
}

/** A session that began with a seed prompt is about the request it carried, else it continues its predecessor. */
function continuedTitle(data: Record<string, unknown>): string {
  const request = asArray(asObject(data.carried).items)
    .map(asObject)
    .find((i) => i.kind === 'request');
  if (request) return `↳ ${firstLine(asString(request.text))}`;
  const previous = asString(asObject(data.previous).handoverId, 128);
  return previous ? `Continued from handover ${previous.slice(0, 8)}` : '';
}

/** Whether handover.json lists `path` among the files the session modified. */
export function listsModifiedFile(record: HandoverRecord, path: string): boolean {
  return asArray(asObject(record.data).modifiedFiles).some((m) => asString(asObject(m).path, 1000) === path);
}

/**
 * The archived log a citation points into: the citation's own file (a subagent log) or the main log.
 * Only files inside the archive folder qualify: handover.json may come from anywhere, and a citation
 * must not become a way to open arbitrary files.
 */
export function citationTarget(record: HandoverRecord, file: string | undefined, archiveRoot: string): string | undefined {
  const archived = asString(asObject(asObject(record.data).log).archived, 4000);
  if (!archived || !isAbsolute(archived)) return undefined;
  const inside = (path: string, root: string) => path.startsWith(root.endsWith(sep) ? root : root + sep);
  const main = resolve(archived);
  if (!inside(main, resolve(archiveRoot))) return undefined;
  if (!file) return main;
  const base = dirname(main);
  const target = resolve(base, file);
  return inside(target, base) ? target : undefined;
}
