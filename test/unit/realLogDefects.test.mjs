// Regression tests for the defects found by running Handover on real public session logs (issue 11):
// each case is built in the shape those logs have and failed before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';
import { ClaudeLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { shellWrites, collectModifiedFiles } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
const { readTranscript, extractLog, LogInputError } = require(join(repoRoot, 'dist', 'test', 'transcript.js'));

const scratch = () => scratchDir('handover-defects-');
const run = (args, env = {}) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, HANDOVER_HOME: scratch(), ...env } });

test('build survives Edits whose old_string or new_string is over 4,096 characters (up to 5 MB)', () => {
  const ws = scratch();
  const log = new ClaudeLog(ws);
  log.user('rewrite the generated table');
  for (const size of [4097, 4096 * 3 + 17, 100_000, 5 * 1024 * 1024]) {
    const big = 'row;'.repeat(Math.ceil(size / 4)).slice(0, size);
    log.tool('Edit', { file_path: join(ws, 'table.csv'), old_string: big, new_string: big + 'x' }, 'The file has been updated.');
    log.tool('Edit', { file_path: join(ws, 'table.csv'), old_string: big + 'x', new_string: big }, 'The file has been updated.');
  }
  const path = log.write();
  const result = run(['build', path, '--workspace', ws, '--json']);
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /Maximum call stack|cannot read/);
  const data = JSON.parse(readFileSync(join(JSON.parse(result.stdout).dir, 'handover.json'), 'utf8'));
  assert.deepEqual(
    data.modifiedFiles.map((f) => f.path),
    ['table.csv'],
  );
});

test('an exception thrown while consuming events is the consumer’s, never reported as a read error', async () => {
  const log = new ClaudeLog('/w');
  log.user('hello');
  const path = log.write();
  const boom = new RangeError('Maximum call stack size exceeded');
  await assert.rejects(
    readTranscript(path, () => {
      throw boom;
    }),
    (error) => error === boom && !(error instanceof LogInputError),
  );
});

test('a message sent from an IDE keeps the typed text (block 2) beside the shortened IDE note (block 1)', async () => {
  const ws = scratch();
  const log = new ClaudeLog(ws);
  const typed = ['why does the login form reject valid e-mails?', 'now add a test for plus-addressing', '这个函数为什么这么慢？'];
  for (const text of typed) {
    log.push({
      type: 'user',
      message: {
        role: 'user',
        content: [
          {
            type: 'text',
            text: `<ide_opened_file>The user opened the file ${ws}/src/login.ts in the IDE. This may or may not be related to the current task.</ide_opened_file>`,
          },
          { type: 'text', text },
        ],
      },
    });
    log.text('Looking.');
  }
  log.push({
    type: 'user',
    message: {
      role: 'user',
      content: [
        {
          type: 'text',
          text: `<ide_selection>The user selected the lines 3 to 9 from ${ws}/src/a.ts:\nconst secret = compute();\n\nThis may or may not be related to the current task.</ide_selection>`,
        },
        { type: 'text', text: 'explain this selection' },
      ],
    },
  });
  const { markdown, counts } = await extractLog(log.write());
  for (const text of [...typed, 'explain this selection']) assert.ok(markdown.includes(text), `kept: ${text}`);
  assert.equal(counts.user, 4);
  assert.equal(counts.ideContext, 4);
  assert.match(markdown, /\[IDE: opened \S*src\/login\.ts\]/);
  assert.match(markdown, /\[IDE: selected lines 3 to 9 of \S*src\/a\.ts\]/);
  assert.ok(!markdown.includes('const secret = compute()'), 'the selected code itself is not copied');
});

test('a 2.0.x replay of earlier messages under new uuids is counted once', async () => {
  const log = new ClaudeLog('/w');
  log.user('first request');
  log.text('ok');
  log.user('second request');
  const [first, , second] = log.records;
  // The replay: same text, same timestamp, fresh uuids.
  log.records.push({ ...first, uuid: 'replay-1' }, { ...second, uuid: 'replay-2' });
  log.user('third request');
  const { counts, markdown } = await extractLog(log.write());
  assert.equal(counts.user, 3);
  assert.equal(markdown.split('second request').length - 1, 1);
});

