// HandoverRecord → the flat views the sidebar shows (the webview protocol's types). Only presentation
// lives here: what a record means (its agent, title, citations) is in handover/handoverRecord.ts. Every
// field is coerced to the type the protocol promises and cut to a size the webview can show.
import type { CheckView, FindingView, HandoverDetailView, HandoverListEntry } from '../shared/webviewProtocol.js';
import { asArray, asCount, asLine, asObject, asString } from '../shared/looseJson.js';
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
  };
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
    status: f.status === 'resolved' || f.status === 'unresolved' ? f.status : '',
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
      const failing = asArray(c.failingTests).map((t) => asString(t, 200)).filter(Boolean);
      return [{ family, outcome: c.outcome === 'failing' ? 'failing' : 'passing', line: l, detail: [failing.slice(0, 6).join('; '), asString(c.distinctive, 400)].filter(Boolean).join(' — ') }];
    });
}

export function toDetailView(record: HandoverRecord, resumed: boolean): HandoverDetailView {
  const data = asObject(record.data);
  const summary = asObject(data.summary);
  const stats = asObject(data.stats);
  const log = asObject(data.log);
  return {
    ...toListEntry(record, resumed),
    verifyProblem: record.verified ? '' : record.verifyProblem || 'not verified',
    dataProblem: record.dataProblem,
    summary: asString(summary.text),
    compactionSummaries: asArray(summary.compactionSummaries).slice(0, 20).map((c) => asString(c, 40_000)).filter((c) => c !== ''),
    lastUserRequest: asString(summary.lastUserRequest),
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
  };
}
