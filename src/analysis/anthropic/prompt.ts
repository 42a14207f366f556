// What the sub-agents are sent. The order is the cache design: tools → system prompt → the extract and
// the offline findings, all byte-identical for the three analysts and each ending in a cache_control
// breakpoint; only the analyst's own instruction (and its conversation) follows.
import type Anthropic from '@anthropic-ai/sdk';
import type { AnalystName, Finding } from '../../shared/handoverData.js';
import { redactSecrets } from '../../util/redact.js';
import { TOOL_DEFINITIONS, REPORT_TOOL } from './tools.js';

/** The analysts that run as model sub-agents. The user's refusals are read straight from the log (offline). */
export type ModelAnalystName = Exclude<AnalystName, 'refusals'>;
export const ANALYSTS: readonly ModelAnalystName[] = ['decisions', 'errors', 'rejected'];

/**
 * The extract goes in whole up to this size (~80k tokens), else its head and tail: a context window
 * holds it, and what is cut stays reachable through search_log.
 */
export const MAX_EXTRACT_BYTES = 320_000;

const EPHEMERAL = { type: 'ephemeral' } as const;

export const SYSTEM_PROMPT = `You are one of three analysts preparing a handover of an AI coding-agent session that is about to lose its context.
The session's raw log is a JSONL file; every line is one record. An extract of it follows: what the people said and what the model thought, nothing from tool inputs or outputs. The extract lost details a resumed agent needs.

Your job: search the ORIGINAL log with the tools for what the extract lost, in your analyst's area only, and report it with report_findings.
Rules:
- Cite log lines (1-based numbers as the tools return them). A citation must point at a line that itself shows the finding: the line must contain the finding's key terms (file paths, commands, error text, names, numbers). Findings with citations that do not hold are dropped automatically.
- Be concrete: exact file paths, commands, error messages, numbers, versions. No generic advice.
- Prefer what the extract does NOT already say. Offline heuristics already found the findings listed after the extract: confirm the ones that hold (re-report them with better titles and details), drop the wrong ones, add what they missed.
- Work in few turns: batch several tool calls in one turn. Call report_findings exactly once, at the end, with at most 12 findings, most important first.
- Every finding is a whole sentence stating a fact: never a heading or lead-in ending in ':', never an intention ("Now I'll add…"), never a question.
- The user's refusals of tool calls and their corrections are recorded separately: never report them as errors or rejected approaches.
- Secrets in the log are redacted as [REDACTED…]; never try to reconstruct them.`;

export const ANALYST_INSTRUCTIONS: Record<ModelAnalystName, string> = {
  decisions: `Analyst: decisions
Find the decisions made in this session: design choices, chosen libraries and versions, conventions agreed with the user. Look in thinking, assistant text and user messages, and in tool calls that carried a decision out. Title: the decision as one whole sentence. Detail: why it was made and which alternative it dismissed. Skip plans and next steps that choose nothing.`,
  errors: `Analyst: errors
Find the errors that show only in tool output: failing commands, failing tests, stack trace heads, permission and network failures. Start with list_tool_calls failed_only=true. Title: the distinctive line (an error code or exception line rather than a generic "not ok 6" or "1 failed"), then the command. Set status: "resolved" when a later run of the same command family (\`npm test\` and \`npm test 2>&1 | tail\` are one family), the same test file or target passed, or the whole suite passed at the end; otherwise "unresolved". Deduplicate repeated failures; unresolved errors matter most.`,
  rejected: `Analyst: rejected
Find approaches that were tried and then undone or abandoned, with evidence in the log: a reverted edit, an uninstalled package, a deleted file, an explicit "abandon", "doesn't work", "didn't help". For each: what was tried, why it was abandoned, what replaced it. Never report plans, pros and cons, or the user's own requests.`,
};

