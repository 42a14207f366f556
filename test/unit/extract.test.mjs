// Extraction against the real sample logs: content, not just "no throw".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, samplesDir } from '../support/paths.mjs';

const claudeSamples = readdirSync(join(samplesDir, 'claude-code'))
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => join(samplesDir, 'claude-code', f));

/** Every message a person typed, read the slow obvious way with JSON.parse, for comparison. */
function typedUserMessages(path) {
  const out = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.type !== 'user' || r.isMeta || r.isSidechain || r.isCompactSummary) continue;
    const c = r.message?.content;
    const texts = typeof c === 'string' ? [c] : Array.isArray(c) ? c.filter((b) => b.type === 'text').map((b) => b.text) : [];
    for (const t of texts) {
      if (/^\[Request interrupted/.test(t.trim()) || /<local-command-stdout>|<command-name>/.test(t)) continue;
      const clean = t.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim();
      if (clean) out.push(clean);
    }
  }
  return out;
}

function thinkingTexts(path) {
  const out = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.type !== 'assistant' || !Array.isArray(r.message?.content)) continue;
    for (const b of r.message.content) if (b.type === 'thinking' && b.thinking?.trim()) out.push(b.thinking.trim());
  }
  return out;
}

for (const sample of claudeSamples) {
  test(`extract keeps every typed message and thinking block: ${sample.split('/').pop()}`, () => {
    const md = execFileSync(process.execPath, [cli, 'extract', sample], { encoding: 'utf8' });
    for (const text of typedUserMessages(sample)) assert.ok(md.includes(text), `missing user text: ${text.slice(0, 80)}`);
    for (const text of thinkingTexts(sample)) assert.ok(md.includes(text), `missing thinking: ${text.slice(0, 80)}`);
    assert.doesNotMatch(md, /"type":"tool_result"|<system-reminder>/);
  });
}

test('extract --stats reports bytes, reduction and counts', () => {
  const sample = claudeSamples.find((s) => s.includes('fe5e1c67'));
  const out = execFileSync(process.execPath, [cli, 'extract', sample, '--stats'], { encoding: 'utf8' });
  assert.match(out, /bytes in\s+774477/);
  assert.match(out, /reduction/);
  assert.match(out, /user\s+2/);
});

test('extract --json gives machine output', () => {
  const sample = join(
    samplesDir,
    'codex',
    readdirSync(join(samplesDir, 'codex')).find((f) => f.endsWith('.jsonl')),
  );
  const result = JSON.parse(execFileSync(process.execPath, [cli, 'extract', sample, '--json'], { encoding: 'utf8' }));
  assert.equal(result.agent, 'codex');
  assert.equal(result.counts.user, 2);
  assert.equal(result.counts.compaction, 1);
  assert.match(result.markdown, /create hello\.txt and edit it/);
  assert.match(result.markdown, /just answer please/);
  assert.doesNotMatch(result.markdown, /environment_context/);
});

test('a missing file is one clear line and a non-zero exit', () => {
  const r = spawnSync(process.execPath, [cli, 'extract', '/nonexistent/x.jsonl'], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /no such file/);
});
