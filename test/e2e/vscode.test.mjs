// End-to-end test of the extension in a real VS Code (code-server) driven by a real browser:
// handovers built by the real CLI are moved into the workspace by rename, and a stub `claude` on the
// server's PATH records how the extension started it. Run with `npm run test:e2e:vscode`.
/* global document -- the functions given to frame.evaluate run inside the webview page */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findFrame, openWorkbench, readExtensionLog, readStubRecords, startCodeServer, waitFor, writeStubAgent } from './support/codeServer.mjs';
import { buildStagedHandover, signForWorkspace } from './support/handoverFixtures.mjs';
import { writeClaudeLog } from './support/fixtureLogs.mjs';

const REPO = new URL('../../', import.meta.url).pathname;
const VSIX = join(REPO, 'handover.vsix');
const ARTIFACTS = join(REPO, 'test-artifacts');
const say = (m) => process.stderr.write(`[e2e:vscode] ${m}\n`);

const SIGNED = 'a1b2c3d4-0000-4000-8000-000000000001';
const UNSIGNED = 'b2c3d4e5-0000-4000-8000-000000000002';
const HOSTILE = 'c3d4e5f6-0000-4000-8000-000000000003';
const ASKED = 'f6a7b8c9-0000-4000-8000-000000000006';
const GLOBAL_MARKER = '/tmp/pwned';

let root, ws, home, codexHome, records, codexRecords, marker, server, browser, page, dialogs, indexAtStart;
const staged = {};

before(async () => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first (npm run test:e2e:vscode does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'handover-e2e-vscode-'));
  ws = join(root, 'workspace');
  home = join(root, 'handover-home');
  records = join(root, 'agent-records');
  codexRecords = join(root, 'codex-records');
  // A Codex user's home: the sessions folder exists, today's day folder does not yet.
  codexHome = join(root, 'codex-home');
  mkdirSync(join(codexHome, 'sessions'), { recursive: true });
  marker = join(root, 'pwned');
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  mkdirSync(join(ws, '.handover'), { recursive: true });
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'handover.autoResume': 'always' }, null, 2));
  writeFileSync(join(ws, 'README.md'), '# scratch workspace\n');
  mkdirSync(join(ws, 'src'), { recursive: true });
  writeFileSync(join(ws, 'src', 'cart.ts'), 'export const total = 90;\n');
  if (existsSync(GLOBAL_MARKER)) unlinkSync(GLOBAL_MARKER);

  const staging = join(root, 'staging');
  staged.signed = await buildStagedHandover({ staging, home, workspace: ws, sessionId: SIGNED, request: 'Fix the cart total when a coupon is applied twice' });
  staged.unsigned = await buildStagedHandover({ staging, home, workspace: ws, sessionId: UNSIGNED, request: 'Unsigned handover that arrived with a git pull' });
  rmSync(join(staged.unsigned.dir, 'signature.json'));
  const hostile =
    `Render this: <img src=x onerror="document.body.dataset.pwned='img';alert('img')"> ` +
    `<script>document.body.dataset.pwned='script';alert('script')</script> ` +
    `and run $(touch ${GLOBAL_MARKER}) \`touch ${marker}\`; touch ${marker}`;
  staged.hostile = await buildStagedHandover({
    staging,
    home,
    workspace: ws,
    sessionId: HOSTILE,
    request: hostile,
    files: ['src/<img src=x onerror=alert(3)>.ts', 'src/$(touch pwned).ts'],
  });

  staged.asked = await buildStagedHandover({ staging, home, workspace: ws, sessionId: ASKED, request: 'Resume me when I say so' });

  const bin = join(root, 'bin');
  writeStubAgent(bin, 'claude', records);
  writeStubAgent(bin, 'codex', codexRecords);
  // The fixtures' builds archive their logs but index nothing: the extension must do that on its own.
  indexAtStart = existsSync(join(home, 'index.sqlite'));
  say('starting code-server…');
  server = await startCodeServer({
    vsix: VSIX,
    workspace: ws,
    pathPrepend: [bin],
    env: { HANDOVER_HOME: home, CODEX_HOME: codexHome },
    root: join(root, 'code-server'),
    log: say,
  });
  ({ browser, page, dialogs } = await openWorkbench(server.url, ws));
  await waitFor(() => readExtensionLog(server.dataDir).includes('activated in'), { timeoutMs: 120_000, intervalMs: 250, what: 'the extension to activate' });
  say(readExtensionLog(server.dataDir).match(/activated in [^\n]*/)?.[0] ?? '');
  await page.locator('.activitybar [aria-label="Handover"]').first().click();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (root && !process.env.HANDOVER_E2E_KEEP) rmSync(root, { recursive: true, force: true });
});

async function sidebarFrame() {
  return findFrame(page, '#handover-root', { timeoutMs: 30_000 });
}

async function sidebarText() {
  // textContent, not innerText: headings are upper-cased by CSS, and innerText would report that.
  return (await sidebarFrame()).$eval('#handover-root', (e) => e.textContent);
}

async function shot(name) {
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path });
  say(`screenshot: ${path}`);
}

