// Child process of bench/search.mjs: one job per run (build / query / append), so each job's peak RSS
// is its own (process.resourceUsage().maxRSS). Prints one JSON line on stdout; progress on stderr.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';

const [job, bundle, dbPath, ...rest] = process.argv.slice(2);
const api = createRequire(import.meta.url)(bundle);
const rssMB = () => process.resourceUsage().maxRSS / 1024;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const out = (value) => process.stdout.write(JSON.stringify({ ...value, maxRssMB: rssMB() }) + '\n');

const index = api.openSearchIndex('', { path: dbPath });
try {
  if (job === 'build') {
    const roots = JSON.parse(rest[0]);
    let lastTenth = -1;
    const started = performance.now();
    const cpuStarted = cpuMs();
    const loadBefore = loadavg()[0];
    const stats = {};
    const report = await api.updateIndex(index, {
      sources: roots,
      rebuild: true,
      stats,
      onProgress: (p) => {
        const tenth = Math.floor((p.bytesDone / Math.max(1, p.bytesTotal)) * 10);
        if (tenth > lastTenth && p.bytesTotal > 64 * 1048576) {
          lastTenth = tenth;
          const s = (performance.now() - started) / 1000;
          process.stderr.write(
            `  indexing ${(p.bytesDone / 1048576).toFixed(0)}/${(p.bytesTotal / 1048576).toFixed(0)} MB, ${s.toFixed(0)} s, ${(p.bytesDone / 1048576 / Math.max(s, 0.001)).toFixed(1)} MB/s\n`,
          );
        }
      },
    });
    const buildMs = performance.now() - started;
    const buildCpuMs = cpuMs() - cpuStarted;
    const optimizeStarted = performance.now();
    api.optimizeIndex(index);
    index.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const optimizeMs = performance.now() - optimizeStarted;
    out({
      buildMs,
      buildCpuMs,
      stats,
      load: [loadBefore, loadavg()[0]],
      optimizeMs,
      bytesRead: report.bytesRead,
      units: report.unitsAdded,
      files: report.filesSeen,
      problems: report.problems.length,
      indexBytes: statSync(dbPath).size,
    });
  } else if (job === 'query') {
    const queries = JSON.parse(readFileSync(rest[0], 'utf8')); // a file: too long for a command line
    for (const q of queries.slice(0, 5)) api.searchIndex(index, q.query, q.filters ?? {});
    const results = [];
    for (const q of queries) {
      const t = performance.now();
      const c = cpuMs();
      const result = api.searchIndex(index, q.query, { ...(q.filters ?? {}), limit: 5 });
      const ms = performance.now() - t;
      results.push({ ms, cpuMs: cpuMs() - c, mode: result.mode, top: result.hits.map((h) => [h.file, h.line]) });
    }
    out({ results });
  } else if (job === 'append') {
    const [root, file] = rest;
    const roots = JSON.parse(root);
    const t = performance.now();
    const c = cpuMs();
    const one = await api.updateIndex(index, { files: [api.describeSourceFile(roots[0], file)] });
    const oneMs = performance.now() - t;
    const oneCpuMs = cpuMs() - c;
    const t2 = performance.now();
    const scan = await api.updateIndex(index, { sources: roots });
    const scanMs = performance.now() - t2;
    out({ oneMs, oneCpuMs, scanMs, appendedUnits: one.unitsAdded, appended: one.appended, scanFiles: scan.filesSeen });
  }
} finally {
  index.close();
}
