// Every command id, view id and status bar id the extension contributes or runs, defined once. package.json
// lists the same ids (contributes.commands, menus, views): a unit test compares the two.

export const COMMAND_IDS = {
  resumeLast: 'handover.resumeLast',
  createNow: 'handover.createNow',
  search: 'handover.search',
  installHooks: 'handover.installHooks',
  uninstallHooks: 'handover.uninstallHooks',
  installPlugin: 'handover.installPlugin',
  uninstallPlugin: 'handover.uninstallPlugin',
  setApiKey: 'handover.setApiKey',
  showLog: 'handover.showLog',
  openRawRecord: 'handover.openRawRecord',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];

/** The sidebar's webview view (package.json contributes.views.handover). */
export const SIDEBAR_VIEW_ID = 'handover.sidebar';
/** The command VS Code makes for every view: shows and focuses it. */
export const FOCUS_SIDEBAR_COMMAND = `${SIDEBAR_VIEW_ID}.focus`;
export const STATUS_BAR_ID = 'handover.status';
