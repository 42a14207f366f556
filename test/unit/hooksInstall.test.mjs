// install-hooks / uninstall-hooks against real settings files, and the hook launcher run for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cli, repoRoot } from '../support/paths.mjs';

const node = process.execPath;

function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'hooks-install-'));
  const workspace = join(root, 'project');
  const home = join(root, 'user');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(home, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HOME: home, HANDOVER_HOME: join(home, '.handover') };
  delete env.CLAUDE_CONFIG_DIR;
  return { root, workspace, home, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function run(s, args) {
  const result = spawnSync(node, [cli, ...args], { cwd: s.workspace, env: s.env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ours = (settings) =>
  Object.entries(settings.hooks ?? {}).flatMap(([event, groups]) =>
    groups.flatMap((group) =>
      group.hooks
        .filter((h) => / hook (pre-compact|pre-tool-use|session-start|post-compact|stop)$/.test(h.command))
        .map((h) => ({ event, matcher: group.matcher, ...h })),
    ),
  );

test('install-hooks writes our five entries into .claude/settings.local.json by default', () => {
  const s = scratch();
  try {
    const result = run(s, ['install-hooks']);
    assert.equal(result.code, 0, result.stderr);
    const path = join(s.workspace, '.claude', 'settings.local.json');
    assert.match(result.stdout, new RegExp(`installed the Handover hooks in ${path}`));
    const settings = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(ours(settings), [
      { event: 'PreCompact', matcher: undefined, type: 'command', command: 'handover hook pre-compact', timeout: 30 },
      { event: 'PreToolUse', matcher: 'Write|Edit|MultiEdit|NotebookEdit|Bash', type: 'command', command: 'handover hook pre-tool-use', timeout: 30 },
      { event: 'SessionStart', matcher: undefined, type: 'command', command: 'handover hook session-start', timeout: 30 },
      { event: 'PostCompact', matcher: undefined, type: 'command', command: 'handover hook post-compact', timeout: 30 },
      { event: 'Stop', matcher: undefined, type: 'command', command: 'handover hook stop', timeout: 30 },
    ]);
  } finally {
    s.cleanup();
  }
});

test('install-hooks prefers the launcher when the extension wrote one', () => {
  const s = scratch();
  try {
    const launcher = join(s.env.HANDOVER_HOME, 'bin', 'handover-hook');
    mkdirSync(join(s.env.HANDOVER_HOME, 'bin'), { recursive: true });
    writeFileSync(launcher, '#!/bin/sh\n', { mode: 0o755 });
    assert.equal(run(s, ['install-hooks', '--scope', 'project']).code, 0);
    const settings = JSON.parse(readFileSync(join(s.workspace, '.claude', 'settings.json'), 'utf8'));
    assert.deepEqual(
      ours(settings)
        .map((h) => h.command)
        .sort(),
      ['post-compact', 'pre-compact', 'pre-tool-use', 'session-start', 'stop'].map((event) => `${launcher} hook ${event}`),
    );
  } finally {
    s.cleanup();
  }
});

test('install-hooks keeps every other key and hook, is idempotent, and uninstall takes out exactly ours', () => {
  const s = scratch();
  try {
    const path = join(s.workspace, '.claude', 'settings.json');
    mkdirSync(join(s.workspace, '.claude'));
    const original = {
      permissions: { allow: ['Bash(npm test)'], deny: [] },
      model: 'opus',
      hooks: {
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'audit-bash.sh' }] }],
        PreCompact: [{ hooks: [{ type: 'command', command: 'echo compacting >> /tmp/log' }] }],
        Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }],
      },
      env: { FOO: '1' },
    };
    writeFileSync(path, JSON.stringify(original, null, 4) + '\n');

    assert.equal(run(s, ['install-hooks', '--scope', 'project']).code, 0);
    const first = readFileSync(path, 'utf8');
    const merged = JSON.parse(first);
    assert.deepEqual({ ...merged, hooks: undefined }, { ...original, hooks: undefined });
    assert.deepEqual(merged.hooks.Stop[0], original.hooks.Stop[0], 'their Stop hook first, untouched');
    assert.deepEqual(merged.hooks.PreToolUse[0], original.hooks.PreToolUse[0], 'their hooks come first, untouched');
    assert.deepEqual(merged.hooks.PreCompact[0], original.hooks.PreCompact[0]);
    assert.equal(ours(merged).length, 5);
    assert.match(first, /\n {4}"permissions"/, 'the file keeps its own indentation');

    const second = run(s, ['install-hooks', '--scope', 'project']);
    assert.match(second.stdout, /already installed/);
    assert.equal(readFileSync(path, 'utf8'), first, 'a second install changes nothing');

    // A new command replaces ours where it stands, never duplicates it.
    assert.equal(run(s, ['install-hooks', '--scope', 'project', '--command', '/opt/node/bin/node /x/dist/cli.js']).code, 0);
    const moved = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(
      ours(moved)
        .map((h) => h.command)
        .sort(),
      ['post-compact', 'pre-compact', 'pre-tool-use', 'session-start', 'stop'].map((event) => `/opt/node/bin/node /x/dist/cli.js hook ${event}`),
    );

    const removed = run(s, ['uninstall-hooks', '--scope', 'project', '--json']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(JSON.parse(removed.stdout), { path, changed: true, removed: 5 });
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), original);
    assert.match(run(s, ['uninstall-hooks', '--scope', 'project']).stdout, /no Handover hooks in/);
  } finally {
    s.cleanup();
  }
});

