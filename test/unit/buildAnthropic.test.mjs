// `handover build --analyzer anthropic` through the CLI: the real SDK in the CLI process talks over real
// HTTP to the scripted Messages API server; model findings land in the handover, marked as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesApiServer, toolUse } from '../support/messagesApiServer.mjs';
import { cli, fixturesDir } from '../support/paths.mjs';
import { scratchDir } from '../support/scratch.mjs';

const log = join(fixturesDir, 'codex', 'rollout-0.169.0-shell-patch-compact-resume.jsonl');
const lines = readFileSync(log, 'utf8').split('\n');
const patchLine = lines.findIndex((l) => l.includes('"custom_tool_call"') && l.includes('notes.md')) + 1;

function runCli(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const report = (title, detail, line, quote) => ({
  content: [{ type: 'text', text: 'Reporting.' }, toolUse('report_findings', { findings: [{ title, detail, citations: [{ line, quote }], importance: 5 }] })],
});

test('model findings with valid citations reach the handover; a failing analyst falls back', async () => {
  assert.ok(patchLine > 0);
  const server = await startMessagesApiServer({
    scripts: {
      decisions: [
        report('Edited hello.txt and added notes.md with apply_patch', 'notes.md was created by apply_patch, hello.txt updated', patchLine, 'notes.md'),
      ],
      errors: [{ status: 500 }],
      rejected: [report('Nothing was abandoned in hello.txt', 'no dead ends; cites a line that does not exist', lines.length + 50, 'x')],
    },
  });
  try {
    const home = scratchDir('ho-home-');
    const workspace = scratchDir('ho-ws-');
    const r = await runCli(['build', log, '--workspace', workspace, '--analyzer', 'anthropic', '--json'], {
      HANDOVER_HOME: home,
      ANTHROPIC_API_KEY: 'sk-ant-test-not-a-real-key',
      ANTHROPIC_BASE_URL: server.url,
      HANDOVER_ANTHROPIC_DEADLINE_MS: '20000',
    });
    assert.equal(r.status, 0, r.stderr);
    const { dir, promptPath } = JSON.parse(r.stdout);
    const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    assert.equal(data.analysis.analyzer, 'anthropic');
    assert.deepEqual(
      data.analysis.usage.map((u) => u.analyst),
      ['decisions', 'errors', 'rejected'],
    );
    const byAnalyst = Object.fromEntries(data.analysis.usage.map((u) => [u.analyst, u]));
    assert.ok(byAnalyst.decisions.turns >= 1 && !byAnalyst.decisions.fallbackReason);
    assert.match(byAnalyst.errors.fallbackReason, /500/);
    const model = data.findings.filter((f) => f.source === 'model');
    assert.equal(model.length, 1, 'only the finding with a real citation survives');
    assert.equal(model[0].citations[0].line, patchLine);
    assert.ok(!data.findings.some((f) => /does not exist/.test(f.detail)), 'the invalid citation was dropped');
    assert.match(readFileSync(promptPath, 'utf8'), /added notes\.md with apply_patch.*\[model\]/);
    assert.ok(server.requests.length >= 3, 'the CLI really called the server');
    assert.equal(readFileSync(join(dir, 'signature.json'), 'utf8').includes('HMAC-SHA256'), true);
  } finally {
    await server.close();
  }
});
