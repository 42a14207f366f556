// `npm run bench:build`: time and peak RSS of `handover build` on a ≥ 100 MB synthetic log made from
// real logs, against a bare baseline in the same Node and the same run (read the file line by line and
// JSON.parse every line, nothing else). The build reads the log once (extract, analysis and modified
// files share one pass; the archive copy is the other read). Targets: ≤ 1.5× the baseline's time,
// < 5 s and < 250 MB. CPU time is printed too: on a shared machine wall time swings with the load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSyntheticLog } from './lib/syntheticLog.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const preload = join(repoRoot, 'bench', 'lib', 'rssPreload.cjs');
const targetMB = Number(process.env.BENCH_BUILD_MB ?? 100);
const log = join(repoRoot, '.bench', `build-${targetMB}mb.jsonl`);

process.stderr.write(`bench:build: preparing a ${targetMB} MB log from the real samples…\n`);
const { bytes, reused } = ensureSyntheticLog(log, targetMB * 1024 * 1024, { seed: 7 });
process.stderr.write(`bench:build: ${log} (${(bytes / 1048576).toFixed(1)} MB${reused ? ', reused' : ''})\n`);

const BASELINE = `
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
(async () => {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })) {
    if (line) { JSON.parse(line); n++; }
  }
})();`;

function timed(args, env = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const rssFile = join(scratch, 'rss');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, HANDOVER_BENCH_RSS: rssFile },
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.trim().split('\n')[0]}`);
  const [rssKiB, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  rmSync(scratch, { recursive: true, force: true });
  return { ms, rssMB: rssKiB / 1024, cpuMs, stdout: r.stdout };
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = [];
const build = [];
let last;
for (let i = 0; i < runs; i++) {
  base.push(timed(['-e', BASELINE, log]));
  const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
  const workspace = mkdtempSync(join(tmpdir(), 'bench-ws-'));
  const r = timed([cli, 'build', log, '--workspace', workspace, '--json'], { HANDOVER_HOME: home });
  last = JSON.parse(r.stdout);
  build.push(r);
  rmSync(home, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
}
const mb = bytes / 1048576;
const buildMs = median(build.map((r) => r.ms));
const baseMs = median(base.map((r) => r.ms));
const buildRss = Math.max(...build.map((r) => r.rssMB));
const baseRss = Math.max(...base.map((r) => r.rssMB));
const buildCpu = median(build.map((r) => r.cpuMs));
const baseCpu = median(base.map((r) => r.cpuMs));
console.log(`bench:build log ${mb.toFixed(1)} MB, ${runs} runs (median time, max peak RSS)`);
console.log(
  `handover build   ${(buildMs / 1000).toFixed(2)} s (CPU ${(buildCpu / 1000).toFixed(2)} s)  ${(mb / (buildMs / 1000)).toFixed(1)} MB/s  peak RSS ${buildRss.toFixed(0)} MB  (${last.findings} findings, ${last.modifiedFiles} files, prompt ${last.stats.promptBytes} B, ${last.stats.promptTokens} tokens)`,
);
console.log(
  `baseline (read+JSON.parse every line)   ${(baseMs / 1000).toFixed(2)} s (CPU ${(baseCpu / 1000).toFixed(2)} s)  ${(mb / (baseMs / 1000)).toFixed(1)} MB/s  peak RSS ${baseRss.toFixed(0)} MB`,
);
const ratio = buildMs / baseMs;
console.log(`ratio build/baseline time ${ratio.toFixed(2)}× (CPU ${(buildCpu / baseCpu).toFixed(2)}×), RSS ${(buildRss / baseRss).toFixed(2)}×`);
console.log(
  `targets: time ≤ 1.5× baseline ${ratio <= 1.5 ? 'met' : 'MISSED'}, time < 5 s ${buildMs < 5000 ? 'met' : 'MISSED'}, peak RSS < 250 MB ${buildRss < 250 ? 'met' : 'MISSED'}`,
);
