// The Handover sidebar: a webview view that lists this workspace's handovers and shows the selected
// one. The page is static HTML with a strict CSP; all data arrives as validated messages and the page
// renders it with textContent only (src/webview/sidebar.ts).
import { randomBytes } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { FOCUS_SIDEBAR_COMMAND } from '../shared/commandIds.js';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../shared/webviewProtocol.js';
import { handoverHome, homePaths } from '../util/handoverHome.js';
import type { HandoverController } from './handoverController.js';
import { citationTarget, listsModifiedFile, type HandoverRecord } from '../handover/handoverRecord.js';
import { toDetailView, toListEntry } from './handoverView.js';
import type { BuildActivity } from './buildActivity.js';
import { Disposable, DisposableStore } from './disposables.js';
import type { Logger } from './logger.js';
import { openRecord } from './recordView.js';

export class SidebarViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private selected: { folder: string; id: string } | undefined;
  /** The listeners on the current view: VS Code may resolve the view again (after it was closed). */
  private readonly viewListeners = this.register(new DisposableStore());

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: HandoverController,
    private readonly activity: BuildActivity,
    private readonly log: Logger,
  ) {
    super();
    this.register(controller.onDidChange(() => this.post()));
    this.register(activity.onDidChange(() => this.post()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.viewListeners.clear();
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    view.webview.html = sidebarHtml(view.webview, media);
    const listeners = [
      view.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          this.log.warn('ignored a malformed message from the sidebar');
          return;
        }
        void this.handle(message).catch((error) => this.log.error(`sidebar action ${message.type} failed`, error));
      }),
      view.onDidChangeVisibility(() => view.visible && this.post()),
      view.onDidDispose(() => {
        if (this.view !== view) return;
        this.view = undefined;
        this.viewListeners.clear();
      }),
    ];
    listeners.forEach((listener) => this.viewListeners.add(listener));
  }

  /** Shows a handover in the sidebar (used by commands such as Search Past Sessions). */
  async reveal(record: HandoverRecord): Promise<void> {
    this.selected = { folder: record.folder, id: record.id };
    await vscode.commands.executeCommand(FOCUS_SIDEBAR_COMMAND);
    this.post();
  }

  private current(): HandoverRecord | undefined {
    const list = this.controller.list();
    return (this.selected && this.controller.find(this.selected.folder, this.selected.id)) ?? list[0];
  }

  private post(): void {
    if (!this.view) return;
    const selected = this.current();
    const message: HostMessage = {
      type: 'state',
      entries: this.controller.list().map((r) => toListEntry(r, this.controller.isResumed(r))),
      selected: selected ? toDetailView(selected, this.controller.isResumed(selected), this.controller.list()) : null,
      busy: this.activity.describe(),
    };
    void this.view.webview.postMessage(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') return this.post();
    if (message.type === 'command') {
      await vscode.commands.executeCommand(message.command);
      return;
    }
    const record = this.controller.find(message.folder, message.id);
    if (!record) return;
    switch (message.type) {
      case 'select':
        this.selected = { folder: record.folder, id: record.id };
        return this.post();
      case 'resume':
        await this.controller.resumeByUser(record, 'sidebar');
        return;
      case 'openPrompt':
        await vscode.window.showTextDocument(vscode.Uri.file(record.promptPath), { preview: false });
        return;
      case 'copyPrompt': {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(record.promptPath));
        await vscode.env.clipboard.writeText(new TextDecoder().decode(bytes));
        void vscode.window.showInformationMessage('Handover: resume prompt copied.');
        return;
      }
      case 'openCitation': {
        const target = citationTarget(record, message.file, homePaths(handoverHome()).archive);
        if (!target) {
          void vscode.window.showWarningMessage('Handover: this handover does not point into the archive of this machine.');
          return;
        }
        // Readable, with its neighbours; the raw log is one command away (or opens when it cannot be shown).
        await openRecord({ file: target, line: message.line }, record.id, this.log);
        return;
      }
      case 'openFile':
        return this.openModifiedFile(record, message.path);
    }
  }

  /** Opens a modified file (only one the handover lists, inside its workspace folder), as a diff against HEAD when git can. */
  private async openModifiedFile(record: HandoverRecord, path: string): Promise<void> {
    const listed = listsModifiedFile(record, path);
    const absolute = resolve(record.folder, path);
    const inside = !relative(record.folder, absolute).startsWith('..') && absolute.startsWith(record.folder + sep);
    if (!listed || !inside) return;
    const uri = vscode.Uri.file(absolute);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (exists && (await openGitDiff(uri))) return;
    if (exists) await vscode.window.showTextDocument(uri, { preview: true });
    else void vscode.window.showInformationMessage(`Handover: ${path} no longer exists.`);
  }
}

/** Diff against HEAD through the built-in git extension, when it is there and the file is tracked. */
async function openGitDiff(uri: vscode.Uri): Promise<boolean> {
  const git = vscode.extensions.getExtension<{ getAPI(v: 1): { getRepository(uri: vscode.Uri): unknown } }>('vscode.git');
  try {
    const api = git?.isActive ? git.exports.getAPI(1) : undefined;
    if (!api?.getRepository(uri)) return false;
    await vscode.commands.executeCommand('git.openChange', uri);
    return true;
  } catch {
    return false;
  }
}

function sidebarHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'sidebar.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'sidebar.css'));
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Handover</title>
</head>
<body>
<main id="handover-root" aria-live="polite"><p class="muted">Loading handovers…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
