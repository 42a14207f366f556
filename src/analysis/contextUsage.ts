// How full the agent's context is, read from the newest usage figures in its log: Claude Code writes
// `message.usage` on every assistant record (input + cache creation + cache read is what the model saw,
// plus the reply), Codex writes `token_count` events with the window itself. A compaction after the
// newest figures means the context was just emptied: no reading then. Pure over the log's tail text.

/**
 * Proactive mode's default share of the window. Measured on the real logs in test/fixtures/real: the one
 * automatic compaction there fired at 83.5% of a 200k window (Claude Code 2.1.39), and a turn adds up to
 * 8.6k tokens (90th percentile; median 0.5k): the check at a turn's end must come a turn earlier than that.
 * test/unit/proactiveThreshold.test.mjs holds the default to that corpus.
 */
export const DEFAULT_PROACTIVE_THRESHOLD = 0.75;

export interface ContextUsage {
  /** Tokens in the context at the newest model call. */
  usedTokens: number;
  /** The model's context window in tokens. */
  windowTokens: number;
  fraction: number;
  model?: string;
}

/** Claude models have 200k tokens; ids marked `[1m]` (or `-1m`) run with the 1M window. */
export function claudeWindow(model: string | undefined): number {
  return model && /\[1m\]|-1m\b/i.test(model) ? 1_000_000 : 200_000;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * The newest usage in `tail` (the end of a JSONL log; a cut first line is skipped). `windowOverride`
 * replaces the window the log implies (a setting, for models this module does not know).
 */
export function contextUsageFromTail(tail: string, windowOverride?: number): ContextUsage | undefined {
  const lines = tail.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line.startsWith('{')) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    // A compaction newer than any usage: the context was just replaced by a summary.
    if ((record.type === 'system' && record.subtype === 'compact_boundary') || record.type === 'compacted') return undefined;
    if (record.type === 'assistant' && record.isSidechain !== true && !record.isApiErrorMessage) {
      const message = record.message as { usage?: Record<string, unknown>; model?: unknown } | undefined;
      const usage = message?.usage;
      if (!usage) continue;
      const used = num(usage.input_tokens) + num(usage.cache_creation_input_tokens) + num(usage.cache_read_input_tokens) + num(usage.output_tokens);
      if (used === 0) continue;
      const model = typeof message?.model === 'string' ? message.model : undefined;
      // More in the context than the model id's window allows: the agent runs it with the 1M window.
      const windowTokens = windowOverride ?? (used > claudeWindow(model) ? 1_000_000 : claudeWindow(model));
      return { usedTokens: used, windowTokens, fraction: used / windowTokens, model };
    }
    if (record.type === 'event_msg') {
      const payload = record.payload as
        { type?: unknown; info?: { last_token_usage?: Record<string, unknown>; model_context_window?: unknown } | null } | undefined;
      if (payload?.type !== 'token_count' || !payload.info) continue;
      const last = payload.info.last_token_usage ?? {};
      const used = num(last.total_tokens) || num(last.input_tokens) + num(last.output_tokens);
      const windowTokens = windowOverride ?? num(payload.info.model_context_window);
      if (!used || !windowTokens) continue;
      return { usedTokens: used, windowTokens, fraction: used / windowTokens };
    }
  }
  return undefined;
}