/**
 * Runs a command by its title from the command palette (F1), as a user would. A quick input or a
 * notification toast left open by the step before can make the palette inert for a moment (seen on a
 * loaded CI machine): then Escape closes what is open and the palette is opened again, as a user would.
 */
async function runCommand(title) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      say(`command palette not ready (attempt ${attempt}): ${String(error.message).split('\n')[0]}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  return input;
}

const nonEmpty = (list) => (list.length > 0 ? list : undefined);

/** The text the active editor shows (its rendered lines, non-breaking spaces made plain). */
async function activeEditorText() {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  return ((await lines.textContent().catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
}

/** Waits for the readable record view titled `<short id>:<line>` and returns its text. */
async function recordViewText(title, expect) {
  await page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 20_000 });
  return waitFor(
    async () => {
      const text = await activeEditorText();
      return text.includes(expect) ? text : undefined;
    },
    { timeoutMs: 20_000, what: `the record view ${title} to show ${expect}` },
  );
}

/** Raw JSONL shows its keys; the readable view must not. */
const RAW_JSON = /"(sessionId|parentUuid)"\s*:|"type"\s*:\s*"(user|assistant)"/;

/** Drags the sash between the side bar and the editor so screenshots show the sidebar at a readable width. */
async function widenSidebar(width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 300, 200); // off the sash, so it is not drawn highlighted
  await new Promise((r) => setTimeout(r, 1500));
}

function moveIn(h) {
  const at = Date.now();
  renameSync(h.dir, join(ws, '.handover', h.sessionId));
  return at;
}

test('a signed handover moved in by rename opens the agent terminal with the seed prompt', { timeout: 120_000 }, async () => {
  const renamedAt = moveIn(staged.signed);
  const [record] = await waitFor(() => nonEmpty(readStubRecords(records).filter((r) => r.argv.join(' ').includes(SIGNED))), {
    timeoutMs: 30_000,
    what: 'the stub agent to start',
  });
  assert.equal(record.cwd, ws);
  assert.equal(record.argv.length, 1, `one argument, the seed prompt: ${JSON.stringify(record.argv)}`);
  assert.match(record.argv[0], new RegExp(`@\\.handover/${SIGNED}/resume-prompt\\.md`));
  const created = Number(readExtensionLog(server.dataDir).match(new RegExp(`terminal created for ${SIGNED} at (\\d+)`))?.[1]);
  say(`rename → terminal created: ${created - renamedAt} ms; rename → agent process started: ${record.startedAt - renamedAt} ms`);
  assert.ok(created >= renamedAt, 'the terminal was created after the rename');
  await waitFor(
    () =>
      page
        .getByText(`Handover: ${SIGNED.slice(0, 8)}`)
        .first()
        .isVisible()
        .catch(() => false),
    { timeoutMs: 15_000, what: 'the terminal tab' },
  );
});

test('a handover arriving updates the search index in the background, without anyone searching', { timeout: 90_000 }, async () => {
  assert.equal(indexAtStart, false, 'no index before the extension ran');
  const indexPath = join(home, 'index.sqlite');
  await waitFor(() => readExtensionLog(server.dataDir).match(/search index (updated|not updated)[^\n]*/)?.[0], {
    timeoutMs: 60_000,
    what: 'the background index run to be logged',
  });
  const logLine = readExtensionLog(server.dataDir).match(/search index (updated|not updated)[^\n]*/)[0];
  say(logLine);
  assert.match(logLine, /search index updated \(handover a1b2c3d4[^)]*\): \d+ logs: [1-9]\d* new/);
  assert.ok(existsSync(indexPath), `${indexPath} was written`);
  // The index alone (no update now) finds the archived session of the handover that arrived.
  const node = join(REPO, 'node_modules', '.bin', 'node');
  const found = spawnSync(node, [join(REPO, 'dist', 'cli.js'), 'search', 'coupon applied twice', '--no-update', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: home, HOME: server.home },
  });
  assert.equal(found.status, 0, found.stderr);
  const hits = JSON.parse(found.stdout).hits;
  assert.ok(
    hits.some((h) => h.sessionId === SIGNED && h.kind === 'user'),
    `the request of ${SIGNED} is indexed: ${JSON.stringify(hits.map((h) => h.ref))}`,
  );
});

test('the sidebar shows the summary, the findings and the modified files', { timeout: 60_000 }, async () => {
  const { data } = staged.signed;
  assert.ok(data.findings.length > 0 && data.modifiedFiles.length > 0, 'the fixture has findings and modified files');
  const text = await waitFor(
    async () => {
      const t = await sidebarText();
      return t.includes(data.summary.lastUserRequest) && t.includes('Gap findings') ? t : undefined;
    },
    { timeoutMs: 30_000, what: 'the sidebar to show the handover' },
  );
  const visible = text.replace(/\s+/g, ' ');
  const plain = (s) => s.replace(/`/g, '').replace(/\s+/g, ' ').trim();
  // The detail shows the last request above the summary; a "Began with" line that only repeats it is left out.
  const [firstLine, ...restLines] = data.summary.text.split('\n');
  const began = firstLine.startsWith('Began with: ') ? plain(firstLine.slice('Began with: '.length)).replace(/…$/, '') : '';
  const summaryShown = began && plain(data.summary.lastUserRequest).startsWith(began) ? restLines.join('\n') : data.summary.text;
  assert.ok(
    visible.includes(plain(summaryShown).slice(0, 60)) || visible.includes(summaryShown.replace(/\s+/g, ' ').slice(0, 60)),
    `summary text shown: ${summaryShown.slice(0, 80)}`,
  );
  for (const finding of data.findings) assert.ok(visible.includes(plain(finding.title)), `finding shown: ${finding.title}`);
  for (const file of data.modifiedFiles) assert.ok(visible.includes(file.path), `modified file shown: ${file.path}`);
  for (const task of data.openTasks) assert.ok(visible.includes(task.content), `task shown: ${task.content}`);
  assert.match(visible, /verified/);
  if (data.summary.compactionSummaries.length > 0) assert.ok(visible.includes(`Earlier compaction summaries (${data.summary.compactionSummaries.length})`));
  await widenSidebar(560);
  await shot('vscode-sidebar.png');
  // The "how much was kept" chart: inline SVG whose label carries the real byte counts.
  const frame = await sidebarFrame();
  const chart = frame.locator('svg.chart');
  await chart.scrollIntoViewIfNeeded();
  const label = await chart.getAttribute('aria-label');
  assert.match(label, /^Kept: log [\d.]+ (B|KB|MB), extract [\d.]+ (B|KB|MB), prompt [\d.]+ (B|KB|MB); \d+ compaction/);
  assert.equal(await chart.locator('rect.bar').count(), 3);
  assert.ok(label.includes(`; ${data.stats.compactions.length} compaction`), label);
  assert.equal(await chart.locator('rect.compaction').count(), data.stats.compactions.length);
  await shot('vscode-sidebar-chart.png');
});

