// The offline analysts: one streaming pass over the raw log finds decisions, errors that only show in
// tool output, rejected approaches, distinctive commands, measured numbers, the user's constraints, the
// last request and the open tasks. No network; state stays bounded however long the log is.
import type { AgentKind, ToolCallEvent, ToolResultEvent, TranscriptEvent } from '../transcript/events.js';
import type { Citation, Fact, Finding, OpenTask } from '../shared/handoverData.js';
import type { FileChangeTracker } from './modifiedFiles.js';
import { classifySentence, hasRationale, isConstraint, ownWords, type ProseSource } from './prose.js';
import { dedupeKey, headAndTail, oneLine, sentences, specificity } from './text.js';
import { commandKey, displayCommand, dumpsFiles, errorLines, isDistinctiveCommand, looksFailed, measuredLines, plainOutput, programsOf } from './toolOutput.js';
import { editCallOf, isObject, normalizeTaskStatus, READ_ONLY_TOOLS, shellCallOf, str, taskListOf } from './toolInputs.js';
import { packageChanges } from './packages.js';
import { redactSecrets } from '../util/redact.js';

export interface OfflineAnalysis {
  findings: Finding[];
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

/** How many of each kind a handover can use; the budget cuts further. */
const LIMITS = { decisions: 120, errors: 120, rejected: 80, commands: 150, numbers: 150, constraints: 80 };
/** Working-set caps: past them the least valuable entries are dropped as the log streams. */
const WORKING = { prose: 4000, errors: 3000, commands: 3000, numbers: 1500, constraints: 600, pending: 5000, packages: 2000 };
const MAX_USER_REQUEST = 4000;
const MAX_PROSE_CHARS = 20_000;

const REJECTED_BY_USER = /doesn't want to proceed|tool use was rejected|user rejected|user denied/i;

interface ErrorRecord {
  key: string;
  commandKey: string;
  title: string;
  lines: string[];
  stack: string[];
  exitCode?: number;
  count: number;
  first: Citation;
  last: Citation;
  resolvedAt?: Citation;
  strong: boolean;
  /** A read-only tool or a looking-around command (`ls`, `cat`): its failures matter less. */
  lowValue: boolean;
}

interface PendingCall {
  call: ToolCallEvent;
  commandLine?: string;
  /** The command line's simple commands as words, parsed once. */
  programs?: string[][];
  commandKey: string;
  display: string;
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
function pruneOldest<V>(map: Map<string, V>, cap: number): void {
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
  private readonly commands = new Map<string, { text: string; citations: Citation[]; runs: number }>();
  private readonly numbers = new Map<string, Fact & { order: number }>();
  private readonly constraints = new Map<string, Fact>();
  private readonly pending = new Map<string, PendingCall>();
  private readonly installed = new Map<string, { citation: Citation; command: string }>();
  private readonly tasks = new Map<string, OpenTask>();
  private lastFailure?: { commandKey: string; program: string; display: string; error: string; citation: Citation };
  /** The last sentence of the model's reasoning that gave a reason: the "why" for what it undid next. */
  private lastReason?: { text: string; line: number };
  /** The model's last words (thinking or text) before an action: often the reason it undid something. */
  private lastProse?: { text: string; line: number };
  private numberOrder = 0;
  private undoneSeen = 0;
  private readonly meta: Omit<OfflineAnalysis, 'findings' | 'commands' | 'numbers' | 'constraints' | 'openTasks' | 'compactionSummaries' | 'compactions'> = { lines: 0 };
  private readonly compactionSummaries: { text: string; citation: Citation }[] = [];
  private readonly compactions: { line: number; timestamp?: string }[] = [];
  private readonly seenSummaries = new Set<string>();

  /**
   * @param readExternal reads (head and tail of) a tool output Claude Code stored in `tool-results/`
   *   instead of the log; injected so the analyzer itself does no I/O.
   */
  constructor(
    readonly files: FileChangeTracker,
    private readonly readExternal: (externalFile: string) => string | undefined = () => undefined,
  ) {}

  onEvent(event: TranscriptEvent): void {
    if (event.timestamp) {
      this.meta.firstTimestamp ??= event.timestamp;
      this.meta.lastTimestamp = event.timestamp;
    }
    if (!event.sidechain) {
      if (event.sessionId) this.meta.sessionId ??= event.sessionId;
      if (event.cwd) this.meta.cwd ??= event.cwd;
      if (event.gitBranch) this.meta.gitBranch = event.gitBranch;
    }
    switch (event.kind) {
      case 'session-meta':
        this.meta.agent ??= event.agent;
        break;
      case 'user':
        this.onUserText(event.text, event);
        break;
      case 'assistant-text':
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

  // Every text is redacted whole before it is cut into sentences or lines: a private key's body line or
  // a reflowed YAML password no longer looks like a secret once cut from its context.
  private onUserText(raw: string, event: TranscriptEvent): void {
    const text = redactSecrets(raw.length > MAX_PROSE_CHARS ? raw.slice(0, MAX_PROSE_CHARS) : raw);
    if (!event.sidechain) {
      this.meta.lastUserRequest = {
        text: text.length > MAX_USER_REQUEST ? text.slice(0, MAX_USER_REQUEST) + '…' : text,
        citation: citationOf(event),
      };
    }
    if (event.sidechain) return; // a subagent's "user" is the parent agent's prompt, not the person
    const body = text;
    // Only what the person typed becomes a standing constraint (issue 12), never a command's expansion.
    for (const sentence of sentences(ownWords(body))) {
      if (isConstraint(sentence)) {
        const key = dedupeKey(sentence);
        if (!this.constraints.has(key)) this.constraints.set(key, { text: oneLine(sentence, 400), citations: [citationOf(event)] });
      }
    }
    pruneOldest(this.constraints, WORKING.constraints);
    this.onProse(body, 'user', event);
  }

  private onProse(text: string, source: ProseSource, event: TranscriptEvent): void {
    const list = sentences(text, MAX_PROSE_CHARS);
    if (source !== 'user' && list.length) this.lastProse = { text: list.slice(0, 3).join(' '), line: event.line };
    for (let i = 0; i < list.length; i++) {
      const sentence = list[i];
      if (source !== 'user' && hasRationale(sentence)) this.lastReason = { text: sentence, line: event.line };
      const found = classifySentence(sentence, source);
      if (!found) continue;
      let detail = '';
      const next = list[i + 1];
      if (next && (hasRationale(next) || /^(?:because|since|this|that|it|so|otherwise)\b/i.test(next)) && !hasRationale(sentence)) detail = oneLine(next, 300);
      const key = `${found.kind}:${dedupeKey(sentence)}`;
      const existing = this.prose.get(key);
      if (existing) {
        existing.score += 0.5;
        continue;
      }
      this.prose.set(key, {
        key,
        analyst: found.kind,
        title: oneLine(sentence, 400),
        detail: [detail, `(${source === 'thinking' ? 'in thinking' : source === 'user' ? 'said by the user' : 'said by the agent'}${event.sidechain ? ', in a subagent' : ''})`].filter(Boolean).join(' '),
        citations: [citationOf(event)],
        source: 'offline',
        score: found.score - (event.sidechain ? 1 : 0),
      });
    }
    pruneByScore(this.prose, WORKING.prose, (f) => f.score);
  }

  private onToolCall(call: ToolCallEvent): void {
    if (!call.sidechain) this.onTaskTool(call);
    const shell = shellCallOf(call);
    if (shell) {
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
      this.remember(call, { call, commandLine: shell.command, programs, commandKey: key, display });
      for (const change of packageChanges(programs)) this.onPackage(change.action, `${change.manager} ${change.name}`, change.name, display, call);
      return;
    }
    const edit = editCallOf(call);
    const target = edit?.path ?? (isObject(call.input) ? (str(call.input.file_path) ?? str(call.input.path) ?? str(call.input.pattern)) : undefined);
    const display = target ? `${call.name} ${target}` : call.name;
    this.remember(call, { call, commandKey: display, display });
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
      list.forEach((task, i) => this.tasks.set(String(i + 1), { ...task, content: redactSecrets(task.content) }));
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
      this.installed.set(key, { citation: citationOf(call), command: display });
      pruneOldest(this.installed, WORKING.packages);
      return;
    }
    const install = this.installed.get(key);
    if (!install) return;
    this.installed.delete(key);
    this.addStructural(`package:${key}`, {
      title: `Package \`${name}\` was installed (\`${install.command}\`) and later removed (\`${display}\`)`,
      detail: this.reasonNear(call.line),
      citations: [install.citation, citationOf(call)],
      score: 8 + specificity(name),
    });
  }

  /** The model's stated reason just before `line`, for something it undid or replaced. */
  /** Turns what the file tracker saw undone into findings, while the reason given for it is still at hand. */
  private takeUndone(): void {
    for (; this.undoneSeen < this.files.undone.length; this.undoneSeen++) {
      const undone = this.files.undone[this.undoneSeen];
      const title =
        undone.kind === 'reverted-edit'
          ? `An edit to \`${undone.path}\` was reverted${undone.snippet ? `: ${undone.snippet}` : ''}`
          : `\`${undone.path}\` was created and later deleted`;
      this.addStructural(`${undone.kind}:${undone.path}:${undone.doneAt.line}`, {
        title,
        detail: this.reasonNear(undone.undoneAt.line),
        citations: [undone.doneAt, undone.undoneAt].map((c) => (c.uuid ? { line: c.line, uuid: c.uuid } : { line: c.line })),
        score: 7 + specificity(undone.path),
      });
    }
  }

  private reasonNear(line: number): string {
    if (this.lastProse && line - this.lastProse.line <= 12) return `Why: ${oneLine(this.lastProse.text, 400)}`;
    return this.lastReason && line - this.lastReason.line < 40 ? `Why: ${oneLine(this.lastReason.text, 300)}` : '';
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
    const name = pending?.call.name ?? 'tool';
    let text = result.text;
    // A big output lives in tool-results/; the log keeps a preview. What failed is usually at its end.
    if (result.externalFile && (result.isError || (result.exitCode ?? 0) !== 0)) {
      const external = this.readExternal(result.externalFile);
      if (external) text = `${text}\n${external}`;
    }
    const isShell = pending?.commandLine !== undefined;
    // Only what may be quoted is redacted (shell output, failures, answers): a successful Read or Edit
    // result is never cut into lines, and redacting every file the agent read would be the pass's main cost.
    if (!isShell && !result.isError && (result.exitCode ?? 0) === 0 && name !== 'AskUserQuestion' && !/^User has answered|doesn't want to proceed/.test(text.slice(0, 200))) {
      this.onSuccess(pending?.commandKey ?? name, result, pending);
      return;
    }
    text = redactSecrets(headAndTail(text, 24_000, 12_000));
    result = { ...result, text };
    const readOnly = READ_ONLY_TOOLS.has(name);

    if (name === 'AskUserQuestion' || /^User has answered your questions?:/.test(text)) {
      this.onUserAnswers(text, result);
      return;
    }
    if (REJECTED_BY_USER.test(text.slice(0, 400))) {
      if (pending) {
        const said = /(?:reason for the rejection|the user said):?\s*([\s\S]{3,400})/i.exec(text);
        this.addStructural(`denied:${pending.commandKey}`, {
          title: `The user refused \`${pending.display}\``,
          detail: said ? `The user said: ${oneLine(said[1], 300)}` : this.reasonNear(result.line),
          citations: [citationOf(pending.call), citationOf(result)],
          score: 7 + specificity(pending.display) / 2,
        });
      }
      return;
    }

    const programs = pending?.programs ?? [];
    const viewing = isShell && !isDistinctiveCommand(programs);
    const failed =
      (result.isError || (result.exitCode !== undefined && result.exitCode !== 0) || (isShell && !viewing && looksFailed(text))) &&
      !(isShell && quietNoMatch(programs, text, result.exitCode));
    const commandKeyOf = pending?.commandKey ?? `${name}`;

    if (failed) {
      this.onFailure(result, pending, name, readOnly);
    } else {
      this.onSuccess(commandKeyOf, result, pending);
    }

    if (isShell && !dumpsFiles(programs)) {
      for (const line of measuredLines(text)) {
        const key = line;
        if (this.numbers.has(key)) continue;
        this.numbers.set(key, { text: line, citations: [citationOf(result)], command: pending!.display, order: this.numberOrder++ });
      }
      pruneOldest(this.numbers, WORKING.numbers);
    }
  }

  /** Answers to the agent's questions (Claude Code's AskUserQuestion): choices the user made. */
  private onUserAnswers(text: string, result: ToolResultEvent): void {
    for (const match of text.matchAll(/"([^"]{3,300})"="([^"]{1,300})"/g)) {
      const [, question, answer] = match;
      const key = `decisions:${dedupeKey(question + answer)}`;
      if (this.prose.has(key)) continue;
      this.prose.set(key, {
        key,
        analyst: 'decisions',
        title: `The user chose "${answer}" when asked: ${oneLine(question, 200)}`,
        detail: '(answered by the user)',
        citations: [citationOf(result)],
        source: 'offline',
        score: 9 + specificity(answer),
      });
    }
  }

  private onFailure(result: ToolResultEvent, pending: PendingCall | undefined, name: string, readOnly: boolean): void {
    const summary = errorLines(result.text);
    const strong = summary.lines.length > 0;
    // No line looks like an error: a failing command usually says why at the end of its output.
    if (!strong) summary.lines = lastLines(result.text, 2);
    const first = summary.lines[0] ?? '';
    if (!first && result.exitCode === undefined) return;
    const display = pending?.display ?? name;
    const cmdKey = pending?.commandKey ?? name;
    const key = `${cmdKey}\u0000${dedupeKey(first)}`;
    const citation = citationOf(result);
    const existing = this.errors.get(key);
    if (existing) {
      existing.count++;
      existing.last = citation;
      existing.resolvedAt = undefined;
    } else {
      const exit = result.exitCode !== undefined && result.exitCode !== 0 ? ` (exit ${result.exitCode})` : '';
      const what = pending?.commandLine !== undefined ? `\`${display}\` failed${exit}` : `${name} failed${exit}${display !== name ? `: ${display.slice(name.length + 1)}` : ''}`;
      this.errors.set(key, {
        key,
        commandKey: cmdKey,
        title: first ? `${what}: ${first}` : what,
        lines: summary.lines,
        stack: summary.stack,
        exitCode: result.exitCode,
        count: 1,
        first: pending ? citationOf(pending.call) : citation,
        last: citation,
        strong,
        lowValue: readOnly || (pending?.programs !== undefined && !isDistinctiveCommand(pending.programs)),
      });
      pruneByScore(this.errors, WORKING.errors, (e) => errorScore(e));
    }
    if (pending?.commandLine !== undefined) {
      this.lastFailure = { commandKey: cmdKey, program: mainProgram(pending.programs ?? []), display, error: first, citation: citationOf(pending.call) };
    }
  }

  private onSuccess(cmdKey: string, result: ToolResultEvent, pending: PendingCall | undefined): void {
    for (const record of this.errors.values()) {
      if (record.commandKey === cmdKey && record.resolvedAt === undefined) record.resolvedAt = citationOf(result);
    }
    const failure = this.lastFailure;
    if (!failure || pending?.commandLine === undefined) return;
    if (failure.commandKey === cmdKey) {
      this.lastFailure = undefined;
      return;
    }
    const program = mainProgram(pending.programs ?? []);
    if (program && program === failure.program) {
      this.lastFailure = undefined;
      this.addStructural(`replaced:${failure.commandKey}`, {
        title: `\`${failure.display}\` failed${failure.error ? ` (${failure.error})` : ''} and was replaced by \`${pending.display}\``,
        detail: this.reasonNear(result.line),
        citations: [failure.citation, citationOf(pending.call)],
        score: 6 + specificity(failure.display) / 2,
      });
    }
  }

  /** The analysis so far; call once, after the last event. */
  finish(lines: number, agent: AgentKind | undefined): OfflineAnalysis {
    this.takeUndone();
    const errorFindings: Finding[] = [...this.errors.values()].map((e) => ({
      analyst: 'errors',
      title: e.title,
      detail: errorDetail(e),
      citations: e.count > 1 ? [e.first, e.last] : [e.first, e.last].filter((c, i) => i === 0 || c.line !== e.first.line),
      source: 'offline',
      score: errorScore(e),
    }));
    const top = (analyst: 'decisions' | 'rejected', limit: number) =>
      [...this.prose.values(), ...this.structural.values()]
        .filter((f) => f.analyst === analyst)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ key: _key, ...finding }) => finding);
    const findings = [
      ...top('decisions', LIMITS.decisions),
      ...errorFindings.sort((a, b) => b.score - a.score).slice(0, LIMITS.errors),
      ...top('rejected', LIMITS.rejected),
    ].map((f) => ({ ...f, score: Math.round(f.score * 10) / 10 }));

