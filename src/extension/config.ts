// The extension's settings, typed, in one place. Everything else asks this module, never
// workspace.getConfiguration directly, so defaults and validation live next to each other.
import * as vscode from 'vscode';
import { DEFAULT_PROACTIVE_THRESHOLD } from '../analysis/contextUsage.js';
import { DEFAULT_WATCH_GLOB } from '../shared/handoverData.js';

export type AutoResume = 'ask' | 'always' | 'never';
/** `claude-panel`: Claude Code's VS Code panel with the seed filled in, instead of a terminal. */
export type AgentKindSetting = 'claude' | 'codex' | 'claude-panel';
export type AnalyzerSetting = 'offline' | 'anthropic';

export interface HandoverConfig {
  autoResume: AutoResume;
  agentKind: AgentKindSetting;
  /** Whether agent.kind was set anywhere (user, workspace, folder): unset, a handover resumes in its own agent. */
  agentKindSet: boolean;
  /** The agent executable: a name looked up on PATH or an absolute path. */
  agentCommand: string;
  agentArgs: string[];
  watchGlob: string;
  analyzer: AnalyzerSetting;
  blockCompaction: boolean;
  denyBashWhileBuilding: boolean;
  /** Build a handover when a Codex session of this workspace compacts (Codex has no hooks). */
  codexAutoHandover: boolean;
  /** Proactive mode: build the handover when the context passes the threshold, before any compaction. */
  proactive: boolean;
  proactiveThreshold: number;
}

export const CONFIG_SECTION = 'handover';

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

export function readConfig(scope?: vscode.ConfigurationScope): HandoverConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const agentKind = oneOf(c.get('agent.kind'), ['claude', 'codex', 'claude-panel'] as const, 'claude');
  const command = (c.get<string>('agent.command') ?? '').trim();
  const args = c.get<unknown>('agent.args');
  const kind = c.inspect('agent.kind');
  const agentKindSet = [kind?.globalValue, kind?.workspaceValue, kind?.workspaceFolderValue].some(
    (v) => v === 'claude' || v === 'codex' || v === 'claude-panel',
  );
  return {
    autoResume: oneOf(c.get('autoResume'), ['ask', 'always', 'never'] as const, 'ask'),
    agentKind,
    agentKindSet,
    agentCommand: command || (agentKind === 'claude-panel' ? 'claude' : agentKind),
    agentArgs: Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [],
    watchGlob: (c.get<string>('watchGlob') ?? '').trim() || DEFAULT_WATCH_GLOB,
    analyzer: oneOf(c.get('analyzer'), ['offline', 'anthropic'] as const, 'offline'),
    blockCompaction: c.get<boolean>('blockCompaction') === true,
    denyBashWhileBuilding: c.get<boolean>('denyBashWhileBuilding') === true,
    codexAutoHandover: c.get<boolean>('codex.autoHandover') !== false,
    proactive: c.get<boolean>('proactive.enabled') === true,
    proactiveThreshold: threshold(c.get<unknown>('proactive.threshold')),
  };
}

/** A share of the context window from 0.5 to 0.99; anything else is the default. */
function threshold(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.5 && value <= 0.99 ? value : DEFAULT_PROACTIVE_THRESHOLD;
}

/** The hook settings at each level: the hooks are machine-wide, so only the user's own values apply. */
export function readHookSettingLevels() {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    blockCompaction: c.inspect<boolean>('blockCompaction'),
    denyBashWhileBuilding: c.inspect<boolean>('denyBashWhileBuilding'),
    proactive: c.inspect<boolean>('proactive.enabled'),
    proactiveThreshold: c.inspect<number>('proactive.threshold'),
  };
}

/** Opens the Settings editor on one of our settings (used by error buttons). */
export function openSetting(key: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.${key}`);
}
