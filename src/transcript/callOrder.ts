// Puts a tool's result after the call it answers, as every consumer expects to meet them.
import type { TranscriptEvent } from './events.js';

/** How many events a result waits for its call: such results sat one to five lines early on the logs seen. */
const WAIT_EVENTS = 8;
/** Call ids remembered, to tell a result whose call is still to come from one answering a call passed on. */
const CALLS_REMEMBERED = 512;

/**
 * Claude Code chains its records by `parentUuid`, and a log (2.1.x) can hold a tool's result a line or a few
 * before the call it answers. A result met before its call is held until the call has been passed on, then
 * follows it; a result whose call never comes (it was in an earlier log) goes on after a few events, or before
 * the next message the user typed, so it stays in its turn.
 */
export class CallOrder {
  private readonly calls = new Set<string>();
  private held: TranscriptEvent[] = [];
  private waited = 0;

  constructor(private readonly pass: (event: TranscriptEvent) => void) {}

  push(event: TranscriptEvent): void {
    if (event.kind === 'tool-result' && event.callId && !this.calls.has(event.callId)) {
      this.held.push(event);
      return;
    }
    if (event.kind === 'user' && this.held.length) this.release();
    this.pass(event);
    if (event.kind === 'tool-call' && event.callId) {
      this.calls.add(event.callId);
      if (this.calls.size > CALLS_REMEMBERED) this.calls.delete(this.calls.values().next().value!);
      const answer = this.held.findIndex((held) => held.kind === 'tool-result' && held.callId === event.callId);
      if (answer >= 0) this.pass(this.held.splice(answer, 1)[0]);
      if (!this.held.length) this.waited = 0;
    }
    if (this.held.length && ++this.waited > WAIT_EVENTS) this.release();
  }

  /** Passes on every result still held, in the order they came. */
  release(): void {
    const held = this.held;
    this.held = [];
    this.waited = 0;
    for (const event of held) this.pass(event);
  }
}
