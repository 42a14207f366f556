// The sidebar page (runs in the webview's browser sandbox, bundled to media/sidebar.js). It renders
// what the host sends with DOM calls and textContent only: no innerHTML anywhere, so text from agent
// logs (which may contain markup) always shows as text. Messages in both directions are validated.
import { COMMAND_IDS } from '../shared/commandIds.js';
import {
  parseHostMessage,
  type FindingView,
  type HandoverDetailView,
  type HandoverListEntry,
  type HostMessage,
  type WebviewMessage,
} from '../shared/webviewProtocol.js';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscodeApi = acquireVsCodeApi();
const send = (message: WebviewMessage) => vscodeApi.postMessage(message);

const SVG_NS = 'http://www.w3.org/2000/svg';
const ANALYST_TITLES: Record<string, string> = {
  decisions: 'Decisions and why',
  errors: 'Errors and failure patterns',
  rejected: 'Rejected approaches',
  refusals: "The user's refusals and corrections",
};

const STATUS_LABELS: Record<string, string> = { resolved: 'Resolved', unresolved: 'Unresolved', 'not-rerun': 'Not re-run' };

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}, ...children: Child[]): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, ...(children.length ? children : [label]));
  if (!attrs['aria-label'] && children.length) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** `code` spans become <code> elements (text nodes inside); everything else stays plain text. */
function inline(text: string): (string | HTMLElement)[] {
  return text.split(/`([^`\n]+)`/).map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part));
}

/** Plain text with a little structure: blank lines make paragraphs, `- ` lines make lists. */
function textBlock(text: string, className = 'text'): HTMLElement {
  const root = el('div', { class: className });
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      root.append(el('ul', {}, ...lines.map((l) => el('li', {}, ...inline(l.replace(/^\s*[-*]\s+/, ''))))));
    } else {
      root.append(el('p', {}, ...inline(lines.join('\n'))));
    }
  }
  return root;
}

function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KB`;
  return `${n} B`;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function badges(entry: HandoverListEntry): HTMLElement {
  return el(
    'span',
    { class: 'badges' },
    entry.verified ? el('span', { class: 'badge ok' }, 'verified') : el('span', { class: 'badge warn' }, '⚠ unverified'),
    entry.resumed && el('span', { class: 'badge' }, 'resumed'),
    el('span', { class: 'badge' }, entry.agent),
  );
}

