// Starts a real VS Code (code-server) with the packaged extension installed, and a real browser on it
// (Debian's Chromium driven by playwright-core). Used by the e2e test and the benchmark.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServer, nodeBinDir } from './codeServerInstall.mjs';

export const CHROMIUM = process.env.HANDOVER_E2E_CHROMIUM ?? '/usr/bin/chromium';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check, { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {}) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * A stub agent executable: records argv, cwd and the start time to <recordDir>/<pid>.json, then stays
 * alive like an interactive agent would (until its terminal is closed).
 */
export function writeStubAgent(binDir, name, recordDir) {
  mkdirSync(binDir, { recursive: true });
  mkdirSync(recordDir, { recursive: true });
  const path = join(binDir, name);
  const script = [
    `#!${process.execPath}`,
    `const fs = require('node:fs');`,
    `const record = { startedAt: Date.now(), argv: process.argv.slice(2), cwd: process.cwd(), pid: process.pid };`,
    // Written whole or not at all (temp + rename): the test polls this folder while the stub starts.
    `const file = ${JSON.stringify(recordDir)} + '/' + process.pid + '.json';`,
    `fs.writeFileSync(file + '.tmp', JSON.stringify(record));`,
    `fs.renameSync(file + '.tmp', file);`,
    `process.stdout.write('stub agent ${name} started\\r\\n');`,
    `setInterval(() => {}, 60_000);`,
    '',
  ].join('\n');
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

export function readStubRecords(recordDir) {
  if (!existsSync(recordDir)) return [];
  return readdirSync(recordDir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(recordDir, n), 'utf8')))
    .sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Starts code-server on a scratch user-data-dir with the .vsix installed.
 * options: vsix, workspace, env (extra server env), pathPrepend (dirs first on PATH), userSettings.
 */
/**
 * @param {{ vsix?: string, workspace?: string, env?: NodeJS.ProcessEnv, pathPrepend?: string[], userSettings?: object, workspaceTrust?: boolean, root?: string, log?: (line: string) => void }} options
 */
export async function startCodeServer({
  vsix,
  workspace,
  env = {},
  pathPrepend = [],
  userSettings = {},
  workspaceTrust = false,
  root = mkdtempSync(join(tmpdir(), 'handover-cs-')),
  log = () => {},
}) {
  const entry = ensureCodeServer({ log });
  const dataDir = join(root, 'data');
  const extDir = join(root, 'extensions');
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  const node = process.execPath;
  // VS Code's server resolves the extension host's environment from a login shell (bash -il), which
  // resets PATH from /etc/profile. A scratch HOME with a .bash_profile puts the stubs first again, as a
  // user's own profile would, and keeps ~/.claude, ~/.config and friends out of the real home.
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const path = [...pathPrepend, nodeBinDir(), process.env.PATH].join(':');
  writeFileSync(join(home, '.bash_profile'), `export PATH=${JSON.stringify(path)}\n`);
  /** @type {NodeJS.ProcessEnv} */
  const baseEnv = { ...process.env, HOME: home, SHELL: '/bin/bash', PATH: path, ...env };
  delete baseEnv.VSCODE_IPC_HOOK_CLI;
  if (vsix) {
    execFileSync(node, [entry, '--install-extension', vsix, '--extensions-dir', extDir, '--user-data-dir', dataDir, '--force'], {
      env: baseEnv,
      stdio: 'pipe',
    });
  }
  writeFileSync(
    join(dataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': workspaceTrust,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.colorTheme': 'Default Dark Modern',
        ...userSettings,
      },
      null,
      2,
    ),
  );
  const port = await freePort();
  const server = spawn(
    node,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      dataDir,
      '--extensions-dir',
      extDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      workspace,
    ],
    { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}):\n${output.slice(-2000)}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeoutMs: 60_000, intervalMs: 200, what: 'code-server to listen' },
  );
  return {
    url,
    port,
    home,
    dataDir,
    extDir,
    root,
    output: () => output,
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
    },
  };
}

/** Opens the workbench on a folder in Chromium; resolves when VS Code's UI is up. */
export async function openWorkbench(url, folder, { viewport = { width: 1400, height: 900 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => {});
  });
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return { browser, page, dialogs };
}

/** The Handover extension's log file (its LogOutputChannel) under the user-data-dir, once it exists. */
export function findExtensionLog(dataDir) {
  const logs = join(dataDir, 'logs');
  if (!existsSync(logs)) return undefined;
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/Handover\.log$/.test(entry.name) || (entry.name.endsWith('.log') && path.includes('handover-dev.handover'))) found.push(path);
    }
  };
  walk(logs);
  return found.sort().pop();
}

export function readExtensionLog(dataDir) {
  const path = findExtensionLog(dataDir);
  return path ? readFileSync(path, 'utf8') : '';
}

/** Finds the frame whose document holds the selector (webviews are nested iframes). */
export async function findFrame(page, selector, { timeoutMs = 20_000 } = {}) {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        try {
          if (await frame.$(selector)) return frame;
        } catch {
          // Detached or cross-process frame mid-navigation: look again.
        }
      }
      return undefined;
    },
    { timeoutMs, intervalMs: 200, what: `a frame with ${selector}` },
  );
}

export function removeDir(path) {
  rmSync(path, { recursive: true, force: true });
}
