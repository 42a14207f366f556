// handover.json → the flat view model the sidebar shows. handover.json may come from anywhere (a git
// pull, a hand edit), so every field is read defensively and coerced to the type the protocol promises.
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { FindingView, HandoverDetailView, HandoverListEntry } from '../shared/webviewProtocol.js';

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, max = 20_000): string => (typeof v === 'string' ? v.slice(0, max) : '');
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
const line = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 1 ? (v as number) : undefined);

/** What the store knows about one handover folder. */
export interface HandoverRecord {
  folder: string;
  id: string;
  dir: string;
  promptPath: string;
  /** Parsed handover.json, or undefined when missing/unreadable (dataProblem says why). */
  data: unknown;
  dataProblem: string;
  verified: boolean;
  verifyProblem: string;
  /** sha256 of resume-prompt.md as loaded (the signed one when verified): what a launch must hand over. */
  promptSha256?: string;
  /** mtime of resume-prompt.md: the list's order. */
  mtimeMs: number;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

export function toListEntry(record: HandoverRecord, resumed: boolean): HandoverListEntry {
  const data = obj(record.data);
  const summary = obj(data.summary);
  return {
    id: record.id,
    folder: record.folder,
    createdAt: str(data.createdAt, 64) || new Date(record.mtimeMs).toISOString(),
    agent: str(data.agent, 32) || 'claude',
    verified: record.verified,
    resumed,
    title: firstLine(str(summary.lastUserRequest)) || firstLine(str(summary.text)) || record.id,
  };
}

function toFinding(value: unknown): FindingView {
  const f = obj(value);
  return {
    analyst: str(f.analyst, 32) || 'other',
    title: str(f.title, 2000),
    detail: str(f.detail, 8000),
    citations: arr(f.citations)
      .map(obj)
      .flatMap((c) => {
        const l = line(c.line);
        if (l === undefined) return [];
        return [typeof c.file === 'string' ? { line: l, file: c.file.slice(0, 1000) } : { line: l }];
      })
      .slice(0, 20),
  };
}

export function toDetailView(record: HandoverRecord, resumed: boolean): HandoverDetailView {
  const data = obj(record.data);
  const summary = obj(data.summary);
  const stats = obj(data.stats);
  const log = obj(data.log);
  return {
    ...toListEntry(record, resumed),
    verifyProblem: record.verified ? '' : record.verifyProblem || 'not verified',
    dataProblem: record.dataProblem,
    summary: str(summary.text),
    compactionSummaries: arr(summary.compactionSummaries).slice(0, 20).map((c) => str(c, 40_000)).filter((c) => c !== ''),
    lastUserRequest: str(summary.lastUserRequest),
    gitBranch: str(summary.gitBranch, 200),
    findings: arr(data.findings).slice(0, 200).map(toFinding),
    modifiedFiles: arr(data.modifiedFiles)
      .slice(0, 500)
      .map(obj)
      .map((m) => ({ path: str(m.path, 1000), status: str(m.status, 16) || 'modified', edits: count(m.edits) }))
      .filter((m) => m.path !== ''),
    openTasks: arr(data.openTasks)
      .slice(0, 200)
      .map(obj)
      .map((t) => ({ content: str(t.content, 2000), status: str(t.status, 16) || 'pending' }))
      .filter((t) => t.content !== ''),
    stats: {
      logBytes: count(stats.logBytes) || count(log.bytes),
      extractBytes: count(stats.extractBytes),
      promptBytes: count(stats.promptBytes),
      logLines: count(log.lines),
      compactionLines: arr(stats.compactions)
        .map((c) => line(obj(c).line))
        .filter((l): l is number => l !== undefined)
        .slice(0, 500),
    },
  };
}

/**
 * The archived log a citation points into: the citation's own file (a subagent log) or the main log.
 * Only files inside the archive folder qualify: handover.json may come from anywhere, and a citation
 * must not become a way to open arbitrary files.
 */
export function citationTarget(record: HandoverRecord, file: string | undefined, archiveRoot: string): string | undefined {
  const archived = str(obj(obj(record.data).log).archived, 4000);
  if (!archived || !isAbsolute(archived)) return undefined;
  const inside = (path: string, root: string) => path.startsWith(root.endsWith(sep) ? root : root + sep);
  const main = resolve(archived);
  if (!inside(main, resolve(archiveRoot))) return undefined;
  if (!file) return main;
  const base = dirname(main);
  const target = resolve(base, file);
  return inside(target, base) ? target : undefined;
}