test('cd, pushd/popd and (cd …) subshells move the working directory only where the shell does', () => {
  const rel = (command) => shellWrites(command, '/ws').effects.map((e) => `${e.kind} ${e.path}`);
  assert.deepEqual(rel('cd themes/x/backgrounds && rm -f * && curl -sL https://example.test/a.png -o a.png'), [
    'delete /ws/themes/x/backgrounds/*',
    'write /ws/themes/x/backgrounds/a.png',
  ]);
  assert.deepEqual(rel('(cd sub && touch b.txt) && touch c.txt'), ['create /ws/sub/b.txt', 'create /ws/c.txt']);
  assert.deepEqual(rel('(cd a && touch 1) ; (cd b && touch 2); touch 3'), ['create /ws/a/1', 'create /ws/b/2', 'create /ws/3']);
  assert.deepEqual(rel('pushd lib && touch d.txt && popd && touch e.txt'), ['create /ws/lib/d.txt', 'create /ws/e.txt']);
  assert.deepEqual(rel('f() { touch x; }; cd out && touch y'), ['create /ws/x', 'create /ws/out/y']);
  assert.equal(shellWrites('(cd sub && make)', '/ws').cwd, '/ws');
});

test('a glob the log cannot expand is reported as a pattern in its folder, never a file named * or the workspace', async () => {
  const ws = scratch();
  const log = new ClaudeLog(ws);
  log.user('replace the backgrounds');
  log.tool('Write', { file_path: join(ws, 'themes/x/backgrounds/old.png'), content: 'x' }, 'File created successfully at: old.png');
  log.bash('cd themes/x/backgrounds && rm -f * && curl -sL https://example.test/a.png -o a.png', '');
  const { files } = await collectModifiedFiles(log.write(), ws);
  const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
  assert.equal(byPath['themes/x/backgrounds/*']?.status, 'deleted');
  assert.equal(byPath['themes/x/backgrounds/*']?.glob, true);
  // (old.png was created by this session and deleted again: no file of the user's changed, so it is not listed.)
  assert.equal(byPath['themes/x/backgrounds/old.png'], undefined);
  assert.ok(byPath['themes/x/backgrounds/a.png']);
  assert.ok(!files.some((f) => f.path === '*' || f.path === '.' || f.path === ws));
});

test('a Windows session log is read in its own path style, never against this process’s cwd', async () => {
  const cwd = 'C:\\Users\\me\\proj';
  const log = new ClaudeLog(cwd);
  log.user('fix the parser');
  log.tool('Edit', { file_path: 'C:\\Users\\me\\proj\\src\\parser.ts', old_string: 'a', new_string: 'b' }, 'The file has been updated.');
  log.tool('Write', { file_path: 'c:\\Users\\me\\proj\\notes.md', content: 'n' }, 'File created successfully at: notes.md');
  log.bash('cd docs && echo hi > readme.txt', '');
  log.tool('Write', { file_path: 'D:\\elsewhere\\x.txt', content: 'x' }, 'File created successfully at: x.txt');
  const buildWs = scratch();
  const { files } = await collectModifiedFiles(log.write(), buildWs);
  const paths = files.map((f) => f.path).sort();
  assert.deepEqual(paths, ['D:/elsewhere/x.txt', 'docs/readme.txt', 'notes.md', 'src/parser.ts']);
  for (const p of paths) assert.ok(!p.includes(process.cwd()) && !p.includes(buildWs) && !p.includes('\\'), p);
});

test('ai-title records are known (not reported as unknown) and extract --stats --json carries the problems', () => {
  const log = new ClaudeLog('/w');
  log.user('hello there');
  log.records.push({ type: 'ai-title', aiTitle: 'Greeting the model', sessionId: log.sessionId });
  log.records.push({ type: 'brand-new-type', sessionId: log.sessionId });
  const path = log.write();
  writeFileSync(path, readFileSync(path, 'utf8') + '{not json\n{"type":"user"');
  const result = run(['extract', path, '--stats', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out.problems.unknownTypes), ['brand-new-type']);
  assert.equal(out.problems.invalidJson.count, 1);
  assert.equal(out.problems.truncatedLastLine, true);
  assert.match(out.problemsText, /unknown type/);
  assert.match(result.stderr, /brand-new-type/);
  assert.doesNotMatch(result.stderr, /ai-title/);
});

