// What a hook handler decides, before anything is printed: the CLI path and the early-dispatch path
// write it out the same way.

export interface HookOutcome {
  /** JSON for Claude Code, when there is a decision or context to give. */
  stdout?: string;
  /** One line for the user (Claude Code shows it in verbose mode). */
  stderr?: string;
  exitCode: number;
}

export const silentSuccess: HookOutcome = { exitCode: 0 };

/** Our own failures never break the user's session: exit 0 and say what went wrong in one line. */
export function softFailure(event: string, reason: string): HookOutcome {
  return { stderr: `handover hook ${event}: ${reason.split('\n')[0]}\n`, exitCode: 0 };
}
