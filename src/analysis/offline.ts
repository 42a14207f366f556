// The offline analysts: one streaming pass over the raw log finds decisions, errors that only show in
// tool output, rejected approaches, distinctive commands, measured numbers, the user's constraints, the
// last request and the open tasks. No network; state stays bounded however long the log is.
import { posix } from 'node:path';
import type { AgentKind, ToolCallEvent, ToolResultEvent, TranscriptEvent } from '../transcript/events.js';
import type { CheckOutcome, Citation, Fact, Finding, OpenTask, ReasoningEntry, SessionStatus, TurnEntry, UserMessage } from '../shared/handoverData.js';
import { patchEffects, type FileChangeTracker } from './modifiedFiles.js';
import { RecentAgentText } from './agentWords.js';
import {
  classifySentence,
  hasRationale,
  isAdvice,
  isChoiceCandidate,
  isFragmentOrSpec,
  isProgressReport,
  soundsLikeRule,
  ownWords,
  saysAttemptGivenUp,
  namesNoApproach,
  withoutPastedOutput,
  type ProseSource,
} from './prose.js';
import { dedupeKey, headAndTail, oneLine, sentenceParts, specificity } from './text.js';
import { canonicalLogPath } from './logPaths.js';
import { FAIL_STATUS, FOREIGN_FAILING_TEST_ROW, PASS_STATUS } from './statusWords.js';
import {
  commandKey,
  displayCommand,
  dumpsFiles,
  errorLines,
  HTTP_5XX_LINE,
  isDistinctiveCommand,
  looksFailed,
  measuredLines,
  plainOutput,
  printsMeasurementFiles,
  programsOf,
  TOOL_BOOKKEEPING,
} from './toolOutput.js';
import { editCallOf, isObject, normalizeTaskStatus, patchTextOf, READ_ONLY_TOOLS, shellCallOf, str, taskListOf } from './toolInputs.js';
import { packageChanges } from './packages.js';
import {
  commandFamily,
  commandFamilyNames,
  failingTestNames,
  owningTest,
  groupedOperands,
  looksPassing,
  sshRemote,
  wrappedScript,
  type CommandFamily,
} from './commandFamilies.js';
import { ConversationTracker } from './conversation.js';
import { parseCommandLine } from './shellWords.js';
import { redactSecrets } from '../util/redact.js';

export interface OfflineAnalysis {
  findings: Finding[];
  /** Every typed message, in order; `lastRequest` indexes the last substantive one. */
  conversation: { messages: UserMessage[]; lastRequest?: number };
  checks: CheckOutcome[];
  stopped?: SessionStatus['stopped'];
  timeline: TurnEntry[];
  reasoning: ReasoningEntry[];
  commands: Fact[];
  numbers: Fact[];
  constraints: Fact[];
  lastUserRequest?: { text: string; citation: Citation };
  openTasks: OpenTask[];
  compactionSummaries: { text: string; citation: Citation }[];
  compactions: { line: number; timestamp?: string }[];
  firstTimestamp?: string;
  lastTimestamp?: string;
  gitBranch?: string;
  sessionId?: string;
  cwd?: string;
  agent?: AgentKind;
  lines: number;
}

export interface OfflineOptions {
  workspace: string;
}

/** A message longer than this is mostly material (a paste, a document): only its head and tail can hold the user's framing. */
const LONG_MESSAGE_CHARS = 3000;
const FRAMING_CHARS = 800;
/** This many rules found in one message make it a rule document, not the user's own rules. */
const RULE_DOCUMENT_RULES = 6;
/** How many of each kind a handover can use; the budget cuts further. */
/** Lines of one run's output that differ only in their numbers, kept as measurements of their own. */
const SAME_SHAPE_PER_RUN = 3;
const LIMITS = { decisions: 120, errors: 120, rejected: 80, commands: 150, numbers: 150, constraints: 80 };
/** Working-set caps: past them the least valuable entries are dropped as the log streams. */
const WORKING = { prose: 4000, errors: 3000, commands: 3000, numbers: 1500, constraints: 600, pending: 5000, packages: 2000 };
const MAX_USER_REQUEST = 4000;
const MAX_PROSE_CHARS = 20_000;

const REJECTED_BY_USER =
  /doesn't want to (?:proceed|take this action)|tool use was rejected|user rejected|user denied|rejected by (?:the )?user|aborted by (?:the )?user|requested permissions? to [\s\S]{1,300}?but you haven'?t granted it/i;

interface ErrorRecord {
  key: string;
  /** "`cmd` failed (exit 1)", "Edit failed: path". */
  what: string;
  commandKey: string;
  /** The shell command that failed, whole (`what` shows it cut): what a later run left out of it is read from this. */
  commandLine?: string;
  /** The command family (`npm test`, `pytest`), when a shell command failed. */
  family?: CommandFamily;
  /** Test files named by the failure or its command: a passing run of one of them resolves it. */
  testFiles: string[];
  /** For a failed edit tool call: the file, which a later successful edit of it resolves. */
  editPath?: string;
  title: string;
  /**
   * The runner's row naming this error's one test when the title does not (unittest's `FAIL: test_x (…)` over
   * its `AssertionError: …`): said before the title, so the error names the test it belongs to.
   */
  row?: string;
  /**
   * A test fixture the failing run was given (`./sanat tests/lyhyt.txt` → `lyhyt`): a harness later reporting the
   * test of that name passing (`PASS lyhyt`) settles it.
   */
  fixture?: string;
  /** The npm workspace whose test script printed it (`> @shop/money@1.0.0 test` above it). */
  workspace?: string;
  /** The title as a passing run would print it again (see onSuccess): checked against every passing output. */
  message: string;
  lines: string[];
  stack: string[];
  exitCode?: number;
  count: number;
  first: Citation;
  last: Citation;
  resolvedAt?: Citation;
  /**
   * The session's first step that passed after the last failure (a command that is no look, or a file
   * change): an error nothing ran again is "not re-run", and this shows what the session did instead.
   */
  wentOn?: Citation & { what: string };
  /** How many passing runs of other commands printed this error's line (see AMBIENT_RUNS). */
  ambient?: number;
  /** The same command run again later without passing (another error, or stopped before the end): this one was re-run. */
  failedAgain?: Citation;
  /** The same command called again, whose result the log never got (the session ended, or was cut, while it ran). */
  rerunUnseen?: Citation;
  /** A program that could not start, started by a re-run of the same command that then failed another way. */
  gotPast?: boolean;
  /** …or a test failure that a whole re-run of the same tests no longer printed (they failed another way). */
  goneFromRerun?: boolean;
  /** …or a command written again another way right after it failed, which failed another way (see settleRetried). */
  retried?: boolean;
  /** The failing tests this error is about (those its headline names, else every one its run listed). */
  tests?: string[];
  /** The first headline, which proved to be the shell's noise (the timeline's text still holds it). */
  noiseHeadline?: string;
  strong: boolean;
  /** A read-only tool or a looking-around command (`ls`, `cat`): its failures matter less. */
  lowValue: boolean;
  /** What the failed command ran (`markitdown vit.pdf`, `list-skills.py`): the same thing passing later resolves it. */
  target?: string;
  /** The program the shell could not find or start: any later successful run of it resolves the error. */
  missingProgram?: string;
  /** The family of the command the error told to run (`To log in, run: gh auth login`): it passing resolves it. */
  suggestedFix?: string;
  /**
   * A usage error (`unknown flag`, `unrecognized subcommand 'status'`): the agent finding out how a CLI is
   * called. When the program later runs and passes, the agent learned it, and there is nothing to report.
   */
  usageOf?: string;
  /**
   * A path the command could not find or a glob the shell could not match, with the program: the same
   * program later passing on that file (quoted, found elsewhere) settles it.
   */
  missingPath?: { program: string; name: string };
  /** A module the program could not import (`No module named 'streamlit'`): installing it, or its program passing, settles it. */
  missingModule?: string;
  /**
   * A command line the shell could not parse (PowerShell's `ParserError`, bash's `syntax error near unexpected
   * token`): what it meant to do, so the very next call, written again to do the same, settles it when it passes.
   * (Not any command: another script run after one failed, or another command to the same host, fixes nothing.)
   */
  unparsed?: CallIntent;
}

/** What a shell call meant to do: its description (Claude Code's `description`) and the words of its command line. */
interface CallIntent {
  description?: string;
  words: Set<string>;
  /** The first operand of its first program (`make sjekk` → `sjekk`, `claude mcp add` → `mcp`): what it was asked to do. */
  goal?: string;
}

interface PendingCall {
  call: ToolCallEvent;
  commandLine?: string;
  /** The command line's simple commands as words, parsed once. */
  programs?: string[][];
  family?: CommandFamily;
  commandKey: string;
  display: string;
  /** Every family the line runs; when it passes with its parts chained by `&&`, each of them passed. */
  families?: string[];
  /** Set when this call only read the output of a command started earlier in the background. */
  polled?: string;
  /** For a poll: the line of the call that started the command. */
  startedLine?: number;
  /** The shell's working directory, for telling files apart by their full path. */
  cwd?: string;
}

interface ScoredFinding extends Finding {
  key: string;
}

function citationOf(event: TranscriptEvent): Citation {
  const citation: Citation = { line: event.line };
  if (event.uuid) citation.uuid = event.uuid;
  if (event.subagent) citation.file = `subagents/${event.subagent}`;
  return citation;
}

/**
 * Older Codex `shell` calls return `{"output": "…", "metadata": {"exit_code": N}}` as the output text:
 * the output and its exit code, as the other tools give them.
 */
function unwrapJsonOutput(result: ToolResultEvent): ToolResultEvent {
  if (!result.text.startsWith('{"output"') || result.text.length > 4 * 1024 * 1024) return result;
  try {
    const parsed = JSON.parse(result.text) as { output?: unknown; metadata?: { exit_code?: unknown } };
    if (typeof parsed.output !== 'string') return result;
    const exitCode = typeof parsed.metadata?.exit_code === 'number' ? parsed.metadata.exit_code : result.exitCode;
    return { ...result, text: parsed.output, exitCode, isError: result.isError || (exitCode !== undefined && exitCode !== 0) };
  } catch {
    return result;
  }
}

/** Keeps a Map under `cap` entries by dropping the lowest-scored half when it overflows. */
function pruneByScore<V>(map: Map<string, V>, cap: number, score: (v: V) => number): void {
  if (map.size <= cap) return;
  const kept = [...map].sort((a, b) => score(b[1]) - score(a[1])).slice(0, Math.floor(cap / 2));
  map.clear();
  for (const [k, v] of kept) map.set(k, v);
}

/** Drops the oldest entries of an insertion-ordered Map over `cap`. */
function pruneOldest<K, V>(map: Map<K, V>, cap: number): void {
  if (map.size <= cap) return;
  let excess = map.size - Math.floor(cap * 0.75);
  for (const key of map.keys()) {
    if (excess-- <= 0) break;
    map.delete(key);
  }
}

export class OfflineAnalyzer {
  private readonly prose = new Map<string, ScoredFinding>();
  private readonly structural = new Map<string, ScoredFinding>();
  private readonly errors = new Map<string, ErrorRecord>();
  /** How many errors were made running a test fixture directly (see ErrorRecord.fixture): none, no look. */
  private fixtureErrors = 0;
  /** How many errors were tied to an npm workspace's test run (see ErrorRecord.workspace). */
  private workspaceErrors = 0;
  private readonly commands = new Map<string, { text: string; citations: Citation[]; runs: number }>();
  private readonly numbers = new Map<string, Fact & { order: number }>();
  private readonly constraints = new Map<string, Fact>();
  /** Keys of constraints that hold the work back only for now ("don't change any code yet"). */
  private readonly holds = new Set<string>();
  private readonly pending = new Map<string, PendingCall>();
  /** Commands started in the background with their output sent to a file (`server.py > server.log 2>&1 &`), by that file. */
  private readonly backgroundLogs = new Map<string, PendingCall>();
  /** Files a program's output was sent to (`./hisab data/ledger.csv > out/report.txt`), by key: printed later, they are that output. */
  private readonly programOutputs = new Set<string>();
  /** Commands still running in the background, by the id their output is polled with. */
  private readonly running = new Map<string, PendingCall>();
  private readonly installed = new Map<string, { citation: Citation; command: string }>();
  /** Views, tables, indexes and triggers commands created, by `KIND name`: dropped later, each was given up. */
  private readonly createdObjects = new Map<string, { citation: Citation; statement: string }>();
  private readonly tasks = new Map<string, OpenTask>();
  /** The last task list's items, as written and redacted (the next list mostly repeats them). */
  private redactedTasks = new Map<string, string>();
  /** The last failed command (kept after later successes): what an approach given up next had tried. */
  private recentFailure?: { display: string; error: string; line: number };
  /** Modules a failed run could not find (`No module named 'jdatetime'`), newest last, with where: an import of one added and taken out again was a dependency tried, not scaffolding. */
  private readonly missingModules: { name: string; line: number }[] = [];
  /** The last edit, with a glimpse of what it wrote: what a "backing out" right after undoes. */
  private recentEdit?: { display: string; line: number };
  /** The line of the last edit that went through: a decision it followed was carried out (a look, a format
   * or lint run, an edit that failed carry nothing out). */
  private lastRanLine?: number;
  /** The last command that did something (not a look), for naming what a "Dropping X again: …" gave up. */
  private recentRun?: { display: string; line: number };
  /** The errors of the last shell command that failed, until the next shell command: it may be their retry. */
  private awaitingRetry?: { keys: string[]; commandKey: string; commandLine: string; intent: RetryIntent; sidechain: boolean };
  /** A sentence weighing options ("Two ways: A, or B"): the choice made next is a decision. */
  /** Options just weighed ("Two ways: A, or B."; "Option A: … Option B: …", by their labels) and the reasoning since. */
  private options?: {
    text: string;
    line: number;
    between: string[];
    labels?: Map<string, string>;
    lastLabel?: string;
    /** For unlabelled options: how the thinking since has judged each (+1 a merit, −1 a drawback). */
    weights?: number[];
    /** The options a merit was judged of (not only "already does…"). */
    judged?: Set<number>;
  };
  /** The last sentence of the model's reasoning that gave a reason: the "why" for what it undid next. */
  private lastReason?: { text: string; line: number };
  /** What the agent wrote lately: the user pasting it back is not the user's own words. */
  private readonly agentText = new RecentAgentText();
  /** The model's last words (thinking or text) before an action: often the reason it undid something. */
  private lastProse?: { text: string; line: number };
  private numberOrder = 0;
  private undoneSeen = 0;
  /** Recent shell command lines by the log line of their call: what a file's removal ran beside it. */
  private commandAt = new Map<number, string>();
  /** Untracked files git said were in the way of a pull, merge or checkout: removing them gives nothing up. */
  private inGitsWay = new Set<string>();
  private readonly meta: Omit<
    OfflineAnalysis,
    | 'findings'
    | 'commands'
    | 'numbers'
    | 'constraints'
    | 'openTasks'
    | 'compactionSummaries'
    | 'compactions'
    | 'conversation'
    | 'checks'
    | 'stopped'
    | 'timeline'
    | 'reasoning'
  > = { lines: 0 };
  private readonly compactionSummaries: { text: string; citation: Citation }[] = [];
  private readonly compactions: { line: number; timestamp?: string }[] = [];
  private readonly seenSummaries = new Set<string>();
  readonly conversation = new ConversationTracker();
  private readonly checks = new Map<string, CheckOutcome>();
  /** Runs of test families in order (line, passed): the suite passing at the end resolves test errors. */
  private lastTestRun?: { line: number; passed: boolean; whole: boolean; family: string };
  /** A refusal waiting for the user's next words. */
  private refusalsOpen: ScoredFinding[] = [];

  /**
   * @param readExternal reads (head and tail of) a tool output Claude Code stored in `tool-results/`
   *   instead of the log; injected so the analyzer itself does no I/O.
   */
  constructor(
    readonly files: FileChangeTracker,
    private readonly readExternal: (externalFile: string) => string | undefined = () => undefined,
  ) {}

  onEvent(event: TranscriptEvent): void {
    if (event.subagent && this.isWarmup(event)) return;
    if (event.timestamp) {
      this.meta.firstTimestamp ??= event.timestamp;
      this.meta.lastTimestamp = event.timestamp;
    }
    if (!event.sidechain) {
      if (event.sessionId) this.meta.sessionId ??= event.sessionId;
      if (event.cwd) this.meta.cwd ??= event.cwd;
      if (event.gitBranch) this.meta.gitBranch = event.gitBranch;
    }
    this.conversation.onEvent(event);
    switch (event.kind) {
      case 'session-meta':
        this.meta.agent ??= event.agent;
        break;
      case 'user':
        this.onUserText(event.text, event);
        break;
      case 'assistant-text':
        if (!event.sidechain) this.agentText.add(event.text);
        this.onProse(redactSecrets(event.text.slice(0, MAX_PROSE_CHARS)), 'assistant', event);
        break;
      case 'thinking':
        if (event.text) this.onProse(redactSecrets(event.text.slice(0, MAX_PROSE_CHARS)), 'thinking', event);
        break;
      case 'tool-call':
        this.files.onToolCall(event);
        this.takeUndone();
        this.onToolCall(event);
        break;
      case 'tool-result':
        event = unwrapJsonOutput(event);
        this.files.onToolResult(event);
        this.takeUndone();
        this.onToolResult(event);
        break;
      case 'system':
        if (event.subtype === 'compact-boundary') this.compactions.push({ line: event.line, timestamp: event.timestamp });
        else if (event.subtype === 'compact-summary' && event.text.trim()) {
          const key = dedupeKey(event.text) + event.text.length;
          if (!this.seenSummaries.has(key)) {
            this.seenSummaries.add(key);
            this.compactionSummaries.push({ text: redactSecrets(event.text), citation: citationOf(event) });
            // A Codex rollout can hold the summary without a separate boundary record.
            if (!this.compactions.some((c) => Math.abs(c.line - event.line) <= 2)) this.compactions.push({ line: event.line, timestamp: event.timestamp });
          }
        }
        break;
    }
  }

  /**
   * Claude Code 2.0/2.1 starts "Warmup" subagents to fill its prompt cache: their first message is
   * "Warmup" and their tools are refused with "Warmup". None of it is the session's work.
   */
  private isWarmup(event: TranscriptEvent): boolean {
    const agent = event.subagent!;
    const known = this.warmups.get(agent);
    if (known !== undefined) return known;
    const warmup = event.kind === 'user' && event.text.trim() === 'Warmup';
    this.warmups.set(agent, warmup);
    return warmup;
  }
  private readonly warmups = new Map<string, boolean>();

  // Every text is redacted whole before it is cut into sentences or lines: a private key's body line or
  // a reflowed YAML password no longer looks like a secret once cut from its context.
  private onUserText(_raw: string, event: TranscriptEvent): void {
    if (event.sidechain) return; // a subagent's "user" is the parent agent's prompt, not the person
    const message = this.conversation.messages.at(-1);
    // The conversation tracker keeps what the user typed; injected text, replays and IDE context never get there.
    if (!message || message.line !== event.line || message.kind !== 'typed') return;
    const text = redactSecrets(message.text.length > MAX_PROSE_CHARS ? message.text.slice(0, MAX_PROSE_CHARS) : message.text);
    this.attachRefusalWords(message);
    const body = text;
    // Terse users write "fix. no new deps." in lower case: a rule can start after any full stop. Of a long
    // paste only the user's own framing around it (its head and tail) can hold their rules. Only what the
    // person typed counts, never a slash command's expansion or text after an interruption (issue 12).
    const framing = withoutPastedOutput(
      ownWords(message.chars > LONG_MESSAGE_CHARS ? redactSecrets(`${message.text.slice(0, FRAMING_CHARS)}\n${message.text.slice(-FRAMING_CHARS)}`) : body),
    );
    // "Don't change any code yet" holds until the user lets the work start ("Yes please implement"): then it is over.
    if (STARTS_THE_WORK.test(body.trim())) for (const key of this.holds) this.constraints.delete(key);
    const worded = clausesOf(framing).filter((sentence) => soundsLikeRule(sentence) && !this.agentText.wrote(sentence));
    const rules = worded.filter((sentence) => !isFragmentOrSpec(sentence));
    // Of a long message only the head and tail are searched; whether it is a rule document is told by all of it.
    const ruleCount = message.chars > LONG_MESSAGE_CHARS ? Math.max(worded.length, rulesIn(withoutPastedOutput(ownWords(body)))) : worded.length;
    // Many rules in one message are a rule document someone else wrote (a command template, a role
    // prompt, a title generator, a pasted spec): on logs nobody tuned on, nearly all such were wrong.
    // The user's own rules come a few at a time; the message itself stays in the prompt's first section.
    if (ruleCount < RULE_DOCUMENT_RULES && !isWrittenDocument(message.text))
      for (const sentence of rules) {
        const key = dedupeKey(sentence);
        if (!this.constraints.has(key)) this.constraints.set(key, { text: oneLine(sentence, 400), citations: [citationOf(event)] });
        if (HOLD.test(sentence)) this.holds.add(key);
      }
    pruneOldest(this.constraints, WORKING.constraints);
    // A long paste (a log, a spec, someone else's list) is material, not the user's own decisions.
    if (message.chars <= LONG_MESSAGE_CHARS) this.onProse(ownWords(body), 'user', event);
  }

