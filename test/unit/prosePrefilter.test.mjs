// classifySentence tests a few words first (mayBeFinding) and skips its costly checks when none is there.
// That prefilter must never drop a finding: on every sentence of the real and sample logs, from every
// source, classifySentence and classifyWithoutPrefilter give the same answer. A new way for
// classifySentence to find something that the prefilter does not know fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, fixturesDir } from '../support/paths.mjs';

const require = createRequire(import.meta.url);
const { classifySentence, classifyWithoutPrefilter, sentences } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

/** Every string a log holds under a prose-like key (typed text, replies, thinking, Codex messages). */
function proseOf(value, key, out) {
  if (typeof value === 'string') {
    if (['text', 'thinking', 'content', 'message'].includes(key) && value.length >= 15) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) proseOf(item, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) proseOf(v, k, out);
}

function logsUnder(dir) {
  const logs = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) logs.push(...logsUnder(path));
    else if (entry.name.endsWith('.jsonl')) logs.push(path);
  }
  return logs;
}

test('the prefilter of classifySentence drops no finding on any sentence of the real and sample logs', () => {
  const distinct = new Set();
  for (const top of ['real', 'samples', 'claude', 'codex']) {
    for (const log of logsUnder(join(fixturesDir, top))) {
      for (const line of readFileSync(log, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const texts = [];
        proseOf(JSON.parse(line), '', texts);
        // Tool outputs are not prose the analysts classify; long ones only cost time here.
        for (const text of texts) if (text.length <= 20_000) for (const sentence of sentences(text)) distinct.add(sentence);
      }
    }
  }
  assert.ok(distinct.size > 10_000, `only ${distinct.size} sentences found in the fixtures`);
  let findings = 0;
  for (const sentence of distinct) {
    for (const source of ['thinking', 'assistant', 'user']) {
      for (const listed of [false, true]) {
        const expected = classifyWithoutPrefilter(sentence, source, listed);
        assert.deepEqual(classifySentence(sentence, source, listed), expected, `${source}${listed ? ', listed' : ''}: ${sentence}`);
        if (expected) findings++;
      }
    }
  }
  // The comparison means something only if the sentences hold findings of their own.
  assert.ok(findings > 100, `only ${findings} findings among ${distinct.size} sentences`);
});
