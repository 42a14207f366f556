import { resolve } from 'node:path';
import { extractLog } from '../../extract/extractLog.js';
import { describeProblems } from '../../transcript/reader.js';
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
    if (result.bytesIn === 0) throw new CliError(`${positionals[0]} is empty: nothing to extract`, 2);
    if (!result.keptSomething) {
      const why = problems ? `: ${problems}` : result.read.agent ? '' : ' (no Claude Code or Codex records found)';
      throw new CliError(`nothing usable in ${positionals[0]}${why}`, 2);
    }
    if (problems) io.stderr(`handover: ${positionals[0]}: ${problems}\n`);
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
          out: typeof values.out === 'string' ? resolve(io.cwd, values.out) : undefined,
          markdown: typeof values.out === 'string' || values.stats ? undefined : result.markdown,
        }) + '\n',
      );
    } else if (values.stats) {
      const c = result.counts;
      const target = values.out ? io.stdout : io.stderr === io.stdout ? io.stdout : io.stdout;
      target(
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
