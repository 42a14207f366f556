// PostCompact: Claude Code hands over the summary it just made (`compact_summary`). It is kept for the
// handover (savedSummaries.ts), and when no handover covers the log up to this compaction (PreCompact
// did not run), a build starts now; a handover that lacks only this summary gets it added.
import { saveCompactSummary } from '../handover/savedSummaries.js';
import { ensureHandoverAfterCompaction, type CompactTriggerContext } from './compactTrigger.js';
import type { HookInput } from './hookInput.js';
import { safeSessionId } from './hookInput.js';
import { silentSuccess, softFailure, type HookOutcome } from './outcome.js';

export async function postCompact(input: HookInput, context: CompactTriggerContext): Promise<HookOutcome> {
  const sessionId = safeSessionId(input.session_id);
  if (!sessionId) return softFailure('post-compact', 'no usable session_id in the hook input; nothing done');
  if (input.compact_summary)
    await saveCompactSummary(context.home, sessionId, { at: new Date().toISOString(), trigger: input.trigger, summary: input.compact_summary });
  // Nothing waits on a build started here: SessionStart (compact) is the hook that points at it.
  const result = await ensureHandoverAfterCompaction(input, 'post-compact', { ...context, waitMs: 0 }, input.compact_summary);
  return result.state === 'skipped' ? softFailure('post-compact', `${result.reason}; no handover built`) : silentSuccess;
}
