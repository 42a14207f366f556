// handover.json: the same content as resume-prompt.md, as data. The builder writes it, `handover verify`
// checks it, the extension's sidebar and the search read it. Schema changes bump `schema`.
/** Which agent wrote a session log (and, by default, resumes its handover). */
export type AgentKind = 'claude' | 'codex';

/** The folder in a workspace that holds one sub-folder per handed-over session. */
export const HANDOVER_DIR = '.handover';

/** 2: resume prompt v2 (the conversation, status, timeline, reasoning, refusals, error status). */
export const HANDOVER_SCHEMA_VERSION = 2;

/** Names of the files in `<workspace>/.handover/<session-id>/`. */
export const HANDOVER_FILES = {
  prompt: 'resume-prompt.md',
  data: 'handover.json',
  extract: 'extract.md',
  signature: 'signature.json',
} as const;

/** Where the extension looks for handovers by default (package.json's handover.watchGlob default says the same). */
export const DEFAULT_WATCH_GLOB = `${HANDOVER_DIR}/*/${HANDOVER_FILES.prompt}`;

/** A place in the archived raw log that supports a finding. */
export interface Citation {
  /** 1-based line in the archived log file. */
  line: number;
  uuid?: string;
  /** Archived log file, when not the session's main log (a subagent log, say). */
  file?: string;
  /** The session whose archived log `line` is in, when not this handover's own (items carried along a chain). */
  session?: string;
}

export type AnalystName = 'decisions' | 'errors' | 'rejected' | 'refusals';

export interface Finding {
  analyst: AnalystName;
  /** One line: what a resumed agent must know. */
  title: string;
  /** Supporting detail: the rationale, the error lines, why it was abandoned. */
  detail: string;
  citations: Citation[];
  /** Who found it: the offline heuristics or a model sub-agent. */
  source: 'offline' | 'model';
  /** Set when a model analyst failed and this offline finding stands in for it. */
  fallback?: boolean;
  /** Higher is more valuable; the token budget cuts from the bottom. */
  score: number;
  /** Errors only: whether a later run of the same command family, test file or target passed. */
  status?: 'unresolved' | 'resolved';
  /** Errors only: the passing run that resolved it. */
  resolvedBy?: Citation;
  /**
   * Errors only, resolved ones the offline analyst settled without a passing run: the same command ran
   * again and started (`got-past`), the same tests ran again without printing it (`gone-from-rerun`), or the command
   * was written again another way right after and failed another way (`retried`).
   * It goes with `detail`, which says the same in words.
   */
  resolvedAs?: 'got-past' | 'gone-from-rerun' | 'retried';
  /**
   * Errors only, unresolved ones: nothing later ran the same command, test file or target again, but the
   * session went on. The first step that passed after the last failure (a command, a file change), so a
   * resumed agent can tell an error still in its way from one the session worked around.
   */
  wentOnWith?: Citation & { what: string };
  /** Errors only: the command or tool call that failed, for display. */
  command?: string;
}

/** One message the user typed (or answered), in log order. */
export interface UserMessage {
  line: number;
  uuid?: string;
  timestamp?: string;
  /** Verbatim; a paste over 20,000 characters keeps its head and tail with the cut marked. */
  text: string;
  /** Length of the whole text as typed. */
  chars: number;
  /**
   * typed words, a slash command (`/review x`), a `!` shell line, an answer through the agent's question
   * tool, or a task handed over by the agent that spawned this session (a Codex subagent's "user").
   */
  kind: 'typed' | 'command' | 'shell' | 'answer' | 'delegated';
  /** The agent's question this message answers, when it followed one. */
  question?: string;
  /** IDE context sent with it (open file, selection), described. */
  context?: string[];
}

/** The last outcome of one test/build/lint/typecheck command family. */
export interface CheckOutcome {
  /** `npm test`, `jest`, `pytest`, `cargo test`, `tsc`, `make build`, … */
  family: string;
  kind: 'test' | 'build' | 'lint' | 'typecheck';
  outcome: 'passing' | 'failing';
  /** The log line of the last run's result. */
  line: number;
  /** The last run's command line, for display. */
  command: string;
  runs: number;
  failingTests: string[];
  /** The most telling line of a failing run's output. */
  distinctive?: string;
}

export interface SessionStatus {
  checks: CheckOutcome[];
  /** `git status` of the workspace when the handover was built (relative paths). */
  uncommitted: { path: string; status: string }[];
  /** What the agent was doing when the log ends: its last words after the last user message, calls with no result. */
  stopped?: {
    line: number;
    lastText?: string;
    /** When the agent wrote nothing after the last request: its last thinking. */
    lastThinking?: string;
    /** Log line of lastText or lastThinking. */
    textLine?: number;
    /** The user interrupted the agent after the last request. */
    interruptedAt?: number;
    pendingCalls: { display: string; line: number }[];
  };
}

/** One user turn of the timeline. */
export interface TurnEntry {
  turn: number;
  line: number;
  request: string;
  files: string[];
  /** `printed`: an error line a run that exited 0 printed anyway (`… || true`, a recipe that swallows its failure). */
  commands: { text: string; outcome: 'passed' | 'failed'; line: number; runs?: number; printed?: string }[];
  /** Shell commands run in the turn (the list above keeps the first few distinct ones). */
  commandsRun: number;
  /** wentOnLine: not fixed, never run again; the session's next passing step (see Finding.wentOnWith). */
  errors: { key?: string; text: string; line: number; resolved: boolean; resolvedLine?: number; wentOnLine?: number }[];
}

