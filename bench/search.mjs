// npm run bench:search — the search index over a ≥ 1 GB synthetic archive made from the real sample logs:
// build MB/s, index size, query latency (p50/p95 over 200 queries), a 1 MB append, peak RSS, and the
// same queries with ripgrep over the raw logs as the baseline. The archive is generated once into
// .bench/ (git-ignored) and reused. Each measured job runs in its own child process, so its peak RSS
// is its own. Env: BENCH_SEARCH_MB (archive size, default 1024), BENCH_SEARCH_REUSE_INDEX=1 (skip the build).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendRecords, generateArchive, loadSamples, readArchiveMarker, rng, sampleWords, sizeOfLogs } from './lib/synthArchive.mjs';
import { samplesDir } from '../test/support/paths.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(repoRoot, '.bench');
const archiveRoot = join(benchDir, 'search-archive');
const indexPath = join(benchDir, 'search-index.sqlite');
// The search API as `npm run build` bundles it for tests and benchmarks (the CLI's esbuild settings).
const bundle = join(repoRoot, 'dist', 'test', 'searchApi.js');
const worker = join(repoRoot, 'bench', 'lib', 'searchWorker.mjs');
const targetMB = Number(process.env.BENCH_SEARCH_MB ?? 1024);
const log = (line) => process.stderr.write(`bench:search: ${line}\n`);

