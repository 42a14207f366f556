// The "Carried forward from earlier sessions" section of resume-prompt.md. It is rendered on its own,
// under its own share of the budget, and placed before "## Modified files" (or the next section the
// prompt has): the rest of the prompt is rendered with what is left.
import type { CarriedItem, CarriedKind, HandoverData, ResolvedItem } from '../shared/handoverData.js';
import { estimateTokens } from './resumePrompt.js';

export const CARRIED_HEADING = '## Carried forward from earlier sessions';
/** The carried section may take at most this share of the prompt's budget. */
export const CARRIED_BUDGET_SHARE = 0.3;

/** Headings the section goes before, first one found wins (V2LAYOUT order, then the v1 tail). */
const BEFORE = ['## Modified files', '## Open tasks', '## Reasoning log', '## Earlier compaction summaries', '## Left out', '## Where the archived log is'];

const GROUPS: { kind: CarriedKind; heading: string; priority: number }[] = [
  { kind: 'request', heading: 'Requests not done yet', priority: 95 },
  { kind: 'error', heading: 'Errors still unresolved', priority: 100 },
  { kind: 'task', heading: 'Open tasks', priority: 90 },
  { kind: 'constraint', heading: "The user's standing constraints", priority: 85 },
  { kind: 'rejected', heading: 'Rejected approaches (do not retry without a new reason)', priority: 60 },
  { kind: 'decision', heading: 'Decisions and their reasons', priority: 50 },
];

function inline(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function where(item: CarriedItem): string {
  const lines = item.citations.slice(0, 3).map((c) => c.line);
  const session = item.from.sessionId;
  return lines.length ? `(session ${session}, log line ${lines.join(', ')})` : `(session ${session})`;
}

function itemLine(item: CarriedItem): string {
  const detail = item.detail && !item.text.includes(item.detail) ? ` — ${inline(item.detail, 500)}` : '';
  const command = item.command && !item.text.includes(item.command) ? ` ← ${inline(item.command, 200)}` : '';
  return `- ${inline(item.text, 600)}${command}${detail} ${where(item)}\n`;
}

function resolvedLine(item: ResolvedItem): string {
  const at = item.resolvedBy ? ` (log line ${item.resolvedBy.line})` : '';
  return `- ${item.kind}: ${inline(item.text, 160)} — ${item.how}${at}\n`;
}

function settledLine(resolved: ResolvedItem[]): string {
  const counts = GROUPS.map((g) => [g.kind, resolved.filter((r) => r.kind === g.kind).length] as const).filter(([, n]) => n > 0);
  return `Settled in this session and no longer carried: ${counts.map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ')}.\n`;
}

export interface RenderedCarried {
  markdown: string;
  tokens: number;
  dropped: number;
}

/** The section, within `maxTokens`: resolved lines go first (oldest first), then the oldest low-priority items. */
export function renderCarriedSection(data: Pick<HandoverData, 'previous' | 'chain' | 'carried'>, maxTokens: number): RenderedCarried {
  const carried = data.carried;
  const previous = data.previous;
  if (!carried || !previous) return { markdown: '', tokens: 0, dropped: 0 };
  const first = data.chain?.[0] ?? previous;
  const depth = data.chain?.length ?? 1;
  const head =
    `${CARRIED_HEADING}\n\n` +
    `This session was started from the handover of session \`${previous.sessionId}\`${previous.handoverId !== previous.sessionId ? ` (.handover/${previous.handoverId})` : ''}${previous.createdAt ? `, written ${previous.createdAt}` : ''}; ` +
    (depth > 1 ? `the chain goes back ${depth} handovers to session \`${first.sessionId}\`. ` : 'it is the first of the chain. ') +
    'Each item is in its original words, cited in the archived log of the session where it happened: `handover show <session>:<line>` (or the MCP tool show with ref "<session>:<line>") shows it; `handover chain` (MCP: chain) lists the chain.\n\n' +
    (carried.missing ? `_${inline(carried.missing, 300)}._\n\n` : '');

  // Newest sessions first within a group: the budget cuts from the end of each group's ranking.
  const order = new Map((data.chain ?? []).map((link, i) => [link.sessionId, i]));
  const age = (item: CarriedItem) => order.get(item.from.sessionId) ?? -1;
  const resolvedSummary = carried.resolved.length ? settledLine(carried.resolved) : '';
  const noteFor = (n: number) => (n ? `_${n} older carried item(s) left out to stay within the budget; handover.json keeps them all._\n\n` : '');
  // Fixed costs first: the intro, the settled line, every group heading that could appear, the note.
  const headings = GROUPS.filter((g) => carried.items.some((i) => i.kind === g.kind)).reduce((sum, g) => sum + estimateTokens(`### ${g.heading}\n\n\n`), 0);
  let remaining = maxTokens - estimateTokens(head) - estimateTokens(resolvedSummary + '\n') - headings - estimateTokens(noteFor(carried.items.length)) - 4;
  const ranked = carried.items
    .map((item, index) => ({ item, index, priority: GROUPS.find((g) => g.kind === item.kind)?.priority ?? 0 }))
    .sort((a, b) => b.priority - a.priority || age(b.item) - age(a.item) || a.index - b.index);
  const kept = new Set<CarriedItem>();
  let dropped = 0;
  for (const { item } of ranked) {
    const cost = estimateTokens(itemLine(item));
    if (cost <= remaining) {
      kept.add(item);
      remaining -= cost;
    } else dropped++;
  }

  // What this session settled: the one line always; the items themselves while room lasts, newest first.
  let resolvedPart = '';
  if (resolvedSummary) {
    const lines: string[] = [];
    for (const item of [...carried.resolved].sort((a, b) => age(b) - age(a))) {
      const line = resolvedLine(item);
      if (estimateTokens(line) > remaining) continue;
      remaining -= estimateTokens(line);
      lines.push(line);
    }
    resolvedPart = `${resolvedSummary}${lines.length ? '\n' + lines.join('') : ''}\n`;
  }

  const groups = GROUPS.map((g) => {
    const body = carried.items
      .filter((i) => i.kind === g.kind && kept.has(i))
      .map(itemLine)
      .join('');
    return body ? `### ${g.heading}\n\n${body}\n` : '';
  }).join('');
  const markdown = head + groups + resolvedPart + noteFor(dropped);
  return { markdown, tokens: estimateTokens(markdown), dropped };
}

/** Places the section before the first of the later sections the prompt has; at the end otherwise. */
export function insertCarriedSection(prompt: string, section: string): string {
  if (!section) return prompt;
  for (const heading of BEFORE) {
    const at = prompt.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
    if (at >= 0) return prompt.slice(0, at) + section + prompt.slice(at);
  }
  return `${prompt.replace(/\n*$/, '\n\n')}${section}`;
}
