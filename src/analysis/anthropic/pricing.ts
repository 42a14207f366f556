// The default model and what its tokens cost, for the estimate recorded in handover.json.

/**
 * A current Sonnet. The alias (no date suffix) follows Anthropic's latest snapshot of that model; it is
 * the newest Sonnet the pinned @anthropic-ai/sdk 0.71.0 lists in its `Model` type. Users override it with
 * the model setting / option.
 */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-5';

export interface ModelPrices {
  /** USD per million tokens. */
  input: number;
  /** 5-minute cache writes (what `cache_control: {type: 'ephemeral'}` creates). */
  cacheWrite: number;
  cacheRead: number;
  output: number;
}

/**
 * Source: Anthropic's pricing page (platform.claude.com/docs/en/about-claude/pricing), Claude Sonnet 4.5:
 * $3 input, $3.75 5-minute cache writes, $0.30 cache hits, $15 output, per MTok. Sonnet 4 and 4.5 share it.
 */
export const SONNET_PRICES: ModelPrices = { input: 3, cacheWrite: 3.75, cacheRead: 0.3, output: 15 };
/** Same page: Claude Haiku 4.5. */
export const HAIKU_4_5_PRICES: ModelPrices = { input: 1, cacheWrite: 1.25, cacheRead: 0.1, output: 5 };
/** Same page: Claude Opus 4.5. */
export const OPUS_4_5_PRICES: ModelPrices = { input: 5, cacheWrite: 6.25, cacheRead: 0.5, output: 25 };

/** Best-effort: an unknown model id is estimated at Sonnet prices (it is an estimate, labelled as one). */
export function pricesFor(model: string): ModelPrices {
  if (/haiku-4/.test(model)) return HAIKU_4_5_PRICES;
  if (/opus-4-[5-9]/.test(model)) return OPUS_4_5_PRICES;
  return SONNET_PRICES;
}

export interface TokenCounts {
  inputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  outputTokens: number;
}

export function estimateCostUsd(model: string, tokens: TokenCounts): number {
  const p = pricesFor(model);
  const usd =
    (tokens.inputTokens * p.input +
      tokens.cacheCreationInputTokens * p.cacheWrite +
      tokens.cacheReadInputTokens * p.cacheRead +
      tokens.outputTokens * p.output) /
    1_000_000;
  return Math.round(usd * 1_000_000) / 1_000_000;
}