function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return;
  log('installing ripgrep (apt-get) for the baseline');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureArchive() {
  const marker = readArchiveMarker(archiveRoot);
  if (marker && marker.targetBytes >= targetMB * 1048576) {
    log(`reusing ${archiveRoot} (${(marker.bytes / 1048576).toFixed(0)} MB, ${marker.files} logs)`);
    return marker;
  }
  log(`generating a ${targetMB} MB synthetic archive from ${samplesDir} into ${archiveRoot}`);
  const started = Date.now();
  let next = 0;
  const marker2 = generateArchive({
    root: archiveRoot,
    samplesDir,
    targetBytes: targetMB * 1048576,
    onProgress: (bytes) => {
      if (bytes >= next) {
        log(`  generated ${(bytes / 1048576).toFixed(0)} MB (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        next = bytes + 100 * 1048576;
      }
    },
  });
  return marker2;
}

/** Runs one worker job with Node ≥ 22.13 (this process is started by npm, so `node` is Node 24). */
function runWorker(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', worker, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`worker ${args[0]} exited with ${code}`));
      resolvePromise(JSON.parse(out.trim().split('\n').at(-1)));
    });
  });
}

/** 200 realistic queries: common, mid and rare words, word pairs, phrases, paths, a third with filters. */
function makeQueries(projects) {
  const random = rng(42);
  const samples = loadSamples(samplesDir);
  const counts = [...sampleWords(samples).entries()].filter(([w]) => w.length >= 4).sort((a, b) => b[1] - a[1]);
  const pickFrom = (list) => list[Math.floor(random() * list.length)];
  const common = counts.slice(0, 60).map(([w]) => w);
  const mid = counts.slice(300, 3000).map(([w]) => w);
  const rare = counts.filter(([, n]) => n <= 2).map(([w]) => w);
  const texts = [];
  const paths = [];
  for (const s of samples) {
    for (const r of s.records) {
      const content = r.message?.content;
      if (typeof content === 'string') texts.push(content);
      else if (Array.isArray(content)) {
        for (const b of content) {
          if (b.type === 'text' && b.text) texts.push(b.text);
          if (b.type === 'tool_use' && typeof b.input?.file_path === 'string') paths.push(b.input.file_path.split('/').slice(-2).join('/'));
        }
      }
    }
  }
  const phrase = () => {
    for (;;) {
      const words = pickFrom(texts).match(/[A-Za-z]{3,}/g) ?? [];
      if (words.length < 4) continue;
      const at = Math.floor(random() * (words.length - 3));
      return `"${words.slice(at, at + 2 + Math.floor(random() * 2)).join(' ')}"`;
    }
  };
  const kinds = [['tool-error'], ['user'], ['tool-call'], ['assistant', 'thinking'], ['tool-result']];
  const queries = [];
  for (let i = 0; i < 200; i++) {
    const slot = i % 10;
    let query;
    if (slot < 2) query = pickFrom(common);
    else if (slot < 4) query = pickFrom(mid);
    else if (slot < 5) query = pickFrom(rare);
    else if (slot < 7) query = `${pickFrom(mid)} ${pickFrom(common)}`;
    else if (slot < 9) query = phrase();
    else query = paths.length ? pickFrom(paths) : pickFrom(mid);
    const filters = {};
    if (i % 3 === 0) {
      const which = Math.floor(random() * 3);
      if (which === 0) filters.kinds = pickFrom(kinds);
      else if (which === 1) filters.project = pickFrom(projects);
      else filters.since = '2025-03-01';
    }
    queries.push({ query, filters });
  }
  return queries;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

function rgQuery(query) {
  // The literal text a person would grep for: the phrase without quotes, a path as it is.
  const literal = query.replace(/^"|"$/g, '');
  const started = performance.now();
  const result = spawnSync('rg', ['-i', '-F', '-c', '--no-messages', '--', literal, archiveRoot], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
  return performance.now() - started;
}

async function main() {
  mkdirSync(benchDir, { recursive: true });
  ensureRipgrep();
  const marker = ensureArchive();
  const logBytes = sizeOfLogs(archiveRoot);

  let build;
  if (process.env.BENCH_SEARCH_REUSE_INDEX === '1' && existsSync(indexPath)) {
    log('reusing the index (BENCH_SEARCH_REUSE_INDEX=1): no build figures');
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(indexPath + suffix, { force: true });
    log(`building the index over ${(logBytes / 1048576).toFixed(0)} MB (progress below)`);
    build = await runWorker(['build', bundle, indexPath, archiveRoot]);
  }
  const indexBytes = statSync(indexPath).size + (existsSync(indexPath + '-wal') ? statSync(indexPath + '-wal').size : 0);

  const projects = readdirSync(join(archiveRoot, 'claude', 'projects')).map((d) => d.replace(/^-home-dev-src-/, ''));
  const queries = makeQueries(projects);
  log('running 200 queries');
  const query = await runWorker(['query', bundle, indexPath, JSON.stringify(queries)]);

  // 1 MB appended to a mid-sized log, then taken in (that log only, as the watcher does; and a full scan).
  const claudeDir = join(archiveRoot, 'claude', 'projects');
  const candidates = readdirSync(claudeDir).flatMap((d) => readdirSync(join(claudeDir, d)).map((f) => join(claudeDir, d, f)));
  const target = candidates.sort((a, b) => statSync(a).size - statSync(b).size)[Math.floor(candidates.length / 2)];
  const originalSize = statSync(target).size;
  let append;
  try {
    const added = appendRecords({ path: target, samplesDir, bytes: 1048576 });
    log(`appended ${(added / 1048576).toFixed(2)} MB to one log; taking it in`);
    append = await runWorker(['append', bundle, indexPath, archiveRoot, target]);
  } finally {
    truncateSync(target, originalSize); // the archive stays as generated (the next build starts clean)
  }

  log('ripgrep baseline: 20 of the queries over the raw logs');
  const rgSubset = queries.map((q, i) => ({ ...q, i })).filter((_, i) => i % 10 === 3 || i % 10 === 7);
  const subset = rgSubset.slice(0, 20);
  rgQuery(subset[0].query); // warm the page cache like the index's warm-up
  const rgTimes = subset.map((q) => rgQuery(q.query));
  const indexTimes = subset.map((q) => query.latencies[q.i]);
  const rgP50 = percentile(rgTimes, 50);
  const idxP50 = percentile(indexTimes, 50);
  const ratioP50 = rgP50 / idxP50;
  const ratioMean = rgTimes.reduce((a, b) => a + b, 0) / indexTimes.reduce((a, b) => a + b, 0);

  const p50 = percentile(query.latencies, 50);
  const p95 = percentile(query.latencies, 95);
  const withHits = query.hits.filter((n) => n > 0).length;
  const filtered = queries.filter((q) => Object.keys(q.filters).length).length;
  const lines = [
    `search benchmark: ${(logBytes / 1073741824).toFixed(2)} GB synthetic archive (${marker.files} logs), ${cpus().length} cores, node ${process.versions.node}`,
  ];
  if (build) {
    const mbps = logBytes / 1048576 / (build.buildMs / 1000);
    lines.push(`index build   ${mbps.toFixed(1)} MB/s  (${(build.buildMs / 1000).toFixed(0)} s for ${(logBytes / 1048576).toFixed(0)} MB, ${build.units} records; then optimize ${(build.optimizeMs / 1000).toFixed(1)} s)`);
  }
  lines.push(
    `index size    ${(indexBytes / 1048576).toFixed(0)} MB  (${((indexBytes / logBytes) * 100).toFixed(1)}% of the logs)`,
    `query         p50 ${ms(p50)}  p95 ${ms(p95)}  over ${queries.length} queries (${filtered} with filters, ${withHits} with hits)   target p50 < 30 ms: ${verdict(p50 < 30)}, p95 < 100 ms: ${verdict(p95 < 100)}`,
    `vs rg         rg p50 ${ms(rgP50)} vs index p50 ${ms(idxP50)} on the same ${subset.length} queries: ${ratioP50.toFixed(0)}× faster (p50), ${ratioMean.toFixed(0)}× (total time)   target ≥ 20×: ${verdict(ratioP50 >= 20)}`,
    `1 MB append   ${ms(append.oneMs)} to take in (that log; ${append.appendedUnits} records), ${ms(append.scanMs)} for a full scan of ${append.scanFiles} logs   target < 500 ms: ${verdict(append.oneMs < 500)}`,
    `peak RSS      ${build ? `build ${build.maxRssMB.toFixed(0)} MB, ` : ''}queries ${query.maxRssMB.toFixed(0)} MB, append ${append.maxRssMB.toFixed(0)} MB   target < 300 MB: ${verdict(Math.max(build?.maxRssMB ?? 0, query.maxRssMB, append.maxRssMB) < 300)}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench:search: ${error.message}\n`);
  process.exitCode = 1;
});
