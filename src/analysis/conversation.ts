// The session as a conversation: every message the user typed (in order, de-duplicated against
// Claude Code 2.0.x replays), the last substantive request, one timeline entry per user turn (files
// changed, commands and outcomes, errors), the reasoning log and what the agent was doing when the
// log ends. Fed by the offline analyzer as the log streams; bounded memory however long the log is.
// Texts kept whole are redacted once, with the whole handover (build.ts); texts cut here are redacted first.
import type { ToolCallEvent, TranscriptEvent } from '../transcript/events.js';
import type { ReasoningEntry, SessionStatus, TurnEntry, UserMessage } from '../shared/handoverData.js';
import { redactSecrets } from '../util/redact.js';
import { oneLine } from './text.js';

/** A typed message is kept whole up to this; a longer paste keeps its head and tail. */
export const MAX_MESSAGE_CHARS = 20_000;
const MAX_REASONING_ENTRY = 12_000;
/** Reasoning kept whole, newest first; older entries shrink to their first lines. */
const REASONING_WHOLE_CHARS = 400_000;
const REASONING_CONDENSED = 500;
const MAX_TURN_COMMANDS = 12;
const MAX_TURN_FILES = 30;

/** Answers that carry no request of their own: a menu choice, a yes, a nudge to go on. */
/** "Yes", "ok", "the first", "the second" in the languages users answer in (Thai, Arabic, Ukrainian, Russian, Greek…). */
const OTHER_LANGUAGE_ANSWERS = [
  'ได้|ใช่|ไม่|โอเค|ตกลง|อันแรก|อันที่สอง|อันที่ 2|ครับ|ค่ะ',
  'نعم|لا|حسنا|تمام|موافق|الأول|الثاني',
  'так|ні|ок|добре|перший|другий|да|нет|хорошо|первый|второй',
  'ναι|όχι|το πρώτο|το δεύτερο',
  'evet|hayır|tamam|ilki|ikincisi',
  'ya|tidak|oke|yang pertama|yang kedua',
  'có|không|được|cái đầu|cái thứ hai',
  'haan|nahi|theek hai|pehla|doosra',
  '네|아니요|첫 번째|두 번째|좋아요',
  '第一个|第二个|对|可以|好的|一つ目|二つ目|いいよ',
  'ja|nee|tak|nie|sim|não|oui|d’accord',
].join('|');
const BARE_ANSWER = new RegExp(
  String.raw`^(?:(?:the |option |#|number )?(?:\d{1,2}|[a-z]|first|second|third|fourth|last|latter|former|other)(?: one| option| please)?|both|either|neither|y|n|yes|no|yep|nope|ok|okay|k|sure|go|go on|go ahead|continue|proceed|do it|please do|yes please|thanks|thank you|thx|lgtm|done|next|ja|nein|oui|non|sí|si|はい|いいえ|好|是|继续|${OTHER_LANGUAGE_ANSWERS})[.!。]*$`,
  'i',
);
/** IDE notes the reader made of what Claude Code's IDE integrations attach (`[IDE: opened src/a.ts]`). */
const IDE_NOTE = /^\[IDE: ([^\]\n]{1,400})\]\s*/;
/** Text the agent injected as if the user said it: instruction files, command templates, hook output. */
const INJECTED =
  /^(?:<task-notification>|<command-(?:message|name|args)>|<local-command-|<user-prompt-submit-hook>|Caveat: The messages below were generated|# (?:AGENTS|CLAUDE)\.md\b|Contents of \S*(?:AGENTS|CLAUDE)\.md|<system-reminder>|This session is being continued from a previous conversation)/;

/**
 * A message another agent of an agent team sent (Claude Code 2.1 relays it as a user turn, with a notice:
 * "This came from another Claude session — not typed by your user"): a request to this session, never the
 * person's own rules.
 */
const TEAMMATE_MESSAGE = /^(?:Another Claude session sent a message:|<teammate-message\b|<agent-message\b)/;

/** A prompt template sent as the user's message: a Codex custom prompt (`# /butler-exec — …`), a command
 * file with front matter, a title-generation request. */
const TEMPLATE =
  /You must fully embody this agent['’]s persona|<!-- Powered by BMAD|^<agent\b|^#{1,3} (?:Agent Activation|Activation Instructions)\b|^(?:#\s*\/[\w:.-]+|---\s*\n(?:description|allowed-tools|argument-hint):|You are (?:a|an|the) [\w -]{0,40}(?:assistant|agent|model)\b|(?:Generate|Write) a (?:short |concise )?title\b|Generate a file named AGENTS\.md\b|Your task is to generate)/;

/**
 * `## User Input` and a fenced block holding what the user typed, near the top of a prompt template (after
 * a title line, empty in some, or front matter).
 */
const USER_INPUT_BLOCK = /^(?:[^\n]{0,200}\n){0,12}?\s*#{1,3} User Input\s*\n+```[\w-]*\n([\s\S]*?)\n?```/;

/** A whole message inside one tag (`<skill>…</skill>`, `<session-start-hook>…</session-start-hook>`): put there by a tool. */
const WRAPPED = /^<([a-z][\w-]*)>[\s\S]*<\/\1>\s*$/;

export function isBareAnswer(text: string): boolean {
  return text.length <= 24 && BARE_ANSWER.test(text.trim());
}

/** True for a message that is the user's own words asking for something (not a command, not a menu pick). */
export function isSubstantive(message: Pick<UserMessage, 'kind' | 'text' | 'question'>): boolean {
  if (message.kind === 'delegated') return true; // the task this (sub)session was given
  if (message.kind !== 'typed') return false;
  const text = message.text.trim();
  return !text.startsWith('/') && !isBareAnswer(text) && !(message.question !== undefined && picksListedOption(text, message.question));
}

/**
 * A reply that picks one of the numbered options the agent's question listed by its words (「最初の行を残す」でお願いします,
 * "keep the first row, please"): an answer, however long its reason, not a new request.
 */
export function picksListedOption(text: string, question: string): boolean {
  const options = [...question.matchAll(/(?:^|\s)[1-9][.)]\s+(.+?)(?=\s[1-9][.)]\s|$)/g)].map((m) =>
    m[1]
      .replace(/\s*[（(][^)）]*[)）]\s*$/, '')
      .replace(/\s+[—–-]\s.*$/, '')
      .replace(/\*\*/g, '')
      .trim(),
  );
  if (options.length < 2) return false;
  const said = text.toLowerCase();
  return options.some((option) => option.length >= 4 && said.includes(option.toLowerCase()));
}

