// `handover install-hooks --agent codex`: our two hooks in $CODEX_HOME/hooks.json and our MCP server in
// config.toml, next to the user's own content, byte for byte; idempotent; a table of the user's is
// refused with both files untouched; uninstall takes out exactly ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/paths.mjs';

const USER_CONFIG = `# my settings
model = "gpt-5.5"   # pinned

[features]
plugins = false

[mcp_servers.docs]
command = "docs-server"
args = ["--stdio"]

[mcp_servers.docs.env]
TOKEN_FILE = "/x"
`;
const USER_HOOKS = { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }] }, note: 'mine' };

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'handover-codex-install-'));
  const codexHome = join(root, 'codex');
  const env = { ...process.env, HOME: root, CODEX_HOME: codexHome, HANDOVER_HOME: join(root, 'handover') };
  const run = (...args) => spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  return { root, codexHome, run, config: join(codexHome, 'config.toml'), hooks: join(codexHome, 'hooks.json') };
}

test('install, reinstall and uninstall keep every byte of the user config and hooks', () => {
  const box = sandbox();
  try {
    spawnSync('mkdir', ['-p', box.codexHome]);
    writeFileSync(box.config, USER_CONFIG);
    writeFileSync(box.hooks, JSON.stringify(USER_HOOKS, null, 2));
    const first = box.run('install-hooks', '--agent', 'codex');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /trust them: start codex and review them with \/hooks/);
    const config = readFileSync(box.config, 'utf8');
    assert.ok(config.startsWith(USER_CONFIG.trimEnd() + '\n\n'), config);
    assert.match(
      config,
      /\[mcp_servers\.handover\]\ncommand = "handover"\nargs = \["mcp"\]\nenv = \{ HANDOVER_HOME = ".*handover", CODEX_HOME = ".*codex" \}\n$/,
    );
    const hooks = JSON.parse(readFileSync(box.hooks, 'utf8'));
    assert.equal(hooks.note, 'mine');
    assert.deepEqual(hooks.hooks.Stop, USER_HOOKS.hooks.Stop);
    assert.deepEqual(Object.keys(hooks.hooks).sort(), ['PreCompact', 'SessionStart', 'Stop']);
    assert.equal(hooks.hooks.PreCompact[0].hooks[0].command, 'handover hook pre-compact');

    const again = box.run('install-hooks', '--agent', 'codex', '--json');
    assert.equal(again.status, 0, again.stderr);
    const report = JSON.parse(again.stdout);
    assert.equal(report.hooksChanged, false);
    assert.equal(report.configChanged, false);
    assert.equal(readFileSync(box.config, 'utf8'), config);

    // A new launcher path updates our table in place, nothing else.
    const moved = box.run('install-hooks', '--agent', 'codex', '--command', '/opt/handover-hook');
    assert.equal(moved.status, 0, moved.stderr);
    assert.equal(JSON.parse(readFileSync(box.hooks, 'utf8')).hooks.SessionStart[0].hooks[0].command, '/opt/handover-hook hook session-start');

    const removed = box.run('uninstall-hooks', '--agent', 'codex');
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(readFileSync(box.config, 'utf8'), USER_CONFIG);
    assert.deepEqual(JSON.parse(readFileSync(box.hooks, 'utf8')), USER_HOOKS);
  } finally {
    rmSync(box.root, { recursive: true, force: true });
  }
});

test('a [mcp_servers.handover] of the user, broken hooks.json or bad flags: one line, both files untouched', () => {
  const box = sandbox();
  try {
    spawnSync('mkdir', ['-p', box.codexHome]);
    const theirs = `${USER_CONFIG}\n[mcp_servers.handover]\ncommand = "my-own-handover"\n`;
    writeFileSync(box.config, theirs);
    const refused = box.run('install-hooks', '--agent', 'codex');
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /^handover install-hooks: .*config\.toml already has an \[mcp_servers\.handover\] table Handover did not write; left untouched\n$/,
    );
    assert.equal(readFileSync(box.config, 'utf8'), theirs);
    assert.ok(!existsSync(box.hooks), 'hooks.json not written either');

    writeFileSync(box.config, USER_CONFIG);
    writeFileSync(box.hooks, '{ not json');
    const broken = box.run('install-hooks', '--agent', 'codex');
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /hooks\.json is not valid JSON/);
    assert.equal(readFileSync(box.config, 'utf8'), USER_CONFIG);

    const scope = box.run('install-hooks', '--agent', 'codex', '--scope', 'user');
    assert.equal(scope.status, 2);
    assert.match(scope.stderr, /--scope is for Claude Code/);
    const agent = box.run('install-hooks', '--agent', 'gemini');
    assert.equal(agent.status, 2);
    assert.match(agent.stderr, /--agent must be claude or codex, not 'gemini'/);
  } finally {
    rmSync(box.root, { recursive: true, force: true });
  }
});
