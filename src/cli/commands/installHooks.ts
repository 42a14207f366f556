// `handover install-hooks` / `uninstall-hooks`: our three hook entries in a Claude Code settings file.
import { resolve } from 'node:path';
import { defaultBaseCommand, installHooks, SettingsFileError, settingsPathFor, uninstallHooks, type SettingsScope } from '../../hooks/install.js';
import { handoverHome } from '../../util/handoverHome.js';
import { claudePlugin, PLUGIN_ID, pluginEnabledIn, PluginInstallError } from '../../hooks/claudePlugin.js';
import { EXIT_OTHER_INSTALL } from './installPlugin.js';
import { CliError, type CliCommand, type ParsedCommandArgs } from '../command.js';
import type { CliIo } from '../command.js';

const scopeOptions = {
  workspace: { type: 'string', short: 'w' },
  scope: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function settingsPath({ values }: ParsedCommandArgs, io: CliIo): string {
  const scope = (values.scope as string | undefined) ?? 'local';
  if (scope !== 'local' && scope !== 'project' && scope !== 'user') throw new CliError(`--scope must be local, project or user, not '${scope}'`, 2);
  return settingsPathFor(scope as SettingsScope, resolve(io.cwd, (values.workspace as string | undefined) ?? '.'), io.env);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SettingsFileError) throw new CliError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`cannot write the settings file: ${code} ${(error as Error).message}`);
    throw error;
  }
}

export const installHooksCommand: CliCommand = {
  name: 'install-hooks',
  summary: 'Add the Handover hooks (PreCompact, PreToolUse, SessionStart) to a Claude Code settings file.',
  usage: 'handover install-hooks [--workspace DIR] [--scope local|project|user] [--command CMD] [--switch [--claude CMD]] [--json]',
  options: { ...scopeOptions, command: { type: 'string' }, switch: { type: 'boolean' }, claude: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = settingsPath(args, io);
    const given = (args.values.command as string | undefined)?.trim();
    if (given === '') throw new CliError('--command must not be empty', 2);
    // The plugin runs the same hooks: never both.
    const workspace = resolve(io.cwd, (args.values.workspace as string | undefined) ?? '.');
    const plugin = pluginEnabledIn(workspace, io.env);
    if (plugin.length && !args.values.switch) {
      throw new CliError(`the Handover Claude Code plugin (${PLUGIN_ID}) is enabled in ${plugin.join(', ')} and runs these hooks already; uninstall it first ('handover uninstall-plugin') or pass --switch`, EXIT_OTHER_INSTALL);
    }
    if (plugin.length) {
      try {
        claudePlugin((args.values.claude as string | undefined)?.trim() || 'claude', ['uninstall', PLUGIN_ID], io.env, workspace);
      } catch (error) {
        if (error instanceof PluginInstallError) throw new CliError(error.message);
        throw error;
      }
    }
    const base = given ?? defaultBaseCommand(handoverHome(io.env));
    const result = await guarded(() => installHooks(path, base));
    if (args.values.json) io.stdout(JSON.stringify({ ...result, command: base }) + '\n');
    else io.stdout(`${result.changed ? 'installed the Handover hooks in' : 'the Handover hooks are already installed in'} ${path} (command: ${base} hook …)\n`);
    return 0;
  },
};

export const uninstallHooksCommand: CliCommand = {
  name: 'uninstall-hooks',
  summary: 'Remove the Handover hooks, and nothing else, from a Claude Code settings file.',
  usage: 'handover uninstall-hooks [--workspace DIR] [--scope local|project|user] [--json]',
  options: scopeOptions,
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = settingsPath(args, io);
    const result = await guarded(() => uninstallHooks(path));
    if (args.values.json) io.stdout(JSON.stringify(result) + '\n');
    else io.stdout(result.changed ? `removed ${result.removed} Handover hook entries from ${path}\n` : `no Handover hooks in ${path}\n`);
    return 0;
  },
};