test('a citation opens its record readably, the raw log at its line on request; a modified file opens in the editor', { timeout: 60_000 }, async () => {
  const frame = await sidebarFrame();
  const { data } = staged.signed;
  const line = data.findings[0].citations[0].line;
  await frame
    .locator('.citations button', { hasText: `line ${line}` })
    .first()
    .click();
  const text = await recordViewText(`${SIGNED.slice(0, 8)}:${line}`, `▶ line ${line}`);
  assert.ok(text.startsWith(`Raw log: ${data.log.archived}:${line}`), text.slice(0, 200));
  assert.doesNotMatch(text, RAW_JSON);
  await runCommand('Handover: Open Raw Log Here');
  const logName = data.log.archived.split('/').pop();
  await page.locator('.tabs-container .tab', { hasText: logName }).first().waitFor({ timeout: 15_000 });
  await waitFor(async () => ((await page.locator('.part.statusbar').textContent()) ?? '').includes(`Ln ${line},`), { what: `the cursor on line ${line}` });
  const file = data.modifiedFiles.find((m) => existsSync(join(ws, m.path)));
  assert.ok(file, 'the workspace has one of the modified files');
  await frame.locator('.file-list button', { hasText: file.path }).first().click();
  await page
    .locator('.tabs-container .tab', { hasText: file.path.split('/').pop() })
    .first()
    .waitFor({ timeout: 15_000 });
  await shot('vscode-citation.png');
});

test('the same handover arriving again does not start a second agent', { timeout: 60_000 }, async () => {
  const prompt = join(ws, '.handover', SIGNED, 'resume-prompt.md');
  renameSync(prompt, `${prompt}.away`);
  await new Promise((r) => setTimeout(r, 500));
  renameSync(`${prompt}.away`, prompt);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(readStubRecords(records).filter((r) => r.argv.join(' ').includes(SIGNED)).length, 1);
});