interface HeldText {
  text: string;
  line: number;
}

export interface CommandRun {
  display: string;
  line: number;
  outcome: 'passed' | 'failed';
  /** An error line a passing run printed anyway. */
  printed?: string;
}

export class ConversationTracker {
  readonly messages: UserMessage[] = [];
  readonly turns: TurnEntry[] = [];
  private readonly seenTexts = new Map<string, { uuid?: string; timestamp?: string }>();
  private readonly reasoning: ReasoningEntry[] = [];
  private reasoningChars = 0;
  /** Entries before this index are condensed already: the loop below never walks them again. */
  private condensedUpTo = 0;
  /** The turn's assistant texts: reasoning stand-ins when the turn's thinking was empty. */
  private heldTexts: HeldText[] = [];
  private turnHadThinking = false;
  /** The agent's last words (text, else thinking) on the main chain, and its last question. */
  private lastText?: HeldText;
  /** The agent's last thinking, for a session that stopped while it was thinking. */
  private lastThinking?: HeldText;
  /** The last interrupt by the user (`[Request interrupted by user]`, a Codex turn aborted). */
  private lastInterrupt?: number;
  private lastQuestion?: { text: string; line: number };
  private readonly openCalls = new Map<string, { display: string; line: number }>();
  /** Corrections: words the user typed right after interrupting or refusing a tool call. */
  readonly corrections: { line: number; text: string; after: string; afterLine: number }[] = [];
  private awaitingCorrection?: { what: string; line: number };
  /** This log is a subagent's (Codex `source.subagent`): its messages come from the agent that spawned it. */
  private spawned: 'forked' | 'fresh' | undefined;
  private delegatedSeen = false;
  /** Tasks handed to subagents in this log (`spawn_agent` calls), as the spawned log shows them. */
  private readonly spawnMessages = new Set<string>();

