// What the Claude Code hooks need from the extension: a launcher that runs the bundled CLI with VS
// Code's own runtime (refreshed on every activation, since VS Code updates move it), and the hook
// settings mirrored from VS Code's settings into $HANDOVER_HOME/settings.json.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { stageMarketplace, stagedMarketplaceDir } from '../hooks/claudePlugin.js';
import { writeLauncher } from '../hooks/launcher.js';
import { DEFAULT_PROACTIVE_THRESHOLD, writeHookSettings } from '../hooks/settings.js';

export async function refreshLauncher(home: string, cliPath: string): Promise<string> {
  return writeLauncher(home, { runtime: process.execPath, cliPath, electron: true });
}

/** A setting as VS Code reports it per level (`WorkspaceConfiguration.inspect`). */
export interface SettingLevels<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The hook settings are machine-wide (every Claude Code session on this machine obeys them), so only the
 * user's own (global) values count: a repository's .vscode/settings.json must not change the hooks of
 * every other workspace (issue 12).
 */
export function machineHookSettings(
  blockCompaction: SettingLevels<unknown> | undefined,
  denyBash: SettingLevels<unknown> | undefined,
  proactive?: SettingLevels<unknown>,
  proactiveThreshold?: SettingLevels<unknown>,
): { blockCompaction: boolean; denyBash: boolean; proactive: boolean; proactiveThreshold: number } {
  const threshold = proactiveThreshold?.globalValue;
  return {
    blockCompaction: blockCompaction?.globalValue === true,
    denyBash: denyBash?.globalValue === true,
    proactive: proactive?.globalValue === true,
    proactiveThreshold:
      typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0.5 && threshold <= 0.99 ? threshold : DEFAULT_PROACTIVE_THRESHOLD,
  };
}

export async function mirrorHookSettings(
  home: string,
  levels: {
    blockCompaction?: SettingLevels<unknown>;
    denyBashWhileBuilding?: SettingLevels<unknown>;
    proactive?: SettingLevels<unknown>;
    proactiveThreshold?: SettingLevels<unknown>;
  },
): Promise<void> {
  await writeHookSettings(home, machineHookSettings(levels.blockCompaction, levels.denyBashWhileBuilding, levels.proactive, levels.proactiveThreshold));
}

/**
 * Once the plugin was installed, its staged marketplace follows the extension: re-copied on every
 * activation, so an extension update updates the plugin too. Returns whether it was refreshed.
 */
export async function refreshStagedPlugin(home: string, cliPath: string): Promise<boolean> {
  if (!existsSync(stagedMarketplaceDir(home))) return false;
  await stageMarketplace(home, dirname(dirname(cliPath)));
  return true;
}
