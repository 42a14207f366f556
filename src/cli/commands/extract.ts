import { resolve } from 'node:path';
import { extractLog } from '../../extract/extractLog.js';
import { describeProblems, type ReadResult } from '../../transcript/reader.js';
import type { ReadProblems } from '../../transcript/events.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { CliError, type CliCommand } from '../command.js';

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'Reduce a session log to what the user said and what the model thought (Markdown).',
  usage: 'handover extract <log.jsonl> [--out FILE] [--stats] [--json]',
  options: {
    out: { type: 'string', short: 'o' },
    stats: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const path = resolve(io.cwd, positionals[0]);
    const result = await extractLog(path);
    const problems = describeProblems(result.read.problems);
    const name = positionals[0];
    if (result.bytesIn === 0) throw new CliError(`${name} is empty: nothing to extract`, 2);
    // A session log that holds no conversation (an agent opened and closed, a titles-only file) is
    // still a session: its extract says so. Anything else is not a session log at all.
    if (!result.keptSomething && (result.read.agent === undefined || result.read.stats.records === 0))
      throw new CliError(unusableReason(name, result.read, problems), 2);
    if (!result.keptSomething) io.stderr(`handover extract: ${name}: no user messages, thinking or system events in this session\n`);
    if (problems) io.stderr(`handover extract: ${name}: ${problems}\n`);
    if (typeof values.out === 'string') {
      try {
        await writeFileAtomic(resolve(io.cwd, values.out), result.markdown);
      } catch (error) {
        throw new CliError(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    } else if (!values.stats && !values.json) {
      io.stdout(result.markdown);
    }
    const reduction = result.bytesIn ? (1 - result.bytesOut / result.bytesIn) * 100 : 0;
    if (values.json) {
      io.stdout(
        JSON.stringify({
          agent: result.read.agent,
          bytesIn: result.bytesIn,
          bytesOut: result.bytesOut,
          outputShare: result.bytesIn ? result.bytesOut / result.bytesIn : 0,
          lines: result.read.stats.lines,
          linesSkippedUnparsed: result.read.stats.skippedUnparsed,
          counts: result.counts,
          // What was skipped, as data: the same facts the stderr line gives.
          problems: problemsAsJson(result.read.problems),
          problemsText: problems,
          out: typeof values.out === 'string' ? resolve(io.cwd, values.out) : undefined,
          markdown: typeof values.out === 'string' || values.stats ? undefined : result.markdown,
        }) + '\n',
      );
    } else if (values.stats) {
      const c = result.counts;
      io.stdout(
        [
          `agent        ${result.read.agent ?? 'unknown'}`,
          `bytes in     ${result.bytesIn}`,
          `bytes out    ${result.bytesOut} (${((result.bytesOut / result.bytesIn) * 100).toFixed(2)}% of the log; ${reduction.toFixed(2)}% reduction)`,
          `lines        ${result.read.stats.lines} (${result.read.stats.skippedUnparsed} skipped without parsing)`,
          `user         ${c.user}`,
          `thinking     ${c.thinking} (${c.emptyThinking} empty, ${c.assistantStandIn} assistant texts stand in)`,
          `compactions  ${c.compaction} (${c.compactionSummary} summaries)`,
          `api errors   ${c.apiError}`,
          `interrupts   ${c.interrupt}`,
        ].join('\n') + '\n',
      );
    }
    return 0;
  },
};

/** Why nothing came out, in the words a user can act on. */
function unusableReason(name: string, read: ReadResult, problems: string | undefined): string {
  const { lines, records } = read.stats;
  // Not a log at all: say that, not the 20 ways each of its lines failed to parse.
  if (records + read.stats.skippedUnparsed === 0) {
    if (read.problems.oversized.count === lines) return `nothing to extract from ${name}: ${problems}`;
    return `${name} is not a session log: none of its ${lines} line(s) is a JSON record${read.problems.invalidJson.count > 1 ? ' (a binary file?)' : ''}`;
  }
  if (read.agent === undefined) return `${name} is not a Claude Code or Codex session log (no known record types)${problems ? `; ${problems}` : ''}`;
  return `nothing to extract from ${name}: no user messages, thinking or system events${problems ? `; ${problems}` : ''}`;
}

/** ReadProblems (with a Map) → plain JSON. */
function problemsAsJson(p: ReadProblems) {
  return {
    invalidJson: p.invalidJson,
    invalidUtf8: p.invalidUtf8,
    oversized: p.oversized,
    malformed: p.malformed,
    unknownTypes: Object.fromEntries(p.unknownTypes),
    truncatedLastLine: p.truncatedLastLine,
  };
}
