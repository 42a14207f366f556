// The messages between the extension host and the sidebar webview: ONE discriminated union per direction,
// shared by both sides, and validated on receipt on both sides (a webview is a browser page: treat what
// it posts as untrusted; the host's messages carry text that came from agent logs).
//
// The host never sends HandoverData itself: it sends a flat view model of strings and numbers, so the
// webview needs no knowledge of the file format and the validator stays small.
import { COMMAND_IDS } from './commandIds.js';
import { arrayOf, hasStrings, isBool, isCount, isLine, isObject, isString, type LooseObject } from './looseJson.js';

export interface HandoverListEntry {
  /** The handover folder's name under `.handover/` (the session id). */
  id: string;
  /** Which workspace folder it belongs to (index into workspace folders), as a stable key with id. */
  folder: string;
  createdAt: string;
  agent: string;
  verified: boolean;
  resumed: boolean;
  /** One line for the list: the last user request, else the summary's first line. */
  title: string;
  /** The chain this handover belongs to (its first handover's id; its own id when it starts none). */
  threadId: string;
}

/** One handover of a chain, for the thread view: oldest first, the selected one included. */
export interface ThreadStepView {
  id: string;
  createdAt: string;
  title: string;
  /** Items carried into it from earlier sessions, and how many of those it settled. */
  carried: number;
  settled: number;
  /** False when its folder is gone (known only from the chain its successors keep). */
  present: boolean;
}

export interface FindingView {
  analyst: string;
  title: string;
  detail: string;
  citations: { line: number; file?: string }[];
  /** Errors: 'resolved', 'unresolved' or 'not-rerun' (unresolved, never run again, the session went on); empty otherwise. */
  status: string;
}

/** The last outcome of one test/build/lint command family ("Where things stand"). */
export interface CheckView {
  family: string;
  outcome: string;
  line: number;
  /** Failing test names or the distinctive line; empty when passing. */
  detail: string;
}

export interface HandoverDetailView extends HandoverListEntry {
  /** Why it is not verified (shown as a warning). Empty when verified. */
  verifyProblem: string;
  /** Set when handover.json could not be read: only the prompt exists. */
  dataProblem: string;
  summary: string;
  /** Summaries of earlier compactions in the session, kept whole. */
  compactionSummaries: string[];
  lastUserRequest: string;
  gitBranch: string;
  findings: FindingView[];
  checks: CheckView[];
  modifiedFiles: { path: string; status: string; edits: number }[];
  openTasks: { content: string; status: string }[];
  stats: { logBytes: number; extractBytes: number; promptBytes: number; logLines: number; compactionLines: number[] };
  /** The chain the handover belongs to, oldest first; empty when it is no part of one. */
  thread: ThreadStepView[];
}

export type HostMessage =
  { type: 'state'; entries: HandoverListEntry[]; selected: HandoverDetailView | null; busy: string } | { type: 'error'; message: string };

/** Identifies one handover across workspace folders. */
export interface HandoverRef {
  folder: string;
  id: string;
}

export type WebviewMessage =
  | { type: 'ready' }
  | ({ type: 'select' } & HandoverRef)
  | ({ type: 'resume' } & HandoverRef)
  | ({ type: 'openPrompt' } & HandoverRef)
  | ({ type: 'copyPrompt' } & HandoverRef)
  | ({ type: 'openCitation'; line: number; file?: string } & HandoverRef)
  | ({ type: 'openFile'; path: string } & HandoverRef)
  | { type: 'command'; command: SidebarCommand };

/** The only commands the webview may ask the host to run (buttons of the empty state). */
export const SIDEBAR_COMMANDS = [COMMAND_IDS.installHooks, COMMAND_IDS.createNow, COMMAND_IDS.search] as const;
export type SidebarCommand = (typeof SIDEBAR_COMMANDS)[number];

// ---- validation -------------------------------------------------------------------------------------

const isRef = (v: LooseObject) => isString(v.folder) && isString(v.id) && v.id.length > 0;

const isListEntry = (v: unknown): v is HandoverListEntry =>
  isObject(v) && hasStrings(v, 'id', 'folder', 'createdAt', 'agent', 'title', 'threadId') && isBool(v.verified) && isBool(v.resumed);

const isThreadStep = (v: unknown): v is ThreadStepView =>
  isObject(v) && hasStrings(v, 'id', 'createdAt', 'title') && isCount(v.carried) && isCount(v.settled) && isBool(v.present);

const isCitation = (v: unknown): v is { line: number; file?: string } => isObject(v) && isLine(v.line) && (v.file === undefined || isString(v.file));

const isFinding = (v: unknown): v is FindingView => isObject(v) && hasStrings(v, 'analyst', 'title', 'detail', 'status') && arrayOf(v.citations, isCitation);

const isCheck = (v: unknown): v is CheckView => isObject(v) && hasStrings(v, 'family', 'outcome', 'detail') && isLine(v.line);

const isModifiedFile = (v: unknown): v is { path: string; status: string; edits: number } => isObject(v) && hasStrings(v, 'path', 'status') && isCount(v.edits);

const isTask = (v: unknown): v is { content: string; status: string } => isObject(v) && hasStrings(v, 'content', 'status');

const isStats = (v: unknown): boolean =>
  isObject(v) && ['logBytes', 'extractBytes', 'promptBytes', 'logLines'].every((k) => isCount(v[k])) && arrayOf(v.compactionLines, isLine);

const isDetail = (v: unknown): v is HandoverDetailView =>
  isListEntry(v) &&
  hasStrings(v as unknown as LooseObject, 'verifyProblem', 'dataProblem', 'summary', 'lastUserRequest', 'gitBranch') &&
  arrayOf((v as unknown as LooseObject).compactionSummaries, isString) &&
  arrayOf((v as unknown as LooseObject).findings, isFinding) &&
  arrayOf((v as unknown as LooseObject).checks, isCheck) &&
  arrayOf((v as unknown as LooseObject).modifiedFiles, isModifiedFile) &&
  arrayOf((v as unknown as LooseObject).openTasks, isTask) &&
  isStats((v as unknown as LooseObject).stats) &&
  arrayOf((v as unknown as LooseObject).thread, isThreadStep);

/** Returns the message when it is a well-formed HostMessage, else undefined. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'state':
      return arrayOf(value.entries, isListEntry) && (value.selected === null || isDetail(value.selected)) && isString(value.busy)
        ? (value as unknown as HostMessage)
        : undefined;
    case 'error':
      return isString(value.message) ? { type: 'error', message: value.message } : undefined;
    default:
      return undefined;
  }
}

/** Returns the message when it is a well-formed WebviewMessage, else undefined. Copies only known keys. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isObject(value)) return undefined;
  const ref = () => ({ folder: value.folder as string, id: value.id as string });
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'select':
    case 'resume':
    case 'openPrompt':
    case 'copyPrompt':
      return isRef(value) ? { type: value.type, ...ref() } : undefined;
    case 'openCitation':
      if (!isRef(value) || !isLine(value.line) || !(value.file === undefined || isString(value.file))) return undefined;
      return { type: 'openCitation', ...ref(), line: value.line, ...(isString(value.file) ? { file: value.file } : {}) };
    case 'openFile':
      return isRef(value) && isString(value.path) ? { type: 'openFile', ...ref(), path: value.path } : undefined;
    case 'command':
      return (SIDEBAR_COMMANDS as readonly unknown[]).includes(value.command) ? { type: 'command', command: value.command as SidebarCommand } : undefined;
    default:
      return undefined;
  }
}
