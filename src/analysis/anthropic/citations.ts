// A model's finding is only as good as its citations. Each citation must name a line that exists and
// that, with its neighbours, contains the finding's key terms (or the quoted excerpt). Citations that do
// not hold are dropped; a finding left with none is dropped.
import type { AnalystName, Citation, Finding } from '../../shared/handoverData.js';
import { redactSecrets } from '../../util/redact.js';
import type { LogSource } from './logTable.js';

/** Lines either side of the cited one that still count as "near" (a tool call and its result, say). */
export const CITATION_WINDOW = 1;
const MAX_FINDINGS = 12;
const MAX_TITLE = 200;
const MAX_DETAIL = 1200;

const STOP_WORDS = new Set(
  'about above after again against also because been before being below between both cannot could does doing down during each from further have having here into itself just more most must once only other over same should some such than that their theirs them then there these they this those through under until very were what when where which while will with would your the and for are but not you all any can had her was one our out use used using tried instead error errors failed fails failure file files line lines session user agent model command commands decided decision because rejected approach'.split(
    ' ',
  ),
);

export interface ReportedFinding {
  title: string;
  detail: string;
  citations: { line: number; quote?: string }[];
  importance?: number;
  /** Errors: whether a later run of the same command, test file or target passed. */
  status?: 'resolved' | 'unresolved';
}

export class InvalidReportError extends Error {}

/** Checks the shape of report_findings input; throws InvalidReportError when it is not usable at all. */
export function parseReport(input: unknown): ReportedFinding[] {
  const findings = (input as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw new InvalidReportError('report_findings input has no findings array');
  const out: ReportedFinding[] = [];
  for (const raw of findings) {
    if (!raw || typeof raw !== 'object') continue;
    const f = raw as Record<string, unknown>;
    if (typeof f.title !== 'string' || !f.title.trim() || !Array.isArray(f.citations)) continue;
    const citations = f.citations
      .map((c) => (typeof c === 'number' ? { line: c } : (c as { line?: unknown; quote?: unknown })))
      .filter((c) => c && Number.isInteger(Number(c.line)))
      .map((c) => ({ line: Number(c.line), ...(typeof c.quote === 'string' && c.quote.trim() ? { quote: c.quote } : {}) }));
    const status = f.status === 'resolved' || f.status === 'unresolved' ? f.status : undefined;
    out.push({
      title: f.title,
      detail: typeof f.detail === 'string' ? f.detail : '',
      citations,
      importance: typeof f.importance === 'number' ? f.importance : undefined,
      ...(status ? { status } : {}),
    });
  }
  if (findings.length > 0 && out.length === 0) throw new InvalidReportError('no finding in report_findings has the required fields');
  return out;
}

/** Distinctive terms: identifiers, paths, numbers, words of 4+ letters that are not filler. */
export function keyTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z0-9_][A-Za-z0-9_./:@-]*[A-Za-z0-9_]/g)) {
    const term = match[0].toLowerCase();
    if (STOP_WORDS.has(term)) continue;
    if (/^\d+$/.test(term) ? term.length < 2 : term.length < 4) continue;
    terms.add(term);
  }
  return [...terms];
}

/** Case-insensitive text of a line and its neighbours, as the tools show it, with JSON escapes undone. */
async function nearText(log: LogSource, line: number): Promise<string> {
  const parts: string[] = [];
  const from = Math.max(1, line - CITATION_WINDOW);
  const to = Math.min(log.lineCount, line + CITATION_WINDOW);
  const bare: number[] = [];
  for (let l = from; l <= to; l++) {
    const events = log.eventsOnLine(l);
    if (events.length === 0) bare.push(l);
    for (const e of events) parts.push(e.toolName ?? '', e.text);
  }
  if (bare.length > 0) for (const raw of await log.rawLines(bare[0], bare[bare.length - 1], 64 * 1024)) if (bare.includes(raw.line)) parts.push(raw.text);
  return parts.join('\n').toLowerCase();
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A citation holds when its line exists and either its quote occurs near it, or at least two of the
 * finding's key terms (all of them, when it has fewer than two) do.
 */
export async function citationHolds(log: LogSource, finding: ReportedFinding, citation: { line: number; quote?: string }): Promise<boolean> {
  if (!Number.isInteger(citation.line) || citation.line < 1 || citation.line > log.lineCount) return false;
  const text = await nearText(log, citation.line);
  if (!text) return false;
  const flat = normalise(text);
  const terms = keyTerms(`${finding.title} ${finding.detail}`);
  const found = terms.filter((t) => flat.includes(t)).length;
  const needed = Math.min(2, terms.length);
  if (citation.quote) {
    const quote = normalise(citation.quote);
    if (quote.length >= 8 && flat.includes(quote)) return found >= 1 || terms.length === 0;
  }
  return needed > 0 && found >= needed;
}

export interface ValidationOutcome {
  findings: Finding[];
  droppedFindings: number;
  droppedCitations: number;
}

/** Keeps the citations that hold (with the record uuid from the log), drops findings left with none, redacts. */
export async function validateFindings(log: LogSource, analyst: AnalystName, reported: ReportedFinding[]): Promise<ValidationOutcome> {
  const findings: Finding[] = [];
  let droppedFindings = 0;
  let droppedCitations = 0;
  for (const [rank, f] of reported.entries()) {
    if (findings.length >= MAX_FINDINGS) {
      droppedFindings++;
      continue;
    }
    const citations: Citation[] = [];
    const seen = new Set<number>();
    for (const c of f.citations) {
      if (seen.has(c.line)) continue;
      seen.add(c.line);
      if (await citationHolds(log, f, c)) {
        const uuid = log.eventsOnLine(c.line).find((e) => e.uuid)?.uuid;
        citations.push({ line: c.line, ...(uuid ? { uuid } : {}) });
      } else droppedCitations++;
    }
    if (citations.length === 0) {
      droppedFindings++;
      continue;
    }
    const importance = Math.min(5, Math.max(1, Math.round(f.importance ?? 3)));
    findings.push({
      analyst,
      title: redactSecrets(f.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE)),
      detail: redactSecrets(f.detail.trim().slice(0, MAX_DETAIL)),
      citations,
      source: 'model',
      ...(analyst === 'errors' && f.status ? { status: f.status } : {}),
      // On the offline analyzer's scale (about 3–12): importance first, then the model's own order.
      score: Math.round((5 + importance * 1.5 - Math.min(9, rank) / 20) * 100) / 100,
    });
  }
  return { findings, droppedFindings, droppedCitations };
}
