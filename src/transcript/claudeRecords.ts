// Claude Code records → events. Record shapes differ between versions (1.0.x, 2.1.x): every field is
// checked before use, and what does not fit is reported as malformed instead of thrown.
import { eventAt, type EventOrigin, type SystemSubtype, type TranscriptEvent } from './events.js';

type Json = Record<string, unknown>;

/** Record types that carry nothing for us (UI state, bookkeeping). Known, so not counted as unknown. */
export const CLAUDE_IGNORED_TYPES = new Set([
  'progress',
  'file-history-snapshot',
  'attachment',
  'queue-operation',
  'api-request',
  'cost-state',
  'last-prompt',
  'custom-title',
  'tag',
  'agent-name',
  'mode',
  'permission-mode',
  'pr-link',
  // Seen in 2.1.3xx logs: request snapshots and client state, no conversation.
  'api-request-shape',
  'api-request-blob',
  'atis-latch',
  'tools-used',
]);

export const CLAUDE_TYPES = new Set(['user', 'assistant', 'system', 'summary', 'ai-title', ...CLAUDE_IGNORED_TYPES]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface RecordContext {
  line: number;
  offset: number;
  subagent?: string;
  /** Only conversation events are wanted: tool calls and results are not even built. */
  conversationOnly?: boolean;
}

export type RecordOutcome = { events: TranscriptEvent[]; unknownType?: string; malformed?: boolean };

export function originOf(record: Json, ctx: RecordContext): EventOrigin {
  return {
    line: ctx.line,
    offset: ctx.offset,
    uuid: str(record.uuid),
    timestamp: str(record.timestamp),
    sessionId: str(record.sessionId),
    cwd: str(record.cwd),
    gitBranch: str(record.gitBranch) || undefined,
    sidechain: record.isSidechain === true || ctx.subagent !== undefined,
    subagent: ctx.subagent,
  };
}

const INTERRUPT = /^\[Request interrupted by user[^\]]*\]$/;
const SYSTEM_REMINDER = /<system-reminder>[\s\S]*?<\/system-reminder>/g;
/** What a Claude Code IDE integration attaches to a message: the open file, a selection, diagnostics. */
const IDE_CONTEXT = /<(ide_opened_file|ide_selection|ide_diagnostics)>([\s\S]*?)(?:<\/\1>|$)/g;

/** One short line for an IDE context note: which file, which lines; the selected code itself is dropped. */
function shortIdeNote(tag: string, body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const file = /(?:opened the file|opened|from|in) (\S+?)(?: in the IDE|:|\.?\s|$)/.exec(flat)?.[1];
  const lines = /lines? \d+(?: to \d+)?/.exec(flat)?.[0];
  if (tag === 'ide_opened_file') return `[IDE: opened ${file ?? 'a file'}]`;
  if (tag === 'ide_selection') return `[IDE: selected ${lines ? lines + ' of ' : ''}${file ?? 'text'}]`;
  return '[IDE: diagnostics attached]';
}

/** A text block's IDE notes shortened, and whether the block held nothing else. */
export function shortenIdeContext(text: string): { text: string; onlyIde: boolean } {
  if (!text.includes('<ide_')) return { text, onlyIde: false };
  const rest = text.replace(IDE_CONTEXT, '').trim();
  const notes = [...text.matchAll(IDE_CONTEXT)].map((m) => shortIdeNote(m[1], m[2]));
  return { text: rest ? `${notes.join(' ')}\n${rest}` : notes.join(' '), onlyIde: !rest };
}

const DROPPED_WRAPPERS = /<(local-command-stdout|local-command-stderr|local-command-caveat|command-message|bash-stdout|bash-stderr)>[\s\S]*?<\/\1>/g;

/**
 * What the user typed, without what Claude Code injected around it. A slash command keeps its name and
 * arguments (`/review src/a.ts`): the arguments are the user's words; its expansion is not.
 */
