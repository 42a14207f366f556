// Where the agents keep their logs and settings, honouring the same variables the agents do:
// Claude Code reads `CLAUDE_CONFIG_DIR` (default ~/.claude), Codex reads `CODEX_HOME` (default ~/.codex).
// Every reader of agent folders goes through here so search, "Create Handover Now" and the hook
// installer always look at the same place.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOME?.trim() || homedir();
}

export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR?.trim() || join(userHome(env), '.claude');
}

/** `<config>/projects`: one folder per workspace, each holding `<session-id>.jsonl`. */
export function claudeProjectsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(claudeConfigDir(env), 'projects');
}

/** Claude Code names a workspace's log folder after its path with every non-alphanumeric char as '-'. */
export function claudeProjectDir(workspace: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(claudeProjectsDir(env), workspace.replace(/[^a-zA-Z0-9]/g, '-'));
}

export function codexHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.CODEX_HOME?.trim() || join(userHome(env), '.codex');
}

/** `<codex home>/sessions/YYYY/MM/DD/rollout-*.jsonl`. */
export function codexSessionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(codexHome(env), 'sessions');
}