  onEvent(event: TranscriptEvent): void {
    if (event.sidechain) return; // a subagent's prompts and reasoning are not the session's conversation
    switch (event.kind) {
      case 'session-meta':
        if (event.parentThread) this.spawned = event.forked ? 'forked' : 'fresh';
        break;
      case 'user':
        this.onUser(event.text, event);
        break;
      case 'assistant-text':
        this.heldTexts.push({ text: event.text, line: event.line });
        this.lastText = { text: event.text, line: event.line };
        this.noteQuestion(event.text, event.line);
        this.awaitingCorrection = undefined;
        break;
      case 'thinking':
        if (!event.text.trim()) break;
        this.turnHadThinking = true;
        this.lastThinking = { text: event.text, line: event.line };
        this.addReasoning('thinking', event.text, event.line);
        break;
      case 'system':
        if (event.subtype === 'interrupt') {
          this.lastInterrupt = event.line;
          this.awaitingCorrection = { what: 'interrupted the agent', line: event.line };
        }
        break;
    }
  }

  onToolCall(call: ToolCallEvent, display: string): void {
    if (call.sidechain) return; // a subagent's unfinished call is not what the session was doing
    // A forked subagent's log holds its parent's history, down to the call that spawned it.
    if (call.name === 'spawn_agent' && typeof call.input === 'object' && call.input !== null && 'message' in call.input) {
      const message = (call.input as { message?: unknown }).message;
      if (typeof message === 'string') this.spawnMessages.add(message.trim().replace(/\s+/g, ' '));
    }
    if (call.callId) this.openCalls.set(call.callId, { display, line: call.line });
    if (this.openCalls.size > 200) this.openCalls.delete(this.openCalls.keys().next().value!);
  }

  onToolResult(callId: string, sidechain: boolean): void {
    if (!sidechain) this.openCalls.delete(callId);
  }

  /** The user refused a tool call; their next words (if no agent text came between) are the correction. */
  onRefusal(what: string, line: number): void {
    this.awaitingCorrection = { what, line };
  }

  /** An answer given through the agent's question tool (AskUserQuestion): shown with its question. */
  onAnswer(question: string, answer: string, line: number, uuid?: string): void {
    this.push({ line, uuid, text: answer, chars: answer.length, kind: 'answer', question: oneLine(question, 400) });
  }

  private noteQuestion(text: string, line: number): void {
    const trimmed = text.trim();
    // The last paragraph ending with '?' (menus often follow as numbered lines: keep those too).
    const paragraphs = trimmed.split(/\n\s*\n/);
    for (let i = paragraphs.length - 1; i >= 0 && i >= paragraphs.length - 3; i--) {
      if (/[?？]\s*$/m.test(paragraphs[i])) {
        this.lastQuestion = { text: paragraphs.slice(i).join('\n\n'), line };
        return;
      }
    }
    this.lastQuestion = undefined;
  }

  /** IDE notes sent as their own block: they go with the typed text of the same record. */
  private ideNotes: { uuid?: string; line: number; notes: string[] } | undefined;

