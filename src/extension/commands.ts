// Every command the extension contributes, as one table registered in a loop; the ids are in
// shared/commandIds.ts (package.json lists the same ids under contributes.commands, category "Handover").
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from '../shared/commandIds.js';
import type { BackgroundIndexer } from './backgroundIndexer.js';
import type { BuildActivity } from './buildActivity.js';
import type { CliRunner } from './cliRunner.js';
import { cliFailure } from './cliRunner.js';
import { API_KEY_SECRET, buildHandover } from './handoverBuild.js';
import type { HandoverController } from './handoverController.js';
import type { HandoverRecord } from '../handover/handoverRecord.js';
import { toDetailView } from './handoverView.js';
import { findNewestLog } from '../transcript/latestLog.js';
import { parseSearchResults } from '../shared/searchResults.js';
import type { Logger } from './logger.js';
import { openRawRecordCommand, openRecord } from './recordView.js';
import type { SidebarViewProvider } from './sidebarView.js';
import { readConfig } from './config.js';
import { resolveExecutable } from './resolveExecutable.js';

export interface CommandDeps {
  controller: HandoverController;
  sidebar: SidebarViewProvider;
  activity: BuildActivity;
  log: Logger;
  cli: CliRunner;
  secrets: vscode.SecretStorage;
  indexer: BackgroundIndexer;
}

type CommandTable = Record<CommandId, (deps: CommandDeps, ...args: unknown[]) => unknown>;

export const COMMANDS: CommandTable = {
  [COMMAND_IDS.resumeLast]: resumeLast,
  [COMMAND_IDS.createNow]: createNow,
  [COMMAND_IDS.search]: searchPastSessions,
  [COMMAND_IDS.openRawRecord]: (_deps, arg) => openRawRecordCommand(arg),
  [COMMAND_IDS.installHooks]: (deps) => runHookInstaller(deps, 'install-hooks'),
  [COMMAND_IDS.uninstallHooks]: (deps) => runHookInstaller(deps, 'uninstall-hooks'),
  [COMMAND_IDS.installPlugin]: (deps) => runHookInstaller(deps, 'install-plugin'),
  [COMMAND_IDS.uninstallPlugin]: (deps) => runHookInstaller(deps, 'uninstall-plugin'),
  [COMMAND_IDS.setApiKey]: setApiKey,
  [COMMAND_IDS.showLog]: ({ log }) => log.show(),
};

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(deps, ...args);
      } catch (error) {
        deps.log.error(`${id} failed`, error);
        void vscode.window.showErrorMessage(`Handover: ${(error as Error)?.message ?? String(error)}`, 'Show Log').then((c) => c && deps.log.show());
        return undefined;
      }
    }),
  );
}

async function resumeLast({ controller }: CommandDeps): Promise<void> {
  const newest = controller.list()[0];
  if (!newest) {
    void vscode.window.showInformationMessage(
      'Handover: no handover in this workspace yet. Run "Handover: Create Handover Now" or install the Claude Code hooks.',
    );
    return;
  }
  await controller.resumeByUser(newest, 'Resume Last Session');
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder?' });
}

async function createNow(deps: CommandDeps): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Handover: open a folder first.');
    return;
  }
  const found = await findNewestLog(folder.uri.fsPath);
  if (!found) {
    void vscode.window.showWarningMessage(`Handover: no Claude Code or Codex log found for ${folder.uri.fsPath}.`);
    return;
  }
  const promptPath = await buildHandover(deps, { folder, log: found, reason: 'Create Handover Now', missingKey: 'ask' });
  // The watcher picks it up like any other handover (auto-resume applies); this only offers a look.
  if (promptPath) {
    const choice = await vscode.window.showInformationMessage('Handover: handover written.', 'Open resume-prompt.md');
    if (choice) await vscode.window.showTextDocument(vscode.Uri.file(promptPath));
  }
}

interface SessionPick extends vscode.QuickPickItem {
  record?: HandoverRecord;
  hit?: { path?: string; line?: number; sessionId?: string };
}

/** Items for the handovers themselves: their summaries and findings, so the QuickPick filter finds them. */
function handoverItems(controller: HandoverController): SessionPick[] {
  const items: SessionPick[] = [];
  for (const record of controller.list()) {
    const view = toDetailView(record, controller.isResumed(record));
    items.push({
      label: `$(history) ${view.title.slice(0, 120)}`,
      description: `${record.id.slice(0, 8)} · ${view.createdAt.slice(0, 16).replace('T', ' ')}${record.verified ? '' : ' · unverified'}`,
      detail: view.summary.replace(/\s+/g, ' ').slice(0, 300),
      record,
    });
    for (const finding of view.findings) {
      items.push({
        label: `$(search) ${finding.title.slice(0, 120)}`,
        description: `${finding.analyst} · ${record.id.slice(0, 8)}`,
        detail: finding.detail.replace(/\s+/g, ' ').slice(0, 300),
        record,
      });
    }
  }
  return items;
}