test('an unsigned handover is listed with a warning and does not launch', { timeout: 60_000 }, async () => {
  const before = readStubRecords(records).length;
  moveIn(staged.unsigned);
  await waitFor(() => readExtensionLog(server.dataDir).includes(`handover ${UNSIGNED} is not verified`), {
    timeoutMs: 30_000,
    what: 'the unsigned handover to be seen',
  });
  const frame = await sidebarFrame();
  await waitFor(async () => (await sidebarText()).includes(staged.unsigned.data.summary.lastUserRequest), { what: 'the unsigned handover in the list' });
  await frame.locator('button.entry', { hasText: staged.unsigned.data.summary.lastUserRequest }).click();
  const text = await waitFor(
    async () => {
      const t = await sidebarText();
      return t.includes('Not verified') ? t : undefined;
    },
    { what: 'the warning' },
  );
  assert.match(text, /unverified/);
  // Resuming it by hand asks first; saying no starts nothing.
  await frame.getByRole('button', { name: 'Resume', exact: true }).click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  assert.match(await dialog.textContent(), /is not verified/);
  await shot('vscode-unsigned-confirm.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(readStubRecords(records).length, before, 'no agent was started for the unsigned handover');
  await shot('vscode-unsigned.png');
});

test('markup and shell syntax in a handover run neither script nor commands', { timeout: 90_000 }, async () => {
  moveIn(staged.hostile);
  // It is signed, so it launches: the agent gets the seed prompt only, never the log text.
  const [record] = await waitFor(() => nonEmpty(readStubRecords(records).filter((r) => r.argv.join(' ').includes(HOSTILE))), {
    timeoutMs: 30_000,
    what: 'the stub agent for the hostile handover',
  });
  assert.equal(record.argv.length, 1);
  assert.doesNotMatch(record.argv[0], /touch|<img|<script|\$\(/);

  const frame = await sidebarFrame();
  const request = staged.hostile.data.summary.lastUserRequest;
  assert.ok(request.includes('<img src=x onerror='), 'the fixture carries the payload through the builder');
  await waitFor(async () => (await sidebarText()).includes('<img src=x onerror='), { timeoutMs: 30_000, what: 'the hostile handover in the list' });
  await frame.locator('button.entry', { hasText: '<img src=x onerror=' }).first().click();
  await waitFor(async () => (await sidebarText()).includes('src/<img src=x onerror=alert(3)>.ts'), { what: 'the hostile detail' });
  await new Promise((r) => setTimeout(r, 1500));

  const dom = await frame.evaluate(() => ({
    text: document.getElementById('handover-root').textContent,
    images: document.querySelectorAll('img').length,
    // VS Code injects one inline script of its own (acquireVsCodeApi); ours is the only one with a src.
    scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    injected: [...document.querySelectorAll('script')].filter((s) => /pwned/.test(s.textContent ?? '')).length,
    pwned: document.body.dataset.pwned ?? null,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  }));
  assert.ok(dom.text.includes(`<img src=x onerror="document.body.dataset.pwned='img';alert('img')">`), 'img markup shown as text');
  assert.ok(dom.text.includes(`<script>document.body.dataset.pwned='script';alert('script')</script>`), 'script markup shown as text');
  assert.ok(dom.text.includes(`$(touch ${GLOBAL_MARKER})`), 'shell syntax shown as text');
  assert.equal(dom.images, 0, 'no <img> element was created');
  assert.equal(dom.scripts.length, 1, `only the page's own script file: ${dom.scripts}`);
  assert.equal(dom.injected, 0, 'no script element from the handover text');
  assert.match(dom.scripts[0], /sidebar\.js/);
  assert.equal(dom.pwned, null, 'no injected script ran');
  assert.equal(dom.handlers, 0, 'no inline event handler attributes');
  assert.match(dom.csp, /default-src 'none'/);
  assert.match(dom.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
  assert.doesNotMatch(dom.csp, /unsafe-inline|unsafe-eval/);
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(existsSync(marker), false, 'no command ran (marker)');
  assert.equal(existsSync(GLOBAL_MARKER), false, `no command ran (${GLOBAL_MARKER})`);
  await shot('vscode-hostile.png');
});

test('while a hook holds a build lock the status bar and the sidebar say so', { timeout: 60_000 }, async () => {
  const lock = join(home, 'locks', 'd4e5f6a7-0000-4000-8000-000000000004');
  mkdirSync(join(home, 'locks'), { recursive: true });
  // The lock format the hooks write: a live pid (this test process) and a fresh start time.
  writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ttlMs: 120_000, host: hostname(), token: 'e2e' }));
  const statusBar = () =>
    page
      .locator('.part.statusbar')
      .textContent()
      .catch(() => '');
  await waitFor(async () => (await statusBar()).includes('Handover: building'), { timeoutMs: 20_000, what: 'the status bar to say building' });
  await waitFor(async () => (await sidebarText()).includes('A handover is being written for session d4e5f6a7'), { what: 'the sidebar banner' });
  unlinkSync(lock);
  await waitFor(async () => !(await statusBar()).includes('Handover: building'), { timeoutMs: 20_000, what: 'the status bar to stop building' });
  assert.match(await statusBar(), /Handover: resumed/);
  assert.ok(!(await sidebarText()).includes('being written'));
});