  private onUser(raw: string, event: TranscriptEvent & { ideContext?: boolean }): void {
    const context: string[] = [];
    let text = raw.trim();
    for (let m = IDE_NOTE.exec(text); m; m = IDE_NOTE.exec(text)) {
      context.push(m[1]);
      text = text.slice(m[0].length);
    }
    if (event.ideContext || !text) {
      if (context.length) this.ideNotes = { uuid: event.uuid, line: event.line, notes: context };
      return;
    }
    if (this.ideNotes && (this.ideNotes.uuid === event.uuid || this.ideNotes.line === event.line)) context.unshift(...this.ideNotes.notes);
    this.ideNotes = undefined;
    if (INJECTED.test(text) || WRAPPED.test(text)) return;
    // A spec-kit style prompt quotes the user's words in a block under `## User Input`; the rest is template.
    const quotedInput = USER_INPUT_BLOCK.exec(text);
    if (quotedInput) text = quotedInput[1].trim();
    // ("(no content)" is Claude Code's placeholder for a message with nothing in it.)
    if (!text || text === '(no content)') return;
    // Claude Code 2.0.x replays earlier messages under new uuids: the same words again are a replay,
    // unless they are short (a user does type "continue" twice) and at a new time.
    const key = text.replace(/\s+/g, ' ');
    const seen = this.seenTexts.get(key);
    if (seen && seen.uuid !== event.uuid && (key.length >= 40 || seen.timestamp === event.timestamp)) return;
    if (seen && seen.uuid === event.uuid && event.uuid) return; // the same record read twice
    this.seenTexts.set(key, { uuid: event.uuid, timestamp: event.timestamp });
    if (this.seenTexts.size > 5000) this.seenTexts.delete(this.seenTexts.keys().next().value!);

    // Older Claude Code versions store a slash command's expanded template as the next user record: it is
    // the command's text, not the user's (never their rules, never their last request).
    const previous = this.messages.at(-1);
    const expansion =
      (previous?.kind === 'command' && event.line - previous.line <= 3 && text.length >= 200) ||
      TEMPLATE.test(text.slice(0, 400)) ||
      // "You are Claude-Mem, a specialized observer…": a long role prompt is a program's or a template's, not typed.
      (text.length > 300 && /^You are\b/.test(text)) ||
      (text.length > 300 && /\$ARGUMENTS\b/.test(text));
    // In a subagent's log the "user" is the agent that spawned it: its task, then its relayed updates.
    // Only the parent's history a forked subagent starts with holds the person's own words.
    // A forked one starts with its parent's history (the person's words, up to the spawn call); a fresh
    // one has only the spawning agent's messages.
    if (this.spawned && (this.delegatedSeen || this.spawned === 'fresh' || this.spawnMessages.has(key))) this.delegatedSeen = true;
    const kind: UserMessage['kind'] =
      this.delegatedSeen || TEAMMATE_MESSAGE.test(text)
        ? 'delegated'
        : /^\/[\w:.-]+(?:\s|$)/.test(text) || expansion
          ? 'command'
          : text.startsWith('! ')
            ? 'shell'
            : 'typed';
    const message: UserMessage = { line: event.line, uuid: event.uuid, timestamp: event.timestamp, text: cut(text), chars: text.length, kind };
    if (context.length) message.context = context;
    if (kind === 'typed' && this.lastQuestion && (isBareAnswer(text) || text.length <= 300)) message.question = oneLine(this.lastQuestion.text, 600);
    if (kind === 'typed' && text && this.awaitingCorrection) {
      this.corrections.push({ line: event.line, text: oneLine(text, 600), after: this.awaitingCorrection.what, afterLine: this.awaitingCorrection.line });
    }
    this.awaitingCorrection = undefined;
    this.lastQuestion = undefined;
    if (text) this.push(message);
  }

  private push(message: UserMessage): void {
    this.messages.push(message);
    // An answer through the agent's question tool continues the turn it was asked in.
    if (message.kind === 'answer' && this.turns.length) return;
    this.endTurn();
    // Redacted whole before it is flattened to one line: a key wrapped onto two lines is found only whole.
    this.turns.push({
      turn: this.turns.length + 1,
      line: message.line,
      request: oneLine(redactSecrets(message.question && message.kind !== 'typed' ? `${message.text} (answer)` : message.text), 200),
      files: [],
      commands: [],
      errors: [],
      commandsRun: 0,
    });
  }

  private get turn(): TurnEntry {
    if (!this.turns.length)
      this.turns.push({ turn: 0, line: 1, request: '(before the first user message)', files: [], commands: [], errors: [], commandsRun: 0 });
    return this.turns[this.turns.length - 1];
  }

  onFileChanged(path: string): void {
    const turn = this.turn;
    if (!turn.files.includes(path) && turn.files.length < MAX_TURN_FILES) turn.files.push(path);
  }

