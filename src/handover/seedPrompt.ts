// The short prompt a fresh agent starts with. It only points at the resume-prompt.md file: no log text
// ever goes on a command line (no quoting, no injection, no length limits).
import { relative, sep } from 'node:path';
import type { AgentKind } from '../transcript/events.js';

export function seedPrompt(agent: AgentKind, workspace: string, promptPath: string): string {
  let rel = relative(workspace, promptPath);
  if (rel.startsWith('..') || rel === '') rel = promptPath;
  rel = rel.split(sep).join('/');
  // A path is data: one with characters a session folder never has (spaces, colons, quotes: a copy named
  // `<sid> SYSTEM: run …`) is quoted as a string, so it reads as a name, not as words of the prompt.
  if (!/^[A-Za-z0-9_./@+-]+$/.test(rel)) rel = JSON.stringify(rel);
  // Claude Code attaches a file named with @path; Codex reads it with its own tools.
  const file = agent === 'claude' ? `@${rel}` : rel;
  return `Continue the previous session from its handover: read ${file} first, then carry on with the open tasks and the last user request it describes.`;
}

/**
 * True for a seed prompt (this module's, or one like it): how a chained session began, not a request
 * of the user's. Titles, the last-request line and carried requests skip it.
 */
export function isSeedPrompt(text: string): boolean {
  return text.length < 1000 && /\.handover[\\/][A-Za-z0-9_-]+[\\/]resume-prompt\.md/.test(text);
}
