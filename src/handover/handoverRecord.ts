// One handover on disk, as every reader sees it: the folder, its handover.json (parsed, not trusted) and
// the signature verdict, plus the facts derived from them. The CLI (`resume`), the session-start hook and
// the extension all list and read handovers through here. handover.json may come from anywhere (a git
// pull, a hand edit), so every derived fact is read defensively.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { asArray, asObject, asString } from '../shared/looseJson.js';
import { verifyHandover } from './sign.js';

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
  /** mtime of resume-prompt.md: the lists' order. */
  mtimeMs: number;
}

/** Reads the handover whose resume-prompt.md is `promptPath`; undefined when that file is not there. */
export async function readHandover(folder: string, promptPath: string, home: string): Promise<HandoverRecord | undefined> {
  const info = await stat(promptPath).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const dir = dirname(promptPath);
  let data: unknown;
  let dataProblem = '';
  try {
    data = JSON.parse(await readFile(join(dir, HANDOVER_FILES.data), 'utf8'));
  } catch (error) {
    dataProblem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'handover.json is missing' : 'handover.json is not valid JSON';
  }
  let verified: boolean;
  let verifyProblem: string;
  try {
    const verdict = await verifyHandover(dir, home);
    verified = verdict.ok;
    verifyProblem = verdict.ok ? '' : (verdict.reason ?? 'signature does not match');
  } catch (error) {
    verified = false;
    verifyProblem = `could not verify: ${(error as Error).message}`;
  }
  return { folder, id: basename(dir), dir, promptPath, data, dataProblem, verified, verifyProblem, mtimeMs: info.mtimeMs };
}

/** The handovers in `<workspace>/.handover/`, newest first. */
export async function listHandovers(workspace: string, home: string): Promise<HandoverRecord[]> {
  const root = join(workspace, HANDOVER_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const records: HandoverRecord[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const record = await readHandover(workspace, join(root, name, HANDOVER_FILES.prompt), home);
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
  return text.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

/** One line naming it: the last user request, else the summary's first line, else the session id. */
export function handoverTitle(record: HandoverRecord): string {
  const summary = asObject(asObject(record.data).summary);
  return firstLine(asString(summary.lastUserRequest)) || firstLine(asString(summary.text)) || record.id;
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
