// Proactive mode's default threshold, held to the real logs in test/fixtures/real (read here with plain
// JSON parsing, independent of the product's reader): at the end of a typical turn before every automatic
// compaction in the corpus, the context must already be past the threshold, so the handover is built
// before Claude Code compacts. Manual compactions say nothing about the limit and are not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from '../support/paths.mjs';

const require = createRequire(import.meta.url);
const { DEFAULT_PROACTIVE_THRESHOLD } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
const realDir = join(fixturesDir, 'real');

function mainLogs(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'subagents') out.push(...mainLogs(path));
    else if (entry.isFile() && entry.name.endsWith('.jsonl')) out.push(path);
  }
  return out;
}

const usageOf = (u) =>
  ['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'output_tokens'].reduce(
    (sum, k) => sum + (Number(u?.[k]) > 0 ? Number(u[k]) : 0),
    0,
  );
const windowOf = (model) => (/\[1m\]|-1m\b/i.test(model ?? '') ? 1_000_000 : 200_000);

/** Per log: the automatic compactions (their context share), the growth of the context over each user turn, its peak. */
function measure(path) {
  const autos = [];
  const growth = [];
  let peak = 0;
  let last;
  let atTurnStart;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    if (r.type === 'system' && r.subtype === 'compact_boundary') {
      if (r.compactMetadata?.trigger === 'auto' && r.compactMetadata.preTokens > 0) autos.push(r.compactMetadata.preTokens / windowOf(last?.model));
      last = undefined;
      atTurnStart = undefined;
    } else if (r.type === 'user' && !r.isSidechain && !r.isMeta && typeof r.message?.content === 'string') {
      if (last && atTurnStart !== undefined && last.used >= atTurnStart) growth.push(last.used - atTurnStart);
      if (last) atTurnStart = last.used;
    } else if (r.type === 'assistant' && !r.isSidechain && r.message?.usage) {
      const used = usageOf(r.message.usage);
      if (used > 0) last = { used, model: r.message.model };
      peak = Math.max(peak, used / windowOf(r.message.model));
    }
  }
  return { autos, growth, peak };
}

test(
  'the default proactive threshold fires a typical turn before every automatic compaction in the real corpus',
  { skip: !existsSync(realDir) && 'no real-log corpus' },
  () => {
    const autos = [];
    const growth = [];
    const peaks = [];
    for (const path of mainLogs(realDir)) {
      const m = measure(path);
      autos.push(...m.autos);
      growth.push(...m.growth);
      if (m.peak > 0) peaks.push(m.peak);
    }
    assert.ok(autos.length >= 1, 'the corpus holds at least one automatic compaction');
    assert.ok(growth.length >= 50, `${growth.length} measured turns`);
    growth.sort((a, b) => a - b);
    const p90 = growth[Math.floor(growth.length * 0.9)];
    const earliest = Math.min(...autos);
    // The check runs when a turn ends: the context then must be past the threshold one typical turn early.
    assert.ok(
      DEFAULT_PROACTIVE_THRESHOLD + p90 / 200_000 <= earliest,
      `threshold ${DEFAULT_PROACTIVE_THRESHOLD} + a 90th-percentile turn (${p90} tokens) must stay below the earliest automatic compaction at ${(earliest * 100).toFixed(1)}%`,
    );
    // And not so low that it fires in ordinary sessions: above the peak of most of the corpus's sessions.
    peaks.sort((a, b) => a - b);
    const p75peak = peaks[Math.floor(peaks.length * 0.75)];
    assert.ok(
      DEFAULT_PROACTIVE_THRESHOLD > p75peak,
      `threshold ${DEFAULT_PROACTIVE_THRESHOLD} above 3 in 4 sessions' peak context (${(p75peak * 100).toFixed(1)}%)`,
    );
  },
);