test('a settings file that is not valid JSON is refused and left byte for byte', () => {
  const s = scratch();
  try {
    const path = join(s.workspace, '.claude', 'settings.local.json');
    mkdirSync(join(s.workspace, '.claude'));
    for (const text of ['{ "model": "opus", // a comment\n}', '[1, 2]', '{"hooks": []}', '{"hooks": {"PreCompact": {}}}']) {
      writeFileSync(path, text);
      for (const command of ['install-hooks', 'uninstall-hooks']) {
        const result = run(s, [command]);
        assert.equal(result.code, 1, `${command} on ${text}`);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, new RegExp(`^handover ${command}: .*settings\\.local\\.json.*(not valid JSON|JSON object|not an object|not a list)`));
        assert.equal(readFileSync(path, 'utf8'), text);
      }
    }
    assert.equal(run(s, ['install-hooks', '--scope', 'everywhere']).code, 2);
  } finally {
    s.cleanup();
  }
});

test('--scope user writes ~/.claude/settings.json; a symlinked settings file stays a symlink with its mode', () => {
  const s = scratch();
  try {
    const dotfiles = join(s.root, 'dotfiles');
    mkdirSync(dotfiles);
    mkdirSync(join(s.home, '.claude'));
    const real = join(dotfiles, 'claude-settings.json');
    writeFileSync(real, '{"theme": "dark"}\n');
    chmodSync(real, 0o600);
    symlinkSync(real, join(s.home, '.claude', 'settings.json'));
    assert.equal(run(s, ['install-hooks', '--scope', 'user', '--workspace', '/nonexistent']).code, 0);
    assert.ok(lstatSync(join(s.home, '.claude', 'settings.json')).isSymbolicLink());
    const settings = JSON.parse(readFileSync(real, 'utf8'));
    assert.equal(settings.theme, 'dark');
    assert.equal(ours(settings).length, 5);
    assert.equal(statSync(real).mode & 0o777, 0o600);
    assert.ok(!existsSync(join(s.workspace, '.claude')));
  } finally {
    s.cleanup();
  }
});

/** The launcher module, bundled on the fly: it is the extension's to call, not the CLI's. */
async function loadLauncherModule(dir) {
  const outfile = join(dir, 'launcher.cjs');
  await build({ entryPoints: [join(repoRoot, 'src', 'hooks', 'launcher.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' });
  return createRequire(import.meta.url)(outfile);
}

test('the launcher runs the CLI with the given runtime, with ELECTRON_RUN_AS_NODE for VS Code, and never fails a hook', async () => {
  const s = scratch();
  try {
    const { writeLauncher, launcherScript } = await loadLauncherModule(s.root);
    const home = join(s.root, "a home with 'quotes' and spaces");
    const path = await writeLauncher(home, { runtime: node, cliPath: cli, electron: false });
    assert.equal(path, join(home, 'bin', 'handover-hook'));
    assert.equal(statSync(path).mode & 0o777, 0o755);
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^\d+\.\d+\.\d+|^dev/);

    // Stdin passes through: a real hook call via the launcher.
    const hookRun = spawnSync(path, ['hook', 'pre-tool-use'], {
      input: '{"session_id":"s","tool_name":"Write"}',
      encoding: 'utf8',
      env: { ...s.env, HANDOVER_HOME: home },
    });
    assert.equal(hookRun.status, 0, hookRun.stderr);
    assert.equal(hookRun.stdout, '');

    // VS Code's runtime is Electron: a stand-in executable records the environment and arguments it got.
    const fakeRuntime = join(s.root, 'Code Helper');
    writeFileSync(
      fakeRuntime,
      '#!/bin/sh\necho "ELECTRON_RUN_AS_NODE=$ELECTRON_RUN_AS_NODE"\necho "NODE_COMPILE_CACHE=$NODE_COMPILE_CACHE"\nfor a in "$@"; do echo "arg=$a"; done\n',
      { mode: 0o755 },
    );
    const cliPath = join(s.root, "dist dir/it's cli.js");
    mkdirSync(join(s.root, 'dist dir'));
    writeFileSync(cliPath, '');
    await writeLauncher(home, { runtime: fakeRuntime, cliPath, electron: true });
    const electron = spawnSync(path, ['hook', 'pre-compact'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    assert.equal(
      electron.stdout,
      `ELECTRON_RUN_AS_NODE=1\nNODE_COMPILE_CACHE=${join(home, 'cache', 'node-compile')}\narg=${cliPath}\narg=hook\narg=pre-compact\n`,
    );
    // A compile cache the user chose wins.
    const own = spawnSync(path, [], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', NODE_COMPILE_CACHE: '/elsewhere' } });
    assert.match(own.stdout, /^NODE_COMPILE_CACHE=\/elsewhere$/m);
    assert.doesNotMatch(launcherScript({ runtime: node, cliPath, electron: false }), /ELECTRON_RUN_AS_NODE/);

    // VS Code moved (an update): exit 0 with one line, the session goes on.
    rmSync(fakeRuntime);
    const gone = spawnSync(path, ['hook', 'pre-tool-use'], { encoding: 'utf8', input: '{}' });
    assert.equal(gone.status, 0);
    assert.match(gone.stderr, /^handover-hook: .* is gone .*open VS Code once to refresh this launcher\n$/);
  } finally {
    s.cleanup();
  }
});
