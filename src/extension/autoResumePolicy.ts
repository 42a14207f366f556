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

/** Identity of one handover's content for the "at most once" rule: a session rebuilt later is new. */
export function resumeKey(folder: string, id: string, createdAt: string): string {
  return `${folder}\u0000${id}\u0000${createdAt}`;
}