function capExtract(markdown: string): string {
  const bytes = Buffer.byteLength(markdown);
  if (bytes <= MAX_EXTRACT_BYTES) return markdown;
  const half = Math.floor(MAX_EXTRACT_BYTES / 2);
  const buffer = Buffer.from(markdown);
  const head = buffer.subarray(0, half).toString('utf8');
  const tail = buffer.subarray(bytes - half).toString('utf8');
  return `${head}\n\n… [${bytes - 2 * half} bytes of the extract omitted here; search_log reaches them] …\n\n${tail}`;
}

function describeOffline(findings: readonly Finding[]): string {
  const lines = ['# Offline findings (heuristics; verify them)', ''];
  for (const analyst of ANALYSTS) {
    const mine = findings.filter((f) => f.analyst === analyst);
    lines.push(`## ${analyst} (${mine.length})`);
    for (const f of mine) {
      const cites = f.citations.map((c) => c.line).join(', ');
      lines.push(`- ${f.title.replace(/\s+/g, ' ').trim()} [lines ${cites}]`);
      const detail = f.detail.replace(/\s+/g, ' ').trim();
      if (detail) lines.push(`  ${detail.length > 400 ? `${detail.slice(0, 400)}…` : detail}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export interface SharedPrefix {
  tools: Anthropic.Tool[];
  system: Anthropic.TextBlockParam[];
  /** The first user message's blocks before the analyst's instruction. */
  contextBlocks: Anthropic.TextBlockParam[];
}

/** Built once per handover and used by all three analysts, so it is the same bytes for each. */
export function buildSharedPrefix(input: {
  extractMarkdown: string;
  offlineFindings: readonly Finding[];
  logLines: number;
  promptCaching: boolean;
}): SharedPrefix {
  const cache = input.promptCaching ? { cache_control: EPHEMERAL } : {};
  const extract = `# Extract of the session log (${input.logLines} log lines)\n\n${capExtract(redactSecrets(input.extractMarkdown))}`;
  return {
    tools: TOOL_DEFINITIONS,
    system: [{ type: 'text', text: SYSTEM_PROMPT, ...cache }],
    contextBlocks: [
      { type: 'text', text: extract },
      { type: 'text', text: redactSecrets(describeOffline(input.offlineFindings)), ...cache },
    ],
  };
}

export function firstUserMessage(prefix: SharedPrefix, analyst: ModelAnalystName): Anthropic.MessageParam {
  return { role: 'user', content: [...prefix.contextBlocks, { type: 'text', text: `${ANALYST_INSTRUCTIONS[analyst]}\n\nWhen done, call ${REPORT_TOOL}.` }] };
}

/**
 * The request for the next turn. Key order matters only for byte-identity of the bodies the three
 * analysts send (model, max_tokens, tools, system, then messages). Later turns carry one more moving
 * breakpoint on the newest block, so each turn reads the conversation so far from the cache
 * (3 breakpoints in all; the API allows 4).
 */
export function buildRequest(input: {
  model: string;
  maxTokens: number;
  prefix: SharedPrefix;
  messages: Anthropic.MessageParam[];
  promptCaching: boolean;
}): Anthropic.MessageCreateParamsNonStreaming {
  const messages = input.messages.map((message, index) => {
    if (index === 0 || typeof message.content === 'string') return message;
    const isLast = index === input.messages.length - 1;
    const content = message.content.map((block, blockIndex) => {
      const { cache_control: _drop, ...rest } = block as Anthropic.ContentBlockParam & { cache_control?: unknown };
      void _drop;
      const wantsBreakpoint = input.promptCaching && isLast && message.role === 'user' && blockIndex === message.content.length - 1;
      return (wantsBreakpoint ? { ...rest, cache_control: EPHEMERAL } : rest) as Anthropic.ContentBlockParam;
    });
    return { ...message, content };
  });
  return { model: input.model, max_tokens: input.maxTokens, tools: input.prefix.tools, system: input.prefix.system, messages };
}
