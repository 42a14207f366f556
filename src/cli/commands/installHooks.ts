// `handover install-hooks` / `uninstall-hooks`: our hook entries in a Claude Code settings file.
import { resolve } from 'node:path';
import { defaultBaseCommand, installHooks, SettingsFileError, settingsPathFor, uninstallHooks, type SettingsScope } from '../../hooks/install.js';
import { handoverHome } from '../../util/handoverHome.js';
import { codexMcpCommand, installCodex, uninstallCodex } from '../../hooks/codexInstall.js';
import { launcherPath } from '../../hooks/launcher.js';
import { codexHome } from '../../util/agentHomes.js';
import { claudePlugin, PLUGIN_ID, pluginEnabledIn, PluginInstallError } from '../../hooks/claudePlugin.js';
import { EXIT_OTHER_INSTALL } from './installPlugin.js';
import { CliError, type CliCommand, type ParsedCommandArgs } from '../command.js';
import type { CliIo } from '../command.js';

const scopeOptions = {
  workspace: { type: 'string', short: 'w' },
  scope: { type: 'string' },
  agent: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `--agent claude` (default: a Claude Code settings file) or `--agent codex` ($CODEX_HOME). */
function agentOf({ values }: ParsedCommandArgs): 'claude' | 'codex' {
  const agent = (values.agent as string | undefined) ?? 'claude';
  if (agent !== 'claude' && agent !== 'codex') throw new CliError(`--agent must be claude or codex, not '${agent}'`, 2);
  if (agent === 'codex' && values.scope !== undefined)
    throw new CliError('--scope is for Claude Code; Codex hooks go in $CODEX_HOME (set CODEX_HOME to choose another)', 2);
  return agent;
}

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
  summary: 'Add the Handover hooks to a Claude Code settings file, or (--agent codex) hooks and the MCP server to $CODEX_HOME.',
  usage: 'handover install-hooks [--agent claude|codex] [--workspace DIR] [--scope local|project|user] [--command CMD] [--switch [--claude CMD]] [--json]',
  options: { ...scopeOptions, command: { type: 'string' }, switch: { type: 'boolean' }, claude: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const agent = agentOf(args);
    const given = (args.values.command as string | undefined)?.trim();
    if (given === '') throw new CliError('--command must not be empty', 2);
    if (agent === 'codex') return installForCodex(args, io, given);
    const path = settingsPath(args, io);
    // The plugin runs the same hooks: never both.
    const workspace = resolve(io.cwd, (args.values.workspace as string | undefined) ?? '.');
    const plugin = pluginEnabledIn(workspace, io.env);
    if (plugin.length && !args.values.switch) {
      throw new CliError(
        `the Handover Claude Code plugin (${PLUGIN_ID}) is enabled in ${plugin.join(', ')} and runs these hooks already; uninstall it first ('handover uninstall-plugin') or pass --switch`,
        EXIT_OTHER_INSTALL,
      );
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
  summary: 'Remove the Handover hooks (and, for Codex, the MCP server), and nothing else.',
  usage: 'handover uninstall-hooks [--agent claude|codex] [--workspace DIR] [--scope local|project|user] [--json]',
  options: scopeOptions,
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    if (agentOf(args) === 'codex') {
      const result = await guarded(() => uninstallCodex(io.env));
      if (args.values.json) io.stdout(JSON.stringify(result) + '\n');
      else
        io.stdout(
          `${result.removedHooks ? `removed ${result.removedHooks} Handover hook entries from ${result.hooksPath}` : `no Handover hooks in ${result.hooksPath}`}; ${result.configChanged ? `removed [mcp_servers.handover] from ${result.configPath}` : `no Handover MCP server in ${result.configPath}`}\n`,
        );
      return 0;
    }
    const path = settingsPath(args, io);
    const result = await guarded(() => uninstallHooks(path));
    if (args.values.json) io.stdout(JSON.stringify(result) + '\n');
    else io.stdout(result.changed ? `removed ${result.removed} Handover hook entries from ${path}\n` : `no Handover hooks in ${path}\n`);
    return 0;
  },
};

/** Codex: PreCompact + SessionStart in $CODEX_HOME/hooks.json, the MCP server in config.toml. */
async function installForCodex(args: ParsedCommandArgs, io: CliIo, given: string | undefined): Promise<number> {
  const home = handoverHome(io.env);
  const base = given ?? defaultBaseCommand(home);
  // The server must read the same homes as this install (Codex passes MCP servers almost no environment).
  const mcp = { ...codexMcpCommand(launcherPath(home)), env: { HANDOVER_HOME: home, CODEX_HOME: codexHome(io.env) } };
  const result = await guarded(() => installCodex(io.env, base, mcp));
  if (args.values.json) io.stdout(JSON.stringify({ ...result, command: base, mcp }) + '\n');
  else {
    io.stdout(
      `${result.hooksChanged ? 'installed the Handover hooks (PreCompact, SessionStart) in' : 'the Handover hooks are already in'} ${result.hooksPath} (command: ${base} hook …)\n` +
        `${result.configChanged ? 'added the Handover MCP server to' : 'the Handover MCP server is already in'} ${result.configPath} ([mcp_servers.handover]: ${[mcp.command, ...mcp.args].join(' ')})\n` +
        // Codex runs a new or changed hook only after the user trusted it; we never trust it for them.
        'Codex runs hooks only once you trust them: start codex and review them with /hooks (codex exec skips untrusted hooks without a word; until then the VS Code extension builds handovers from the rollouts)\n',
    );
  }
  return 0;
}
