// One status bar item that says what Handover is doing: building a handover (the build activity says
// when), one is ready, or the last one was resumed. Clicking it shows the sidebar.
import * as vscode from 'vscode';
import { FOCUS_SIDEBAR_COMMAND, STATUS_BAR_ID } from '../shared/commandIds.js';
import type { BuildActivity } from './buildActivity.js';
import { Disposable } from './disposables.js';

export type HandoverStatus = 'idle' | 'building' | 'ready' | 'resumed';

const LOOK: Record<HandoverStatus, { text: string; tooltip: string }> = {
  idle: { text: '$(history) Handover', tooltip: 'Handover: no new handover' },
  building: { text: '$(sync~spin) Handover: building', tooltip: 'Handover: a handover is being written' },
  ready: { text: '$(bell-dot) Handover: ready', tooltip: 'Handover: a new handover is ready to resume' },
  resumed: { text: '$(debug-continue) Handover: resumed', tooltip: 'Handover: the newest handover was resumed' },
};

export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50));
  private settled: HandoverStatus = 'idle';

  constructor(private readonly activity: BuildActivity) {
    super();
    this.register(activity.onDidChange(() => this.render()));
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

  private render(): void {
    const look = LOOK[this.activity.building ? 'building' : this.settled];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
  }
}
