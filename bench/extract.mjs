// npm run bench:extract — throughput and peak memory of `handover extract` on a ≥ 500 MB synthetic log
// (bench/lib/syntheticLog.mjs, cached in .bench/), against, in the same run and on the same file:
//   - a bare baseline in the same Node: read lines, JSON.parse each, nothing else;
//   - jq doing the equivalent filter (typed user text, thinking, assistant text, system and summary).
// Each contender is a child process, measured by /usr/bin/time (GNU time): MB/s over CPU seconds (user +
// system; wall time is printed too but on a shared machine it measures the neighbours) and peak RSS.
// Without GNU time, wall time is used and peak RSS comes from the baseline's own resourceUsage().
// Targets: extract ≥ 1.0× the baseline's MB/s, ≥ 3× jq's, peak RSS < 200 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readSync, closeSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSyntheticLog } from './lib/syntheticLog.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const TARGET_BYTES = Number(process.env.BENCH_EXTRACT_BYTES ?? 512 * 1024 * 1024);

/** The bare baseline, run as `node bench/extract.mjs --baseline FILE`: lines → JSON.parse, nothing kept. */
function baseline(path) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  let carry = Buffer.alloc(0);
  let records = 0;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    let data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      if (nl > start) {
        JSON.parse(data.toString('utf8', start, nl));
        records++;
      }
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  closeSync(fd);
  if (carry.length) {
    JSON.parse(carry.toString('utf8'));
    records++;
  }
  process.stderr.write(`records ${records} maxrss_kb ${process.resourceUsage().maxRSS}\n`);
}

// jq's equivalent of the extract: what people typed, what the model thought or said, system events.
const JQ_FILTER = `
  if .type == "user" and (.isMeta | not) then
    (.message.content | if type == "string" then . elif type == "array" then (map(select(.type == "text") | .text) | join("\\n")) else empty end)
  elif .type == "assistant" then
    (.message.content | if type == "array" then (map(select(.type == "thinking" or .type == "text") | (.thinking // .text)) | join("\\n")) else empty end)
  elif .type == "system" then (.content // empty)
  elif .type == "summary" then (.summary // empty)
  else empty end
  | select(type == "string" and . != "")`;

const hasTime = existsSync('/usr/bin/time');

/**
 * Runs a command; returns wall and CPU seconds (user + system, from GNU time), peak RSS (MB) and output.
 * Rates are computed on CPU seconds: the machine is shared, and wall time measures the neighbours too.
 */
/** @param {string} label @param {string} command @param {string[]} args @param {{ stdoutFile?: boolean }} [options] */
function measure(label, command, args, { stdoutFile } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  const timeFile = join(dir, 'time');
  try {
    const argv = hasTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args;
    const started = process.hrtime.bigint();
    const r = spawnSync(hasTime ? '/usr/bin/time' : command, argv, {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', stdoutFile ? 'ignore' : 'pipe', 'pipe'],
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr}`);
    let cpu = wall;
    let peakKb = NaN;
    if (hasTime) {
      const [, user, sys, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpu = user + sys;
      peakKb = rss;
    }
    const own = /maxrss_kb (\d+)/.exec(r.stderr ?? '');
    if (Number.isNaN(peakKb) && own) peakKb = Number(own[1]);
    return { wall, cpu, peakMb: peakKb / 1024, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const logPath = join(repoRoot, '.bench', `synthetic-claude-${Math.round(TARGET_BYTES / 1024 / 1024)}mb.jsonl`);
  mkdirSync(dirname(logPath), { recursive: true });
  const t0 = Date.now();
  const log = ensureSyntheticLog(logPath, TARGET_BYTES, { seed: 1 });
  const mb = log.bytes / 1024 / 1024;
  console.log(
    `input        ${logPath} ${mb.toFixed(0)} MB (${log.reused ? 'reused' : `generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`} from test/fixtures/samples)`,
  );

  const node = process.execPath;
  const ex = measure('handover extract', node, [cli, 'extract', log.path, '--json', '--out', join(tmpdir(), `bench-extract-${process.pid}.md`)]);
  rmSync(join(tmpdir(), `bench-extract-${process.pid}.md`), { force: true });
  const stats = JSON.parse(ex.stdout);
  const base = measure('baseline', node, [fileURLToPath(import.meta.url), '--baseline', log.path]);

  const rate = (r) => mb / r.cpu;
  const line = (name, r) =>
    `${name.padEnd(13)}${rate(r).toFixed(1).padStart(7)} MB/s  cpu ${r.cpu.toFixed(2).padStart(6)} s  wall ${r.wall.toFixed(2).padStart(6)} s  peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB`;
  console.log(
    line('extract', ex) + `  (output ${(stats.outputShare * 100).toFixed(2)}% of input, ${stats.linesSkippedUnparsed}/${stats.lines} lines never parsed)`,
  );
  console.log(line('baseline', base) + '  (same Node: read lines + JSON.parse each)');
  let jq;
  const jqVersion = spawnSync('jq', ['--version'], { encoding: 'utf8' });
  if (jqVersion.status === 0) {
    jq = measure('jq', 'jq', ['-r', JQ_FILTER, log.path], { stdoutFile: true });
    console.log(line('jq', jq) + `  (${jqVersion.stdout.trim()}, equivalent filter)`);
  } else {
    console.log('jq           not installed: apt-get install -y jq to compare (skipped)');
  }
  const vsBase = rate(ex) / rate(base);
  console.log(
    `ratio        extract/baseline ${vsBase.toFixed(2)}× (target ≥ 1.0×)` +
      (jq ? `  extract/jq ${(rate(ex) / rate(jq)).toFixed(2)}× (target ≥ 3×)` : '') +
      `  peak RSS ${ex.peakMb.toFixed(0)} MB (target < 200 MB)`,
  );
  const missed = [
    vsBase < 1 && 'baseline',
    jq && rate(ex) / rate(jq) < 3 && 'jq',
    !(ex.peakMb < 200) && 'memory',
    !(stats.outputShare <= 0.02) && 'output share',
  ].filter(Boolean);
  console.log(missed.length ? `targets      MISSED: ${missed.join(', ')}` : 'targets      all met');
  process.exitCode = missed.length ? 1 : 0;
}

if (process.argv[2] === '--baseline') baseline(process.argv[3]);
else main();
