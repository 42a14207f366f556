// npm run bench:cache — prompt caching of the three Anthropic sub-agents, against the scripted Messages
// API server (real SDK, real HTTP, the API's cache accounting). On a ≥ 1 MB log made of the sample
// logs, it prints:
//   - the shared-prefix share of the three first requests' input tokens (target ≥ 90%);
//   - the cache-read share of all sub-agent input tokens over the whole run (target ≥ 60%);
// and, measured in the same run, the same figures and the estimated cost for two baselines: all three
// analysts started at once (no staggering), and no cache_control at all.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesApiServer, toolUse, toolResultsOf } from '../test/support/messagesApiServer.mjs';
import { repoRoot, samplesDir } from '../test/support/paths.mjs';
import { loadAnthropicModule, offlineFindingsFor, writePlantedLog } from '../test/support/anthropicSupport.mjs';

// A private HANDOVER_HOME: search_log must not read or write the user's real search index.
process.env.HANDOVER_HOME = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'handover-home-'));

const MIN_LOG_BYTES = 1024 * 1024;
const benchDir = join(repoRoot, '.bench', 'cache');
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });

// The log: every Claude Code sample, repeated until ≥ 1 MB, then a planted episode. Not committed.
const samples = readdirSync(join(samplesDir, 'claude-code'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .map((f) => readFileSync(join(samplesDir, 'claude-code', f), 'utf8').trimEnd());
const parts = [];
let bytes = 0;
while (bytes < MIN_LOG_BYTES) {
  for (const s of samples) {
    parts.push(s);
    bytes += s.length + 1;
  }
}
const basePath = join(benchDir, 'base.jsonl');
writeFileSync(basePath, parts.join('\n') + '\n');
const log = writePlantedLog(benchDir, { baseSample: basePath, name: 'session.jsonl' });
const logBytes = statSync(log.path).size;

const mod = await loadAnthropicModule();
const extract = await mod.extractLog(log.path);
const offline = { findings: offlineFindingsFor(log.lines) };

/** Cites the first line of a search result in a report, so the findings hold against the log. */
function reportFrom(request, searchId, title) {
  const hits = JSON.parse(toolResultsOf(request.body).get(searchId) ?? '{"matches":[]}');
  const line = hits.matches?.[0]?.line ?? 1;
  return { content: [toolUse('report_findings', { findings: [{ title, detail: title, citations: [{ line }] }] })] };
}

/** A plausible four-turn investigation per analyst: batched tool calls, a read, a narrower search, the report. */
function scripts() {
  const plan = {
    decisions: ['decided because', 'thinking', 'zlib-ng 2.1.6 inflateReset2'],
    errors: ['error', 'tool-result', 'wasm-ld undefined symbol inflateReset2'],
    rejected: ['instead', 'assistant-text', 'abandoned system zlib emscripten'],
  };
  /** @type {Record<string, any[]>} */
  const out = {};
  for (const [analyst, [words, kind, finalQuery]] of Object.entries(plan)) {
    const narrow = toolUse('search_log', { query: finalQuery });
    out[analyst] = [
      {
        content: [
          { type: 'text', text: 'Looking.' },
          toolUse('search_log', { query: words.split(' ')[0], kinds: [kind], limit: 15 }),
          toolUse('list_tool_calls', { failed_only: true, limit: 20 }),
        ],
      },
      { content: [toolUse('read_lines', { from: log.lines.request, to: log.lines.rejectedText })] },
      { content: [narrow] },
      (request) => reportFrom(request, narrow.id, finalQuery),
    ];
  }
  return out;
}

async function measure(label, options) {
  const server = await startMessagesApiServer({ scripts: scripts(), defaultDelayMs: 20 });
  try {
    const t0 = performance.now();
    const result = await mod.analyzeWithAnthropic({
      logPath: log.path,
      extractMarkdown: extract.markdown,
      offline,
      apiKey: 'sk-ant-bench',
      baseURL: server.url,
      maxRetries: 0,
      deadlineMs: 30_000,
      ...options,
    });
    const wallMs = performance.now() - t0;
    const failed = result.usage.filter((u) => u.fallbackReason);
    if (failed.length) throw new Error(`${label}: ${failed.map((u) => `${u.analyst}: ${u.fallbackReason}`).join('; ')}`);
    const replies = server.requests.filter((r) => r.status === 200);
    const firsts = ['decisions', 'errors', 'rejected'].map((a) => replies.find((r) => r.analyst === a));
    // The shared prefix of a first request: everything up to its second breakpoint (the end of the
    // extract and offline findings), measured on the request even when no cache_control was sent.
    const prefixTokens = (r) => {
      const blocks = r.body.tools.length + r.body.system.length + r.body.messages[0].content.length - 1;
      let n = 0;
      const all = [...r.body.tools, ...r.body.system, ...r.body.messages[0].content];
      for (let i = 0; i < blocks; i++) {
        const { cache_control, ...rest } = all[i];
        void cache_control;
        n += Math.ceil(Buffer.byteLength(JSON.stringify(rest)) / 4);
      }
      return n;
    };
    const sum = (rs, f) => rs.reduce((n, r) => n + f(r), 0);
    const inputOf = (r) => r.usage.input_tokens + r.usage.cache_creation_input_tokens + r.usage.cache_read_input_tokens;
    return {
      label,
      requests: replies.length,
      turns: result.usage.reduce((n, u) => n + u.turns, 0),
      firstTotal: sum(firsts, (r) => r.totalTokens),
      sharedShare: sum(firsts, prefixTokens) / sum(firsts, (r) => r.totalTokens),
      readShare: sum(replies, (r) => r.usage.cache_read_input_tokens) / sum(replies, inputOf),
      inputTokens: sum(replies, inputOf),
      cost: result.usage.reduce((n, u) => n + u.estimatedCostUsd, 0),
      wallMs,
      findings: result.findings.filter((f) => f.source === 'model').length,
    };
  } finally {
    await server.close();
  }
}

const cached = await measure('staggered, cached (default)', {});
const simultaneous = await measure('all three at once', { staggerStart: false });
const uncached = await measure('no cache_control', { promptCaching: false });

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const usd = (x) => `$${x.toFixed(4)}`;
console.log(
  `bench:cache  log ${(logBytes / 1048576).toFixed(2)} MB, ${log.lineCount} lines; extract ${(extract.bytesOut / 1024).toFixed(1)} KB; model ${mod.DEFAULT_ANTHROPIC_MODEL} (prices), scripted server`,
);
console.log(
  `run: ${cached.requests} requests, ${cached.turns} turns over 3 analysts, ${cached.findings} model findings kept, ${cached.inputTokens} input tokens, ${Math.round(cached.wallMs)} ms`,
);
console.log(
  `shared-prefix share of the three first requests' input tokens: ${pct(cached.sharedShare)} (target >= 90%) ${cached.sharedShare >= 0.9 ? 'PASS' : 'FAIL'}`,
);
console.log(`cache-read share of all sub-agent input tokens: ${pct(cached.readShare)} (target >= 60%) ${cached.readShare >= 0.6 ? 'PASS' : 'FAIL'}`);
console.log(
  `baseline, same run, all three started at once: cache-read share ${pct(simultaneous.readShare)} (x${(cached.readShare / simultaneous.readShare).toFixed(2)} with staggering), cost ${usd(simultaneous.cost)}`,
);
console.log(`baseline, same run, no cache_control: cache-read share ${pct(uncached.readShare)}, cost ${usd(uncached.cost)}`);
console.log(`estimated cost: ${usd(cached.cost)} cached vs ${usd(uncached.cost)} uncached = ${(cached.cost / uncached.cost).toFixed(2)}x`);
rmSync(benchDir, { recursive: true, force: true });
process.exitCode = cached.sharedShare >= 0.9 && cached.readShare >= 0.6 ? 0 : 1;