  private onProse(text: string, source: ProseSource, event: TranscriptEvent): void {
    const parts = sentenceParts(text, MAX_PROSE_CHARS);
    const list = parts.map((p) => p.text);
    if (source !== 'user' && list.length) this.lastProse = { text: list.slice(0, 3).join(' '), line: event.line };
    for (let i = 0; i < list.length; i++) {
      const sentence = list[i];
      if (source !== 'user' && hasRationale(sentence)) this.lastReason = { text: sentence, line: event.line };
      let found = classifySentence(sentence, source, parts[i].listed);
      let extra = '';
      // "Two ways: A, or B." then "B — because …": the choice that follows its options is a decision,
      // and the options name the alternative it dismissed.
      const options = this.options && event.line - this.options.line <= 6 && source !== 'user' ? this.options : undefined;
      const labelled = source !== 'user' ? OPTION_LABEL.exec(sentence) : null;
      // A numbered item right under "Approaches:" / "Two options:" is an option by its number.
      const label = (
        labelled?.[1] ??
        labelled?.[2] ??
        (options && parts[i].number && Number(parts[i].number) <= 4 ? parts[i].number : undefined)
      )?.toUpperCase();
      // (A pick by place in another language, "მეორეს ვირჩევ: …", is read as the English one: "The second: …".)
      const pick = options ? ordinalPickInEnglish(sentence) : sentence;
      const picked = options?.labels && !label ? VERDICT.exec(pick) : null;
      let byPlace: string | undefined;
      let byMerit: string | undefined;
      const verdict =
        (picked?.[1] ?? picked?.[2] ?? picked?.[3])?.toUpperCase() ?? (options?.labels && !label ? labelOfOrdinal(pick, options.labels) : undefined);
      if (label) {
        // "Option A: …" then "Option B: …": one set of options, each under its label.
        if (options && (!options.labels || !options.labels.has(label))) {
          options.text += ` ${sentence}`;
          (options.labels ??= new Map()).set(label, sentence);
          options.lastLabel = label;
        } else this.options = { text: sentence, line: event.line, between: [], labels: new Map([[label, sentence]]), lastLabel: label };
        continue;
      } else if (options?.lastLabel && parts[i].prosOrCons) {
        // "+ tiny change" / "- eval" under an option: part of that option.
        const text = `${options.labels!.get(options.lastLabel)} ${sentence}`;
        options.labels!.set(options.lastLabel, text.length > 600 ? text.slice(0, 600) : text);
        continue;
      } else if (options?.labels && verdict && options.labels.has(verdict) && options.labels.size > 1) {
        // "B, because …" / "Going with B: …": the option under that label is the choice, the others what it beat.
        found = { kind: 'decisions', sentence: `${sentence} (${options.labels.get(verdict)})`, score: 8 + specificity(sentence) };
        const others = [...options.labels].filter(([l]) => l !== verdict).map(([, text]) => text);
        extra = `Options weighed: ${oneLine([...others, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (
        options &&
        !options.labels &&
        (byPlace = ORDINAL_PICK.test(pick) || ORDINAL_MERIT.test(pick) ? nthOption(options.text, pick, options.between) : undefined)
      ) {
        // "Options: A, or B. The second: …": the pick is named by its place among the options.
        found = { kind: 'decisions', sentence: `${sentence} (${byPlace})`, score: 8 + specificity(sentence) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (
        options &&
        found?.kind !== 'rejected' &&
        sentence !== options.text &&
        !parts[i].listed &&
        // "I'll remove expired entries through the iterator: why", right after the options named it: a step's
        // words, but it repeats one option whole and gives its reason.
        (CHOOSER_OPENING.test(sentence) || /^[^:]{3,120}\bit is\s*[:—–-]/i.test(sentence)) &&
        ((repeatsAnOption(sentence, options.text) && (/:\s+\S/.test(sentence) || hasRationale(sentence))) ||
          // "Two designs." then each said and judged in its own sentence, then "I'll recompute the grouping on every
          // call and …": the step repeats one of them, and only one.
          (!listedOptions(options.text) && options.between.length >= 2 && options.between.filter((option) => repeatsAnOption(sentence, option)).length === 1))
      ) {
        found = { kind: 'decisions', sentence, score: Math.max(found?.score ?? 0, 8 + specificity(sentence)) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (
        options &&
        found?.kind !== 'rejected' &&
        sentence !== options.text &&
        !parts[i].listed &&
        (isChoiceCandidate(sentence, true) || SHORT_PICK.test(sentence)) &&
        !isAdvice(sentence) &&
        choosesFrom(sentence, options.text, isChoiceCandidate(sentence) || SHORT_PICK.test(sentence))
      ) {
        found = { kind: 'decisions', sentence, score: Math.max(found?.score ?? 0, 8 + specificity(sentence)) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (
        options &&
        !options.labels &&
        source !== 'user' &&
        found?.kind !== 'rejected' &&
        sentence !== options.text &&
        !parts[i].listed &&
        (byMerit = optionNamedBy(options, sentence))
      ) {
        // "I'll take the mtime one: why", "Totals only.": the pick named by a word only one option has.
        found = { kind: 'decisions', sentence: `${sentence} (${byMerit})`, score: 8 + specificity(sentence) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (options && !options.labels && source !== 'user' && found?.kind !== 'rejected' && (byMerit = pickedAsItIs(options.text, sentence))) {
        // "A flipped comparison reads backwards to whoever touches it next, so severity() it is": the pick named by
        // words only one option holds, after the reason against the other.
        found = { kind: 'decisions', sentence: `${sentence} (${byMerit})`, score: 8 + specificity(sentence) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (options && !options.labels && source !== 'user' && options.between.length > 0 && THAT_ONE.test(sentence)) {
        // "Two ways left. A … . Or B … . That one; …": the pick is the option said last.
        const last = options.between.at(-1)!;
        found = { kind: 'decisions', sentence: `${sentence} (${oneLine(last, 300)})`, score: 8 + specificity(last) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (
        !options &&
        source === 'thinking' &&
        i > 0 &&
        !found &&
        !parts[i].listed &&
        /;\s|,?\s+or\s/.test(list[i - 1]) &&
        (byMerit = optionNamedBy({ text: list[i - 1] }, sentence))
      ) {
        // "Sorting would mean …; a HashSet answers in constant time …" then "The HashSet.": two ways weighed in one
        // sentence, and the next names one of them.
        found = { kind: 'decisions', sentence: `${sentence} (${byMerit})`, score: 8 + specificity(byMerit) };
        extra = `Options weighed: ${oneLine(list[i - 1], 700)}`;
      } else if (!options && source === 'thinking' && i > 0 && !found && !parts[i].listed && soAfterDismissed(list[i - 1], sentence)) {
        // "An inner join is the obvious query, but orders … would silently drop out of the totals." then "So a left join
        // with an unknown bucket, …": the way taken, named right after the obvious one was found wanting.
        found = { kind: 'decisions', sentence, score: 8 + specificity(sentence) };
        extra = `Options weighed: ${oneLine(list[i - 1], 700)}`;
      } else if (
        options &&
        !options.labels &&
        source === 'thinking' &&
        found?.kind !== 'rejected' &&
        sentence !== options.text &&
        !parts[i].listed &&
        (byMerit = favouredOption(options, sentence))
      ) {
        // "Options: A, or B." "A depends on the locales installed." "B is deterministic.": the thinking judged
        // one option and found the others wanting, which is the choice even without a word saying so.
        found = { kind: 'decisions', sentence: `${sentence} (${byMerit})`, score: 8 + specificity(sentence) };
        extra = `Options weighed: ${oneLine([options.text, ...options.between].join(' '), 700)}`;
        this.options = undefined;
      } else if (source !== 'user' && OPTIONS.test(sentence) && !NOT_OPTIONS.test(sentence)) {
        this.options = { text: sentence, line: event.line, between: [] };
        // "Either A, or B: a hard-coded list breaks again when…": in thinking, the reason after the colon is why
        // the option just before it wins over the other.
        const pick = source === 'thinking' ? EITHER_OR_BECAUSE.exec(sentence) : null;
        if (pick && !found && (DRAWBACK.test(pick[3]) || /\bbreaks?\b|\bhard-?coded\b/i.test(pick[3]))) {
          found = { kind: 'decisions', sentence: `${sentence} (${pick[2].trim()})`, score: 8 + specificity(sentence) };
          this.options = undefined;
        }
      } else if (options && options.between.length < 3) {
        options.between.push(sentence); // the reasoning that leads from the options to the choice
      }
      // Given up right after a failed attempt ("No Redis: …", "Das geht nicht: …"): what was tried is the attempt.
      const failure = source !== 'user' && this.recentFailure && event.line - this.recentFailure.line <= 15 ? this.recentFailure : undefined;
      if (
        failure &&
        found?.kind !== 'decisions' &&
        !/\?\s*$/.test(sentence) &&
        !isProgressReport(sentence) &&
        (found?.kind === 'rejected' || (GIVEN_UP.test(sentence) && saysAttemptGivenUp(sentence) && !namesNoApproach(sentence)))
      ) {
        found = { kind: 'rejected', sentence, score: Math.max(found?.score ?? 0, 8 + specificity(sentence)) };
        extra = `Tried \`${failure.display}\`${failure.error ? `: ${oneLine(failure.error, 200)}` : ''}`;
        if (this.recentEdit && event.line - this.recentEdit.line <= 15) extra += `; after ${this.recentEdit.display}`;
        this.recentFailure = undefined;
      } else if (found?.kind === 'rejected' && source !== 'user') {
        // What was just tried: the newer of the last edit and the last command that ran (an index created and
        // measured, then "Dropping the index again: …").
        const run = this.recentRun && event.line - this.recentRun.line <= 15 ? this.recentRun : undefined;
        const edit = this.recentEdit && event.line - this.recentEdit.line <= 15 ? this.recentEdit : undefined;
        if (run && (!edit || run.line > edit.line)) extra = `After \`${oneLine(run.display, 200)}\``;
        else if (edit) extra = `After ${edit.display}`;
      }
      // "Extending the map means a table of every letter: …, tedious to review." then "NFD decomposition covers every
      // combination in two lines": in thinking, the way judged better right after one found wanting is the choice.
      const wanting = i > 0 ? list[i - 1] : undefined;
      if (
        source === 'thinking' &&
        !found &&
        wanting !== undefined &&
        WANTING.test(wanting) &&
        !JUDGED_BETTER.test(wanting) &&
        JUDGED_BETTER.test(sentence) &&
        !WANTING.test(sentence) &&
        !parts[i].listed &&
        sentence.length >= 40 &&
        !/\?\s*$/.test(sentence) &&
        !NOT_A_CHOICE_SUBJECT.test(sentence)
      ) {
        found = { kind: 'decisions', sentence, score: 8 + specificity(sentence) };
        extra = `Weighed against: ${oneLine(wanting, 400)}`;
      }
      if (!found) continue;
      // The user's own words are requests: never a rejected approach of the agent's.
      if (found.kind === 'rejected' && (source === 'user' || event.sidechain)) continue;
      if (source === 'user' && this.agentText.wrote(sentence)) continue; // the agent's words pasted back
      let detail = '';
      const next = list[i + 1];
      const previous = list[i - 1];
      if (next && (hasRationale(next) || /^(?:because|since|this|that|it|so|otherwise)\b/i.test(next)) && !hasRationale(sentence)) detail = oneLine(next, 300);
      // "X is a feature, not a fix. So a minor bump." — a conclusion's reason is the sentence before it (and,
      // after "But …", the one before that, which names what the "but" argues against).
      else if (found.kind === 'decisions' && !extra && previous && /^(?:so|thus|hence|therefore|that'?s why|which is why)\b/i.test(sentence)) {
        const before = /^(?:but|however|still|yet)\b/i.test(previous) ? list[i - 2] : undefined;
        detail = `After: ${oneLine(before ? `${before} ${previous}` : previous, 500)}`;
      }
      // A choice weighed in thinking without its reason ("split on the quoted separator instead of a parser."):
      // the reason is the next sentence, unless that is already the next step or a question.
      else if (
        found.kind === 'decisions' &&
        source === 'thinking' &&
        next &&
        !hasRationale(sentence) &&
        !/\?\s*$/.test(next) &&
        !/^(?:let me|let['’]s|i['’]ll|i will|now|next|then|first|ok(?:ay)?)\b/i.test(next)
      )
        detail = oneLine(next, 300);
      // The alternative named right after the choice ("The alternative would have been X, but…", "X would have
      // worked too, but…", "Vaihtoehto olisi ollut X, mutta…") is what the choice dismissed.
      if (found.kind === 'decisions' && next && ALTERNATIVE_AFTER.test(next) && !detail.includes(next))
        detail = `${detail ? `${detail} ` : ''}Alternative: ${oneLine(next, 300)}`;
      const key = `${found.kind}:${dedupeKey(found.sentence)}`;
      const existing = this.prose.get(key);
      if (existing) {
        existing.score += 0.5;
        continue;
      }
      this.prose.set(key, {
        key,
        analyst: found.kind,
        title: oneLine(found.sentence, 400),
        detail: [
          extra,
          detail,
          `(${source === 'thinking' ? 'in thinking' : source === 'user' ? 'said by the user' : 'said by the agent'}${event.sidechain ? ', in a subagent' : ''})`,
        ]
          .filter(Boolean)
          .join(' '),
        citations: [citationOf(event)],
        source: 'offline',
        score: found.score - (event.sidechain ? 1 : 0),
      });
    }
    pruneByScore(this.prose, WORKING.prose, (f) => f.score);
  }

  private onToolCall(call: ToolCallEvent): void {
    if (!call.sidechain) this.onTaskTool(call);
    const background = backgroundIdOf(call);
    if (background !== undefined) {
      // Reading a background command's output (Codex `write_stdin`, Claude Code `TaskOutput`): its
      // result is that command's outcome, judged as the command, never as a tool of its own.
      const started = this.running.get(background);
      this.remember(
        call,
        started
          ? { ...started, call, polled: background, startedLine: started.startedLine ?? started.call.line }
          : { call, commandKey: `${call.name}:${background}`, display: call.name, polled: background },
      );
      this.conversation.onToolCall(call, started?.display ?? call.name);
      return;
    }
    const shell = shellCallOf(call);
    if (shell) {
      // Reading the file a background command writes (`sleep 1; tail -n 20 server.log`) is reading that command's output.
      const logged = this.backgroundLogs.size ? this.backgroundLogs.get(readLogKey(shell.command, shell.cwd) ?? '') : undefined;
      if (logged) {
        this.remember(call, { ...logged, call, polled: `log:${logged.call.line}`, startedLine: logged.startedLine ?? logged.call.line });
        this.conversation.onToolCall(call, displayCommand(redactSecrets(shell.command.slice(0, 4000))));
        return;
      }
      const key = commandKey(shell.command);
      const display = displayCommand(redactSecrets(shell.command.length > 4000 ? shell.command.slice(0, 4000) : shell.command));
      const programs = programsOf(shell.command);
      if (isDistinctiveCommand(programs)) {
        const known = this.commands.get(key);
        if (known) {
          known.runs++;
          if (known.citations.length < 3) known.citations.push(citationOf(call));
          else known.citations[2] = citationOf(call);
        } else this.commands.set(key, { text: display, citations: [citationOf(call)], runs: 1 });
        pruneOldest(this.commands, WORKING.commands);
      }
      const family = commandFamily(shell.command, programs);
      // Parts chained with `&&` (or piped into a viewer) all ran and passed when the line passed; so did those
      // before a closing `; echo "exit=$?"` that echoed 0 (a line echoing another code failed: see echoedExitCode).
      const parts = shell.command.length <= 4000 ? parseCommandLine(shell.command) : undefined;
      const echoesExit =
        parts !== undefined &&
        parts.length > 1 &&
        /^echo\b.*\$\?/.test(
          parts
            .at(-1)!
            .words.map((w) => w.text)
            .join(' '),
        );
      const chained =
        parts?.every(
          (c, i) => c.separator === '&&' || c.separator === '' || c.separator === '|' || (echoesExit && c.separator === ';' && i === parts.length - 2),
        ) ?? false;
      const families = chained ? commandFamilyNames(programs) : undefined;
      const started: PendingCall = { call, commandLine: shell.command, programs, commandKey: family?.name ?? key, display, family, families, cwd: shell.cwd };
      this.remember(call, started);
      const log = backgroundLogOf(call, shell.command, shell.cwd);
      if (log) {
        this.backgroundLogs.set(log, started);
        pruneOldest(this.backgroundLogs, WORKING.pending);
      }
      for (const output of programOutputsOf(parts, shell.cwd)) if (this.programOutputs.size < WORKING.pending) this.programOutputs.add(output);
      this.commandAt.set(call.line, shell.command);
      pruneOldest(this.commandAt, WORKING.pending);
      this.conversation.onToolCall(call, display);
      this.noteChangedFiles(call);
      for (const change of packageChanges(programs)) this.onPackage(change.action, `${change.manager} ${change.name}`, change.name, display, call);
      if (SQL_DDL.test(shell.command)) this.onSchemaObjects(shell.command.slice(0, 20_000), call);
      return;
    }
    const edit = editCallOf(call);
    const target = edit?.path ?? (isObject(call.input) ? (str(call.input.file_path) ?? str(call.input.path) ?? str(call.input.pattern)) : undefined);
    const display = target ? `${call.name} ${target}` : call.name;
    this.remember(call, { call, commandKey: display, display });
    this.conversation.onToolCall(call, display);
    if (edit) {
      this.conversation.onFileChanged(this.files.relative(edit.path));
      const wrote = edit.replacements.at(-1)?.newString ?? edit.content ?? '';
      if (!call.sidechain)
        this.recentEdit = {
          display: `${call.name} ${this.files.relative(edit.path)}${wrote.trim() ? ` (${oneLine(redactSecrets(wrote.slice(0, 400)), 100)})` : ''}`,
          line: call.line,
        };
    }
    this.noteChangedFiles(call);
  }

  /** Files an apply_patch (as a tool or through the shell) touched, for the turn's timeline entry. */
  private noteChangedFiles(call: ToolCallEvent): void {
    const patch = patchTextOf(call);
    if (!patch) return;
    for (const m of patch.matchAll(/^\*\*\* (?:Add|Update|Delete) File: (.+)$/gm)) this.conversation.onFileChanged(this.files.relative(m[1].trim()));
  }

  private remember(call: ToolCallEvent, pending: PendingCall): void {
    if (!call.callId) return;
    this.pending.set(call.callId, pending);
    pruneOldest(this.pending, WORKING.pending);
  }

  private onTaskTool(call: ToolCallEvent): void {
    const list = taskListOf(call);
    if (list) {
      this.tasks.clear();
      // Each update of a task list repeats most of its items: those are redacted once, not at every update.
      const redacted = new Map<string, string>();
      list.forEach((task, i) => {
        const content = this.redactedTasks.get(task.content) ?? redactSecrets(task.content);
        redacted.set(task.content, content);
        this.tasks.set(String(i + 1), { ...task, content });
      });
      this.redactedTasks = redacted;
      return;
    }
    if (!isObject(call.input)) return;
    if (call.name === 'TaskCreate') {
      const content = str(call.input.subject) ?? str(call.input.description);
      if (content) this.tasks.set(String(this.tasks.size + 1), { content: redactSecrets(content), status: 'pending' });
    } else if (call.name === 'TaskUpdate') {
      const id = String(call.input.taskId ?? call.input.id ?? '');
      const task = this.tasks.get(id);
      if (!task) return;
      if (call.input.status === 'deleted') this.tasks.delete(id);
      else if (call.input.status !== undefined) task.status = normalizeTaskStatus(call.input.status);
      const subject = str(call.input.subject);
      if (subject) task.content = redactSecrets(subject);
    }
  }

  private onPackage(action: 'install' | 'uninstall', key: string, name: string, display: string, call: ToolCallEvent): void {
    if (action === 'install') {
      // Removed and added again (`uv remove x` then `uv add "x>=9.0"`): a reinstall, nothing given up. Added
      // again pinned to another version (`npm uninstall pdfjs-dist && npm install pdfjs-dist@3.11.174`): the
      // first was.
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (!new RegExp(`${escaped}(?:@|==)\\d`).test(display)) this.structural.delete(`package:${key}`);
      this.installed.set(key, { citation: citationOf(call), command: display });
      pruneOldest(this.installed, WORKING.packages);
      return;
    }
    const install = this.installed.get(key);
    if (!install) return;
    this.installed.delete(key);
    this.addStructural(`package:${key}`, {
      title: `Package \`${name}\` was installed (\`${install.command}\`) and later removed (\`${display}\`)`,
      detail: this.reasonNear(call.line, name),
      citations: [install.citation, citationOf(call)],
      score: 8 + specificity(name),
    });
  }

  /**
   * A database object made by one command and dropped by a later one (`CREATE VIEW ordrer_gammel …`, then
   * `DROP VIEW ordrer_gammel`): an approach tried in the database and given up, like a package removed again.
   * (Not a drop before a create in one command, which rebuilds; not a scratch or backup object, nor one dropped
   * because its job was done.)
   */
  private onSchemaObjects(command: string, call: ToolCallEvent): void {
    for (const drop of command.matchAll(DROP_OBJECT)) {
      const key = `${drop[1].toUpperCase()} ${drop[2].toLowerCase()}`;
      const made = this.createdObjects.get(key);
      if (!made) continue;
      this.createdObjects.delete(key);
      const said = this.lastProse && call.line - this.lastProse.line <= 12 ? this.lastProse.text : '';
      if (SCRATCH_OBJECT.test(drop[2]) || (CLEANUP_WORDS.test(said) && !GIVEN_UP_WORDS.test(said))) continue;
      this.addStructural(`dropped:${key}:${made.citation.line}`, {
        title: `\`${made.statement}\` was created and later dropped (\`${oneLine(drop[0], 120)}\`)`,
        detail: this.reasonNear(call.line, drop[2], true),
        citations: [made.citation, citationOf(call)],
        score: 8 + specificity(drop[2]),
      });
    }
    for (const create of command.matchAll(CREATE_OBJECT)) {
      const statement = oneLine(/^[^;"'\n]*/.exec(command.slice(create.index))![0].trim(), 140);
      this.createdObjects.set(`${create[1].toUpperCase()} ${create[2].toLowerCase()}`, { statement, citation: citationOf(call) });
    }
    pruneOldest(this.createdObjects, WORKING.packages);
  }

  /**
   * Whether the agent's words right before the call at `line` announce it (short, said just before, not a report of
   * work done: "Jack, I've successfully executed the plan: …" is a summary, not why an edit was undone).
   */
  private announcesUndoing(line: number): boolean {
    const said = this.lastProse;
    return (
      said !== undefined &&
      line - said.line <= 2 &&
      said.text.length <= 300 &&
      !/\b(?:successfully|i['’]ve (?:completed|executed|finished|done|made|updated|created)|all (?:done|set)|summary)\b/i.test(said.text)
    );
  }

  /** The model's stated reason just before `line`, for something it undid or replaced. */
  /** Turns what the file tracker saw undone into findings, while the reason given for it is still at hand. */
  private takeUndone(): void {
    for (; this.undoneSeen < this.files.undone.length; this.undoneSeen++) {
      const undone = this.files.undone[this.undoneSeen];
      const title =
        undone.kind === 'reverted-edit'
          ? `An edit to \`${undone.path}\` was reverted${undone.snippet ? `: ${undone.snippet}` : ''}`
          : `\`${undone.path}\`${undone.snippet ? ` (${undone.snippet})` : ''} was created and later deleted`;
      // A scratch file (`/tmp/icon.png`, a temp folder) is made to be deleted: cleaning up gives nothing up.
      // So is a throwaway test or debug script (`test_auth.py`, `debug-hook.sh`) removed once it has told what it had to.
      if (undone.kind === 'created-then-deleted' && (SCRATCH_PATH.test(undone.path) || THROWAWAY_NAME.test(posix.basename(undone.path)))) continue;
      // A lockfile deleted (for a clean reinstall) is made again by the package manager: nothing was given up.
      if (undone.kind === 'created-then-deleted' && LOCKFILE.test(posix.basename(undone.path))) continue;
      // A debug print added and taken out again, an import added and dropped: scaffolding, not an approach.
      // (Unless the import named a module a run in between could not find: a dependency tried and given up.)
      if (
        undone.scaffolding &&
        !this.missingModules.some((m) => m.line > undone.doneAt.line && m.line < undone.undoneAt.line && importsModule(undone.snippet, m.name))
      )
        continue;
      if (undone.kind === 'created-then-deleted' && this.servedItsPurpose(undone.path, undone.undoneAt.line)) continue;
      // Run and removed by one command (`python build_nb.py && … && rm build_nb.py`): a one-shot generator.
      if (undone.kind === 'created-then-deleted' && ranThenRemoved(this.commandAt.get(undone.undoneAt.line), posix.basename(undone.path))) continue;
      // A file git refused to overwrite ("untracked working tree files would be overwritten by merge"), removed
      // so the pull could bring the committed one: making way, not an approach given up.
      if (undone.kind === 'created-then-deleted' && [...this.inGitsWay].some((p) => undone.path === p || undone.path.endsWith(`/${p}`))) continue;
      // Made and removed by one command (`touch .env.local && git check-ignore .env.local && rm .env.local`): a probe.
      if (undone.kind === 'created-then-deleted' && undone.doneAt.line === undone.undoneAt.line) continue;
      this.addStructural(`${undone.kind}:${undone.path}:${undone.doneAt.line}`, {
        title,
        // (Words said right before the call that deleted a file or undid an edit are its announcement, and its reason
        // when one is given: "Otan tämän pois: libc already does it", "I'm taking it out again: …" name no file.)
        detail: this.reasonNear(
          undone.undoneAt.line,
          undone.kind === 'reverted-edit' && undone.snippet ? undone.snippet : undone.path,
          undone.discarded || this.announcesUndoing(undone.undoneAt.line),
        ),
        citations: [undone.doneAt, undone.undoneAt].map((c) => (c.uuid ? { line: c.line, uuid: c.uuid } : { line: c.line })),
        score: 7 + specificity(undone.path),
      });
    }
  }

  /**
   * A file removed once its job was done ("clean up by removing the script since the task is complete"):
   * tidying up, nothing given up. (Having run fine says nothing: a hook that ran, then was replaced by a
   * better one, was given up.) Unless the words around its removal say it did not work.
   */
  private servedItsPurpose(path: string, removedAt: number): boolean {
    const said = this.lastProse && removedAt - this.lastProse.line <= 12 ? this.lastProse.text : '';
    if (GIVEN_UP_WORDS.test(said)) return false;
    return CLEANUP_WORDS.test(said.split(posix.basename(path)).join(' '));
  }

  /** The model's words just before `line` about `subject` (a path, a package): the reason it undid it, if it said one. */
  private reasonNear(line: number, subject?: string, closeBy = false): string {
    // What the agent said just before undoing is its reason, whatever words it uses (「戻します」).
    if (closeBy && this.lastProse && line - this.lastProse.line <= 4) return `Why: ${oneLine(this.lastProse.text, 400)}`;
    const words = (subject ?? '')
      .toLowerCase()
      // (A path is named by its file; a snippet of code by all its words.)
      .replace(/^\S*\/(?=\S*$)/, '')
      .split(/[^\p{L}\p{N}_-]+/u)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w));
    const about = (text: string) => !subject || words.some((w) => text.toLowerCase().includes(w));
    // Only words that name what was undone (the file, the package, a word of the change) are its reason.
    if (this.lastProse && line - this.lastProse.line <= 12 && about(this.lastProse.text)) return `Why: ${oneLine(this.lastProse.text, 400)}`;
    return this.lastReason && line - this.lastReason.line < 40 && about(this.lastReason.text) ? `Why: ${oneLine(this.lastReason.text, 300)}` : '';
  }

  private addStructural(key: string, finding: { title: string; detail: string; citations: Citation[]; score: number }): void {
    if (this.structural.has(key)) return;
    this.structural.set(key, { key, analyst: 'rejected', source: 'offline', ...finding });
    pruneByScore(this.structural, WORKING.prose, (f) => f.score);
  }

  private onToolResult(original: ToolResultEvent): void {
    let result = original;
    const pending = this.pending.get(result.callId);
    if (pending) this.pending.delete(result.callId);
    this.conversation.onToolResult(result.callId, result.sidechain);
    const name = pending?.call.name ?? 'tool';
    let text = result.text;
    if (pending?.commandLine !== undefined || pending?.polled !== undefined) {
      // Still running (its outcome comes through a later poll) or stopped by the user: no outcome at all.
      const runningId = stillRunningId(text, pending);
      if (runningId !== undefined) {
        if (pending.commandLine !== undefined) {
          this.running.set(runningId, pending);
          pruneOldest(this.running, WORKING.pending);
        }
        return;
      }
      if (NO_OUTCOME.test(text.slice(0, 200))) {
        this.ranAgain(pending.commandKey, citationOf(result)); // stopped before it finished: re-run all the same
        return;
      }
      if (pending.polled !== undefined) {
        this.running.delete(pending.polled);
        const exit = /<exit_code>(-?\d+)<\/exit_code>/.exec(text.slice(0, 2000));
        if (exit && result.exitCode === undefined) result = { ...result, exitCode: Number(exit[1]), isError: exit[1] !== '0' };
        if (pending.commandLine === undefined) return; // the poll of a command this log never showed starting
      }
    }
    // A big output lives in tool-results/; the log keeps a preview. What failed is usually at its end.
    if (result.externalFile && (result.isError || (result.exitCode ?? 0) !== 0)) {
      const external = this.readExternal(result.externalFile);
      if (external) text = `${text}\n${external}`;
    }
    const isShell = pending?.commandLine !== undefined;
    // `./verify.sh; echo "exit=$?"` exits 0 whatever verify.sh did: the code it echoed is the outcome.
    const echoed = isShell && !result.isError && (result.exitCode ?? 0) === 0 ? echoedExitCode(pending!.commandLine!, text) : undefined;
    // (The echoed line itself, `EXIT: 26`, is the handover's evidence, not an error line of the command's.)
    if (echoed !== undefined) {
      text = text.trimEnd().replace(/\n?[^\n]*$/, '');
      result = { ...result, text, exitCode: echoed, isError: echoed !== 0 };
    }
    // Only what may be quoted is redacted (shell output, failures, answers): a successful Read or Edit
    // result is never cut into lines, and redacting every file the agent read would be the pass's main cost.
    if (
      !isShell &&
      !result.isError &&
      (result.exitCode ?? 0) === 0 &&
      name !== 'AskUserQuestion' &&
      !/^User has answered|doesn't want to proceed/.test(text.slice(0, 200))
    ) {
      this.onSuccess(pending?.commandKey ?? name, result, pending);
      if (!result.sidechain && pending && editCallOf(pending.call)) this.lastRanLine = result.line;
      return;
    }
    const programs = pending?.programs ?? [];
    const viewing = isShell && !isDistinctiveCommand(programs);
    const failedOn = (output: string) =>
      !(isShell && copiedFine(programs, result.exitCode)) &&
      (result.isError ||
        (result.exitCode !== undefined && result.exitCode !== 0) ||
        (isShell && !viewing && !exitCodeTrusted(result, pending) && looksFailed(output) && !tallyOnly(output, pending, result))) &&
      !(isShell && quietNoMatch(programs, output, result.exitCode, pending?.commandLine));
    // (A server's log read back holds its requests' timings and ids: what it logged, not what this session measured.)
    const measures =
      isShell &&
      !pending!.polled?.startsWith('log:') &&
      (!dumpsFiles(programs) || printsMeasurementFiles(programs) || this.printsProgramOutputs(programs, pending!.cwd)) &&
      !pending!.commandLine!.includes('*** Begin Patch') &&
      !/^apply_patch\b/.test(pending!.commandLine!.trim());
    const clipped = headAndTail(text, 24_000, 12_000);
    // A passing shell run whose output holds no measurement keeps none of its output (the timeline and the
    // check's outcome keep only the command): redacting it would be most of the pass's cost for nothing.
    // Whatever may be kept is decided again on the redacted text, so what is written is always redacted.
    const keepsNothing =
      isShell &&
      !/^User has answered your questions?:/.test(clipped) &&
      !REJECTED_BY_USER.test(clipped.slice(0, 400)) &&
      !failedOn(clipped) &&
      // A check with no exit code and no passing words counts as failing, and keeps its error lines.
      (!pending?.family?.kind || result.exitCode !== undefined || result.isError === false || looksPassing(clipped)) &&
      (!measures || measuredLines(clipped, 6, pending!.commandLine).length === 0);
    text = keepsNothing ? clipped : redactSecrets(clipped);
    result = { ...result, text };
    const readOnly = READ_ONLY_TOOLS.has(name);

    if (text.includes('untracked working tree files would be')) for (const path of untrackedInTheWay(text)) this.inGitsWay.add(path);
    if (name === 'AskUserQuestion' || /^User has answered your questions?:/.test(text)) {
      this.onUserAnswers(text, result, pending?.call);
      return;
    }
    if (REJECTED_BY_USER.test(text.slice(0, 400))) {
      this.onRefusal(text, result, pending);
      return;
    }

    const failed = failedOn(text);
    const commandKeyOf = pending?.commandKey ?? `${name}`;
    // A workspaces run whose section for a package now shows only passing tests settles that package's errors
    // (`> @shop/money@1.0.0 test` then `✔ …` rows only), however the run as a whole ended.
    if (this.workspaceErrors && isShell && text.includes('> ')) {
      const passed = passingWorkspaces(text);
      if (passed.size)
        for (const record of this.errors.values())
          if (record.workspace && !record.resolvedAt && record.last.line < result.line && passed.has(record.workspace)) record.resolvedAt = citationOf(result);
    }
    // A harness reporting a test passing by name settles a crash seen running that test's fixture by hand.
    if (this.fixtureErrors && isShell)
      for (const record of this.errors.values())
        if (record.fixture && !record.resolvedAt && record.last.line < result.line && passedByName(text, [record.fixture]))
          record.resolvedAt = citationOf(result);

    if (isShell && pending) this.settleRetried(pending, result, text, failed);
    if (isShell && pending && !failed) this.settleRunAsPart(pending, result, text);
    if (failed) {
      this.onFailure(result, pending, name, readOnly);
      if (isShell && pending) {
        this.ranBeforeTests(pending, result, text);
        this.awaitRetry(pending, result);
      }
    } else {
      this.onSuccess(commandKeyOf, result, pending);
    }
    if (isShell && pending) this.onRun(pending, result, text, failed, viewing);

    if (measures && !keepsNothing) {
      const inThisRun = new Map<string, number>();
      for (const line of measuredLines(text, 6, pending!.commandLine)) {
        // The same measurement printed again (`12 passed in 0.3s` after every run of a check) keeps only its
        // newest value. Any other command is measured per command line: a benchmark with the index and again
        // without it are two figures to compare. Lines of one run that differ only in their numbers (one per
        // month, per file) are all kept.
        // (A check's own summary only: `python3 report.py && python3 -m unittest` prints the report's figures too,
        // which differ per command line.)
        const alone = !/&&|\|\||;/.test(pending!.commandLine!);
        const checkSummary = !!pending!.family?.kind && CHECK_SUMMARY.test(line);
        const measured = checkSummary || (pending!.family?.kind && alone) ? pending!.commandKey : commandKey(pending!.commandLine!);
        const shape = `${measured}\u0000${dedupeKey(line)}`;
        const nth = inThisRun.get(shape) ?? 0;
        inThisRun.set(shape, nth + 1);
        // (At most a few: a table printed whole, `df -h` or a listing, is one report, not many measurements.)
        if (nth >= SAME_SHAPE_PER_RUN) continue;
        const key = nth ? `${shape}\u0000${nth}` : shape;
        // A command's first figure stays beside its newest (a benchmark before and after a change): the
        // comparison is what was measured. (A check's own summary keeps only its newest.)
        const earlier = this.numbers.get(key);
        if (earlier && earlier.text !== line && !checkSummary && !this.numbers.has(`${key}\u0000first`)) this.numbers.set(`${key}\u0000first`, earlier);
        this.numbers.delete(key);
        this.numbers.set(key, { text: line, citations: [citationOf(result)], command: pending!.display, order: this.numberOrder++ });
      }
      pruneOldest(this.numbers, WORKING.numbers);
    }
  }

  /**
   * One run of a shell command: the timeline's entry and, for test/build/lint runs, the check's last outcome
   * (none for a check whose output was filtered and says nothing of passing: see isFilteredCheck).
   */
  private onRun(pending: PendingCall, result: ToolResultEvent, text: string, failed: boolean, viewing: boolean): void {
    // A subagent's runs are the session's work too: same workspace, same checks.
    // (Printing a file, `cd app && sed -n '1,260p' page.tsx`, is reading it, like the Read tool: no step.)
    if (!viewing && !(!failed && readsFilesOnly(pending.programs ?? []))) {
      // A command (not a check: tests print errors on purpose) that exited 0 yet printed an error — a recipe's
      // `|| true`, a script that swallows its failure — passed only by its exit code: the timeline says both.
      // (The cheap test first: only an output with an error line of that shape is worth ranking its lines.)
      const printed = !failed && !pending.family?.kind && text.length < 20_000 && PRINTED_ERROR.test(text) ? errorLines(text).best : undefined;
      this.conversation.onCommand({
        display: pending.display,
        line: result.line,
        outcome: failed ? 'failed' : 'passed',
        ...(printed && PRINTED_ERROR.test(printed) ? { printed } : {}),
      });
      if (!failed) this.recentRun = { display: pending.display, line: result.line };
    }
    const family = pending.family;
    if (!family?.kind || (!failed && isFilteredCheck(pending, text))) return;
    // A check that never started (no such npm script, the program missing, a `cd` into nowhere before it)
    // has no outcome: "failing" would send the next agent to fix tests that never ran.
    if (failed && text.length < 800 && CHECK_NEVER_RAN.test(text)) return;
    const passed = !failed && (result.exitCode !== undefined || result.isError === false || looksPassing(text));
    const known = this.checks.get(family.name);
    // A run that passes only by skipping the tests that were failing (`cargo test -- --skip median_even`) leaves the
    // check as it stood: those tests have not passed.
    if (passed && known?.outcome === 'failing' && skipsAnyOf(pending.commandLine, known.failingTests ?? [])) return;
    const outcome: CheckOutcome = {
      family: family.display ?? family.name,
      kind: family.kind,
      outcome: passed ? 'passing' : 'failing',
      line: result.line,
      command: pending.display,
      runs: (known?.runs ?? 0) + 1,
      failingTests: passed ? [] : failingTestNames(text),
    };
    if (!passed) {
      const best = errorLines(text).best ?? lastLines(text, 1)[0];
      if (best) outcome.distinctive = best;
    }
    this.checks.delete(family.name); // re-inserted: the map's order is the order of last runs
    this.checks.set(family.name, outcome);
    // A build that failed to compile (`cargo build`: error[E0597]) is stale once the same program compiled the code
    // for another goal and ran it (`cargo test` running its tests, passing or not): the code compiles now.
    const program = family.name.split(' ')[0];
    if (family.kind === 'test' && RAN_TESTS.test(text) && !COMPILE_ERROR.test(text))
      for (const [name, check] of this.checks)
        if (check.kind === 'build' && check.outcome === 'failing' && name.split(' ')[0] === program && COMPILE_ERROR.test(check.distinctive ?? ''))
          this.checks.delete(name);
    // (A run narrowed by its flags is not the whole suite either: `cargo test --doc`, `--lib`, `--test ring`, `-- --skip x`.)
    const narrowed = /\s--(?:doc|lib|bins?|tests?|skip|exact)\b|\s-k\s|--deselect\b/.test(pending.commandLine ?? '');
    if (family.kind === 'test') this.lastTestRun = { line: result.line, passed, whole: family.targets.length === 0 && !narrowed, family: family.name };
  }

  /**
   * `python3 scripts/typecheck.py && python3 -m pytest -q` failing with the tests' own summary: the tests ran, so every
   * part chained before them by `&&` passed. Their earlier errors are settled by this run.
   */
  private ranBeforeTests(pending: PendingCall, result: ToolResultEvent, text: string): void {
    if (!this.errors.size || !pending.commandLine?.includes('&&') || !RAN_TESTS.test(text) || pending.commandLine.length > 4000) return;
    const parts = parseCommandLine(pending.commandLine);
    // (Each part as the reader sees it: `python3 -m pytest` unwrapped to pytest.)
    const familyOf = (part: (typeof parts)[number]) => {
      const text = part.words.map((w) => w.text).join(' ');
      return commandFamily(text, programsOf(text));
    };
    const last = parts.findLastIndex((part) => familyOf(part)?.kind === 'test');
    if (last <= 0 || parts.slice(0, last).some((part) => part.separator !== '&&')) return;
    const before = new Set(
      parts.slice(0, last).flatMap((part) => {
        const family = familyOf(part)?.name;
        const key = commandKey(part.words.map((w) => w.text).join(' '));
        return family ? [family, key] : [key];
      }),
    );
    for (const record of this.errors.values())
      if (!record.resolvedAt && record.last.line < result.line && before.has(record.commandKey)) {
        record.resolvedAt = citationOf(result);
        record.failedAgain = undefined;
      }
  }

  /** The user refused a tool call: their words are in the result, or in the message they type next. */
  private onRefusal(text: string, result: ToolResultEvent, pending: PendingCall | undefined): void {
    if (result.sidechain) return;
    // The call the agent made to carry out what it had just decided was refused: the user overturned it,
    // so it is no decision of the session (the refusal, in the user's words, is its own finding).
    const refusedAt = pending?.call.line ?? result.line;
    for (const [key, finding] of this.prose)
      if (
        finding.analyst === 'decisions' &&
        /\((?:in thinking|said by the agent)\b/.test(finding.detail) &&
        refusedAt >= finding.citations[0].line &&
        refusedAt - finding.citations[0].line <= 10 &&
        // (Only the first call after it: a decision already carried out by a call that ran is not undone
        // by the user refusing a later, other one.)
        !(this.lastRanLine !== undefined && this.lastRanLine > finding.citations[0].line && this.lastRanLine < refusedAt)
      )
        this.prose.delete(key);
    const said = /(?:reason for the rejection|the user said):?\s*([\s\S]{2,800})/i.exec(text);
    const what = pending ? `\`${pending.display}\`` : 'a tool call';
    const citations = pending ? [citationOf(pending.call), citationOf(result)] : [citationOf(result)];
    const finding: ScoredFinding = {
      key: `refusal:${result.line}`,
      analyst: 'refusals',
      title: '',
      detail: `refused ${what}`,
      citations,
      source: 'offline',
      score: 9 + (pending ? specificity(pending.display) / 4 : 0),
    };
    if (said && said[1].trim() && readsAsUserReason(said[1])) {
      finding.title = oneLine(said[1], 500);
      this.addRefusal(finding);
    } else {
      this.refusalsOpen.push(finding);
      this.conversation.onRefusal(`refused ${what}`, result.line);
    }
  }

  /** The typed message right after a refusal or an interrupt is the user's correction, in their words. */
  private attachRefusalWords(message: UserMessage): void {
    const correction = this.conversation.corrections.at(-1);
    // The same request sent again after an interrupt repeats it; it corrects nothing.
    const resent = this.conversation.messages.some((m) => m.line < message.line && m.text.trim() === message.text.trim());
    // …also when the same request is sent again cut or edited (its opening is the same).
    const opening = message.text.trim().slice(0, 40);
    const resentEdited = opening.length >= 20 && this.conversation.messages.some((m) => m.line < message.line && m.text.trim().startsWith(opening));
    const isCorrection = correction !== undefined && correction.line === message.line && !resent && !resentEdited;
    if (isCorrection && this.refusalsOpen.length && readsAsUserReason(message.text)) {
      // Calls refused together (parallel tool calls) and answered by one message are one refusal: the same
      // words listed twice would read as two corrections.
      const [first, ...others] = this.refusalsOpen;
      first.title = oneLine(message.text, 500);
      for (const other of others) first.citations.push(...other.citations);
      if (others.length) first.detail = `refused ${this.refusalsOpen.map((o) => o.detail.replace(/^refused /, '')).join(' and ')}`;
      first.citations.push(message.uuid ? { line: message.line, uuid: message.uuid } : { line: message.line });
      this.addRefusal(first);
      this.refusalsOpen = [];
      return;
    }
    this.flushRefusals();
    if (isCorrection && correction.after === 'interrupted the agent' && readsAsCorrection(message.text)) {
      // What the agent had just decided, stopped and corrected before anything ran, was overturned: no decision.
      const since = this.conversation.messages.filter((m) => m.line < correction.afterLine).at(-1)?.line ?? 0;
      for (const [key, finding] of this.prose)
        if (
          finding.analyst === 'decisions' &&
          /\((?:in thinking|said by the agent)\b/.test(finding.detail) &&
          finding.citations[0].line > since &&
          finding.citations[0].line < correction.afterLine &&
          !(this.lastRanLine !== undefined && this.lastRanLine > finding.citations[0].line && this.lastRanLine < correction.afterLine)
        )
          this.prose.delete(key);
      this.addRefusal({
        key: `interrupt:${correction.afterLine}`,
        analyst: 'refusals',
        title: oneLine(message.text, 500),
        detail: 'interrupted the agent, then said this',
        citations: [{ line: correction.afterLine }, message.uuid ? { line: message.line, uuid: message.uuid } : { line: message.line }],
        source: 'offline',
        score: 8,
      });
    }
  }

  /**
   * Refusals the user never put into words stay out of the refusals section, which holds the user's own
   * words: a bare "no" to a permission prompt says nothing the next agent can follow. The timeline still
   * shows every refused call.
   */
  private flushRefusals(): void {
    this.refusalsOpen = [];
  }

  private addRefusal(finding: ScoredFinding): void {
    this.structural.set(finding.key, finding);
  }

  /** Answers to the agent's questions (Claude Code's AskUserQuestion): choices the user made. */
  private onUserAnswers(text: string, result: ToolResultEvent, asked?: ToolCallEvent): void {
    const offered = offeredOptions(asked);
    for (const [question, answer] of answeredPairs(text, [...offered.keys(), ...askedQuestions(asked)])) {
      if (!result.sidechain) this.conversation.onAnswer(question, answer, result.line, result.uuid);
      // An answer typed instead of picking an option ("Other") is a reply, often a question back: the
      // conversation keeps it; only a pick among the options offered is a choice made.
      const options = offered.get(question.trim());
      if (options && !options.some((o) => answer.trim().toLowerCase().startsWith(o))) continue;
      // A question about how things are ("What is the status of…?", "Do you have…?") is answered with a
      // fact, not a choice.
      // (Asked of the question's last sentence: "You mentioned detailed architecture files (…). Do you have these ready?")
      if (ASKS_FOR_FACT.test(question.trim()) || ASKS_FOR_FACT.test(lastSentenceOf(question))) continue;
      // "Still exploring", "This is my first time", "Not sure yet": no choice made, whatever was asked.
      if (
        /^(?:i['’]m |we['’]re )?(?:still (?:exploring|deciding|thinking|figuring|undecided)|not sure(?: yet)?|undecided)\b|^(?:this is )?(?:my|our) first time\b|^i don['’]t know\b/i.test(
          answer.trim(),
        )
      )
        continue;
      // "Ready to proceed with the sync?" → "Yes, do it": leave to go on, not a choice between ways.
      if (
        ASKS_TO_GO_ON.test(question.trim()) &&
        /^(?:yes|yeah|yep|sure|ok(?:ay)?|go|proceed|do it|continue|sí|si|sim|oui|ja|はい|是|好)\b/i.test(answer.trim())
      )
        continue;
      const key = `decisions:${dedupeKey(question + answer)}`;
      if (this.prose.has(key)) continue;
      this.prose.set(key, {
        key,
        analyst: 'decisions',
        title: `Asked "${oneLine(question, 200)}", the user chose "${answer}".`,
        detail: '(answered by the user)',
        citations: [citationOf(result)],
        source: 'offline',
        score: 9 + specificity(answer),
      });
    }
  }

  private onFailure(result: ToolResultEvent, pending: PendingCall | undefined, name: string, readOnly: boolean): void {
    // The user stopping a tool is an interrupt, not the tool failing.
    // (Newer Claude Code answers an interrupted Edit or Bash with a bare `Interrupted by user`.)
    if (/^\s*(?:Exit code -?\d+\s+)?\[Request interrupted by user|^\s*Interrupted by user\s*$/.test(result.text)) return;
    // Git Bash on Windows failing to fork (`Command failed: cygpath -u …`, `0 [main] cygpath (30020)
    // child_copy: cygheap read copy failed … Win32 error 299`) before the command ran: the harness's
    // noise, gone on the next call. Only when nothing else is in the output.
    if (onlyForkNoise(result.text)) return;
    // A background shell that had already ended: nothing to kill. Not a failure of the work.
    if (TASK_ALREADY_ENDED.test(result.text.slice(0, 300))) return;
    // A look that found nothing (Read of a directory, `ls` of a missing folder) is not a failure of the work:
    // listing it as an unresolved error would send the next agent to fix what needs no fixing.
    if (
      readOnly ||
      (pending?.programs !== undefined &&
        (!isDistinctiveCommand(pending.programs) ||
          dumpsFiles(pending.programs) ||
          // (A look whose program is not there, `pytest --version` → "command not found", tells what is missing.)
          // (…also one given to a shell as its script, unless it says what went wrong: a look that found nothing says nothing,
          // `Select-String: The string … is not a valid regular expression` is the command's own fault.)
          ((isLookOnly(pending.programs) || (isLookOnly(scriptProgramsOf(pending.programs)) && !errorLines(result.text).best)) &&
            !/timed out|Permission denied/i.test(result.text.slice(0, 2000)) &&
            !PROGRAM_MISSING.test(result.text.slice(0, 2000)))))
    )
      return;
    // Not the work failing: Claude Code cancelling a call beside one that failed (that one is reported, in
    // either wording), a subagent asked to resume while it is still running (it finishes on its own), a
    // permission mode that refuses every tool call, the user's own PreToolUse hook blocking a call (a policy, not a fault).
    if (
      /^\s*(?:<tool_use_error>)?\s*(?:Cancelled: parallel tool call|Sibling tool call errored|Cannot resume agent \S+: it is still running|Permission to use \S+ has been auto-denied)|^\s*error: interrupted by the user\s*$|\bcd to '[^']*' was blocked\b|^\s*(?:Exit code \d+\s+)?(?:PreToolUse|PermissionRequest):\S+ hook error:/.test(
        result.text,
      )
    )
      return;
    // Asking a service manager how a unit is (`systemctl status x` exits 3 when it is inactive) is a look.
    if (
      pending?.programs?.some(
        (w) =>
          /^(?:systemctl|service|launchctl|sc)$/.test(programName(w)) &&
          w.some((x) => /^(?:status|is-active|is-enabled|is-failed|show|list-units|list|query)$/.test(x)),
      )
    )
      return;
    // A command whose failure says its goal already holds: `rm` of a file that is not there, `mkdir` of one
    // that is, `pkill` that found nothing to stop.
    if (pending?.programs && goalAlreadyHeld(pending.programs, result.text)) return;
    // Edit's "String to replace not found in file." is followed by the text it was given (`String: …`):
    // that is the agent's input, never the error.
    const summary = errorLines(pending?.commandLine === undefined ? result.text.replace(/\nString:[\s\S]*$/, '') : result.text);
    // A look that found nothing, inside a longer line (`ls /snap/bin/multipass && multipass version`):
    // `ls: cannot access …` says the thing is not there, which is what the look asked.
    if (LOOK_FOUND_NOTHING.test(summary.best ?? lastLines(result.text, 1)[0] ?? '')) return;
    // An Edit whose new text is its old text (`No changes to make: old_string and new_string are exactly the
    // same`): the file already says it; nothing failed that a later step must fix.
    if (/No changes to make: old_string and new_string are exactly the same/.test(result.text.slice(0, 300))) return;
    // A probe that printed nothing, its errors thrown away (`virsh list 2>/dev/null` → exit 127): finding out, not failing.
    if (
      !summary.lines.length &&
      pending?.commandLine !== undefined &&
      /2>\s*(?:\/dev\/null|nul\b)|-ErrorAction\s+SilentlyContinue/i.test(pending.commandLine) &&
      !plainOutput(result.text)
        .split('\n')
        .some((l) => l.trim() && !/^(?:Exit code \d+|Process exited with code \d+)$/.test(l.trim()))
    )
      return;
    // A search run over many files (`git ls-files | xargs grep …`): xargs exits 123 and grep 1 when some file had no
    // match. Its output is what it found; nothing failed.
    if (
      !summary.lines.length &&
      (result.exitCode === 1 || result.exitCode === 123) &&
      pending?.commandLine !== undefined &&
      (result.exitCode === 1
        ? pending.programs?.some((w) => /^(?:grep|egrep|fgrep|rg|ag|ack|findstr)$/.test(programName(w)) || (programName(w) === 'git' && w[1] === 'grep'))
        : /\bxargs\b[^|]*\b(?:grep|egrep|rg|ag)\b/.test(pending.commandLine))
    )
      return;
    // Asking a CLI for its help (`x --help` answering `unknown flag "--help"`) is finding out how it is called.
    if (USAGE_ERROR.test(summary.best ?? '') && pending?.commandLine !== undefined && /(?:^|\s)(?:--help|-h|help)(?:\s|$)/.test(pending.commandLine)) return;
    // A command that hit the harness's time limit with nothing wrong in its output: a server or a watcher
    // still running (`npm run dev`), not a failure.
    // (Claude Code 0.2 put its note first, later versions last.)
    if (/\bCommand timed out after \d/.test(`${result.text.slice(0, 200)}\n${result.text.slice(-400)}`) && !summary.lines.length) return;
    const strong = summary.lines.length > 0;
    // Stopped by a signal (143 SIGTERM, 137 SIGKILL, 130 Ctrl-C) with nothing wrong in its output: the agent
    // or the harness ended it (`npx astro dev & … kill $PID`), it did not fail.
    if (!strong && (result.exitCode === 143 || result.exitCode === 137 || result.exitCode === 130)) return;
    // No line looks like an error: a failing command usually says why at the end of its output. A harness's
    // time limit (Codex: `command timed out after 10011 milliseconds`) says it first; a separator the
    // command echoed itself (`echo "---pandas---"`) says nothing.
    // (Codex puts its `Total output lines: 246` header before the note.)
    const timedOut = /^\s*(?:Total output lines: \d+\s*)?(command timed out after \d+ milliseconds)/i.exec(result.text)?.[1];
    if (!strong) {
      const echoed = echoedBy(pending?.commandLine);
      const last = lastLines(result.text, 2);
      // (Output ending with the command's own echo: what ran after it printed nothing; the command says more.)
      // (`timeout 8s rostopic echo …` ending 124: what it printed last is data or progress; the time limit is why.)
      // (124 is what `timeout` and Codex's own time limit exit with: `Exit code: 124`, `Wall time: 240 seconds`.)
      const limit = result.exitCode === 124 ? /(?:^|[\s;&|(])timeout\s+(?:-\S+\s+)*(\d+(?:\.\d+)?[smhd]?)\s/.exec(pending?.commandLine ?? '')?.[1] : undefined;
      const wall = result.exitCode === 124 ? /^Wall time: (\d+(?:\.\d+)?) seconds/m.exec(result.text.slice(0, 300))?.[1] : undefined;
      // (Unless its last words name a failure of their own: `chmod: Unable to change file mode on …`.)
      summary.lines = timedOut
        ? [timedOut]
        : (limit || wall) && !ERROR_WORD.test(last.at(-1) ?? '')
          ? [limit ? `timed out: stopped by \`timeout ${limit}\` (exit 124)` : `timed out after ${wall} seconds (exit 124)`]
          : echoed.has(last.at(-1)?.trim() ?? '')
            ? []
            : // (Nor a build's progress row, `[ 26%] Building CXX object …`: where it was when the output was cut, not why it failed.)
              last.filter((line) => !echoed.has(line.trim()) && !/^\s*\[\s*\d{1,3}%\]\s|^HEAD is now at [0-9a-f]{7,}\b/.test(line));
    }
    // Without a telling line the last words of the output usually say why it failed; a tool's own error
    // (Edit's "String to replace not found in file.") says it first, and its last line is the text it quoted.
    if (!strong && !pending?.commandLine) summary.lines = firstLines(result.text, 1);
    // A lone word ("Error", "failed") names nothing: the command that failed says more.
    // (`… | sort | uniq -c` puts each line's count in front of it: `      7 error[E0658]: …` is the error seven times.)
    const counted = pending?.commandLine !== undefined && /\buniq\s+(?:-\w*c\w*|--count)\b/.test(pending.commandLine);
    const headline = summary.best ?? summary.lines.at(-1) ?? '';
    const picked = counted ? headline.replace(/^\s*\d+\s+(?=\S)/, '') : headline;
    const first = /^\W*(?:error|failed|failure|fatal|exception)\W*$/i.test(picked) || !/\p{L}/u.test(picked) ? '' : picked;
    if (!first && result.exitCode === undefined) return;
    const display = pending?.display ?? name;
    const cmdKey = pending?.commandKey ?? name;
    // A check failing again with nothing telling in what a pipe left of its output (`npm test | tail -n 12` ending in
    // stack frames): its open failure again, not a new error named by its last words.
    if (!strong && pending?.family?.kind && pending.commandLine !== undefined && OUTPUT_CUT_BY_PIPE.test(pending.commandLine)) {
      const open = [...this.errors.values()].filter((r) => r.commandKey === cmdKey && !r.resolvedAt && r.last.line < result.line).at(-1);
      if (open) {
        failedAgain(open, citationOf(result));
        return;
      }
    }
    // Edit, Write and MultiEdit of one file failing the same way are one error, named by the file: the
    // tool's message ("File has not been read yet") says nothing without it.
    const editTarget = pending && !pending.commandLine ? editCallOf(pending.call)?.path : undefined;
    let key = editTarget ? `edit:${editTarget}\u0000${dedupeKey(first)}` : this.errorKeyOf(cmdKey, first);
    const tests = failingTestNames(result.text);
    // (unittest names a failing test's module in its header, `ERROR: test_x (tests.test_runner.RunnerTest.test_x)`: a run
    // narrowed to that module, `python3 -m unittest tests.test_runner`, runs it again.)
    const modules = pending?.family?.name === 'unittest' ? unittestModules(result.text) : [];
    const files = [...tests.map(testFileOf), ...modules, ...(pending?.family?.targets ?? [])].filter((f): f is string => !!f);
    key = this.keyForFiles(key, files);
    // A server answering 5xx for the same address is one failure however the request was written (`curl -i … | grep`, then
    // `curl -o /dev/null -w 'code=%{http_code}' …`): seen again, it is failing again.
    const served = HTTP_5XX_LINE.test(first) && pending?.commandLine !== undefined ? addressesIn(pending.commandLine)[0] : undefined;
    if (served) key = `http-5xx\u0000${served}`;
    // The same tests of the same check failing again, the run's output cut or filtered so that only the runner's row for
    // them heads it (`✖ formats negative amounts (0.80ms)` under `| grep -E "^✖"`): its open error again. (A new message
    // under the same test, `ambiguous column name: …` after `no such column: …`, is another error.)
    if (!this.errors.has(key) && tests.length && pending?.family?.kind && FAILURE_ROW.test(first) && tests.some((t) => first.includes(t))) {
      const same = [...this.errors.values()].find(
        (r) => r.commandKey === cmdKey && !r.resolvedAt && r.tests?.length === tests.length && tests.every((t) => r.tests!.includes(t)),
      );
      if (same) key = same.key;
    }
    const citation = citationOf(result);
    // The same command failing again another way: the earlier errors were re-run, and are still failing.
    // (…also a check chained after another on the line: `cmake --build build && ctest --test-dir build` reruns ctest.)
    for (const ran of new Set([cmdKey, ...(pending?.families ?? [])]))
      this.ranAgain(
        ran,
        citation,
        key,
        pending?.commandLine !== undefined && !OUTPUT_CUT_BY_PIPE.test(pending.commandLine) ? result.text : undefined,
        pending?.commandLine !== undefined ? result.text : undefined,
        ran === cmdKey ? (pending?.family?.targets ?? []) : pending ? targetsOfPart(pending, ran) : [],
      );
    const existing = this.errors.get(key);
    if (existing) {
      failedAgain(existing, citation);
      // The same words from another test file's run (`expected 404 to be 200` in two files): that file's
      // passing run settles it too.
      for (const file of files) if (!existing.testFiles.includes(file)) existing.testFiles.push(file);
    } else {
      const exit = result.exitCode !== undefined && result.exitCode !== 0 ? ` (exit ${result.exitCode})` : '';
      const what =
        pending?.commandLine !== undefined
          ? `\`${display}\` failed${exit}`
          : `${name} failed${exit}${display !== name ? `: ${display.slice(name.length + 1)}` : ''}`;
      const title = editTarget && first ? `${this.files.relative(editTarget)}: ${first}` : first || what;
      // The tests this error is about: those its headline names, else the one whose block holds it.
      const inTitle = tests.filter((t) => title.includes(t));
      const owner = first && tests.length > 1 && !inTitle.length ? owningTest(result.text, first, tests) : undefined;
      const named = owner ? [owner] : inTitle;
      const its = named.length ? named : tests;
      const row = its.length === 1 && !inTitle.length ? runnerRowOf(result.text, its[0]) : undefined;
      const fixture = !tests.length ? fixtureOf(pending?.programs) : undefined;
      if (fixture) this.fixtureErrors++;
      const workspace = first ? workspaceOf(result.text, first) : undefined;
      if (workspace) this.workspaceErrors++;
      this.errors.set(key, {
        key,
        commandKey: cmdKey,
        ...(pending?.commandLine !== undefined && pending.commandLine.length <= 4000 ? { commandLine: pending.commandLine } : {}),
        family: pending?.family,
        editPath: editTarget,
        testFiles: [...new Set(files)],
        ...(tests.length ? { tests: named.length ? named : tests } : {}),
        title,
        ...(row ? { row } : {}),
        ...(fixture ? { fixture } : {}),
        ...(workspace ? { workspace } : {}),
        message: messageOf(title),
        what,
        lines: summary.lines,
        stack: summary.stack,
        exitCode: result.exitCode,
        count: 1,
        first: pending ? citationOf(pending.call) : citation,
        last: citation,
        strong,
        lowValue: readOnly || (pending?.programs !== undefined && !isDistinctiveCommand(pending.programs)),
        ...ranWhat(pending?.programs, first, result.text, pending?.cwd),
        suggestedFix: suggestedFixOf(summary.lines.length ? summary.lines.join('\n') : first),
        ...probeOf(pending?.programs, first),
        ...(pending?.commandLine !== undefined && SHELL_PARSE_ERROR.test(result.text.slice(0, 4000)) ? { unparsed: intentOf(pending) } : {}),
      });
      pruneByScore(this.errors, WORKING.errors, (e) => errorScore(e));
      this.conversation.onError(key, first ? `${display}: ${first}` : display, result.line);
    }
    // One run failing several tests, each with its own line naming it (Rust's `thread 'tests::a' panicked at
    // …`, pytest's `FAILED t.py::test_b - AssertionError: …`): each is its own error, fixed in its own time.
    // A workspaces run failing in several packages (`> @shop/money@1.0.0 test` … `> @shop/cart@1.0.0 test` …):
    // each package's failure its own error, settled when that package's tests pass.
    const mine = this.errors.get(key);
    if (first && pending && mine?.workspace) {
      const seen = new Set([mine.workspace]);
      const moved: string[] = [];
      for (const line of summary.lines) {
        const workspace = workspaceOf(result.text, line);
        if (!workspace || seen.has(workspace) || seen.size > OTHER_FAILURES_PER_RUN) continue;
        seen.add(workspace);
        const its = summary.lines.filter((l) => workspaceOf(result.text, l) === workspace);
        if (this.addPartError(this.errorKeyOf(cmdKey, line), line, pending, result, citation, display, { workspace, lines: its })) this.workspaceErrors++;
        moved.push(...its);
      }
      if (moved.length) mine.lines = mine.lines.filter((line) => !moved.includes(line));
      pruneByScore(this.errors, WORKING.errors, (e) => errorScore(e));
    }
    // A linter's rows (`src/a.js:6:12  error  Expected '===' …  eqeqeq`): each problem its own error, like a test.
    if (first && pending && LINT_ROW.test(first)) {
      const rows = summary.lines.filter((line) => line !== first && LINT_ROW.test(line)).slice(0, OTHER_FAILURES_PER_RUN);
      for (const line of rows) {
        this.addPartError(this.errorKeyOf(cmdKey, line), line, pending, result, citation, display);
      }
      const own = this.errors.get(key);
      if (own && rows.length) own.lines = own.lines.filter((line) => !rows.includes(line));
      pruneByScore(this.errors, WORKING.errors, (e) => errorScore(e));
    }
    // (Any command whose output names several failing tests ran tests: `sh build.sh` compiling, then running a harness.)
    if (first && pending && (pending.family?.kind === 'test' || tests.length > 1)) {
      const others = this.otherFailingTests(first, tests, summary.lines, result, pending, cmdKey, citation, display);
      // Each of them is its own error now: not also a line of this one, under this one's status.
      const own = this.errors.get(key);
      if (own && others.length) own.lines = own.lines.filter((line) => !others.includes(line));
      // …nor are the lines of the other failing tests left over (more than this run's share of errors).
      const mine = own?.tests;
      if (own && mine?.length && tests.length > 1)
        own.lines = own.lines.filter((line) => {
          const its = tests.filter((t) => namesTest(line, t));
          return !its.length || its.some((t) => mine.includes(t));
        });
    }
    if (!result.sidechain) this.recentFailure = { display, error: first, line: result.line };
    for (const line of summary.lines) {
      const name = MISSING_MODULE.exec(line);
      if (name && this.missingModules.length < 50) this.missingModules.push({ name: name[1] ?? name[2], line: result.line });
    }
  }

  /**
   * One part of a failing run as its own error (another failing test, a lint row, another workspace's failure),
   * or, seen before, that error failing again. True when it is new.
   */
  private addPartError(
    key: string,
    line: string,
    pending: PendingCall,
    result: ToolResultEvent,
    citation: Citation,
    display: string,
    extra: Partial<ErrorRecord> = {},
  ): boolean {
    const existing = this.errors.get(key);
    if (existing) {
      failedAgain(existing, citation);
      return false;
    }
    this.errors.set(key, {
      key,
      commandKey: pending.commandKey,
      family: pending.family,
      testFiles: [],
      title: line,
      message: messageOf(line),
      what: `\`${display}\` failed`,
      lines: [line],
      stack: [],
      exitCode: result.exitCode,
      count: 1,
      first: citationOf(pending.call),
      last: citation,
      strong: true,
      lowValue: false,
      ...extra,
    });
    return true;
  }

  /**
   * The key of an error seen in a run over `files`. The same words from another test file's run after the
   * first was fixed (`expected 404 to be 200` in documents' tests, fixed, then in permissions' tests) are a
   * new failure of that file, settled in its own time.
   */
  private keyForFiles(key: string, files: string[]): string {
    const earlier = this.errors.get(key);
    if (earlier?.resolvedAt && files.length && earlier.testFiles.length && !files.some((f) => earlier.testFiles.includes(f)))
      return `${key}\u0000${[...new Set(files)].sort().join(',')}`;
    return key;
  }

  /**
   * The key of an error line: its words (numbers aside). A panic printed without its message (a filter cut
   * it) is the error already open for the same test and place, whatever its message was.
   */
  private errorKeyOf(cmdKey: string, line: string): string {
    const panic = panicOf(line);
    if (panic?.bare)
      for (const record of this.errors.values()) if (record.commandKey === cmdKey && panicOf(record.title)?.where === panic.where) return record.key;
    return `${cmdKey}\u0000${dedupeKey(line)}`;
  }

  private otherFailingTests(
    first: string,
    tests: string[],
    lines: string[],
    result: ToolResultEvent,
    pending: PendingCall,
    cmdKey: string,
    citation: Citation,
    display: string,
  ): string[] {
    if (tests.length < 2) return [];
    const named = (line: string) => tests.filter((t) => namesTest(line, t));
    // The test a line is about: the one it names, else the one whose block (the row naming it above) holds it.
    const about = (line: string) => {
      const its = named(line);
      if (its.length) return its;
      const owner = owningTest(result.text, line, tests);
      return owner ? [owner] : [];
    };
    const taken = new Set(about(first));
    // Each other failing test by the line saying how it failed (`AssertionError: …`, a panic); a test whose
    // block says nothing more than its runner's row (unittest's `ERROR: test_x (…)` over a bare
    // `TimeoutError`) by that row. (Not pytest's `FAILED t.py::x - File "/home/…"`: that says nothing.)
    const saysHow = (line: string, test: string) => STRONG_TEST_FAILURE.test(line.split(test).join(' '));
    const picks: { line: string; test: string }[] = [];
    for (const line of lines) {
      const its = about(line).filter((t) => !taken.has(t) && !picks.some((p) => p.test === t));
      if (its.length === 1 && saysHow(line, its[0])) picks.push({ line, test: its[0] });
    }
    for (const line of lines) {
      const its = named(line).filter((t) => !taken.has(t) && !picks.some((p) => p.test === t));
      if (its.length === 1 && FAILURE_ROW.test(line)) picks.push({ line, test: its[0] });
    }
    const chosen = picks.slice(0, OTHER_FAILURES_PER_RUN);
    for (const { line, test } of chosen) {
      const key = this.keyForFiles(
        this.errorKeyOf(cmdKey, line),
        [testFileOf(test), ...(pending.family?.targets ?? [])].filter((f): f is string => !!f),
      );
      this.addPartError(key, line, pending, result, citation, display, {
        testFiles: [...new Set([testFileOf(test), ...(pending.family?.targets ?? [])].filter((f): f is string => !!f))],
        tests: [test],
        ...(namesTest(line, test) ? {} : { row: runnerRowOf(result.text, test) }),
      });
      pruneByScore(this.errors, WORKING.errors, (e) => errorScore(e));
    }
    return chosen.map((c) => c.line);
  }

  /**
   * `cmdKey` ran again at `at` without passing (failed another way, or stopped): its open errors were re-run.
   * An error saying the program could not start ("Permission denied", "command not found") is settled when
   * the re-run started it (its whole output, not cut by a pipe, no longer says so): the script now fails
   * inside, which is its own error. Other errors stay open: a compiler or a harness that cuts long output
   * may not print every error again, so a missing line proves nothing.
   */
  /** Whether a command only prints files that programs of this session wrote their output to (`head -n 3 out/report.txt`). */
  private printsProgramOutputs(programs: string[][], cwd: string | undefined): boolean {
    if (!this.programOutputs.size || !programs.length) return false;
    return programs.every((words) => {
      if (!['cat', 'head', 'tail'].includes(posix.basename(words[0]))) return false;
      const files = words.slice(1).filter((w) => !w.startsWith('-') && !/^\d+$/.test(w));
      return files.length > 0 && files.every((f) => this.programOutputs.has(logKey(f, cwd)) || printsMeasurementFiles([[words[0], f]]));
    });
  }

  /**
   * A command that failed (`python3 -m pustakam data/books.csv`, its traceback) run again as one part of a longer line
   * that passed (`python3 -m pustakam data/books.csv; python3 -m pytest -q`), its output no longer saying the error: it
   * ran again without it. (Checks are judged by their families.)
   */
  private settleRunAsPart(pending: PendingCall, result: ToolResultEvent, text: string): void {
    const line = pending.commandLine;
    if (line === undefined || line.length > 4000 || !/;|&&/.test(line) || !this.errors.size) return;
    const parts = parseCommandLine(line);
    if (parts.length < 2) return;
    // (Each part keyed the way a line of its own would be: by its family's name, else by its words.)
    const keys = new Set(
      parts.map((part) => {
        const words = part.words.map((w) => w.text).join(' ');
        return bareCommandKey(commandFamily(words, programsOf(words))?.name ?? commandKey(words));
      }),
    );
    for (const record of this.errors.values())
      if (
        !record.resolvedAt &&
        !record.family?.kind &&
        record.last.line < result.line &&
        record.commandKey !== pending.commandKey &&
        keys.has(bareCommandKey(record.commandKey)) &&
        !stillSays(text, record.message)
      ) {
        record.resolvedAt = citationOf(result);
        record.failedAgain = record.wentOn = undefined;
      }
  }

  /** The errors a failed shell command just left, to be settled by a retry that is the next shell command. */
  private awaitRetry(pending: PendingCall, result: ToolResultEvent): void {
    const keys: string[] = [];
    for (const record of this.errors.values()) if (record.last.line === result.line && record.commandKey === pending.commandKey) keys.push(record.key);
    const intent = retryIntentOf(pending);
    this.awaitingRetry =
      keys.length && intent ? { keys, commandKey: pending.commandKey, commandLine: pending.commandLine ?? '', intent, sidechain: result.sidechain } : undefined;
  }

  /**
   * A failed command written again another way at once (`python - <<PY` rewritten as `python -c "…"`, `rg "a|b" ||
   * echo none` without the `||`, the same request with the flag it lacked): the retry is that command run again.
   * Passing, it fixed the error; failing without the error's line, it got past it; failing with it, it failed again.
   * (Only the very next shell command, and only when it does the same with most of the same words: a retry of the
   * same command line is the same command, seen by ranAgain; a check's run is settled by its family.)
   */
  private settleRetried(pending: PendingCall, result: ToolResultEvent, text: string, failed: boolean): void {
    const waiting = this.awaitingRetry;
    this.awaitingRetry = undefined;
    if (!waiting || waiting.commandKey === pending.commandKey || waiting.sidechain !== result.sidechain) return;
    const intent = retryIntentOf(pending);
    // (Another address fetched is another page: reaching it says nothing of the one that failed.)
    if (!intent || !isRetryOf(waiting.intent, intent) || !fetchesSameAddress(waiting.commandLine, pending.commandLine ?? '')) return;
    // (`git pull` after `git push` failed is another command of the same program, not the push again.)
    if (otherSubcommand(waiting.commandLine, pending.commandLine ?? '')) return;
    // (What a pipe cut, or a filter's exit status, cannot show passing.)
    if (!failed && (OUTPUT_CUT_BY_PIPE.test(pending.commandLine ?? '') || isFilteredCheck(pending, text))) return;
    const at = citationOf(result);
    for (const key of waiting.keys) {
      const record = this.errors.get(key);
      if (!record || record.resolvedAt || record.family?.kind || record.last.line >= result.line) continue;
      // (A run that exits 0 yet prints the same error, caught and printed by the script, fixed nothing either; nor did a
      // probe that reports the module still missing, `openpyxl: NOT available`.)
      if (!failed && stillMissing(record.title, text)) continue;
      // (Nor one that leaves out what the error is about: the program that printed it, `jq: parse error` once `| jq .` is
      // dropped, or the value it names, `Error: 'modernbert'` once `-m …/modernbert` became another model.)
      if (dropsWhatFailed(record.title, waiting.commandLine, pending.commandLine ?? '')) continue;
      if (stillSays(text, record.message)) {
        if (failed) failedAgain(record, at);
        continue;
      }
      record.resolvedAt = at;
      record.failedAgain = record.wentOn = undefined;
      if (failed) record.retried = true;
    }
  }

  private ranAgain(cmdKey: string, at: Citation, exceptKey?: string, output?: string, shown?: string, targets: string[] = []): void {
    // (Read once for every open error of the command, and only if one of them is about named tests.)
    let closingList: Set<string> | undefined | null = null;
    let pytestRows: string[] | undefined | null = null;
    for (const record of this.errors.values())
      if (record.key !== exceptKey && record.commandKey === cmdKey && !record.resolvedAt && record.last.line < at.line) {
        record.wentOn = undefined;
        // A run narrowed to other targets (`npm test -w @acme/money` after `npm test --workspaces` failed in @acme/invoice)
        // may not have run it: that its output no longer says so proves nothing. (Its test passing by name still does.)
        const covered = !targets.length || ranTargetsOf(record, targets);
        // What the re-run printed, even cut by a pipe, may prove the error gone: every test it was about
        // reported passing by name (`test tests::p99 ... ok`), or a compiler's error followed by tests that
        // ran, which they cannot before the code compiles.
        if (shown !== undefined && (passedByName(shown, record.tests) || compiledPast(shown, record) || rowPassedLater(shown, record.title))) {
          record.resolvedAt = at;
          record.failedAgain = undefined;
          continue;
        }
        // …or the run's closing list of failures (cargo's `failures:`, pytest's short summary), whole even
        // under `| tail`, no longer names the tests it was about: they failed no more, whatever else did.
        if (closingList === null && shown !== undefined && record.tests?.length) closingList = closingFailureList(shown);
        if (!covered) {
          record.failedAgain = at;
          continue;
        }
        // unittest's verdict counts errors apart from failures: `FAILED (failures=1)` with no `errors=` means no test
        // raised, so an exception seen before (`sqlite3.OperationalError: …`, its test's name cut by `| tail`) is gone.
        // (Also when the test it was about now fails its assertion instead: `ERROR: test_x` before, `FAIL: test_x` now.)
        const nowFails = record.row?.startsWith('ERROR: ') && record.tests?.length === 1 && shown?.includes(`FAIL: ${record.tests[0]} (`);
        if (
          shown !== undefined &&
          (!record.tests?.length || nowFails) &&
          /\bunittest\b/.test(cmdKey) &&
          /^[\w.]*(?:Error|Exception): /.test(record.title) &&
          !/^AssertionError\b/.test(record.title) &&
          /^(?:FAILED \(failures=\d+\)|OK)\s*$/m.test(shown) &&
          !shown.includes(record.title.slice(0, 60))
        ) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
          continue;
        }
        // An uncaught exception ends the program that raised it, and its traceback comes last: a re-run of the same
        // command whose end (even under `| tail`) does not name the exception at all got past it (failing, if it
        // does, another way).
        const exception = /^([A-Z]\w*(?:Error|Exception)): /.exec(record.title)?.[1];
        if (
          exception &&
          !record.tests?.length &&
          // (Not a snippet, `python -c "…"` or a heredoc: the next snippet is another program.)
          !/\s-c\s|<</.test(record.what) &&
          shown !== undefined &&
          shown.length >= 200 &&
          record.stack.some((frame) => /^\s*File ".+", line \d+/.test(frame)) &&
          !shown.includes(exception)
        ) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
          continue;
        }
        // …as does C++'s: `terminate called after throwing an instance of 'std::out_of_range'` ends the run; a re-run whose
        // end no longer says so got past it.
        if (/^terminate called after throwing\b/.test(record.title) && shown !== undefined && shown.length >= 100 && !shown.includes('terminate called')) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
          continue;
        }
        // pytest's closing summary, whole (a row for every failure its tally counts), says how each failure failed
        // (`FAILED tests/t.py::x - ValueError: …`): an exception of a test whose name was cut (`| grep "^E "`) that none
        // of them names any more is gone, whatever else still fails.
        const raised = record.tests?.length ? undefined : raisedName(record.title);
        if (raised && shown !== undefined && pytestRows === null) pytestRows = pytestClosingFailures(shown);
        const failures = raised ? (pytestRows ?? undefined) : undefined;
        if (raised && failures && !failures.some((row) => row.includes(raised))) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
          continue;
        }
        const listed = record.tests?.length ? (closingList ?? undefined) : undefined;
        if (listed && record.tests!.every((t) => !listed.has(t))) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
          continue;
        }
        // A program that could not start (or a module missing: `python -m pytest` → "No module named pytest")
        // that now starts, even to fail another way, got past it.
        const couldNotStart = NOT_STARTED.test(record.title) || /\bNo module named\b/.test(record.title);
        if (output !== undefined && couldNotStart && output.trim() !== '' && !NOT_STARTED.test(output) && !STILL_MISSING.test(output)) {
          record.resolvedAt = at;
          record.gotPast = true;
          record.failedAgain = undefined;
        } else if (
          output !== undefined &&
          !couldNotStart &&
          record.family?.kind === 'test' &&
          output.length < WHOLE_TEST_OUTPUT &&
          !NOT_STARTED.test(output) &&
          RAN_TESTS.test(output) &&
          !stillSays(output, record.message) &&
          // (A panic's message, part of its headline, stands on the line under `panicked at` in newer Rust.)
          !stillPanics(output, record.title)
        ) {
          // A test run printed whole lists every failure: one no longer among them was fixed, whatever
          // else still fails (a test already failing before, another case of the same parametrized test).
          record.resolvedAt = at;
          record.gotPast = true;
          record.goneFromRerun = true;
          record.failedAgain = undefined;
        } else record.failedAgain = at;
      }
  }

