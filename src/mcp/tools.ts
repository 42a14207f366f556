// The MCP tools as plain functions of their arguments to text: search first, then fetch by reference.
// No SDK here (server.ts registers them), so the rendering is testable on its own.
import type { SearchHit } from '../search/query.js';
import { ChainNotFoundError, formatChain, loadChain } from '../handover/chainWalk.js';
import { latestHandover } from './latestHandover.js';
import { type FileMention, type Retrieval, RetrievalInputError } from './retrieval.js';

export interface ToolContext {
  retrieval: Retrieval;
  home: string;
  /** The workspace a tool means when it names none (the agent's project directory). */
  workspace: string;
}

const when = (hit: SearchHit) => (hit.timestamp ? hit.timestamp.slice(0, 16).replace('T', ' ') : '');

function marked(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    out += `${hit.snippet.slice(at, start)}[${hit.snippet.slice(start, end)}]`;
    at = end;
  }
  return (out + hit.snippet.slice(at)).replace(/\s+/g, ' ');
}

function hitLine(hit: SearchHit): string {
  const head = [hit.ref, hit.kind, when(hit), hit.agent ?? '', hit.project ?? '', hit.subagent ? `subagent ${hit.subagent}` : ''].filter(Boolean).join('  ');
  return `${head}\n    ${marked(hit)}`;
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RetrievalInputError(`${name} must be a string`);
  return value;
}

function wholeNumber(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new RetrievalInputError(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

export async function searchTool(args: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  const query = text(args.query, 'query')?.trim();
  if (!query) throw new RetrievalInputError('query is required: the words to look for (or pass the cursor a previous page ended with)');
  const agent = text(args.agent, 'agent');
  if (agent !== undefined && agent !== 'claude' && agent !== 'codex') throw new RetrievalInputError(`agent must be 'claude' or 'codex', not '${agent}'`);
  const hits = await ctx.retrieval.search({
    query,
    project: text(args.project, 'project'),
    agent,
    kind: text(args.kind, 'kind'),
    since: text(args.since, 'since'),
    limit: wholeNumber(args.limit, 'limit', 10, 1, 100),
  });
  if (hits.length === 0) return `No matches for ${JSON.stringify(query)}. Try fewer or other words, or drop the filters.\n`;
  return [
    `${hits.length} match${hits.length === 1 ? '' : 'es'} for ${JSON.stringify(query)} (best first; [..] marks the match). Read one with show(ref).`,
    '',
    ...hits.map(hitLine),
    '',
  ].join('\n');
}

export async function showTool(args: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  const ref = text(args.ref, 'ref')?.trim();
  if (!ref) throw new RetrievalInputError("ref is required: '<session-id>:<line>' as search prints it");
  return ctx.retrieval.show(ref, wholeNumber(args.context, 'context', 2, 0, 20));
}

export async function latestHandoverTool(args: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  const workspace = text(args.workspace, 'workspace')?.trim() || ctx.workspace;
  return (await latestHandover(workspace, ctx.home, text(args.section, 'section'))).text;
}

/** The chain of handovers a session belongs to (sessions started from one another's handovers), oldest first. */
export async function chainTool(args: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  const workspace = text(args.workspace, 'workspace')?.trim() || ctx.workspace;
  const id = text(args.id, 'id')?.trim() || undefined;
  try {
    return formatChain(workspace, await loadChain(workspace, id));
  } catch (error) {
    if (error instanceof ChainNotFoundError) throw new RetrievalInputError(error.message);
    throw error;
  }
}

export async function fileHistoryTool(args: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  const path = text(args.path, 'path')?.trim();
  if (!path) throw new RetrievalInputError('path is required: a file path as the sessions name it (e.g. src/app.ts)');
  const mentions = await ctx.retrieval.fileHistory(path, wholeNumber(args.limit, 'limit', 30, 1, 200));
  if (mentions.length === 0) return `No session names ${path}.\n`;
  // Grouped by session, sessions in the order of their newest record.
  const bySession = new Map<string, FileMention[]>();
  for (const mention of mentions) {
    const list = bySession.get(mention.hit.sessionId) ?? [];
    list.push(mention);
    bySession.set(mention.hit.sessionId, list);
  }
  const out = [`${path}: ${mentions.length} record(s) in ${bySession.size} session(s), newest first. Read one with show(ref).`, ''];
  for (const [sessionId, list] of bySession) {
    const first = list[0].hit;
    out.push(`session ${sessionId}${first.project ? `  ${first.project}` : ''}${first.agent ? `  (${first.agent})` : ''}`);
    for (const { hit, changed } of list) out.push(`  ${hit.ref}  ${changed ? 'changed' : 'mentioned'}  ${hit.kind}  ${when(hit)}\n      ${marked(hit)}`);
    out.push('');
  }
  return out.join('\n');
}
