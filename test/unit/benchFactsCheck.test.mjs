// The bench:facts checker (bench/lib/facts/check.mjs): it must read resume-prompt.md's sections by
// their headings in any order, count a fact only in its own section, tell resolved from unresolved,
// and check plantings against a real Claude Code log (test/fixtures/claude/generated).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanting, parseSections, scoreScenario } from '../../bench/lib/facts/check.mjs';
import { makeKit } from '../../bench/lib/facts/kit.mjs';
import { repoRoot } from '../support/paths.mjs';

const PROMPT = `# Session handover

Preamble text that mentions Measured numbers and Modified files in passing.

---

## Modified files

- \`src/limit.js\`: created (log line 30)

## How we got here

### Turn 1 (log line 3): add rate limiting
- ran \`npm test\`: failed (log line 20)

## What a summary would have lost

### Measured numbers (from tool output)

- p95 143 ms ← \`node scripts/loadtest.js\` (log line 91)

### Errors seen only in tool output

- **Unresolved:** DOCS-CHECK: README mentions plan 'team' — \`node scripts/check-docs.js\` (log line 141)
- Resolved: lint: src/limit.js:2 'var' is not allowed — fixed by a later passing run (log line 37)
- Resolved: SMOKE: GET /health returned 503 — fixed by a later passing run (log line 50)

## Where things stand

- Checks:
  - \`npm run lint\`: passing (log line 37)
  - \`npm test\`: failing (log line 20) — order A-17 total; ℹ pass 0
  - \`cargo test\`: passing (log line 60) — earlier runs failed
  - \`make test\`: passing (log line 44)

## What the user asked for

1. add rate limiting to the /search endpoint (log line 3)
2. 2 (answer to: "1. delete 2. reassign") (log line 9)

**Last request** (log line 3): add rate limiting to the /search endpoint
`;

test('sections are found by their headings in any order; a turn heading stays inside the timeline', () => {
  const sections = parseSections(PROMPT);
  assert.match(sections.get('files'), /src\/limit\.js/);
  assert.match(sections.get('timeline'), /### Turn 1/);
  assert.match(sections.get('numbers'), /p95 143 ms/);
  assert.doesNotMatch(sections.get('numbers'), /DOCS-CHECK/);
  assert.match(sections.get('requests'), /rate limiting/);
  assert.ok(sections.has('other:what a summary would have lost'));
  assert.doesNotMatch(sections.get('other:preamble'), /p95/);
});

test('a fact counts only in its own section; statuses and negative facts are judged per item', () => {
  const kit = makeKit();
  kit.number('143');
  kit.request('add rate limiting to the /search endpoint');
  kit.constraint('p95 must stay under 200 ms');
  kit.file('src/limit.js');
  kit.error("DOCS-CHECK: README mentions plan 'team'", 'unresolved');
  kit.error("lint: src/limit.js:2 'var' is not allowed", 'resolved');
  kit.error('SMOKE: GET /health returned 503', 'unresolved');
  kit.error('never printed anywhere', 'resolved');
  kit.check('`npm run lint`', 'passing');
  kit.check('`npm test`', 'passing');
  kit.check('`make test`', 'failing');
  kit.check('`cargo test`', 'passing');
  kit.lastRequest('add rate limiting to the /search endpoint');
  kit.lastRequest('reassign');
  kit.not('numbers', 'p95 143 ms', 'planted here to see a violation');
  kit.not('decisions', 'p95 143 ms', 'no decisions section at all');
  const score = scoreScenario(kit, { prompt: PROMPT, summary: 'The user asked to add rate limiting to the /search endpoint.' });
  const kept = Object.fromEntries(score.facts.map((f) => [f.fact.category + ':' + f.fact.strings[0], f.kept]));
  assert.equal(kept['numbers:143'], true);
  assert.equal(kept['requests:add rate limiting to the /search endpoint'], true);
  assert.equal(kept['constraints:p95 must stay under 200 ms'], false);
  assert.equal(kept['files:src/limit.js'], true);
  assert.equal(score.facts.find((f) => f.fact.category === 'requests').summary, true);

  const verdicts = score.statuses.map((s) => `${s.status.key.slice(0, 12)}=${s.verdict}`);
  assert.deepEqual(verdicts, [
    'DOCS-CHECK: =right',
    'lint: src/li=right',
    'SMOKE: GET /=wrong', // a failure still failing, printed "Resolved": a false "resolved"
    'never printe=missing',
    '`npm run lin=right',
    '`npm test`=wrong', // the suite passed at the end, printed failing: a false "not resolved"
    '`make test`=wrong',
    '`cargo test`=right', // the outcome is the first word after the command, not a word in the detail
  ]);
  assert.deepEqual(
    score.last.map((l) => l.verdict),
    ['right', 'wrong'],
  );
  assert.deepEqual(
    score.negatives.map((n) => n.violated),
    [true, false],
  );
});

test('plantings are checked against where the strings really are in a real Claude Code log', () => {
  const log = readFileSync(join(repoRoot, 'test', 'fixtures', 'claude', 'generated', 'tools-thinking-compact.jsonl'), 'utf8');
  const right = makeKit();
  right.error('Cannot find module');
  right.request('Rename mul to multiply');
  right.decision('A single CommonJS file is enough', 'the user wants it dependency-free', 'no package.json needed');
  right.file('calc.js');
  right.not('numbers', 'FIXTURE-SUMMARY-MARKER-a-calculator-module', 'in the compaction summary only, still a place in the log');
  assert.deepEqual(checkPlanting(right, log), []);

  const wrong = makeKit();
  wrong.error('Rename in both the definition and the export'); // thinking, not tool output
  wrong.number('424242'); // nowhere
  wrong.not('rejected', 'a phrase no one wrote', 'tests nothing');
  const problems = checkPlanting(wrong, log);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /should be only in tool_result, found in thinking/);
  assert.match(problems[1], /nowhere in the log/);
  assert.match(problems[2], /would test nothing/);
});

test('the baseline is the compaction summary as the real log stores it', async () => {
  const { lastCompactSummary, keptAfterLastCompaction } = await import('../../bench/lib/facts/session.mjs');
  const log = readFileSync(join(repoRoot, 'test', 'fixtures', 'claude', 'generated', 'tools-thinking-compact.jsonl'), 'utf8');
  const summary = lastCompactSummary(log);
  assert.match(summary, /FIXTURE-SUMMARY-MARKER-a-calculator-module/);
  assert.match(summary, /continued from a previous conversation/);
  assert.equal(typeof keptAfterLastCompaction(log), 'string');
  assert.equal(lastCompactSummary('{"type":"user","message":{"content":"hi"}}\nnot json\n'), '');
});