  /** A passing call as a step of the work (a command that is no look, a file written or edited), shown by what it ran. */
  private stepOf(pending: PendingCall | undefined): string | undefined {
    if (!pending || pending.polled !== undefined) return undefined;
    // A patch (Codex's tool, or through the shell) is named by its files, not by its body.
    const patch = patchTextOf(pending.call);
    if (patch !== undefined) return ['apply_patch', ...new Set(patchEffects(patch).map((e) => this.files.relative(e.path)))].join(' ');
    if (pending.commandLine !== undefined) {
      const programs = pending.programs ?? [];
      return isDistinctiveCommand(programs) && !onlyLooksAround(programs) ? pending.display : undefined;
    }
    const edit = editCallOf(pending.call);
    return edit ? `${pending.call.name} ${this.files.relative(edit.path)}` : undefined;
  }

  private onSuccess(cmdKey: string, result: ToolResultEvent, pending: PendingCall | undefined): void {
    // `git revert --no-edit HEAD` → `[main 1a2b3c4] Revert "rates cache: 60 s TTL"`: a commit given up, named by its subject.
    const reverted =
      pending?.commandLine !== undefined && /\bgit revert\b/.test(pending.commandLine) ? /\bRevert "(.{3,200})"/.exec(result.text.slice(0, 4000)) : null;
    if (reverted && !result.sidechain)
      this.addStructural(`git-revert:${reverted[1]}`, {
        title: `Commit "${oneLine(reverted[1], 200)}" was reverted (\`${pending!.display}\`)`,
        detail: this.reasonNear(result.line, reverted[1], this.announcesUndoing(pending!.call.line)),
        citations: [citationOf(pending!.call), citationOf(result)],
        score: 8 + specificity(reverted[1]),
      });
    const targets = pending?.family?.targets ?? [];
    const editPath = pending && !pending.commandLine ? editCallOf(pending.call)?.path : undefined;
    // What this line ran and passed: with its parts chained by `&&` every part, else the last one.
    const ran = pending?.programs?.length ? (pending.families ? pending.programs : pending.programs.slice(-1)) : [];
    const cwd = pending?.cwd;
    // Worked out on the first open error only: most successful calls come while no error is open.
    let ranTargets: Set<string> | undefined;
    let ranPrograms: Set<string> | undefined;
    const programsRan = () => {
      const programs = new Set(ran.map((words) => toolAsProgram(programName(words))));
      // A program the shell could not find may be the agent's own tool: `applypatch: command not found`,
      // then the `apply_patch` tool did it.
      if (pending && !pending.commandLine) {
        programs.add(toolAsProgram(pending.call.name));
        // Codex's `shell` tool running `["apply_patch", …]` is its patch tool, seen as an edit.
        const argv = isObject(pending.call.input) ? pending.call.input.command : undefined;
        if (Array.isArray(argv) && typeof argv[0] === 'string') programs.add(toolAsProgram(posix.basename(argv[0])));
      }
      return programs;
    };
    const startedLine = pending ? (pending.startedLine ?? pending.call.line) : result.line;
    // Also worked out only when an open error needs them: the step this run was, whether its check was filtered.
    let step: string | undefined | null = null;
    let filtered: boolean | undefined;
    const output = pending?.commandLine !== undefined ? result.text : '';
    const runsIn = result.subagent ? `subagents/${result.subagent}` : '';
    for (const record of this.errors.values()) {
      if (record.resolvedAt !== undefined) continue;
      // A run that passes yet prints the same error (caught and printed by a try/catch) fixed nothing.
      if (record.message.length >= 24 && output.includes(record.message)) {
        // Printed by passing runs of other commands again and again (a broken `.bashrc` line before every
        // command): the shell's noise around the commands, not why one failed.
        if (record.commandKey !== cmdKey && (record.ambient = (record.ambient ?? 0) + 1) >= AMBIENT_RUNS) {
          // The command's own error, if its output had one beside the noise, takes the headline.
          const own = record.lines.filter((line) => !line.includes(record.message) && !record.message.includes(line.trim()) && /\p{L}/u.test(line));
          const headline = own.find((line) => ERROR_WORD.test(line));
          if (headline) {
            record.noiseHeadline = record.title;
            record.title = headline.trim();
            record.message = messageOf(record.title);
            record.lines = own;
            record.ambient = undefined;
          } else this.errors.delete(record.key);
        }
        continue;
      }
      // A passing probe that reports the module still missing (`openpyxl: NOT available`) installed nothing.
      if (output && stillMissing(record.title, output)) continue;
      if (!record.wentOn && !record.failedAgain && startedLine > record.last.line && (record.last.file ?? '') === runsIn) {
        if (step === null) step = this.stepOf(pending);
        if (step) record.wentOn = { ...citationOf(result), what: step };
        // The line the shell could not parse, written again to do the same and passing right after: it was fixed.
        if (
          step &&
          record.unparsed &&
          pending?.commandLine !== undefined &&
          sameIntent(record.unparsed, intentOf(pending)) &&
          fetchesSameAddress(record.what, pending.commandLine, record.title)
        ) {
          record.resolvedAt = citationOf(result);
          continue;
        }
      }
      // The thing a command looked for and did not find (`rospack find mbf_costmap_core` → `package
      // 'mbf_costmap_core' not found`) is found only by a run that names it: `rospack find pluginlib` passing is not.
      const notFound = NOT_FOUND_NAMED.exec(record.title);
      const sought = notFound?.[1] ?? notFound?.[2];
      if (sought && record.what.includes(sought) && pending?.commandLine !== undefined && !pending.commandLine.includes(sought)) continue;
      // A call the permission classifier denied is settled only by that call going through, not by another command.
      if (/\bPermission for this action was denied\b/.test(record.title) && pending && !record.what.includes(pending.display)) continue;
      // An install that failed (`go get entgo.io/ent/enttest@v0.13.1`) is not settled by installing something else
      // (`go get github.com/minio/minio-go/v7`): only by an install, or a run, that names what failed.
      if (pending?.commandLine !== undefined && INSTALLS.test(record.what) && INSTALLS.test(pending.commandLine)) {
        const wanted = installedNames(/`([^`]+)`/.exec(record.what)?.[1] ?? '');
        if (wanted.length && !wanted.some((name) => pending.commandLine!.includes(name))) continue;
      }
      // `git cherry-pick --abort` gives the operation up: its conflict is gone, not fixed (an abort that had
      // failed itself and now passes is settled as any command is).
      if (ABANDONS_OPERATION.test(pending?.commandLine ?? '') && !ABANDONS_OPERATION.test(record.what)) continue;
      ranTargets ??= new Set(ran.map((words) => runTarget(words, cwd)));
      ranPrograms ??= programsRan();
      if (
        record.usageOf !== undefined &&
        (ranPrograms.has(record.usageOf) || (record.usageOf === 'npm' && PACKAGE_RUNNER_IN_LINE.test(pending?.commandLine ?? ''))) &&
        startedLine > record.last.line
      ) {
        this.errors.delete(record.key);
        continue;
      }
      // A module installed (`pip install streamlit`, `npm i zod`) or its own program passing (`streamlit run …`).
      if (
        record.missingModule !== undefined &&
        startedLine > record.last.line &&
        (ranPrograms.has(toolAsProgram(record.missingModule)) ||
          packageChanges(pending?.programs ?? []).some((c) => c.action === 'install' && c.name.toLowerCase().replace(/_/g, '-') === record.missingModule))
      ) {
        record.resolvedAt = citationOf(result);
        continue;
      }
      if (
        record.missingPath !== undefined &&
        // (A script not found at one path runs fine from another: `bash scripts/x.sh` after `.kittify/…/x.sh`.)
        // (Run, not printed: `sed -n 1,80p x.ps1` after `pwsh x.ps1` failed only reads it.)
        (ranPrograms.has(record.missingPath.program) ||
          (SCRIPT_FILE.test(record.missingPath.name) && runsScript(pending?.programs ?? [], record.missingPath.name))) &&
        pending?.commandLine?.includes(record.missingPath.name) &&
        startedLine > record.last.line
      ) {
        record.resolvedAt = citationOf(result);
        continue;
      }
      // A certificate error is bypassed, not fixed, by a run told not to check it (`curl -k`, `--insecure`).
      if (CERTIFICATE_ERROR.test(record.title) && SKIPS_CERTIFICATE_CHECK.test(pending?.commandLine ?? '')) continue;
      // A run started before the failure was seen (a call made beside it) cannot be its fix.
      if ((record.last.file ?? '') === (result.subagent ? `subagents/${result.subagent}` : '') && startedLine < record.last.line) continue;
      // A compiler's error is gone once the same program compiles the code again for any goal: `cargo build`
      // failed, `cargo run` now runs; `go vet` failed to compile, `go test` passes.
      if (COMPILE_ERROR.test(record.title) && pending?.commandLine !== undefined && compilesAgain(record, ran)) {
        record.resolvedAt = citationOf(result);
        continue;
      }
      // A run that leaves out the program that printed the error (`| jq .` dropped after `jq: parse error`) settles nothing.
      if (!record.family?.kind && pending?.commandLine !== undefined && dropsWhatFailed(record.title, record.commandLine ?? record.what, pending.commandLine))
        continue;
      // Checks (tests, builds, linters) are judged by their family below; other commands by what they ran.
      const byTarget = !record.family?.kind && record.target !== undefined && ranTargets.has(record.target);
      const suggested = record.suggestedFix !== undefined && (record.suggestedFix === cmdKey || (pending?.families?.includes(record.suggestedFix) ?? false));
      if (byTarget || suggested || (record.missingProgram && ranPrograms.has(toolAsProgram(record.missingProgram)))) {
        record.resolvedAt = citationOf(result);
        continue;
      }
      // The same family passing, a passing run aimed at the failing test file or target, or the file
      // a failed Edit/Write was aimed at edited successfully after all.
      // A run of other test files of the same family (`playwright test b.spec.ts` after `a.spec.ts` failed) says nothing of the failing ones.
      // (A family chained after the line's first, `bash -n v.sh && ./v.sh`, is judged by its own part's targets.)
      const partTargets = record.commandKey !== cmdKey && pending?.families?.includes(record.commandKey) ? targetsOfPart(pending, record.commandKey) : targets;
      // (A run narrowed by a name pattern that the failing tests match, tcltest's `-match 'tally-2.*'`, ran them again.)
      const ranItsTests =
        record.tests !== undefined &&
        record.tests.length > 0 &&
        partTargets.length > 0 &&
        record.tests.every((test) => partTargets.some((p) => namePatternMatches(p, test)));
      const otherTargets =
        !ranItsTests &&
        record.family?.kind !== undefined &&
        record.testFiles.length > 0 &&
        partTargets.length > 0 &&
        !record.testFiles.some((f) => partTargets.some((t) => sameFile(f, t) || covers(t, f)));
      // …nor does a run narrowed to some files (`bun test src/a.test.ts`) say anything of a whole suite's
      // failure whose failing files are unknown.
      const narrower =
        !ranItsTests && record.family?.kind !== undefined && partTargets.length > 0 && record.family.targets.length === 0 && record.testFiles.length === 0;
      const sameFamily =
        (!otherTargets && !narrower && (record.commandKey === cmdKey || (pending?.families?.includes(record.commandKey) ?? false))) ||
        (editPath !== undefined && record.editPath === editPath);
      const sameTarget =
        record.family?.kind !== undefined && pending?.family?.kind === record.family.kind && record.testFiles.some((f) => targets.some((t) => sameFile(f, t)));
      // A server that could not be reached (`curl: (7) Failed to connect …`) was reached by any later fetch of it that passed.
      const reached =
        CONNECTION_FAILURE.test(record.title) &&
        pending?.commandLine !== undefined &&
        /\b(?:curl|wget|xh|http)\b/.test(pending.commandLine) &&
        addressesIn(pending.commandLine).length > 0 &&
        fetchesSameAddress(record.what, pending.commandLine, record.title);
      // A run that leaves the failing file out (`--ignore=tests/test_tasks.py`) says nothing of it.
      if (record.testFiles.some((f) => leavesOut(pending?.commandLine, f))) continue;
      // …nor a cargo run narrowed to other targets: `cargo test --doc` or `--lib` runs no `tests/*.rs`, `--test ring` only
      // tests/ring.rs.
      // (Where a panic happened says which target failed: `tests/ring.rs`, or `src/lib.rs` for a doc-test.)
      const panicFile = /\bpanicked at ((?:[\w.-]+\/)*[\w-]+\.rs):\d/.exec(record.title)?.[1];
      const ranFiles = panicFile ? [panicFile] : record.testFiles;
      if (ranFiles.length && !cargoRunCovers(pending?.commandLine, ranFiles)) continue;
      // …nor a run that skips the very tests it was about (`-- --skip median_even_count`, `-k "not test_x"`).
      if (record.tests?.length && skipsAnyOf(pending?.commandLine, record.tests)) continue;
      // …nor a run without the feature or target the failure was built with (`cargo test --features simd`).
      if (!hasBuildVariant(record, pending?.commandLine ?? '')) continue;
      // …nor a fetch or a navigation to another address (`browse goto https://a/…` failed, `goto https://b/…` passed).
      if (!record.family?.kind && !fetchesSameAddress(record.what, pending?.commandLine ?? '', record.title)) continue;
      // `npx tsc --noEmit | grep DMAutomation` passing says nothing of the errors its filter left out.
      if ((sameFamily || sameTarget || reached) && !(filtered ??= isFilteredCheck(pending, result.text))) record.resolvedAt = citationOf(result);
    }
  }

  /** The analysis so far; call once, after the last event. */
  finish(lines: number, agent: AgentKind | undefined): OfflineAnalysis {
    this.takeUndone();
    this.flushRefusals();
    // A failed Edit/Write is resolved when the file was changed after it by any means (a shell write too).
    // (Not by `touch` alone: that changes no content, a Write refused for an unread file stays undone.)
    const changedAt = new Map(
      this.files
        .files()
        .filter((f) => f.how.some((how) => how !== 'touch'))
        .map((f) => [f.path, f.lastLine]),
    );
    const stillThere = new Set(
      this.files
        .files()
        .filter((f) => f.status !== 'deleted')
        .map((f) => f.path),
    );
    const createdAt = this.files.createdLines();
    // A file deleted and then made again (a copy replaced by a symlink, a regenerated file) was not given up.
    for (const [key, finding] of this.structural) {
      // A reverted edit made again later stands in the end: nothing was given up.
      if (key.startsWith('reverted-edit:') && this.files.reapplied.has(key.slice('reverted-edit:'.length))) {
        this.structural.delete(key);
        continue;
      }
      const path = key.startsWith('created-then-deleted:') ? key.slice('created-then-deleted:'.length).replace(/:\d+$/, '') : undefined;
      const again = path !== undefined ? changedAt.get(path) : undefined;
      // `rm deploy.yml && mv deploy-fixed.yml deploy.yml`: made again by the very line that deleted it.
      const deletedLine = finding.citations[1]?.line ?? Infinity;
      if (again !== undefined && (again > deletedLine || (again === deletedLine && stillThere.has(path!)))) this.structural.delete(key);
      // A file of the same name written elsewhere around its deletion was moved there, not given up.
      const deletedAt = finding.citations[1]?.line;
      if (path !== undefined && deletedAt !== undefined) {
        const name = posix.basename(path);
        // Written there before the deletion (`app/[locale]/page.tsx`, then `rm app/page.tsx`) and edited
        // long after: its first write is what stands beside the deletion.
        for (const [other, line] of changedAt) {
          const first = createdAt.get(other) ?? line;
          if (other !== path && posix.basename(other) === name && Math.min(Math.abs(line - deletedAt), Math.abs(first - deletedAt)) <= 30)
            this.structural.delete(key);
        }
      }
    }
    // (Cited at the first change after the failure: the newest change of the file may be a much later, unrelated one.)
    for (const e of this.errors.values()) {
      if (e.resolvedAt || !e.editPath) continue;
      // (The edit tool's path as Windows writes it, `C:\\app\\.claude\\x.json`, meets the shell's `.claude/x.json`.)
      const file = this.files.relative(canonicalLogPath(e.editPath));
      const at = this.files.firstChangesAfter(e.last.line).get(file) ?? changedAt.get(file);
      if (at !== undefined && at > e.last.line) e.resolvedAt = { line: at };
    }
    // A shell command that failed to write a file (`sed -i …`, `cat > f <<EOF` that broke) is settled when
    // that file was changed after it by any means (a node script, a heredoc, an edit tool).
    // (Not a failed install by another install: `go get x` writes go.mod, which installing something else changes too;
    // an edit dropping the dependency from go.mod does settle it.)
    for (const e of this.errors.values()) {
      if (e.resolvedAt || e.first.file) continue;
      const meant = this.files.failedWrites.get(e.first.line);
      const byInstall = (line: number) => INSTALLS.test(e.what) && INSTALLS.test(this.commandAt.get(line) ?? '');
      const firstAfter = this.files.firstChangesAfter(e.last.line);
      const at = meant?.map((path) => firstAfter.get(path) ?? changedAt.get(path)).find((line) => line !== undefined && line > e.last.line && !byInstall(line));
      if (at !== undefined) e.resolvedAt = { line: at };
    }
    // The suite passing at the end resolves every test failure before that run.
    const suite = this.lastTestRun;
    if (suite?.passed && suite.whole) {
      // (Only that suite's failures: a passing `pytest` says nothing about the `cargo test` failures of the same session.)
      for (const e of this.errors.values())
        if (!e.resolvedAt && e.family?.kind === 'test' && e.family.name === suite.family && e.last.line < suite.line) e.resolvedAt = { line: suite.line };
    }
    // The same command called again without a result in the log (`git push` once more as the session ended): it was
    // re-run, its outcome unknown. Saying "not re-run" would be false; saying "fixed" a guess.
    for (const call of this.pending.values())
      for (const e of this.errors.values())
        if (!e.resolvedAt && !e.failedAgain && call.commandKey === e.commandKey && call.call.line > e.last.line && call.commandLine !== undefined) {
          e.rerunUnseen ??= citationOf(call.call);
          e.wentOn = undefined;
        }
    const errorFindings: Finding[] = [...this.errors.values()].map((e) => ({
      analyst: 'errors',
      title: e.row ? `${e.row} — ${e.title}` : e.title,
      detail: errorDetail(e),
      citations: e.count > 1 ? [e.first, e.last] : [e.first, e.last].filter((c, i) => i === 0 || c.line !== e.first.line),
      source: 'offline',
      score: errorScore(e),
      status: e.resolvedAt ? 'resolved' : 'unresolved',
      command: e.what,
      ...(e.resolvedAt ? { resolvedBy: e.resolvedAt } : e.wentOn ? { wentOnWith: e.wentOn } : {}),
      ...(e.resolvedAt && e.retried
        ? { resolvedAs: 'retried' as const }
        : e.resolvedAt && e.goneFromRerun
          ? { resolvedAs: 'gone-from-rerun' as const }
          : e.resolvedAt && e.gotPast
            ? { resolvedAs: 'got-past' as const }
            : {}),
    }));
    const talk = this.conversation.finish();
    const byKey = new Map([...this.errors.values()].map((e) => [e.key, e]));
    for (const turn of talk.turns) {
      // An error the analysts later judged no error (a probe, the shell's noise, settled another way) and
      // dropped has no status to tell: the timeline must not call it "not fixed".
      turn.errors = turn.errors.filter((error) => error.key === undefined || byKey.has(error.key));
      for (const error of turn.errors) {
        const record = error.key !== undefined ? byKey.get(error.key) : undefined;
        if (record?.noiseHeadline) error.text = oneLine(error.text.replace(record.noiseHeadline, record.title), 240);
        const at = record?.resolvedAt?.line;
        error.resolved = at !== undefined;
        if (at !== undefined) error.resolvedLine = at;
        else if (record?.wentOn) error.wentOnLine = record.wentOn.line;
        delete error.key;
      }
    }
    const lastRequest = talk.lastRequest !== undefined ? talk.messages[talk.lastRequest] : undefined;
    const top = (analyst: 'decisions' | 'rejected' | 'refusals', limit: number) =>
      [...this.prose.values(), ...this.structural.values()]
        .filter((f) => f.analyst === analyst)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ key: _key, ...finding }) => finding);
    const findings = [
      ...top('decisions', LIMITS.decisions),
      ...mergeSameErrors(errorFindings)
        .sort((a, b) => b.score - a.score)
        .slice(0, LIMITS.errors),
      ...top('rejected', LIMITS.rejected),
      ...top('refusals', LIMITS.rejected),
    ].map((f) => ({ ...f, score: Math.round(f.score * 10) / 10 }));

