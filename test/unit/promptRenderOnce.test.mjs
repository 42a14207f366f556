// build.ts renders the resume prompt once and only then settles the figures about it in data.stats
// (its bytes, tokens, what the budget dropped): that is right only while the prompt never reads data.stats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cli, fixturesDir, repoRoot } from '../support/paths.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { renderResumePrompt } = require(join(repoRoot, 'dist', 'test', 'handoverCore.js'));

test('the resume prompt reads nothing of data.stats: other figures there render the same prompt', () => {
  const log = join(fixturesDir, 'real', 'marot__spotter__cc-2.1.38-tool-heavy', 'tool_heavy.jsonl');
  const workspace = scratchDir('ho-render-ws-');
  const r = spawnSync(process.execPath, [cli, 'build', log, '--workspace', workspace, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: scratchDir('ho-render-home-') },
  });
  assert.equal(r.status, 0, r.stderr);
  const data = JSON.parse(readFileSync(join(JSON.parse(r.stdout).dir, 'handover.json'), 'utf8'));
  const budget = data.stats.budgetTokens;
  assert.ok(budget > 0, 'the build records the budget it rendered with');
  const before = renderResumePrompt(data, budget).markdown;
  assert.ok(before.length > 1000);
  data.stats = { ...data.stats, promptBytes: 1, promptTokens: 1, droppedByBudget: 99, extractBytes: 7, leftOut: [{ section: 'Decisions', count: 3 }] };
  assert.equal(renderResumePrompt(data, budget).markdown, before);
});
