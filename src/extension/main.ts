// Extension entry point: builds the parts and registers them; everything it creates is disposed with
// the extension. Activation time goes to the log (the benchmark reads it there).
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { SIDEBAR_VIEW_ID } from '../shared/commandIds.js';
import { handoverHome } from '../util/handoverHome.js';
import { createBackgroundIndexer, describeIndexReport, type BackgroundIndexer } from './backgroundIndexer.js';
import { BuildActivity } from './buildActivity.js';
import { cliFailure, createCliRunner, type CliRunner } from './cliRunner.js';
import { startCodexCompactionWatcher } from './codexCompactionWatcher.js';
import { registerCommands } from './commands.js';
import { CONFIG_SECTION, readHookSettingLevels } from './config.js';
import { HandoverController } from './handoverController.js';
import { watchHookBuilds } from './hookBuilds.js';
import { mirrorHookSettings, refreshLauncher, refreshStagedPlugin } from './hookSetup.js';
import { createLogger, errorText, type Logger } from './logger.js';
import { SidebarViewProvider } from './sidebarView.js';
import { registerRecordView } from './recordView.js';
import { StatusBar } from './statusBar.js';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Handover', { log: true });
  context.subscriptions.push(channel);
  const log = createLogger(channel);
  try {
    const home = handoverHome();
    const cli = createCliRunner(context.asAbsolutePath('dist/cli.js'));
    const activity = new BuildActivity();
    const status = new StatusBar(activity);
    const controller = new HandoverController(context.workspaceState, status, log);
    const sidebar = new SidebarViewProvider(context.extensionUri, controller, activity, log);
    const indexer = indexInBackground(cli, log);
    context.subscriptions.push(
      activity,
      indexer,
      ...registerRecordView(cli, log),
      controller.onDidArrive((record) => indexer.request(`handover ${record.id.slice(0, 8)}`)),
      status,
      controller,
      sidebar,
      vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
      ...registerCommands({ controller, sidebar, activity, log, cli, secrets: context.secrets, indexer }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void controller.restartWatchers()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => log.info('workspace trusted: auto-resume enabled')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.watchGlob`)) void controller.restartWatchers();
        if (['blockCompaction', 'denyBashWhileBuilding', 'proactive'].some((key) => e.affectsConfiguration(`${CONFIG_SECTION}.${key}`))) {
          void mirrorHookSettings(home, readHookSettingLevels()).catch((error) => log.error('writing the hook settings failed', error));
        }
      }),
    );
    // The launcher and the hook settings are files for other processes: never block activation on them.
    void refreshLauncher(home, cli.cliPath).then(
      (path) => log.info(`hook launcher refreshed: ${path}`),
      (error) => log.error('writing the hook launcher failed', error),
    );
    void mirrorHookSettings(home, readHookSettingLevels()).catch((error) => log.error('writing the hook settings failed', error));
    void refreshStagedPlugin(home, cli.cliPath).then(
      (refreshed) => refreshed && log.info('Claude Code plugin files refreshed'),
      (error) => log.error('refreshing the Claude Code plugin files failed', error),
    );
    context.subscriptions.push(showHookBuilds(home, activity, log));
    // Codex has no PreCompact hook: its compactions are read from its rollouts instead.
    context.subscriptions.push(startCodexCompactionWatcher({ cli, log, activity, secrets: context.secrets, indexer }));
    await controller.restartWatchers();
    log.info(`activated in ${(performance.now() - started).toFixed(1)} ms (trusted: ${vscode.workspace.isTrusted})`);
  } catch (error) {
    log.error('activation failed', error);
    void vscode.window.showErrorMessage(`Handover failed to start: ${errorText(error)}`, 'Show Log').then((choice) => choice && channel.show());
  }
}

/** `handover index` in a child process whenever handovers arrive: the extension host never indexes. */
function indexInBackground(cli: CliRunner, log: Logger): BackgroundIndexer & vscode.Disposable {
  return createBackgroundIndexer({
    run: async (signal) => {
      const result = await cli.run(['index', '--json'], { token: { onCancellationRequested: (cb) => signal.addEventListener('abort', cb) } });
      return result.code === 0 ? { ok: true, message: describeIndexReport(result.stdout) } : { ok: false, message: cliFailure(result) };
    },
    report: (level, message) => (level === 'info' ? log.info(message) : log.warn(message)),
  });
}

/** The build activity (status bar, sidebar) counts a hook's build while its builder holds the session's write lock. */
function showHookBuilds(home: string, activity: BuildActivity, log: Logger): vscode.Disposable {
  const watcher = watchHookBuilds(
    home,
    (sessions) => {
      activity.setHookBuilds(sessions);
      log.info(sessions.length > 0 ? `building: ${sessions.join(', ')}` : 'no build running');
    },
    (error) => log.error('watching the build locks failed', error),
  );
  return { dispose: () => void watcher.close() };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
