// handover.agent.kind "claude-panel": the URI that opens Claude Code's VS Code panel with the seed filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';

const { claudePanelUri, claudePanelUriParts } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));

test('claudePanelUri: vscode://anthropic.claude-code/open?prompt=<seed>, the seed surviving any character', () => {
  const seeds = [
    'Continue the previous session from its handover: read @.handover/3f2a/resume-prompt.md first, then carry on.',
    'a & b = c; #anchor ?query %41 +plus',
    'ünïcödé 日本語 😀 "quotes" \'single\' <tag>\nsecond line',
  ];
  for (const seed of seeds) {
    const uri = claudePanelUri(seed);
    assert.ok(uri.startsWith('vscode://anthropic.claude-code/open?prompt='), uri);
    const parsed = new URL(uri);
    assert.equal(parsed.protocol, 'vscode:');
    assert.equal(parsed.host, 'anthropic.claude-code');
    assert.equal(parsed.pathname, '/open');
    assert.equal(parsed.searchParams.get('prompt'), seed);
    assert.deepEqual([...parsed.searchParams.keys()], ['prompt'], 'nothing in the seed splits the query');
    assert.equal(parsed.hash, '', 'a # in the seed stays in the prompt');
    assert.doesNotMatch(uri, /[\s"<>]/);
  }
  assert.ok(claudePanelUri('x', 'vscode-insiders').startsWith('vscode-insiders://anthropic.claude-code/open?'));
  assert.deepEqual(claudePanelUriParts('a b'), { scheme: 'vscode', authority: 'anthropic.claude-code', path: '/open', query: 'prompt=a%20b' });
});
