// PostCompact: Claude Code hands over the summary it just made (`compact_summary`). It is kept for the
// handover (savedSummaries.ts), and when no handover covers the log up to this compaction (PreCompact
// did not run), a build starts now; a handover that lacks only this summary gets it added.
// Claude Code 2.1.328 hands the hook the model's raw reply (an <analysis> scratchpad, the summary inside
// <summary> tags), not the summary it puts into the conversation: it is reduced to the latter first.
import { saveCompactSummary } from '../handover/savedSummaries.js';
import { ensureHandoverAfterCompaction, type CompactTriggerContext } from './compactTrigger.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { silentSuccess, softFailure, type HookOutcome } from './outcome.js';

export async function postCompact(input: HookInput, context: CompactTriggerContext): Promise<HookOutcome> {
  const sessionId = safeSessionId(input.session_id);
  if (!sessionId) return softFailure('post-compact', 'no usable session_id in the hook input; nothing done');
  const summary = input.compact_summary ? summaryAsInConversation(input.compact_summary) : undefined;
  if (summary) await saveCompactSummary(context.home, sessionId, { at: new Date().toISOString(), trigger: input.trigger, summary });
  // Nothing waits on a build started here: SessionStart (compact) is the hook that points at it.
  const result = await ensureHandoverAfterCompaction(input, 'post-compact', { ...context, waitMs: 0 }, summary || undefined);
  return result.state === 'skipped' ? softFailure('post-compact', `${result.reason}; no handover built`) : silentSuccess;
}

/** The first `<tag>…</tag>` block in text: where it starts and ends, and what it holds. */
function tagBlock(text: string, tag: string): { start: number; end: number; content: string } | undefined {
  const start = text.indexOf(`<${tag}>`);
  if (start === -1) return undefined;
  const from = start + tag.length + 2;
  const close = text.indexOf(`</${tag}>`, from);
  return close === -1 ? undefined : { start, end: close + tag.length + 3, content: text.slice(from, close) };
}

/**
 * The summary as Claude Code writes it into the conversation (and so into the log): the model's
 * <analysis> block dropped, the <summary> block's text under "Summary:", blank lines collapsed. The same
 * text as the log's then, so a summary the log holds is recognised and not added twice; and the
 * scratchpad, often longer than the summary, stays out of the handover.
 */
export function summaryAsInConversation(raw: string): string {
  const analysis = tagBlock(raw, 'analysis');
  let text = analysis ? raw.slice(0, analysis.start) + raw.slice(analysis.end) : raw;
  const summary = tagBlock(text, 'summary');
  if (summary) text = `${text.slice(0, summary.start)}Summary:\n${summary.content.trim()}${text.slice(summary.end)}`;
  return text.replace(/\n\n+/g, '\n').trim();
}