/** Thinking, or the agent's text in a turn whose thinking the log does not hold. */
export interface ReasoningEntry {
  line: number;
  turn: number;
  source: 'thinking' | 'assistant';
  text: string;
  /** Cut to its opening to bound the log's reasoning (older entries of very long sessions). */
  condensed?: boolean;
}

export type FileChangeStatus = 'created' | 'modified' | 'deleted' | 'renamed';

export interface ModifiedFile {
  /** Relative to the workspace (absolute when outside it). */
  path: string;
  status: FileChangeStatus;
  /** For renames: where it came from. */
  from?: string;
  edits: number;
  /** How it was changed: tool names and shell commands (`Edit`, `Write`, `sed -i`, `apply_patch`, …). */
  how: string[];
  /** Last log line that touched it. */
  lastLine: number;
  /** `path` is a shell pattern (`dir/*`) the log cannot expand: the files it matched, not one file. */
  glob?: boolean;
}

export interface OpenTask {
  content: string;
  status: 'pending' | 'in_progress' | 'completed';
}

export interface Fact {
  text: string;
  citations: Citation[];
  /** For measured numbers: the command that printed it. */
  command?: string;
}

export interface AnalystUsage {
  analyst: AnalystName;
  model: string;
  inputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  outputTokens: number;
  turns: number;
  wallMs: number;
  estimatedCostUsd: number;
  /** Why this analyst fell back to its offline result, when it did. */
  fallbackReason?: string;
}

export interface HandoverData {
  schema: number;
  sessionId: string;
  agent: AgentKind;
  createdAt: string;
  workspace: string;
  log: {
    /** Where the log was read from. */
    source: string;
    /** The archived copy the citations point into. */
    archived: string;
    sha256: string;
    bytes: number;
    lines: number;
  };
  summary: {
    /** The last thing the user asked for. */
    lastUserRequest?: string;
    /** Earlier compaction summaries, kept whole. */
    compactionSummaries: string[];
    /** Log line of each compaction summary (same order). */
    compactionSummaryLines?: number[];
    /** A short narrative of the session. */
    text: string;
    gitBranch?: string;
    firstTimestamp?: string;
    lastTimestamp?: string;
  };
  /** Every message the user typed, in order; `lastRequest` indexes the last substantive one. */
  conversation: { messages: UserMessage[]; lastRequest?: number };
  /** Where things stand, computed from the log and git. */
  status: SessionStatus;
  timeline: TurnEntry[];
  reasoning: ReasoningEntry[];
  findings: Finding[];
  commands: Fact[];
  numbers: Fact[];
  constraints: Fact[];
  modifiedFiles: ModifiedFile[];
  /** Changes `git status` shows that the log does not explain. */
  unexplainedGitChanges: { path: string; status: string }[];
  openTasks: OpenTask[];
  stats: {
    logBytes: number;
    extractBytes: number;
    promptBytes: number;
    /** Compactions over the session, for the sidebar's chart. */
    compactions: { line: number; timestamp?: string }[];
    /** Items dropped to stay within the budget. */
    droppedByBudget: number;
    /** resume-prompt.md in tokens (estimated, ~3.5 bytes a token). */
    promptTokens?: number;
    budgetTokens?: number;
    /** What the budget left out, per prompt section. */
    leftOut?: { section: string; count: number }[];
  };
  analysis: {
    analyzer: 'offline' | 'anthropic';
    usage?: AnalystUsage[];
  };
  /** The handover this session was started from (chains); absent for a session started fresh. */
  previous?: ChainLink;
  /** Every earlier handover of the chain, oldest first (the last one is `previous`). */
  chain?: ChainLink[];
  /** What earlier sessions of the chain left open, carried into this handover with its original citations. */
  carried?: CarriedForward;
  /** What made this handover: a compaction hook, a SessionStart after a compaction, proactive mode, a person. */
  trigger?: HandoverTrigger;
}

// ---- Chains (sessions resumed from a handover) ----

/** One handover of a chain: the session it handed over and the handover's folder under `.handover/`. */
export interface ChainLink {
  sessionId: string;
  /** The folder name under `<workspace>/.handover/` (today the handed-over session's id). */
  handoverId: string;
  createdAt?: string;
  agent?: AgentKind;
  /** How the link was found: the launch record, the seed prompt, the attached file, or the pasted preamble. */
  via?: 'launch' | 'seed' | 'attachment' | 'preamble';
}

export type CarriedKind = 'request' | 'error' | 'task' | 'constraint' | 'rejected' | 'decision';

/** Something an earlier session of the chain left that still holds: its own words, cited where it happened. */
export interface CarriedItem {
  kind: CarriedKind;
  /** The original text (a finding's title, a constraint, a request, a task), never a summary of it. */
  text: string;
  detail?: string;
  /** Errors: the command that failed, as the finding named it (`` `npm test` failed (exit 1) ``). */
  command?: string;
  /** The session where it happened (its archived log holds the citations). */
  from: { sessionId: string; handoverId: string; createdAt?: string };
  /** Lines in that session's archived log; every one carries `session`. */
  citations: Citation[];
}

/** A carried item this session settled: it leaves the chain here. */
export interface ResolvedItem extends CarriedItem {
  /** Where in this session's log it was settled. */
  resolvedBy?: Citation;
  /** How, in a few words: "`npm test` passed", "task completed". */
  how: string;
}

export interface CarriedForward {
  items: CarriedItem[];
  resolved: ResolvedItem[];
  /** Items the budget left out of resume-prompt.md (they stay here, in handover.json). */
  droppedByBudget: number;
  /** Set when the previous handover could not be read: the link stands, nothing was carried. */
  missing?: string;
}

export type HandoverTrigger = 'pre-compact' | 'session-start-compact' | 'post-compact' | 'proactive' | 'manual';
