// The contract between the CLI and the extension: the JSON that `handover build --json` and
// `handover index --json` print (the real CLI, on a real log) passes the extension's one validator for
// it, and anything else is refused; the command ids in shared/commandIds.ts are package.json's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, repoRoot } from '../support/paths.mjs';
import { writeClaudeLog } from '../e2e/support/fixtureLogs.mjs';

const core = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'extensionCore.js'));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

function runCli(args, env) {
  return execFileSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test("build --json and index --json from the real CLI pass the extension's validators; other output does not", () => {
  const dir = mkdtempSync(join(tmpdir(), 'handover-contract-'));
  try {
    const home = join(dir, 'home');
    const workspace = join(dir, 'ws');
    mkdirSync(workspace);
    const sessionId = 'c0a7ac70-0000-4000-8000-000000000001';
    const log = writeClaudeLog(join(dir, `${sessionId}.jsonl`), { sessionId, cwd: workspace, request: 'Fix the totals' });
    const env = { HANDOVER_HOME: home, CLAUDE_CONFIG_DIR: join(dir, 'claude'), CODEX_HOME: join(dir, 'codex') };

    const buildOut = runCli(['build', log, '--workspace', workspace, '--json'], env);
    const built = core.parseBuildJson(buildOut);
    assert.ok(built, buildOut);
    assert.equal(built.sessionId, sessionId);
    assert.equal(built.promptPath, join(workspace, '.handover', sessionId, 'resume-prompt.md'));
    assert.equal(built.agent, 'claude');
    assert.ok(built.archived.startsWith(join(home, 'archive')), built.archived);
    // Progress or warnings before the JSON line do not matter: the last line is the result.
    assert.deepEqual(core.parseBuildJson(`note\n${buildOut}\n`), built);

    const indexOut = runCli(['index', '--json'], env);
    const report = core.parseIndexJson(indexOut);
    assert.ok(report, indexOut);
    assert.ok(report.filesSeen >= 1 && report.added >= 1, indexOut);
    assert.equal(report.index, join(home, 'index.sqlite'));
    assert.match(
      core.describeIndexReport(indexOut),
      /^\d+ logs: [1-9]\d* new, 0 grown, 0 rewritten, 0 unchanged; read \d+\.\d MB, added \d+ records in \d+\.\d s$/,
    );
    // The CLI's own text output says it in the same words.
    const [sentence, where] = runCli(['index'], env).split('\n');
    assert.match(sentence, /^\d+ logs: 0 new, 0 grown, 0 rewritten, [1-9]\d* unchanged; read \d+\.\d MB, added 0 records in \d+\.\d s$/);
    assert.equal(where, `index: ${report.index} (${(readFileSync(report.index).length / 1048576).toFixed(1)} MB)`);

    for (const bad of [
      '',
      'not json',
      '{}',
      JSON.stringify({ ...built, promptPath: '' }),
      JSON.stringify({ ...built, agent: 'vim' }),
      JSON.stringify({ ...built, stats: {} }),
      JSON.stringify({ ...built, path: built.promptPath, promptPath: undefined }),
    ]) {
      assert.equal(core.parseBuildJson(bad), undefined, bad);
    }
    for (const bad of [
      '',
      '[]',
      JSON.stringify({ ...report, problems: 'x' }),
      JSON.stringify({ ...report, added: -1 }),
      JSON.stringify({ ...report, index: undefined }),
    ]) {
      assert.equal(core.parseIndexJson(bad), undefined, bad);
    }
    assert.match(core.describeIndexReport('not json\n'), /without a report \(not json\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the command ids in shared/commandIds.ts are exactly package.json's commands, menus and views (and the watch glob its default)", () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(Object.values(core.COMMAND_IDS).sort(), contributed);
  const ids = new Set(Object.values(core.COMMAND_IDS));
  for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
    for (const entry of entries) {
      assert.ok(ids.has(entry.command), `${menu}: ${entry.command} is not in COMMAND_IDS`);
      for (const view of entry.when?.matchAll(/\bview == ([\w.]+)/g) ?? []) assert.equal(view[1], core.SIDEBAR_VIEW_ID, `${menu}: ${entry.when}`);
    }
  }
  const views = Object.values(pkg.contributes.views)
    .flat()
    .map((v) => v.id);
  assert.deepEqual(views, [core.SIDEBAR_VIEW_ID]);
  assert.equal(core.FOCUS_SIDEBAR_COMMAND, `${core.SIDEBAR_VIEW_ID}.focus`);
  for (const command of core.SIDEBAR_COMMANDS) assert.ok(ids.has(command), `the sidebar may run ${command}, which is not contributed`);
  assert.equal(
    pkg.contributes.configuration.properties['handover.watchGlob'].default,
    core.DEFAULT_WATCH_GLOB,
    "the watch glob's default is written twice: keep them equal",
  );
});
