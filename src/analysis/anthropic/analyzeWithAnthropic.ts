// The three analysts as Anthropic sub-agents, run in parallel over one cached prompt prefix.
// The first starts alone; the other two start when its first response shows the prefix is cached, so
// they read it instead of writing it again. Whatever fails falls back to that analyst's offline
// findings: this function never throws for a model or network problem and never blocks past the deadline.
import Anthropic from '@anthropic-ai/sdk';
import type { AnalystName, AnalystUsage, Finding } from '../../shared/handoverData.js';
import { runAnalyst, type AnalystRunOutcome } from './analystLoop.js';
import { countLines, loadLogTable, type LogSource } from './logTable.js';
import { DEFAULT_ANTHROPIC_MODEL, estimateCostUsd } from './pricing.js';
import { ANALYSTS, buildSharedPrefix, type ModelAnalystName } from './prompt.js';

export const DEFAULT_DEADLINE_MS = 90_000;
export const DEFAULT_MAX_TURNS = 8;
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

export interface AnthropicAnalysisOptions {
  /** The archived raw log the citations point into. */
  logPath: string;
  /** extractLog(logPath).markdown */
  extractMarkdown: string;
  /** The offline analysis (only its findings are used); the fallback for each analyst. */
  offline: { findings: Finding[] };
  /** From ANTHROPIC_API_KEY (or the extension's SecretStorage, passed through the environment). */
  apiKey: string;
  /** A gateway or a test server; otherwise the SDK's default (it also reads ANTHROPIC_BASE_URL). */
  baseURL?: string;
  model?: string;
  /** Overall deadline for all three analysts, from the call. */
  deadlineMs?: number;
  maxTurns?: number;
  /** max_tokens of each request. */
  maxOutputTokens?: number;
  /** The SDK's retries for 408/409/429/5xx/529 and connection errors (SDK default: 2). */
  maxRetries?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** A ready client (tests, gateways needing more options); apiKey/baseURL/fetch/maxRetries are then ignored. */
  client?: Anthropic;
  /** Default true. False sends no cache_control (a gateway that rejects it; the benchmark's baseline). */
  promptCaching?: boolean;
  /** Default true. False starts all three at once (the benchmark's baseline). */
  staggerStart?: boolean;
  /** An already loaded log (shared with other callers); otherwise read once from logPath. */
  logSource?: LogSource;
}

export interface AnthropicAnalysis {
  findings: Finding[];
  usage: AnalystUsage[];
}

function offlineFallback(offline: readonly Finding[], analyst: AnalystName): Finding[] {
  return offline.filter((f) => f.analyst === analyst).map((f) => ({ ...f, fallback: true }));
}

/**
 * A successful analyst's findings, plus its offline findings on lines the model did not cite (the model
 * saw them and may have skipped them for brevity; the budget decides later). Those keep source 'offline'.
 */
function mergeWithOffline(model: Finding[], offline: readonly Finding[], analyst: AnalystName): Finding[] {
  const cited = new Set(model.flatMap((f) => f.citations.map((c) => c.line)));
  const rest = offline.filter((f) => f.analyst === analyst && !f.citations.some((c) => cited.has(c.line)));
  return [...model, ...rest];
}

/** Every analyst on its offline findings, with the reason (no key, an unexpected bug). */
export function allOffline(options: Pick<AnthropicAnalysisOptions, 'offline' | 'model'>, reason: string): AnthropicAnalysis {
  const model = options.model ?? DEFAULT_ANTHROPIC_MODEL;
  return {
    findings: ANALYSTS.flatMap((a) => offlineFallback(options.offline.findings, a)),
    usage: ANALYSTS.map((analyst) => ({
      analyst,
      model,
      inputTokens: 0,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
      outputTokens: 0,
      turns: 0,
      wallMs: 0,
      estimatedCostUsd: 0,
      fallbackReason: reason,
    })),
  };
}

