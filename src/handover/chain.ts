// Chains: a session started from handover N gets, in its own handover N+1, what N (and N's own carried
// items) left open: requests not done, unresolved errors, open tasks, standing constraints, rejected
// approaches, decisions with their reasons. Every item keeps its original words and its citation into
// the archived log of the session where it happened; nothing is ever a summary of a summary. What this
// session settled leaves the chain here, named in one line.
import { join } from 'node:path';
import { open, readFile } from 'node:fs/promises';
import { detectChainLink } from '../analysis/chainLink.js';
import { commandOfErrorTitle, displayKey, lastCommandOutcomes, type CommandOutcome } from '../analysis/chainEvidence.js';
import {
  HANDOVER_DIR,
  HANDOVER_FILES,
  type AgentKind,
  type CarriedForward,
  type CarriedItem,
  type CarriedKind,
  type ChainLink,
  type Citation,
  type Finding,
  type HandoverData,
  type OpenTask,
  type ResolvedItem,
} from '../shared/handoverData.js';
import { claimLaunch, findLaunch } from './chainLaunch.js';
import { isSeedPrompt } from './seedPrompt.js';
import { verifyHandover } from './sign.js';

/** Per earlier session, at most this many decisions and rejected approaches enter the chain (best first). */
const PER_SESSION = { decisions: 12, rejected: 12, errors: 20, constraints: 20 };

export interface ChainFields {
  previous: ChainLink;
  chain: ChainLink[];
  carried: CarriedForward;
}

/** What the session being handed over shows, for settling carried items. */
export interface CurrentSession {
  sessionId: string;
  agent: AgentKind;
  archivedLog: string;
  workspace: string;
  home: string;
  openTasks: OpenTask[];
  findings: Finding[];
}

/**
 * Links a session to the handover it was started from and computes what is carried into its own
 * handover. Undefined when the session was not started from a handover.
 */
export async function linkChain(current: CurrentSession): Promise<ChainFields | undefined> {
  const detected = await detectChainLink(current.archivedLog, current.sessionId);
  let handoverId = detected?.handoverId;
  let via = detected?.via;
  // The launch record written just before the session began: the evidence when the log has none (an
  // agent command that did not pass the seed on); either way it is claimed, one launch one session.
  const launch = await findLaunch(
    current.home,
    current.workspace,
    current.agent,
    detected?.firstTimestamp ?? (await firstTimestampOf(current.archivedLog)),
    current.sessionId,
  );
  if (launch && launch.handoverId !== current.sessionId && (!handoverId || handoverId === launch.handoverId)) {
    handoverId ??= launch.handoverId;
    via ??= 'launch';
    await claimLaunch(launch, current.sessionId);
  }
  if (!handoverId) return undefined;

  const dir = join(current.workspace, HANDOVER_DIR, handoverId);
  const previous = await readPrevious(dir, current.home);
  if ('missing' in previous) {
    const link: ChainLink = { sessionId: handoverId, handoverId, via };
    return { previous: link, chain: [link], carried: { items: [], resolved: [], droppedByBudget: 0, missing: previous.missing } };
  }
  const prev = previous.data;
  const link: ChainLink = { sessionId: prev.sessionId, handoverId, createdAt: prev.createdAt, agent: prev.agent, via };
  const outcomes = await lastCommandOutcomes(current.archivedLog);
  return {
    previous: link,
    // A chain never names the handover twice, nor this session (a pasted prompt of a later one could loop).
    chain: [...(prev.chain ?? []).filter((l) => l.handoverId !== handoverId && l.handoverId !== current.sessionId && l.sessionId !== current.sessionId), link],
    carried: carryForward(prev, handoverId, current, outcomes),
  };
}

async function readPrevious(dir: string, home: string): Promise<{ data: HandoverData } | { missing: string }> {
  let text: string;
  try {
    text = await readFile(join(dir, HANDOVER_FILES.data), 'utf8');
  } catch {
    return { missing: `the previous handover ${dir} is gone; nothing could be carried from it` };
  }
  // Carried text goes into the next prompt: only a handover this machine signed is trusted with that.
  const verdict = await verifyHandover(dir, home);
  if (!verdict.ok) return { missing: `the previous handover ${dir} does not verify (${verdict.reason}); nothing was carried from it` };
  try {
    return { data: JSON.parse(text) as HandoverData };
  } catch {
    return { missing: `the previous handover ${dir} holds no readable handover.json; nothing was carried from it` };
  }
}

/** The first timestamp in the log's head (only its first 64 KB are read: logs run to hundreds of MB). */
async function firstTimestampOf(logPath: string): Promise<string | undefined> {
  const handle = await open(logPath, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return /"timestamp"\s*:\s*"([^"]+)"/.exec(buffer.toString('utf8', 0, bytesRead))?.[1];
  } finally {
    await handle.close();
  }
}

/**
 * Whitespace, case and trailing punctuation do not make two items different, nor does the kind: the
 * user's sentence read both as a constraint and as a decision is carried once, as what it was first.
 */
function itemKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?…\s]+$/, '')
    .trim();
}

const onSession = (citations: Citation[], sessionId: string): Citation[] => citations.map((c) => ({ ...c, session: c.session ?? sessionId }));

function isErrorOpen(finding: Finding & { status?: string }): boolean {
  // An error the session went on from without running it again is not carried: it was likely worked
  // around, and the next session would be told it is "still unresolved".
  if (finding.wentOnWith) return false;
  if (finding.status) return finding.status === 'unresolved';
  return !/\bResolved: a later run succeeded\b/.test(finding.detail);
}

