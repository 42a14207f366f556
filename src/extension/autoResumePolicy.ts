// When a handover arrives, what happens: launch, ask, or nothing. Pure, so the rules are easy to read
// and test: only trusted workspaces, only verified handovers, each at most once, never on the initial
// scan (a handover that was already there when the window opened was seen, or deliberately left alone).
import type { AutoResume } from './config.js';

export type ResumeDecision = 'launch' | 'ask' | 'none';

export interface ArrivalFacts {
  setting: AutoResume;
  workspaceTrusted: boolean;
  verified: boolean;
  alreadyResumed: boolean;
  /** Already asked about it in this window (a rewrite fires several events). */
  alreadyAsked: boolean;
  /** Seen on the initial scan rather than arriving while the window was open. */
  initial: boolean;
  /**
   * Built by proactive mode while the session still runs (nothing was compacted): the user is offered
   * the fresh session, never switched to it unasked.
   */
  proactive?: boolean;
}

export function decideOnArrival(f: ArrivalFacts): ResumeDecision {
  if (f.initial || !f.workspaceTrusted || !f.verified || f.alreadyResumed || f.setting === 'never') return 'none';
  if (f.setting === 'always' && !f.proactive) return 'launch';
  return f.alreadyAsked ? 'none' : 'ask';
}

/**
 * Identity of one handover's content for the "at most once" rule: the sha256 of its resume-prompt.md,
 * so a copy or a rename of the folder is the same handover (issue 12), and a session rebuilt later is
 * new. Without a hash (unreadable prompt), the place and time stand in.
 */
export function resumeKey(folder: string, id: string, createdAt: string, promptSha256?: string): string {
  return promptSha256 ? `sha256:${promptSha256}` : `${folder}\u0000${id}\u0000${createdAt}`;
}

/**
 * Whether what is about to be launched is what was decided on: loaded again at launch, the prompt must
 * have the same content (hash), and a handover that was verified must still verify.
 */
export function launchCheck(
  shown: { promptSha256?: string; verified: boolean },
  now: { promptSha256?: string; verified: boolean } | undefined,
): { ok: true } | { ok: false; reason: string } {
  if (!now) return { ok: false, reason: 'it is gone' };
  if (!shown.promptSha256 || now.promptSha256 !== shown.promptSha256) return { ok: false, reason: 'resume-prompt.md changed since it was shown' };
  if (shown.verified && !now.verified) return { ok: false, reason: 'it no longer verifies' };
  return { ok: true };
}
