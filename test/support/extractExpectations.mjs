// What an extract of a generated Claude Code log must hold, checked against the expectations the
// generator wrote from its script (generateClaudeFixtures.mjs), never against the log itself.
//
// Exports
//   runExtract(logPath) → { markdown, counts, stderr }   spawns `dist/cli.js extract --json`
//   checkExtract({ markdown, counts }, expected) → { missing: { userMessages, thinking, standIns,
//       summaryMarkers, subagentThinking }, leakedToolOutput, compactions: { expected, found } }
import { spawnSync } from 'node:child_process';
import { cli } from './paths.mjs';

export function runExtract(logPath) {
  const result = spawnSync(process.execPath, [cli, 'extract', logPath, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`handover extract ${logPath} exited ${result.status}: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout);
  return { markdown: parsed.markdown, counts: parsed.counts, stderr: result.stderr };
}

export function checkExtract({ markdown, counts }, expected) {
  const absent = (list = []) => list.filter((text) => !markdown.includes(text.trim()));
  return {
    missing: {
      userMessages: absent(expected.userMessages),
      thinking: absent(expected.thinking),
      standIns: absent(expected.emptyThinkingStandIns),
      summaryMarkers: absent(expected.summaryMarkers),
      subagentThinking: absent(expected.subagentThinking),
    },
    leakedToolOutput: (expected.toolOnly ?? []).filter((text) => markdown.includes(text)),
    compactions: { expected: expected.compactions, found: counts.compaction, summaries: counts.compactionSummary },
  };
}
