// Test-only barrel (bundled to dist/test/anthropic.js, never packaged): the sub-agent analysts with the
// real SDK inside, as dist/cli.js bundles them, plus the search and extract pieces their tests drive.
export * from './index.js';
export { logIndexFor, ftsQueryFor } from './indexedSearch.js';
export { openSearchIndex, updateIndex, searchFile } from '../../search/api.js';
export { extractLog } from '../../extract/extractLog.js';
