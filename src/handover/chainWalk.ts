// Reads a whole chain out of a workspace's handovers: back from any handover along `previous`, and
// forward to the newest handover whose chain contains it. Used by `handover chain`, `handover search
// --chain` and the sidebar's thread view. A handover folder that is gone still appears, from the
// `chain` list its successors keep, marked as missing.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES, type ChainLink, type HandoverData } from '../shared/handoverData.js';
import { isSafeSessionId } from '../util/sessionId.js';
import { isSeedPrompt } from './seedPrompt.js';

export interface ChainEntry {
  handoverId: string;
  sessionId: string;
  agent?: string;
  createdAt?: string;
  /** The session's own span. */
  firstTimestamp?: string;
  lastTimestamp?: string;
  lastUserRequest?: string;
  /** The handover's one-paragraph narrative. */
  summary?: string;
  via?: ChainLink['via'];
  carried: number;
  resolved: number;
  /** False when the handover's folder is no longer in the workspace. */
  present: boolean;
}

export class ChainNotFoundError extends Error {}

async function readData(workspace: string, handoverId: string): Promise<HandoverData | undefined> {
  if (!isSafeSessionId(handoverId)) return undefined;
  try {
    return JSON.parse(await readFile(join(workspace, HANDOVER_DIR, handoverId, HANDOVER_FILES.data), 'utf8')) as HandoverData;
  } catch {
    return undefined;
  }
}

function entryOf(handoverId: string, data: HandoverData | undefined, link?: ChainLink): ChainEntry {
  if (!data)
    return {
      handoverId,
      sessionId: link?.sessionId ?? handoverId,
      agent: link?.agent,
      createdAt: link?.createdAt,
      via: link?.via,
      carried: 0,
      resolved: 0,
      present: false,
    };
  return {
    handoverId,
    sessionId: data.sessionId,
    agent: data.agent,
    createdAt: data.createdAt,
    firstTimestamp: data.summary?.firstTimestamp,
    lastTimestamp: data.summary?.lastTimestamp,
    lastUserRequest: data.summary?.lastUserRequest,
    summary: data.summary?.text,
    via: data.previous?.via,
    carried: data.carried?.items.length ?? 0,
    resolved: data.carried?.resolved.length ?? 0,
    present: true,
  };
}

/** Every handover of the workspace, by id (folders without a readable handover.json are skipped). */
export async function workspaceHandovers(workspace: string): Promise<Map<string, HandoverData>> {
  const names = await readdir(join(workspace, HANDOVER_DIR)).catch(() => [] as string[]);
  const all = new Map<string, HandoverData>();
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const data = await readData(workspace, name);
    if (data) all.set(name, data);
  }
  return all;
}

/**
 * The chain `handoverId` belongs to, oldest first. Without an id: the chain of the newest handover.
 * Throws ChainNotFoundError when there is no such handover.
 */
export async function loadChain(workspace: string, handoverId?: string): Promise<ChainEntry[]> {
  const all = await workspaceHandovers(workspace);
  let start = handoverId;
  if (start === undefined) {
    const newest = [...all].sort((a, b) => Date.parse(b[1].createdAt) - Date.parse(a[1].createdAt))[0];
    if (!newest) throw new ChainNotFoundError(`no handover in ${join(workspace, HANDOVER_DIR)} yet`);
    start = newest[0];
  } else if (!all.has(start)) {
    // A session id works too: the handover whose session it is, or one whose chain names it.
    const bySession =
      [...all].find(([, d]) => d.sessionId === start)?.[0] ??
      [...all].find(([, d]) => d.chain?.some((l) => l.handoverId === start || l.sessionId === start))?.[0];
    if (!bySession) throw new ChainNotFoundError(`no handover ${start} in ${join(workspace, HANDOVER_DIR)}`);
    start = bySession;
  }

  // Forward: the newest handover whose chain contains the start is the chain's tip.
  let tip = start;
  for (const [id, data] of all) {
    if (id === start || !data.chain?.some((l) => l.handoverId === start)) continue;
    const tipData = all.get(tip)!;
    if (
      (data.chain?.length ?? 0) > (tipData.chain?.length ?? 0) ||
      ((data.chain?.length ?? 0) === (tipData.chain?.length ?? 0) && Date.parse(data.createdAt) > Date.parse(tipData.createdAt))
    )
      tip = id;
  }

  // Back from the tip: the tip's own `chain` list is the authority; each present handover adds detail.
  const tipData = all.get(tip)!;
  const links = tipData.chain ?? [];
  const seen = new Set<string>();
  const entries: ChainEntry[] = [];
  for (const link of links) {
    if (seen.has(link.handoverId) || link.handoverId === tip) continue;
    seen.add(link.handoverId);
    entries.push(entryOf(link.handoverId, all.get(link.handoverId), link));
  }
  entries.push(entryOf(tip, tipData));
  return entries;
}

/** The session ids of a chain (for `handover search --chain`). */
export async function chainSessionIds(workspace: string, handoverId?: string): Promise<string[]> {
  return [...new Set((await loadChain(workspace, handoverId)).map((e) => e.sessionId))];
}

function oneLine(text: string | undefined, max: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const minute = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '?');

function formatEntry(entry: ChainEntry, index: number): string {
  const lines = [
    `${index + 1}. ${entry.sessionId}  ${entry.agent ?? ''}  ${minute(entry.firstTimestamp ?? entry.createdAt)} → ${minute(entry.lastTimestamp ?? entry.createdAt)}${entry.present ? '' : '  (handover folder gone)'}`,
  ];
  if (index > 0)
    lines.push(
      `   started from handover ${index}${entry.via ? ` (found by its ${entry.via})` : ''}; carried ${entry.carried} item(s), settled ${entry.resolved}`,
    );
  // A seed prompt is how the session began, not something the user asked.
  if (entry.lastUserRequest && !isSeedPrompt(entry.lastUserRequest)) lines.push(`   last request: ${oneLine(entry.lastUserRequest, 160)}`);
  if (entry.summary) lines.push(`   ${oneLine(entry.summary, 220)}`);
  if (entry.handoverId !== entry.sessionId) lines.push(`   handover: .handover/${entry.handoverId}`);
  return lines.join('\n') + '\n';
}

/** The chain as text, for `handover chain` and the MCP server's `chain` tool. */
export function formatChain(workspace: string, entries: ChainEntry[]): string {
  return (
    `Chain of ${entries.length} handover${entries.length === 1 ? '' : 's'} in ${workspace}, oldest first:\n\n${entries.map(formatEntry).join('\n')}\n` +
    `Show a cited record: handover show <session-id>:<line>; search the chain: handover search "<words>" --chain ${entries.at(-1)?.handoverId ?? ''}\n`
  );
}
