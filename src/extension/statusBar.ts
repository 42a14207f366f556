// One status bar item that says what Handover is doing: building a handover, one is ready, or the last
// one was resumed. Clicking it shows the sidebar.
import * as vscode from 'vscode';
import { FOCUS_SIDEBAR_COMMAND, STATUS_BAR_ID } from '../shared/commandIds.js';

export type HandoverStatus = 'idle' | 'building' | 'ready' | 'resumed';

const LOOK: Record<HandoverStatus, { text: string; tooltip: string }> = {
  idle: { text: '$(history) Handover', tooltip: 'Handover: no new handover' },
  building: { text: '$(sync~spin) Handover: building', tooltip: 'Handover: a handover is being written' },
  ready: { text: '$(bell-dot) Handover: ready', tooltip: 'Handover: a new handover is ready to resume' },
  resumed: { text: '$(debug-continue) Handover: resumed', tooltip: 'Handover: the newest handover was resumed' },
};

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);
  private building = 0;
  private settled: HandoverStatus = 'idle';

  constructor() {
    this.item.name = 'Handover';
    this.item.command = FOCUS_SIDEBAR_COMMAND;
    this.render();
    this.item.show();
  }

  /** The state once nothing is building. */
  set(status: Exclude<HandoverStatus, 'building'>): void {
    this.settled = status;
    this.render();
  }

  /** Marks a build as running until the returned function is called. */
  beginBuild(): () => void {
    this.building++;
    this.render();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.building--;
      this.render();
    };
  }

  private render(): void {
    const look = LOOK[this.building > 0 ? 'building' : this.settled];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
