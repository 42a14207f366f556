// What a later session of a chain shows about work an earlier one left open: the last outcome of each
// shell command it ran. An error carried from an earlier session is settled when the same command
// passes here. Read only for sessions that are part of a chain, so it costs unchained builds nothing.
import { readTranscript } from '../transcript/reader.js';
import type { Citation } from '../shared/handoverData.js';
import { redactSecrets } from '../util/redact.js';
import { shellCallOf } from './toolInputs.js';
import { commandKey, displayCommand, looksFailed } from './toolOutput.js';

export interface CommandOutcome {
  /** The command as the handover displays it. */
  display: string;
  passed: boolean;
  /** The result's line. */
  at: Citation;
}

/**
 * The key a command is compared under across sessions: built from its displayed form, because that is
 * all an earlier handover kept of it (an error's title opens with the command in backticks).
 */
export function displayKey(display: string): string {
  return commandKey(display).toLowerCase();
}

/** The command an error finding's title names (`` `npm test` failed (exit 1): … ``), if it names one. */
export function commandOfErrorTitle(title: string): string | undefined {
  return /^`([^`]+)` failed\b/.exec(title)?.[1];
}

/** Last outcome per command (main thread only: a subagent's runs are its own business). */
export async function lastCommandOutcomes(logPath: string): Promise<Map<string, CommandOutcome>> {
  const calls = new Map<string, string>();
  const outcomes = new Map<string, CommandOutcome>();
  await readTranscript(logPath, (event) => {
    if (event.sidechain) return;
    if (event.kind === 'tool-call') {
      const shell = shellCallOf(event);
      if (shell) calls.set(event.callId, displayCommand(redactSecrets(shell.command.length > 4000 ? shell.command.slice(0, 4000) : shell.command)));
      return;
    }
    if (event.kind !== 'tool-result') return;
    const display = calls.get(event.callId);
    if (display === undefined) return;
    calls.delete(event.callId);
    const failed = event.isError || (event.exitCode !== undefined && event.exitCode !== 0) || looksFailed(event.text);
    const at: Citation = event.uuid ? { line: event.line, uuid: event.uuid } : { line: event.line };
    const key = displayKey(display);
    outcomes.delete(key); // re-inserted: the Map's order is the order of last runs
    outcomes.set(key, { display, passed: !failed, at });
  });
  return outcomes;
}
