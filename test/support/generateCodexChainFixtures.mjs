// Two real Codex CLI sessions forming a chain: session 2 is started from session 1's handover exactly as
// `handover resume` starts a Codex session (its seed prompt names resume-prompt.md, without Claude Code's
// `@`). Saved into test/fixtures/codex/chain/ as session-1.jsonl and session-2.jsonl with
// chain.expected.json. Codex is not a dependency of this repository (its binary is ~400 MB): point
// CODEX_BIN at an installed `codex` (0.169.0 was used).
//
//   npm run build && CODEX_BIN=/path/to/codex node test/support/generateCodexChainFixtures.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeScratchProject } from './claudeSession.mjs';
import { startCodexModelServer } from './codexModelServer.mjs';
import { cli, repoRoot } from './paths.mjs';

const outDir = join(repoRoot, 'test', 'fixtures', 'codex', 'chain');
const STABLE_PROJECT = '/tmp/handover-fixture/codex-chain-project';
const STABLE_HOME = '/tmp/handover-fixture/codex-home';

const codexBin = process.env.CODEX_BIN;
if (!codexBin) {
  console.error('generateCodexChainFixtures: set CODEX_BIN to an installed codex binary');
  process.exit(2);
}

const project = await makeScratchProject({ files: { 'README.md': '# codex chain\n' }, name: 'codex-chain-' });
const codexHome = realpathSync(mkdtempSync(join(tmpdir(), 'codex-home-')));
const handoverHome = realpathSync(mkdtempSync(join(tmpdir(), 'codex-handover-home-')));
const server = await startCodexModelServer();
writeFileSync(
  join(codexHome, 'config.toml'),
  `model = "gpt-5.5"\nmodel_provider = "mock"\n[model_providers.mock]\nname = "mock"\nbase_url = "${server.url}/v1"\nenv_key = "MOCK_API_KEY"\nwire_api = "responses"\nstream_max_retries = 0\nrequest_max_retries = 0\n[analytics]\nenabled = false\n[features]\nplugins = false\n`,
);
const env = { ...process.env, CODEX_HOME: codexHome, MOCK_API_KEY: 'dummy', HANDOVER_HOME: handoverHome };

/** Asynchronous: the scripted server answers from this same process. */
function codex(prompt) {
  return new Promise((resolve, reject) => {
    const child = spawn(codexBin, ['exec', '--skip-git-repo-check', '--dangerously-bypass-approvals-and-sandbox', prompt], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`codex exec failed (${code}): ${stderr.slice(-1500)}`));
    });
  });
}

function rollouts() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.startsWith('rollout-') && entry.name.endsWith('.jsonl')) found.push(path);
    }
  };
  walk(join(codexHome, 'sessions'));
  return found.sort();
}

function handover(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', cwd: project });
  if (r.status !== 0) throw new Error(`handover ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

try {
  server.push(
    [{ type: 'function_call', name: 'exec_command', arguments: { cmd: "sh -c 'echo CODEX-CHAIN-FAILURE >&2; exit 3'" } }],
    [{ type: 'message', text: 'The check fails with CODEX-CHAIN-FAILURE; it still needs fixing.' }],
  );
  await codex('Make the check pass. Never touch README.md, it is generated.');
  const [first] = rollouts();
  handover(['build', first, '--workspace', project]);

  const seed = JSON.parse(handover(['resume', '--workspace', project, '--json'])).args[0];
  server.push(
    [{ type: 'function_call', name: 'exec_command', arguments: { cmd: 'echo fixed > fixed.txt && cat fixed.txt' } }],
    [{ type: 'message', text: 'Fixed.' }],
  );
  await codex(seed);
  const second = rollouts().find((p) => p !== first);
  handover(['build', second, '--workspace', project]);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const stable = (text) => text.replaceAll(codexHome, STABLE_HOME).replaceAll(project, STABLE_PROJECT);
  const ids = [];
  for (const [i, path] of [first, second].entries()) {
    const text = readFileSync(path, 'utf8');
    ids.push(JSON.parse(text.split('\n')[0]).payload.id);
    writeFileSync(join(outDir, `session-${i + 1}.jsonl`), stable(text));
  }
  writeFileSync(
    join(outDir, 'chain.expected.json'),
    JSON.stringify({ sessionIds: ids, seed: stable(seed), constraint: 'Never touch README.md, it is generated.' }, null, 2) + '\n',
  );
  console.log(`wrote 2 Codex sessions to ${outDir}`);
} finally {
  await server.close();
  for (const dir of [codexHome, handoverHome, project]) rmSync(dir, { recursive: true, force: true });
}
