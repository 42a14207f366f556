// The heart of the extension: keeps the list of handovers of every workspace folder up to date from
// the watchers, decides what happens when one arrives (autoResumePolicy), and launches agents.
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { handoverHome } from '../util/handoverHome.js';
import { configForHandover } from './agentChoice.js';
import { openAgentTerminal, openClaudePanel } from './agentTerminal.js';
import { decideOnArrival, launchCheck, resumeKey } from './autoResumePolicy.js';
import { readConfig } from './config.js';
import { handoverAgent, handoverCreatedAt, handoverTitle, readHandover, type HandoverRecord } from '../handover/handoverRecord.js';
import { waitForStableSize, watchHandovers, type HandoverFileEvent, type HandoverWatcher } from './handoverWatcher.js';
import { Disposable } from './disposables.js';
import { errorText, type Logger } from './logger.js';
import type { StatusBar } from './statusBar.js';

const RESUMED_STATE_KEY = 'handover.resumed';
const MAX_REMEMBERED = 500;

export class HandoverController extends Disposable {
  private readonly records = new Map<string, HandoverRecord>();
  private readonly watchers = new Map<string, HandoverWatcher>();
  private readonly asked = new Set<string>();
  /** Launched in this window: checked synchronously, so two events for one handover never launch twice. */
  private readonly launchedNow = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires whenever the list or a handover's state changes (the sidebar re-renders). */
  readonly onDidChange = this.changed.event;
  private readonly arrived = this.register(new vscode.EventEmitter<HandoverRecord>());
  /** Fires for a handover that was added or changed while watching (not for those found at start). */
  readonly onDidArrive = this.arrived.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly status: StatusBar,
    private readonly log: Logger,
  ) {
    super();
  }

  /** (Re)starts one watcher per workspace folder, e.g. after folders or the watch glob change. */
  async restartWatchers(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    this.records.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = folder.uri.fsPath;
      const glob = readConfig(folder).watchGlob;
      const watcher = watchHandovers(
        root,
        glob,
        (event) => void this.onFileEvent(root, event).catch((e) => this.log.error('handling a handover event failed', e)),
        (error) => this.log.error(`watcher error in ${root}`, error),
      );
      this.watchers.set(root, watcher);
      this.log.info(`watching ${root} for ${glob}`);
    }
    this.changed.fire();
  }

  /** All handovers, newest first. */
  list(): HandoverRecord[] {
    return [...this.records.values()].sort((a, b) => b.mtimeMs - a.mtimeMs);
  }

  find(folder: string, id: string): HandoverRecord | undefined {
    return this.records.get(recordKey(folder, id));
  }

  isResumed(record: HandoverRecord): boolean {
    return this.resumedKeys().includes(this.keyOf(record));
  }

  /** A user asked to resume: an unverified handover needs an explicit yes first. */
  async resumeByUser(record: HandoverRecord, why: string): Promise<boolean> {
    if (!record.verified) {
      const choice = await vscode.window.showWarningMessage(
        `Handover ${record.id.slice(0, 8)} is not verified (${record.verifyProblem}). It may not have been written on this machine: resume it only if you trust where it came from.`,
        { modal: true },
        'Resume Anyway',
      );
      if (choice !== 'Resume Anyway') return false;
      this.log.warn(`resuming unverified handover ${record.id} (${why}) after confirmation`);
    }
    return this.resume(record, why);
  }

  /**
   * Starts the agent on a handover (the policy decided, or the user confirmed). What was decided on is
   * checked again first: the prompt read now must be the one shown (same sha256) and still verify, so a
   * resume-prompt.md swapped after the notification appeared is never launched (issue 12).
   */
  async resume(shown: HandoverRecord, why: string): Promise<boolean> {
    this.launchedNow.add(this.keyOf(shown));
    const record = await readHandover(shown.folder, shown.promptPath, handoverHome());
    const check = launchCheck(shown, record);
    if (!check.ok || !record) {
      this.launchedNow.delete(this.keyOf(shown));
      const reason = check.ok ? 'it is gone' : check.reason;
      this.log.warn(`not resuming ${shown.id} (${why}): ${reason}`);
      void vscode.window.showWarningMessage(`Handover ${shown.id.slice(0, 8)} was not resumed: ${reason}. Look at it again before resuming.`);
      return false;
    }
    const request = { sessionId: record.id, promptPath: record.promptPath, workspaceFolder: record.folder };
    const config = configForHandover(readConfig(vscode.Uri.file(record.folder)), handoverAgent(record));
    if (config.agentKind === 'claude-panel') {
      void openClaudePanel(request, this.log).then(async (opened) => {
        if (!opened) {
          this.launchedNow.delete(this.keyOf(shown));
          return;
        }
        this.log.info(`resumed ${record.id} (${why}) in the Claude Code panel`);
        await this.rememberResumed(record);
        this.status.set('resumed');
        this.changed.fire();
      });
      return true;
    }
    const terminal = openAgentTerminal(request, config, this.log);
    if (!terminal) {
      this.launchedNow.delete(this.keyOf(shown));
      return false;
    }
    // Resumed once the agent process really runs: in Restricted Mode VS Code first asks for trust, and
    // a Cancel there must not mark the handover as used.
    void Promise.resolve(terminal.processId).then(async (pid) => {
      if (pid === undefined) {
        this.log.warn(`the agent for ${record.id} did not start (${why})`);
        return;
      }
      this.log.info(`resumed ${record.id} (${why}), agent pid ${pid}`);
      await this.rememberResumed(record);
      this.status.set('resumed');
      this.changed.fire();
    });
    return true;
  }

  private async onFileEvent(folder: string, event: HandoverFileEvent): Promise<void> {
    if (event.kind === 'ready') {
      this.refreshStatus();
      return;
    }
    if (event.kind === 'removed') {
      for (const [key, record] of this.records) {
        if (record.promptPath === event.promptPath || record.promptPath.startsWith(event.promptPath + sep)) this.records.delete(key);
      }
      this.changed.fire();
      return;
    }
    this.log.info(`handover ${event.kind}: ${event.promptPath} (seen at ${event.at})`);
    const home = handoverHome();
    let record = await readHandover(folder, event.promptPath, home);
    // Not verified may mean "still being written in place": give it a moment to settle, then look again.
    if (record && !record.verified && (await waitForStableSize(event.promptPath))) {
      record = await readHandover(folder, event.promptPath, home);
    }
    if (!record) return;
    this.records.set(recordKey(folder, record.id), record);
    if (!record.verified) this.log.warn(`handover ${record.id} is not verified: ${record.verifyProblem}`);
    this.changed.fire();
    this.refreshStatus();
    if (event.kind !== 'initial') this.arrived.fire(record);

    const key = this.keyOf(record);
    const decision = decideOnArrival({
      setting: readConfig(vscode.Uri.file(folder)).autoResume,
      workspaceTrusted: vscode.workspace.isTrusted,
      verified: record.verified,
      alreadyResumed: this.resumedKeys().includes(key) || this.launchedNow.has(key),
      alreadyAsked: this.asked.has(key),
      initial: event.kind === 'initial',
      proactive: isProactive(record),
    });
    if (decision === 'launch') void this.resume(record, 'autoResume: always');
    else if (decision === 'ask') {
      this.asked.add(key);
      void this.ask(record);
    }
  }

  private async ask(record: HandoverRecord): Promise<void> {
    const title = handoverTitle(record);
    const choice = await vscode.window.showInformationMessage(
      isProactive(record)
        ? `The context of session ${record.id.slice(0, 8)} is almost full: a fresh session seeded with its handover is ready, before any compaction. ${title.slice(0, 100)}`
        : `Handover ready for session ${record.id.slice(0, 8)}: ${title.slice(0, 120)}`,
      'Resume',
      'Open',
      'Dismiss',
    );
    if (choice === 'Resume') await this.resumeByUser(record, 'asked');
    else if (choice === 'Open') await vscode.window.showTextDocument(vscode.Uri.file(record.promptPath));
  }

  private refreshStatus(): void {
    const newest = this.list()[0];
    if (!newest) this.status.set('idle');
    else this.status.set(this.isResumed(newest) ? 'resumed' : newest.verified ? 'ready' : 'idle');
  }

  private keyOf(record: HandoverRecord): string {
    return resumeKey(record.folder, record.id, handoverCreatedAt(record), record.promptSha256);
  }

  private resumedKeys(): string[] {
    const value = this.state.get<unknown>(RESUMED_STATE_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  private async rememberResumed(record: HandoverRecord): Promise<void> {
    const keys = [...new Set([...this.resumedKeys().filter((k) => k !== this.keyOf(record)), this.keyOf(record)])].slice(-MAX_REMEMBERED);
    try {
      await this.state.update(RESUMED_STATE_KEY, keys);
    } catch (error) {
      this.log.error(`could not remember that ${record.id} was resumed: ${errorText(error)}`);
    }
  }

  override dispose(): void {
    for (const watcher of this.watchers.values()) void watcher.close();
    this.watchers.clear();
    super.dispose();
  }
}

function isProactive(record: HandoverRecord): boolean {
  const data = record.data as { trigger?: unknown } | undefined;
  return data?.trigger === 'proactive';
}

function recordKey(folder: string, id: string): string {
  return `${folder}\u0000${id}`;
}