test('the oldest Codex rollouts (no envelope: {id, timestamp, instructions}, record_type, bare items) are read', async () => {
  const dir = scratch();
  const path = join(dir, 'rollout-2025-08-29T16-13-15-2dc8e281-2be0-48f3-ae24-33c9720e26b2.jsonl');
  const lines = [
    { id: '2dc8e281-2be0-48f3-ae24-33c9720e26b2', timestamp: '2025-08-29T16:13:15.538Z', instructions: null },
    { record_type: 'state' },
    {
      type: 'message',
      id: null,
      role: 'user',
      content: [{ type: 'input_text', text: '<environment_context>\n  <cwd>d:\\Work\\Site</cwd>\n</environment_context>' }],
    },
    { type: 'message', id: null, role: 'user', content: [{ type: 'input_text', text: 'make the header sticky on mobile' }] },
    { type: 'function_call', name: 'shell', arguments: '{"command":["powershell","-c","echo hi > a.txt"]}', call_id: 'c1' },
    { type: 'function_call_output', call_id: 'c1', output: '{"output":"","metadata":{"exit_code":0}}' },
  ];
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const events = [];
  const read = await readTranscript(path, (e) => events.push(e));
  assert.equal(read.agent, 'codex');
  assert.equal(read.problems.malformed.count, 0);
  assert.deepEqual(
    events.filter((e) => e.kind === 'user').map((e) => e.text),
    ['make the header sticky on mobile'],
  );
  assert.ok(events.some((e) => e.kind === 'tool-call' && e.callId === 'c1'));
  const result = run(['build', path, '--workspace', dir, '--json']);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).sessionId, '2dc8e281-2be0-48f3-ae24-33c9720e26b2');
});

test('a Codex message sent from an IDE keeps the typed request and shortens the open tabs to one note', async () => {
  const dir = scratch();
  const path = join(dir, 'rollout-2026-01-01T00-00-00-11111111-2222-3333-4444-555555555555.jsonl');
  const text =
    '# Context from my IDE setup:\n\n## Active file: src/app.ts\n\n## Open tabs:\n- app.ts: src/app.ts\n- b.ts: src/b.ts\n\n## My request for Codex:\nrename the config loader and keep the old export';
  const lines = [
    { timestamp: '2026-01-01T00:00:00Z', type: 'session_meta', payload: { id: '11111111-2222-3333-4444-555555555555', cwd: '/w', cli_version: '0.65.0' } },
    { timestamp: '2026-01-01T00:00:01Z', type: 'response_item', payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } },
  ];
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const { markdown } = await extractLog(path);
  assert.match(markdown, /\[IDE: active file src\/app\.ts\]\nrename the config loader and keep the old export/);
  assert.ok(!markdown.includes('Open tabs'));
});

test('a session log with no conversation (opened and closed) extracts and builds with exit 0 and says so', () => {
  const dir = scratch();
  const path = join(dir, 'rollout-2026-01-12T15-37-19-019bb37f-8db5-70b3-bb02-5df54ac070aa.jsonl');
  const lines = [
    { timestamp: '2026-01-12T18:37:19.672Z', type: 'session_meta', payload: { id: '019bb37f-8db5-70b3-bb02-5df54ac070aa', cwd: '/w', cli_version: '0.80.0' } },
    {
      timestamp: '2026-01-12T18:37:19.673Z',
      type: 'response_item',
      payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: '<environment_context>\n  <cwd>/w</cwd>\n</environment_context>' }] },
    },
  ];
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const extract = run(['extract', path]);
  assert.equal(extract.status, 0, extract.stderr);
  assert.match(extract.stdout, /no messages from the user/);
  assert.match(extract.stderr, /no user messages, thinking or system events in this session/);
  assert.equal(run(['build', path, '--workspace', dir]).status, 0);
});

test('the preamble names the MCP tools when the resuming agent has the plugin, the CLI otherwise; each text is fixed', () => {
  const ws = scratch();
  const log = new ClaudeLog(ws);
  log.user('look at the flaky test');
  const path = log.write();
  const home = scratch();
  const promptOf = () => {
    const result = run(['build', path, '--workspace', ws], { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') });
    assert.equal(result.status, 0, result.stderr);
    return readFileSync(result.stdout.trim(), 'utf8');
  };
  const preambleOf = (prompt) => prompt.slice(0, prompt.indexOf('\n---\n'));
  const cli = promptOf();
  assert.match(preambleOf(cli), /handover search "<words>"/);
  assert.doesNotMatch(preambleOf(cli), /mcp__plugin_handover_handover/);
  mkdirSync(join(home, '.claude'), { recursive: true });
  writeFileSync(join(home, '.claude', 'settings.json'), JSON.stringify({ enabledPlugins: { 'handover@handover-dev': true } }));
  const mcp = promptOf();
  assert.match(preambleOf(mcp), /mcp__plugin_handover_handover__<tool>/);
  assert.equal(preambleOf(promptOf()), preambleOf(mcp), 'byte-identical from one handover to the next');
});
