// Benchmark in a real VS Code (code-server): (1) latency from a handover's rename into .handover/ to the
// agent terminal's creation (the extension logs a wall-clock timestamp when it creates the terminal),
// against chokidar alone seeing the same kind of rename in this process; (2) the extension's activation
// time (exthost "activating" log line → our "activated" line), against an empty extension installed in
// the same window. Run with `npm run bench:vscode` (packages the .vsix first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { openWorkbench, readExtensionLog, readStubRecords, startCodeServer, waitFor, writeStubAgent } from '../test/e2e/support/codeServer.mjs';
import { buildStagedHandover } from '../test/e2e/support/handoverFixtures.mjs';

const REPO = new URL('../', import.meta.url).pathname;
const VSIX = join(REPO, 'handover.vsix');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

/** An extension that does nothing but log, packaged with the same vsce: the activation floor. */
function packageEmptyExtension(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'empty-baseline',
      publisher: 'bench',
      version: '0.0.1',
      engines: { vscode: '^1.100.0' },
      activationEvents: ['onStartupFinished'],
      main: './extension.js',
    }),
  );
  writeFileSync(
    join(dir, 'extension.js'),
    `const vscode = require('vscode');
exports.activate = (context) => {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Baseline', { log: true });
  context.subscriptions.push(channel);
  channel.info('activated in ' + (performance.now() - started).toFixed(1) + ' ms');
};\n`,
  );
  writeFileSync(join(dir, 'README.md'), '# empty baseline\n');
  execFileSync(
    join(REPO, 'node_modules', '.bin', 'vsce'),
    ['package', '--allow-missing-repository', '--skip-license', '--no-dependencies', '--out', join(dir, 'empty.vsix')],
    { cwd: dir, stdio: 'pipe' },
  );
  return join(dir, 'empty.vsix');
}

function logTime(line) {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : NaN;
}

function findLogs(dataDir, name) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) found.push(p);
    }
  };
  walk(join(dataDir, 'logs'));
  return found;
}

/** Activation: from VS Code's "_doActivateExtension <id>" to the extension's own "activated in" line. */
function activation(dataDir, extensionId, channelName) {
  const host = findLogs(dataDir, 'remoteexthost.log')
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
  const start = host.split('\n').find((l) => l.includes(`_doActivateExtension ${extensionId},`));
  const own = findLogs(dataDir, `${channelName}.log`)
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
  const done = own.split('\n').find((l) => l.includes('activated in'));
  if (!start || !done) return undefined;
  return { total: logTime(done) - logTime(start), body: Number(/activated in ([\d.]+) ms/.exec(done)[1]) };
}

/** Baseline: chokidar alone, in this process, seeing a handover folder renamed into a watched folder. */
async function chokidarBaseline(root, rounds) {
  const ws = join(root, 'chokidar-ws');
  mkdirSync(join(ws, '.handover'), { recursive: true });
  const seen = new Map();
  const watcher = watch(ws, { ignoreInitial: true, depth: 3 });
  watcher.on('add', (p) => seen.set(p, Date.now()));
  await new Promise((r) => watcher.once('ready', () => r(undefined)));
  const latencies = [];
  for (let i = 0; i < rounds; i++) {
    const stage = join(root, 'chokidar-stage', `s${i}`);
    mkdirSync(stage, { recursive: true });
    writeFileSync(join(stage, 'resume-prompt.md'), 'x'.repeat(3000));
    const target = join(ws, '.handover', `s${i}`);
    const at = Date.now();
    renameSync(stage, target);
    const seenAt = await waitFor(() => seen.get(join(target, 'resume-prompt.md')), { timeoutMs: 10_000, intervalMs: 1, what: 'chokidar' });
    latencies.push(Math.max(0.5, seenAt - at));
    await sleep(200);
  }
  await watcher.close();
  return latencies;
}

async function main() {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
  const root = mkdtempSync(join(tmpdir(), 'handover-bench-vscode-'));
  const ws = join(root, 'workspace');
  const home = join(root, 'handover-home');
  const records = join(root, 'records');
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'handover.autoResume': 'always' }));
  const staged = [];
  for (let i = 0; i < ROUNDS; i++) {
    const sessionId = `be0c${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    staged.push(await buildStagedHandover({ staging: join(root, 'staging'), home, workspace: ws, sessionId, request: `Benchmark round ${i}` }));
  }
  const bin = join(root, 'bin');
  writeStubAgent(bin, 'claude', records);
  const emptyVsix = packageEmptyExtension(join(root, 'empty-extension'));
  const server = await startCodeServer({ vsix: VSIX, workspace: ws, pathPrepend: [bin], env: { HANDOVER_HOME: home }, root: join(root, 'code-server') });
  let browser;
  try {
    // The empty extension goes into the same extensions dir before the window opens.
    const entry = (await import('../test/e2e/support/codeServerInstall.mjs')).codeServerEntry();
    execFileSync(process.execPath, [entry, '--install-extension', emptyVsix, '--extensions-dir', server.extDir, '--user-data-dir', server.dataDir, '--force'], {
      stdio: 'pipe',
    });
    ({ browser } = await openWorkbench(server.url, ws));
    await waitFor(() => readExtensionLog(server.dataDir).includes('activated in'), { timeoutMs: 120_000, intervalMs: 100, what: 'Handover to activate' });
    await waitFor(() => activation(server.dataDir, 'bench.empty-baseline', 'Baseline'), {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: 'the empty extension to activate',
    });
    await sleep(2000); // let the window settle: the first rename should not race startup work

    mkdirSync(join(ws, '.handover'), { recursive: true });
    const created = [];
    const started = [];
    for (const h of staged) {
      const at = Date.now();
      renameSync(h.dir, join(ws, '.handover', h.sessionId));
      const line = await waitFor(() => new RegExp(`terminal created for ${h.sessionId} at (\\d+)`).exec(readExtensionLog(server.dataDir)), {
        timeoutMs: 20_000,
        intervalMs: 5,
        what: `terminal for ${h.sessionId}`,
      });
      created.push(Number(line[1]) - at);
      const rec = await waitFor(() => readStubRecords(records).find((r) => r.argv.join(' ').includes(h.sessionId)), {
        timeoutMs: 30_000,
        intervalMs: 20,
        what: 'the stub agent',
      });
      started.push(rec.startedAt - at);
      await sleep(500);
    }
    const baseline = await chokidarBaseline(root, ROUNDS);
    const ours = activation(server.dataDir, 'handover-dev.handover', 'Handover');
    const empty = activation(server.dataDir, 'bench.empty-baseline', 'Baseline');

    const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
    console.log(`vscode: rename → agent terminal created: ${fmt(created)}; target < 500 ms: ${median(created) < 500 ? 'met' : 'MISSED'}`);
    console.log(`vscode:   baseline chokidar alone, rename → event: ${fmt(baseline)}; ratio ${ratio(median(created), median(baseline))}`);
    console.log(`vscode: rename → agent process running (pty spawn included): ${fmt(started)}`);
    console.log(`vscode: extension activation (VS Code's activate call → activated): ${ours.total} ms, activate() body ${ours.body} ms`);
    console.log(
      `vscode:   baseline empty extension in the same window: ${empty.total} ms, activate() body ${empty.body} ms; ratio ${ratio(Math.max(ours.total, 1), Math.max(empty.total, 1))}`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (!process.env.HANDOVER_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  }
}

await main();
