// Extraction over the committed real Claude Code 2.1.328 logs in test/fixtures/claude/generated/
// (regenerate with `node test/support/generateClaudeFixtures.mjs`). Each log comes with the
// expectations its script implies; the same checks run on a fresh log in test/e2e/claudeLogs.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/paths.mjs';
import { checkExtract, runExtract } from '../support/extractExpectations.mjs';

const generated = join(fixturesDir, 'claude', 'generated');
const fixtures = readdirSync(generated).filter((name) => name.endsWith('.expected.json'));

test('there are generated fixtures', () => assert.ok(fixtures.length >= 2, `only ${fixtures.length} in ${generated}`));

for (const name of fixtures) {
  const base = name.replace(/\.expected\.json$/, '');
  const expected = JSON.parse(readFileSync(join(generated, name), 'utf8'));
  const check = checkExtract(runExtract(join(generated, `${base}.jsonl`)), expected);

  test(`${base}: every typed user message, thinking text and stand-in survives`, () => {
    assert.deepEqual(check.missing.userMessages, []);
    assert.deepEqual(check.missing.thinking, []);
    assert.deepEqual(check.missing.standIns, []);
  });
  test(`${base}: the compaction boundary and its summary survive`, () => {
    assert.equal(check.compactions.found, expected.compactions);
    assert.equal(check.compactions.summaries, expected.compactions);
    assert.deepEqual(check.missing.summaryMarkers, []);
  });
  test(`${base}: tool calls and results are dropped`, () => {
    assert.deepEqual(check.leakedToolOutput, []);
  });
  if (expected.subagentThinking.length) {
    test(`${base}: subagent thinking from <session>/subagents/ survives`, () => {
      assert.deepEqual(check.missing.subagentThinking, []);
    });
  }
}