export function cleanUserText(raw: string): string {
  let text = raw.replace(SYSTEM_REMINDER, '');
  const name = /<command-name>([\s\S]*?)<\/command-name>/.exec(text);
  if (name) {
    const args = /<command-args>([\s\S]*?)<\/command-args>/.exec(text);
    const command = name[1].trim();
    return `${command.startsWith('/') ? command : '/' + command}${args && args[1].trim() ? ' ' + args[1].trim() : ''}`;
  }
  text = text.replace(DROPPED_WRAPPERS, '');
  const bashInput = /<bash-input>([\s\S]*?)<\/bash-input>/.exec(text);
  if (bashInput) return `! ${bashInput[1].trim()}`;
  return text.trim();
}

function toolResultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const block of content) {
    if (isObject(block) && block.type === 'text' && typeof block.text === 'string') parts.push(block.text);
    else if (isObject(block) && block.type === 'image') parts.push('[image]');
  }
  return parts.join('\n');
}

const EXIT_CODE = /^(?:Exit code:?\s*|Process exited with code\s*)(-?\d+)/m;
const EXTERNAL_OUTPUT = /(\S{0,512}\/tool-results\/[\w.@-]+)/;

export function exitCodeOf(text: string): number | undefined {
  const match = EXIT_CODE.exec(text.slice(0, 4096));
  return match ? Number(match[1]) : undefined;
}

function userRecord(record: Json, ctx: RecordContext): RecordOutcome {
  const origin = originOf(record, ctx);
  const message = record.message;
  if (!isObject(message)) return { events: [], malformed: true };
  if (record.isCompactSummary === true) {
    const raw = typeof message.content === 'string' ? message.content : toolResultText(message.content);
    const text = raw.replace(SYSTEM_REMINDER, '').replace(/\n{3,}/g, '\n\n');
    return { events: [eventAt(origin, { kind: 'system', subtype: 'compact-summary', text })] };
  }
  if (record.isMeta === true) return { events: [] };
  const content = message.content;
  const events: TranscriptEvent[] = [];
  const pushText = (raw: string, part?: number) => {
    const trimmed = raw.trim();
    const at = part === undefined ? origin : eventAt(origin, { part });
    if (INTERRUPT.test(trimmed)) {
      events.push(eventAt(at, { kind: 'system', subtype: 'interrupt', text: trimmed }));
      return;
    }
    const ide = shortenIdeContext(cleanUserText(raw));
    if (ide.text) events.push(eventAt(at, { kind: 'user', text: ide.text, ...(ide.onlyIde ? { ideContext: true } : {}) }));
  };
  if (typeof content === 'string') {
    pushText(content);
    return { events };
  }
  if (!Array.isArray(content)) return { events, malformed: true };
  let malformed = false;
  for (const [part, block] of content.entries()) {
    if (!isObject(block)) {
      malformed = true;
      continue;
    }
    if (block.type === 'text') {
      if (typeof block.text === 'string') pushText(block.text, content.length > 1 ? part : undefined);
      else malformed = true;
    } else if (block.type === 'tool_result' && !ctx.conversationOnly) {
      const text = toolResultText(block.content);
      // indexOf first: the regex alone backtracks badly over long runs of non-space output.
      const external = text.lastIndexOf('/tool-results/', 2048) === -1 ? null : EXTERNAL_OUTPUT.exec(text.slice(0, 2048));
      events.push(
        eventAt(origin, {
          kind: 'tool-result',
          callId: str(block.tool_use_id) ?? '',
          text,
          isError: block.is_error === true,
          exitCode: exitCodeOf(text),
          externalFile: external ? external[1] : undefined,
        }),
      );
    }
  }
  return { events, malformed };
}

