// `handover mcp` against the MCP SDK's own client over a real stdio child process (dist/cli.js mcp):
// every tool on real logs, paging under the 4 KB cap, redaction, and bad arguments that come back as
// tool errors while the server keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cli, fixturesDir, samplesDir } from '../support/paths.mjs';

const records = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const SECRET = 'sk-ant-api03-' + 'Zq7'.repeat(12) + 'AA';
const box = {};
let client;
let serverStderr = '';

/** Session id → log file, read from the records themselves (not through the product's reader). */
function sessionFiles(dir) {
  const map = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const r of records(join(dir, name))) {
      const id = r.sessionId ?? (r.type === 'session_meta' ? r.payload?.id : undefined);
      if (id && !map.has(id)) map.set(id, join(dir, name));
    }
  }
  return map;
}

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  const text = result.content.map((c) => c.text).join('');
  return { text, isError: Boolean(result.isError), bytes: Buffer.byteLength(text) };
}

const refsIn = (text) => [...text.matchAll(/^\s*([0-9a-f-]{8,}):(\d+)\s/gm)].map((m) => ({ session: m[1], line: Number(m[2]) }));

before(async () => {
  box.root = realpathSync(mkdtempSync(join(tmpdir(), 'handover-mcp-')));
  box.home = join(box.root, 'home');
  box.handoverHome = join(box.root, 'handover');
  box.workspace = join(box.root, 'workspace');
  box.projects = join(box.home, '.claude', 'projects', '-work-demo');
  mkdirSync(box.projects, { recursive: true });
  mkdirSync(box.workspace, { recursive: true });
  for (const f of readdirSync(join(samplesDir, 'claude-code')).filter((n) => n.endsWith('.jsonl')))
    copyFileSync(join(samplesDir, 'claude-code', f), join(box.projects, f));
  box.codexDir = join(box.home, '.codex', 'sessions', '2026', '11', '21');
  mkdirSync(box.codexDir, { recursive: true });
  copyFileSync(
    join(samplesDir, 'codex', 'rollout-0.169.0-shell-patch-compact-resume.jsonl'),
    join(box.codexDir, 'rollout-2026-11-21T08-00-41-01a1fd1f-2c58-7630-a6a8-61320e44b0ac.jsonl'),
  );
  copyFileSync(join(fixturesDir, 'claude', 'generated', 'tools-thinking-compact.jsonl'), join(box.projects, 'tools-thinking-compact.jsonl'));
  // A session that pasted a key: what the agent gets back must never hold it.
  const leak = {
    type: 'user',
    sessionId: '5ec2e7a0-0000-4000-8000-00000000beef',
    cwd: '/work/demo',
    uuid: 'u1',
    timestamp: '2026-01-02T03:04:05Z',
    message: { role: 'user', content: `deploy with ANTHROPIC_KEY ${SECRET} to the zanzibar cluster` },
  };
  writeFileSync(join(box.projects, 'leak.jsonl'), JSON.stringify(leak) + '\n');
  box.env = { ...process.env, HOME: box.home, HANDOVER_HOME: box.handoverHome, HANDOVER_SEARCH_SOURCES: '', NO_COLOR: '1' };
  delete box.env.CLAUDE_CONFIG_DIR;
  delete box.env.CODEX_HOME;
  delete box.env.CLAUDE_PROJECT_DIR;
  const built = spawnSync(process.execPath, [cli, 'build', join(box.projects, 'tools-thinking-compact.jsonl'), '--workspace', box.workspace, '--json'], {
    env: box.env,
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  box.promptPath = JSON.parse(built.stdout).promptPath ?? built.stdout.match(/"[^"]*resume-prompt\.md"/)?.[0]?.slice(1, -1);
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--workspace', box.workspace], env: box.env, stderr: 'pipe' });
  transport.stderr.on('data', (d) => (serverStderr += d));
  client = new Client({ name: 'handover-test', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  rmSync(box.root, { recursive: true, force: true });
});

test('lists exactly the five tools, each with a description and an input schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), ['chain', 'file_history', 'latest_handover', 'search', 'show']);
  for (const tool of tools) {
    assert.ok(tool.description.length > 40, tool.name);
    assert.equal(tool.inputSchema.type, 'object');
  }
  assert.ok(tools.find((t) => t.name === 'search').inputSchema.properties.query);
});

test('search: hits are <session>:<line> refs pointing at records that hold the word; show opens them', async () => {
  // A word typed by a user in one of the real logs, picked by code.
  const files = sessionFiles(box.projects);
  const typed = records(join(box.projects, 'spotter-short.jsonl')).find(
    (r) => r.type === 'user' && typeof r.message?.content === 'string' && /[A-Za-z]{6,}/.test(r.message.content),
  );
  const word = /[A-Za-z]{6,}/.exec(typed.message.content)[0];
  const found = await call('search', { query: word, kind: 'user' });
  assert.equal(found.isError, false, found.text);
  assert.ok(found.bytes <= 4096);
  const refs = refsIn(found.text);
  assert.ok(refs.length >= 1, found.text);
  for (const ref of refs) {
    const file = files.get(ref.session);
    assert.ok(file, `ref session ${ref.session} is one of the logs`);
    assert.match(readFileSync(file, 'utf8').split('\n')[ref.line - 1].toLowerCase(), new RegExp(word.toLowerCase()));
  }
  const shown = await call('show', { ref: `${refs[0].session}:${refs[0].line}`, context: 1 });
  assert.equal(shown.isError, false, shown.text);
  assert.match(shown.text, new RegExp(`▶ line ${refs[0].line} · user`));
  assert.match(shown.text.toLowerCase(), new RegExp(word.toLowerCase()));
  // A unique prefix of the session id is enough.
  const prefixed = await call('show', { ref: `${refs[0].session.slice(0, 8)}:${refs[0].line}` });
  assert.match(prefixed.text, new RegExp(`▶ line ${refs[0].line}`));
});

test('search filters: agent and since narrow the hits', async () => {
  const codexSessions = new Set(sessionFiles(box.codexDir).keys());
  const claudeSessions = new Set(sessionFiles(box.projects).keys());
  const all = refsIn((await call('search', { query: 'the', limit: 40 })).text);
  assert.ok(all.some((r) => claudeSessions.has(r.session)));
  const codex = refsIn((await call('search', { query: 'the', agent: 'codex' })).text);
  assert.ok(codex.length >= 1);
  assert.ok(
    codex.every((r) => codexSessions.has(r.session)),
    JSON.stringify(codex),
  );
  const claude = refsIn((await call('search', { query: 'the', agent: 'claude', limit: 20 })).text);
  assert.ok(claude.length >= 1 && claude.every((r) => claudeSessions.has(r.session)));
  const future = await call('search', { query: 'the', since: '2999-01-01' });
  assert.match(future.text, /No matches/);
});

test('paging: a big result comes in pages of at most 4 KB that, followed by cursor, hold every hit once', async () => {
  const first = await call('search', { query: 'the', limit: 60 });
  assert.ok(first.bytes <= 4096, `${first.bytes} bytes`);
  let page = first;
  const seen = [];
  let pages = 0;
  for (;;) {
    pages++;
    assert.ok(page.bytes <= 4096, `page ${pages}: ${page.bytes} bytes`);
    seen.push(...refsIn(page.text).map((r) => `${r.session}:${r.line}`));
    const cursor = /\{"cursor":"([^"]+)"\}\]$/.exec(page.text)?.[1];
    if (!cursor) break;
    page = await call('search', { cursor });
    assert.equal(page.isError, false, page.text);
    assert.match(page.text, /^\[continued from byte \d+ of \d+\]/);
  }
  assert.ok(pages >= 2, 'sixty hits do not fit in 4 KB');
  const whole = JSON.parse(
    spawnSync(process.execPath, [cli, 'search', 'the', '--limit', '60', '--json', '--no-update'], { env: box.env, encoding: 'utf8' }).stdout,
  );
  // A hit cut between two pages shows its ref on the page where it starts: every hit exactly once.
  assert.deepEqual(
    seen,
    whole.hits.map((h) => h.ref),
  );
});

test('redaction: a key pasted in a session never comes back, in search or show', async () => {
  const found = await call('search', { query: 'zanzibar' });
  assert.ok(!found.text.includes(SECRET) && !found.text.includes('Zq7Zq7Zq7'), found.text);
  assert.match(found.text, /\[REDACTED:anthropic-key\]/);
  const shown = await call('show', { ref: '5ec2e7a0-0000-4000-8000-00000000beef:1' });
  assert.ok(!shown.text.includes('Zq7Zq7Zq7'), shown.text);
  assert.match(shown.text, /zanzibar/);
});

test('latest_handover: the verified handover of the workspace, whole or one section', async () => {
  const prompt = readFileSync(
    join(
      box.workspace,
      '.handover',
      readdirSync(join(box.workspace, '.handover')).find((n) => !n.startsWith('.')),
      'resume-prompt.md',
    ),
    'utf8',
  );
  const whole = await call('latest_handover', {});
  assert.equal(whole.isError, false, whole.text);
  assert.match(whole.text, /verified/);
  assert.ok(whole.text.includes(prompt.split('\n').find((l) => l.startsWith('#'))), 'starts with the prompt itself');
  const heading = prompt
    .split('\n')
    .filter((l) => l.startsWith('## '))[1]
    .slice(3);
  const one = await call('latest_handover', { section: heading.toLowerCase() });
  assert.equal(one.isError, false, one.text);
  assert.ok(one.text.includes(`## ${heading}`));
  assert.ok(one.bytes < whole.bytes || whole.text.includes('"cursor"'));
  const missing = await call('latest_handover', { section: 'no such section anywhere' });
  assert.equal(missing.isError, true);
  assert.match(missing.text, /no section matching/);
  const empty = await call('latest_handover', { workspace: box.root });
  assert.equal(empty.isError, true);
  assert.match(empty.text, /no verified handover/);
});

test('file_history: the tool call that wrote a file is listed as changed, at its line', async () => {
  const log = join(box.projects, 'tools-thinking-compact.jsonl');
  const lines = readFileSync(log, 'utf8').split('\n');
  const writeAt = lines.findIndex((l) => l.includes('"name":"Write"'));
  const path = JSON.parse(lines[writeAt]).message.content.find((b) => b.type === 'tool_use' && b.name === 'Write').input.file_path;
  const history = await call('file_history', { path });
  assert.equal(history.isError, false, history.text);
  const line = new RegExp(`:${writeAt + 1}\\s+changed\\s+tool-call`);
  assert.match(history.text, line);
  const none = await call('file_history', { path: 'src/never/mentioned-anywhere.xyz' });
  assert.match(none.text, /No session names/);
});

test('bad arguments are tool errors that say what to fix, and the server keeps serving', async () => {
  /** @type {Array<[string, Record<string, unknown>, RegExp]>} */
  const cases = [
    ['search', {}, /query is required/],
    ['search', { query: 'x', limit: 0 }, /limit/i],
    ['search', { query: 'x', limit: 'ten' }, /limit/i],
    ['search', { query: 'x', kind: 'bogus' }, /unknown kind 'bogus'/],
    ['search', { query: 'x', since: 'sometime' }, /since: 'sometime' is not a date/],
    ['search', { query: 'x', agent: 'gemini' }, /agent/],
    ['search', { cursor: 'not-a-cursor' }, /not a cursor this server gave out/],
    ['show', {}, /ref is required/],
    ['show', { ref: 'nonsense' }, /is not <session-id>:<line>/],
    ['show', { ref: 'ffffffff-none:3' }, /no log found for session/],
    ['show', { ref: '5ec2e7a0-0000-4000-8000-00000000beef:99' }, /holds no searchable record/],
    ['file_history', { path: '   ' }, /path is required/],
  ];
  for (const [tool, args, expected] of cases) {
    const result = await call(tool, args);
    assert.equal(result.isError, true, `${tool} ${JSON.stringify(args)} → ${result.text}`);
    assert.match(result.text, expected, `${tool} ${JSON.stringify(args)}`);
    assert.doesNotMatch(result.text, /\n\s+at /, 'no stack trace');
  }
  // A cursor handed to another tool.
  const paged = await call('search', { query: 'the', limit: 60 });
  const cursor = /\{"cursor":"([^"]+)"\}\]$/.exec(paged.text)[1];
  const wrong = await call('show', { cursor });
  assert.equal(wrong.isError, true);
  assert.match(wrong.text, /belongs to the search tool/);
  const chain = await call('chain', { id: 'no-such-handover' });
  assert.equal(chain.isError, true);
  assert.match(chain.text, /no handover no-such-handover/);
  const single = await call('chain', {});
  assert.equal(single.isError, false, single.text);
  assert.match(single.text, /^Chain of 1 handover in /);
  const still = await call('search', { query: 'zanzibar' });
  assert.equal(still.isError, false);
  assert.doesNotMatch(serverStderr, /failed inside|internal/i, serverStderr);
});

test('handover mcp --max-bytes rejects nonsense with one line and exit 2', () => {
  const result = spawnSync(process.execPath, [cli, 'mcp', '--max-bytes', '12'], { env: box.env, encoding: 'utf8', input: '' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^handover mcp: --max-bytes: '12' is not a whole number/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
});