    return {
      ...this.meta,
      agent: this.meta.agent ?? agent,
      lines,
      findings,
      lastUserRequest: lastRequest
        ? {
            text: lastRequest.text.length > MAX_USER_REQUEST ? lastRequest.text.slice(0, MAX_USER_REQUEST) + '…' : lastRequest.text,
            citation: lastRequest.uuid ? { line: lastRequest.line, uuid: lastRequest.uuid } : { line: lastRequest.line },
          }
        : undefined,
      conversation: { messages: talk.messages, lastRequest: talk.lastRequest },
      checks: [...this.checks.values()].sort((a, b) => a.line - b.line),
      stopped: talk.stopped,
      timeline: talk.turns,
      reasoning: talk.reasoning,
      commands: [...this.commands.values()]
        .slice(-LIMITS.commands)
        .map((c) => ({ text: c.runs > 1 ? `${c.text}  (run ${c.runs}×)` : c.text, citations: c.citations, command: c.text })),
      numbers: [...this.numbers.values()]
        .slice(-LIMITS.numbers)
        .sort((a, b) => a.order - b.order)
        .map(({ order: _order, ...fact }) => fact),
      constraints: [...this.constraints.values()].slice(-LIMITS.constraints),
      openTasks: [...this.tasks.values()],
      compactionSummaries: this.compactionSummaries,
      compactions: this.compactions.sort((a, b) => a.line - b.line),
    };
  }
}

