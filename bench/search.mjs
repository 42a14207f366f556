// npm run bench:search — the search index over a ≥ 1 GB synthetic archive made from the real sample logs,
// plus the real-log corpus (test/fixtures/real or BENCH_SEARCH_REAL; test/fixtures/samples when absent)
// in an index of its own:
//   - known-item recall@5 over ≥ 500 queries made from the raw logs by bench/lib/knownItems.mjs (2–3
//     words of one record incl. the middle of long tool outputs, identifiers with words, CJK substrings,
//     error lines), each kept only when at most 5 records hold all its words;
//   - query latency in-process (p50/p95) at 1 GB, and the CLI's wall time for the same queries;
//   - build MB/s (wall, and per CPU second: the machine is shared), index size against the logs, peak RSS,
//     a 1 MB append; the same queries with ripgrep over the raw logs as the baseline.
// The archive is generated once into .bench/ (git-ignored) and reused; so are the queries made from it.
// Each measured job runs in its own child process, so its peak RSS is its own.
// Env: BENCH_SEARCH_MB (archive size, default 1024), BENCH_SEARCH_REUSE_INDEX=1 (skip the builds),
// BENCH_SEARCH_REAL (folder of real logs; default test/fixtures/real).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callIdsByLine, candidateQueries, countMatches, documentFrequencies, listLogs, logRecords, MAX_MATCHES } from './lib/knownItems.mjs';
import { appendRecords, generateArchive, readArchiveMarker, rng, sizeOfLogs } from './lib/synthArchive.mjs';
import { samplesDir } from '../test/support/paths.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(repoRoot, '.bench');
const archiveRoot = join(benchDir, 'search-archive');
// Indexes live where the CLI looks for one ($HANDOVER_HOME/index.sqlite), so its wall time is measured too.
const synthHome = join(benchDir, 'search-home');
const realHome = join(benchDir, 'search-home-real');
const synthIndex = join(synthHome, 'index.sqlite');
const realIndex = join(realHome, 'index.sqlite');
// The search API as `npm run build` bundles it for tests and benchmarks (the CLI's esbuild settings).
const bundle = join(repoRoot, 'dist', 'test', 'searchApi.js');
const worker = join(repoRoot, 'bench', 'lib', 'searchWorker.mjs');
const cli = join(repoRoot, 'dist', 'cli.js');
const targetMB = Number(process.env.BENCH_SEARCH_MB ?? 1024);
const realDir = process.env.BENCH_SEARCH_REAL || join(repoRoot, 'test', 'fixtures', 'real');
const QUERY_CACHE_VERSION = 3;
const log = (line) => process.stderr.write(`bench:search: ${line}\n`);

const synthRoots = [
  { kind: 'claude', dir: join(archiveRoot, 'claude', 'projects') },
  { kind: 'codex', dir: join(archiveRoot, 'codex', 'sessions') },
];
// The real corpus holds the samples' logs too (same sources): the samples only when it is absent.
const realRoots = [{ kind: 'extra', dir: existsSync(realDir) ? realDir : samplesDir }];