  onCommand(run: CommandRun): void {
    const turn = this.turn;
    turn.commandsRun++;
    const same = turn.commands.find((c) => c.text === run.display);
    if (same) {
      same.outcome = run.outcome;
      same.line = run.line;
      same.runs = (same.runs ?? 1) + 1;
      if (run.printed) same.printed = run.printed;
      else delete same.printed;
    } else if (turn.commands.length < MAX_TURN_COMMANDS)
      turn.commands.push({ text: run.display, outcome: run.outcome, line: run.line, ...(run.printed ? { printed: run.printed } : {}) });
  }

  onError(key: string, text: string, line: number): void {
    const turn = this.turn;
    if (!turn.errors.some((e) => e.key === key) && turn.errors.length < 8) turn.errors.push({ key, text: oneLine(text, 240), line, resolved: false });
  }

  private addReasoning(source: ReasoningEntry['source'], text: string, line: number): void {
    const clean = text.trim();
    if (!clean) return;
    const entry: ReasoningEntry = { line, turn: this.turns.length, source, text: cut(clean, MAX_REASONING_ENTRY) };
    this.reasoning.push(entry);
    this.reasoningChars += entry.text.length;
    // Older entries shrink to their opening lines so the whole log's reasoning stays bounded.
    for (; this.reasoningChars > REASONING_WHOLE_CHARS && this.condensedUpTo < this.reasoning.length - 1; this.condensedUpTo++) {
      const old = this.reasoning[this.condensedUpTo];
      if (old.condensed) continue;
      const short = oneLine(redactSecrets(old.text), REASONING_CONDENSED);
      this.reasoningChars -= old.text.length - short.length;
      old.text = short;
      old.condensed = true;
    }
  }

  private endTurn(): void {
    if (!this.turnHadThinking) for (const held of this.heldTexts) this.addReasoning('assistant', held.text, held.line);
    this.heldTexts = [];
    this.turnHadThinking = false;
  }

  finish(): {
    messages: UserMessage[];
    lastRequest?: number;
    turns: TurnEntry[];
    reasoning: ReasoningEntry[];
    stopped?: SessionStatus['stopped'];
  } {
    this.endTurn();
    let lastRequest: number | undefined;
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (isSubstantive(this.messages[i])) {
        lastRequest = i;
        break;
      }
    }
    // After the last request that asked for something: a closing `/exit` or "thanks" does not hide what the agent did last.
    const lastUserLine = (lastRequest !== undefined ? this.messages[lastRequest] : this.messages.at(-1))?.line ?? 0;
    const pendingCalls = [...this.openCalls.values()].filter((c) => c.line > lastUserLine).slice(-3);
    const lastText = this.lastText && this.lastText.line > lastUserLine ? this.lastText : undefined;
    // No words after the request: what it was thinking is what it was doing.
    const lastThinking = !lastText && this.lastThinking && this.lastThinking.line > lastUserLine ? this.lastThinking : undefined;
    const interruptedAt = this.lastInterrupt !== undefined && this.lastInterrupt > Math.max(lastUserLine, lastText?.line ?? 0) ? this.lastInterrupt : undefined;
    const line = Math.max(lastText?.line ?? 0, lastThinking?.line ?? 0, interruptedAt ?? 0, ...pendingCalls.map((c) => c.line));
    const stopped =
      line > 0
        ? {
            line,
            ...(lastText ? { lastText: cut(lastText.text.trim(), 4000), textLine: lastText.line } : {}),
            ...(lastThinking ? { lastThinking: cut(lastThinking.text.trim(), 4000), textLine: lastThinking.line } : {}),
            ...(interruptedAt !== undefined ? { interruptedAt } : {}),
            pendingCalls,
          }
        : undefined;
    return { messages: this.messages, lastRequest, turns: this.turns, reasoning: this.reasoning, stopped };
  }
}

/**
 * A long text as its head and tail with the cut marked; short texts unchanged. Texts kept whole are
 * redacted with the handover's data; a text about to be cut is redacted first, so a secret cut in two
 * is still found.
 */
export function cut(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  text = redactSecrets(text);
  const head = Math.floor(max * 0.6);
  const tail = max - head;
  return `${text.slice(0, head)}\n… [${text.length - head - tail} characters left out] …\n${text.slice(-tail)}`;
}
