// The JSON that `handover build --json` and `handover index --json` print: the contract between the CLI
// and the extension, which runs both in a child process. The CLI builds these types; the extension reads
// their stdout only through the parsers below (the last non-empty line, validated whole), so a renamed
// field breaks the typecheck or a unit test, never a guess in the extension.
import type { HandoverData } from './handoverData.js';
import { arrayOf, hasCounts, hasStrings, isLine, isObject, isString } from './looseJson.js';

/** `handover build --json`: the handover written. */
export interface BuildJson {
  promptPath: string;
  dir: string;
  sessionId: string;
  agent: HandoverData['agent'];
  /** The archived copy of the log. */
  archived: string;
  findings: number;
  modifiedFiles: number;
  stats: HandoverData['stats'];
  /** Wall time of the build. */
  ms: number;
}

/** What one index update took in (search/indexer.ts reports it). */
export interface IndexReport {
  filesSeen: number;
  unchanged: number;
  added: number;
  appended: number;
  reindexed: number;
  bytesRead: number;
  unitsAdded: number;
  elapsedMs: number;
  /** One line per log with records that could not be read. */
  problems: string[];
  /** Logs whose records a worker thread read (a big update reads there while the indexer writes). */
  readInWorker?: number;
}

/** `handover index --json`: the report, and where the index is. */
export interface IndexJson extends IndexReport {
  /** The index file and its size. */
  index: string;
  indexBytes: number;
  /** The folders indexed. */
  sources: string[];
}

function lastJsonLine(stdout: string): unknown {
  const line = stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .pop();
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const isCompaction = (v: unknown): v is { line: number; timestamp?: string } =>
  isObject(v) && isLine(v.line) && (v.timestamp === undefined || isString(v.timestamp));

const isBuildStats = (v: unknown): v is HandoverData['stats'] =>
  isObject(v) && hasCounts(v, 'logBytes', 'extractBytes', 'promptBytes', 'droppedByBudget') && arrayOf(v.compactions, isCompaction);

/** The build result in `handover build --json`'s stdout, or undefined when it is not one. */
export function parseBuildJson(stdout: string): BuildJson | undefined {
  const v = lastJsonLine(stdout);
  if (!isObject(v)) return undefined;
  const ok =
    hasStrings(v, 'promptPath', 'dir', 'sessionId', 'archived') &&
    v.promptPath !== '' &&
    (v.agent === 'claude' || v.agent === 'codex') &&
    hasCounts(v, 'findings', 'modifiedFiles', 'ms') &&
    isBuildStats(v.stats);
  return ok ? (v as unknown as BuildJson) : undefined;
}

/** The report in `handover index --json`'s stdout, or undefined when it is not one. */
export function parseIndexJson(stdout: string): IndexJson | undefined {
  const v = lastJsonLine(stdout);
  if (!isObject(v)) return undefined;
  const ok =
    hasCounts(v, 'filesSeen', 'unchanged', 'added', 'appended', 'reindexed', 'bytesRead', 'unitsAdded', 'elapsedMs', 'indexBytes') &&
    isString(v.index) &&
    arrayOf(v.problems, isString) &&
    arrayOf(v.sources, isString);
  return ok ? (v as unknown as IndexJson) : undefined;
}

/** Bytes as megabytes with one decimal: '12.3 MB'. */
export const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** One line for people: what an index update took in (the CLI prints it, the extension logs it). */
export function describeIndexRun(report: Omit<IndexReport, 'problems'>): string {
  return (
    `${report.filesSeen} logs: ${report.added} new, ${report.appended} grown, ${report.reindexed} rewritten, ${report.unchanged} unchanged; ` +
    `read ${megabytes(report.bytesRead)}, added ${report.unitsAdded} records in ${(report.elapsedMs / 1000).toFixed(1)} s`
  );
}
