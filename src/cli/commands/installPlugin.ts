// `handover install-plugin` / `uninstall-plugin`: the Claude Code plugin (hooks + MCP server + skill)
// instead of hooks in a settings file. Refuses while the settings-file hooks are installed, unless
// told to switch (then they are removed first): never both.
import { resolve } from 'node:path';
import { claudePlugin, hooksInstalledIn, PLUGIN_ID, PluginInstallError, MARKETPLACE_NAME, stageMarketplace } from '../../hooks/claudePlugin.js';
import { uninstallHooks } from '../../hooks/install.js';
import { handoverHome } from '../../util/handoverHome.js';
import { CliError, type CliCommand } from '../command.js';

/** Exit code meaning "the other way of installing is in place": the extension offers to switch. */
export const EXIT_OTHER_INSTALL = 3;

/** The package this CLI came from: dist/cli.js → its parent folder (the repository or the extension). */
const packageRoot = () => resolve(__dirname, '..');

async function guarded<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PluginInstallError) throw new CliError(error.message);
    throw error;
  }
}

export const installPluginCommand: CliCommand = {
  name: 'install-plugin',
  summary: 'Install Handover as a Claude Code plugin (hooks, MCP server, skill) from a local marketplace.',
  usage: 'handover install-plugin [--workspace DIR] [--claude CMD] [--switch] [--json]',
  options: { workspace: { type: 'string', short: 'w' }, claude: { type: 'string' }, switch: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const workspace = resolve(io.cwd, (values.workspace as string | undefined) ?? '.');
    const claude = (values.claude as string | undefined)?.trim() || 'claude';
    const hooks = hooksInstalledIn(workspace, io.env);
    if (hooks.length && !values.switch) {
      throw new CliError(
        `the Handover hooks are installed in ${hooks.map((h) => h.path).join(', ')}; the plugin runs the same hooks, so remove them first ('handover uninstall-hooks --scope ${hooks[0].scope}') or pass --switch`,
        EXIT_OTHER_INSTALL,
      );
    }
    for (const { path } of hooks) await uninstallHooks(path);
    const home = handoverHome(io.env);
    const staged = await guarded(() => stageMarketplace(home, packageRoot()));
    await guarded(() => claudePlugin(claude, ['marketplace', 'add', staged], io.env, workspace));
    await guarded(() => claudePlugin(claude, ['install', PLUGIN_ID], io.env, workspace));
    if (values.json) io.stdout(JSON.stringify({ plugin: PLUGIN_ID, marketplace: staged, removedHooksFrom: hooks.map((h) => h.path) }) + '\n');
    else
      io.stdout(
        `installed the Claude Code plugin ${PLUGIN_ID} (marketplace ${MARKETPLACE_NAME} at ${staged})${hooks.length ? `; removed the hooks from ${hooks.map((h) => h.path).join(', ')}` : ''}\n`,
      );
    return 0;
  },
};

export const uninstallPluginCommand: CliCommand = {
  name: 'uninstall-plugin',
  summary: 'Uninstall the Handover Claude Code plugin.',
  usage: 'handover uninstall-plugin [--claude CMD] [--json]',
  options: { claude: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const claude = (values.claude as string | undefined)?.trim() || 'claude';
    await guarded(() => claudePlugin(claude, ['uninstall', PLUGIN_ID], io.env, io.cwd));
    io.stdout(values.json ? JSON.stringify({ plugin: PLUGIN_ID, uninstalled: true }) + '\n' : `uninstalled the Claude Code plugin ${PLUGIN_ID}\n`);
    return 0;
  },
};