/** Entries of one chain stay together, under its newest one; chains and single handovers newest first. */
function threaded(entries: HandoverListEntry[]): { entry: HandoverListEntry; inThread: boolean; size: number }[] {
  const groups = new Map<string, HandoverListEntry[]>();
  for (const entry of entries) {
    const key = `${entry.folder}\u0000${entry.threadId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].flatMap((group) => group.map((entry, i) => ({ entry, inThread: i > 0, size: group.length })));
}

function renderList(entries: HandoverListEntry[], selected: HandoverDetailView | null): HTMLElement {
  const list = el('ul', { class: 'handover-list', 'aria-label': 'Handovers, newest first' });
  for (const { entry, inThread, size } of threaded(entries)) {
    const isSelected = selected !== null && selected.id === entry.id && selected.folder === entry.folder;
    const b = button(
      `${entry.title} (${formatDate(entry.createdAt)})`,
      () => send({ type: 'select', folder: entry.folder, id: entry.id }),
      { class: `entry${isSelected ? ' selected' : ''}${inThread ? ' in-thread' : ''}`, ...(isSelected ? { 'aria-current': 'true' } : {}) },
      el('span', { class: 'entry-title' }, entry.title),
      el(
        'span',
        { class: 'entry-meta' },
        `${formatDate(entry.createdAt)} · ${entry.id.slice(0, 8)}${!inThread && size > 1 ? ` · thread of ${size} sessions` : ''}`,
      ),
      badges(entry),
    );
    list.append(el('li', inThread ? { class: 'in-thread' } : {}, b));
  }
  return list;
}

function renderFindings(detail: HandoverDetailView): HTMLElement | null {
  if (detail.findings.length === 0) return null;
  const groups = new Map<string, FindingView[]>();
  for (const f of detail.findings) groups.set(f.analyst, [...(groups.get(f.analyst) ?? []), f]);
  const section = el('section', { class: 'findings', 'aria-label': 'Gap findings' }, el('h3', {}, `Gap findings (${detail.findings.length})`));
  for (const [analyst, findings] of groups) {
    const items = findings.map((f) =>
      el(
        'li',
        { class: 'finding' },
        el(
          'div',
          { class: 'finding-title' },
          f.status && el('span', { class: `badge ${f.status}` }, STATUS_LABELS[f.status] ?? 'Unresolved'),
          f.status && ' ',
          ...inline(f.title),
        ),
        f.detail && el('div', { class: 'finding-detail' }, f.detail),
        f.citations.length > 0 &&
          el(
            'div',
            { class: 'citations' },
            ...f.citations.map((c) =>
              button(
                `Open the archived log at line ${c.line}`,
                () => send({ type: 'openCitation', folder: detail.folder, id: detail.id, line: c.line, ...(c.file ? { file: c.file } : {}) }),
                { class: 'link' },
                `${c.file ? `${c.file}:` : 'line '}${c.line}`,
              ),
            ),
          ),
      ),
    );
    section.append(el('h4', {}, ANALYST_TITLES[analyst] ?? analyst), el('ul', { class: 'finding-list' }, ...items));
  }
  return section;
}

/** The chain as one thread: each session, when, what it was about, what it carried and settled. */
function renderThread(detail: HandoverDetailView): HTMLElement | null {
  if (detail.thread.length < 2) return null;
  return el(
    'section',
    { class: 'thread', 'aria-label': 'Thread of sessions' },
    el('h3', {}, `Thread: ${detail.thread.length} sessions`),
    el(
      'ol',
      { class: 'thread-list' },
      ...detail.thread.map((step, i) => {
        const current = step.id === detail.id;
        const what = i === 0 ? '' : ` · carried ${step.carried}, settled ${step.settled}`;
        const label = el('span', { class: 'thread-title' }, step.present ? step.title : `${step.id.slice(0, 8)} (handover folder gone)`);
        const meta = el('span', { class: 'entry-meta' }, `${formatDate(step.createdAt)} · ${step.id.slice(0, 8)}${what}`);
        return el(
          'li',
          current ? { class: 'current', 'aria-current': 'step' } : {},
          step.present && !current
            ? button(
                `Show session ${i + 1} of the thread: ${step.title}`,
                () => send({ type: 'select', folder: detail.folder, id: step.id }),
                { class: 'link thread-step' },
                label,
                meta,
              )
            : el('span', { class: 'thread-step' }, label, meta),
        );
      }),
    ),
  );
}

function renderFiles(detail: HandoverDetailView): HTMLElement | null {
  if (detail.modifiedFiles.length === 0) return null;
  return el(
    'section',
    { class: 'files', 'aria-label': 'Modified files' },
    el('h3', {}, `Modified files (${detail.modifiedFiles.length})`),
    el(
      'ul',
      { class: 'file-list' },
      ...detail.modifiedFiles.map((m) =>
        el(
          'li',
          {},
          button(
            `Open ${m.path} (${m.status})`,
            () => send({ type: 'openFile', folder: detail.folder, id: detail.id, path: m.path }),
            { class: 'link file' },
            el('span', { class: `status ${m.status}` }, m.status[0]?.toUpperCase() ?? '?'),
            el('span', { class: 'path' }, m.path),
          ),
          m.edits > 0 && el('span', { class: 'muted' }, ` ${m.edits} edit${m.edits === 1 ? '' : 's'}`),
        ),
      ),
    ),
  );
}

/** Where things stand: the last outcome of each test/build/lint command, each linked to its log line. */
function renderChecks(detail: HandoverDetailView): HTMLElement | null {
  if (detail.checks.length === 0) return null;
  return el(
    'section',
    { class: 'checks', 'aria-label': 'Where things stand' },
    el('h3', {}, 'Where things stand'),
    el(
      'ul',
      { class: 'check-list' },
      ...detail.checks.map((c) =>
        el(
          'li',
          { class: `check ${c.outcome}` },
          el('code', {}, c.family),
          `: ${c.outcome} `,
          button(
            `Open the archived log at line ${c.line}`,
            () => send({ type: 'openCitation', folder: detail.folder, id: detail.id, line: c.line }),
            { class: 'link' },
            `line ${c.line}`,
          ),
          c.detail && el('div', { class: 'finding-detail' }, c.detail),
        ),
      ),
    ),
  );
}

function renderTasks(detail: HandoverDetailView): HTMLElement | null {
  if (detail.openTasks.length === 0) return null;
  const mark: Record<string, string> = { completed: '☑', in_progress: '◐', pending: '☐' };
  return el(
    'section',
    { class: 'tasks', 'aria-label': 'Open tasks' },
    el('h3', {}, 'Tasks'),
    el('ul', { class: 'task-list' }, ...detail.openTasks.map((t) => el('li', { class: `task ${t.status}` }, `${mark[t.status] ?? '☐'} `, t.content))),
  );
}

/** How much was kept (log → extract → prompt) and where the compactions were, as inline SVG. */
function renderChart(detail: HandoverDetailView): HTMLElement | null {
  const { logBytes, extractBytes, promptBytes, logLines, compactionLines } = detail.stats;
  if (logBytes === 0) return null;
  const width = 240;
  const rows: [string, number][] = [
    ['log', logBytes],
    ['extract', extractBytes],
    ['prompt', promptBytes],
  ];
  const chart = svg('svg', { viewBox: `0 0 ${width + 150} ${rows.length * 18 + (logLines ? 34 : 4)}`, role: 'img', class: 'chart' });
  const label = `Kept: log ${formatBytes(logBytes)}, extract ${formatBytes(extractBytes)}, prompt ${formatBytes(promptBytes)}; ${compactionLines.length} compaction(s)`;
  chart.setAttribute('aria-label', label);
  rows.forEach(([name, bytes], i) => {
    const w = Math.max(1, Math.round((bytes / logBytes) * width));
    chart.append(svg('rect', { x: 50, y: i * 18 + 2, width: w, height: 12, class: `bar ${name}` }));
    const t = svg('text', { x: 0, y: i * 18 + 12, class: 'chart-label' });
    t.textContent = name;
    const v = svg('text', { x: 56 + width, y: i * 18 + 12, class: 'chart-value' });
    v.textContent = `${formatBytes(bytes)}${name === 'log' ? '' : ` (${((bytes / logBytes) * 100).toFixed(1)}%)`}`;
    chart.append(t, v);
  });
  if (logLines > 0) {
    const y = rows.length * 18 + 14;
    const t = svg('text', { x: 0, y: y + 4, class: 'chart-label' });
    t.textContent = 'session';
    chart.append(t, svg('line', { x1: 50, x2: 50 + width, y1: y, y2: y, class: 'timeline' }));
    for (const line of compactionLines) {
      const x = 50 + Math.round((Math.min(line, logLines) / logLines) * width);
      chart.append(svg('rect', { x: x - 1, y: y - 7, width: 3, height: 14, class: 'compaction' }));
    }
    const c = svg('text', { x: 50, y: y + 18, class: 'chart-value' });
    c.textContent = `${compactionLines.length} compaction${compactionLines.length === 1 ? '' : 's'} over ${logLines} log lines`;
    chart.append(c);
  }
  return el('section', { class: 'kept', 'aria-label': 'How much was kept' }, el('h3', {}, 'How much was kept'), chart as unknown as HTMLElement);
}

function renderDetail(detail: HandoverDetailView): HTMLElement {
  const ref = { folder: detail.folder, id: detail.id };
  return el(
    'article',
    { class: 'detail', 'aria-label': `Handover ${detail.id}` },
    el('h2', {}, detail.title),
    el('div', { class: 'entry-meta' }, `${formatDate(detail.createdAt)} · session ${detail.id}${detail.gitBranch ? ` · branch ${detail.gitBranch}` : ''}`),
    !detail.verified &&
      el(
        'div',
        { class: 'warning', role: 'alert' },
        `⚠ Not verified: ${detail.verifyProblem}. It will never be resumed automatically; resume it only if you trust where it came from.`,
      ),
    detail.dataProblem && el('div', { class: 'warning' }, `⚠ ${detail.dataProblem}: only the resume prompt is available.`),
    el(
      'div',
      { class: 'actions' },
      button('Resume', () => send({ type: 'resume', ...ref }), { class: 'primary' }),
      button('Open resume-prompt.md', () => send({ type: 'openPrompt', ...ref })),
      button('Copy prompt', () => send({ type: 'copyPrompt', ...ref })),
    ),
    detail.lastUserRequest &&
      el('section', { class: 'request', 'aria-label': 'Last user request' }, el('h3', {}, 'Last request'), textBlock(detail.lastUserRequest)),
    detail.summary && el('section', { class: 'summary', 'aria-label': 'Summary' }, el('h3', {}, 'Summary'), textBlock(detail.summary)),
    detail.compactionSummaries.length > 0 &&
      el(
        'details',
        { class: 'compactions' },
        el('summary', {}, `Earlier compaction summaries (${detail.compactionSummaries.length})`),
        ...detail.compactionSummaries.map((c) => textBlock(c)),
      ),
    renderThread(detail),
    renderChecks(detail),
    renderFindings(detail),
    renderFiles(detail),
    renderTasks(detail),
    renderChart(detail),
  );
}

function renderEmpty(): HTMLElement {
  return el(
    'section',
    { class: 'empty' },
    el('h2', {}, 'No handovers yet'),
    el(
      'p',
      {},
      'A handover is written when Claude Code is about to compact a session (with the hooks installed), or on demand. It appears here and a fresh agent continues from it.',
    ),
    el(
      'div',
      { class: 'actions' },
      button('Install Claude Code Hooks', () => send({ type: 'command', command: COMMAND_IDS.installHooks }), { class: 'primary' }),
      button('Create Handover Now', () => send({ type: 'command', command: COMMAND_IDS.createNow })),
    ),
  );
}

function render(message: Extract<HostMessage, { type: 'state' }>): void {
  const root = document.getElementById('handover-root');
  if (!root) return;
  const focusedLabel = document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent;
  root.replaceChildren(
    ...[
      message.busy && el('div', { class: 'busy', role: 'status' }, message.busy),
      message.entries.length === 0 ? renderEmpty() : renderList(message.entries, message.selected),
      message.selected && renderDetail(message.selected),
    ].filter((n): n is HTMLElement => n instanceof HTMLElement),
  );
  // Re-rendering replaces the nodes: keep keyboard focus on the same control.
  if (focusedLabel) {
    const again = Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === focusedLabel);
    again?.focus();
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'state') render(message);
  else document.getElementById('handover-root')?.prepend(el('div', { class: 'warning', role: 'alert' }, message.message));
});

send({ type: 'ready' });
