// The reasoning log of resume-prompt.md: a run of short one-line notes of one turn (Codex's reasoning
// summaries are often a bold title each) is one line with every note in order; a real paragraph of
// thinking stays whole in its fence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/paths.mjs';
import { CodexLog } from '../support/analysisLogs.mjs';

test('short reasoning notes of one turn are one line; a paragraph of thinking stays whole', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'handover-notes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = new CodexLog(join(dir, 'ws'));
  log.user('add a day view to the trip page');
  const titles = ['Preparing file inspection', 'Planning file reading', 'Inspecting existing components', 'Escaping glob patterns for routes'];
  for (const title of titles) {
    log.reasoning(`**${title}**`);
    log.exec('ls src', 'a.ts\nb.ts', 0);
  }
  const paragraph =
    '**Choosing the layout**\n\nI considered a modal for the day view, but a route keeps the back button working, so I will use a nested route instead of a modal.';
  log.reasoning(paragraph);
  log.text('Added the day view.');
  const path = log.write(dir);
  const r = spawnSync(process.execPath, [cli, 'build', path, '--workspace', dir, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: join(dir, 'home') },
  });
  assert.equal(r.status, 0, r.stderr);
  const prompt = readFileSync(JSON.parse(r.stdout).promptPath, 'utf8');
  const reasoning = prompt.slice(prompt.indexOf('## Reasoning log'));
  const notes = reasoning.split('\n').filter((l) => l.includes('short notes'));
  assert.equal(notes.length, 1, reasoning);
  assert.match(notes[0], new RegExp(`4 short notes: ${titles.join(' · ')}$`));
  assert.ok(!reasoning.includes('**Planning file reading**'), 'no note keeps its own fenced block');
  assert.ok(reasoning.includes('  I considered a modal for the day view, but a route keeps the back button working'), 'the paragraph is kept whole');
});
