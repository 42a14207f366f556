// Imported first by the CLI entry point, for its side effect: `handover hook pre-tool-use` and
// `hook pre-compact` run right here and exit before the rest of the bundle (the build pipeline, the
// search index, the API client) is even evaluated. Claude Code waits for these hooks on every guarded
// tool call and before every compaction, so their cost is start-up time and nothing else.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { readStdinSync } from './stdinSync.js';
import { isSyncHookEvent, runSyncHook } from './syncHooks.js';

const [, script, command, event, ...extra] = process.argv;
// Not `require.main === module`: `module` would make esbuild wrap this file as CommonJS, with a module
// object of its own that is never require.main.
if (require.main?.filename === __filename && command === 'hook' && isSyncHookEvent(event) && extra.length === 0 && script) {
  const outcome = runSyncHook(event, readStdinSync(), { env: process.env, execPath: process.execPath, cliPath: resolve(script) });
  try {
    if (outcome.stdout) writeSync(1, outcome.stdout);
    if (outcome.stderr) writeSync(2, outcome.stderr);
  } catch {
    // Claude Code went away: nobody is left to read it.
  }
  process.exit(outcome.exitCode);
}
