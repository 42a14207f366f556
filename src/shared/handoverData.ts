// handover.json: the same content as resume-prompt.md, as data. The builder writes it, `handover verify`
// checks it, the extension's sidebar and the search read it. Schema changes bump `schema`.
/** Which agent wrote a session log (and, by default, resumes its handover). */
export type AgentKind = 'claude' | 'codex';

/** The folder in a workspace that holds one sub-folder per handed-over session. */
export const HANDOVER_DIR = '.handover';

export const HANDOVER_SCHEMA_VERSION = 1;

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
}

export type AnalystName = 'decisions' | 'errors' | 'rejected';

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
    /** A short narrative of the session. */
    text: string;
    gitBranch?: string;
    firstTimestamp?: string;
    lastTimestamp?: string;
  };
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
    /** Findings dropped to stay within the budget. */
    droppedByBudget: number;
  };
  analysis: {
    analyzer: 'offline' | 'anthropic';
    usage?: AnalystUsage[];
  };
}