function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return;
  log('installing ripgrep (apt-get) for the baseline');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureArchive() {
  const marker = readArchiveMarker(archiveRoot);
  if (marker && marker.cjk && marker.targetBytes >= targetMB * 1048576) {
    log(`reusing ${archiveRoot} (${(marker.bytes / 1048576).toFixed(0)} MB, ${marker.files} logs)`);
    return marker;
  }
  log(`generating a ${targetMB} MB synthetic archive from ${samplesDir} into ${archiveRoot}`);
  const started = Date.now();
  let next = 0;
  return generateArchive({
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

/** Known-item queries of one corpus (cached per archive for the synthetic one: two passes over 1 GB). */
function knownItemQueries(logs, corpus, seed, perLog, cacheKey, cjkEvery) {
  const cache = cacheKey && join(benchDir, `search-queries-${corpus}.json`);
  if (cache && existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8'));
    if (cached.key === cacheKey) return cached;
  }
  const started = Date.now();
  const { df, records } = documentFrequencies(logs);
  const candidates = candidateQueries(logs, df, rng(seed), { perLog, corpus, cjkEvery });
  const counts = countMatches(logs, candidates);
  const kept = candidates.flatMap((q, i) => (counts[i] >= 1 && counts[i] <= MAX_MATCHES ? [{ ...q, matches: counts[i] }] : []));
  const result = { key: cacheKey, records, candidates: candidates.length, ambiguous: counts.filter((n) => n > MAX_MATCHES).length, queries: kept };
  log(
    `  ${corpus}: ${kept.length} of ${candidates.length} candidate queries kept (${result.ambiguous} held by > ${MAX_MATCHES} records), ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (cache) writeFileSync(cache, JSON.stringify(result));
  return result;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
const pct = (a, b) => `${((a / Math.max(1, b)) * 100).toFixed(1)}%`;

/** The longest word of the query as a literal, what a person would grep for. */
function rgQuery(query) {
  const literal = query.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  const started = performance.now();
  const result = spawnSync('rg', ['-i', '-F', '-l', '--no-messages', '--', literal, archiveRoot], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
  return performance.now() - started;
}

function cliQuery(home, query) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'search', '--no-update', '--json', '--limit', '5', '--', query], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: home },
  });
  if (result.status !== 0) throw new Error(`handover search failed: ${result.stderr}`);
  return performance.now() - started;
}

async function main() {
  mkdirSync(benchDir, { recursive: true });
  ensureRipgrep();
  const marker = ensureArchive();
  const logBytes = sizeOfLogs(archiveRoot);
  if (!existsSync(cli) || !existsSync(bundle)) throw new Error('dist/ is missing: run npm run build first');

  let build;
  if (process.env.BENCH_SEARCH_REUSE_INDEX === '1' && existsSync(synthIndex) && existsSync(realIndex)) {
    log('reusing the indexes (BENCH_SEARCH_REUSE_INDEX=1): no build figures');
  } else {
    for (const path of [synthIndex, realIndex]) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    mkdirSync(synthHome, { recursive: true });
    mkdirSync(realHome, { recursive: true });
    log(`building the index over ${(logBytes / 1048576).toFixed(0)} MB (progress below)`);
    build = await runWorker(['build', bundle, synthIndex, JSON.stringify(synthRoots)]);
    log(`building the real-corpus index (${realRoots.map((r) => r.dir).join(', ')})`);
    await runWorker(['build', bundle, realIndex, JSON.stringify(realRoots)]);
  }
  const indexBytes = statSync(synthIndex).size + (existsSync(synthIndex + '-wal') ? statSync(synthIndex + '-wal').size : 0);

  log('making known-item queries from the raw logs (independent reader)');
  const realLogs = realRoots.flatMap((r) => listLogs(r.dir));
  const real = knownItemQueries(realLogs, 'real', 11, 40, undefined, 1);
  const synthLogs = listLogs(archiveRoot);
  const synth = knownItemQueries(synthLogs, 'synthetic', 12, 4, `${QUERY_CACHE_VERSION}:${marker.bytes}:${marker.files}:${marker.seed}`, 5);

  log(`running ${synth.queries.length} queries at 1 GB and ${real.queries.length} on the real corpus`);
  const queryFile = (name, queries) => {
    const path = join(benchDir, `search-run-${name}.json`);
    writeFileSync(path, JSON.stringify(queries.map(({ query }) => ({ query }))));
    return path;
  };
  const synthRun = await runWorker(['query', bundle, synthIndex, queryFile('synthetic', synth.queries)]);
  const realRun = await runWorker(['query', bundle, realIndex, queryFile('real', real.queries)]);
  // Found: the record itself in the top 5, or a record with the very same text (Codex writes each
  // message twice, as a response item and as an event, and the index keeps one; a copy of a log, such
  // as its archived copy, is one session to the index).
  const textsOf = new Map();
  const texts = (path, at) => {
    if (!textsOf.has(path)) textsOf.set(path, new Map([...logRecords(path)].map((r) => [r.line, JSON.stringify(r.texts.map((t) => t.text))])));
    return textsOf.get(path).get(at) ?? null;
  };
  const callIds = new Map();
  const callId = (path, at) => {
    if (!callIds.has(path)) callIds.set(path, callIdsByLine(path));
    return callIds.get(path).get(at);
  };
  const sameText = (q, [file, line]) =>
    (texts(file, line) !== null && texts(file, line) === texts(q.file, q.line)) ||
    (file === q.file && callId(file, line) !== undefined && callId(file, line) === callId(q.file, q.line));
  const judge = (queries, run) =>
    queries.map((q, i) => {
      const { top } = run.results[i];
      const found = top.some(([file, line]) => file === q.file && line === q.line) || top.some((hit) => sameText(q, hit));
      return { ...q, ...run.results[i], found };
    });
  const judged = [...judge(synth.queries, synthRun), ...judge(real.queries, realRun)];
  const found = judged.filter((q) => q.found).length;
  const byType = new Map();
  for (const q of judged) {
    const t = byType.get(q.type) ?? { n: 0, found: 0 };
    t.n++;
    if (q.found) t.found++;
    byType.set(q.type, t);
  }
  const misses = judged.filter((q) => !q.found);
  writeFileSync(join(benchDir, 'search-misses.json'), JSON.stringify(misses, null, 1));

  const latencies = synthRun.results.map((r) => r.ms);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  // The machine is shared: CPU time per query says what the query costs when it has a core to itself.
  const cpuLatencies = synthRun.results.map((r) => r.cpuMs);

  log('CLI wall time: 20 of the queries through `handover search --no-update --json`');
  const sample = synth.queries.filter((_, i) => i % Math.max(1, Math.floor(synth.queries.length / 20)) === 0).slice(0, 20);
  cliQuery(synthHome, sample[0].query);
  const cliTimes = sample.map((q) => cliQuery(synthHome, q.query));

  // 1 MB appended to a mid-sized log, then taken in (that log only, as the watcher does; and a full scan).
  const claudeDir = synthRoots[0].dir;
  const candidates = readdirSync(claudeDir).flatMap((d) => readdirSync(join(claudeDir, d)).map((f) => join(claudeDir, d, f)));
  const target = candidates.sort((a, b) => statSync(a).size - statSync(b).size)[Math.floor(candidates.length / 2)];
  const originalSize = statSync(target).size;
  let append;
  try {
    const added = appendRecords({ path: target, samplesDir, bytes: 1048576 });
    log(`appended ${(added / 1048576).toFixed(2)} MB to one log; taking it in`);
    append = await runWorker(['append', bundle, synthIndex, JSON.stringify(synthRoots), target]);
  } finally {
    truncateSync(target, originalSize); // the archive stays as generated
  }
  // The index now holds records past the truncated end: take the truncation in (a re-read of that log).
  await runWorker(['append', bundle, synthIndex, JSON.stringify(synthRoots), target]);

  log('ripgrep baseline: the same 20 queries over the raw logs');
  rgQuery(sample[0].query); // warm the page cache like the index's warm-up
  const rgTimes = sample.map((q) => rgQuery(q.query));
  const sampleIndexTimes = sample.map((q) => synthRun.results[synth.queries.indexOf(q)].ms);
  const rgP50 = percentile(rgTimes, 50);
  const ratioP50 = rgP50 / percentile(sampleIndexTimes, 50);

  const lines = [
    `search benchmark: ${(logBytes / 1073741824).toFixed(2)} GB synthetic archive (${marker.files} logs) + real corpus (${realLogs.length} logs), ${cpus().length} cores (load ${(await import('node:os')).loadavg()[0].toFixed(1)}), node ${process.versions.node}`,
    `recall@5      ${found}/${judged.length} = ${pct(found, judged.length)} known-item (${[...byType].map(([t, v]) => `${t} ${v.found}/${v.n}`).join(', ')}; real ${judged.filter((q) => q.corpus === 'real' && q.found).length}/${real.queries.length}, synthetic ${judged.filter((q) => q.corpus === 'synthetic' && q.found).length}/${synth.queries.length})   target ≥ 99% over ≥ 500: ${verdict(found / judged.length >= 0.99 && judged.length >= 500)}`,
  ];
  if (build) {
    const mbps = logBytes / 1048576 / (build.buildMs / 1000);
    const cpuMbps = logBytes / 1048576 / (build.buildCpuMs / 1000);
    lines.push(
      `index build   ${mbps.toFixed(1)} MB/s wall, ${cpuMbps.toFixed(1)} MB/s per CPU second  (${(build.buildMs / 1000).toFixed(0)} s for ${(logBytes / 1048576).toFixed(0)} MB, ${build.units} records; then optimize ${(build.optimizeMs / 1000).toFixed(1)} s)   target ≥ 60 MB/s: ${verdict(mbps >= 60)}`,
    );
    // Where the build's time went, by thread (the CPU each spent; Node ≥ 23.9 tells a thread's own).
    const { readerCpuMs = [], writerCpuMs, waitMs, chunksRead } = build.stats ?? {};
    const s = (v) => `${(v / 1000).toFixed(1)} s`;
    if (writerCpuMs !== undefined)
      lines.push(
        `  build CPU   ${readerCpuMs.length} reading thread(s) ${readerCpuMs.map(s).join(' + ')} (read, parse, redact${chunksRead ? `; ${chunksRead} requests: long Claude Code logs in chunks` : ''}), writer ${s(writerCpuMs)} (FTS5 inserts, commits), writer waited ${s(waitMs)} for the readers; load average ${build.load.map((l) => l.toFixed(1)).join(' → ')} over the build`,
      );
  }
  lines.push(
    `index size    ${(indexBytes / 1048576).toFixed(0)} MB  (${pct(indexBytes, logBytes)} of the logs)   target ≤ 20%: ${verdict(indexBytes / logBytes <= 0.2)}`,
    `query         p50 ${ms(p50)}  p95 ${ms(p95)}  in-process over ${latencies.length} queries at 1 GB (CPU time p50 ${ms(percentile(cpuLatencies, 50))} p95 ${ms(percentile(cpuLatencies, 95))}); CLI wall p50 ${ms(percentile(cliTimes, 50))} p95 ${ms(percentile(cliTimes, 95))} (20 queries, process start included)   target p50 < 10 ms: ${verdict(p50 < 10)}, p95 < 50 ms: ${verdict(p95 < 50)}`,
    `vs rg         rg p50 ${ms(rgP50)} (longest word, -i -F -l) vs index p50 ${ms(percentile(sampleIndexTimes, 50))} on the same 20 queries: ${ratioP50.toFixed(0)}× faster (p50)`,
    `1 MB append   ${ms(append.oneMs)} to take in (CPU ${ms(append.oneCpuMs)}; that log, ${append.appendedUnits} records), ${ms(append.scanMs)} for a full scan of ${append.scanFiles} logs   target < 200 ms: ${verdict(append.oneMs < 200)}`,
    `peak RSS      ${build ? `build ${build.maxRssMB.toFixed(0)} MB, ` : ''}queries ${synthRun.maxRssMB.toFixed(0)} MB, append ${append.maxRssMB.toFixed(0)} MB   target < 300 MB: ${verdict(Math.max(build?.maxRssMB ?? 0, synthRun.maxRssMB, append.maxRssMB) < 300)}`,
  );
  if (misses.length)
    lines.push(
      `misses        ${misses.length} (in .bench/search-misses.json), e.g. ${misses
        .slice(0, 3)
        .map((q) => `${q.type} ${JSON.stringify(q.query)}`)
        .join('; ')}`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench:search: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
