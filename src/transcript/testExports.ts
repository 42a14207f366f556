// Test-only barrel: the reader's internals for test/unit/*.mjs (bundled to dist/test/transcript.js).
// Not shipped to users; nothing in src imports it.
export { forEachLine, DEFAULT_MAX_LINE_BYTES } from './lineReader.js';
export { peekTopLevelType, peekPayloadType, userContentMayHaveText, hasTextBlock, topLevelKeySpan } from './rawPeek.js';
export { readTranscript, describeProblems, LogInputError } from './reader.js';
export { claudeRecordToEvents, cleanUserText } from './claudeRecords.js';
export { codexRecordToEvents } from './codexRecords.js';
export { sessionLogFiles, readSession, sessionDirOf, toolResultFilePath } from './sessionFiles.js';
export { CallOrder } from './callOrder.js';
