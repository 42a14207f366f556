// `handover mcp`: a stdio MCP server over the search index and the handovers, built on the official
// SDK. Every result is redacted and capped (paging.ts); a bad argument is a tool error the agent can
// read and fix, never a crash of the server.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import * as z from 'zod';
import { SearchUnavailableError } from '../search/sqliteRuntime.js';
import { CursorError, decodeCursor, pageOf } from './paging.js';
import { Retrieval, RetrievalInputError } from './retrieval.js';
import { chainTool, fileHistoryTool, latestHandoverTool, searchTool, showTool, type ToolContext } from './tools.js';

export interface McpServerOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  /** The agent's project directory: the default workspace of latest_handover. */
  workspace: string;
  maxBytes: number;
  version: string;
  /** Where to say what went wrong inside (stdout belongs to the protocol). */
  log: (line: string) => void;
}

export const MCP_TOOL_NAMES = ['search', 'show', 'latest_handover', 'file_history', 'chain'] as const;

const INSTRUCTIONS =
  'Search the full text of past Claude Code and Codex sessions (every prompt, answer, command, error and file edit, also from before a compaction). ' +
  'Call search first; each hit names a ref <session-id>:<line>; read one with show(ref). file_history(path) lists the sessions that changed or discussed a file; ' +
  'latest_handover returns the newest verified handover of the workspace; chain lists the sessions it continues (each started from the one before). Results are capped: a result that ends with a cursor continues when the same tool is called with only {"cursor": …}.';

const cursor = z.string().optional().describe('The cursor the previous page ended with: pass it alone to get the next page.');

type Handler = (args: Record<string, unknown>, ctx: ToolContext) => Promise<string>;

export function createHandoverMcpServer(options: McpServerOptions): { server: McpServer; retrieval: Retrieval } {
  const retrieval = new Retrieval({ home: options.home, env: options.env, cwd: options.workspace, onNotice: options.log });
  const ctx: ToolContext = { retrieval, home: options.home, workspace: options.workspace };
  const server = new McpServer({ name: 'handover', version: options.version }, { instructions: INSTRUCTIONS });

  const run = (tool: string, handler: Handler) => async (given: Record<string, unknown>) => {
    try {
      const { cursor: token, ...rest } = given;
      const { args, offset } = typeof token === 'string' && token ? decodeCursor(tool, token) : { args: rest, offset: 0 };
      const whole = await handler(args, ctx);
      const page = pageOf(whole, { tool, args, offset, maxBytes: options.maxBytes });
      return { content: [{ type: 'text' as const, text: page.text }] };
    } catch (error) {
      if (error instanceof RetrievalInputError || error instanceof CursorError || error instanceof SearchUnavailableError)
        throw new Error(`${tool}: ${error.message}`, { cause: error });
      options.log(`handover mcp: ${tool} failed: ${(error as Error)?.stack ?? String(error)}`);
      throw new Error(`${tool} failed inside Handover: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    }
  };

  server.registerTool(
    'search',
    {
      title: 'Search past sessions',
      description:
        'Full-text search (BM25) over every past Claude Code and Codex session on this machine: prompts, answers, thinking, tool calls, command output, errors, compaction summaries. ' +
        'Use it before redoing work, when the user refers to something from an earlier session, or to find an error message, a decision or a command seen before. ' +
        'Returns hits as <session-id>:<line> refs with kind, time and a snippet; read a hit with show(ref).',
      inputSchema: {
        query: z
          .string()
          .max(2000)
          .optional()
          .describe('Words to find (FTS5 syntax allowed: "exact phrase", prefix*, OR, NOT). Required unless cursor is given.'),
        project: z.string().optional().describe('Only sessions whose project folder contains this text.'),
        agent: z.enum(['claude', 'codex']).optional().describe('Only sessions of this agent.'),
        kind: z
          .string()
          .optional()
          .describe('Comma-separated record kinds: user, assistant, thinking, tool-call, tool-result, tool-error, compaction, system.'),
        since: z.string().optional().describe('Only records at or after this time: an ISO date (2026-06-01) or an age (7d, 12h, 2w).'),
        limit: z.number().int().min(1).max(100).optional().describe('Most hits to return (default 10).'),
        cursor,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run('search', searchTool),
  );
  server.registerTool(
    'show',
    {
      title: 'Show a session record',
      description:
        'One record of a past session, readably, with its neighbours: what a search hit points at. ref is <session-id>:<line> as search prints it (a unique prefix of the session id is enough).',
      inputSchema: {
        ref: z.string().max(1000).optional().describe('<session-id>:<line>, from a search or file_history hit. Required unless cursor is given.'),
        context: z.number().int().min(0).max(20).optional().describe('Records to show before and after (default 2).'),
        cursor,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run('show', showTool),
  );
  server.registerTool(
    'latest_handover',
    {
      title: 'Latest handover',
      description:
        "The newest verified handover (resume-prompt.md) of a workspace: what the user asked, where things stand, decisions, errors, rejected approaches, modified files, open tasks. Pass section to get one part (e.g. 'Open tasks').",
      inputSchema: {
        workspace: z.string().optional().describe('Workspace folder (default: the current project).'),
        section: z.string().optional().describe('Only the section whose heading contains this text.'),
        cursor,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run('latest_handover', latestHandoverTool),
  );
  server.registerTool(
    'file_history',
    {
      title: 'File history across sessions',
      description:
        'The past sessions and records that changed or discussed a file, newest first, grouped by session. Use it before editing a file an earlier session worked on.',
      inputSchema: {
        path: z.string().max(1000).optional().describe('The file, as sessions name it (e.g. src/app.ts or an absolute path). Required unless cursor is given.'),
        limit: z.number().int().min(1).max(200).optional().describe('Most records to return (default 30).'),
        cursor,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run('file_history', fileHistoryTool),
  );
  server.registerTool(
    'chain',
    {
      title: 'Chain of sessions',
      description:
        "The chain of handovers a session belongs to: each session started from the previous one's handover, oldest first, with when it ran, its last request and what it carried forward and settled. " +
        'Use it to find the earlier session where a carried decision, constraint or error happened, then show(<that-session>:<line>).',
      inputSchema: {
        id: z.string().max(200).optional().describe('A handover or session id of the chain (default: the newest handover of the workspace).'),
        workspace: z.string().optional().describe('Workspace folder (default: the current project).'),
        cursor,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run('chain', chainTool),
  );
  return { server, retrieval };
}

/** Serves MCP on stdin/stdout until the client closes stdin. */
export async function runStdioMcpServer(options: McpServerOptions): Promise<void> {
  const { server, retrieval } = createHandoverMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolvePromise) => {
    transport.onclose = () => resolvePromise();
    process.stdin.once('end', () => resolvePromise());
    process.stdin.once('close', () => resolvePromise());
  });
  await server.connect(transport);
  await closed;
  retrieval.close();
  await server.close().catch(() => undefined);
}
