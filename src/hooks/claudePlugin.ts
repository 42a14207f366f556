// The Claude Code plugin as an alternative to hooks in a settings file: both run the same three hooks
// through the same launcher, so a user has one or the other, never both (each hook would fire twice).
// The plugin is installed from a local marketplace staged under $HANDOVER_HOME, a stable folder:
// Claude Code loads a directory marketplace's plugin in place, and the extension's own folder moves
// with every update.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isOurCommand, settingsPathFor, type SettingsScope } from './install.js';

export const PLUGIN_NAME = 'handover';
export const MARKETPLACE_NAME = 'handover-dev';
export const PLUGIN_ID = `${PLUGIN_NAME}@${MARKETPLACE_NAME}`;
const SCOPES: SettingsScope[] = ['local', 'project', 'user'];

/** A problem installing the plugin the user can act on: one line. */
export class PluginInstallError extends Error {}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Settings files (any scope) that enable the Handover plugin. */
export function pluginEnabledIn(workspace: string, env: NodeJS.ProcessEnv): string[] {
  return SCOPES.map((scope) => settingsPathFor(scope, workspace, env)).filter((path) => {
    const enabled = readJson(path)?.enabledPlugins;
    return typeof enabled === 'object' && enabled !== null && (enabled as Record<string, unknown>)[PLUGIN_ID] === true;
  });
}

/** Scopes whose settings file holds our hook entries. */
export function hooksInstalledIn(workspace: string, env: NodeJS.ProcessEnv): Array<{ scope: SettingsScope; path: string }> {
  const found: Array<{ scope: SettingsScope; path: string }> = [];
  for (const scope of SCOPES) {
    const path = settingsPathFor(scope, workspace, env);
    const hooks = readJson(path)?.hooks;
    if (!hooks || typeof hooks !== 'object') continue;
    const commands = Object.values(hooks as Record<string, unknown>)
      .flatMap((groups) => (Array.isArray(groups) ? groups : []))
      .flatMap((group) => (Array.isArray((group as { hooks?: unknown })?.hooks) ? (group as { hooks: Array<{ command?: unknown }> }).hooks : []));
    if (commands.some((hook) => isOurCommand(hook?.command))) found.push({ scope, path });
  }
  return found;
}

export function stagedMarketplaceDir(home: string): string {
  return join(home, 'claude-marketplace');
}

/**
 * Copies the marketplace (`.claude-plugin/marketplace.json` and `plugin/`) from the package (the
 * repository or the installed extension) to $HANDOVER_HOME/claude-marketplace, replacing what was
 * there in one rename so a running session never sees half a plugin.
 */
export async function stageMarketplace(home: string, packageRoot: string): Promise<string> {
  const manifest = join(packageRoot, '.claude-plugin', 'marketplace.json');
  if (!existsSync(manifest) || !existsSync(join(packageRoot, 'plugin', '.claude-plugin', 'plugin.json'))) {
    throw new PluginInstallError(`no Claude Code plugin in ${packageRoot} (.claude-plugin/marketplace.json and plugin/ are missing)`);
  }
  const target = stagedMarketplaceDir(home);
  const temp = `${target}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(join(temp, '.claude-plugin'), { recursive: true });
  await cp(manifest, join(temp, '.claude-plugin', 'marketplace.json'));
  await cp(join(packageRoot, 'plugin'), join(temp, 'plugin'), { recursive: true });
  const old = `${target}.${process.pid}.old`;
  if (existsSync(target)) await rename(target, old);
  await rename(temp, target);
  await rm(old, { recursive: true, force: true });
  return target;
}

/** Runs `claude plugin …` (an argument array, no shell); throws with claude's own last line on failure. */
export function claudePlugin(claude: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const result = spawnSync(claude, ['plugin', ...args], { env, cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw new PluginInstallError(`cannot run ${claude}: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}`);
  if (result.status !== 0) {
    const line = `${result.stderr}\n${result.stdout}`.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.status}`;
    throw new PluginInstallError(`claude plugin ${args[0]} failed: ${line}`);
  }
  return result.stdout;
}
