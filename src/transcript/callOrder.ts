// Puts a tool's result after the call it answers, as every consumer expects to meet them.
import type { TranscriptEvent } from './events.js';

/** Call ids remembered, to tell a result whose call is still to come from one answering a call passed on. */
const CALLS_REMEMBERED = 512;

/**
 * Claude Code chains its records by `parentUuid`, and a log (2.1.x) can hold a tool's result on the line before the
 * call it answers. A result met before any call of its id waits for the next event: its call follows it, then the
 * result; anything else, and the result goes on first, where it was. (Only the next event: a log read in ranges,
 * whose first result answers a call of the range before, must come out in the order of a whole read.)
 */
export class CallOrder {
  private readonly calls = new Set<string>();
  private held: TranscriptEvent | undefined;

  constructor(private readonly pass: (event: TranscriptEvent) => void) {}

  push(event: TranscriptEvent): void {
    const held = this.held;
    this.held = undefined;
    if (held && !(event.kind === 'tool-call' && held.kind === 'tool-result' && event.callId === held.callId)) this.pass(held);
    if (event.kind === 'tool-result' && event.callId && !this.calls.has(event.callId) && !held) {
      this.held = event;
      return;
    }
    this.pass(event);
    if (event.kind === 'tool-call' && event.callId) {
      this.calls.add(event.callId);
      if (this.calls.size > CALLS_REMEMBERED) this.calls.delete(this.calls.values().next().value!);
    }
    if (held && event.kind === 'tool-call' && held.kind === 'tool-result' && event.callId === held.callId) this.pass(held);
  }

  /** Passes on a result still held. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    if (held) this.pass(held);
  }
}
