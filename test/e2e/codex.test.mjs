// End to end with the real `codex` CLI (npm @openai/codex, pinned below, cached outside the repository
// like code-server) offline against a scripted Responses API: `handover install-hooks --agent codex`
// puts our hooks in $CODEX_HOME/hooks.json and the MCP server in config.toml (next to the user's own
// settings, which stay), Codex calls the MCP search tool and gets the right <session-id>:<line>, and an
// automatic compaction fires our PreCompact hook, which builds a verified handover of the rollout.
// Everything Handover runs goes through the launcher, as for a user without node. Codex runs a hook
// only once the user has trusted it (/hooks in the TUI); `codex exec` has no such review, so these
// runs pass --dangerously-bypass-hook-trust, as Codex intends for automation that vets its hooks.
//   npm run test:e2e:codex
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { makeScratchProject } from '../support/claudeSession.mjs';
import { functionOutputs, startCodexModelServer } from '../support/codexModelServer.mjs';
import { cli, repoRoot } from '../support/paths.mjs';

const CODEX_VERSION = '0.169.0';
const cacheDir = join(process.env.HANDOVER_E2E_CACHE ?? join(homedir(), '.cache', 'handover-e2e'), `codex-${CODEX_VERSION}`);
const codexBin = join(cacheDir, 'node_modules', '.bin', 'codex');
const node = process.execPath;

function ensureCodex() {
  if (existsSync(codexBin)) return;
  mkdirSync(cacheDir, { recursive: true });
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', cacheDir, `@openai/codex@${CODEX_VERSION}`], {
    stdio: 'inherit',
  });
  if (installed.status !== 0) throw new Error(`npm install @openai/codex@${CODEX_VERSION} failed`);
}

