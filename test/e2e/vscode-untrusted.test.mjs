// The extension in an untrusted (Restricted Mode) workspace of a real VS Code: handovers are listed, no
// agent starts by itself even with autoResume "always" in the workspace settings, and the workspace
// cannot choose the agent command. Run with `npm run test:e2e:vscode`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findFrame, openWorkbench, readExtensionLog, readStubRecords, startCodeServer, waitFor, writeStubAgent } from './support/codeServer.mjs';
import { buildStagedHandover } from './support/handoverFixtures.mjs';

const REPO = new URL('../../', import.meta.url).pathname;
const VSIX = join(REPO, 'handover.vsix');
const ARTIFACTS = join(REPO, 'test-artifacts');
const SESSION = '7a7a7a7a-0000-4000-8000-000000000007';

let root, ws, home, records, evilRecords, server, browser, page, staged;

before(async () => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'handover-e2e-untrusted-'));
  ws = join(root, 'workspace');
  home = join(root, 'handover-home');
  records = join(root, 'agent-records');
  evilRecords = join(root, 'evil-records');
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  mkdirSync(join(ws, '.handover'), { recursive: true });
  const bin = join(root, 'bin');
  writeStubAgent(bin, 'claude', records);
  const evil = writeStubAgent(join(root, 'repo-tools'), 'evil-agent', evilRecords);
  // What a cloned repository could ship: settings that would start its own binary on every handover.
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'handover.autoResume': 'always', 'handover.agent.command': evil }, null, 2));
  staged = await buildStagedHandover({ staging: join(root, 'staging'), home, workspace: ws, sessionId: SESSION, request: 'Arrived in an untrusted folder' });
  server = await startCodeServer({
    vsix: VSIX,
    workspace: ws,
    pathPrepend: [bin],
    env: { HANDOVER_HOME: home },
    workspaceTrust: true,
    root: join(root, 'code-server'),
  });
  ({ browser, page } = await openWorkbench(server.url, ws));
  // The folder was never trusted: VS Code opens it in Restricted Mode.
  await waitFor(() => readExtensionLog(server.dataDir).includes('activated in'), { timeoutMs: 120_000, intervalMs: 250, what: 'the extension to activate' });
  assert.match(readExtensionLog(server.dataDir), /trusted: false/);
  await waitFor(async () => ((await page.locator('.part.statusbar').textContent()) ?? '').includes('Restricted Mode'), { what: 'Restricted Mode' });
  await page.locator('.activitybar [aria-label="Handover"]').first().click();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (root && !process.env.HANDOVER_E2E_KEEP) rmSync(root, { recursive: true, force: true });
});

test('in Restricted Mode a verified handover is listed but starts nothing by itself', { timeout: 90_000 }, async () => {
  renameSync(staged.dir, join(ws, '.handover', SESSION));
  const frame = await findFrame(page, '#handover-root', { timeoutMs: 30_000 });
  await waitFor(async () => ((await frame.$eval('#handover-root', (e) => e.textContent)) ?? '').includes('Arrived in an untrusted folder'), {
    timeoutMs: 30_000,
    what: 'the handover in the sidebar',
  });
  await new Promise((r) => setTimeout(r, 3000));
  assert.deepEqual(readStubRecords(records), [], 'no agent started');
  assert.deepEqual(readStubRecords(evilRecords), [], "the repository's binary did not run");
  assert.doesNotMatch(readExtensionLog(server.dataDir), /terminal created/);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-untrusted.png') });
});

test("a Resume by hand (through VS Code's own trust prompt) runs the user's agent, never the workspace's", { timeout: 90_000 }, async () => {
  const frame = await findFrame(page, '#handover-root');
  const dialog = page.locator('.monaco-dialog-box');
  await frame.getByRole('button', { name: 'Resume', exact: true }).click();
  // Before a terminal process runs in Restricted Mode, VS Code itself asks. Staying untrusted (Cancel)
  // keeps the workspace's settings ignored: the agent must still be the user's `claude`.
  await dialog.waitFor({ timeout: 15_000 });
  assert.match(await dialog.textContent(), /trust/i);
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-untrusted-resume.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const [record] = await waitFor(
    () => {
      const list = readStubRecords(records);
      return list.length > 0 ? list : undefined;
    },
    { timeoutMs: 30_000, what: 'the agent started by hand' },
  );
  assert.match(record.argv.at(-1), new RegExp(`@\\.handover/${SESSION}/resume-prompt\\.md`));
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(readStubRecords(evilRecords), [], "the workspace's agent.command was ignored");
  assert.match((await page.locator('.part.statusbar').textContent()) ?? '', /Restricted Mode/);
  await waitFor(async () => /resumed/.test((await frame.locator('button.entry').first().textContent()) ?? ''), {
    what: 'the resumed badge once the agent runs',
  });
});
