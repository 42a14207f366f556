// `handover chain [ID]`: the chain of handovers a session belongs to, oldest first: each session, when
// it ran, what was asked last, what it carried forward and what it settled.
import { resolve } from 'node:path';
import { ChainNotFoundError, loadChain, type ChainEntry } from '../../handover/chainWalk.js';
import { isSeedPrompt } from '../../handover/seedPrompt.js';
import { CliError, type CliCommand } from '../command.js';

function oneLine(text: string | undefined, max: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const minute = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '?');

function formatEntry(entry: ChainEntry, index: number): string {
  const lines = [`${index + 1}. ${entry.sessionId}  ${entry.agent ?? ''}  ${minute(entry.firstTimestamp ?? entry.createdAt)} → ${minute(entry.lastTimestamp ?? entry.createdAt)}${entry.present ? '' : '  (handover folder gone)'}`];
  if (index > 0) lines.push(`   started from handover ${index}${entry.via ? ` (found by its ${entry.via})` : ''}; carried ${entry.carried} item(s), settled ${entry.resolved}`);
  // A seed prompt is how the session began, not something the user asked.
  if (entry.lastUserRequest && !isSeedPrompt(entry.lastUserRequest)) lines.push(`   last request: ${oneLine(entry.lastUserRequest, 160)}`);
  if (entry.summary) lines.push(`   ${oneLine(entry.summary, 220)}`);
  if (entry.handoverId !== entry.sessionId) lines.push(`   handover: .handover/${entry.handoverId}`);
  return lines.join('\n') + '\n';
}

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
    io.stdout(`Chain of ${entries.length} handover${entries.length === 1 ? '' : 's'} in ${workspace}, oldest first:\n\n${entries.map(formatEntry).join('\n')}\nShow a cited record: handover show <session-id>:<line>; search the chain: handover search "<words>" --chain ${entries.at(-1)!.handoverId}\n`);
    return 0;
  },
};
