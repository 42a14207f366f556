// What the Claude Code hooks need from the extension: a launcher that runs the bundled CLI with VS
// Code's own runtime (refreshed on every activation, since VS Code updates move it), and the hook
// settings mirrored from VS Code's settings into $HANDOVER_HOME/settings.json.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { stageMarketplace, stagedMarketplaceDir } from '../hooks/claudePlugin.js';
import { writeLauncher } from '../hooks/launcher.js';
import { writeHookSettings } from '../hooks/settings.js';
import type { HandoverConfig } from './config.js';

export async function refreshLauncher(home: string, cliPath: string): Promise<string> {
  return writeLauncher(home, { runtime: process.execPath, cliPath, electron: true });
}

export async function mirrorHookSettings(home: string, config: HandoverConfig): Promise<void> {
  await writeHookSettings(home, { blockCompaction: config.blockCompaction, denyBash: config.denyBashWhileBuilding });
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
