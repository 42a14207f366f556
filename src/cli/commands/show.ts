// `handover show <session-id>:<line>`: one record, readable, with a few records around it.
import { existsSync } from 'node:fs';
import { CliError, type CliCommand } from '../command.js';
import { handoverHome, homePaths } from '../../util/handoverHome.js';
import { formatRecordContext, readRecordContext, RecordNotFoundError, resolveRecordRef } from '../../search/recordView.js';
import { defaultSources } from '../../search/sources.js';
import { SearchUnavailableError } from '../../search/sqliteRuntime.js';
import type { SearchIndex } from '../../search/indexStore.js';
import { runWithIndex, useColor } from '../indexAccess.js';

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Print one record of a session log readably, with a few records of context.',
  usage: 'handover show <session-id>:<line> | <log.jsonl>:<line> [--context N] [--json]',
  options: {
    context: { type: 'string', short: 'C' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const context = values.context === undefined ? 3 : Number(values.context);
    if (!Number.isInteger(context) || context < 0 || context > 100)
      throw new CliError(`--context: '${String(values.context)}' is not a whole number from 0 to 100`, 2);
    const home = handoverHome(io.env);
    const sources = defaultSources(home, io.env);
    const work = async (index: SearchIndex | undefined) => {
      const ref = await resolveRecordRef(positionals[0], { cwd: io.cwd, index, sources });
      return readRecordContext(ref, { index, context });
    };
    let view;
    try {
      // The index only speeds this up (where records start, which log a session id names): without
      // one, or without node:sqlite, the logs are read directly.
      view = existsSync(homePaths(home).index)
        ? await runWithIndex(io, work).catch((error: unknown) => {
            if (error instanceof CliError && /Node ≥ 22.13/.test(error.message)) return work(undefined);
            throw error;
          })
        : await work(undefined);
    } catch (error) {
      if (error instanceof RecordNotFoundError || error instanceof SearchUnavailableError) throw new CliError(error.message, 1);
      throw error;
    }
    if (values.json) {
      io.stdout(JSON.stringify(view) + '\n');
      return 0;
    }
    const color = useColor(io);
    io.stdout(formatRecordContext(view, color ? { bold: (s) => `\x1b[1m${s}\x1b[22m` } : {}));
    return 0;
  },
};
