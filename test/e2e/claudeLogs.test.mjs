// End to end: the real `claude` CLI (2.1.328) writes a fresh session log against the scripted model
// server, and `handover extract` must keep what the people said and the model thought while dropping
// tool traffic. Same scenarios and checks as the committed fixtures (test/unit/claudeFixtures.test.mjs).
//   npm run test:e2e:claude-logs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runScenario, scenarios } from '../support/generateClaudeFixtures.mjs';
import { checkExtract, runExtract } from '../support/extractExpectations.mjs';

function records(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

test('a fresh session with tools, thinking, a failing command and /compact', { timeout: 180_000 }, async (t) => {
  const run = await runScenario(scenarios['tools-thinking-compact']);
  t.after(() => run.close());

  // The log is real: the CLI ran the tools and compacted.
  const log = records(run.logPath);
  assert.ok(
    log.some((r) => r.type === 'system' && r.subtype === 'compact_boundary'),
    'compact_boundary record',
  );
  assert.ok(
    log.some((r) => r.type === 'user' && r.isCompactSummary === true),
    'isCompactSummary record',
  );
  const failing = run.server
    .mainRequests()
    .flatMap((request) => run.server.toolResults(request))
    .find((result) => result.is_error);
  assert.ok(failing, 'the failing Bash command came back as an error tool_result');
  assert.match(failing.text, /Cannot find module/);
  assert.match(readFileSync(join(run.project, 'calc.js'), 'utf8'), /function subtract[\s\S]*multiply, subtract/);

  const extract = runExtract(run.logPath);
  const check = checkExtract(extract, run.expected);
  assert.deepEqual(check.missing, { userMessages: [], thinking: [], standIns: [], summaryMarkers: [], subagentThinking: [] });
  assert.deepEqual(check.leakedToolOutput, []);
  assert.equal(check.compactions.found, 1);
  assert.equal(check.compactions.summaries, 1);
  // Typed messages come in the order they were typed.
  const positions = run.expected.userMessages.map((text) => extract.markdown.indexOf(text));
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
  );
});

test('a fresh session where a subagent runs', { timeout: 180_000 }, async (t) => {
  const run = await runScenario(scenarios['subagent-task']);
  t.after(() => run.close());
  const subagents = join(dirname(run.logPath), run.sessionId, 'subagents');
  assert.ok(existsSync(subagents), 'subagents/ folder');
  assert.ok(readdirSync(subagents).some((name) => /^agent-.*\.jsonl$/.test(name)));
  assert.equal(run.server.subagentRequests().length, 2);

  const check = checkExtract(runExtract(run.logPath), run.expected);
  assert.deepEqual(check.missing.userMessages, []);
  assert.deepEqual(check.missing.thinking, []);
  assert.deepEqual(check.leakedToolOutput, []);
  assert.deepEqual(check.missing.subagentThinking, [], 'subagent thinking from <session>/subagents/');
});
