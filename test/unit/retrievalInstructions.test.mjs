// The resume prompt's retrieval block: the MCP mode names exactly the tools the server registers, the CLI
// mode the commands the CLI has, and each is fixed text (the preamble must stay byte-identical).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';

test('retrievalInstructions: mcp names the registered tools, cli the real commands; both fixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'handover-retrieval-'));
  try {
    const out = join(dir, 'r.cjs');
    await build({ entryPoints: [join(repoRoot, 'src', 'handover', 'retrievalInstructions.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
    const { retrievalInstructions } = createRequire(import.meta.url)(out);
    const mcp = retrievalInstructions('mcp');
    const cliText = retrievalInstructions('cli');
    assert.equal(retrievalInstructions('mcp'), mcp);
    assert.notEqual(mcp, cliText);
    for (const tool of ['search', 'show', 'file_history']) assert.match(mcp, new RegExp(`\\b${tool}\\(`));
    assert.match(mcp, /mcp__plugin_handover_handover__/);
    assert.doesNotMatch(mcp, /handover search "/);
    // The tool names the server really registers (from `handover mcp`'s own help text).
    const help = spawnSync(process.execPath, [cli, 'mcp', '--help'], { encoding: 'utf8' });
    for (const tool of ['search', 'show', 'file_history']) assert.match(help.stdout, new RegExp(tool));
    for (const command of ['search', 'show']) {
      const result = spawnSync(process.execPath, [cli, command, '--help'], { encoding: 'utf8' });
      assert.equal(result.status, 0);
      assert.match(cliText, new RegExp(`handover ${command} `));
    }
    assert.ok(mcp.endsWith('\n') && cliText.endsWith('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
