// Test-only barrel (bundled to dist/test/extensionCore.js, never packaged): the parts of the extension
// that do not need vscode, so unit tests run them in plain Node.
export { compileWatchGlob } from './glob.js';
export { decideOnArrival, launchCheck, resumeKey } from './autoResumePolicy.js';
export { toDetailView, toListEntry, toThread } from './handoverView.js';
export { readHandover, listHandovers, citationTarget, handoverAgent, handoverTitle, listsModifiedFile } from '../handover/handoverRecord.js';
export { resolveExecutable } from './resolveExecutable.js';
export { findNewestLog } from '../transcript/latestLog.js';
export { claudeProjectDir } from '../util/agentHomes.js';
export { watchHandovers, waitForStableSize } from './handoverWatcher.js';
export { parseHostMessage, parseWebviewMessage } from '../shared/webviewProtocol.js';
export { createBackgroundIndexer, describeIndexReport } from './backgroundIndexer.js';
export { recordTitle, recordQuery, parseRecordQuery, recordDocumentText, isReadableRecordText } from './recordLocation.js';
export {
  codexSessionsDir,
  watchedDays,
  isWatchedSessionPath,
  workspaceFolderFor,
  isCompactionHead,
  readSessionMeta,
  RolloutTails,
  watchCodexCompactions,
  createKeyedDebouncer,
} from '../transcript/codexCompactions.js';
export { configForHandover } from './agentChoice.js';
export { hookHasIt } from './codexHookSeen.js';
export { claudePanelUri, claudePanelUriParts } from './claudePanelUri.js';
export { parseBuildJson, parseIndexJson, describeIndexRun } from '../shared/cliJson.js';
export { DEFAULT_WATCH_GLOB } from '../shared/handoverData.js';
export { COMMAND_IDS, SIDEBAR_VIEW_ID, FOCUS_SIDEBAR_COMMAND } from '../shared/commandIds.js';
export { SIDEBAR_COMMANDS } from '../shared/webviewProtocol.js';
export { BuildActivity } from './buildActivity.js';
export { Disposable, DisposableStore } from './disposables.js';
export { retrievalInstructions } from '../handover/retrievalInstructions.js';
export { retrievalModeFor } from '../hooks/retrievalMode.js';
export { acquireLock, inspectLock, parseLockRecord } from '../hooks/lock.js';
export { machineHookSettings } from './hookSetup.js';
