// End to end: the Handover Claude Code plugin installed the way a user installs it, from this
// repository as a local marketplace, into the real `claude` CLI (pinned), offline against the scripted
// model. The model loads the deferred MCP tool with ToolSearch, calls it, and the tool result Claude
// Code logs holds the right <session-id>:<line>; `/compact` fires the plugin's PreCompact hook and a
// verified handover appears. No `node` is needed by the plugin: it goes through the launcher.
//   npm run test:e2e:plugin
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { claudeBin, startClaudeSession } from '../support/claudeSession.mjs';
import { cli, repoRoot } from '../support/paths.mjs';

const node = process.execPath;
const TOOL = 'mcp__plugin_handover_handover__search';

function records(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

test(
  'the Handover plugin from the local marketplace: MCP search through ToolSearch, PreCompact builds a verified handover',
  { timeout: 600_000 },
  async (t) => {
    const session = await startClaudeSession({ script: [], summary: 'Summary: the user shared a codeword.' });
    const handoverHome = mkdtempSync(join(tmpdir(), 'handover-home-'));
    t.after(async () => {
      await session.close();
      rmSync(handoverHome, { recursive: true, force: true });
    });
    const { project, sessionId, server, env } = session;
    env.HANDOVER_HOME = handoverHome;
    const claude = (...args) => spawnSync(claudeBin, args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });

    await t.test('marketplace add + plugin install from the repository directory', async () => {
      // The launcher the extension writes on activation; Node stands in for VS Code's runtime here.
      await build({
        entryPoints: [join(repoRoot, 'src', 'hooks', 'launcher.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: join(handoverHome, 'launcher.cjs'),
        logLevel: 'silent',
      });
      const { writeLauncher } = createRequire(import.meta.url)(join(handoverHome, 'launcher.cjs'));
      await writeLauncher(handoverHome, { runtime: node, cliPath: cli, electron: true });
      const added = claude('plugin', 'marketplace', 'add', repoRoot);
      assert.equal(added.status, 0, added.stderr + added.stdout);
      const installed = claude('plugin', 'install', 'handover@handover-dev');
      assert.equal(installed.status, 0, installed.stderr + installed.stdout);
      const listed = claude('plugin', 'list');
      assert.match(listed.stdout, /handover@handover-dev[\s\S]*enabled/);
    });

    let codewordLine;
    await t.test('a first turn types a codeword into the session', async () => {
      server.push([{ type: 'text', text: 'Noted.' }]);
      const result = await session.run('Remember the codeword xylophonic-quasar for the release checklist.');
      assert.equal(result.code, 0, result.stderr);
      const lines = readFileSync(session.logPath(), 'utf8').split('\n');
      // Independent of the product: the line of the user record that holds the typed text.
      codewordLine = lines.findIndex((l) => l.includes('"type":"user"') && l.includes('xylophonic-quasar')) + 1;
      assert.ok(codewordLine > 0);
    });

    await t.test('the model loads the deferred tool with ToolSearch, calls it, and the result holds <session>:<line>', async () => {
      const before = server.mainRequests().length;
      server.push(
        [{ type: 'tool_use', name: 'ToolSearch', input: { query: `select:${TOOL}` } }],
        [{ type: 'tool_use', name: TOOL, input: { query: 'xylophonic', kind: 'user' } }],
        [{ type: 'text', text: 'Found it.' }],
      );
      const result = await session.run('What was the codeword? Look it up in the past sessions.', { allowedTools: 'mcp__plugin_handover_handover' });
      assert.equal(result.code, 0, result.stderr);
      const requests = server.mainRequests().slice(before);
      assert.ok(
        JSON.stringify(requests[0].body.system).includes(TOOL) || JSON.stringify(requests[0].body).includes(TOOL),
        'the deferred tool is named to the model',
      );
      assert.ok(requests[2], `three requests, got ${requests.length}`);
      assert.ok(
        requests[2].body.tools.some((tool) => tool.name === TOOL),
        'after ToolSearch the tool is in the request',
      );
      const [toolResult] = server.toolResults(requests[2]);
      assert.equal(toolResult.is_error, false, toolResult.text);
      assert.ok(toolResult.text.includes(`${sessionId}:${codewordLine}`), toolResult.text);
      // And in Claude Code's own transcript.
      const logged = records(session.logPath()).flatMap((r) => (r.type === 'user' && Array.isArray(r.message?.content) ? r.message.content : []));
      const callId = requests[1].response.content.find((b) => b.type === 'tool_use').id;
      const inLog = logged.find((b) => b.type === 'tool_result' && b.tool_use_id === callId);
      assert.ok(inLog, 'the transcript holds the tool result');
      assert.ok(JSON.stringify(inLog.content).includes(`${sessionId}:${codewordLine}`), JSON.stringify(inLog.content));
    });

    await t.test("/compact fires the plugin's PreCompact hook and a verified handover appears", async () => {
      const result = await session.run('/compact');
      assert.equal(result.code, 0, result.stderr);
      const dir = join(project, '.handover', sessionId);
      await waitFor(
        () => existsSync(join(dir, 'signature.json')) && !existsSync(join(handoverHome, 'locks', sessionId)),
        90_000,
        'the handover built by the plugin hook',
      );
      const verified = spawnSync(node, [cli, 'verify', dir], { env, encoding: 'utf8' });
      assert.equal(verified.status, 0, verified.stderr);
      assert.match(readFileSync(join(dir, 'resume-prompt.md'), 'utf8'), /xylophonic-quasar/);
      assert.ok(!existsSync(join(project, '.claude', 'settings.local.json')), 'no hooks were written into settings: the plugin alone did it');
    });
  },
);