    return {
      ...this.meta,
      agent: this.meta.agent ?? agent,
      lines,
      findings,
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

/** `grep` that found nothing, `diff` that found differences, `test` that was false: exit 1 is an answer, not a failure. */
function quietNoMatch(commandPrograms: string[][], output: string, exitCode: number | undefined): boolean {
  if (exitCode !== undefined && exitCode !== 1) return false;
  const programs = commandPrograms.map((w) => w[0].replace(/^.*\//, ''));
  if (!programs.some((p) => p === 'grep' || p === 'rg' || p === 'egrep' || p === 'diff' || p === 'cmp' || p === 'test' || p === '[')) return false;
  const rest = plainOutput(output).replace(/^(?:Exit code:? *1|Process exited with code 1)\s*/m, '').trim();
  return rest === '' || rest === 'Error' || (programs.includes('diff') && /^[-+@<>]|^\d+[acd]\d+/m.test(rest) && !/No such file/.test(rest));
}

const OUTPUT_BOILERPLATE = /^(?:Exit code|Process exited with code|Chunk ID|Wall time|Original token count|Output:)\b/;

/** The last `count` meaningful lines of an output, in order. */
function lastLines(output: string, count: number): string[] {
  const lines = plainOutput(output.length > 8000 ? output.slice(-8000) : output).split('\n');
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < count; i--) {
    const line = lines[i].trim();
    if (line && !OUTPUT_BOILERPLATE.test(line)) out.unshift(oneLine(line, 240));
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
  parts.push(e.resolvedAt ? `${times}Resolved: a later run succeeded (line ${e.resolvedAt.line}).` : `${times}Not resolved: no later successful run in the log.`);
  return parts.join('\n');
}

/**
 * What a command runs, for telling a replacement from an unrelated command: the program and its first
 * operand (`node scripts/a.js`, `npm test`, `create-next-app todo-app`), versions stripped.
 */
function mainProgram(programs: string[][]): string {
  for (const words of programs) {
    const program = words[0].replace(/^.*\//, '').replace(/@[^/]*$/, '');
    if (!isDistinctiveCommand([words]) || program === 'yes' || program === 'echo' || program === 'printf') continue;
    const operand = words.slice(1).find((w) => !w.startsWith('-')) ?? words[1] ?? '';
    return `${program} ${operand.replace(/@[^/]*$/, '')}`.trim();
  }
  return '';
}
