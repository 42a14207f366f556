// Child process of bench/search.mjs: one job per run (build / query / append), so each job's peak RSS
// is its own (process.resourceUsage().maxRSS). Prints one JSON line on stdout; progress on stderr.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const [job, bundle, dbPath, ...rest] = process.argv.slice(2);
const api = createRequire(import.meta.url)(bundle);
const sourcesOf = (root) => [
  { kind: 'claude', dir: join(root, 'claude', 'projects') },
  { kind: 'codex', dir: join(root, 'codex', 'sessions') },
];
const rssMB = () => process.resourceUsage().maxRSS / 1024;
const out = (value) => process.stdout.write(JSON.stringify({ ...value, maxRssMB: rssMB() }) + '\n');

const index = api.openSearchIndex('', { path: dbPath });
try {
  if (job === 'build') {
    const [root] = rest;
    let lastTenth = -1;
    const started = performance.now();
    const report = await api.updateIndex(index, {
      sources: sourcesOf(root),
      rebuild: true,
      onProgress: (p) => {
        const tenth = Math.floor((p.bytesDone / Math.max(1, p.bytesTotal)) * 20);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          const s = (performance.now() - started) / 1000;
          process.stderr.write(`  indexing ${(p.bytesDone / 1048576).toFixed(0)}/${(p.bytesTotal / 1048576).toFixed(0)} MB, ${s.toFixed(0)} s, ${(p.bytesDone / 1048576 / Math.max(s, 0.001)).toFixed(1)} MB/s\n`);
        }
      },
    });
    const buildMs = performance.now() - started;
    const optimizeStarted = performance.now();
    api.optimizeIndex(index);
    index.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const optimizeMs = performance.now() - optimizeStarted;
    out({ buildMs, optimizeMs, bytesRead: report.bytesRead, units: report.unitsAdded, files: report.filesSeen, indexBytes: statSync(dbPath).size });
  } else if (job === 'query') {
    const queries = JSON.parse(rest[0]);
    for (const q of queries.slice(0, 5)) api.searchIndex(index, q.query, q.filters);
    const latencies = [];
    const hits = [];
    for (const q of queries) {
      const t = performance.now();
      const result = api.searchIndex(index, q.query, { ...q.filters, limit: 20 });
      latencies.push(performance.now() - t);
      hits.push(result.hits.length);
    }
    out({ latencies, hits });
  } else if (job === 'append') {
    const [root, file] = rest;
    const t = performance.now();
    const one = await api.updateIndex(index, { files: [api.describeSourceFile({ kind: 'claude', dir: join(root, 'claude', 'projects') }, file)] });
    const oneMs = performance.now() - t;
    const t2 = performance.now();
    const scan = await api.updateIndex(index, { sources: sourcesOf(root) });
    const scanMs = performance.now() - t2;
    out({ oneMs, scanMs, appendedUnits: one.unitsAdded, appended: one.appended, scanFiles: scan.filesSeen });
  }
} finally {
  index.close();
}
