// Where a readable record view points: a log file and a 1-based line, carried in the query of a
// `handover-record:` URI whose path is the tab title (`<session short id>:<line>`). No vscode here.
import { basename } from 'node:path';

export const RECORD_SCHEME = 'handover-record';

export interface RecordLocation {
  file: string;
  line: number;
}

/** The tab title: the session's short id (or the log's name) and the line. */
export function recordTitle(location: RecordLocation, sessionId?: string): string {
  const id = (sessionId || basename(location.file).replace(/\.jsonl$/, '')).slice(0, 8);
  return `${id.replace(/[/\\?#]/g, '_')}:${location.line}`;
}

export function recordQuery(location: RecordLocation): string {
  return new URLSearchParams({ file: location.file, line: String(location.line) }).toString();
}

/** Undefined unless the query names an absolute file and a positive line. */
export function parseRecordQuery(query: string): RecordLocation | undefined {
  const params = new URLSearchParams(query);
  const file = params.get('file') ?? '';
  const line = Number(params.get('line'));
  if (!file.startsWith('/') || !Number.isInteger(line) || line < 1) return undefined;
  return { file, line };
}

export const RAW_LOG_HINT = 'run "Handover: Open Raw Log Here" to open it';

/** The document: where the raw record is, then `handover show`'s readable text (or why there is none). */
export function recordDocumentText(location: RecordLocation, show: { code: number; stdout: string; problem: string }): string {
  const head = `Raw log: ${location.file}:${location.line}  (${RAW_LOG_HINT})\n\n`;
  if (show.code === 0 && show.stdout.trim()) return head + show.stdout;
  return `${head}This record cannot be shown readably: ${show.problem}\n`;
}

/** Whether a document made by recordDocumentText holds the readable record (not the failure note). */
export function isReadableRecordText(text: string): boolean {
  return !(text.split('\n')[2] ?? '').startsWith('This record cannot be shown readably: ');
}
