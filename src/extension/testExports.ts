// Test-only barrel (bundled to dist/test/extensionCore.js, never packaged): the parts of the extension
// that do not need vscode, so unit tests run them in plain Node.
export { compileWatchGlob } from './glob.js';
export { decideOnArrival, launchCheck, resumeKey } from './autoResumePolicy.js';
export { toDetailView, toListEntry, citationTarget } from './handoverView.js';
export { loadHandover, waitForStableSize } from './handoverStore.js';
export { resolveExecutable } from './resolveExecutable.js';
export { findNewestLog } from '../transcript/latestLog.js';
export { claudeProjectDir } from '../util/agentHomes.js';
export { watchHandovers } from './handoverWatcher.js';
export { parseHostMessage, parseWebviewMessage } from '../shared/webviewProtocol.js';
export { createBackgroundIndexer, describeIndexReport } from './backgroundIndexer.js';
export { recordTitle, recordQuery, parseRecordQuery, recordDocumentText, isReadableRecordText } from './recordLocation.js';
export { codexSessionsDir, watchedDays, isWatchedSessionPath, workspaceFolderFor, isCompactionHead, readSessionMeta, RolloutTails, watchCodexCompactions, createKeyedDebouncer } from '../transcript/codexCompactions.js';
export { configForHandover } from './agentChoice.js';
export { acquireLock, inspectLock, parseLockRecord } from '../hooks/lock.js';
export { machineHookSettings } from './hookSetup.js';
