// HandoverRecord → the flat views the sidebar shows (the webview protocol's types). Only presentation
// lives here: what a record means (its agent, title, citations) is in handover/handoverRecord.ts. Every
// field is coerced to the type the protocol promises and cut to a size the webview can show.
import type { CheckView, FindingView, HandoverDetailView, HandoverListEntry, ThreadStepView } from '../shared/webviewProtocol.js';
import { asArray, asCount, asLine, asObject, asString } from '../shared/looseJson.js';
import { isSeedPrompt } from '../handover/seedPrompt.js';
import { handoverAgent, handoverCreatedAt, handoverTitle, type HandoverRecord } from '../handover/handoverRecord.js';

export function toListEntry(record: HandoverRecord, resumed: boolean): HandoverListEntry {
  return {
    id: record.id,
    folder: record.folder,
    createdAt: handoverCreatedAt(record),
    agent: handoverAgent(record),
    verified: record.verified,
    resumed,
    title: handoverTitle(record),
    threadId: asString(asObject(asArray(asObject(record.data).chain)[0]).handoverId, 128) || record.id,
  };
}

/**
 * The chain of `record`, oldest first, from the `chain` list its handover.json keeps; the other
 * handovers the sidebar knows (`known`) fill in titles and counts, a missing one shows as gone.
 */
export function toThread(record: HandoverRecord, known: HandoverRecord[], depth = 0): ThreadStepView[] {
  const chainOf = (r: HandoverRecord) => asArray(asObject(r.data).chain).map((l) => asString(asObject(l).handoverId, 128));
  const links = asArray(asObject(record.data).chain)
    .map(asObject)
    .filter((l) => asString(l.handoverId, 128) !== '');
  // The newest chain that names this handover holds it and everything after it (or it starts one).
  const longer = known
    .filter((k) => k.folder === record.folder && k.id !== record.id && chainOf(k).includes(record.id))
    .sort((a, b) => chainOf(b).length - chainOf(a).length)[0];
  // handover.json may come from anywhere: a chain that loops is followed once, not forever.
  if (longer && depth < 2) return toThread(longer, known, depth + 1);
  if (links.length === 0) return [];
  const byId = new Map(known.filter((k) => k.folder === record.folder).map((k) => [k.id, k]));
  const step = (id: string, r: HandoverRecord | undefined, createdAt: string): ThreadStepView => {
    const carried = asObject(asObject(r?.data).carried);
    return {
      id,
      createdAt: r ? handoverCreatedAt(r) : createdAt,
      title: r ? handoverTitle(r) : id,
      carried: asArray(carried.items).length,
      settled: asArray(carried.resolved).length,
      present: r !== undefined,
    };
  };
  const steps = links.slice(0, 200).map((l) => step(asString(l.handoverId, 128), byId.get(asString(l.handoverId, 128)), asString(l.createdAt, 64)));
  steps.push(step(record.id, record, handoverCreatedAt(record)));
  return steps;
}

function toFinding(value: unknown): FindingView {
  const f = asObject(value);
  return {
    analyst: asString(f.analyst, 32) || 'other',
    title: asString(f.title, 2000),
    detail: asString(f.detail, 8000),
    citations: asArray(f.citations)
      .map(asObject)
      .flatMap((c) => {
        const l = asLine(c.line);
        if (l === undefined) return [];
        return [typeof c.file === 'string' ? { line: l, file: c.file.slice(0, 1000) } : { line: l }];
      })
      .slice(0, 20),
    status: f.status === 'resolved' ? 'resolved' : f.status === 'unresolved' ? (asObject(f.wentOnWith).line !== undefined ? 'not-rerun' : 'unresolved') : '',
  };
}

/** Schema 2's computed status: the last outcome of each test/build/lint family (absent in schema 1). */
function toChecks(value: unknown): CheckView[] {
  return asArray(asObject(value).checks)
    .slice(0, 50)
    .map(asObject)
    .flatMap((c) => {
      const l = asLine(c.line);
      const family = asString(c.family, 200);
      if (l === undefined || !family) return [];
      const failing = asArray(c.failingTests)
        .map((t) => asString(t, 200))
        .filter(Boolean);
      return [
        {
          family,
          outcome: c.outcome === 'failing' ? 'failing' : 'passing',
          line: l,
          detail: [failing.slice(0, 6).join('; '), asString(c.distinctive, 400)].filter(Boolean).join(' — '),
        },
      ];
    });
}

/**
 * The summary without its "Began with: …" line when that line only repeats the last request, which the
 * detail shows right above it (a session of one request would show it twice).
 */
export function summaryBesideRequest(summary: string, lastRequest: string): string {
  const [first, ...rest] = summary.split('\n');
  if (!lastRequest || !first.startsWith('Began with: ')) return summary;
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/…$/, '');
  const began = flat(first.slice('Began with: '.length));
  return began.length > 0 && flat(lastRequest).startsWith(began) ? rest.join('\n') : summary;
}

export function toDetailView(record: HandoverRecord, resumed: boolean, known: HandoverRecord[] = []): HandoverDetailView {
  const data = asObject(record.data);
  const summary = asObject(data.summary);
  const stats = asObject(data.stats);
  const log = asObject(data.log);
  // A chained session's seed prompt is no request: the thread shows where it came from instead.
  const lastUserRequest = isSeedPrompt(asString(summary.lastUserRequest)) ? '' : asString(summary.lastUserRequest);
  return {
    ...toListEntry(record, resumed),
    verifyProblem: record.verified ? '' : record.verifyProblem || 'not verified',
    dataProblem: record.dataProblem,
    summary: summaryBesideRequest(asString(summary.text), lastUserRequest),
    compactionSummaries: asArray(summary.compactionSummaries)
      .slice(0, 20)
      .map((c) => asString(c, 40_000))
      .filter((c) => c !== ''),
    lastUserRequest,
    gitBranch: asString(summary.gitBranch, 200),
    findings: asArray(data.findings).slice(0, 200).map(toFinding),
    checks: toChecks(data.status),
    modifiedFiles: asArray(data.modifiedFiles)
      .slice(0, 500)
      .map(asObject)
      .map((m) => ({ path: asString(m.path, 1000), status: asString(m.status, 16) || 'modified', edits: asCount(m.edits) }))
      .filter((m) => m.path !== ''),
    openTasks: asArray(data.openTasks)
      .slice(0, 200)
      .map(asObject)
      .map((t) => ({ content: asString(t.content, 2000), status: asString(t.status, 16) || 'pending' }))
      .filter((t) => t.content !== ''),
    stats: {
      logBytes: asCount(stats.logBytes) || asCount(log.bytes),
      extractBytes: asCount(stats.extractBytes),
      promptBytes: asCount(stats.promptBytes),
      logLines: asCount(log.lines),
      compactionLines: asArray(stats.compactions)
        .map((c) => asLine(asObject(c).line))
        .filter((l): l is number => l !== undefined)
        .slice(0, 500),
    },
    thread: toThread(record, known),
  };
}
