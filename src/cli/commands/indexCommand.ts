// `handover index [--all]`: take in the logs that changed since the last run (or rebuild everything).
import { statSync } from 'node:fs';
import { type CliCommand } from '../command.js';
import { describeIndexRun, megabytes, type IndexJson } from '../../shared/cliJson.js';
import { handoverHome } from '../../util/handoverHome.js';
import { updateIndex } from '../../search/indexer.js';
import { defaultSources } from '../../search/sources.js';
import { progressPrinter, runWithIndex } from '../indexAccess.js';

export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'Update the search index from the archive, ~/.claude/projects and ~/.codex/sessions (--all: rebuild it).',
  usage: 'handover index [--all] [--json]',
  options: {
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const home = handoverHome(io.env);
    const sources = defaultSources(home, io.env);
    const { report, path } = await runWithIndex(io, async (index) => ({
      report: await updateIndex(index, { sources, rebuild: values.all === true, onProgress: progressPrinter(io) }),
      path: index.path,
    }));
    for (const problem of report.problems.slice(0, 10)) io.stderr(`handover index: ${problem}\n`);
    if (report.problems.length > 10) io.stderr(`handover index: … and ${report.problems.length - 10} more logs with unreadable records\n`);
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      /* reported as 0 */
    }
    if (values.json) {
      const json: IndexJson = { ...report, index: path, indexBytes: size, sources: sources.map((s) => s.dir) };
      io.stdout(JSON.stringify(json) + '\n');
      return 0;
    }
    io.stdout(`${describeIndexRun(report)}\nindex: ${path} (${megabytes(size)})\n`);
    return 0;
  },
};