/** The previous handover's own open items (not its carried ones), in their words, cited into its log. */
export function ownItems(prev: HandoverData, handoverId: string): CarriedItem[] {
  const from = { sessionId: prev.sessionId, handoverId, createdAt: prev.createdAt };
  const items: CarriedItem[] = [];
  const add = (kind: CarriedKind, text: string, citations: Citation[], detail?: string, command?: string) =>
    items.push({ kind, text, ...(detail ? { detail } : {}), ...(command ? { command } : {}), from, citations: onSession(citations, prev.sessionId) });

  // Most binding first: a text that is both a constraint and the last request is carried as a constraint.
  const best = (analyst: string, n: number) =>
    prev.findings
      .filter((f) => f.analyst === analyst)
      .sort((a, b) => b.score - a.score)
      .slice(0, n);
  // v2 findings name the failed command apart from the error line; v1 titles open with it.
  for (const f of best('errors', PER_SESSION.errors).filter(isErrorOpen)) add('error', f.title, f.citations, f.detail, (f as { command?: string }).command);
  for (const task of prev.openTasks ?? []) if (task.status !== 'completed') add('task', task.content, []);
  for (const fact of (prev.constraints ?? []).slice(0, PER_SESSION.constraints)) add('constraint', fact.text, fact.citations);
  const request = lastRequestOf(prev);
  if (request) add('request', request.text, request.line ? [{ line: request.line }] : []);
  for (const f of [...best('rejected', PER_SESSION.rejected), ...best('refusals', PER_SESSION.rejected)]) add('rejected', f.title, f.citations, f.detail);
  for (const f of best('decisions', PER_SESSION.decisions)) add('decision', f.title, f.citations, f.detail);
  return items;
}

/**
 * The last substantive request of the previous session: v2 handovers list the conversation with lines;
 * older ones keep only the text. A seed prompt is not a request: the real one is already carried.
 */
function lastRequestOf(prev: HandoverData): { text: string; line?: number } | undefined {
  const conversation = (prev as { conversation?: { messages?: { line: number; text: string }[]; lastRequest?: number } }).conversation;
  const message = conversation?.lastRequest !== undefined ? conversation.messages?.[conversation.lastRequest] : undefined;
  const request = message ? { text: message.text, line: message.line } : prev.summary?.lastUserRequest ? { text: prev.summary.lastUserRequest } : undefined;
  if (!request || isSeedPrompt(request.text)) return undefined;
  return request;
}

/** Carried items of the previous handover plus its own, minus what this session settled. Pure. */
export function carryForward(
  prev: HandoverData,
  handoverId: string,
  current: Pick<CurrentSession, 'openTasks' | 'findings'>,
  outcomes: Map<string, CommandOutcome>,
): CarriedForward {
  const seen = new Set<string>();
  const candidates: CarriedItem[] = [];
  // Older first: an item that recurs keeps the citation of the session where it first happened.
  for (const item of [...(prev.carried?.items ?? []), ...ownItems(prev, handoverId)]) {
    const key = itemKey(item.text);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(item);
  }

  const completed = new Set(current.openTasks.filter((t) => t.status === 'completed').map((t) => itemKey(t.content)));
  const unfinished = current.openTasks.some((t) => t.status !== 'completed');
  const ownUnresolved = current.findings.some((f) => f.analyst === 'errors' && isErrorOpen(f));
  const items: CarriedItem[] = [];
  const resolved: ResolvedItem[] = [];
  for (const item of candidates) {
    if (item.kind === 'error') {
      const command = commandOfErrorTitle(item.command ?? item.text) ?? commandOfErrorTitle(item.text);
      const outcome = command ? outcomes.get(displayKey(command)) : undefined;
      if (outcome?.passed) {
        resolved.push({ ...item, resolvedBy: outcome.at, how: `\`${outcome.display}\` passed` });
        continue;
      }
    } else if (item.kind === 'task' && completed.has(itemKey(item.text))) {
      resolved.push({ ...item, how: 'task completed' });
      continue;
    }
    items.push(item);
  }
  // Requests are settled when this session ended with its work done: every task completed, no error
  // left open, its own or carried. Without a task list the log cannot say, and the request stays.
  const settled = current.openTasks.length > 0 && !unfinished && !ownUnresolved && !items.some((i) => i.kind === 'error');
  if (settled) {
    for (const item of items.filter((i) => i.kind === 'request'))
      resolved.push({ ...item, how: 'this session ended with every task completed and no error open' });
  }
  return { items: capped(settled ? items.filter((i) => i.kind !== 'request') : items), resolved, droppedByBudget: 0 };
}

/** handover.json stays bounded however long the chain: past the cap, the oldest decisions and rejected approaches go. */
const MAX_CARRIED = 400;
function capped(items: CarriedItem[]): CarriedItem[] {
  let excess = items.length - MAX_CARRIED;
  if (excess <= 0) return items;
  const dropped = new Set<CarriedItem>();
  // Items are oldest first: the first decisions, then the first rejected approaches, leave.
  for (const kind of ['decision', 'rejected'] as const) {
    for (const item of items) {
      if (excess <= 0) break;
      if (item.kind === kind) {
        dropped.add(item);
        excess--;
      }
    }
  }
  return items.filter((i) => !dropped.has(i));
}
