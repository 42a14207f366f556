// npm run bench:hooks: wall time of the hook commands as Claude Code runs them (a fresh process, hook
// JSON on stdin), against the floor: `node -e 0` started the same way. Runs are interleaved so machine
// load hits every case alike; medians of BENCH_RUNS (default 30) runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'dist', 'cli.js');
const node = process.execPath;
const runs = Math.max(3, Number(process.env.BENCH_RUNS) || 30);

const root = mkdtempSync(join(tmpdir(), 'bench-hooks-'));
const home = join(root, 'home');
const workspace = join(root, 'ws');
mkdirSync(workspace, { recursive: true });
const log = join(root, 'session.jsonl');
copyFileSync(join(repo, 'test', 'fixtures', 'claude', 'sample-session.jsonl'), log);
const env = { ...process.env, HANDOVER_HOME: home };
for (const key of Object.keys(env)) if (key.startsWith('HANDOVER_') && key !== 'HANDOVER_HOME') delete env[key];

mkdirSync(join(home, 'locks'), { recursive: true });
writeFileSync(
  join(home, 'locks', 'locked'),
  JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ttlMs: 3_600_000, host: hostname(), token: 'bench' }),
);

// The launcher as the extension writes it (with Node as the runtime here): it adds V8's compile cache.
await build({
  entryPoints: [join(repo, 'src', 'hooks', 'launcher.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(root, 'launcher.cjs'),
  logLevel: 'silent',
});
const launcher = await createRequire(import.meta.url)(join(root, 'launcher.cjs')).writeLauncher(home, { runtime: node, cliPath: cli, electron: false });
const shFloor = join(root, 'floor.sh');
writeFileSync(shFloor, `#!/bin/sh\nexec '${node}' -e 0\n`, { mode: 0o755 });

const write = (sessionId) =>
  JSON.stringify({
    session_id: sessionId,
    transcript_path: log,
    cwd: workspace,
    hook_event_name: 'PreToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(workspace, 'a.txt'), content: 'x' },
  });
const stop = (sessionId) => JSON.stringify({ session_id: sessionId, transcript_path: log, cwd: workspace, hook_event_name: 'Stop', stop_hook_active: false });
let compactions = 0;

const preCompact = (command, args) => ({
  command,
  args,
  // Each run its own session, and a builder that waits: it is stopped right after, outside the timing.
  input: () =>
    JSON.stringify({ session_id: `compact-${++compactions}`, transcript_path: log, cwd: workspace, hook_event_name: 'PreCompact', trigger: 'manual' }),
  env: { HANDOVER_BUILD_DELAY_MS: '60000' },
  expect: (r) => r.stdout === '' && r.stderr === '',
  after: stopBuilder,
});
const floor = { name: 'node -e 0 (floor)', command: node, args: ['-e', '0'], input: () => write('free') };
const launcherFloor = { name: 'launcher floor: sh → exec node -e 0', command: shFloor, args: [], input: () => write('free') };
/** @type {Array<{ name: string, command: string, args: string[], input: () => string, floor?: any, env?: Record<string, string>, expect?: (r: any) => boolean, after?: () => void }>} */
const cases = [
  floor,
  { name: 'hook pre-tool-use, no lock', floor, command: node, args: [cli, 'hook', 'pre-tool-use'], input: () => write('free'), expect: (r) => r.stdout === '' },
  {
    name: 'hook pre-tool-use, lock held (deny)',
    floor,
    command: node,
    args: [cli, 'hook', 'pre-tool-use'],
    input: () => write('locked'),
    expect: (r) => r.stdout.includes('"deny"'),
  },
  { name: 'hook pre-compact (until it returns)', floor, ...preCompact(node, [cli, 'hook', 'pre-compact']) },
  // Stop runs at the end of every turn: proactive mode off (the default) and on below its threshold.
  { name: 'hook stop, proactive off', floor, command: node, args: [cli, 'hook', 'stop'], input: () => stop('free'), expect: (r) => r.stdout === '' },
  {
    name: 'hook stop, proactive on, below threshold',
    floor,
    command: node,
    args: [cli, 'hook', 'stop'],
    input: () => stop('free'),
    env: { HANDOVER_PROACTIVE: '1' },
    expect: (r) => r.stdout === '',
  },
  { name: 'handover --version (whole CLI runs)', floor, command: node, args: [cli, '--version'], input: () => '' },
  launcherFloor,
  {
    name: 'launcher: pre-tool-use, no lock',
    floor: launcherFloor,
    command: launcher,
    args: ['hook', 'pre-tool-use'],
    input: () => write('free'),
    expect: (r) => r.stdout === '',
  },
  {
    name: 'launcher: pre-tool-use, lock held (deny)',
    floor: launcherFloor,
    command: launcher,
    args: ['hook', 'pre-tool-use'],
    input: () => write('locked'),
    expect: (r) => r.stdout.includes('"deny"'),
  },
  { name: 'launcher: pre-compact (until it returns)', floor: launcherFloor, ...preCompact(launcher, ['hook', 'pre-compact']) },
  {
    name: 'launcher: stop, proactive off',
    floor: launcherFloor,
    command: launcher,
    args: ['hook', 'stop'],
    input: () => stop('free'),
    expect: (r) => r.stdout === '',
  },
  {
    name: 'launcher: stop, proactive on, below',
    floor: launcherFloor,
    command: launcher,
    args: ['hook', 'stop'],
    input: () => stop('free'),
    env: { HANDOVER_PROACTIVE: '1' },
    expect: (r) => r.stdout === '',
  },
];

function stopBuilder() {
  const lockPath = join(home, 'locks', `compact-${compactions}`);
  const buildLog = join(home, 'logs', `build-compact-${compactions}.log`);
  const deadline = Date.now() + 20_000;
  // Let the builder finish starting (it loads the whole CLI) before the next timed run.
  while (Date.now() < deadline && !(existsSync(buildLog) && readFileSync(buildLog, 'utf8').includes('started'))) spawnSync('sleep', ['0.02']);
  const { pid } = JSON.parse(readFileSync(lockPath, 'utf8'));
  process.kill(pid, 'SIGTERM');
  while (Date.now() < deadline && existsSync(lockPath)) spawnSync('sleep', ['0.01']);
}

function once(c) {
  const started = process.hrtime.bigint();
  const result = spawnSync(c.command, c.args, { input: c.input(), encoding: 'utf8', env: { ...env, ...c.env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 || (c.expect && !c.expect(result)))
    throw new Error(`${c.name}: unexpected result ${result.status} ${result.stdout} ${result.stderr}`);
  c.after?.();
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  for (const c of cases) once(c); // warm the file cache
  const times = new Map(cases.map((c) => [c, []]));
  for (let i = 0; i < runs; i++) for (const c of cases) times.get(c).push(once(c));
  console.log(
    `hooks bench: ${runs} runs each, interleaved, node ${process.version}, median wall time per process (bundle ${Math.round(statSync(cli).size / 1024)} KiB)`,
  );
  for (const c of cases) {
    const m = median(times.get(c));
    const base = c.floor ? median(times.get(c.floor)) : undefined;
    const ratio = base === undefined ? 'baseline' : `${(m / base).toFixed(2)}x its floor, +${(m - base).toFixed(1)} ms`;
    console.log(`  ${c.name.padEnd(42)} ${m.toFixed(1).padStart(7)} ms   (${ratio})`);
  }
  const budget = [
    ['hook pre-tool-use, no lock', 50],
    ['launcher: pre-tool-use, no lock', 50],
    ['hook pre-compact (until it returns)', 200],
    ['launcher: stop, proactive off', 50],
    ['launcher: stop, proactive on, below', 50],
  ];
  for (const [name, limit] of budget) {
    const c = cases.find((x) => x.name === name);
    const m = median(times.get(c));
    const base = median(times.get(c.floor));
    // On a loaded machine the floor alone can approach the budget: say which part is ours.
    console.log(
      `  budget: ${name} ${m.toFixed(1)} ms of ${limit} ms → ${m < limit ? 'within' : 'OVER'} (the runtime's own start-up here: ${base.toFixed(1)} ms; ours: ${(m - base).toFixed(1)} ms)`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
