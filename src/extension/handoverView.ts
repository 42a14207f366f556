// handover.json → the flat view model the sidebar shows. handover.json may come from anywhere (a git
// pull, a hand edit), so every field is read defensively and coerced to the type the protocol promises.
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { FindingView, HandoverDetailView, HandoverListEntry, ThreadStepView } from '../shared/webviewProtocol.js';

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
  /** mtime of resume-prompt.md: the list's order. */
  mtimeMs: number;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

export function toListEntry(record: HandoverRecord, resumed: boolean): HandoverListEntry {
  const data = obj(record.data);
  return {
    id: record.id,
    folder: record.folder,
    createdAt: str(data.createdAt, 64) || new Date(record.mtimeMs).toISOString(),
    agent: str(data.agent, 32) || 'claude',
    verified: record.verified,
    resumed,
    title: titleOf(data) || record.id,
    threadId: str(obj(arr(data.chain)[0]).handoverId, 128) || record.id,
  };
}

/** A seed prompt is how a chained session began, not what the user asked: the summary says more. */
function titleOf(data: Loose): string {
  const summary = obj(data.summary);
  const request = firstLine(str(summary.lastUserRequest));
  const seed = /\.handover[\\/][\w-]+[\\/]resume-prompt\.md/.test(request);
  return (seed ? '' : request) || firstLine(str(summary.text));
}

/**
 * The chain of `record`, oldest first, from the `chain` list its handover.json keeps; the other
 * handovers the sidebar knows (`known`) fill in titles and counts, a missing one shows as gone.
 */
export function toThread(record: HandoverRecord, known: HandoverRecord[]): ThreadStepView[] {
  const data = obj(record.data);
  const links = arr(data.chain).map(obj).filter((l) => str(l.handoverId, 128) !== '');
  if (links.length === 0) {
    // The first handover of a chain knows nothing of its successors: find one that names it.
    const successor = known.find((k) => k.folder === record.folder && arr(obj(k.data).chain).some((l) => str(obj(l).handoverId, 128) === record.id));
    return successor ? toThread(successor, known) : [];
  }
  const byId = new Map(known.filter((k) => k.folder === record.folder).map((k) => [k.id, k]));
  const step = (id: string, r: HandoverRecord | undefined, createdAt: string): ThreadStepView => {
    const d = obj(r?.data);
    const carried = obj(d.carried);
    return { id, createdAt: str(d.createdAt, 64) || createdAt, title: r ? titleOf(d) || id : id, carried: arr(carried.items).length, settled: arr(carried.resolved).length, present: r !== undefined };
  };
  const steps = links.slice(0, 200).map((l) => step(str(l.handoverId, 128), byId.get(str(l.handoverId, 128)), str(l.createdAt, 64)));
  steps.push(step(record.id, record, new Date(record.mtimeMs).toISOString()));
  // The selected handover may sit in the middle: its successors follow, the newest chain that names it.
  const longer = known
    .filter((k) => k.folder === record.folder && arr(obj(k.data).chain).some((l) => str(obj(l).handoverId, 128) === record.id))
    .sort((a, b) => arr(obj(b.data).chain).length - arr(obj(a.data).chain).length)[0];
  return longer ? toThread(longer, known) : steps;
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

export function toDetailView(record: HandoverRecord, resumed: boolean, known: HandoverRecord[] = []): HandoverDetailView {
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
    thread: toThread(record, known),
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
