// Event stream → Markdown of what the people said and what the model thought. Tool traffic is what
// makes logs big and is dropped here; the analysts (src/analysis) search the raw log for what that loses.
import type { TranscriptEvent } from '../transcript/events.js';

export interface ExtractCounts {
  user: number;
  /** IDE notes sent with a message (the open file, a selection): context, not the user's words. */
  ideContext: number;
  thinking: number;
  emptyThinking: number;
  assistantStandIn: number;
  compaction: number;
  compactionSummary: number;
  apiError: number;
  interrupt: number;
  sessionSummary: number;
}

export interface ExtractOptions {
  /** Title line; the session id when known. */
  title?: string;
}

const emptyCounts = (): ExtractCounts => ({
  user: 0,
  ideContext: 0,
  thinking: 0,
  emptyThinking: 0,
  assistantStandIn: 0,
  compaction: 0,
  compactionSummary: 0,
  apiError: 0,
  interrupt: 0,
  sessionSummary: 0,
});

function stamp(timestamp: string | undefined): string {
  if (!timestamp) return '';
  // 2025-09-03T00:47:19.293Z → 2025-09-03 00:47:19Z: readable, still sortable.
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(timestamp);
  return match ? `${match[1]} ${match[2]}Z · ` : `${timestamp} · `;
}

/**
 * Collects the extract incrementally. Assistant text is held back per turn: it is written only when
 * the turn's thinking was empty (a signature without text), to stand in for it. Each held text keeps a
 * slot at its place in the output, so a stand-in appears where the text was said, not at the turn's end.
 */
export class Extractor {
  readonly counts = emptyCounts();
  private readonly parts: string[] = [];
  private outBytes = 0;
  /** Assistant texts of the current turn, each with the index of the part reserved for it. */
  private pendingText: Array<{ event: Extract<TranscriptEvent, { kind: 'assistant-text' }>; slot: number }> = [];
  private turnHasThinkingText = false;
  private readonly seen = new Set<string>();
  private sessionId: string | undefined;

  constructor(private readonly options: ExtractOptions = {}) {}

  add(event: TranscriptEvent): void {
    if (event.kind === 'session-meta' || event.kind === 'tool-call' || event.kind === 'tool-result') {
      this.sessionId ??= event.sessionId;
      return;
    }
    this.sessionId ??= event.sessionId;
    // A resumed Claude Code session repeats earlier records with the same uuid: keep each once. Blocks
    // of one record share its uuid and differ by part. 2.0.x also replays earlier messages under new
    // uuids with their original timestamp: the same text at the same moment is the same message.
    if (event.uuid) {
      const key = `${event.kind}:${event.uuid}:${event.part ?? ''}:${event.kind === 'system' ? event.subtype : ''}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if (event.kind === 'user' && event.timestamp) {
      const key = `user-text:${event.timestamp}:${event.text}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    switch (event.kind) {
      case 'user':
        if (event.sidechain) return; // a subagent's prompt, written by the model, not typed by the user
        if (event.ideContext) {
          this.counts.ideContext++;
          this.write(`### ${stamp(event.timestamp)}IDE context (line ${event.line})\n\n${event.text}\n\n`);
          return;
        }
        this.endTurn();
        this.counts.user++;
        this.write(`### ${stamp(event.timestamp)}User (line ${event.line})\n\n${event.text}\n\n`);
        return;
      case 'thinking':
        if (!event.text.trim()) {
          this.counts.emptyThinking++;
          return;
        }
        // A subagent's thinking is its own, not the main model's: it does not stop the main turn's stand-ins.
        if (!event.sidechain) this.turnHasThinkingText = true;
        this.counts.thinking++;
        this.write(
          `### ${stamp(event.timestamp)}Thinking${event.sidechain ? ` (subagent${event.subagent ? ' ' + event.subagent : ''})` : ''} (line ${event.line})\n\n${event.text.trim()}\n\n`,
        );
        return;
      case 'assistant-text':
        if (event.sidechain) return;
        this.pendingText.push({ event, slot: this.parts.length });
        this.parts.push('');
        return;
      case 'system':
        this.writeSystem(event);
        return;
    }
  }

  private writeSystem(event: Extract<TranscriptEvent, { kind: 'system' }>): void {
    switch (event.subtype) {
      case 'compact-boundary':
        this.endTurn();
        this.counts.compaction++;
        this.write(`### ${stamp(event.timestamp)}Compaction (line ${event.line})\n\n${event.text}\n\n`);
        return;
      case 'compact-summary':
        this.counts.compactionSummary++;
        this.write(`### ${stamp(event.timestamp)}Compaction summary (line ${event.line})\n\n${event.text.trim()}\n\n`);
        return;
      case 'api-error':
        this.counts.apiError++;
        this.write(`### ${stamp(event.timestamp)}API error (line ${event.line})\n\n${event.text.trim()}\n\n`);
        return;
      case 'interrupt':
        this.counts.interrupt++;
        this.write(`### ${stamp(event.timestamp)}Interrupted (line ${event.line})\n\n${event.text.trim()}\n\n`);
        return;
      case 'session-summary':
        this.counts.sessionSummary++;
        this.write(`### Session title (line ${event.line})\n\n${event.text.trim()}\n\n`);
        return;
      case 'other':
        return;
    }
  }

  /** Closes the current turn: its assistant text stands in when it had no thinking text. */
  private endTurn(): void {
    if (!this.turnHasThinkingText) {
      for (const { event, slot } of this.pendingText) {
        this.counts.assistantStandIn++;
        this.write(`### ${stamp(event.timestamp)}Assistant (stands in for empty thinking; line ${event.line})\n\n${event.text.trim()}\n\n`, slot);
      }
    }
    this.pendingText = [];
    this.turnHasThinkingText = false;
  }

  /** Appends a part, or fills the slot reserved for it. */
  private write(text: string, slot?: number): void {
    if (slot === undefined) this.parts.push(text);
    else this.parts[slot] = text;
    this.outBytes += Buffer.byteLength(text);
  }

  /** A heading between logs read into one extract (a session's subagent logs after its main log). */
  section(title: string): void {
    this.endTurn();
    this.write(`## ${title}\n\n`);
  }

  /** The finished Markdown. */
  finish(): string {
    this.endTurn();
    const title = this.options.title ?? this.sessionId ?? 'unknown session';
    const body = this.keptSomething ? this.parts.join('') : '_This session has no messages from the user, no thinking and no system events._\n';
    return `# Session extract: ${title}\n\n${body}`;
  }

  get bytesSoFar(): number {
    return this.outBytes;
  }

  get keptSomething(): boolean {
    const c = this.counts;
    return c.user + c.thinking + c.assistantStandIn + c.compaction + c.compactionSummary + c.apiError + c.interrupt + c.sessionSummary > 0;
  }
}