test('Create Handover Now (command palette) builds from the newest log of the workspace and resumes it', { timeout: 120_000 }, async () => {
  const sessionId = 'e5f6a7b8-0000-4000-8000-000000000005';
  const projects = join(server.home, '.claude', 'projects', ws.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(projects, { recursive: true });
  writeClaudeLog(join(projects, `${sessionId}.jsonl`), { sessionId, cwd: ws, request: 'Made on demand from the palette' });
  await runCommand('Handover: Create Handover Now');
  const [record] = await waitFor(() => nonEmpty(readStubRecords(records).filter((r) => r.argv.join(' ').includes(sessionId))), {
    timeoutMs: 60_000,
    what: 'the handover built on demand to be resumed',
  });
  assert.equal(record.cwd, ws);
  assert.ok(existsSync(join(ws, '.handover', sessionId, 'signature.json')), 'built and signed by the CLI the extension ran');
  await waitFor(async () => (await sidebarText()).includes('Made on demand from the palette'), { what: 'the new handover in the sidebar' });
  await waitFor(async () => !(await sidebarText()).includes('Building a handover'), { what: 'the building banner to go' });
  assert.doesNotMatch((await page.locator('.part.statusbar').textContent()) ?? '', /Handover: building/);
});

test('a missing agent binary gives a clear error with a button to the setting', { timeout: 60_000 }, async () => {
  const settingsPath = join(ws, '.vscode', 'settings.json');
  writeFileSync(settingsPath, JSON.stringify({ 'handover.autoResume': 'always', 'handover.agent.command': 'no-such-agent-xyz' }, null, 2));
  const before = readStubRecords(records).length;
  try {
    await new Promise((r) => setTimeout(r, 1500)); // let VS Code read the changed settings
    const frame = await sidebarFrame();
    await frame.locator('button.entry', { hasText: staged.signed.data.summary.lastUserRequest }).click();
    await waitFor(async () => (await sidebarText()).includes('Last request'), { what: 'the detail' });
    await frame.getByRole('button', { name: 'Resume', exact: true }).click();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'no-such-agent-xyz' }).first();
    await toast.waitFor({ timeout: 15_000 });
    assert.match(await toast.textContent(), /was not found on PATH/);
    await shot('vscode-missing-agent.png');
    await toast.getByRole('button', { name: 'Open Setting' }).click();
    await page.locator('.settings-editor').first().waitFor({ timeout: 15_000 });
    await waitFor(async () => ((await page.locator('.settings-editor').first().textContent()) ?? '').includes('Agent: Command'), {
      what: 'the setting to show',
    });
    assert.equal(readStubRecords(records).length, before, 'nothing was started');
    // The settings editor opens as a modal here: close it so the next tests get the workbench back.
    await page.keyboard.press('Escape');
    const settings = page.locator('.settings-editor').first();
    if (await settings.isVisible())
      await page
        .locator('[aria-label^="Close"]')
        .filter({ has: page.locator('.codicon-close') })
        .first()
        .click()
        .catch(() => {});
    if (await settings.isVisible()) await page.keyboard.press('Control+W');
    await waitFor(async () => !(await settings.isVisible()), { what: 'the settings editor to close' });
  } finally {
    writeFileSync(settingsPath, JSON.stringify({ 'handover.autoResume': 'always' }, null, 2));
  }
});

test('autoResume "ask": a notification offers Resume / Open / Dismiss, and Resume starts the agent', { timeout: 60_000 }, async () => {
  const settingsPath = join(ws, '.vscode', 'settings.json');
  writeFileSync(settingsPath, JSON.stringify({ 'handover.autoResume': 'ask' }, null, 2));
  try {
    await runCommand('Notifications: Clear All Notifications');
    await new Promise((r) => setTimeout(r, 1500));
    moveIn(staged.asked);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `Handover ready for session ${ASKED.slice(0, 8)}` }).first();
    await toast.waitFor({ timeout: 20_000 });
    for (const name of ['Resume', 'Open', 'Dismiss']) assert.equal(await toast.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.equal(readStubRecords(records).filter((r) => r.argv.join(' ').includes(ASKED)).length, 0, 'nothing starts before the answer');
    await shot('vscode-ask.png');
    await toast.getByRole('button', { name: 'Resume', exact: true }).click();
    const [record] = await waitFor(() => nonEmpty(readStubRecords(records).filter((r) => r.argv.join(' ').includes(ASKED))), {
      timeoutMs: 30_000,
      what: 'the agent after Resume',
    });
    assert.equal(record.cwd, ws);
  } finally {
    writeFileSync(settingsPath, JSON.stringify({ 'handover.autoResume': 'always' }, null, 2));
  }
});

