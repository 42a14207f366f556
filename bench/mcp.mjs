// npm run bench:mcp — per-call latency of `search` through one long-running `handover mcp` server (the
// index stays open) against spawning `handover search` for every query, the same queries in the same
// run, over a synthetic archive made from the real sample logs (generated once into .bench/, git-ignored).
// Env: BENCH_MCP_MB (archive size, default 64), BENCH_MCP_QUERIES (default 40).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { generateArchive, loadSamples, readArchiveMarker, rng, sampleWords } from './lib/synthArchive.mjs';
import { cli, samplesDir } from '../test/support/paths.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(repoRoot, '.bench');
const archiveRoot = join(benchDir, 'mcp-archive');
const home = join(benchDir, 'mcp-home');
const targetMB = Number(process.env.BENCH_MCP_MB ?? 64);
const queryCount = Number(process.env.BENCH_MCP_QUERIES ?? 40);
const log = (line) => process.stderr.write(`bench:mcp: ${line}\n`);
const env = { ...process.env, HANDOVER_HOME: home, HANDOVER_SEARCH_SOURCES: archiveRoot, NO_COLOR: '1' };

const marker = readArchiveMarker(archiveRoot);
if (!marker || marker.targetBytes < targetMB * 1048576) {
  log(`generating a ${targetMB} MB synthetic archive into ${archiveRoot}`);
  rmSync(home, { recursive: true, force: true });
  generateArchive({ root: archiveRoot, samplesDir, targetBytes: targetMB * 1048576, onProgress: () => {} });
}
mkdirSync(home, { recursive: true });
if (!existsSync(join(home, 'index.sqlite')) || !marker) {
  log('indexing');
  const indexed = spawnSync(process.execPath, [cli, 'index'], { env, encoding: 'utf8' });
  if (indexed.status !== 0) throw new Error(`handover index failed: ${indexed.stderr}`);
}

// Words of mid frequency from the samples (neither stop words nor hapaxes), one or two per query.
const random = rng(11);
const words = [...sampleWords(loadSamples(samplesDir)).entries()].filter(([w, n]) => w.length >= 5 && n >= 3 && n <= 200).map(([w]) => w);
const queries = Array.from({ length: queryCount }, (_, i) =>
  i % 3 === 2 ? `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}` : words[Math.floor(random() * words.length)],
);

const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
};
const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms`;

// One server for the whole run, as an agent session has it.
const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], env, stderr: 'inherit' });
const client = new Client({ name: 'bench', version: '1' });
const connectStarted = performance.now();
await client.connect(transport);
await client.callTool({ name: 'search', arguments: { query: 'warmup' } });
const startup = performance.now() - connectStarted;
const mcpMs = [];
let mcpHits = 0;
for (const query of queries) {
  const started = performance.now();
  const result = await client.callTool({ name: 'search', arguments: { query, limit: 10 } });
  mcpMs.push(performance.now() - started);
  if (result.isError) throw new Error(`search ${query}: ${result.content[0].text}`);
  mcpHits += (result.content[0].text.match(/^\S+:\d+\s/gm) ?? []).length;
}
await client.close();

const cliRun = (extra) => {
  const ms = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'search', query, '--limit', '10', '--json', ...extra], { env, encoding: 'utf8' });
    ms.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`handover search ${query}: ${result.stderr}`);
    hits += JSON.parse(result.stdout).hits.length;
  }
  return { ms, hits };
};
const cliDefault = cliRun([]);
const cliNoUpdate = cliRun(['--no-update']);

const mcp = stats(mcpMs);
const a = stats(cliDefault.ms);
const b = stats(cliNoUpdate.ms);
console.log(
  `bench:mcp: ${queries.length} queries over a ${(readArchiveMarker(archiveRoot).bytes / 1048576).toFixed(0)} MB archive (Node ${process.versions.node})`,
);
console.log(`  MCP search, one server (index open):     ${fmt(mcp)}  (${mcpHits} hits; server start + first call ${startup.toFixed(0)} ms)`);
console.log(`  handover search per query:               ${fmt(a)}  (${cliDefault.hits} hits)`);
console.log(`  handover search --no-update per query:   ${fmt(b)}  (${cliNoUpdate.hits} hits)`);
console.log(`  ratio (p50): CLI ${(a.p50 / mcp.p50).toFixed(1)}× the MCP call, CLI --no-update ${(b.p50 / mcp.p50).toFixed(1)}×`);