function runCodex(args, { cwd, env, timeoutMs = 120_000 }) {
  return new Promise((resolve) => {
    const child = spawn(codexBin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const rollouts = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((n) => /rollout-.*\.jsonl$/.test(n))
        .map((n) => join(dir, n))
    : [];

test(
  'real codex: hooks and MCP server installed by install-hooks --agent codex; MCP search answers; a compaction builds a verified handover',
  { timeout: 900_000 },
  async (t) => {
    ensureCodex();
    const server = await startCodexModelServer({ totalTokens: 200_000, summary: 'The user asked to remember a codeword.' });
    const root = mkdtempSync(join(tmpdir(), 'handover-codex-e2e-'));
    const codexHome = join(root, 'codex-home');
    const handoverHome = join(root, 'handover-home');
    mkdirSync(codexHome);
    const project = await makeScratchProject({ name: 'codex-project-' });
    t.after(async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    });
    const userConfig = [
      "# the user's own settings: kept as they are",
      'model = "gpt-5.5"',
      'model_provider = "mock"',
      'model_auto_compact_token_limit = 50000',
      '',
      '[model_providers.mock]',
      'name = "mock"',
      `base_url = "${server.url}"`,
      'env_key = "MOCK_API_KEY"',
      'wire_api = "responses"',
      'stream_max_retries = 0',
      'request_max_retries = 0',
      '',
      '[analytics]',
      'enabled = false',
      '',
      '[features]',
      'plugins = false',
      '',
    ].join('\n');
    writeFileSync(join(codexHome, 'config.toml'), userConfig);
    const env = { ...process.env, CODEX_HOME: codexHome, HANDOVER_HOME: handoverHome, MOCK_API_KEY: 'dummy', HOME: root };
    for (const key of Object.keys(env)) if (/^(OPENAI_|CODEX_(?!HOME))/.test(key) || /^npm_/i.test(key)) delete env[key];

    await t.test('install-hooks --agent codex: hooks.json and [mcp_servers.handover] through the launcher, the user config kept', async () => {
      await build({
        entryPoints: [join(repoRoot, 'src', 'hooks', 'launcher.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: join(root, 'launcher.cjs'),
        logLevel: 'silent',
      });
      const { writeLauncher } = createRequire(import.meta.url)(join(root, 'launcher.cjs'));
      const launcher = await writeLauncher(handoverHome, { runtime: node, cliPath: cli, electron: true });
      const installed = spawnSync(node, [cli, 'install-hooks', '--agent', 'codex', '--json'], { env, encoding: 'utf8' });
      assert.equal(installed.status, 0, installed.stderr);
      assert.equal(JSON.parse(installed.stdout).command, launcher);
      const config = readFileSync(join(codexHome, 'config.toml'), 'utf8');
      assert.ok(config.startsWith(userConfig.trimEnd()), 'the user config is untouched above our table');
      assert.match(config, /\[mcp_servers\.handover\]\ncommand = ".*handover-hook"\nargs = \["mcp"\]\nenv = \{ HANDOVER_HOME = ".*", CODEX_HOME = ".*" \}/);
      const listed = spawnSync(codexBin, ['mcp', 'list'], { env, encoding: 'utf8' });
      assert.match(listed.stdout, /handover\s+\S*handover-hook\s+mcp\s.*enabled/);
    });

    let sessionId;
    let rolloutLines;
    await t.test('a first turn types a codeword', async () => {
      server.push([{ type: 'message', text: 'Noted the codeword.' }]);
      const result = await runCodex(
        [
          'exec',
          '--skip-git-repo-check',
          '--dangerously-bypass-approvals-and-sandbox',
          '--dangerously-bypass-hook-trust',
          'Remember the codeword zirconium-falcon for the release.',
        ],
        { cwd: project, env },
      );
      assert.equal(result.code, 0, result.stderr.slice(-2000));
      const [rollout] = rollouts(join(codexHome, 'sessions'));
      assert.ok(rollout, 'a rollout was written');
      rolloutLines = readFileSync(rollout, 'utf8').split('\n');
      sessionId = JSON.parse(rolloutLines[0]).payload.id;
      assert.ok(rolloutLines.some((l) => l.includes('zirconium-falcon')));
    });

    await t.test(
      'the MCP search tool answers Codex with the <session-id>:<line> of the codeword; the compaction before it builds a verified handover',
      async () => {
        const before = server.requests.length;
        server.push(
          [{ type: 'function_call', namespace: 'mcp__handover', name: 'search', arguments: { query: 'zirconium', kind: 'user' } }],
          [{ type: 'message', text: 'It was zirconium-falcon.' }],
        );
        const result = await runCodex(
          [
            'exec',
            'resume',
            '--last',
            '--skip-git-repo-check',
            '--dangerously-bypass-approvals-and-sandbox',
            '--dangerously-bypass-hook-trust',
            'What was the codeword? Search the past sessions.',
          ],
          { cwd: project, env },
        );
        assert.equal(result.code, 0, result.stderr.slice(-2000));
        const requests = server.requests.slice(before);
        assert.ok(
          requests.some((r) => r.kind === 'compact'),
          `a compaction ran (kinds: ${requests.map((r) => r.kind).join(', ')})`,
        );
        const outputs = requests.flatMap((r) => functionOutputs(r.body));
        const answer = outputs.find((o) => o.output.includes('match'));
        assert.ok(answer, JSON.stringify(outputs).slice(0, 2000));
        // Independent of the product: the line a ref names holds the typed codeword.
        const refs = [...answer.output.matchAll(new RegExp(`${sessionId}:(\\d+)`, 'g'))].map((m) => Number(m[1]));
        assert.ok(refs.length >= 1, answer.output);
        for (const line of refs) assert.match(rolloutLines[line - 1], /zirconium-falcon/, `line ${line}`);

        const dir = join(project, '.handover', sessionId);
        await waitFor(
          () => existsSync(join(dir, 'signature.json')) && !existsSync(join(handoverHome, 'locks', sessionId)),
          90_000,
          'the handover built by the PreCompact hook',
        ).catch((error) => {
          const seen = existsSync(handoverHome) ? readdirSync(handoverHome, { recursive: true }).join(', ') : '(no handover home)';
          const hookLines = `${result.stdout}\n${result.stderr}`
            .split('\n')
            .filter((l) => /hook/i.test(l))
            .slice(0, 20)
            .join('\n');
          throw new Error(`${error.message}; handover home: ${seen}; codex said: ${hookLines}`);
        });
        const verified = spawnSync(node, [cli, 'verify', dir], { env, encoding: 'utf8' });
        assert.equal(verified.status, 0, verified.stderr);
        const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
        assert.equal(data.agent, 'codex');
        assert.match(readFileSync(join(dir, 'resume-prompt.md'), 'utf8'), /zirconium-falcon/);
        const buildLog = readFileSync(join(handoverHome, 'logs', `build-${sessionId}.log`), 'utf8');
        assert.match(buildLog, /built .*resume-prompt\.md/);
        // Codex's own state database knows this session: no "cannot be resumed" note.
        const rebuilt = spawnSync(node, [cli, 'build', rollouts(join(codexHome, 'sessions'))[0], '--workspace', project], { env, encoding: 'utf8' });
        assert.equal(rebuilt.status, 0, rebuilt.stderr);
        assert.doesNotMatch(rebuilt.stderr, /no record of session/);
      },
    );

    await t.test('uninstall-hooks --agent codex takes out exactly ours', () => {
      const removed = spawnSync(node, [cli, 'uninstall-hooks', '--agent', 'codex', '--json'], { env, encoding: 'utf8' });
      assert.equal(removed.status, 0, removed.stderr);
      assert.equal(readFileSync(join(codexHome, 'config.toml'), 'utf8'), userConfig);
      assert.deepEqual(JSON.parse(readFileSync(join(codexHome, 'hooks.json'), 'utf8')), {});
    });
  },
);