function assistantRecord(record: Json, ctx: RecordContext): RecordOutcome {
  const origin = originOf(record, ctx);
  const message = record.message;
  if (!isObject(message)) return { events: [], malformed: true };
  const messageId = str(message.id);
  const content = message.content;
  if (record.isApiErrorMessage === true) {
    return { events: [eventAt(origin, { kind: 'system', subtype: 'api-error', text: toolResultText(content) || str(record.error) || 'API error' })] };
  }
  if (typeof content === 'string') return { events: content.trim() ? [eventAt(origin, { kind: 'assistant-text', text: content, messageId })] : [] };
  if (!Array.isArray(content)) return { events: [], malformed: true };
  const events: TranscriptEvent[] = [];
  let malformed = false;
  for (const [index, block] of content.entries()) {
    if (!isObject(block)) {
      malformed = true;
      continue;
    }
    // 1.0.x writes a whole reply (thinking, text, tool calls) into one record: each block is its own event.
    const at = content.length > 1 ? eventAt(origin, { part: index }) : origin;
    switch (block.type) {
      case 'text':
        if (typeof block.text !== 'string') malformed = true;
        else if (block.text.trim()) events.push(eventAt(at, { kind: 'assistant-text', text: block.text, messageId }));
        break;
      case 'thinking':
        if (block.thinking !== undefined && typeof block.thinking !== 'string') malformed = true;
        events.push(eventAt(at, { kind: 'thinking', text: str(block.thinking) ?? '', messageId }));
        break;
      case 'redacted_thinking':
        events.push(eventAt(at, { kind: 'thinking', text: '', messageId }));
        break;
      case 'tool_use':
        if (ctx.conversationOnly) break;
        events.push(eventAt(at, { kind: 'tool-call', callId: str(block.id) ?? '', name: str(block.name) ?? 'unknown', input: block.input ?? {}, messageId }));
        break;
    }
  }
  return { events, malformed };
}

function systemRecord(record: Json, ctx: RecordContext): RecordOutcome {
  const origin = originOf(record, ctx);
  const subtype = str(record.subtype);
  const content = str(record.content) ?? '';
  let kind: SystemSubtype = 'other';
  let text = content;
  if (subtype === 'compact_boundary') {
    kind = 'compact-boundary';
    const meta = isObject(record.compactMetadata) ? record.compactMetadata : {};
    const trigger = str(meta.trigger);
    const preTokens = typeof meta.preTokens === 'number' ? meta.preTokens : undefined;
    text = [content || 'Conversation compacted', trigger && `trigger: ${trigger}`, preTokens !== undefined && `${preTokens} tokens before`]
      .filter(Boolean)
      .join(' · ');
  } else if (subtype === 'api_error' || (record.level === 'error' && subtype !== 'local_command')) {
    kind = 'api-error';
    if (!text) text = isObject(record.error) ? JSON.stringify(record.error).slice(0, 2000) : 'API error';
  }
  return { events: [eventAt(origin, { kind: 'system', subtype: kind, text })] };
}

/** A message the user typed while the agent was busy: Claude Code 2.x stores it as an attachment. */
function queuedCommand(record: Json, ctx: RecordContext): RecordOutcome {
  const attachment = record.attachment;
  if (!isObject(attachment) || attachment.type !== 'queued_command') return { events: [] };
  const prompt = typeof attachment.prompt === 'string' ? attachment.prompt : toolResultText(attachment.prompt);
  const text = cleanUserText(prompt);
  return { events: text ? [eventAt(originOf(record, ctx), { kind: 'user', text })] : [] };
}

export function claudeRecordToEvents(record: unknown, ctx: RecordContext): RecordOutcome {
  if (!isObject(record)) return { events: [], malformed: true };
  const type = record.type;
  if (typeof type !== 'string') return { events: [], malformed: true };
  switch (type) {
    case 'user':
      return userRecord(record, ctx);
    case 'assistant':
      return assistantRecord(record, ctx);
    case 'system':
      return systemRecord(record, ctx);
    case 'summary':
      return typeof record.summary === 'string'
        ? { events: [eventAt(originOf(record, ctx), { kind: 'system', subtype: 'session-summary', text: record.summary })] }
        : { events: [], malformed: true };
    case 'ai-title':
      // 2.1.123+: the title Claude Code generated for the session; kept like a `summary` record.
      return typeof record.aiTitle === 'string' && record.aiTitle.trim()
        ? { events: [eventAt(originOf(record, ctx), { kind: 'system', subtype: 'session-summary', text: record.aiTitle })] }
        : { events: [] };
    case 'attachment':
      return queuedCommand(record, ctx);
    default:
      return CLAUDE_IGNORED_TYPES.has(type) ? { events: [] } : { events: [], unknownType: type };
  }
}
