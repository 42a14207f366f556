// Test-only barrel: the offline analysts' internals, bundled to dist/test/analysis.js for the unit tests.
export { OfflineAnalyzer } from './offline.js';
export { analyzeOffline, analyzeSession, collectModifiedFiles, subagentLogs } from './session.js';
export { classifySentence, classifyWithoutPrefilter, isConstraint, withoutPastedOutput } from './prose.js';
export { errorLines, measuredLines, isDistinctiveCommand, commandKey } from './toolOutput.js';
export { packageChanges } from './packages.js';
export { sentences } from './text.js';
export { patchEffects, FileChangeTracker } from './modifiedFiles.js';
export { shellWrites } from './shellWrites.js';
export { parseCommandLine, tokenize } from './shellWords.js';
export { linkInText, detectChainLink } from './chainLink.js';
export { lastCommandOutcomes, commandOfErrorTitle, displayKey } from './chainEvidence.js';
export { contextUsageFromTail, claudeWindow } from './contextUsage.js';
export { DEFAULT_PROACTIVE_THRESHOLD } from './contextUsage.js';
export { commandFamily, failingTestNames, looksPassing } from './commandFamilies.js';
export { isBareAnswer, isSubstantive } from './conversation.js';
