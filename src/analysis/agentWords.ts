// What the agent wrote lately, to tell the user's own words from the agent's words pasted back to it
// ("Instead of thinking 'Error found…'", a design question the agent asked): those are no rules or
// choices of the user's, however they read.

/** Whitespace folded and markdown emphasis dropped: a paste from a terminal loses both. */
const fold = (text: string): string => text.replace(/[*`_]/g, '').replace(/\s+/g, ' ');

export class RecentAgentText {
  private readonly texts: string[] = [];
  private chars = 0;
  private folded?: string;

  /** @param limit characters of the newest texts kept (a paste comes from what is on screen). */
  constructor(private readonly limit = 300_000) {}

  add(text: string): void {
    this.texts.push(text);
    this.chars += text.length;
    this.folded = undefined;
    while (this.chars > this.limit && this.texts.length > 1) this.chars -= this.texts.shift()!.length;
  }

  /**
   * Whether `sentence` stands in what the agent wrote: all of it (24 characters or more, quotes and list
   * marks aside), or its first or last 60 characters (the user's "you wrote: …" around a quoted part).
   */
  wrote(sentence: string): boolean {
    const core = fold(sentence)
      .replace(/^[\s"'“”‘’>#•-]+/, '')
      .replace(/[\s"'“”‘’.…]+$/, '');
    if (core.length < 24 || this.texts.length === 0) return false;
    this.folded ??= fold(this.texts.join('\n'));
    if (core.length <= 60) return this.folded.includes(core);
    return this.folded.includes(core.slice(0, 60)) || this.folded.includes(core.slice(-60));
  }
}