/** A test runner's own report that it ran tests (a count, a verdict per test): it started, whatever failed. */
const RAN_TESTS =
  /\b\d+ (?:passed|failed|failing|errors?|tests?)\b|^\s*(?:ℹ|#)\s*(?:pass|fail|tests) \d|^\s*Tests?:\s+\d|^\s*(?:FAIL|PASS)\s+\S|^\s*[✖✕×✓✔]\s|^\s*not ok \d|^\s*--- (?:FAIL|PASS):|\btest result:|^\s*\d+\) /m;
/** A test run's output short enough to be whole (a harness keeps a long one's head and tail). */
const WHOLE_TEST_OUTPUT = 20_000;

/** A compiler's error that stops every test from running (rustc, javac, a C or Go compiler); never TypeScript's, which a test runner skips. */
const COMPILE_ERROR =
  /\berror\[E\d{4}\]|\.(?:java|c|cc|cpp|cxx|h|hpp|go|rs|swift|kt|scala|cs):\d+(?::\d+)?:? (?:fatal )?error\b|\berror CS\d{4}\b|\[build failed\]/;

/**
 * The failing tests a run lists at its end, which a tail of its output still holds whole: cargo's second
 * `failures:` block before `test result:`, pytest's "short test summary info". Undefined without such a list.
 */
/** The exception an error's headline names (`AssertionError: …`, pytest's bare `assert x == y` being one). */
function raisedName(title: string): string | undefined {
  if (/^assert\s/.test(title)) return 'AssertionError';
  return /^(?:E\s+)?([A-Z]\w*(?:Error|Exception))(?::|$)/.exec(title)?.[1];
}

/** pytest's short test summary: its rows, then its closing tally (under `-q` without a rule around it: `1 failed, 12 passed in 2.24s`). */
const PYTEST_SUMMARY =
  /^=+ short test summary info =+\n([\s\S]*?)\n(=+ [^\n]*\b(?:failed|passed|errors?)\b[^\n]*=+|\d+ (?:failed|passed|errors?)\b[^\n]*\bin [\d.]+s)\s*$/m;

/**
 * The rows of pytest's short test summary (`FAILED tests/t.py::x - ValueError: …`), when they are every failure its
 * closing tally counts (`1 failed, 5 passed in 0.61s`); undefined when the summary or a row is missing.
 */
function pytestClosingFailures(output: string): string[] | undefined {
  const block = PYTEST_SUMMARY.exec(output);
  if (!block) return undefined;
  const rows = block[1].split('\n').filter((l) => /^(?:FAILED|ERROR)\s+\S/.test(l));
  const counted = [...block[2].matchAll(/(\d+) (?:failed|errors?)\b/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  return counted > 0 && rows.length === counted && rows.every((row) => / - \S/.test(row)) ? rows : undefined;
}

function closingFailureList(output: string): Set<string> | undefined {
  const cargo = /^failures:\n((?:[ \t]+\S+\n)+)\s*\ntest result: FAILED\b/m.exec(output);
  if (cargo)
    return new Set(
      cargo[1]
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  // …or, its `failures:` list filtered out (`| grep -E "^test result|FAILED"`), a `test x ... FAILED` row for every failure
  // its tallies count: the rows are then the whole list.
  const failedRows = new Set([...output.matchAll(/^test (\S+) \.\.\. FAILED\s*$/gm)].map((m) => m[1]));
  const tallied = [...output.matchAll(/^test result: FAILED\. \d+ passed; (\d+) failed\b/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (tallied > 0 && failedRows.size === tallied) return failedRows;
  // unittest heads every failure and error with `FAIL: name (…)` / `ERROR: name (…)` before its summary
  // (`Ran 6 tests in 0.08s` then `FAILED (failures=1)`): kept by a `grep -E "^(FAIL|ERROR|Ran)"` too.
  // (Only when every failure's header is still there: under `| tail -n 3` only `Ran 7 tests` and `FAILED (failures=1)` are.)
  if (/^Ran \d+ tests? in /m.test(output) && /^(?:OK\b|FAILED \()/m.test(output)) {
    const names = new Set([...output.matchAll(/^(?:FAIL|ERROR): (\w+) \(/gm)].map((m) => m[1]));
    const verdict = /^FAILED \(([^)]*)\)/m.exec(output)?.[1] ?? '';
    const counted = [...verdict.matchAll(/\b(?:failures|errors)=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    return names.size >= counted ? names : undefined;
  }
  // node --test closes with `✖ failing tests:` and one `✖ name (12.3ms)` per failure, after its `ℹ fail N` summary.
  const node = /^✖ failing tests:\s*$/m.exec(output);
  if (node && /^ℹ fail \d+/m.test(output)) return new Set([...output.slice(node.index).matchAll(/^✖ (.+?) \([\d.]+m?s\)\s*$/gm)].map((m) => m[1]));
  // ctest lists every failing test under `The following tests FAILED:` (`  3 - test_full (Failed)`), after its count.
  const ctest = /^\d+% tests passed, \d+ tests? failed out of \d+/m.test(output)
    ? /^The following tests FAILED:\n((?:[ \t]+\d+ - \S+ \([^)]*\)\n?)+)/m.exec(output)
    : null;
  if (ctest) return new Set([...ctest[1].matchAll(/\d+ - (\S+) \(/g)].map((m) => m[1]));
  // (Under `-q` its closing line has no rule around it: `1 failed, 12 passed in 2.24s`.)
  const pytest = PYTEST_SUMMARY.exec(output);
  if (pytest)
    return new Set(
      pytest[1]
        .split('\n')
        .map((l) => /^(?:FAILED|ERROR)\s+(\S+::\S+)/.exec(l)?.[1])
        .filter((n): n is string => !!n),
    );
  return undefined;
}

/** A Rust panic's test and place, and whether its message was cut off (`thread 'x' (18999) panicked at src/t.rs:23:9:` alone). */
function panicOf(line: string): { where: string; bare: boolean } | undefined {
  const panic = /^thread '([^']+)'(?: \(\d+\))? panicked at ([^\s:]+):\d+(?::\d+)?:?(.*)$/.exec(line);
  return panic ? { where: `${panic[1]} ${panic[2]}`, bare: panic[3].trim() === '' } : undefined;
}

/** A line that says how a named test failed: a panic, an exception or assertion with its message. */
const STRONG_TEST_FAILURE = /\bpanicked at\b|\b\w*(?:Error|Exception)\b:\s+\S|\bassert(?:ion)?\b\s+\S/;
/** A linter's row for one problem, with its file first: `src/a.js:6:12  error  Expected '===' …  eqeqeq`. */
const LINT_ROW = /^[^\s:]+:\d+:\d+\s+error\s+\S/;
/** A test runner's row for one failing test: unittest's `ERROR: test_x (…)`, go's `--- FAIL: TestX`, TAP's `not ok 3 - x`, tcltest's `==== x-1.5 … FAILED`. */
// (…also a harness's row in its own language: `FALLITO TestFattura.testBollo: …`.)
const FAILURE_ROW = new RegExp(
  `^\\s*(?:(?:FAIL|ERROR|FAILED):? \\S|--- FAIL:|not ok \\d|[✕✗✖×]\\s|==== \\S+ .*FAILED$)|${FOREIGN_FAILING_TEST_ROW.source}`,
  'u',
);
/** At most this many more failing tests of one run get their own error: the rest stay in its lines. */
// (cargo's `failures:` list of four is common: each test is fixed in its own time, so each is its own error.)
const OTHER_FAILURES_PER_RUN = 4;

/** npm's header over a workspace's script output: `> @shop/money@1.0.0 test`. */
const WORKSPACE_HEADER = /^> (@?[\w.-]+(?:\/[\w.-]+)?)@\S+ \S+/;

/** The workspace whose script output holds `line` (the nearest header above it), if the output has headers. */
function workspaceOf(output: string, line: string): string | undefined {
  const lines = plainOutput(output).split('\n');
  // (An error line may be a heading joined to the line under it, `✖ failing tests: actual: '-12.-34',`: then the latter.)
  const find = (text: string) => lines.findIndex((l) => l.includes(text.trim().slice(0, 80)));
  let at = find(line);
  if (at < 0 && line.includes(': ')) at = find(line.slice(line.indexOf(': ') + 2));
  for (let i = at - 1; i >= 0; i--) {
    const header = WORKSPACE_HEADER.exec(lines[i]);
    if (header) return header[1];
  }
  return undefined;
}

/** The workspaces whose section of a run's output reports passing tests and no failure. */
function passingWorkspaces(output: string): Set<string> {
  const passed = new Set<string>();
  let name: string | undefined;
  let ok = false;
  let bad = false;
  const close = () => {
    if (name && ok && !bad) passed.add(name);
  };
  for (const line of plainOutput(output).split('\n')) {
    const header = WORKSPACE_HEADER.exec(line);
    if (header) {
      close();
      name = header[1];
      ok = bad = false;
    } else if (/^\s*(?:✖|not ok\b|FAIL\b)|\b[1-9]\d* (?:failed|failing)\b|^\s*(?:ℹ|#)\s*fail [1-9]|\w*Error:|actual:/.test(line)) bad = true;
    else if (/^\s*(?:✔|ok \d|PASS\b)|^\s*(?:ℹ|#)\s*pass [1-9]/.test(line)) ok = true;
  }
  close();
  return passed;
}

/** The name of a test fixture a command line ran a program on (`./sanat tests/lyhyt.txt 3` → `lyhyt`). */
function fixtureOf(programs: string[][] | undefined): string | undefined {
  for (const words of programs ?? [])
    for (const word of words.slice(1)) {
      const fixture = /(?:^|\/)(?:tests?|fixtures?|testdata|cases)\/([\w-]{2,40})\.\w{1,5}$/.exec(word);
      if (fixture) return fixture[1];
    }
  return undefined;
}

/** The runner's row naming a failing test (`FAIL: test_x (tests.T.test_x)`), short enough to say before its error. */
function runnerRowOf(output: string, test: string): string | undefined {
  for (const line of plainOutput(output).split('\n')) {
    if (line.length <= 160 && FAILURE_ROW.test(line) && namesTest(line, test)) return line.trim();
  }
  return undefined;
}

/** Whether a line names a test as a whole name (`tests::p99`, not the `tests::p99` of `tests::p99_rank`). */
function namesTest(line: string, name: string): boolean {
  // (A colon closing the name, `FALLITO TestFattura.testBollo: atteso …`, ends it; `t.py::x` or `name:3` goes on.)
  return line.includes(name) && new RegExp(`(?<![\\w.:-])${escapeRegExp(name)}(?![\\w-]|:[\\w:])`).test(line);
}

/** An error seen again: open once more, its earlier settling undone. */
function failedAgain(record: ErrorRecord, at: Citation): void {
  record.count++;
  record.last = at;
  record.resolvedAt = record.wentOn = record.failedAgain = undefined;
  record.gotPast = record.goneFromRerun = record.retried = undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Programs that compile the project for every one of these subcommands, so any of them passing compiled it. */
const COMPILING_SUBCOMMANDS: Record<string, RegExp> = {
  cargo: /^(?:build|b|run|r|test|t|check|c|clippy|bench)$/,
  go: /^(?:build|run|test|vet|install)$/,
  dotnet: /^(?:build|run|test)$/,
  swift: /^(?:build|run|test)$/,
};

/** A passing command of the failed compile's program that compiles the same code again. */
function compilesAgain(record: ErrorRecord, ran: string[][]): boolean {
  const failed = record.family?.name.split(/\s+/)[0] ?? record.commandKey.split(/\s+/)[0];
  const subcommands = COMPILING_SUBCOMMANDS[failed];
  if (!subcommands) return false;
  // Code compiled only with a feature or for a target (`cargo test --features simd`) compiles again only when a run
  // asks for that feature or target: `cargo clippy` passing without it never built that code.
  return ran.some((words) => {
    const subcommand = words.slice(1).find((w) => !w.startsWith('-') && !w.startsWith('+'));
    return programName(words) === failed && subcommand !== undefined && subcommands.test(subcommand) && hasBuildVariant(record, words.join(' '));
  });
}
/** Whether a command line asks for every feature or target flag the failing command had (`--features simd`). */
function hasBuildVariant(record: ErrorRecord, commandLine: string): boolean {
  // (Asked for every open error on every passing call: the flags of a failing command are read once.)
  let wanted = buildVariants.get(record.what);
  if (wanted === undefined) {
    wanted = [...record.what.matchAll(BUILD_VARIANT)].map((m) => m[0].replace(/[=\s]+/, ' '));
    if (buildVariants.size > 10_000) buildVariants.clear();
    buildVariants.set(record.what, wanted);
  }
  if (!wanted.length) return true;
  const line = ` ${commandLine.replace(/=/g, ' ').replace(/\s+/g, ' ')} `;
  return wanted.every((flag) => line.includes(` ${flag} `));
}
/** The addresses (origin and path) a command line names. */
function addressesIn(text: string): string[] {
  // (A repository over SSH, `git@github.com:dev/app.git`, is the same address as over HTTPS: host and path.)
  return [...text.matchAll(/\bhttps?:\/\/[^\s'"`<>)]+|\bgit@[\w.-]+:[\w./-]+/g)].map((m) =>
    m[0]
      .replace(/^https?:\/\//, '')
      .replace(/^git@([\w.-]+):/, '$1/')
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .toLowerCase(),
  );
}
/**
 * False when a failed fetch or navigation (`curl`, `wget`, a browser's `goto`) is not the address a later command asks
 * for: reaching another page settles nothing about the one that failed.
 */
function fetchesSameAddress(failed: string, commandLine: string, error?: string): boolean {
  // (A repository cloned is an address too: cloning another one settles nothing about the one not found.)
  if (!/\b(?:curl|wget|http|xh|goto|navigate|fetch|clone)\b|\b(?:invoke-webrequest|invoke-restmethod|iwr|irm)\b/i.test(failed)) return true;
  // (A server that could not be reached, `curl: (7) Failed to connect to 127.0.0.1 port 8731`, is reached by any page of it.)
  const hostOnly = error !== undefined && CONNECTION_FAILURE.test(error);
  const key = (address: string) => (hostOnly ? address.replace(/\/.*$/, '') : address);
  const wanted = addressesIn(failed).map(key);
  if (!wanted.length) return true;
  const asked = addressesIn(commandLine).map(key);
  return asked.some((a) => wanted.includes(a));
}
const CONNECTION_FAILURE =
  /\bcurl: \((?:6|7|28|52|56)\)|\bFailed to connect\b|\bConnection refused\b|\bCouldn't connect to server\b|\bCould not resolve host\b|\bECONNREFUSED\b/i;
const buildVariants = new Map<string, string[]>();
/** The flags that choose which code a build compiles: cargo's features, a target, a Go build tag. */
const BUILD_VARIANT = /(?<=\s)(?:--features[= ]\S+|-F ?\S+|--all-features|--no-default-features|--target[= ]\S+|-tags[= ]\S+)/g;

/** A re-run of the tests after a compile error that shows tests running, without the error: it compiles now. */
function compiledPast(output: string, record: ErrorRecord): boolean {
  // (Only ever asked of a re-run of the same command: `sh build.sh` that compiled and then ran its tests.)
  return COMPILE_ERROR.test(record.title) && RAN_TESTS.test(output) && !COMPILE_ERROR.test(output) && !stillSays(output, record.message);
}

/**
 * A check script's row for the error now passing: `FAIL: 45 orders point to missing customers` before, `ok: orders point
 * to missing customers` now (its count dropped or changed), and no failing row for it any more.
 */
function rowPassedLater(output: string, title: string): boolean {
  const failed = /^\s*(?:FAIL(?:ED)?|ERROR|NOT OK|[✗✘×])\s*:?\s+(.{6,})$/i.exec(title)?.[1];
  if (!failed) return false;
  const what = (text: string) =>
    text
      .replace(/[\d.,:;()'"`]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const wanted = what(failed);
  if (wanted.split(' ').length < 2) return false;
  let passed = false;
  for (const line of output.split('\n')) {
    const row = /^\s*(?:(ok|pass(?:ed)?|[✓✔])|(FAIL(?:ED)?|ERROR|NOT OK|[✗✘×]))\s*:?\s+(.{4,})$/i.exec(line);
    if (!row || what(row[3]) !== wanted) continue;
    if (row[2]) return false;
    passed = true;
  }
  return passed;
}

/** Every test named reported passing by name in the output (`test x ... ok`, `--- PASS: TestX`, `✓ x`, `ok 3 - x`, `x PASSED`). */
function passedByName(output: string, tests: string[] | undefined): boolean {
  if (!tests?.length) return false;
  const lines = output.split('\n');
  return tests.every((name) => {
    // (cargo's `Doc-tests ringstat` header passes when its section's `test result:` does.)
    if (/^Doc-tests \S+$/.test(name)) {
      const at = lines.findIndex((line) => line.trim() === name);
      const verdict = at === -1 ? undefined : lines.slice(at + 1).find((line) => /^\s*(?:test result:|Running |Doc-tests )/.test(line));
      return verdict !== undefined && /^test result: ok\b/.test(verdict.trim());
    }
    const said = lines.filter((line) => namesTest(line, name));
    // (A harness may say so in its own language: `OK TestFattura.testIva`, `SUPERATO …`, `FALLITO …`.)
    return said.length > 0 && said.every((line) => (PASS_WORD.test(line) || PASS_STATUS.test(line)) && !FAIL_WORD.test(line) && !FAIL_STATUS.test(line));
  });
}
const PASS_WORD = /\b(?:ok|pass|passed|success)\b|[✓✔]/i;
const FAIL_WORD = /\b(?:fail|failed|failure|error|panicked|not ok)\b|[✕✗✖×]/i;

/** Whether an output still holds an error's line (numbers aside: a duration or an address may change). */
function intentOf(pending: PendingCall): CallIntent {
  const input = pending.call.input;
  const description = isObject(input) && typeof input.description === 'string' && input.description.trim() ? input.description.trim() : undefined;
  const words = new Set((pending.commandLine ?? '').toLowerCase().match(/[\p{L}\d_.-]{3,}/gu) ?? []);
  const goal = pending.programs?.[0]
    ?.slice(1)
    .find((w) => !w.startsWith('-') && !w.includes('='))
    ?.toLowerCase();
  return { ...(description ? { description } : {}), words, ...(goal && goal.length <= 60 ? { goal } : {}) };
}

/**
 * Two calls meant to do the same: most of their command lines' words alike, or the same description over a few words
 * alike (a description alone can be as plain as "Run it").
 */
function sameIntent(a: CallIntent, b: CallIntent): boolean {
  // (`make rapport` after `make sjekk` failed is another goal of the same program, not the same thing again.)
  if (a.goal !== undefined && b.goal !== undefined && a.goal !== b.goal && !b.words.has(a.goal)) return false;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared++;
  if (a.description !== undefined && a.description === b.description && shared >= 2) return true;
  return shared >= 3 && shared / (a.words.size + b.words.size - shared) >= 0.5;
}

interface RetryIntent {
  /** The program that really runs (the script a `powershell -Command` or `bash -c` was given: its first word). */
  program: string;
  /** Its words of three letters or more, flags and the shell's own glue left out. */
  words: Set<string>;
  /** How many programs the line runs, its echoes aside. */
  programs: number;
}

/** What a shell command does, for telling its retry: the program that runs and the words it was given. */
function retryIntentOf(pending: PendingCall): RetryIntent | undefined {
  const line = pending.commandLine;
  if (line === undefined || line.length > 4000) return undefined;
  const first = pending.programs?.[0];
  const script = first ? wrappedScript(first) : undefined;
  // (An interpreter is one program whatever its version or venv: `python3 app.py`, then `venv/bin/python app.py`.)
  const program = (script ? script.split(/\s+/)[0] : first?.[0])
    ?.replace(/^.*[\\/]/, '')
    .toLowerCase()
    .replace(/^(python|node|ruby|perl|php)[\d.]*(?:\.exe)?$/, '$1');
  if (!program) return undefined;
  // (An address said over SSH or HTTPS is one word either way: `git@github.com:dev/app.git`, `https://github.com/dev/app.git`.)
  const said = (script ?? line).replace(/\bhttps?:\/\/|\bgit@([\w.-]+):/g, (_m, host?: string) => (host ? `${host}/` : ''));
  const words = new Set((said.toLowerCase().match(/[\p{L}\d_][\p{L}\d_.:/-]{2,}/gu) ?? []).filter((w) => !RETRY_GLUE.has(w)));
  const programs = (pending.programs ?? []).filter((w) => !/^(?:echo|printf|true|:)$/.test(posix.basename(w[0] ?? ''))).length;
  return { program, words, programs };
}
/** Programs whose first word after them is a command of their own: `git push` and `git pull` are two commands. */
const SUBCOMMAND_PROGRAMS = new Set([
  'git',
  'npm',
  'pnpm',
  'yarn',
  'cargo',
  'docker',
  'kubectl',
  'gh',
  'go',
  'uv',
  'pip',
  'pip3',
  'brew',
  'apt',
  'apt-get',
  'systemctl',
  'nix',
]);
function subcommandOf(line: string): string | undefined {
  const words = programsOf(line)[0];
  if (!words || !SUBCOMMAND_PROGRAMS.has(posix.basename(words[0]))) return undefined;
  return words.slice(1).find((w) => !w.startsWith('-'));
}
function otherSubcommand(failedLine: string, retryLine: string): boolean {
  const a = subcommandOf(failedLine);
  const b = subcommandOf(retryLine);
  return a !== undefined && b !== undefined && a !== b;
}
/**
 * Whether a later run leaves out the filter that printed the error: `jq: parse error` from `curl … | jq .`, then `curl …`
 * alone. (Only a program piped into: dropping `sudo` after `sudo: a password is required` is how one gets past it.)
 */
function dropsWhatFailed(title: string, failedLine: string, retryLine: string): boolean {
  // (Cheap tests first: it is asked of every open error on every passing command.)
  if (!failedLine.includes('|')) return false;
  const program = /^([\w.-]{2,30}): /.exec(title)?.[1];
  if (!program || !failedLine.includes(program)) return false;
  const piped = new RegExp(`\\|\\s*${escapeRegExp(program)}(?=\\s|$)`);
  return piped.test(failedLine) && !new RegExp(`(?:^|[\\s|;&(])${escapeRegExp(program)}(?=\\s|$)`).test(retryLine);
}

/** A command's key without where its streams went (`2>&1`, `2>/dev/null`): the same command either way. */
function bareCommandKey(key: string): string {
  return key.replace(/\s*\d?>&\d|\s*\d?>\s*\/dev\/null/g, '').trim();
}

/** A word naming a file: a path, or a name with an extension (`src/a.py`, `b_grab.zip`). */
const FILE_WORD = /\/|\.[a-z][a-z0-9]{0,5}$/i;
/** Words of any shell line: they say nothing of what it was meant to do. */
const RETRY_GLUE = new Set(['powershell', 'pwsh', 'bash', 'echo', 'true', 'null', 'dev/null', 'the', 'and', 'cmd', 'exe']);

/** A command written again to do the same: the same program, and at least half of all their words shared (three at least). */
function isRetryOf(a: RetryIntent, b: RetryIntent): boolean {
  if (a.program !== b.program && !a.words.has(b.program) && !b.words.has(a.program)) return false;
  // (One file put in another's place, `OpenRead('…\\a_grab.zip')` then `OpenRead('…\\b_grab.zip')`, is the same step
  // done to another target, not the failed one done again.)
  // (A file is the same one by its stem: `activate.bat` then `Activate.ps1`, `init_data.py` then `import init_data`.)
  const stem = (w: string) => w.replace(/^.*\//, '').replace(/\.[a-z][a-z0-9]{0,5}$/i, '');
  const stems = (x: RetryIntent) => new Set([...x.words].map(stem));
  const fileOnlyIn = (x: RetryIntent, y: RetryIntent) => {
    const theirs = stems(y);
    return [...x.words].some((w) => FILE_WORD.test(w) && !theirs.has(stem(w)));
  };
  if (fileOnlyIn(a, b) && fileOnlyIn(b, a)) return false;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared++;
  // (…or every word of the failed line said again with more: `rm a b` then `rm -rf a b && echo done`.)
  // (Not another program chained after it, `typecheck.py; pytest`: the line's outcome is no longer the failed one's.)
  if (a.program === b.program && a.programs === b.programs && a.words.size >= 2 && shared === a.words.size) return true;
  return shared >= 3 && shared / (a.words.size + b.words.size - shared) >= 0.5;
}

/**
 * The same test panicking again with the same message, which newer Rust prints on the line under `thread 'x' (id)
 * panicked at f.rs:3:5:` (the headline joins them; the place moves as the file is edited).
 */
function stillPanics(output: string, title: string): boolean {
  const panic = /^thread '([^']+)'(?: \(\d+\))? panicked at [^\s:]+:\d+(?::\d+)?:\s*(\S.*)$/.exec(title);
  if (!panic || !output.includes(`thread '${panic[1]}'`)) return false;
  const message = dedupeKey(panic[2]);
  return output.split('\n').some((line) => line.trim() !== '' && dedupeKey(line) === message);
}

function stillSays(output: string, message: string): boolean {
  const wanted = dedupeKey(message);
  if (!wanted) return true;
  return output.split('\n').some((line) => dedupeKey(line).includes(wanted));
}

/** Claude Code's KillShell on a background shell that had finished. (An id that was never one, "No shell found
 * with ID: /bin/rm …", is the agent's mistake and stays an error.) */
const TASK_ALREADY_ENDED = /^(?:<tool_use_error>)?\s*(?:Shell \S+ is not running, so cannot be killed\b|Task \S+ is not running \(status: \w+\))/;

/** A command whose output reaches the log cut by a pipe (`| head`, `| tail`, `| grep …`): what it leaves out is unknown. */
const OUTPUT_CUT_BY_PIPE = /\|\s*(?:head|tail|grep|egrep|rg|findstr|select-string|sls|less|more)\b/i;

/**
 * A test/build/lint run piped through a line filter (`tsc --noEmit | grep DMAutomation`, `npm test | findstr
 * FAIL`) whose output does not say it passed: its exit status is the filter's, and it shows only the lines
 * the filter kept, so it neither fixes the family's errors nor tells how the check stands.
 */
function isFilteredCheck(pending: PendingCall | undefined, output: string): boolean {
  if (!pending?.family?.kind || pending.commandLine === undefined) return false;
  return /\|\s*(?:grep|egrep|rg|findstr|select-string|sls)\b/i.test(pending.commandLine) && !looksPassing(output);
}

/** Passing runs of other commands that print an error's line before it counts as the shell's noise. */
const AMBIENT_RUNS = 3;

/** Interpreters whose first operand is the program that really runs: `python3 scripts/a.py` runs `a.py`. */
const INTERPRETERS = /^(?:python|node|bash|sh|zsh|ruby|perl|php|deno|bun|tsx|ts-node|pwsh|powershell)$/;
/** Error lines saying the shell could not find or start the program at all. */
const NOT_STARTED = /command not found|is not recognized as (?:the name of a cmdlet|an internal or external command)|permission denied|cannot execute/i;

/**
 * A message that is a document, not someone typing to the agent: a prompt template or a spec with its own
 * Markdown sections (`# feature-review` … `## Workflow`), or a role prompt ("You are a specialized
 * assistant…", "Your task is to help the user…"). Codex expands custom prompts into the user's message
 * with no mark of its own; their "Do NOT invent commands." is the template's rule, not the user's.
 */
function isWrittenDocument(text: string): boolean {
  if (
    /^\s*(?:#\s+[^\n]+\s+)?(?:you are (?:a|an) [^\n]{0,80}(?:assistant|agent|expert|engineer|developer|reviewer)\b|your (?:task|job|role) is to\b|act as (?:a|an)\b)/i.test(
      text,
    )
  )
    return true;
  // Another agent's or a review bot's message the user relays ("HANDSHAKE: Claude Code — aligned with Codex…", "Qodo Agent
  // review: …", "Clean bill from CodeRabbit. … ready for your merge, Logan", "FLAG for Logan + Codex — …"): its rules are theirs.
  if (RELAYED_MESSAGE.test(text.slice(0, 300))) return true;
  return (text.match(/^#{1,4}[ \t]+\S/gm)?.length ?? 0) >= 2;
}
const AGENT_NAMES = String.raw`(?:Claude(?: Code)?|Codex|Gemini|Copilot|Cursor|Qodo|CodeRabbit|Devin|ChatGPT|GPT-?\d\w*|the other agent)`;
const RELAYED_MESSAGE = new RegExp(
  String.raw`^\s*(?:HANDSHAKE|FLAG|HANDOFF|RELAY|FROM)\b.{0,60}\b${AGENT_NAMES}|^\s*${AGENT_NAMES}(?: Agent)? (?:review|says|said|wrote|replied|reports)\s*:|\b(?:from|by) ${AGENT_NAMES}\b.{0,80}\b(?:ready for your|for your (?:review|approval|merge))\b|\bpresenting to \w+ and ${AGENT_NAMES}|\b(?:aligned|agreed) with ${AGENT_NAMES}\b`,
  'i',
);

/** The program itself could not be run: not installed, not on the PATH, an alias to a file that is gone. */
const PROGRAM_MISSING =
  /command not found|is not recognized as (?:the name of a cmdlet|an internal or external command)|No module named|^(?:\S*\/)?(?:ba|z|da)?sh(?:\.exe)?: (?:line \d+: )?\S+: No such file or directory/m;

/** An error's headline without its "error:" label: a script's catch prints it as "Zip2 error: …". */
function messageOf(title: string): string {
  return title.replace(/^(?:[\w.-]+ )?error:\s*/i, '');
}

/** A line that names a failure, for picking an error's headline again once its first pick proved to be noise. */
const ERROR_WORD = /\b(?:error|failed|failure|fatal|exception|cannot|can't|unable|not found|denied|invalid|missing)\b/i;
/** Output of a check command that never got to run the check. */
const CHECK_NEVER_RAN =
  /\bMissing script:|could not determine executable to run|\bcd: [^\n]*(?:No such file or directory|can't cd)|command not found|is not recognized as (?:the name of a cmdlet|an internal or external command)|\bcannot execute\b|No module named (?:pytest|mypy|ruff|black|flake8|pylint|unittest)\b/i;
/** Another way of saying what should run is not there ("python3: No module named pytest" after "pytest: command not found"). */
const STILL_MISSING = /No module named|ModuleNotFoundError|Cannot find module|not installed|\bnot found\b|No such file or directory|cannot access/i;
/** The shell rejected the command line itself; what it would have run never started. */
const SHELL_PARSE_ERROR = /\bParserError\b|syntax error near unexpected token|\bunexpected EOF while looking for matching\b/;
/** Programs (and git subcommands) that only read: a failed one is a look, not an approach. */
const LOOK_PROGRAMS = new Set([
  ...['cat', 'head', 'tail', 'less', 'more', 'ls', 'find', 'grep', 'rg', 'ag', 'fd', 'tree', 'wc', 'stat', 'file', 'which', 'type', 'whereis'],
  ...['tty', 'ps', 'pgrep', 'env', 'printenv', 'uname', 'df', 'du', 'free', 'lsof', 'ss', 'netstat', 'id', 'whoami', 'readlink', 'realpath'],
  ...['get-content', 'select-string', 'get-childitem', 'get-item', 'test-path', 'get-process', 'get-command'],
  // (Searches of the disk's index, and PowerShell's cmdlets that only shape what a look printed: `rg … | Select-Object -First 5`.)
  ...['mdfind', 'locate', 'plocate', 'fdfind', 'select-object', 'sort-object', 'where-object', 'measure-object', 'format-table', 'format-list', 'out-string'],
]);
/** Words a look is dressed in: filters over what it shows, tests, loops and pauses around it. */
const LOOK_WRAPPERS = new Set(['nl', 'sort', 'uniq', 'cut', 'tr', 'column', 'jq', 'printf', 'true', 'sleep', '[', 'test', 'for', 'while', 'date']);
/** A line that changes nothing and runs nothing: looks (`isLookOnly`) with their filters (`nl -ba f | sed -n 1,80p`), `git remote -v`, `git branch -a`. */
/** The programs of a script a shell was given (`powershell -Command 'rg x | Select-Object -First 5'`), else the programs as they are. */
function scriptProgramsOf(programs: string[][]): string[][] {
  const script = programs.length === 1 ? wrappedScript(programs[0]) : undefined;
  return script !== undefined && script.length <= 4000 ? programsOf(script) : programs;
}

function onlyLooksAround(programs: string[][]): boolean {
  const rest = programs.filter((w) => {
    const name = programName(w).toLowerCase();
    const listsOnly = w.slice(2).every((x) => /^-(?:a|r|v|vv|-list|-all|-show-current)$/.test(x));
    return !LOOK_WRAPPERS.has(name) && !(name === 'git' && (w[1] === 'remote' || w[1] === 'branch') && listsOnly);
  });
  return rest.length === 0 || isLookOnly(rest);
}
const LOOK_GIT = new Set(['show', 'log', 'diff', 'status', 'ls-files', 'ls-tree', 'grep', 'blame', 'cat-file', 'rev-parse', 'check-ignore', 'check-attr']);
function isLookOnly(programs: string[][]): boolean {
  // (A `for f in …` header only names what the loop's body runs on.)
  const parts = programs.filter((w) => w.length > 0 && !['cd', 'set-location', 'echo', 'pwd', 'for'].includes(programName(w).toLowerCase()));
  return (
    parts.length > 0 &&
    parts.every((w) => {
      const name = programName(w).toLowerCase();
      if (LOOK_PROGRAMS.has(name)) return true;
      if (name === 'sed' || name === 'awk') return !w.some((x) => /^-i|^--in-place|inplace/.test(x));
      // Asking a program its version (`go version`, `git --version`) looks at what is installed; npm's,
      // yarn's and pnpm's `version` sets one.
      if (w.length === 2 && (w[1] === '--version' || (w[1] === 'version' && !['npm', 'yarn', 'pnpm'].includes(name)))) return true;
      // `git config --get wt.hook` exits 1 when the key is unset: the answer, not a failure.
      // (So does the short form, `git config --global user.name`: one key and no value asks for it.)
      if (name === 'git' && gitSubcommand(w) === 'config') {
        if (w.some((x) => /^(?:--get(?:-all|-regexp)?|--list|-l)$/.test(x))) return true;
        const operands = w.slice(w.indexOf('config') + 1).filter((x) => !x.startsWith('-') && !/^\d?>/.test(x));
        return operands.length === 1 && !w.some((x) => /^--(?:unset|add|replace|remove|rename|edit)|^-e$/.test(x));
      }
      if (name === 'git') return LOOK_GIT.has(gitSubcommand(w));
      // `gh repo view owner/name` asks whether it exists; `gh pr view`, `gh issue list` look too (not with a
      // --jq filter of the agent's, whose mistakes are its own).
      if (name === 'gh')
        return ['view', 'list'].includes(w[2] ?? '') && ['repo', 'pr', 'issue'].includes(w[1] ?? '') && !w.some((x) => /^--(?:jq|template)\b/.test(x));
      return false;
    })
  );
}
/** Output that is nothing but Git Bash's fork failures on Windows (and an exit code). */
function onlyForkNoise(text: string): boolean {
  if (text.length > 4000 || !/cygheap|Command failed: cygpath\b|\bdofork: child\b/.test(text)) return false;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .every((line) => /^(?:Exit code -?\d+|Command failed: cygpath\b.*|\d+ \[main\] \S+ (?:\d+ |\(\d+\) )?(?:child_copy|dofork|fork)\b.*)$/.test(line));
}

/** Programs that print a file and nothing else (a `cd` before them aside). */
const FILE_PRINTERS = new Set(['cat', 'head', 'tail', 'nl', 'less', 'more', 'bat', 'get-content', 'gc', 'type']);
function readsFilesOnly(programs: string[][]): boolean {
  const parts = programs.filter((w) => w.length > 0 && !['cd', 'set-location', 'pushd'].includes(programName(w)));
  return (
    parts.length > 0 &&
    parts.every((w) => FILE_PRINTERS.has(programName(w)) || (programName(w) === 'sed' && w.includes('-n') && !w.some((x) => /^-i|^--in-place/.test(x))))
  );
}

/** Git's subcommand past its global options: `git -C dir status` is `status`. */
function gitSubcommand(words: string[]): string {
  for (let i = 1; i < words.length; i++) {
    if (/^(?:-C|-c|--git-dir|--work-tree|--namespace)$/.test(words[i])) i++;
    else if (!words[i].startsWith('-')) return words[i];
  }
  return '';
}

/** A program's name with its path, version and `.exe` dropped: `/usr/bin/python3.11` → `python`. */
function programName(words: string[]): string {
  // Asked for every word list of every call and result: the same few programs, worked out once each.
  const word = words[0];
  let name = PROGRAM_NAMES.get(word);
  if (name === undefined) {
    name = posix
      .basename(word.replace(/\\/g, '/'))
      .replace(/\.exe$/i, '')
      .replace(/@[^/]*$/, '')
      .replace(/^(python|pip|node|ruby|perl|php)[\d.]+$/, '$1')
      .toLowerCase();
    if (PROGRAM_NAMES.size >= 4096) PROGRAM_NAMES.clear();
    PROGRAM_NAMES.set(word, name);
  }
  return name;
}
const PROGRAM_NAMES = new Map<string, string>();

/** What a simple command ran, the same however it was launched: `markitdown a.pdf`, `list-skills.py`, `python -c …`. */
function runTarget(words: string[], cwd?: string): string {
  const program = programName(words);
  // `git -c user.name=x commit` is `git commit`; `git -C dir status` is `git status` (in dir).
  if (program === 'git') words = words.filter((w, i) => !/^-[cC]$/.test(w) && !/^-[cC]$/.test(words[i - 1] ?? ''));
  // A file operand names the same file however it was spelled (relative here, absolute there); any
  // other operand (an API path, a message) is compared whole.
  const base = (w: string) => {
    const path = w.replace(/\\/g, '/');
    if (!/\.\w{1,5}$/.test(path)) return path;
    return cwd && !path.startsWith('/') && !/^[A-Za-z]:\//.test(path) ? posix.join(cwd.replace(/\\/g, '/'), path) : posix.normalize(path);
  };
  // What really runs, then up to `count` of its operands (flags skipped).
  const named = (first: string, rest: string[], count: number) =>
    [
      first,
      ...rest
        .filter((w) => !w.startsWith('-'))
        .slice(0, count)
        .map(base),
    ].join(' ');
  // `docker exec qdrant sh -c 'ps aux | …'`: the command run in the container is what runs (a probe for `ps` is not
  // settled by another probe, `ls /proc/self`, in the same container).
  if ((program === 'docker' || program === 'podman') && words[1] === 'exec') {
    const rest = words.slice(2);
    let i = 0;
    while (i < rest.length && rest[i].startsWith('-')) i += /^(?:-e|-u|-w|--env|--user|--workdir)$/.test(rest[i]) ? 2 : 1;
    const inner = rest.slice(i + 1);
    if (rest[i] !== undefined && inner.length) return `${program} exec ${rest[i]} ${runTarget(inner, cwd)}`;
  }
  // `powershell.exe -Command "<script>"`, `bash -c '<script>'`: the script is what runs, and another
  // script is another target (an identity check does not fix an "Access is denied").
  const script = wrappedScript(words);
  if (script) return `${program} ${script.slice(0, 300)}`;
  // `ssh host "sleep 2 && opkg remove x"` runs `opkg remove x` over there.
  const remote = sshRemote(words);
  if (remote) {
    const inner = programsOf(remote.command).filter((w) => isDistinctiveCommand([w]));
    return `ssh ${remote.host}${inner.length ? ` ${runTarget(inner.at(-1)!)}` : ''}`;
  }
  if (INTERPRETERS.test(program) && words[1] && !words[1].startsWith('-')) return named(base(words[1]), words.slice(2, 3), 1);
  if (/[/\\]/.test(words[0]) && /\.\w{1,4}$/.test(words[0])) return named(base(words[0]), words.slice(1, 2), 1);
  // `gh api -X PUT <endpoint>`: the endpoint, not the method, names what ran.
  const grouped = groupedOperands(program, words.slice(1));
  if (grouped) return [program, ...grouped].join(' ');
  // The program and its first two operands: `pnpm web type-check` and `pnpm web exec` stay apart.
  return named(program, words.slice(1), 2);
}

/**
 * The command an error message tells to run (`To log in, run: gh auth login`, "Run `npm install` first",
 * `try 'supabase login'`), as a family name: when that command then passes, the error was dealt with.
 */
function suggestedFixOf(text: string): string | undefined {
  const m = /\b(?:run|try running|try|use)\b:?\s+[`'"]?([a-z][\w.-]*(?: [\w@./:=-]+){1,4})[`'"]?/i.exec(text.slice(0, 2000));
  if (!m) return undefined;
  const programs = programsOf(m[1]);
  return programs.length === 1 && isDistinctiveCommand(programs) ? commandFamily(m[1], programs)?.name : undefined;
}

/** Files a package manager writes and writes again: `package-lock.json`, `yarn.lock`, `Cargo.lock`, `go.sum`. */
const LOCKFILE =
  /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|poetry\.lock|uv\.lock|Pipfile\.lock|Gemfile\.lock|composer\.lock|go\.sum|mix\.lock|pubspec\.lock|packages\.lock\.json)$/;

/** Names of throwaway scripts (`test_auth.py`, `debug-hook.sh`): made to learn something, then removed. */
const THROWAWAY_NAME =
  /^(?:test|debug|dbg|tmp|temp|scratch|check|verify|probe|try|repro|sample)(?:[_.-]|$)|[_.-](?:debug|dbg|tmp|temp|scratch|probe|repro)(?:[_.-]|$)|^(?:nul|con|aux|prn)$/i; // (a `nul` file is what `> nul` makes under Git Bash: a stray, not an approach)
/**
 * Words that remove a file because its job is done ("since the task is complete", "the one-off script").
 * Not "clean up" alone: labellers read "clean up the old consolidated files" as an approach given up.
 */
const CLEANUP_WORDS =
  /\b(?:(?:task|job|migration|conversion|fix|work) (?:is |was |has been )?(?:complete|completed|done|finished)|served its purpose|one-off|one-time|temporary (?:script|file|helper))\b/i;
/** Words that give up what a file tried. */
const GIVEN_UP_WORDS =
  /\b(?:doesn['’]?t|does not|didn['’]?t|did not|won['’]?t) work\b|\b(?:broken|abandon\w*|give up|gave up|wrong approach|instead|revert\w*|scrap\w*|dead end)\b/i;
/** A command carrying SQL that makes or drops a schema object. */
const SQL_DDL = /\b(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:MATERIALIZED\s+)?(?:VIEW|TABLE|INDEX|TRIGGER)\b/i;
const CREATE_OBJECT = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(?:MATERIALIZED\s+)?(VIEW|TABLE|INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?(\w+)/gi;
const DROP_OBJECT = /\bDROP\s+(?:MATERIALIZED\s+)?(VIEW|TABLE|INDEX|TRIGGER)\s+(?:IF\s+EXISTS\s+)?[`"[]?(\w+)/gi;
/** Objects made to be thrown away: `tmp_orders`, `test_x`, `orders_backup`. (A temporary table is never kept: CREATE_OBJECT skips TEMP.) */
const SCRATCH_OBJECT = /^(?:tmp|temp|test|scratch|debug|dbg|foo|bar|baz|t\d*)(?:_|$)|_(?:tmp|temp|test|bak|backup|copy|scratch)$/i;
/** Scratch places: what is made there is made to be thrown away. */
const SCRATCH_PATH = /^(?:\/tmp\/|\/private\/tmp\/|\/var\/folders\/|[A-Za-z]:\/(?:Users\/[^/]+\/AppData\/Local\/)?Temp\/|(?:\.\/)?(?:tmp|temp|\.tmp)\/)/i;

/** The agent asking for a fact about the user's setup or state, not for a choice between ways. */
/** The last sentence of a question that opens with what it is about ("You mentioned X. Do you have it ready?"). */
function lastSentenceOf(text: string): string {
  return (
    text
      .trim()
      .split(/(?<=[.!?。！？])\s+|\s[—–]\s/)
      .at(-1)
      ?.trim() ?? ''
  );
}
const ASKS_FOR_FACT =
  /^what(?:['’]s| is| are) your (?!prefer|favou?rite|choice|pick|call\b)\w+|^what (?:evidence|proof|data|numbers) do you have\b|^what['’]s the (?:strongest |best )?evidence\b|^what are you (?:doing|working on|using|building) (?:right now|now|today|currently)\b|\bwhat (?:specifically )?keeps you up\b|\bwhat else (?:do|did|have|is|are)\b|\bwhat(?:'s|’s| is| are) (?:the |your )?(?:current )?(?:environment|setup|status|state)\b|\bready to upload\b|\bdid you (?!have in mind|mean|want|prefer|like|intend|plan)\w+|\bcan you (?:describe|explain|tell me|share|clarify)\b|(?:した|だった|でした|ました)(?:のは|んですか|か)|^(?:how (?:does|do|did|is|are) .+ (?:work|handled|done|set up)\b|what (?:does|do) .+ (?:require|need|look like)\b|what(?:'s| is) your (?:idea|startup|project|product|app|goal|background|use case)\b|what(?:'s| is| are) (?:the )?(?:status|state|current|version)|what else\b|(?:do|did|does|have|has) (?:you|it|the)\b(?!.*\b(?:want|prefer|like|rather|need)\b)|(?:is|are) (?:there|it|the|your)\b(?!.*\b(?:ok|okay|fine|acceptable|good)\b)|how many\b|where (?:is|are|do)\b|which \w+ (?:do you have|have you|are installed|is installed)\b|what happened\b|what (?:os|operating system|system|platform|shell|version|gpu|cpu)\b)|(?:是什么|什么|哪个|哪种)(?:系统|版本|平台|显卡)|何が起き|(?:OS|システム|バージョン)は(?:何|どれ)|(?:^|[¿\s])(?:voc[eê]|vc) (?:j[aá] )?(?:tem|possui|configurou|instalou|usa)\b|(?:^|[¿\s])(?:ya )?(?:tienes|has (?:configurado|instalado))\b|\b(?:as-tu|avez-vous|est-ce que (?:tu as|vous avez))\b|^(?:hast du|haben sie|ist (?:das|der|die|es) (?:schon|bereits))\b|你已经(?:有|安装了|配置了|装了)[^？?]*[吗嗎]|済みですか/i;

/** The first `n` non-empty lines of a tool's message, its markup removed. */
function firstLines(text: string, n: number): string[] {
  return text
    .replace(/<\/?tool_use_error>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, n)
    .map((l) => (l.length > 240 ? `${l.slice(0, 239)}…` : l));
}

/** `ls: cannot access 'x': No such file or directory`, `which: no x in (…)`: a look answering "not there". */
const LOOK_FOUND_NOTHING =
  /^no crontab for \S+$|^└── \(empty\)$|^(?:ls|stat|file|test|readlink|realpath|du|tree|which|type|where|whereis|command|Get-Item|Get-ChildItem|Test-Path)(?:\.exe)?\s*:.*(?:No such file or directory|cannot access|cannot find|not found|does not exist|no \S+ in \()/i;
/** A CLI saying it was called wrongly: the agent finding out its flags and subcommands. */
const USAGE_ERROR =
  /\bMissing script:|\b(?:unknown (?:flag|option|command|subcommand|shorthand flag)|unrecognized (?:subcommand|option|arguments?|command)|unexpected argument|invalid choice|no such (?:subcommand|command|option)|is not a \S+ command)\b|\bInvalid argument\/option\b/i;
/** What missing path (`No such file…`, zsh's `no matches found`) or usage error a failed line names, with its program. */
function probeOf(programs: string[][] | undefined, line: string): Pick<ErrorRecord, 'usageOf' | 'missingPath' | 'missingModule'> {
  const words = programs?.find((w) => isDistinctiveCommand([w])) ?? programs?.at(-1);
  if (!words) return {};
  const program = toolAsProgram(programName(words));
  // npm's "Missing script: type-check" is learnt when any of the package runners passes after it (`npx tsc`).
  // (Only the usage of what the agent ran: `rsync: --mkpath: unknown option` inside `make test` is the
  // project's script failing, a failure of the check, not the agent learning rsync.)
  const named = /^([\w.-]{1,30}):\s/.exec(line.trim())?.[1];
  const insideACheck = commandFamily('', [words])?.kind !== undefined && named !== undefined && named !== program;
  if (USAGE_ERROR.test(line) && !insideACheck) return { usageOf: PACKAGE_RUNNERS.has(program) ? 'npm' : program };
  const module = MISSING_MODULE.exec(line);
  const moduleName = module?.[1] ?? module?.[2];
  if (moduleName && !moduleName.startsWith('.') && !moduleName.startsWith('/')) {
    const top = moduleName.startsWith('@') ? moduleName.split('/').slice(0, 2).join('/') : moduleName.split(/[./]/)[0];
    return { missingModule: top.toLowerCase().replace(/_/g, '-') };
  }
  // A script the shell could not run as written (`call "Launch.bat"`, `Launch.bat: command not found` in Git
  // Bash): settled once the same script runs another way (`cmd.exe /c "Launch.bat"`).
  if (/command not found|is not recognized as/.test(line)) {
    const script = words.find((w) => SCRIPT_FILE.test(w)) ?? /(?:^|: )([^:]+\.(?:bat|cmd|ps1|sh))(?=: command not found)/i.exec(line)?.[1];
    if (script) return { missingPath: { program, name: posix.basename(script.replace(/\\/g, '/')) } };
  }
  // (zsh puts the path last: `zsh:1: no such file or directory: .kittify/scripts/bash/check.sh`.)
  const path =
    /no matches found: (\S+)|['‘"]?([^\s'’":]+)['’"]?: No such file or directory|cannot (?:stat|access|open) ['‘"]?([^'’"]+?)['’"]?:|^zsh:\d+: no such file or directory: (\S+)/.exec(
      line,
    );
  const found = path?.[1] ?? path?.[2] ?? path?.[3] ?? path?.[4];
  const name = found ? posix.basename(found.replace(/\\/g, '/')) : undefined;
  return name && name.length >= 3 ? { missingPath: { program, name } } : {};
}

/** A script file run by name: Windows batch and PowerShell scripts, shell and Python scripts. */
const SCRIPT_FILE = /\.(?:bat|cmd|ps1|sh|bash|py)$/i;

/** Whether a command line runs the script `name`: as its program, or handed to a shell or an interpreter. */
function runsScript(programs: string[][], name: string): boolean {
  const base = (w: string) => posix.basename(w.replace(/\\/g, '/').replace(/^["']|["']$/g, ''));
  return programs.some(
    (words) =>
      base(words[0]) === name ||
      (/^(?:bash|sh|zsh|dash|cmd|cmd\.exe|powershell|powershell\.exe|pwsh|python3?|py|node|call|start)$/i.test(base(words[0])) &&
        words.slice(1).some((w) => !w.startsWith('-') && !/^\/[a-z]$/i.test(w) && base(w) === name)),
  );
}

/** npm and its kin run a project's scripts and tools alike. */
const PACKAGE_RUNNERS = new Set(['npm', 'npx', 'pnpm', 'yarn', 'bun', 'bunx']);
const PACKAGE_RUNNER_IN_LINE = /(?:^|&&|;|\|\||\|)\s*(?:npm|npx|pnpm|yarn|bunx?)(?:\.cmd)?\s/;

/** Python's and Node's "not installed": the module or package named. */
const MISSING_MODULE = /No module named ['"]?([\w.-]+)|Cannot find (?:module|package) ['"]([^'"]+)['"]/;

/**
 * A user message cut where a rule can start: terse users write "fix. no new deps." in lower case, so after any
 * full stop (or semicolon); headings and quoted lines are never the user's rules.
 */
function clausesOf(text: string): string[] {
  return sentenceParts(text).flatMap((p) =>
    p.heading || p.quoted
      ? []
      : withNumberedSteps(p.text.split(/(?<=[.!?;])\s+|(?<=[。！？；])/))
          .flatMap(thaiRuleApart)
          .flatMap(runOnApart),
  );
}

/**
 * Thai writes no full stop: a request and a rule run on in one sentence ("…เพิ่มเทสต์ อย่าแก้ไฟล์ใน samples/ …"). The
 * rule starts at the word holding its "ห้าม"/"อย่า" (don't), so the request before it is a clause of its own.
 */
function thaiRuleApart(clause: string): string[] {
  if (!/[\u0E00-\u0E7F]/.test(clause)) return [clause];
  const rule = /(?:^|\s)([^\s]*(?:ห้าม|อย่า))/.exec(clause);
  if (!rule) return [clause];
  const at = rule.index + rule[0].length - rule[1].length;
  return at === 0 ? [clause] : [clause.slice(0, at).trim(), clause.slice(at)];
}

/**
 * A message said without full stops (dictated, or a Chinese run of commas) runs a rule and the next request into one
 * clause: "…period oh and dont touch anything in tests fixtures…", "不要改 API 的名稱，… 😱 另外幫 isoToRoc 加一個選項".
 * A long clause is cut where a new thought is announced ("oh and", "also", dictated "period" and "new line"; 另外, 還有).
 */
function runOnApart(clause: string): string[] {
  // (Chinese says as much in a third of the characters.)
  if (clause.length < (/[\u3000-\u9fff]/.test(clause) ? 60 : 200)) return [clause];
  const parts = clause.split(/\s+(?=(?:oh and|and also|also|btw|plus|period|new line)\s)|(?<=\S)\s*(?=(?:另外|還有|还有|此外|順便|顺便)\S)/i);
  return parts.map((p) => p.replace(/^(?:period|new line|oh and|and also|also|btw|plus)\s+/i, '').trim()).filter(Boolean);
}

/** "always do 2. document (in-story) and then 1. auto-fix": an option's number before a lower-case word ends no clause. */
function withNumberedSteps(clauses: string[]): string[] {
  const out: string[] = [];
  for (const clause of clauses) {
    const previous = out.at(-1);
    if (
      previous !== undefined &&
      /\b(?:do|option|choice|pick|choose|use|go with|number|step|then|and)\s+#?\d{1,2}\.$/i.test(previous) &&
      /^\p{Ll}/u.test(clause)
    )
      out[out.length - 1] = `${previous} ${clause}`;
    else out.push(clause);
  }
  return out;
}

/** How many clauses of a text read as rules (stops counting at a rule document's size). */
function rulesIn(text: string): number {
  let count = 0;
  for (const sentence of clausesOf(text)) if (soundsLikeRule(sentence) && ++count >= RULE_DOCUMENT_RULES) return count;
  return count;
}

/** True when a failed command's only part that did anything failed because its goal already held. */
function goalAlreadyHeld(programs: string[][], output: string): boolean {
  const text = output.slice(0, 2000);
  // `git add -A && git commit -m …` with nothing staged: there was nothing to commit.
  if (programs.some((w) => programName(w) === 'git' && w.includes('commit')) && /^nothing to commit|^nothing added to commit/m.test(text)) return true;
  const work = programs.filter((w) => isDistinctiveCommand([w]));
  if (work.length !== 1) return false;
  const program = programName(work[0]);
  if (
    (program === 'rm' || program === 'del' || program === 'rmdir') &&
    /No such file or directory|cannot find (?:the )?(?:file|path)|does not exist/i.test(text) &&
    !/\b(?:Permission denied|Is a directory|not empty)\b/i.test(text)
  )
    return true;
  if (program === 'mkdir' && /File exists|already exists/i.test(text)) return true;
  // `ssh -T git@github.com` exits 1 after greeting: the key works, which is what it checks.
  if (program === 'ssh' && /successfully authenticated/i.test(text)) return true;
  // `gh pr create` when the branch has its pull request: what it was to make is there.
  if (program === 'gh' && work[0].includes('pr') && /a pull request for branch .+ already exists/i.test(text)) return true;
  // `ssh-keygen` asking to overwrite a key that is there: the key exists.
  if (/already exists/i.test(text) && /Overwrite \(y\/n\)\?/i.test(text)) return true;
  if (program === 'git' && /nothing to commit|nothing added to commit|no changes added to commit/i.test(text)) return true;
  // pkill/killall exit 1 when no process matched: the process they were to stop is not running.
  if ((program === 'pkill' || program === 'killall') && !/Operation not permitted|denied/i.test(text)) return true;
  return false;
}

/** A tool's or program's name as both spell it: `apply_patch`, `apply-patch` and `applypatch` meet. */
function toolAsProgram(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** For a failed command: what it ran, and the program when the shell could not start it. */
function ranWhat(programs: string[][] | undefined, errorLine: string, output: string, cwd?: string): Pick<ErrorRecord, 'target' | 'missingProgram'> {
  const words = programs?.find((w) => isDistinctiveCommand([w]));
  if (!words) return {};
  const program = programName(words);
  // The shell could not even parse the line (a here-document in PowerShell): nothing of it ran. (A script given inline,
  // `powershell -Command "<script>"`, is that script's parse error: another script running fine settles nothing.)
  if (SHELL_PARSE_ERROR.test(output.slice(0, 4000))) return { target: runTarget(words, cwd), ...(wrappedScript(words) ? {} : { missingProgram: program }) };
  const named = errorLine.toLowerCase().includes(posix.basename(words[0].replace(/\\/g, '/')).toLowerCase());
  // `./run.sh: No such file or directory` is the program missing; `sed: a.txt: No such file…` is its operand.
  const missing = named && (NOT_STARTED.test(errorLine) || (/[/\\]/.test(words[0]) && /No such file or directory/i.test(errorLine)));
  return { target: runTarget(words, cwd), ...(missing ? { missingProgram: program } : {}) };
}

/** The option labels the agent's question tool offered, per question (lower case). */
/** The paths git lists under "The following untracked working tree files would be overwritten by merge:". */
function untrackedInTheWay(text: string): string[] {
  const paths: string[] = [];
  for (const block of text.matchAll(/untracked working tree files would be (?:overwritten|removed) by \w+:\n((?:[ \t]+\S[^\n]*\n?)+)/g))
    for (const line of block[1].split('\n')) if (line.trim()) paths.push(line.trim());
  return paths;
}

/** The questions an AskUserQuestion call put, as asked. */
function askedQuestions(call: ToolCallEvent | undefined): string[] {
  const questions = call && isObject(call.input) && Array.isArray(call.input.questions) ? call.input.questions : [];
  return questions.flatMap((q) => (isObject(q) && typeof q.question === 'string' && q.question.trim() ? [q.question.trim()] : []));
}

/**
 * The question/answer pairs of Claude Code's answer message (`"Q"="A", "Q2"="A2"`). A question that holds
 * quotes itself (`"Law 7" even means?`, `"常用链接" 的开关…`) is found whole by the text the call asked; the
 * bare pattern would start it at its last inner quote and show a fragment as the question.
 */
function answeredPairs(text: string, asked: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const taken: [number, number][] = [];
  for (const question of new Set(asked)) {
    const at = text.indexOf(`"${question}"="`);
    if (at < 0) continue;
    const start = at + question.length + 4;
    const end = text.indexOf('"', start);
    if (end <= start) continue;
    pairs.push([question, text.slice(start, end)]);
    taken.push([at, end]);
  }
  for (const match of text.matchAll(/"([^"]{3,300})"="([^"]{1,300})"/g)) {
    const at = match.index;
    if (taken.some(([from, to]) => at >= from && at <= to)) continue;
    pairs.push([match[1], match[2]]);
  }
  return pairs;
}

function offeredOptions(call: ToolCallEvent | undefined): Map<string, string[]> {
  const offered = new Map<string, string[]>();
  const questions = call && isObject(call.input) && Array.isArray(call.input.questions) ? call.input.questions : [];
  for (const q of questions) {
    if (!isObject(q) || typeof q.question !== 'string' || !Array.isArray(q.options)) continue;
    const labels = q.options.map((o) => (isObject(o) ? str(o.label) : typeof o === 'string' ? o : undefined)).filter((l): l is string => !!l?.trim());
    if (labels.length)
      offered.set(
        q.question.trim(),
        labels.map((l) => l.trim().toLowerCase()),
      );
  }
  return offered;
}

/**
 * An exit code of 0 that speaks for the command: not one of a pipeline (`npm test | tail` exits with
 * `tail`'s status) or of a line that swallows failures (`|| true`). Then error lines in its output are
 * what the program printed on the way (a test of an error path logs the error), not a failure.
 */
/**
 * A program's own tally of the things it handled (`ran 240 jobs: 231 ok, 5 failed, 4 timeout, 28 retries`) is all that
 * looks failed, from a command that is no check, run without a pipe, that the agent was not told failed: it reports
 * what it found, it did not fail. (Only the tally: any other failure line in the output still counts.)
 */
function tallyOnly(output: string, pending: PendingCall | undefined, result: ToolResultEvent): boolean {
  if (result.isError !== false || pending?.family?.kind || pending?.commandLine === undefined || /\|/.test(pending.commandLine)) return false;
  // (Not "N passed, M failed": that is how tests report, whoever runs them.)
  const tally =
    /^.*\b\d+ (?:ok|succeeded|done|processed)\b.*\b[1-9]\d* failed\b.*$|^.*\b[1-9]\d* failed\b.*\b\d+ (?:ok|succeeded|done|processed|timeouts?|retries)\b.*$/gim;
  const rest = output.replace(tally, '');
  return rest !== output && !looksFailed(rest);
}

function exitCodeTrusted(result: ToolResultEvent, pending: PendingCall | undefined): boolean {
  return result.exitCode === 0 && pending?.commandLine !== undefined && !/\||;\s*(?:true|:)\s*$/.test(pending.commandLine);
}

/** A fetch told not to check the server's certificate: curl's `-k` (also within `-sSk`), `--insecure`, wget's flag, PowerShell's. */
const SKIPS_CERTIFICATE_CHECK = /\bcurl\b[^|;&\n]*\s-[A-Za-z]*k[A-Za-z]*\b|--insecure\b|--no-check-certificate\b|-SkipCertificateCheck\b/;
/** A TLS certificate that could not be verified or has expired. */
const CERTIFICATE_ERROR = /\bcertificate\b|\bSEC_E_CERT|\bCERT_(?:HAS_EXPIRED|UNTRUSTED)|SSL certificate problem/i;

/** Where a command started in the background sends its output (`nohup python3 server.py > server.log 2>&1 &`), as a key. */
function backgroundLogOf(call: ToolCallEvent, commandLine: string, cwd?: string): string | undefined {
  const background =
    (isObject(call.input) && call.input.run_in_background === true) || /(?:^|[^&|>])&\s*(?:$|\n|;|disown\b)|\bnohup\b|\bsetsid\b/.test(commandLine);
  if (!background) return undefined;
  const target = /(?:&>|>>?)\s*([^\s;&|<>]+)/.exec(commandLine.replace(/\d?>\s*&\d/g, ' '))?.[1];
  if (!target || target === '/dev/null' || target.startsWith('&')) return undefined;
  return logKey(target, cwd);
}

/**
 * The files a command line sends a program's output to, as keys: `./hisab data/ledger.csv > out/report.txt`,
 * `python3 bench.py | tee results.txt`. Not what a writer of text puts in a file (`cat > f <<EOF`, `echo x >> f`,
 * `printf`): that is content written, not output measured.
 */
function programOutputsOf(parts: ReturnType<typeof parseCommandLine> | undefined, cwd?: string): string[] {
  if (!parts) return [];
  const out: string[] = [];
  let writer = false;
  for (const part of parts) {
    const words = part.words.map((w) => w.text);
    const program = posix.basename(words[0] ?? '');
    // (What a writer of text pipes on is still text written: `echo x | tee f`.)
    if (WRITERS.has(program)) writer = true;
    if (program === 'tee' && !writer)
      out.push(
        ...words
          .slice(1)
          .filter((w) => !w.startsWith('-'))
          .map((f) => logKey(f, cwd)),
      );
    if (!WRITERS.has(program))
      for (const r of part.redirects)
        if (/^(?:>|>>|>\||&>|&>>)$/.test(r.op) && r.target && !r.target.expands && r.target.text !== '/dev/null') out.push(logKey(r.target.text, cwd));
    if (part.separator !== '|') writer = false;
  }
  return out;
}
/** Programs that write text given to them (a heredoc, their arguments, a file copied), not a measurement of anything. */
const WRITERS = new Set(['cat', 'echo', 'printf', 'sed', 'awk', 'jq', 'sort', 'cp', 'mv', 'tr', 'cut', 'base64', 'envsubst']);

/** The one file a look reads (`tail -n 20 server.log`, `sleep 1; cat out/run.log`), as a key; else undefined. */
function readLogKey(commandLine: string, cwd?: string): string | undefined {
  if (commandLine.length > 400 || !/\b(?:tail|cat|head)\b/.test(commandLine)) return undefined;
  const programs = programsOf(commandLine);
  const reads = programs.filter((words) => posix.basename(words[0]) !== 'sleep');
  if (reads.length !== 1 || !['tail', 'cat', 'head'].includes(posix.basename(reads[0][0]))) return undefined;
  const files = reads[0].slice(1).filter((w) => !w.startsWith('-') && !/^\d+$/.test(w));
  return files.length === 1 ? logKey(files[0], cwd) : undefined;
}

function logKey(file: string, cwd?: string): string {
  return posix.isAbsolute(file) ? posix.normalize(file) : posix.join(cwd ?? '', file);
}

/** Output of a command that never finished: Codex's "aborted", an interrupt. */
const NO_OUTCOME = /^\s*(?:aborted\b|\[Request interrupted by user)/;

/** The id a background command's output is polled with, when `call` polls one. */
function backgroundIdOf(call: ToolCallEvent): string | undefined {
  if (!isObject(call.input)) return undefined;
  if (call.name === 'write_stdin') {
    const id = call.input.session_id;
    return typeof id === 'number' || typeof id === 'string' ? `codex:${id}` : undefined;
  }
  // Codex's code mode waits on a script still running: `wait {"cell_id":"3"}`.
  if (call.name === 'wait') {
    const id = call.input.cell_id;
    return typeof id === 'number' || typeof id === 'string' ? `codex-cell:${id}` : undefined;
  }
  if (call.name === 'TaskOutput' || call.name === 'BashOutput') {
    const id = str(call.input.task_id) ?? str(call.input.bash_id) ?? str(call.input.shell_id);
    return id ? `claude:${id}` : undefined;
  }
  return undefined;
}

/** When a command's output says it is still running, the id to poll it with. */
function stillRunningId(text: string, pending: PendingCall): string | undefined {
  const head = text.slice(0, 2000);
  const codex = /^Process running with session ID (\d+)/m.exec(head);
  if (codex) return `codex:${codex[1]}`;
  const cell = /^Script running with cell ID (\d+)/.exec(head);
  if (cell) return `codex-cell:${cell[1]}`;
  const claude = /^Command running in background with ID: ([\w-]+)/.exec(head.trim());
  if (claude) return `claude:${claude[1]}`;
  if (pending.polled !== undefined && /<status>running<\/status>/.test(head)) return pending.polled;
  return undefined;
}

/** A sentence that weighs options: "Two ways: …", "Options: …", "Either A or B", "Per IP or per key?". */
const OPTIONS =
  /\b(?:options?|approaches|two ways|alternatives?|choices|candidates)\b\s*[:—-]|\b(?:it['’]s|it is|the choice is) between\b.{3,160}\band\b|\b(?:two|three|2|3|a few|several) (?:ways|options|approaches|alternatives|places|designs|strategies|fixes|paths)\b|^[^:.?]{3,60}:\s+[^;?]{3,200},\s+or\s+(?!if\b)[^;?]{3,160}$|^(?:i|we) could\b[^.]*\bor\b|\beither\b.+\bor\b|\bor\b[^.?!]{0,80}\?\s*$|\b(?:zwei Wege|entweder\b.+\boder)\b|两种|要么|(?:ორი|სამი) ვარიანტი|(?:Хоёр|хоёр|Гурван|гурван) арга/i;
/**
 * Alternatives that are not the agent's to choose between: a question handing the choice to the user ("Would
 * you like X, or Y?": the answer decides) or a guess at a cause ("This could mean either X or Y", "was it
 * started with the new code or the old?"). On logs nobody tuned on, what followed such sentences was
 * a fact or a next step, never a choice (sets G–M).
 */
const NOT_OPTIONS =
  /\b(?:would you (?:like|prefer)|do you (?:want|prefer)|or would you|want me to|shall i|should i)\b|\b(?:could|might|may|can) (?:mean|be|indicate)\b|\bcould it be\b|^(?:but |and |so )?(?:was|were|is|are|did|does|has|have) (?:it|this|that|the|these|those)\b|\bwhether\b/i;
/** The pick named by its place among unlabelled options: "The second: …", "The latter, because …". */
// (With its article or "one": a bare "First, update the backend…" orders steps, it picks nothing.)
const ORDINAL_PICK =
  /^(?:so,?\s+)?(?:the (first|second|third|former|latter|last)(?: one| option)?|(first|second|third|last) (?:one|option))\s*(?:[:;,—–-]|\s(?:because|since|as)\b)/i;

/** The options a sentence lists ("Options: A, or B" → A, B): two to four of them, or undefined. */
function listedOptions(options: string): string[] | undefined {
  // "…, so it's between A and B.": the two after "between".
  const between = /\b(?:it['’]s|it is|the choice is|choosing) between (.{3,160}?) and (.{3,160}?)[.?!]?\s*$/i.exec(options);
  if (between) return [between[1].trim(), between[2].trim()];
  const list = options.replace(/^[^:]{0,80}:\s*/, '').replace(/[.?!]\s*$/, '');
  // ", or" sets options apart where an option itself says "or" ("cut at the first ; or # anywhere, or cut at a ;
  // or # only after a blank"): then only it, and the commas of a short list before it, divide them.
  const commaOr = list.split(/,\s+or\s+/);
  const parts = (
    commaOr.length >= 2 && commaOr.some((p) => /\sor\s|;\s/.test(p))
      ? [...(commaOr[0].split(/,\s+/).every((p) => p.length <= 60) ? commaOr[0].split(/,\s+/) : [commaOr[0]]), ...commaOr.slice(1)]
      : list.split(/,?\s+(?:or|ან|эсвэл)\s+|;\s+/)
  )
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length < 2 || parts.length > 4 || parts.some((p) => p.length > 240) ? undefined : parts;
}

/** A merit said of an option: "is deterministic", "already rejects…", "needs nothing beyond libc", "easy to extend". */
const MERIT =
  /\b(?:is|are|stays?|remains?) (?:deterministic|simpler|safer|faster|cleaner|easier|cheaper|portable|robust|exact|precise|reproducible|repeatable|stable|more (?:robust|reliable|portable|predictable))\b|\bsays? (?:that|it|so) in (?:one|a single) (?:expression|line|statement|call)\b|\brepeats? on any machine\b|\balready (?:\w+s|does|works|handles|covers|supports|validates|rejects|checks)\b|\bneeds? nothing\b|\b(?:easy|simple|trivial) to (?:extend|test|read|maintain|change|reuse)\b|\bjust works\b|\bno (?:extra|new) (?:dependency|dependencies|deps|code)\b/i;
/** A drawback said of an option: "would need its own check", "depends on the locales installed", "too slow". */
const DRAWBACK =
  /\bwould (?:still |also |then )?(?:need|differ|break|require|have to|fail|lose|miss|drop)\b|\bis (?:just |only )?noise\b|\b(?:noisy|unreliable)\b|\bdepends on\b|\btoo (?:slow|fragile|complex|heavy|risky|brittle|expensive)\b|\b(?:doesn['’]t|does not|can['’]t|cannot|won['’]t) (?:work|handle|support|cope)\b|\b(?:brittle|fragile|flaky|racy)\b/i;

/** A command that installs packages by name. */
const INSTALLS =
  /\b(?:go (?:get|install)|npm (?:i|install|add)|pnpm (?:add|install|i)|yarn add|bun add|pip3? install|uv (?:add|pip install)|cargo (?:add|install)|gem install|apt(?:-get)? install|brew install|dnf install|pacman -S)\s/;
/** The package names an install command names (its words after the install verb that are not options), versions cut off. */
function installedNames(commandLine: string): string[] {
  const at = INSTALLS.exec(commandLine);
  if (!at) return [];
  return commandLine
    .slice(at.index + at[0].length)
    .split(/[\s;&|`]+/)
    .filter((w) => /^[@a-z][\w.@/+:~^=<>-]*$/i.test(w))
    .slice(0, 6)
    .map((w) => w.replace(/(?<=.)[@=<>~^].*$/, ''))
    .filter((w) => w.length >= 2);
}

/** A thing named as not found: `package 'mbf_costmap_core' not found`, `'x' not found`. */
const NOT_FOUND_NAMED = /['"‘`]([\w.@/+-]{3,80})['"’`] (?:was )?not found\b|\bnot found:\s*['"]?([\w.@/:+-]{3,200})/;

/** Whether a run's output says the module an error could not load is still not there (`openpyxl: NOT available`). */
function stillMissing(errorTitle: string, output: string): boolean {
  const missing = MISSING_MODULE.exec(errorTitle);
  const name = missing?.[1] ?? missing?.[2];
  if (!name) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}['"]?[^\\n]{0,40}\\b(?:not (?:available|installed|found)|missing|unavailable)\\b`, 'i').test(output.slice(0, 20_000));
}

/** Whether an edit's snippet (`took out import jdatetime`) imports the module. */
function importsModule(snippet: string | undefined, name: string): boolean {
  const root = name.split(/[./]/)[0];
  if (!snippet || !root) return false;
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:\\bimport\\s+|\\bfrom\\s+|require\\(\\s*['"]|from\\s+['"])${escaped}\\b`).test(snippet);
}

/** A sentence naming the alternative a choice just made dismissed, in the languages agents write in. */
const ALTERNATIVE_AFTER =
  /^(?:the )?(?:alternative|other option)\b[^.]{0,80}\b(?:would have been|was|would be)\b|\bwould have worked (?:too|as well|also)\b.*\bbut\b|^(?:vaihtoehto|toinen vaihtoehto) olisi ollut\b|\bolisi toiminut myös\b.*\bmutta\b|^(?:die )?alternative wäre\b|^l['’]alternative (?:aurait été|serait|était)\b|^la alternativa (?:sería|habría sido|era)\b|^a alternativa (?:seria|teria sido|era)\b|^l['’]alternativa (?:sarebbe|era)\b|^alternativet (?:ville|hadde|hade|havde)\b|^альтернатив(?:а|ой) (?:была бы|было бы)\b/iu;

/** "Either A, or B: why": the options and the reason given after them. */
const EITHER_OR_BECAUSE = /^either\s+(.{3,160}?),?\s+or\s+([^:;]{3,160}):\s+(\S.{8,})$/i;
/** A way found wanting: "…would turn "50k" into 50", "…easy to miss one and tedious to review". */
const WANTING =
  /\bwould (?:turn|break|need|mean|require|miss|lose|drop|fail|differ|make it)\b|\b(?:tedious|error-prone|easy to miss|fragile|brittle|clunky|hacky|overkill)\b/i;
/** A way judged better: "…covers every vowel in two lines", "…lists every accepted form in one place". */
const JUDGED_BETTER =
  /\b(?:covers|handles|lists|keeps|avoids|rejects|catches|needs only|works (?:for|everywhere|on)) (?:every|all|each|both|anything|everything|only)\b|\bin (?:one|a single) (?:place|pass|line|call|query)\b|\bin (?:two|three|a few) lines\b|\bis (?:deterministic|simpler|safer|cleaner|shorter|enough)\b|\bneeds nothing\b/i;
/** Not a way of doing it but the work or the agent: "The fix handles…", "This covers…", "I keep…". */
const NOT_A_CHOICE_SUBJECT =
  /^(?:(?:so|and|but|now|then),?\s+)?(?:i|we|it|this|that|these|those|there|the (?:user|fix|change|patch|new code|test|tests)|my|our)\b/i;

/**
 * The option the thinking has now judged best, when this sentence settles it: one option with a merit said
 * of it, every other with a drawback or nothing, at least one with a drawback. Each clause is judged for the
 * options it alone names (by words no other option has). Records the judgement in `options.weights`.
 */
function favouredOption(options: { text: string; weights?: number[]; judged?: Set<number> }, sentence: string): string | undefined {
  const parts = listedOptions(options.text);
  if (!parts || /\?\s*$/.test(sentence)) return undefined;
  // (Words are compared by their stem, so "allocation counts" names the option "count allocations".)
  const stem = (w: string) => w.slice(0, 6);
  const words = parts.map(
    (p) =>
      new Set(
        wordsOf(p)
          .filter((w) => w.length >= 4)
          .map(stem),
      ),
  );
  const own = words.map((mine, i) => [...mine].filter((w) => words.every((other, j) => j === i || !other.has(w))));
  const weights = (options.weights ??= parts.map(() => 0));
  for (const clause of sentence.split(/;\s+|,\s+(?:but|while|whereas)\s+|\.\s+/i)) {
    // (What the user said is the ground of the judgement, not a judgement of an option: "The user said X and the box is noisy".)
    if (/^(?:the )?user (?:said|says|asked|wants|prefers|mentioned)\b/i.test(clause)) continue;
    const said = new Set(wordsOf(clause).map(stem));
    const named = own.map((ws, i) => (ws.some((w) => said.has(w)) ? i : -1)).filter((i) => i >= 0);
    if (named.length !== 1) continue;
    if (MERIT.test(clause) && !DRAWBACK.test(clause)) {
      weights[named[0]]++;
      // ("…already calculates X" describes what is there; "is exact", "says that in one expression" judge the option.)
      if (!/\balready\b/i.test(clause)) (options.judged ??= new Set()).add(named[0]);
    } else if (DRAWBACK.test(clause) && !MERIT.test(clause)) weights[named[0]]--;
  }
  const best = weights.findIndex((w) => w > 0);
  // (Between two, a merit judged of one is the choice; otherwise another must have been found wanting too.)
  if (best < 0 || weights.some((w, i) => i !== best && w > 0)) return undefined;
  if (!weights.some((w) => w < 0) && !(parts.length === 2 && options.judged?.has(best))) return undefined;
  return parts[best];
}

/**
 * The option a pick by place names, from a sentence listing them ("Options: A, or B"), or, after a bare "Two
 * designs.", from the "Name: description" sentences that followed it; undefined when there is none.
 */
function nthOption(options: string, pick: string, between: string[] = []): string | undefined {
  const picked = ORDINAL_PICK.exec(pick) ?? ORDINAL_MERIT.exec(pick);
  const place = (picked?.[1] ?? picked?.[2])?.toLowerCase();
  const described = between.filter((s) => /^[^:]{3,60}:\s+\S/.test(s));
  const parts = listedOptions(options) ?? (described.length >= 2 && described.length <= 4 ? described : undefined);
  if (!parts) return undefined;
  const at = { first: 0, former: 0, second: 1, third: 2, latter: parts.length - 1, last: parts.length - 1 }[place ?? ''];
  if (at === undefined || at >= parts.length || (place === 'latter' && parts.length !== 2)) return undefined;
  return parts[at];
}

/**
 * "So a left join with an unknown bucket, …" right after "An inner join is the obvious query, but … would drop out":
 * a way named without a verb of its own after "So", the sentence before finding the other way wanting ("but", and what
 * it would do or a drawback).
 */
function soAfterDismissed(before: string, sentence: string): boolean {
  // (…or a way said as what to do: "So retry inside the worker loop, with asyncio.sleep for the backoff".)
  const named =
    /^so,?\s+((?:an?|the)\s+[^,;:.]{3,80}|(?!(?:i|we|you|it|this|that|these|those|they|he|she|there|the|a|an|if|now|far|yes|no)\b)[a-z]+\s+[^,;:.]{3,80})/i.exec(
      sentence,
    )?.[1];
  if (
    !named ||
    /\b(?:is|are|was|were|be|been|does|do|did|has|have|had|should|would|could|can|will|must|might|may|seems?|looks?|means?|needs?|works?|fails?|gets?)\b|n['’]t\b/i.test(
      named,
    )
  )
    return false;
  return (
    /\bbut\b/i.test(before) &&
    (DRAWBACK.test(before) ||
      /\b(?:would|could) (?:silently |still |also )?\w+/i.test(
        before
          .split(/\bbut\b/i)
          .slice(1)
          .join(' '),
      ))
  );
}

/**
 * Picks by place in Georgian ("ვირჩევ მეორეს — …", "მეორეს ვირჩევ: …") and Mongolian ("Би хоёр дахийг сонгоно: …"), "I choose
 * the second", said the English way ("The second: …").
 */
function ordinalPickInEnglish(sentence: string): string {
  let place: string | undefined;
  let said: RegExpExecArray | null;
  if ((said = /^(?:би\s+)?(эхний|нэг дэх|хоёр ?дах|гурав ?дах|сүүлийн)\S*\s+(?:хувилбарыг\s+|аргыг\s+)?(?:сонгоно|сонгов|сонголоо)\s*/iu.exec(sentence))) {
    const word = said[1].toLowerCase().replace(/\s/g, '');
    place = word.startsWith('эхн') || word.startsWith('нэг') ? 'first' : word.startsWith('хоёр') ? 'second' : word.startsWith('гурав') ? 'third' : 'last';
  } else if (
    (said = /^(?:(?:ვირჩევ|ავირჩიე) (პირველ|მეორე|მესამე|ბოლო)ს?|(პირველ|მეორე|მესამე|ბოლო)ს? (?:ვირჩევ|ავირჩიე))(?![\u10D0-\u10FF])\s*/u.exec(sentence))
  )
    place = { პირველ: 'first', მეორე: 'second', მესამე: 'third', ბოლო: 'last' }[said[1] ?? said[2]];
  if (!said || !place) return sentence;
  const rest = sentence.slice(said[0].length);
  return `The ${place}${/^[:;,—–-]/.test(rest) ? '' : ':'} ${rest}`.replace(/\s+$/, '');
}

/** The label a pick by place names among numbered options ("The second: …" under "Option 1", "Option 2"). */
function labelOfOrdinal(pick: string, labels: Map<string, string>): string | undefined {
  const place = ORDINAL_PICK.exec(pick);
  const at = { first: '1', second: '2', third: '3' }[(place?.[1] ?? place?.[2] ?? '').toLowerCase()];
  return at && labels.has(at) ? at : undefined;
}

/** The option named by "so X it is" inside a sentence, when X's words are in that option only. */
function pickedAsItIs(options: string, sentence: string): string | undefined {
  const named = /\bso\s+([^,;:.]{2,60}?)\s+it is\b/i.exec(sentence)?.[1]?.trim().toLowerCase();
  if (!named) return undefined;
  const holding = (listedOptions(options) ?? []).filter((option) => option.toLowerCase().includes(named));
  return holding.length === 1 ? holding[0] : undefined;
}

/** A pick by place that says what it does better: "The second keeps the invoice and the receipt in agreement". */
const ORDINAL_MERIT =
  /^(?:so,?\s+)?the (first|second|third|former|latter|last)(?: one| option| design| approach)? (?:keeps|wins|handles|works|avoids|gives|stays|matches|fits|is (?:simpler|safer|cleaner|better|right))\b/i;
/** "I'll take the mtime one", "going with the regex version": a pick named by one word of an option. */
const WORD_PICK =
  /\b(?:take|pick|go with|use|choose|taking|picking|going with|prefer)\s+the\s+([\p{L}\d_-]{3,})(?:[- ]based)?\s+(?:one|option|approach|version|way|design|variant)\b/iu;

/**
 * The option a sentence names by a word no other option has: "I'll take the mtime one: why" (a word an option
 * starts with), or a verdict of at most four words that are all one option's ("Totals only."); else undefined.
 */
function optionNamedBy(options: { text: string }, sentence: string): string | undefined {
  const parts = listedOptions(options.text);
  if (!parts || /\?\s*$/.test(sentence)) return undefined;
  const words = parts.map((p) => new Set(wordsOf(p)));
  const picked = WORD_PICK.exec(sentence)?.[1]?.toLowerCase();
  if (picked) {
    const matching = words.map((ws, i) => ([...ws].some((w) => w.startsWith(picked)) ? i : -1)).filter((i) => i >= 0);
    return matching.length === 1 ? parts[matching[0]] : undefined;
  }
  // (Without its article: "The staging table." names the option "import each file into a staging table"; nor a "so" and
  // a verb of picking before it: "So keep the arrays.")
  const said = wordsOf(sentence.replace(/^(?:so|then|ok(?:ay)?)[,:]?\s+(?:keep|use|take|pick|choose|go with|stick with)\s+(?=\S)/i, '')).filter(
    (w) => !ARTICLES.has(w),
  );
  if (said.length === 0 || said.length > 4 || !/[.!]\s*$/.test(sentence.trim())) return undefined;
  const owners = words.map((ws, i) => (said.every((w) => ws.has(w)) && said.some((w) => w.length >= 4) ? i : -1)).filter((i) => i >= 0);
  return owners.length === 1 ? parts[owners[0]] : undefined;
}

const ARTICLES = new Set(['the', 'a', 'an']);
/** "That one; …", "This one.": the pick is the option just named. */
const THAT_ONE = /^(?:so,?\s+)?(?:that|this) one(?:\s*[;:,.!—–-]|\s+(?:it is|wins|then)\b|\s*$)/i;

/** A pick too short to be a statement of its own, said right after the options: "Going with the file." */
const SHORT_PICK = /^(?:so,?\s+)?(?:going with|go with|picking|choosing|taking|(?:i['’]ll|we['’]ll|let['’]s) (?:go with|take|pick|use))\s+\S/i;
/** An option under a label: "Option B: quote every field", "Approach 2 — a view", "(a) strip them". */
const OPTION_LABEL = /^(?:[^.:;]{0,60},\s+)?(?:(?:option|approach|alternative|choice|plan|variant|ვარიანტი)\s+([A-D1-4])\b\s*[:.)—–-]|\(?([a-d1-4])\)\s+\S)/i;
/** The pick among labelled options: "B, because …", "Going with option 2: …", "B wins: …", "So A — …". */
const VERDICT =
  /^(?:(?:so|then|ok(?:ay)?|verdict|decision|final(?:ly)?)[,:]?\s+)?(?:(?:i['’]ll|we['’]ll|let['’]s|i will|we will)\s+)?(?:(?:go(?:ing)? with|pick(?:ing)?|choose|choosing|take|use|prefer)\s+)?(?:option\s+|approach\s+|plan\s+)?([A-D1-4])(?:\s+(?:it is|wins|then|is (?:better|the one|safer|simpler|cleaner)))?\s*(?:[,:;—–-]|\s(?:because|since|as)\b)|^(?:(?:picking|pick|going with|go with|choosing|option)\s+)?([A-D])[.!]?$|^(?:picking|pick|going with|go with|choosing|option)\s+([1-4])[.!]?$/i;
/** Giving something up, loosely: only read this way right after a failed attempt. */
const GIVEN_UP =
  /^(?:no|not|kein\w*)\s+\S+[^:]{0,40}:|\b(?:is|are) out\b(?! of\b)|\bnot an option\b|\b(?:doesn'?t|does not|didn'?t|did not|won'?t|will not|can'?t|cannot) (?:work|help|run|install|build)\b|\b(?:geht nicht|funktioniert nicht|klappt nicht)\b|不用|不行|放弃|改用|(?<![А-яЁёӨөҮү])(?:Болохгүй|болохгүй|ажиллахгүй)(?![А-яЁёӨөҮү])/i;

/** Someone choosing, at the start of a sentence or after a lead-in clause: "I'll…", "So we'll…", "After X, I'll…", "Going with…", "Use…", "我们决定…". */
const CHOOSER_OPENING =
  /(?:^|,\s+(?=(?:i|we)['’]ll\b|(?:i|we) will\b)|\b(?:and|so) (?=(?:i|we)['’]ll\b|(?:i|we) will\b))(?:(?:so|ok(?:ay)?|then|now|here|instead|thus|hence|also),?\s+)?(?:(?:i['’]ll|we['’]ll|i will|we will|let['’]s|i['’]m going to|we['’]re going to|i['’]d go|going with|go with|use|pick|choose|prefer|keep|accept|switch to|stick with|decided|decision|verdict|ich (?:nehme|verwende|nutze|bleibe)|wir (?:nehmen|verwenden|nutzen|bleiben))\b|我们?(?:决定|选择|改用|采用|就用)|决定|选择|改用|采用)/iu;
/** A text's words, lower case, punctuation dropped (a `.` inside a name, `c.id`, kept when asked). */
function wordsOf(text: string, keepDots = false): string[] {
  return text
    .toLowerCase()
    .replace(keepDots ? /[^\p{L}\p{N}\s.]/gu : /[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Whether a sentence repeats four or more words in a row of the options it follows (one option, named whole). */
function repeatsAnOption(sentence: string, options: string): boolean {
  const a = wordsOf(sentence.split(/:\s/)[0], true);
  const b = ` ${wordsOf(options, true).join(' ')} `;
  for (let i = 0; i + 4 <= a.length; i++) if (b.includes(` ${a.slice(i, i + 4).join(' ')} `)) return true;
  return false;
}

/** Words of a choice that repeat one of the options it was weighed against (3+ words, or the option's head). */
function choosesFrom(sentence: string, options: string, statesAChoice = true): boolean {
  // "So, I'll load the spec" after the options is a next step; it counts only if it names one of them.
  // "So a token bucket per API key." chooses; "So the project doesn't load .env files" concludes: after
  // "so", a clause with a verb of its own is a conclusion unless someone chooses in it.
  // (Also after a clause that gives the ground for it: "The README points at make; going with the tab since …".)
  if (statesAChoice && /(?:^|;\s+)(?:going with|go with|decision|chosen|picked|choosing|taking)\b/i.test(sentence)) return true;
  const after = /^(?:so|thus|hence|therefore|also)[,:]?\s+(.*)$/is.exec(sentence)?.[1];
  if (
    statesAChoice &&
    after !== undefined &&
    (/^(?:i['’]ll|we['’]ll|i will|we will|let['’]s|i['’]m going|we['’]re going|i['’]d go|going with|go with|use|pick|choose)\b/i.test(after) ||
      !/\b(?:is|are|was|were|be|been|does|do|did|has|have|had|should|would|could|can|will|must|might|may|seems?|looks?)\b|n['’]t\b|^(?:they|he|she|it|this|that|these|those|there|the user|user)\b/i.test(
        after,
      ))
  )
    return true;
  // (After "So", the choice is named first: "So replay the trace on a virtual clock, with …".)
  const a = wordsOf(sentence.replace(/^(?:so|thus|hence|then)[,:]?\s+(?=[a-z])/i, ''));
  const b = ` ${wordsOf(options).join(' ')} `;
  // Sharing words with an option is not enough: "The DAG system already calculates X" after "test X, or
  // find another way?" states a fact. The choice is made by someone ("I'll…", "Going with…", "Use…"), is
  // named first ("Accept both decimals — …"), or ends a reason ("…takes forty minutes, so resume.").
  const chooses =
    CHOOSER_OPENING.test(sentence) ||
    // named first, with its reason after a dash or a colon ("Accept both decimals — the loggers send commas")
    (b.includes(` ${a.slice(0, 3).join(' ')} `) && /\s[—–-]\s|:\s|;\s|,\s+with\b/.test(sentence)) ||
    /,\s+(?:so|hence|thus)\s+(?!(?:there|it|that|this|the|we|i|they|he|she)\b)(?:\S+\s+){0,4}\S+[.!]?\s*$/i.test(sentence);
  if (!chooses) return false;
  for (let i = 0; i + 3 <= a.length; i++) if (b.includes(` ${a.slice(i, i + 3).join(' ')} `)) return true;
  return false;
}

/** ssh's notice about its key exchange, printed around every remote command's output. */
const SSH_NOTICE = String.raw`\*\* (?:WARNING: connection is not using a post-quantum|This session may be vulnerable|The server may need to be upgraded)`;
/** Those notice lines whole, to take out of an output. */
const SSH_KEY_EXCHANGE_NOTICE = new RegExp(`^${SSH_NOTICE}.*$`, 'gm');

/** A command line that runs a script and then removes it: `python gen.py && rm gen.py`. */
function ranThenRemoved(commandLine: string | undefined, name: string): boolean {
  if (!commandLine || name.length < 3) return false;
  const removed = commandLine.search(new RegExp(`\\b(?:rm|del|Remove-Item|unlink)\\b[^;&|]*${escapeRegExp(name)}`));
  const ran = commandLine.indexOf(name);
  return removed > 0 && ran >= 0 && ran < removed;
}

/** What a command line prints itself with `echo`/`printf` (a separator, a label): never a program's failure. */
function echoedBy(commandLine: string | undefined): Set<string> {
  const echoed = new Set<string>();
  if (!commandLine || !/\b(?:echo|printf|Write-Host)\b/.test(commandLine)) return echoed;
  for (const m of commandLine.matchAll(/\b(?:echo|printf|Write-Host)\s+(?:-[neE]+\s+)?(?:"([^"\n]*)"|'([^'\n]*)'|([^\s;&|'"]+))/g))
    echoed.add((m[1] ?? m[2] ?? m[3] ?? '').replace(/\\n$/, '').trim());
  return echoed;
}

/** A question asking only whether to go on: "Ready to proceed with…?", "Shall I continue?", "OK to commit?". */
const ASKS_TO_GO_ON =
  /^(?:are you |is it |is this |we['’]re )?(?:ready|ok(?:ay)?|good|fine|all set) to (?:proceed|continue|go|start|begin|apply|commit|push|deploy|run)\b|^(?:shall|should|can|may) (?:i|we) (?:proceed|continue|go ahead|start|begin|go on)\b|^(?:proceed|continue|go ahead)\b[^?]*\?\s*$/i;

/** An error line a passing command may print: `error: …`, `prog: error …`, `error[E…]`, `prog error: …`. */
const PRINTED_ERROR = /^\s*(?:\S+: )?error\b|\berror\[|^[\w.-]+ error:/im;

/** A git operation given up midway: what it failed on was left, not fixed. */
const ABANDONS_OPERATION = /\bgit\s+(?:-C\s+\S+\s+)?(?:merge|rebase|cherry-pick|revert|am)\s+--(?:abort|quit|skip)\b/;

/** robocopy's exit codes below 8 report what it copied (1: files copied), not a failure. */
function copiedFine(programs: string[][], exitCode: number | undefined): boolean {
  const last = programs.at(-1);
  return last !== undefined && /^robocopy(?:\.exe)?$/i.test(programName(last)) && exitCode !== undefined && exitCode > 0 && exitCode < 8;
}

function quietNoMatch(commandPrograms: string[][], output: string, exitCode: number | undefined, commandLine = ''): boolean {
  if (exitCode !== undefined && exitCode !== 1) return false;
  const programs = commandPrograms.map((w) => w[0].replace(/^.*\//, ''));
  // `powershell -Command 'rg …'`, `bash -c "grep …"`: the search runs inside another shell's string.
  // (Also over ssh: `ssh host "opkg list-installed | grep -i good"`.)
  if (programs.some((p) => /^(?:powershell|pwsh|cmd|bash|sh|zsh|ssh)(?:\.exe)?$/i.test(p)) && /\b(?:rg|grep|findstr|Select-String)\b/.test(commandLine))
    programs.push('grep');
  if (!programs.some((p) => p === 'grep' || p === 'rg' || p === 'egrep' || p === 'diff' || p === 'cmp' || p === 'test' || p === '[')) return false;
  const rest = plainOutput(output)
    .replace(/^(?:Exit code:? *1|Process exited with code 1)\s*/m, '')
    .replace(/^(?:Wall time:? .*|Output:|Chunk ID:.*|Original token count:.*|Script (?:completed|failed|running with cell ID \d+))$/gm, '')
    // What a login shell prints on its own (nvm's "Now using node v22", direnv) is not the command's output.
    .replace(/^(?:Now using node v[\d.]+.*|direnv: .*|\(node:\d+\) .*)$/gm, '')
    // …nor ssh's notice about its key exchange.
    .replace(SSH_KEY_EXCHANGE_NOTICE, '')
    .trim();
  return rest === '' || rest === 'Error' || (programs.includes('diff') && /^[-+@<>]|^\d+[acd]\d+/m.test(rest) && !/No such file/.test(rest));
}

/**
 * Lines around every command's output and progress lines, never why it failed: the agent's tool header,
 * a login shell's nvm banner, cargo's and npm's progress (`Compiling hashbrown v0.15.5`), makepkg's and
 * Homebrew's `==> Cleaning up...`, pacman's `:: Proceed`, banners, `--help` hints.
 */
const OUTPUT_BOILERPLATE = new RegExp(
  `^${SSH_NOTICE}|${/^(?:warning|note|help):|^If this is intentional\b|^(?:Exit code|Process exited with code|Chunk ID|Wall time|Original token count)\b|^Script (?:completed|failed|running with cell ID \d+)$|^Output:|^(?:use|try|run) [`'"]?\S+ --help\b|for more information,? try\b|^(?:[Tt]ry|[Hh]int|[Tt]ip)\b[\s:]|^[=#*-]{2,}\s.*\s[=#*-]{2,}$|^(?:==>|::|->) |^(?!.*\b(?:error|errors|fail\w*|fatal|denied|cannot|can't|unable|not found|invalid|missing)\b).*(?:\.\.\.|…)$|^> |^\s*\^|^\s*(?:\[[^\]]*\]\s*)+$|^Now using node v|^\s*(?:Compiling|Checking|Downloading|Downloaded|Building|Fresh|Updating|Locking|Adding|Blocking|Installing|Resolving)\s+\S+\s+v?\d/.source}`,
);

/** The last `count` meaningful lines of an output, in order. */
/** A command a tool suggests running (`npm install --save-dev "x@hh2"`, `pip install x`, `$ brew install y`). */
const SUGGESTED_COMMAND =
  /^(?:\$\s+)?(?:npm|npx|pnpm|yarn|bun|pip3?|uv|poetry|brew|apt(?:-get)?|cargo|go|gem|bundle|composer|dotnet)\s+(?:install|i|add|pkg|set|get|update|upgrade|run|exec)\b/;

function lastLines(output: string, count: number): string[] {
  const all = plainOutput(output.length > 8000 ? output.slice(-8000) : output).split('\n');
  // A program's usage printed under its complaint (`--yes required when passing a single argument`, then `Usage: gh repo
  // rename …` and its flags): the complaint says what went wrong, the help after it only how to call the program.
  const usage = all.findIndex((l) => /^\s*usage:\s/i.test(l));
  const lines = usage > 0 && all.slice(0, usage).some((l) => l.trim()) ? all.slice(0, usage) : all;
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < count; i--) {
    const line = lines[i].trim();
    // (A shell keyword closing a loop or a branch that a build tool echoed names nothing, nor does the
    // closing tag of the record a background task's output comes in.)
    // (Nor does a line a tool marks as passing: `✔ Found existing install in …`, pre-commit's `check……Passed`;
    // nor the fix a tool suggests, `npm pkg set type="module"`, a link to its docs or a lead-in to either.)
    if (
      !line ||
      OUTPUT_BOILERPLATE.test(line) ||
      /^(?:done|fi|esac);?$|^<\/?[a-z_]+>$|^[✔✓√]\s|\.{3,}\s*(?:Passed|Skipped)$/.test(line) ||
      // (…nor a tool's bookkeeping: TOOL_BOOKKEEPING, a log it saved, Codex code mode's bare `Script failed`.)
      TOOL_BOOKKEEPING.test(line) ||
      /^Script failed$|^(?:Full )?(?:[Ll]og|[Oo]utput) (?:saved|written) to \S+$|^Saving log\.{3} ?started$/.test(line) ||
      (SUGGESTED_COMMAND.test(line) && i > 0) ||
      /^(?:https?:\/\/\S+|.*:)$/.test(line)
    )
      continue;
    // "'x' is not recognized as an internal or external command," + "operable program or batch file.": one message.
    const previous = lines[i - 1]?.trim();
    if (/^\p{Ll}/u.test(line) && previous && /,$/.test(previous)) {
      out.unshift(oneLine(`${previous} ${line}`, 240));
      i--;
    } else out.unshift(oneLine(line, 240));
  }
  return out;
}

function errorScore(e: ErrorRecord): number {
  return (
    5 +
    (e.resolvedAt ? 0 : 3) +
    (e.strong ? 1.5 : 0) +
    Math.min(3, e.count - 1) * 0.5 +
    Math.min(3, specificity(e.title) / 2) -
    (e.lowValue ? 3 : 0) -
    (/<tool_use_error>|has not been read yet|String to replace not found/i.test(e.title) ? 2 : 0)
  );
}

function errorDetail(e: ErrorRecord): string {
  const parts = [...e.lines.map((l) => `    ${l}`)];
  if (e.stack.length) parts.push(...e.stack.map((l) => `    ${l.trim()}`));
  const times = e.count > 1 ? `Failed ${e.count} times. ` : '';
  const ran = `\`${e.family?.display ?? e.family?.name ?? e.commandKey}\``;
  parts.push(
    e.resolvedAt && e.retried
      ? `${times}Resolved: written again another way right after (log line ${e.resolvedAt.line}), which no longer failed this way; it failed another way.`
      : e.resolvedAt && e.goneFromRerun
        ? `${times}Resolved: ${ran} ran again (log line ${e.resolvedAt.line}) without this failure; it failed another way.`
        : e.resolvedAt && e.gotPast
          ? `${times}Resolved: ${ran} ran again (log line ${e.resolvedAt.line}) and started; it failed another way.`
          : e.resolvedAt
            ? `${times}Resolved: a later run passed (log line ${e.resolvedAt.line}).`
            : e.failedAgain
              ? `${times}Not resolved: ${ran} ran again (log line ${e.failedAgain.line}) and never passed later in the log.`
              : e.rerunUnseen
                ? `${times}Not resolved: ${ran} ran again (log line ${e.rerunUnseen.line}), but its result is not in the log.`
                : e.wentOn
                  ? `${times}Not re-run: nothing later ran ${ran} again; the session went on with \`${oneLine(e.wentOn.what, 160)}\` (log line ${e.wentOn.line}).`
                  : `${times}Not resolved: no later passing run of ${ran} in the log.`,
  );
  return parts.join('\n');
}

/** The test file a failing test's name points into (`tests/test_a.py::test_x` → `tests/test_a.py`). */
function testFileOf(name: string): string | undefined {
  const m = /^([\w./@-]+\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|kt|php|cs|swift|ex|exs))(?:::|\s|$|:\d)/.exec(name);
  return m?.[1];
}

/** Whether a test's name matches a name pattern a run was narrowed by (`tally-2.*`, `tally-2.1`; a glob's `*` and `?`). */
function namePatternMatches(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === name;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}

/** The modules of the tests a unittest run reports failing (`FAIL: test_x (tests.test_a.ATest.test_x)` → `tests.test_a`). */
function unittestModules(output: string): string[] {
  const modules = new Set<string>();
  for (const m of output.matchAll(/^(?:ERROR|FAIL): \w+ \(([\w.]+)\)/gm)) {
    const parts = m[1].split('.');
    const cls = parts.findIndex((p) => /^[A-Z]/.test(p));
    if (cls > 0) modules.add(parts.slice(0, cls).join('.'));
    if (modules.size >= 8) break;
  }
  return [...modules];
}

/** Two spellings of one file or target: `./tests/a.py` and `tests/a.py`, `src/api` and `src/api/cache.test.ts`. */
function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/::.*$/, '').replace(/\/+$/, '');
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y + '/') || y.startsWith(x + '/') || x.endsWith('/' + y) || y.endsWith('/' + x);
}

/** Go's `./...` and `./internal/...` cover every package under them (within one family's runs). */
function covers(target: string, file: string): boolean {
  const pattern = target.replace(/^\.\//, '');
  return pattern.endsWith('...') && file.replace(/^\.\//, '').startsWith(pattern.slice(0, -3).replace(/\/$/, ''));
}

/** Whether a command line leaves a test file out (`pytest tests/ --ignore=tests/test_tasks.py`, `--deselect`). */
/** Whether a `cargo test` line narrowed by `--doc`, `--lib` or `--test NAME` runs any of these test files (else true). */
function cargoRunCovers(commandLine: string | undefined, testFiles: string[]): boolean {
  if (!commandLine || !/\bcargo\s+(?:\+\S+\s+)?test\b/.test(commandLine)) return true;
  const named = [...commandLine.matchAll(/\s--test[= ]+([\w-]+)/g)].map((m) => m[1]);
  const docOrLib = /\s--(?:doc|lib)\b/.test(commandLine);
  if (!named.length && !docOrLib) return true;
  return testFiles.some((file) => {
    const integration = /(?:^|\/)tests\/([\w-]+)\.rs$/.exec(file)?.[1];
    return integration ? named.includes(integration) : docOrLib;
  });
}

/** A test run told to skip one of these tests: libtest's `--skip name` (a substring), pytest's `-k "not name"` or `--deselect`. */
function skipsAnyOf(commandLine: string | undefined, tests: string[]): boolean {
  if (!commandLine || !tests.length || !/--skip\b|\s-k\s|--deselect\b/.test(commandLine)) return false;
  const skipped = [
    ...[...commandLine.matchAll(/--skip[= ]+["']?([\w:.[\]-]+)/g)].map((m) => m[1]),
    ...[...commandLine.matchAll(/\s-k\s+["']?not\s+([\w.[\]-]+)/g)].map((m) => m[1]),
    ...[...commandLine.matchAll(/--deselect[= ]+["']?\S*?::([\w.[\]-]+)/g)].map((m) => m[1]),
  ];
  return skipped.some((name) => tests.some((test) => test.includes(name)));
}

function leavesOut(commandLine: string | undefined, file: string): boolean {
  if (!commandLine) return false;
  const name = file.replace(/::.*$/, '').replace(/^\.\//, '');
  const excluded = /--(?:ignore|ignore-glob|deselect|exclude|testPathIgnorePatterns)(?:=|\s+)["']?(\S+?)["']?(?=\s|$)/g;
  for (const m of commandLine.matchAll(excluded)) if (sameFile(m[1], name) || posix.basename(m[1]) === posix.basename(name)) return true;
  return false;
}

/**
 * Words typed after an interrupt that correct what the agent was doing ("no, use pnpm", "wait, don't
 * touch the schema"), as opposed to a new instruction, a status question or pasted output.
 */
const CORRECTION_CUE =
  /\b(?:no|not|stop|wait|instead|wrong|never|rather|actually|should(?:n't)?|don'?t|do not|revert|undo|nicht|nein|kein|falsch|stattdessen)\b|n't\b|不要|别|不是|不对|停|やめ|違う|じゃなく/i;

/** Too little to say anything: "I don'", "k". CJK words are short, so there only the length counts. */
function tooShortToSay(text: string): boolean {
  // Sent before it was finished ("I don'", then the whole sentence): the next message says it.
  if (/\w['’]$/.test(text)) return true;
  return /[\u3000-\u9fff]/.test(text) ? text.length < 2 : text.length < 6 || text.split(/\s+/).length < 2;
}

/**
 * A short message saying the refusal or the interrupt was a slip: "I pressed NO by mistake", 「間違えてNOをおしてしまいました」,
 * "I meant yes", "je voulais dire oui".
 */
function saysItWasASlip(trimmed: string): boolean {
  return (
    trimmed.length <= 200 &&
    /\b(?:by (?:mistake|accident)|accidentally|misclicked|wrong button|did(?:n['’]?t| not) mean to (?:interrupt|stop|press|click|reject|cancel|deny|hit)|i meant (?:to say )?(?:yes|to (?:accept|approve|allow))|je voulais dire oui|quise decir (?:que )?s[ií]|queria dizer sim|ich meinte ja|intendevo (?:dire )?s[ìi])\b|間違えて|間違って|誤って|不小心|按错|点错|실수로/i.test(
      trimmed,
    )
  );
}

export function readsAsCorrection(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('<') || tooShortToSay(trimmed) || AGREEMENT.test(trimmed) || letsItGoOn(trimmed) || saysItWasASlip(trimmed)) return false;
  // An IDE's diagnostics pasted in (`Diagnostics: 1. The type 'X' isn't exhaustively matched…`): a bug report.
  if (/^\s*(?:Diagnostics|Problems|Errors?|Warnings?)\s*:/i.test(trimmed)) return false;
  // Pasted terminal output or logs: many lines, or lines that look like a shell prompt or a stack.
  if (trimmed.split('\n').length > 6 || /^(?:❯|\$ |> |PS [A-Z]:)|Call Stack|Traceback/m.test(trimmed)) return false;
  // A correction is said in a few words; a long message after an interrupt is a new request or a paste.
  if (trimmed.length > 600) return false;
  // A question back asks for an answer; it does not correct what the agent was doing.
  return !asksAQuestion(trimmed) && CORRECTION_CUE.test(trimmed);
}

/**
 * A question, however it is marked: "…?" at the end or before a short tail ("…any idea? let me know"),
 * a Chinese 吗/呢, a Japanese ですか, a Spanish "¿…".
 */
function asksAQuestion(trimmed: string): boolean {
  // (…or a short one opened like a question, its mark left out: "does it started training or not".)
  return (
    /[?？]\s*(?:\S+\s*){0,3}$/.test(trimmed) ||
    /[吗呢][。.!！]?$|(?:ですか|ますか|でしょうか)[。.]?$/.test(trimmed) ||
    trimmed.startsWith('¿') ||
    (trimmed.length <= 150 && !trimmed.includes('\n') && /^(?:does|did|is|was|are|were|has|have|will)\s+(?:it|this|that|they|the)\b/i.test(trimmed))
  );
}

/**
 * The same error line with the same status, hit by several commands (eight `markitdown` calls failing
 * alike), is one finding: one line in the prompt, citing the first and the last time.
 */
export function mergeSameErrors(findings: Finding[]): Finding[] {
  // The same error line hit again before a later run fixed it is the same problem, fixed too: it must
  // not stay "unresolved" beside its resolved twin.
  const fixedAt = new Map<string, Finding['resolvedBy']>();
  for (const f of findings) {
    const at = f.resolvedBy;
    const known = fixedAt.get(f.title);
    if (f.status === 'resolved' && at && (!known || at.line > known.line)) fixedAt.set(f.title, at);
  }
  findings = findings.map((f) => {
    const fix = fixedAt.get(f.title);
    const lastLine = Math.max(...f.citations.map((c) => c.line));
    const sameFile = (c: Citation) => (c.file ?? '') === (fix?.file ?? '');
    if (f.status !== 'unresolved' || !fix || !f.citations.every(sameFile) || lastLine >= fix.line) return f;
    const settled: Finding = {
      ...f,
      status: 'resolved',
      resolvedBy: fix,
      detail: f.detail.replace(/(?:Not resolved|Not re-run): .*$/, `Resolved: the same error was fixed later (log line ${fix.line}).`),
    };
    delete settled.wentOnWith;
    delete settled.resolvedAs;
    return settled;
  });
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const key = `${finding.status ?? ''}\u0000${finding.title}`;
    const kept = merged.get(key);
    if (!kept) {
      merged.set(key, { ...finding, citations: [...finding.citations] });
      continue;
    }
    // What the session went on with after the last of them (nothing, when the newest failure ended it).
    const lastOf = (f: Finding) => Math.max(...f.citations.map((c) => c.line));
    if (lastOf(finding) > lastOf(kept)) {
      kept.detail = finding.detail;
      if (finding.wentOnWith) kept.wentOnWith = finding.wentOnWith;
      else delete kept.wentOnWith;
      if (finding.resolvedAs) kept.resolvedAs = finding.resolvedAs;
      else delete kept.resolvedAs;
    }
    const lines = [...kept.citations, ...finding.citations].sort((a, b) => a.line - b.line);
    kept.citations = lines.length > 2 ? [lines[0], lines[lines.length - 1]] : lines;
    kept.score = Math.max(kept.score, finding.score);
    if (finding.resolvedBy && (!kept.resolvedBy || finding.resolvedBy.line > kept.resolvedBy.line)) kept.resolvedBy = finding.resolvedBy;
  }
  return [...merged.values()];
}

/** The message after a refused call as the user's reason: not injected text, not pasted output, not a bare question. */
/** A message that opens by agreeing ("absolutely. do you have…", "yes! and…"): it goes on, it refuses nothing. */
const AGREEMENT =
  /^(?:absolutely|yes|yeah|yep|yup|sure|ok(?:ay)?|exactly|correct|right|perfect|great|agreed|sounds good|good|fine|cool|nice|thanks|thank you)\s*[.!]|^(?:ok\s*ok|okok|ah ok(?:ay)?|i see)\b[^.!?]{0,40}\b(?:makes? sense|got it|understood|i see|clear)\b/i;

/**
 * A message that opens by letting the agent go on ("go ahead, but keep this in mind: …", "続けていいですが…"):
 * the stop was a pause to add something, not a refusal, unless the message also forbids or redirects.
 */
const GO_AHEAD =
  // (After an accidental interrupt: "tool interrupted - can you continue", "oops, sorry, please go on".)
  /^(?:[^.?!\n]{0,40}?(?:\b(?:interrupted|by (?:accident|mistake)|accidentally|oops|sorry)\b|間違えて|間違って|誤って|不小心|按错|点错|실수로)[\s,.:;!-]*)?(?:(?:ok(?:ay)?|yes|sure|please),?\s+)?(?:go ahead|go on|carry on|continue|proceed|keep going|you (?:can|may) (?:continue|proceed|go on)|(?:can|could|would) you (?:please )?(?:continue|go on|carry on|proceed|resume)\b|pode continuar|continua|vas-y|continuez|mach weiter|sigue|adelante|続けて(?:いい|ください|OK|大丈夫)|進めて(?:いい|ください)|继续|可以继续|(?:さっきの|前の)?作業(?:の)?続きを(?:やって|して|お願い))/i;
function letsItGoOn(trimmed: string): boolean {
  return GO_AHEAD.test(trimmed) && !FORBIDS_OR_REDIRECTS.test(trimmed.split(/[\n。！!？?]|\.\s/)[0]);
}
/** Whether a run narrowed to `targets` ran an error's tests again: its test files among them, or its tests matched by name. */
function ranTargetsOf(record: ErrorRecord, targets: string[]): boolean {
  // (A run of the whole test folder, `unittest discover -s tests`, runs every test.)
  if (targets.some((t) => /^(?:\.\/)?(?:tests?|specs?|__tests__|\.)\/?$/.test(t))) return true;
  if (record.tests?.length && record.tests.every((test) => targets.some((p) => namePatternMatches(p, test)))) return true;
  return record.testFiles.some((f) => targets.some((t) => sameFile(f, t) || covers(t, f)));
}

/** The targets of the part of a command line that runs the family `name` (`./v.sh` in `bash -n v.sh && ./v.sh`). */
function targetsOfPart(pending: PendingCall, name: string): string[] {
  for (const words of pending.programs ?? []) {
    const family = commandFamily('', [words]);
    if (family?.name === name) return family.targets;
  }
  return [];
}

/**
 * The exit code a command line echoed after its last command (`…; echo "exit=$?"`, `…; echo "EXIT: $?"`), read
 * from the end of its output by the words the echo put before it; undefined when it echoed none.
 */
function echoedExitCode(commandLine: string, output: string): number | undefined {
  const echo = /;\s*echo\s+(["']?)([^"'$;|&]*)\$\?[^"';|&]*\1\s*$/.exec(commandLine);
  if (!echo) return undefined;
  const lead = echo[2].trim();
  const last = output.trimEnd().split('\n').at(-1)?.trim() ?? '';
  const code = new RegExp(`^${escapeRegExp(lead)}\\s*(\\d{1,3})$`).exec(last);
  return code ? Number(code[1]) : undefined;
}

/** A test runner's or a checker's summary of its run: "12 passed in 0.3s", "Ran 2 tests in 0.001s", "Coverage: 81%". */
const CHECK_SUMMARY = /\b(?:passed|failed|passing|failing|skipped|tests?|specs?|suites?|coverage|problems?|errors?|warnings?|Ran \d+)\b/i;
/** A rule that holds the work back for now: "don't change any code yet", "no commits until I review". */
const HOLD =
  /\b(?:don['’]?t|do not|no|not)\b[^.]{0,40}\b(?:change|code|implement|edit|touch|write|commit|push|modify|changes|start|build)\w*\b[^.]{0,40}\b(?:yet|for (?:now|the moment)|until)\b/i;
/** The user letting the work start: "Yes please implement", "go ahead", "ok, make the changes". */
const STARTS_THE_WORK =
  /^(?:(?:ok(?:ay)?|yes|yeah|yep|sure|great|perfect|good|alright|looks good|lgtm)[,!.]?\s+)*(?:please\s+)?(?:go ahead|implement|proceed|do it|go for it|let['’]?s do it|make (?:the|these|those) changes|apply (?:it|them|the changes)|you can (?:now )?(?:implement|change|start|proceed|go ahead|make the changes))\b/i;
const FORBIDS_OR_REDIRECTS = /\b(?:don['’]?t|do not|not|never|instead|stop|avoid|without)\b|ないで|しないで|やめて|禁止|ダメ|だめ|不要|别|不能/i;

export function readsAsUserReason(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('<') || tooShortToSay(trimmed) || AGREEMENT.test(trimmed)) return false;
  if (letsItGoOn(trimmed)) return false;
  // Asking for the refused call again ("Try removing it again", "retry") takes the refusal back; it corrects nothing.
  if (/^(?:(?:ok(?:ay)?|yes|sure|please),?\s+)?(?:try\b.*\bagain\b|retry\b|do it again\b|run it again\b)/i.test(trimmed)) return false;
  // …and so does saying the "no" was a slip ("I pressed NO by mistake", 「上記間違えてNOをおしてしまいました」).
  if (saysItWasASlip(trimmed)) return false;
  // Something more asked for while at it ("ついでに、英語は…日本語にして", "btw also add…") adds to the work; it corrects no call.
  if (/^(?:ついでに|それと|あと[、,]|順便|顺便|另外|by the way|btw|also[,:]|additionally|oh and|and also)/i.test(trimmed)) return false;
  if (trimmed.split('\n').length > 6 || /^(?:❯|\$ |> |PS [A-Z]:)|Call Stack|Traceback/m.test(trimmed)) return false;
  // A question back ("why would jobs go to codex-1?") asks for an answer; it tells the next agent nothing to do.
  return !asksAQuestion(trimmed);
}
