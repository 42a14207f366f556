// The one source of "a handover is being built": the builds the extension runs itself (Create Handover
// Now, a Codex compaction) and those a Claude Code hook runs (its lock, hookBuilds.ts). The status bar and
// the sidebar both read it, so one finishing build never clears what another still shows. No vscode here.
import type { DisposableLike } from './disposables.js';

export class BuildActivity implements DisposableLike {
  /** Builds this window started, by a private key, with what the sidebar says about each. */
  private readonly own = new Map<number, string>();
  private nextKey = 0;
  /** Sessions whose hook builder holds the lock. */
  private hookSessions: string[] = [];
  private readonly listeners = new Set<() => void>();

  /** Marks a build as running until the returned function is called (calling it again does nothing). */
  begin(description: string): () => void {
    const key = this.nextKey++;
    this.own.set(key, description);
    this.changed();
    return () => {
      if (this.own.delete(key)) this.changed();
    };
  }

  /** The sessions whose handover a hook is building now (replaces the previous set). */
  setHookBuilds(sessions: readonly string[]): void {
    const next = [...sessions];
    if (next.length === this.hookSessions.length && next.every((s, i) => s === this.hookSessions[i])) return;
    this.hookSessions = next;
    this.changed();
  }

  get building(): boolean {
    return this.own.size > 0 || this.hookSessions.length > 0;
  }

  /** What is being built, for people: '' when nothing is. */
  describe(): string {
    const parts = [...this.own.values()];
    if (this.hookSessions.length > 0) parts.push(`A handover is being written for session ${this.hookSessions.map((s) => s.slice(0, 8)).join(', ')}…`);
    return parts.join(' ');
  }

  /** Calls `listener` whenever building() or describe() may have changed. */
  onDidChange(listener: () => void): DisposableLike {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  dispose(): void {
    this.listeners.clear();
  }
}
