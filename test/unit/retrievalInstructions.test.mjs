// The resume prompt's retrieval block: the MCP mode names exactly the tools the server registers, the CLI
// mode the commands the CLI has, and each is fixed text (the preamble must stay byte-identical). Which
// mode applies is read from the agent's own settings: the Claude Code plugin enabled, or our Codex server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';

const { retrievalInstructions, retrievalModeFor } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));

test('retrievalInstructions: mcp names the registered tools, cli the real commands; both fixed', () => {
  const mcp = retrievalInstructions('mcp');
  const cliText = retrievalInstructions('cli');
  assert.equal(retrievalInstructions('mcp'), mcp);
  assert.notEqual(mcp, cliText);
  for (const tool of ['search', 'show', 'file_history', 'chain']) assert.match(mcp, new RegExp(`\\b${tool}\\(`));
  assert.match(mcp, /mcp__plugin_handover_handover__/);
  assert.match(mcp, /mcp__handover/);
  assert.doesNotMatch(mcp, /handover search "/);
  // The tool names the server really registers (from `handover mcp`'s own help text).
  const help = spawnSync(process.execPath, [cli, 'mcp', '--help'], { encoding: 'utf8' });
  for (const tool of ['search', 'show', 'file_history', 'chain']) assert.match(help.stdout, new RegExp(tool));
  for (const command of ['search', 'show', 'chain']) {
    const result = spawnSync(process.execPath, [cli, command, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(cliText, new RegExp(`handover ${command} `));
  }
  assert.ok(mcp.endsWith('\n') && cliText.endsWith('\n'));
});

test('retrievalModeFor: mcp with the Claude Code plugin enabled or our Codex server installed, cli otherwise', () => {
  const root = mkdtempSync(join(tmpdir(), 'handover-retrieval-mode-'));
  try {
    const workspace = join(root, 'ws');
    const codexHome = join(root, 'codex');
    mkdirSync(join(root, '.claude'), { recursive: true });
    mkdirSync(workspace);
    const env = { HOME: root, CODEX_HOME: codexHome, HANDOVER_HOME: join(root, 'handover'), PATH: process.env.PATH };
    assert.equal(retrievalModeFor('claude', workspace, env), 'cli');
    assert.equal(retrievalModeFor('codex', workspace, env), 'cli');
    writeFileSync(join(root, '.claude', 'settings.json'), JSON.stringify({ enabledPlugins: { 'handover@handover-dev': false } }));
    assert.equal(retrievalModeFor('claude', workspace, env), 'cli', 'installed but disabled');
    writeFileSync(join(root, '.claude', 'settings.json'), JSON.stringify({ enabledPlugins: { 'handover@handover-dev': true } }));
    assert.equal(retrievalModeFor('claude', workspace, env), 'mcp');
    const installed = spawnSync(process.execPath, [cli, 'install-hooks', '--agent', 'codex'], { env, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    assert.equal(retrievalModeFor('codex', workspace, env), 'mcp');
    spawnSync(process.execPath, [cli, 'uninstall-hooks', '--agent', 'codex'], { env, encoding: 'utf8' });
    assert.equal(retrievalModeFor('codex', workspace, env), 'cli');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
