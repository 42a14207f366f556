// The builder's entry point for `--analyzer anthropic`: settings come from the environment of the
// process (the extension passes its SecretStorage key and its settings this way; nothing is written).
import type { Finding, AnalystUsage } from '../../shared/handoverData.js';
import { allOffline, analyzeWithAnthropic, DEFAULT_DEADLINE_MS } from './analyzeWithAnthropic.js';

/** Environment variables read here. */
export const ANTHROPIC_ENV = {
  apiKey: 'ANTHROPIC_API_KEY',
  baseURL: 'ANTHROPIC_BASE_URL',
  model: 'HANDOVER_ANTHROPIC_MODEL',
  deadlineMs: 'HANDOVER_ANTHROPIC_DEADLINE_MS',
} as const;

export interface ModelAnalyzerInput {
  logPath: string;
  extractMarkdown: string;
  offline: { findings: Finding[] };
  env: NodeJS.ProcessEnv;
}

/** Matches the builder's ModelAnalyzer type. Without a key, every analyst falls back, with that reason. */
export async function analyzeWithAnthropicFromEnv(input: ModelAnalyzerInput): Promise<{ findings: Finding[]; usage: AnalystUsage[] }> {
  const env = input.env;
  const model = env[ANTHROPIC_ENV.model]?.trim() || undefined;
  const apiKey = env[ANTHROPIC_ENV.apiKey]?.trim();
  if (!apiKey) return allOffline({ offline: input.offline, model }, `${ANTHROPIC_ENV.apiKey} is not set`);
  const deadline = Number(env[ANTHROPIC_ENV.deadlineMs]);
  return analyzeWithAnthropic({
    logPath: input.logPath,
    extractMarkdown: input.extractMarkdown,
    offline: input.offline,
    apiKey,
    baseURL: env[ANTHROPIC_ENV.baseURL]?.trim() || undefined,
    model,
    deadlineMs: Number.isFinite(deadline) && deadline > 0 ? deadline : DEFAULT_DEADLINE_MS,
  });
}
