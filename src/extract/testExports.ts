// Test-only barrel (bundled to dist/test/transcript.js, never packaged): the reader's internals plus the
// extractor that sits on top of it, for test/unit/*.mjs. Nothing in src imports it.
export * from '../transcript/testExports.js';
export { Extractor } from './extractor.js';
export { extractLog } from './extractLog.js';
