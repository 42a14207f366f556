// Scratch directories for tests: a fresh folder in the OS temp dir that is removed once the test file's
// tests have run, so `npm test` leaves nothing behind. The removal hook is registered when this module is
// first imported, at the file's top level, so it is the file-level after() whatever test or hook later calls
// scratchDir (a directory made in one test may be used by the next).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** @type {string[]} */
const made = [];

after(removeScratchDirs);

/**
 * A new empty directory in the OS temp dir, named `<prefix>XXXXXX`, removed after the file's tests.
 * @param {string} prefix
 * @returns {string}
 */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every scratch directory made so far; a folder that resists is named on stderr, not a failure. */
function removeScratchDirs() {
  for (const dir of made.splice(0)) {
    try {
      // Retries cover a detached builder a test started that is still writing into its HANDOVER_HOME.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (err) {
      process.stderr.write(`scratch: could not remove ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
}
