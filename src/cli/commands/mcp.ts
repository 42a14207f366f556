// `handover mcp`: the MCP server on stdio (for Claude Code's plugin, Codex's [mcp_servers], any client).
// The server module (and the SDK in it) is loaded only here, so the hooks never pay for parsing it.
import { resolve } from 'node:path';
import { handoverHome } from '../../util/handoverHome.js';
import { CliError, type CliCommand } from '../command.js';

declare const HANDOVER_VERSION: string | undefined;

export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'Serve the search index and the handovers to agents over MCP (stdio): search, show, latest_handover, file_history.',
  usage: 'handover mcp [--workspace DIR] [--max-bytes N]',
  options: {
    workspace: { type: 'string', short: 'w' },
    'max-bytes': { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const { DEFAULT_MAX_RESULT_BYTES, MIN_MAX_RESULT_BYTES } = await import('../../mcp/paging.js');
    const given = values['max-bytes'] ?? io.env.HANDOVER_MCP_MAX_BYTES;
    const maxBytes = given === undefined || given === '' ? DEFAULT_MAX_RESULT_BYTES : Number(given);
    if (!Number.isInteger(maxBytes) || maxBytes < MIN_MAX_RESULT_BYTES || maxBytes > 1024 * 1024) {
      throw new CliError(`--max-bytes: '${String(given)}' is not a whole number from ${MIN_MAX_RESULT_BYTES} to 1048576`, 2);
    }
    // Claude Code starts plugin servers in the project; CLAUDE_PROJECT_DIR names it where it is set.
    const workspace = resolve(io.cwd, (values.workspace as string | undefined) ?? io.env.CLAUDE_PROJECT_DIR ?? '.');
    const { runStdioMcpServer } = await import('../../mcp/server.js');
    await runStdioMcpServer({
      home: handoverHome(io.env),
      env: io.env,
      workspace,
      maxBytes,
      version: typeof HANDOVER_VERSION === 'string' ? HANDOVER_VERSION : 'dev',
      log: (line) => io.stderr(`${line}\n`),
    });
    return 0;
  },
};
