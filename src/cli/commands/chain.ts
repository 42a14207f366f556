// `handover chain [ID]`: the chain of handovers a session belongs to, oldest first: each session, when
// it ran, what was asked last, what it carried forward and what it settled.
import { resolve } from 'node:path';
import { ChainNotFoundError, formatChain, loadChain, type ChainEntry } from '../../handover/chainWalk.js';
import { CliError, type CliCommand } from '../command.js';

export const chainCommand: CliCommand = {
  name: 'chain',
  summary: 'Print the chain of handovers a session belongs to (default: the newest handover), oldest first.',
  usage: 'handover chain [HANDOVER-OR-SESSION-ID] [--workspace DIR] [--json]',
  options: { workspace: { type: 'string', short: 'w' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run({ values, positionals }, io) {
    const workspace = resolve(io.cwd, (values.workspace as string | undefined) ?? '.');
    let entries: ChainEntry[];
    try {
      entries = await loadChain(workspace, positionals[0]);
    } catch (error) {
      if (error instanceof ChainNotFoundError) throw new CliError(error.message, 1);
      throw error;
    }
    if (values.json) {
      io.stdout(JSON.stringify({ workspace, handovers: entries }) + '\n');
      return 0;
    }
    io.stdout(formatChain(workspace, entries));
    return 0;
  },
};
