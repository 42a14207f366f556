// Hooks in a settings file or the Claude Code plugin, never both: `handover install-plugin` and
// `install-hooks` refuse while the other is in place (exit 3, one line) and switch when asked, with the
// real `claude` CLI (pinned devDependency) managing the plugin in a scratch HOME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';

const claude = join(repoRoot, 'node_modules', '.bin', 'claude');

test('install-plugin and install-hooks: refuse while the other is installed, --switch swaps them', { timeout: 120_000 }, () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'handover-plugin-')));
  try {
    const home = join(root, 'home');
    const workspace = join(root, 'ws');
    mkdirSync(home);
    mkdirSync(workspace);
    const env = {
      HOME: home,
      PATH: process.env.PATH,
      HANDOVER_HOME: join(root, 'handover'),
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    };
    const run = (...args) => spawnSync(process.execPath, [cli, ...args], { env, cwd: workspace, encoding: 'utf8', timeout: 60_000 });
    const userSettings = () => JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8'));

    const hooks = run('install-hooks', '--scope', 'user');
    assert.equal(hooks.status, 0, hooks.stderr);
    assert.ok(userSettings().hooks.PreCompact);

    const refused = run('install-plugin', '--claude', claude);
    assert.equal(refused.status, 3, refused.stderr);
    assert.match(refused.stderr, /^handover install-plugin: the Handover hooks are installed in .*settings\.json.*--switch\n$/);
    assert.equal(userSettings().enabledPlugins, undefined, 'nothing installed');

    const switched = run('install-plugin', '--claude', claude, '--switch', '--json');
    assert.equal(switched.status, 0, switched.stderr);
    const settings = userSettings();
    assert.equal(settings.hooks, undefined, 'the settings-file hooks are gone');
    assert.equal(settings.enabledPlugins['handover@handover-dev'], true);
    const staged = JSON.parse(switched.stdout).marketplace;
    assert.equal(staged, join(env.HANDOVER_HOME, 'claude-marketplace'));
    assert.ok(existsSync(join(staged, 'plugin', 'hooks', 'hooks.json')) && existsSync(join(staged, 'plugin', '.mcp.json')));
    const listed = spawnSync(claude, ['plugin', 'list'], { env, encoding: 'utf8' });
    assert.match(listed.stdout, new RegExp(`handover@handover-dev[\\s\\S]*Read from: ${staged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    const refusedHooks = run('install-hooks', '--scope', 'local');
    assert.equal(refusedHooks.status, 3);
    assert.match(refusedHooks.stderr, /plugin \(handover@handover-dev\) is enabled/);
    assert.ok(!existsSync(join(workspace, '.claude', 'settings.local.json')));

    const back = run('install-hooks', '--scope', 'local', '--switch', '--claude', claude);
    assert.equal(back.status, 0, back.stderr);
    assert.notEqual(userSettings().enabledPlugins?.['handover@handover-dev'], true, 'the plugin is uninstalled');
    assert.ok(JSON.parse(readFileSync(join(workspace, '.claude', 'settings.local.json'), 'utf8')).hooks.PreCompact);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
