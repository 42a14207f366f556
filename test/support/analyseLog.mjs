// Builds the analysis of a log written by ClaudeLog or CodexLog, in a scratch folder the test removes afterwards.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

const require = createRequire(import.meta.url);
const { analyzeSession } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

/** The offline analysis of `log` as `handover build` would make it. */
export async function analyse(log, t) {
  const dir = mkdtempSync(join(tmpdir(), 'handover-shapes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { analysis } = await analyzeSession(log.write(dir), { workspace: log.cwd });
  return analysis;
}

/** The errors analyst's findings of an analysis. */
export const errorsOf = (analysis) => analysis.findings.filter((f) => f.analyst === 'errors');
