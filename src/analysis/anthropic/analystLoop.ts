// One sub-agent: a Messages API tool-use loop that ends when the model calls report_findings.
// It never throws: every failure becomes an outcome with a reason, so the caller can fall back.
import Anthropic from '@anthropic-ai/sdk';
import type { Finding } from '../../shared/handoverData.js';
import { InvalidReportError, parseReport, validateFindings, type ReportedFinding } from './citations.js';
import type { LogSource } from './logTable.js';
import { buildRequest, firstUserMessage, type ModelAnalystName, type SharedPrefix } from './prompt.js';
import { REPORT_TOOL, runTool } from './tools.js';
import type { TokenCounts } from './pricing.js';

export interface AnalystRunOptions {
  analyst: ModelAnalystName;
  client: Anthropic;
  model: string;
  maxTokens: number;
  maxTurns: number;
  prefix: SharedPrefix;
  promptCaching: boolean;
  log: () => Promise<LogSource>;
  signal: AbortSignal;
  /** Milliseconds left before the overall deadline (for the SDK's own per-request timeout). */
  remainingMs: () => number;
  /** Called once, after the first response arrived (the shared prefix is then in the cache). */
  onFirstResponse?: (usage: Anthropic.Usage) => void;
}

export interface AnalystRunOutcome {
  ok: boolean;
  findings: Finding[];
  tokens: TokenCounts;
  turns: number;
  failure?: string;
  droppedFindings: number;
  droppedCitations: number;
}

const LAST_TURN_NUDGE = `This is your last turn: call ${REPORT_TOOL} now with what you have.`;
const REPORT_NUDGE = `Call ${REPORT_TOOL} with your findings (an empty list if there are none).`;

/** One line saying why a request failed, for usage.fallbackReason. */
export function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted || error instanceof Anthropic.APIUserAbortError) return 'deadline exceeded';
  if (error instanceof Anthropic.APIConnectionTimeoutError) return 'request timed out';
  if (error instanceof Anthropic.APIError && error.status !== undefined) {
    const kind = error.status === 429 ? 'rate limited' : error.status === 529 ? 'overloaded' : 'HTTP error';
    return `${kind} (HTTP ${error.status}${error.status === 429 || error.status >= 500 ? ', after retries' : ''})`;
  }
  if (error instanceof Anthropic.APIConnectionError) return `connection failed: ${error.message}`;
  if (error instanceof SyntaxError) return 'invalid JSON in the API response';
  if (error instanceof InvalidReportError) return `invalid output: ${error.message}`;
  return `failed: ${(error as Error)?.message ?? String(error)}`;
}

/** Accepts a final answer given as JSON text instead of the tool (some gateways strip tool use). */
function reportFromText(message: Anthropic.Message): ReportedFinding[] | undefined {
  const text = message.content
    .filter((b): b is Anthropic.TextBlock => b.type === 'text')
    .map((b) => b.text)
    .join('\n');
  const json = /```(?:json)?\s*(\{[\s\S]*\})\s*```/.exec(text)?.[1] ?? (text.trim().startsWith('{') ? text.trim() : undefined);
  if (!json) return undefined;
  try {
    return parseReport(JSON.parse(json));
  } catch {
    return undefined;
  }
}

export async function runAnalyst(options: AnalystRunOptions): Promise<AnalystRunOutcome> {
  const tokens: TokenCounts = { inputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, outputTokens: 0 };
  const messages: Anthropic.MessageParam[] = [firstUserMessage(options.prefix, options.analyst)];
  let turns = 0;
  let firstSeen = false;
  const fail = (failure: string): AnalystRunOutcome => ({ ok: false, findings: [], tokens, turns, failure, droppedFindings: 0, droppedCitations: 0 });

  try {
    while (turns < options.maxTurns) {
      if (options.signal.aborted) return fail('deadline exceeded');
      const request = buildRequest({
        model: options.model,
        maxTokens: options.maxTokens,
        prefix: options.prefix,
        messages,
        promptCaching: options.promptCaching,
      });
      const response = await options.client.messages.create(request, { signal: options.signal, timeout: Math.max(1, options.remainingMs()) });
      turns++;
      tokens.inputTokens += response.usage.input_tokens ?? 0;
      tokens.cacheCreationInputTokens += response.usage.cache_creation_input_tokens ?? 0;
      tokens.cacheReadInputTokens += response.usage.cache_read_input_tokens ?? 0;
      tokens.outputTokens += response.usage.output_tokens ?? 0;
      if (!firstSeen) {
        firstSeen = true;
        options.onFirstResponse?.(response.usage);
      }
      if (!Array.isArray(response.content)) throw new InvalidReportError('the API response has no content');

      const report = response.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use' && b.name === REPORT_TOOL);
      const reported = report ? parseReport(report.input) : response.stop_reason !== 'tool_use' ? reportFromText(response) : undefined;
      if (reported) {
        const log = await options.log();
        const validated = await validateFindings(log, options.analyst, reported);
        if (reported.length > 0 && validated.findings.length === 0) {
          return {
            ...fail(`invalid output: none of ${reported.length} finding(s) had a citation that holds`),
            droppedFindings: validated.droppedFindings,
            droppedCitations: validated.droppedCitations,
          };
        }
        return {
          ok: true,
          findings: validated.findings,
          tokens,
          turns,
          droppedFindings: validated.droppedFindings,
          droppedCitations: validated.droppedCitations,
        };
      }

      messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] });
      const toolUses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
      const lastTurnNext = turns === options.maxTurns - 1;
      if (toolUses.length === 0) {
        // The model stopped without reporting: ask once more, if a turn is left.
        messages.push({ role: 'user', content: [{ type: 'text', text: lastTurnNext ? LAST_TURN_NUDGE : REPORT_NUDGE }] });
        continue;
      }
      const log = await options.log();
      const results: Anthropic.ContentBlockParam[] = [];
      for (const use of toolUses) {
        const result = await runTool(log, use.name, use.input);
        results.push({ type: 'tool_result', tool_use_id: use.id, content: result.content, ...(result.isError ? { is_error: true } : {}) });
      }
      if (lastTurnNext) results.push({ type: 'text', text: LAST_TURN_NUDGE });
      messages.push({ role: 'user', content: results });
    }
    return fail(`no ${REPORT_TOOL} within ${options.maxTurns} turns`);
  } catch (error) {
    return fail(describeFailure(error, options.signal));
  }
}