test('Search Past Sessions finds a finding and shows its handover in the sidebar', { timeout: 60_000 }, async () => {
  const finding = staged.signed.data.findings[0];
  const words = finding.title.replace(/[`*]/g, '').split(/\s+/).slice(0, 3).join(' ');
  const input = await runCommand('Handover: Search Past Sessions');
  await waitFor(async () => ((await input.getAttribute('placeholder')) ?? '').includes('Search past sessions'), { what: 'the search QuickPick' });
  await input.fill(words);
  // Every fixture shares this finding: pick the row of the signed handover (its short id is in the description).
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: words })
    .filter({ hasText: SIGNED.slice(0, 8) })
    .first();
  await row.waitFor({ timeout: 15_000 });
  await shot('vscode-search.png');
  await row.click();
  const frame = await sidebarFrame();
  await waitFor(
    async () =>
      (
        (await frame
          .locator('button.entry[aria-current="true"]')
          .textContent()
          .catch(() => '')) ?? ''
      ).includes(staged.signed.data.summary.lastUserRequest),
    { what: 'the handover selected in the sidebar' },
  );
});

test('choosing a search hit opens the record readably, with its neighbours; Open Raw Log Here opens the raw line', { timeout: 90_000 }, async () => {
  const request = staged.signed.data.summary.lastUserRequest;
  await runCommand('View: Close All Editors');
  const input = await runCommand('Handover: Search Past Sessions');
  await waitFor(async () => ((await input.getAttribute('placeholder')) ?? '').includes('Search past sessions'), { what: 'the search QuickPick' });
  await input.fill('coupon applied twice');
  // Index hits name their log file (the handovers themselves do not).
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: '.jsonl' })
    .filter({ hasText: `user · ${SIGNED.slice(0, 8)}` })
    .first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  const tab = page.locator('.tabs-container .tab', { hasText: `${SIGNED.slice(0, 8)}:` }).first();
  await tab.waitFor({ timeout: 20_000 });
  const title = (await tab.textContent()) ?? '';
  const line = Number(title.match(new RegExp(`${SIGNED.slice(0, 8)}:(\\d+)`))?.[1]);
  assert.ok(line > 0, `the tab is titled <short id>:<line>: ${title}`);
  const text = await recordViewText(`${SIGNED.slice(0, 8)}:${line}`, `▶ line ${line} · user`);
  await shot('vscode-record-view.png');
  assert.ok(text.includes(request), "the record's own text is shown");
  assert.match(text, new RegExp(`line \\d+ · (assistant|thinking|tool-call|tool-result|tool-error|compaction)`), 'with neighbouring records');
  assert.doesNotMatch(text, RAW_JSON);
  const raw = text.match(/^Raw log: (\S+\.jsonl):(\d+)/);
  assert.ok(raw && Number(raw[2]) === line, text.slice(0, 200));
  assert.ok(readFileSync(raw[1], 'utf8').split('\n')[line - 1].includes(request.split(' ')[0]), 'the raw line holds the record');
  await runCommand('Handover: Open Raw Log Here');
  await page
    .locator('.tabs-container .tab', { hasText: raw[1].split('/').pop() })
    .first()
    .waitFor({ timeout: 15_000 });
  await waitFor(async () => ((await page.locator('.part.statusbar').textContent()) ?? '').includes(`Ln ${line},`), { what: `the raw log at line ${line}` });
});

test("Install / Uninstall Claude Code Hooks: our hooks point at a launcher that runs the bundled CLI with VS Code's runtime", { timeout: 60_000 }, async () => {
  const settingsFile = join(ws, '.claude', 'settings.local.json');
  await runCommand('Handover: Install Claude Code Hooks');
  await waitFor(() => existsSync(settingsFile), { what: 'the Claude Code settings file' });
  const launcher = join(home, 'bin', 'handover-hook');
  const hooks = JSON.parse(readFileSync(settingsFile, 'utf8')).hooks;
  for (const event of ['PreCompact', 'PreToolUse', 'SessionStart']) assert.ok(JSON.stringify(hooks[event]).includes(launcher), `${event} runs the launcher`);
  assert.match(readFileSync(launcher, 'utf8'), /extensions\/handover-dev\.handover-[\d.]+\/dist\/cli\.js/, "the launcher runs the installed extension's CLI");
  const version = spawnSync(launcher, ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/, 'works without node on PATH');
  await runCommand('Handover: Uninstall Claude Code Hooks');
  await waitFor(() => !readFileSync(settingsFile, 'utf8').includes('handover-hook'), { what: 'our hooks to be removed' });
});

test("the hook settings are written on activation, and a workspace's own settings cannot change them", { timeout: 60_000 }, async () => {
  const hookSettings = () => {
    try {
      return JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    } catch {
      return undefined;
    }
  };
  assert.deepEqual(hookSettings(), { blockCompaction: false, denyBash: false, proactive: false, proactiveThreshold: 0.75 }, 'written on activation');
  // The hooks serve every session on the machine: a cloned repository's .vscode/settings.json must not switch them.
  const workspaceSettings = join(ws, '.vscode', 'settings.json');
  writeFileSync(
    workspaceSettings,
    JSON.stringify({ 'handover.autoResume': 'always', 'handover.blockCompaction': true, 'handover.denyBashWhileBuilding': true }, null, 2),
  );
  try {
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(hookSettings()?.blockCompaction, false, 'a workspace setting is not mirrored');
    assert.equal(hookSettings()?.denyBash, false, 'a workspace setting is not mirrored');
  } finally {
    writeFileSync(workspaceSettings, JSON.stringify({ 'handover.autoResume': 'always' }, null, 2));
  }
});

test('with agent.kind "codex" and extra args, Resume starts codex with them and a plain path (no @)', { timeout: 60_000 }, async () => {
  const settingsPath = join(ws, '.vscode', 'settings.json');
  writeFileSync(
    settingsPath,
    JSON.stringify({ 'handover.autoResume': 'always', 'handover.agent.kind': 'codex', 'handover.agent.args': ['--model', 'o4 mini; rm -rf /'] }, null, 2),
  );
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const frame = await sidebarFrame();
    await frame.locator('button.entry', { hasText: staged.signed.data.summary.lastUserRequest }).click();
    await waitFor(async () => (await frame.locator('button.entry[aria-current="true"]').textContent())?.includes(staged.signed.data.summary.lastUserRequest), {
      what: 'the selection',
    });
    await frame.getByRole('button', { name: 'Resume', exact: true }).click();
    const [record] = await waitFor(() => nonEmpty(readStubRecords(codexRecords)), { timeoutMs: 30_000, what: 'the codex stub' });
    assert.equal(record.cwd, ws);
    assert.deepEqual(record.argv.slice(0, 2), ['--model', 'o4 mini; rm -rf /'], 'each extra arg is one argument, untouched by any shell');
    assert.equal(record.argv.length, 3);
    assert.match(record.argv[2], new RegExp(`(^|\\s)\\.handover/${SIGNED}/resume-prompt\\.md`));
    assert.doesNotMatch(record.argv[2], /@\.handover/);
  } finally {
    writeFileSync(settingsPath, JSON.stringify({ 'handover.autoResume': 'always' }, null, 2));
  }
});

/** The Codex fixture rollout rewritten to another session id and cwd: its lines and where the compaction is. */
function codexRollout(cwd, id) {
  const lines = readFileSync(join(REPO, 'test', 'fixtures', 'codex', 'rollout-0.169.0-shell-patch-compact-resume.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const meta = JSON.parse(lines[0]);
  meta.payload.cwd = cwd;
  meta.payload.id = id;
  meta.payload.session_id = id;
  lines[0] = JSON.stringify(meta);
  return { lines, compacted: lines.findIndex((l) => JSON.parse(l).type === 'compacted') };
}

test('a Codex session of the workspace compacting builds a verified handover that resumes in codex (no @)', { timeout: 120_000 }, async () => {
  const id = '0a1b2c3d-0000-7000-8000-00000000c0de';
  const otherId = '0a1b2c3d-0000-7000-8000-00000000beef';
  const now = new Date();
  const day = join(codexHome, 'sessions', String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, '0'), String(now.getDate()).padStart(2, '0'));
  mkdirSync(day, { recursive: true }); // the day folder appears while the window is open, as at midnight
  const mine = codexRollout(ws, id);
  const other = codexRollout(join(root, 'another-project'), otherId);
  const rollout = join(day, `rollout-2026-01-01T00-00-00-${id}.jsonl`);
  const otherRollout = join(day, `rollout-2026-01-01T00-00-01-${otherId}.jsonl`);
  writeFileSync(rollout, mine.lines.slice(0, mine.compacted).join('\n') + '\n');
  writeFileSync(otherRollout, other.lines.slice(0, other.compacted).join('\n') + '\n');
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal(existsSync(join(ws, '.handover', id)), false, 'no handover before the compaction');

  appendFileSync(otherRollout, other.lines[other.compacted] + '\n');
  const compactedAt = Date.now();
  appendFileSync(rollout, mine.lines[mine.compacted] + '\n');
  const dir = join(ws, '.handover', id);
  await waitFor(() => existsSync(join(dir, 'signature.json')), { timeoutMs: 60_000, what: 'the handover of the Codex compaction' });
  say(`compaction appended → handover signed: ${Date.now() - compactedAt} ms`);
  const node = join(REPO, 'node_modules', '.bin', 'node');
  const verified = spawnSync(node, [join(REPO, 'dist', 'cli.js'), 'verify', dir], { encoding: 'utf8', env: { ...process.env, HANDOVER_HOME: home } });
  assert.equal(verified.status, 0, `handover verify: ${verified.stdout}${verified.stderr}`);
  const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
  assert.equal(data.agent, 'codex');
  assert.equal(data.sessionId, id);

  const [record] = await waitFor(() => nonEmpty(readStubRecords(codexRecords).filter((r) => r.argv.join(' ').includes(id))), {
    timeoutMs: 30_000,
    what: 'the codex stub for the Codex handover',
  });
  assert.equal(record.cwd, ws);
  assert.equal(record.argv.length, 1, `one argument, the seed prompt: ${JSON.stringify(record.argv)}`);
  assert.match(record.argv[0], new RegExp(`(^|\\s)\\.handover/${id}/resume-prompt\\.md`));
  assert.doesNotMatch(record.argv[0], /@/);
  assert.equal(readStubRecords(records).filter((r) => r.argv.join(' ').includes(id)).length, 0, 'claude was not started for it');

  // One compaction, one build; another project's compaction builds nothing here.
  await new Promise((r) => setTimeout(r, 3000));
  const log = readExtensionLog(server.dataDir);
  assert.equal(log.split('\n').filter((l) => l.includes(`building a handover from ${rollout}`)).length, 1, 'built once');
  assert.equal(existsSync(join(ws, '.handover', otherId)), false, "another project's session is left alone");
  assert.doesNotMatch(log, new RegExp(`building a handover from ${otherRollout}`));
  assert.equal(readStubRecords(codexRecords).filter((r) => r.argv.join(' ').includes(id)).length, 1, 'resumed once');

  // The same session compacting again later is a new compaction: built and resumed again.
  const firstCreatedAt = data.createdAt;
  appendFileSync(rollout, mine.lines.slice(mine.compacted + 1).join('\n') + '\n' + mine.lines[mine.compacted] + '\n');
  await waitFor(() => readStubRecords(codexRecords).filter((r) => r.argv.join(' ').includes(id)).length === 2, {
    timeoutMs: 60_000,
    what: 'the second compaction to be resumed',
  });
  const again = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
  assert.notEqual(again.createdAt, firstCreatedAt, 'rebuilt');
  assert.ok(
    again.stats.compactions.length > data.stats.compactions.length,
    `the rebuild saw the second compaction: ${JSON.stringify(again.stats.compactions)}`,
  );
  assert.equal(
    readExtensionLog(server.dataDir)
      .split('\n')
      .filter((l) => l.includes(`building a handover from ${rollout}`)).length,
    2,
    'built twice in all',
  );
});

test('a chain of handovers shows as one thread: grouped in the list, each session in the detail', { timeout: 90_000 }, async () => {
  // The three real chained Claude Code sessions of test/fixtures/claude/chain, built in order in a
  // staging workspace (each links to the one before it there), then moved in by rename.
  const chainDir = join(REPO, 'test', 'fixtures', 'claude', 'chain');
  const { sessionIds } = JSON.parse(readFileSync(join(chainDir, 'chain.expected.json'), 'utf8'));
  const stage = join(root, 'chain-stage');
  mkdirSync(stage, { recursive: true });
  for (const i of [1, 2, 3]) {
    const built = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'build', join(chainDir, `session-${i}.jsonl`), '--workspace', stage], {
      env: { ...process.env, HANDOVER_HOME: home },
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
  }
  for (const id of sessionIds) renameSync(join(stage, '.handover', id), join(ws, '.handover', id));
  const frame = await sidebarFrame();
  await waitFor(async () => (await frame.locator('li.in-thread').count()) === 2, {
    timeoutMs: 30_000,
    what: 'the two older handovers of the chain under the newest',
  });
  const newest = frame.locator('button.entry', { hasText: 'thread of 3 sessions' }).first();
  await newest.click();
  const text = await waitFor(
    async () => {
      const t = await sidebarText();
      return t.includes('Thread: 3 sessions') ? t : undefined;
    },
    { timeoutMs: 20_000, what: 'the thread section' },
  );
  assert.match(text, /carried \d+, settled 1/);
  assert.ok(!text.includes('Continue the previous session from its handover'), 'seed prompts are not shown as what a session was about');
  await widenSidebar(560);
  // The sidebar may re-render while it settles after the resize (the element is replaced): scroll the
  // section as it is then, retrying until one attempt lands.
  await waitFor(
    async () => {
      try {
        await frame.locator('section.thread').scrollIntoViewIfNeeded({ timeout: 2_000 });
        return true;
      } catch {
        return undefined;
      }
    },
    { timeoutMs: 20_000, what: 'the thread section in view' },
  );
  await shot('vscode-sidebar-thread.png');
  // A step of the thread selects that handover.
  await frame.locator('section.thread button.thread-step').first().click();
  await waitFor(async () => ((await sidebarText()).includes(`session ${sessionIds[0]}`) ? true : undefined), {
    timeoutMs: 20_000,
    what: 'the first session of the thread to be selected',
  });
});

test('a handover proactive mode built (the session still runs) is offered in a notification, never started by itself', { timeout: 60_000 }, async () => {
  // autoResume is "always" here: a compaction's handover would start the agent; this one must ask.
  const id = 'd4e5f6a7-0000-4000-8000-00000000070a';
  const stage = join(root, 'proactive-stage');
  mkdirSync(stage, { recursive: true });
  const log = writeClaudeLog(join(stage, `${id}.jsonl`), { sessionId: id, cwd: stage, request: 'Keep working until the context is nearly full' });
  // The builder the Stop hook starts, with its trigger (the lock token is its own; there is no lock to release).
  const built = spawnSync(
    process.execPath,
    [join(REPO, 'dist', 'cli.js'), 'hook', 'run-build', '--session', id, '--log', log, '--workspace', stage, '--token', 'e2e', '--trigger', 'proactive'],
    { env: { ...process.env, HANDOVER_HOME: home }, encoding: 'utf8' },
  );
  assert.equal(built.status, 0, built.stdout + built.stderr);
  assert.equal(JSON.parse(readFileSync(join(stage, '.handover', id, 'handover.json'), 'utf8')).trigger, 'proactive');
  await signForWorkspace({ dir: join(stage, '.handover', id), home, sessionId: id, workspace: ws });
  await runCommand('Notifications: Clear All Notifications');
  await new Promise((r) => setTimeout(r, 1000));
  renameSync(join(stage, '.handover', id), join(ws, '.handover', id));
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `The context of session ${id.slice(0, 8)} is almost full` }).first();
  await toast.waitFor({ timeout: 20_000 });
  assert.equal(await toast.getByRole('button', { name: 'Resume', exact: true }).count(), 1);
  await new Promise((r) => setTimeout(r, 800)); // the toast's fade-in
  await shot('vscode-proactive.png');
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(readStubRecords(records).filter((r) => r.argv.join(' ').includes(id)).length, 0, 'no agent started unasked');
});