/**
 * Runs the three analysts. Resolves within the deadline (plus the time to stop), never rejects: a
 * failing analyst stands on its offline findings, marked fallback, with usage.fallbackReason.
 */
export async function analyzeWithAnthropic(options: AnthropicAnalysisOptions): Promise<AnthropicAnalysis> {
  try {
    return await analyze(options);
  } catch (error) {
    return allOffline(options, `failed: ${(error as Error)?.message ?? String(error)}`);
  }
}

async function analyze(options: AnthropicAnalysisOptions): Promise<AnthropicAnalysis> {
  const now = options.now ?? Date.now;
  const started = now();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const model = options.model ?? DEFAULT_ANTHROPIC_MODEL;
  const promptCaching = options.promptCaching ?? true;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('deadline exceeded')), deadlineMs);
  timer.unref?.();

  const client =
    options.client ??
    new Anthropic({
      apiKey: options.apiKey,
      // Only the API key authenticates: never a token the SDK would otherwise pick up from the environment.
      authToken: null,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      maxRetries: options.maxRetries ?? 2,
      timeout: deadlineMs,
    });

  // The log is parsed once and shared by the three. Parsing a big log takes seconds: it runs while the
  // first request is in flight, and the tools wait for it.
  const logPromise: Promise<LogSource> = options.logSource ? Promise.resolve(options.logSource) : loadLogTable(options.logPath);
  logPromise.catch(() => undefined); // a failure surfaces in the analysts that need the log
  const log = () => logPromise;
  const logLines = options.logSource ? options.logSource.lineCount : await countLines(options.logPath).catch(() => undefined);

  const prefix = buildSharedPrefix({
    extractMarkdown: options.extractMarkdown,
    offlineFindings: options.offline.findings,
    logLines: logLines ?? 0,
    promptCaching,
  });

  const usage = new Map<AnalystName, AnalystUsage>();
  const findings = new Map<AnalystName, Finding[]>();

  const runOne = async (analyst: ModelAnalystName, onFirstResponse?: () => void): Promise<void> => {
    const t0 = now();
    let outcome: AnalystRunOutcome;
    if (logLines === undefined) {
      outcome = {
        ok: false,
        findings: [],
        tokens: { inputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, outputTokens: 0 },
        turns: 0,
        failure: `cannot read the log ${options.logPath}`,
        droppedFindings: 0,
        droppedCitations: 0,
      };
    } else {
      outcome = await runAnalyst({
        analyst,
        client,
        model,
        maxTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        maxTurns: options.maxTurns ?? DEFAULT_MAX_TURNS,
        prefix,
        promptCaching,
        log,
        signal: controller.signal,
        remainingMs: () => deadlineMs - (now() - started),
        onFirstResponse,
      });
    }
    onFirstResponse?.(); // also when it failed before any response: the others must not wait forever
    usage.set(analyst, {
      analyst,
      model,
      ...outcome.tokens,
      turns: outcome.turns,
      wallMs: now() - t0,
      estimatedCostUsd: estimateCostUsd(model, outcome.tokens),
      ...(outcome.ok ? {} : { fallbackReason: outcome.failure }),
    });
    findings.set(
      analyst,
      outcome.ok ? mergeWithOffline(outcome.findings, options.offline.findings, analyst) : offlineFallback(options.offline.findings, analyst),
    );
  };

  try {
    const [first, ...rest] = ANALYSTS;
    if (options.staggerStart === false) {
      await Promise.all(ANALYSTS.map((a) => runOne(a)));
    } else {
      let release!: () => void;
      const cacheWritten = new Promise<void>((resolve) => (release = resolve));
      const firstRun = runOne(first, () => release());
      await cacheWritten;
      await Promise.all([firstRun, ...rest.map((a) => runOne(a))]);
    }
  } finally {
    clearTimeout(timer);
  }
  return { findings: ANALYSTS.flatMap((a) => findings.get(a) ?? []), usage: ANALYSTS.map((a) => usage.get(a)!) };
}