/** A QuickPick search that a newer one replaced: its CLI child is killed. */
class SearchCancellation {
  private listeners: Array<() => void> = [];
  private cancelled = false;
  onCancellationRequested(listener: () => void): void {
    if (this.cancelled) listener();
    else this.listeners.push(listener);
  }
  cancel(): void {
    this.cancelled = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
}

/**
 * Full-text hits from the search index: `handover search --json`, read with the shared format's
 * validator (src/shared/searchResults.ts); undefined when search is unavailable or was cancelled.
 */
async function indexItems(cli: CliRunner, query: string, token: SearchCancellation): Promise<SessionPick[] | undefined> {
  // `--` first: a query such as "-draft notes" is text, not options.
  const result = await cli.run(['search', '--json', '--limit', '30', '--', query], { token });
  if (result.code !== 0) return undefined;
  let parsed;
  try {
    parsed = parseSearchResults(result.stdout);
  } catch {
    return undefined;
  }
  const partial = parsed.mode === 'any';
  return parsed.hits.map((h) => ({
    label: `$(file) ${h.snippet.replace(/\s+/g, ' ').slice(0, 140)}`,
    description: [h.kind, h.sessionId.slice(0, 8), h.project, partial ? `${h.matchedTerms}/${parsed.terms.length} terms` : ''].filter(Boolean).join(' · '),
    detail: h.file,
    alwaysShow: true,
    hit: { path: h.file, line: h.line, sessionId: h.sessionId },
  }));
}

async function searchPastSessions({ controller, sidebar, cli, log }: CommandDeps): Promise<void> {
  const pick = vscode.window.createQuickPick<SessionPick>();
  pick.placeholder = 'Search past sessions (handovers, and the archived logs when indexed)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const base = handoverItems(controller);
  pick.items = base;
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  let running: SearchCancellation | undefined;
  pick.onDidChangeValue((value) => {
    clearTimeout(timer);
    running?.cancel(); // the text changed: the search for the old text is of no use
    running = undefined;
    if (value.trim().length < 2) {
      pick.items = base;
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++generation;
      pick.busy = true;
      const token = (running = new SearchCancellation());
      const hits = await indexItems(cli, value.trim(), token).catch((error) => {
        log.warn(`search failed: ${(error as Error).message}`);
        return undefined;
      });
      if (mine !== generation) return;
      pick.busy = false;
      pick.items = hits ? [...base, ...hits] : base;
    }, 250);
  });
  const chosen = await new Promise<SessionPick | undefined>((resolvePick) => {
    pick.onDidAccept(() => resolvePick(pick.selectedItems[0]));
    pick.onDidHide(() => resolvePick(undefined));
    pick.show();
  });
  pick.dispose();
  clearTimeout(timer);
  running?.cancel();
  if (chosen?.record) await sidebar.reveal(chosen.record);
  else if (chosen?.hit?.path) await openRecord({ file: chosen.hit.path, line: chosen.hit.line ?? 1 }, chosen.hit.sessionId, log);
}

type InstallCommand = 'install-hooks' | 'uninstall-hooks' | 'install-plugin' | 'uninstall-plugin';

const INSTALLED_MESSAGE: Record<InstallCommand, string> = {
  'install-hooks': 'Handover: Claude Code hooks installed for this workspace.',
  'uninstall-hooks': 'Handover: Claude Code hooks removed from this workspace.',
  'install-plugin': 'Handover: installed as a Claude Code plugin (hooks, MCP search tools, skill). New Claude Code sessions load it.',
  'uninstall-plugin': 'Handover: the Claude Code plugin is uninstalled.',
};

/** The `claude` that manages plugins: the configured agent command when it is Claude Code, else `claude` on PATH. */
function claudeExecutable(): string | undefined {
  const config = readConfig();
  return resolveExecutable(config.agentKind === 'claude' ? config.agentCommand : 'claude');
}

/**
 * Hooks in a settings file and the plugin run the same hooks, so the CLI refuses to install one while
 * the other is there (exit 3); the user is asked whether to switch, which removes the other first.
 */
async function runHookInstaller({ cli, log }: CommandDeps, command: InstallCommand): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Handover: open a folder first.');
    return;
  }
  const args: string[] = [command];
  if (command !== 'uninstall-plugin') args.push('--workspace', folder.uri.fsPath);
  if (command !== 'uninstall-hooks') {
    const claude = claudeExecutable();
    if (!claude && command !== 'install-hooks') throw new Error('the claude command was not found on PATH (set handover.agent.command to its full path)');
    if (claude) args.push('--claude', claude);
  }
  let result = await cli.run(args, { cwd: folder.uri.fsPath });
  if (result.code === 3 && (command === 'install-hooks' || command === 'install-plugin')) {
    const other =
      command === 'install-hooks' ? 'the Handover Claude Code plugin is installed' : 'the Handover hooks are installed in a Claude Code settings file';
    const choice = await vscode.window.showWarningMessage(
      `Handover: ${other}. Having both would run every hook twice. Switch to ${command === 'install-hooks' ? 'settings-file hooks' : 'the plugin'}?`,
      { modal: true, detail: cliFailure(result) },
      'Switch',
    );
    if (choice !== 'Switch') return;
    result = await cli.run([...args, '--switch'], { cwd: folder.uri.fsPath });
  }
  if (result.code !== 0) throw new Error(`${command} failed: ${cliFailure(result)}`);
  log.info(`${command}: ${result.stdout.trim()}`);
  void vscode.window.showInformationMessage(INSTALLED_MESSAGE[command]);
}

async function setApiKey({ secrets, log }: CommandDeps): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'Anthropic API key for the Handover analysts',
    prompt: 'Stored in VS Code SecretStorage. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  if (key.trim() === '') {
    await secrets.delete(API_KEY_SECRET);
    log.info('Anthropic API key removed');
    void vscode.window.showInformationMessage('Handover: API key removed.');
    return;
  }
  await secrets.store(API_KEY_SECRET, key.trim());
  log.info('Anthropic API key stored');
  void vscode.window.showInformationMessage('Handover: API key stored. Set "handover.analyzer" to "anthropic" to use it.');
}
