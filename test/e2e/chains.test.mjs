// End to end with the real `claude` CLI (2.1.328) and our hooks, against the scripted model server:
// a compaction whose PreCompact hook never ran still yields a verified handover (SessionStart compact /
// PostCompact build it); a manual /compact; a session resumed from a handover is linked to it.
//   npm run test:e2e:chains
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChain } from '../support/claudeChain.mjs';
import { boundaries, lastBeforeBoundary, waitFor } from '../support/compactionLog.mjs';

const work = (project, name) => [
  [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, name), content: `${name} CHAIN-E2E-MARKER\n` } }],
  [{ type: 'tool_use', name: 'Bash', input: { command: `cat ${name}`, description: 'show it' } }],
  [{ type: 'text', text: `${name} written.` }],
];

test('every compaction yields a handover, and a resumed session links to it', { timeout: 240_000 }, async (t) => {
  const chain = await startChain({ files: { 'README.md': '# e2e\n' }, summary: 'E2E-COMPACT-SUMMARY: notes were written.' });
  t.after(() => chain.close());
  const { project, handoverHome } = chain;
  chain.env.HANDOVER_HOME = handoverHome;
  const installed = chain.cli(['install-hooks', '--workspace', project, '--command', `'${process.execPath}' '${join(process.cwd(), 'dist', 'cli.js')}'`]);
  assert.equal(installed.status, 0, installed.stderr);
  const settingsPath = join(project, '.claude', 'settings.local.json');

  let first;
  await t.test('PreCompact removed: /compact still ends with a verified handover covering the log before the boundary', async () => {
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
    delete settings.hooks.PreCompact;
    writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
    first = await chain.runSession({ prompts: ['write a.txt', '/compact'], turns: ({ project: p }) => work(p, 'a.txt') });
    const [boundary] = boundaries(first.logPath);
    assert.ok(boundary, 'the compaction happened');
    const dir = join(project, '.handover', first.sessionId);
    await waitFor(() => existsSync(join(dir, 'resume-prompt.md')) && !existsSync(join(handoverHome, 'locks', first.sessionId)), 60_000, 'the handover');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    assert.ok(['session-start-compact', 'post-compact'].includes(data.trigger), `built by the after-the-fact trigger, not PreCompact: ${data.trigger}`);
    assert.ok(data.log.lines >= lastBeforeBoundary(first.logPath), `${data.log.lines} ≥ ${lastBeforeBoundary(first.logPath)}`);
    assert.ok(data.modifiedFiles.some((f) => f.path === 'a.txt'));
    assert.ok(data.summary.compactionSummaries.some((s) => s.includes('E2E-COMPACT-SUMMARY')));
  });

  await t.test('a session resumed from that handover is linked to it and carries its open work', async () => {
    const second = await chain.runSession({ seed: true, prompts: [], turns: ({ project: p }) => work(p, 'b.txt') });
    const built = chain.build(second.logPath);
    assert.equal(built.data.previous.sessionId, first.sessionId);
    assert.equal(built.data.previous.via, 'attachment');
    assert.ok(built.prompt.includes('## Carried forward from earlier sessions'));
    const listed = JSON.parse(chain.cli(['chain', '--workspace', project, '--json']).stdout).handovers.map((h) => h.sessionId);
    assert.deepEqual(listed, [first.sessionId, second.sessionId]);
  });

  await t.test('manual /compact with every hook installed: PreCompact builds it', async () => {
    const reinstalled = chain.cli(['install-hooks', '--workspace', project, '--command', `'${process.execPath}' '${join(process.cwd(), 'dist', 'cli.js')}'`]);
    assert.equal(reinstalled.status, 0, reinstalled.stderr);
    const third = await chain.runSession({ prompts: ['write c.txt', '/compact'], turns: ({ project: p }) => work(p, 'c.txt') });
    const dir = join(project, '.handover', third.sessionId);
    await waitFor(() => existsSync(join(dir, 'resume-prompt.md')) && !existsSync(join(handoverHome, 'locks', third.sessionId)), 60_000, 'the handover');
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    assert.ok(data.modifiedFiles.some((f) => f.path === 'c.txt'));
    assert.ok(data.log.lines >= lastBeforeBoundary(third.logPath));
    assert.equal(data.trigger, 'pre-compact');
    // PostCompact added Claude Code's summary to it without a second build; it still verifies.
    await waitFor(
      () => JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8')).summary.compactionSummaries.some((s) => s.includes('E2E-COMPACT-SUMMARY')),
      30_000,
      'the summary',
    );
    assert.equal(chain.cli(['verify', dir]).status, 0);
    const builds = readFileSync(join(handoverHome, 'logs', `build-${third.sessionId}.log`), 'utf8').match(/ built /g) ?? [];
    assert.equal(builds.length, 1, 'one build for one compaction');
  });

  await t.test('proactive mode: past the threshold (75% of the window) the handover is built before any compaction, and the user is told', async () => {
    chain.env.HANDOVER_PROACTIVE = '1';
    chain.server.inputTokens = () => 176_000;
    try {
      const fourth = await chain.runSession({ prompts: ['write d.txt'], turns: ({ project: p }) => work(p, 'd.txt') });
      const dir = join(project, '.handover', fourth.sessionId);
      await waitFor(
        () => existsSync(join(dir, 'resume-prompt.md')) && !existsSync(join(handoverHome, 'locks', fourth.sessionId)),
        60_000,
        'the proactive handover',
      );
      assert.deepEqual(boundaries(fourth.logPath), [], 'nothing was compacted');
      const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
      assert.equal(data.trigger, 'proactive');
      assert.ok(data.modifiedFiles.some((f) => f.path === 'd.txt'));
      assert.equal(chain.cli(['verify', dir]).status, 0);
      // Claude Code ran our Stop hook and showed its message.
      const logged = readFileSync(fourth.logPath, 'utf8');
      assert.match(logged, /the context is 88% full/);
    } finally {
      delete chain.env.HANDOVER_PROACTIVE;
      chain.server.inputTokens = undefined;
    }
  });
});
