// The offline analysts over synthetic logs with planted facts (Claude Code 2.1 and Codex formats), and
// over every real sample: they must find each fact, with the citation of the record that holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, samplesDir, fixturesDir } from '../support/paths.mjs';
import { ClaudeLog, CodexLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const {
  analyzeOffline,
  analyzeSession,
  collectModifiedFiles,
  classifySentence,
  isConstraint,
  errorLines,
  measuredLines,
  isDistinctiveCommand,
  packageChanges,
} = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

function findOne(list, substring, what) {
  const found = list.find((f) => `${f.title ?? f.text} ${f.command ?? ''}`.includes(substring));
  assert.ok(found, `${what}: nothing contains "${substring}" in\n${list.map((f) => '  ' + (f.title ?? f.text)).join('\n')}`);
  return found;
}

/** A Claude Code session with one planted fact of every category. */
function plantedClaudeSession(ws) {
  const log = new ClaudeLog(ws);
  const p = {};
  p.constraintMsg = log.user(
    'Please add response caching to the API client. Keep the public API of src/api/client.ts unchanged. Do not add new runtime dependencies. Use vitest, not jest.',
  );
  p.decision = log.thinking(
    'Options: a Map with timestamps or an LRU. I decided to use a plain Map with a 64-entry cap in src/api/cache.ts because responses are small and we may not add dependencies.',
  );
  log.tool(
    'TodoWrite',
    {
      todos: [
        { content: 'Write cache module', status: 'in_progress', activeForm: 'Writing' },
        { content: 'Add tests', status: 'pending', activeForm: 'Adding' },
      ],
    },
    'ok',
  );
  p.write = log.tool(
    'Write',
    { file_path: `${ws}/src/api/cache.ts`, content: 'export const cache = new Map();' },
    `File created successfully at: ${ws}/src/api/cache.ts`,
  );
  p.install = log.bash('npm install lru-cache@10', 'added 1 package in 812ms');
  p.editDone = log.tool('Edit', { file_path: `${ws}/src/api/client.ts`, old_string: 'fetch(url)', new_string: 'cachedFetch(url)' }, 'ok');
  p.failing = log.bash(
    'npx vitest run src/api',
    ' FAIL  src/api/cache.test.ts > cache > evicts the oldest entry\nAssertionError: expected 65 to be 64 // Object.is equality\n    at src/api/cache.test.ts:14:22\n Test Files  1 failed (1)\n      Tests  1 failed | 11 passed (12)',
    1,
  );
  p.rejectedText = log.text('The TTL timer approach does not work because setInterval keeps the vitest worker alive; switching to timestamp checks on read.');
  p.uninstall = log.bash('npm uninstall lru-cache', 'removed 1 package in 301ms');
  p.editUndone = log.tool('Edit', { file_path: `${ws}/src/api/client.ts`, old_string: 'cachedFetch(url)', new_string: 'fetch(url)' }, 'ok');
  p.passing = log.bash(
    'npx vitest run src/api',
    ' ✓ src/api/cache.test.ts (12 tests) 41ms\n Test Files  1 passed (1)\n      Tests  12 passed (12)\n   Duration  1.84s',
  );
  p.onlyInOutput = log.bash(
    'node scripts/warm-cache.mjs --region eu-west-3',
    'warming…\nError: connect ECONNREFUSED 127.0.0.1:6399\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    1,
  );
  p.bench = log.bash(
    'npm run bench:cache -- --iterations 5000',
    '> bench:cache\ncache hit ratio: 93.5%\nmedian latency 12.4 ms (p95 31.7 ms)\nthroughput 8214 req/s',
  );
  log.bash('ls -la src/api', 'total 8\n-rw-r--r-- 1 u u 120 Mar  1 10:00 cache.ts');
  log.bash('cat src/api/cache.ts', 'export const cache = new Map();');
  p.compact = log.compact('Summary: caching added to src/api/client.ts via src/api/cache.ts; tests pass.');
  log.tool(
    'TodoWrite',
    {
      todos: [
        { content: 'Write cache module', status: 'completed', activeForm: 'x' },
        { content: 'Add tests', status: 'completed', activeForm: 'x' },
        { content: 'Document the cache in README.md', status: 'pending', activeForm: 'x' },
      ],
    },
    'ok',
  );
  p.lastRequest = log.user('Now document the cache in README.md, and never mention the internal 64-entry cap in public docs.');
  return { log, p };
}

test('Claude Code: every planted fact is found with its citation', async () => {
  const ws = scratchDir('handover-an-');
  const { log, p } = plantedClaudeSession(ws);
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const decisions = a.findings.filter((f) => f.analyst === 'decisions');
  const errors = a.findings.filter((f) => f.analyst === 'errors');
  const rejected = a.findings.filter((f) => f.analyst === 'rejected');

  const decision = findOne(decisions, 'plain Map with a 64-entry cap in src/api/cache.ts because', 'decision from thinking');
  assert.deepEqual(decision.citations[0], { line: p.decision.line, uuid: p.decision.uuid });
  assert.equal(decision.source, 'offline');

  const refused = findOne(errors, 'ECONNREFUSED 127.0.0.1:6399', 'error only in tool output');
  assert.match(refused.command, /node scripts\/warm-cache\.mjs --region eu-west-3/);
  assert.match(refused.command, /exit 1/);
  assert.equal(refused.status, 'unresolved');
  assert.deepEqual(refused.citations[0], { line: p.onlyInOutput.call.line, uuid: p.onlyInOutput.call.uuid });
  assert.ok(refused.citations.some((c) => c.line === p.onlyInOutput.result.line && c.uuid === p.onlyInOutput.result.uuid));
  // Nothing ran warm-cache again; the session went on with the benchmark: not re-run, and what came next.
  assert.match(refused.detail, /Not re-run: nothing later ran `node scripts\/warm-cache\.mjs` again; the session went on with `npm run bench:cache/);
  assert.equal(refused.wentOnWith?.what, 'npm run bench:cache -- --iterations 5000');
  assert.match(refused.detail, /at TCPConnectWrap/, 'the head of the stack trace');

  const failingTest = findOne(errors, 'npx vitest run src/api', 'failing test run');
  assert.match(failingTest.title + failingTest.detail, /FAIL\s+src\/api\/cache\.test\.ts > cache > evicts the oldest entry/);
  assert.match(failingTest.detail, /expected 65 to be 64/);
  assert.match(failingTest.detail, new RegExp(`Resolved: a later run passed \\(log line ${p.passing.result.line}\\)`));
  assert.equal(failingTest.status, 'resolved');
  assert.equal(failingTest.resolvedBy.line, p.passing.result.line);
  assert.ok(refused.score > failingTest.score, 'an unresolved error ranks above a resolved one');

  const ttl = findOne(rejected, 'TTL timer approach does not work because setInterval', 'rejected approach in text');
  assert.deepEqual(ttl.citations[0], { line: p.rejectedText.line, uuid: p.rejectedText.uuid });
  const pkg = findOne(rejected, '`lru-cache` was installed', 'installed then uninstalled');
  assert.deepEqual(
    pkg.citations.map((c) => c.line),
    [p.install.call.line, p.uninstall.call.line],
  );
  const reverted = findOne(rejected, 'edit to `src/api/client.ts` was reverted', 'reverted edit');
  assert.deepEqual(
    reverted.citations.map((c) => c.line),
    [p.editDone.call.line, p.editUndone.call.line],
  );

  const cmd = findOne(a.commands, 'npm run bench:cache -- --iterations 5000', 'distinctive command');
  assert.equal(cmd.citations[0].line, p.bench.call.line);
  findOne(a.commands, 'npx vitest run src/api', 'test command');
  assert.ok(!a.commands.some((c) => /^(ls|cat) /.test(c.text)), 'ls/cat are noise');
  assert.match(findOne(a.commands, 'npx vitest run src/api', 'runs').text, /run 2×/);

  for (const planted of ['cache hit ratio: 93.5%', 'median latency 12.4 ms (p95 31.7 ms)', 'throughput 8214 req/s']) {
    const n = findOne(a.numbers, planted, 'measured number');
    assert.equal(n.command, 'npm run bench:cache -- --iterations 5000');
    assert.deepEqual(n.citations[0], { line: p.bench.result.line, uuid: p.bench.result.uuid });
  }
  findOne(a.numbers, 'Duration  1.84s', 'test duration');

  for (const planted of [
    'Keep the public API of src/api/client.ts unchanged',
    'Do not add new runtime dependencies',
    'Use vitest, not jest',
    'never mention the internal 64-entry cap',
  ]) {
    const c = findOne(a.constraints, planted, 'user constraint');
    assert.ok([p.constraintMsg.line, p.lastRequest.line].includes(c.citations[0].line));
  }
  assert.ok(!a.constraints.some((c) => c.text.includes('TTL')), 'constraints come from the user only');

  assert.equal(a.lastUserRequest.text, 'Now document the cache in README.md, and never mention the internal 64-entry cap in public docs.');
  assert.deepEqual(a.lastUserRequest.citation, { line: p.lastRequest.line, uuid: p.lastRequest.uuid });
  assert.deepEqual(a.openTasks, [
    { content: 'Write cache module', status: 'completed' },
    { content: 'Add tests', status: 'completed' },
    { content: 'Document the cache in README.md', status: 'pending' },
  ]);
  assert.deepEqual(
    a.compactions.map((c) => c.line),
    [p.compact.boundary.line],
  );
  assert.equal(a.compactionSummaries.length, 1);
  assert.match(a.compactionSummaries[0].text, /caching added/);
  assert.equal(a.compactionSummaries[0].citation.line, p.compact.summary.line);
  assert.equal(a.sessionId, log.sessionId);
  assert.equal(a.agent, 'claude');
  assert.equal(a.cwd, ws);
  assert.equal(a.gitBranch, 'main');
  assert.equal(a.lines, log.records.length);
  assert.ok(a.firstTimestamp < a.lastTimestamp);
  for (const f of a.findings) assert.ok(f.citations.length >= 1 && f.citations.every((c) => c.line >= 1 && c.line <= log.records.length));
});

test('the combined pass returns the same analysis and the modified files', async () => {
  const ws = scratchDir('handover-an-');
  const { log } = plantedClaudeSession(ws);
  const path = log.write();
  const { analysis, modified } = await analyzeSession(path, { workspace: ws });
  assert.deepEqual(analysis, await analyzeOffline(path, { workspace: ws }));
  const paths = modified.files.map((f) => f.path);
  assert.ok(paths.includes('src/api/cache.ts') && paths.includes('src/api/client.ts') && paths.includes('package.json'));
});

test('Codex: errors, numbers, decisions in reasoning, rejected approaches, plan', async () => {
  const ws = scratchDir('handover-an-');
  const log = new CodexLog(ws);
  const ask = log.user("Speed up the importer. Don't touch the public CLI flags.");
  const why = log.reasoning("**Choosing a parser**\n\nI'll go with streaming JSON parsing in importer/read.py instead of json.load, since files reach 2 GB.");
  const fail = log.exec(
    'python -m pytest tests/test_import.py -q',
    'F.\nFAILED tests/test_import.py::test_large_file - MemoryError: cannot allocate 2147483648 bytes\n1 failed, 1 passed in 0.42s',
    1,
  );
  const dead = log.text("The mmap idea didn't work: Windows locks the file. Abandoning it.");
  log.exec('python -m pytest tests/test_import.py -q', '2 passed in 0.38s', 0);
  const bench = log.exec('python bench/import_speed.py --rows 1000000', 'rows: 1000000\nelapsed: 3.91 s\npeak rss: 212.4 MB');
  const oldShell = log.shellArray(['bash', '-lc', 'cargo build --offline'], 'error[E0432]: unresolved import `serde_json`', 101);
  log.plan([
    { step: 'Stream the parser', status: 'completed' },
    { step: 'Benchmark', status: 'in_progress' },
  ]);
  const a = await analyzeOffline(log.write(), { workspace: ws });
  assert.equal(a.agent, 'codex');
  assert.equal(a.sessionId, log.sessionId);
  assert.equal(a.gitBranch, 'feature/x');
  const err = findOne(
    a.findings.filter((f) => f.analyst === 'errors'),
    'python -m pytest tests/test_import.py -q',
    'codex error',
  );
  assert.match(err.title + err.detail, /FAILED tests\/test_import\.py::test_large_file - MemoryError/);
  assert.match(err.detail, /Resolved/);
  assert.equal(err.citations[0].line, fail.call.line);
  const decision = findOne(
    a.findings.filter((f) => f.analyst === 'decisions'),
    'streaming JSON parsing in importer/read.py',
    'codex decision',
  );
  assert.equal(decision.citations[0].line, why.line);
  const rejected = findOne(
    a.findings.filter((f) => f.analyst === 'rejected'),
    "mmap idea didn't work",
    'codex rejected',
  );
  assert.equal(rejected.citations[0].line, dead.line);
  const elapsed = findOne(a.numbers, 'elapsed: 3.91 s', 'codex number');
  assert.equal(elapsed.command, 'python bench/import_speed.py --rows 1000000');
  assert.equal(elapsed.citations[0].line, bench.result.line);
  findOne(a.numbers, 'peak rss: 212.4 MB', 'codex number');
  const cargo = findOne(
    a.findings.filter((f) => f.analyst === 'errors'),
    'cargo build --offline',
    'older Codex shell output as JSON',
  );
  assert.match(cargo.command, /exit 101/);
  assert.match(cargo.title, /unresolved import `serde_json`/);
  assert.equal(cargo.citations[0].line, oldShell.call.line);
  assert.ok(!a.numbers.some((n) => /Wall time/.test(n.text)), "Codex's own timing header is not a measurement");
  findOne(a.constraints, "Don't touch the public CLI flags", 'codex constraint');
  assert.equal(a.constraints[0].citations[0].line, ask.line);
  assert.deepEqual(a.openTasks, [
    { content: 'Stream the parser', status: 'completed' },
    { content: 'Benchmark', status: 'in_progress' },
  ]);
});

test('a failing command run again with other flags is resolved by the passing run, not a rejected approach', async () => {
  const ws = scratchDir('handover-an-');
  const log = new ClaudeLog(ws);
  const first = log.bash('npx create-vite@latest web --template react-ts', 'Error: Operation cancelled: prompt needs a TTY', 1);
  const second = log.bash('yes | npx create-vite@latest web --template react-ts --no-interactive', 'Scaffolding project in /w/web...\nDone.');
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const error = findOne(
    a.findings.filter((f) => f.analyst === 'errors'),
    'prompt needs a TTY',
    'the failure',
  );
  assert.equal(error.status, 'resolved', 'the same command family passed later');
  assert.equal(error.resolvedBy.line, second.result.line);
  assert.equal(error.citations[0].line, first.call.line);
  assert.ok(!a.findings.some((f) => f.analyst === 'rejected' && f.title.includes('create-vite')), 'a retry with other flags is not an approach given up');
});

test('a file created and deleted later is a rejected approach; a refused tool call is a refusal', async () => {
  const ws = scratchDir('handover-an-');
  const log = new ClaudeLog(ws);
  const made = log.tool('Write', { file_path: `${ws}/src/polyfill.ts`, content: 'x' }, `File created successfully at: ${ws}/src/polyfill.ts`);
  log.thinking('The polyfill is unnecessary because Node 22 ships structuredClone natively.');
  const gone = log.bash('rm src/polyfill.ts');
  const refused = log.bash('git push --force origin main', "The user doesn't want to proceed with this tool use. The tool use was rejected.", 1);
  const said = log.user('no, never force-push main; open a PR instead');
  const bare = log.bash('git reset --hard origin/main', "The user doesn't want to proceed with this tool use. The tool use was rejected.", 1);
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const rejected = a.findings.filter((f) => f.analyst === 'rejected');
  const deleted = findOne(rejected, '`src/polyfill.ts` was created and later deleted', 'created then deleted');
  assert.deepEqual(
    deleted.citations.map((c) => c.line),
    [made.call.line, gone.call.line],
  );
  assert.match(deleted.detail, /Node 22 ships structuredClone/, 'the reason given just before');
  const refusals = a.findings.filter((f) => f.analyst === 'refusals');
  const denied = findOne(refusals, 'no, never force-push main; open a PR instead', 'refused call, in the words typed next');
  assert.equal(denied.citations[0].line, refused.call.line);
  assert.equal(denied.citations.at(-1).line, said.line);
  // A refusal the user never put into words has no words to carry: it stays in the timeline only.
  assert.ok(!refusals.some((f) => f.citations.some((c) => c.line === bare.call.line)), 'a bare refusal is not in the refusals section');
  assert.ok(!a.findings.some((f) => f.analyst === 'errors' && f.title.includes('git push')), 'a refusal is not an error');
});

test('a sed substitution undone by the opposite one is a reverted edit, with the reason said just before', async () => {
  const ws = scratchDir('handover-an-');
  const log = new ClaudeLog(ws);
  log.bash("sed -i 's/retries: 2/retries: 5/' config/client.yaml");
  const forward = log.bash("sed -i 's/retries: 5/retries: 9/' config/client.yaml");
  log.bash('node scripts/soak.js', 'soak: 9 retries stack up to 41 s, past the 30 s gateway timeout', 1);
  log.text('Back to 5 retries: nine of them outlast the gateway.');
  const back = log.bash("sed -i 's/retries: 9/retries: 5/' config/client.yaml");
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const reverted = findOne(
    a.findings.filter((f) => f.analyst === 'rejected'),
    'edit to `config/client.yaml` was reverted',
    'sed revert',
  );
  assert.match(reverted.title, /retries: 5 → retries: 9/);
  assert.deepEqual(
    reverted.citations.map((c) => c.line),
    [forward.call.line, back.call.line],
  );
  assert.match(reverted.detail, /nine of them outlast the gateway/);
  findOne(
    a.findings.filter((f) => f.analyst === 'rejected'),
    'Back to 5 retries',
    'the sentence itself',
  );
});

test("answers to the agent's questions are the user's decisions", async () => {
  const ws = scratchDir('handover-an-');
  const log = new ClaudeLog(ws);
  const asked = log.tool(
    'AskUserQuestion',
    { questions: [{ question: 'Which database?', header: 'DB', options: [] }] },
    'User has answered your questions: "Which database should the cache use?"="Redis 7 (managed)". You can now continue with the user\'s answers in mind.',
  );
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const chose = findOne(
    a.findings.filter((f) => f.analyst === 'decisions'),
    'the user chose "Redis 7 (managed)"',
    'user answer',
  );
  assert.match(chose.title, /Which database should the cache use\?/);
  assert.equal(chose.citations[0].line, asked.result.line);
});

test('subagent logs are read too: their edits and errors cite the subagent file', async () => {
  const ws = scratchDir('handover-an-');
  const dir = scratchDir('handover-an-log-');
  const main = new ClaudeLog(ws);
  main.user('Refactor the parser.');
  main.tool('Task', { description: 'refactor', prompt: 'Refactor src/parser.ts', subagent_type: 'general-purpose' }, 'Done.');
  const mainPath = main.write(dir);
  const sub = new ClaudeLog(ws, main.sessionId);
  const subRecords = sub.records;
  sub.user('Refactor src/parser.ts');
  const write = sub.tool('Write', { file_path: `${ws}/src/parser.ts`, content: 'x' }, `File created successfully at: ${ws}/src/parser.ts`);
  const broken = sub.bash('npx tsc -p .', "src/parser.ts(1,1): error TS1005: ';' expected.", 2);
  for (const r of subRecords) r.isSidechain = true;
  const subDir = join(dir, main.sessionId, 'subagents');
  mkdirSync(subDir, { recursive: true });
  writeFileSync(join(subDir, 'agent-a1b2.jsonl'), subRecords.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const { analysis, modified } = await analyzeSession(mainPath, { workspace: ws });
  const file = modified.files.find((f) => f.path === 'src/parser.ts');
  assert.ok(file, 'an edit made by a subagent');
  assert.equal(file.lastLine, write.call.line);
  const err = findOne(
    analysis.findings.filter((f) => f.analyst === 'errors'),
    'error TS1005',
    'subagent error',
  );
  assert.deepEqual(err.citations[0], { line: broken.call.line, uuid: broken.call.uuid, file: 'subagents/agent-a1b2.jsonl' });
  assert.equal(analysis.lastUserRequest.text, 'Refactor the parser.', "a subagent's prompt is not the user's request");
  assert.equal(analysis.lines, main.records.length, 'lines count the main log');
});

test('a failed command whose output went to tool-results/ is read from there', async () => {
  const ws = scratchDir('handover-an-');
  const dir = scratchDir('handover-an-log-');
  const log = new ClaudeLog(ws);
  const stored = `/root/.claude/projects/x/${log.sessionId}/tool-results/toolu_big.txt`;
  const run = log.bash('make -j4 all', `Output too large (812.4KB). Full output saved to: ${stored}\n\nPreview (first 2KB):\ncc -O2 -c a.c\ncc -O2 -c b.c`, 2);
  const path = log.write(dir);
  mkdirSync(join(dir, log.sessionId, 'tool-results'), { recursive: true });
  writeFileSync(
    join(dir, log.sessionId, 'tool-results', 'toolu_big.txt'),
    'cc -O2 -c a.c\n'.repeat(20000) + "linker.c:88: undefined reference to `zstd_compress'\ncollect2: error: ld returned 1 exit status\n",
  );
  const a = await analyzeOffline(path, { workspace: ws });
  const err = findOne(
    a.findings.filter((f) => f.analyst === 'errors'),
    'make -j4 all',
    'externally stored output',
  );
  assert.match(err.title + err.detail, /undefined reference to `zstd_compress'/);
  assert.equal(err.citations[0].line, run.call.line);
});

test('concurrent analyzeOffline and collectModifiedFiles of one log share one pass', async () => {
  const ws = scratchDir('handover-an-');
  const { log } = plantedClaudeSession(ws);
  const path = log.write();
  const [analysis, modified] = await Promise.all([analyzeOffline(path, { workspace: ws }), collectModifiedFiles(path, ws)]);
  const again = await analyzeSession(path, { workspace: ws });
  assert.deepEqual(analysis, again.analysis);
  assert.deepEqual(modified, again.modified);
});

test('errors are deduplicated across repeats and count them', async () => {
  const ws = scratchDir('handover-an-');
  const log = new ClaudeLog(ws);
  for (let i = 0; i < 3; i++) log.bash('npx tsc --noEmit', `src/a.ts(3,${i + 1}): error TS2322: Type 'string' is not assignable to type 'number'.`, 2);
  const a = await analyzeOffline(log.write(), { workspace: ws });
  const tsc = a.findings.filter((f) => f.analyst === 'errors' && f.command.includes('npx tsc --noEmit'));
  assert.equal(tsc.length, 1);
  assert.match(tsc[0].detail, /Failed 3 times/);
  assert.match(tsc[0].command, /exit 2/);
  assert.match(tsc[0].title, /error TS2322/);
});

test('sentence classifiers', () => {
  assert.equal(classifySentence("I'll use esbuild instead of webpack because it bundles in 0.3 s.", 'thinking').kind, 'decisions');
  assert.notEqual(
    classifySentence('Webpack is slow here, so esbuild instead.', 'thinking')?.kind,
    'rejected',
    'a choice, not evidence that webpack was tried and undone',
  );
  assert.equal(
    classifySentence('I will keep the coupon logic in coupon.ts instead of cart.ts because the checkout service imports it too.', 'thinking').kind,
    'decisions',
  );
  assert.equal(classifySentence("Tried the worker pool but it doesn't work with node:sqlite handles.", 'assistant').kind, 'rejected');
  assert.equal(classifySentence('Going with SQLite FTS5 for the index since it ships with node:sqlite.', 'thinking').kind, 'decisions');
  assert.equal(classifySentence('Let me read the file first.', 'assistant'), undefined);
  assert.equal(classifySentence('The weather is nice.', 'thinking'), undefined);
  assert.ok(isConstraint('Never commit generated files.'));
  assert.ok(isConstraint('use pnpm not npm'));
  assert.ok(!isConstraint('What does this function do?'));
});

test('tool output readers', () => {
  const tb = errorLines('Traceback (most recent call last):\n  File "a.py", line 3, in <module>\n    x()\nKeyError: \'region\'\n');
  assert.ok(tb.lines.includes("KeyError: 'region'"));
  assert.ok(tb.stack[0].includes('File "a.py", line 3'));
  assert.deepEqual(errorLines('all good\n0 errors, 0 warnings').lines, []);
  assert.deepEqual(errorLines('\x1b[31merror\x1b[0m: linker `cc` not found').lines, ['error: linker `cc` not found']);
  assert.deepEqual(measuredLines('Chunk ID: 1\nWall time: 0.2 seconds\nbuilt in 812 ms'), ['built in 812 ms']);
  assert.ok(isDistinctiveCommand('cargo build --release'));
  assert.ok(!isDistinctiveCommand('ls -la && cat x && pwd'));
  assert.ok(!isDistinctiveCommand('git status'));
  assert.ok(isDistinctiveCommand('git log --oneline -n 5 -- src/inventory'));
  assert.ok(isDistinctiveCommand("grep -rn 'LEDGER_MODE' src"));
  // A bare count without its label reads as noise in the handover (every such item labelled was judged wrong).
  assert.deepEqual(measuredLines('4817'), []);
  assert.deepEqual(measuredLines('112269\tdata/skus.csv'), []);
  assert.deepEqual(packageChanges('npm i -D @types/node@22 left-pad && pip install requests==2.31'), [
    { action: 'install', manager: 'npm', name: '@types/node' },
    { action: 'install', manager: 'npm', name: 'left-pad' },
    { action: 'install', manager: 'pip', name: 'requests' },
  ]);
});

// Phrasings beyond the planted session's: each must be classified as its kind (recall), and plain
// narration must not (precision).
const PHRASINGS = {
  // A decision says it chose, or gives its reason and the alternative it dismissed (issue 13).
  decisions: [
    ['thinking', 'We need integer cents for money rather than floats, since floats drift.'],
    ['thinking', 'Best to store timestamps in UTC instead of local time; the dashboard converts per user.'],
    ['thinking', 'Going to batch the writes in groups of 500 instead of one by one, to stay under the API limit.'],
    ['thinking', 'Decided: the retry budget will be 3 attempts with exponential backoff.'],
    ['thinking', 'Settled: parse dates with date-fns, not moment.'],
    ['thinking', 'OK so the cache key includes the locale, not the bare path, otherwise French users get English pages.'],
    ['assistant', "I'll keep the parser in src/parse.ts instead of each caller's folder, so the CLI and the extension share it."],
    ['user', "Let's go with Postgres for the event store."],
    ['thinking', 'So a minor bump to 2.4.0, not the patch bump the template asks for.'],
    ['thinking', 'Define it: the polynomial 0x1021 as a named constant, not the reflected 0x8408 — receivers expect it.'],
  ],
  rejected: [
    ['thinking', "Scrapping the worker-thread idea: the sqlite handle can't cross threads."],
    ['thinking', 'Tried bumping the heap to 4 GB; still OOMs.'],
    ['assistant', 'The regex approach is too slow (12 s on the big file), so a streaming parser it is.'],
    ['thinking', 'Not using Redis after all: the ops team will not run it.'],
    ['thinking', 'Ruled out pnpm workspaces because the CI image lacks corepack.'],
    ['assistant', 'This breaks Windows path handling, undoing it.'],
    ['thinking', "Mocking fetch didn't work because the SDK uses undici directly."],
  ],
  none: [
    // Plans and intentions, even with a reason, name no alternative they beat: not decisions.
    ['thinking', 'Plan: migrate the users table first, then orders.'],
    ['thinking', 'So, the plan is to create a file called mod.rs within the patterns directory.'],
    ['thinking', 'We should support devcontainer configuration too.'],
    ['thinking', "Next, I'll keep reading to understand further handling."],
    ['assistant', "Depending on the mode, I'll either parse the JSON or ask the user to use the static option."],
    // Seen in real logs and labelled wrong as decisions (bench:precision): narration, diagnoses,
    // progress reports, proposals, predictions, tactics and examples.
    ['thinking', 'Quick note: I could not run the prerequisites script (PowerShell not available in this shell).'],
    ['assistant', 'The issue arises because the loader prioritizes the config file over the environment variable.'],
    ['assistant', 'The remaining failures are fixture issues, not product bugs: the invite needs a null subject.'],
    ['assistant', "I'm tightening those tests now so they observe the settled state instead of racing it."],
    ['assistant', '**Aligned `profile.md`** so the domains line says "thinner" instead of "more scaffolding".'],
    ['assistant', 'A cheap fix: when unsure, ask a quick calibration question rather than guessing the depth.'],
    ['assistant', 'This will make MarketData structurally compatible with MarketInput (a superset).'],
    ['assistant', 'The Espressif clang will be picked up from the tools path instead of /usr/bin/clang.'],
    ['thinking', "Instead of one complex command, I'll break it down into separate commands to search for the config."],
    ['user', 'Beispiel: gestern hatten wir entschieden den MCP Server anstatt dem Voice Server zu nehmen.'],
    ['assistant', 'Let me read the file first.'],
    ['assistant', 'Now I will run the tests.'],
    ['thinking', 'The file has 40 lines.'],
    ['assistant', 'Here is the summary of the changes.'],
  ],
};

for (const [kind, cases] of Object.entries(PHRASINGS)) {
  for (const [source, sentence] of cases) {
    test(`classifies as ${kind}: ${sentence}`, () => {
      assert.equal(classifySentence(sentence, source)?.kind, kind === 'none' ? undefined : kind);
    });
  }
}

const CONSTRAINTS = [
  'The API must stay backwards compatible.',
  'No new dependencies please.',
  'Stick to the existing logging style.',
  'I want all timestamps in UTC.',
  'Target Node 18.',
  'Tests have to run in under 10 seconds.',
  'Only touch files under src/.',
  'Leave the migrations folder alone.',
  'Prefer composition over inheritance.',
];
test('user constraints in many phrasings', () => {
  for (const c of CONSTRAINTS) assert.ok(isConstraint(c), c);
});

const MEASUREMENTS = [
  ['Compiled 213 modules in 4.2s', 'Compiled 213 modules in 4.2s'],
  ['Bundle: 1.3 MB (gzip 402 kB)', 'Bundle: 1.3 MB (gzip 402 kB)'],
  ['throughput=1234.5/s', 'throughput=1234.5/s'],
  ['Memory: 512Mi', 'Memory: 512Mi'],
  ['hit rate 0.93', 'hit rate 0.93'],
  ['Found 17 matches', 'Found 17 matches'],
  ['BenchmarkParse-8   1000000   1052 ns/op   240 B/op', 'BenchmarkParse-8   1000000   1052 ns/op   240 B/op'],
  ['real\t0m2.481s', 'real\t0m2.481s'],
];
test('measured numbers in many output shapes', () => {
  for (const [output, line] of MEASUREMENTS) assert.ok(measuredLines('some header\n' + output + '\nfooter\nmore text').includes(line), output);
});

const samples = [
  ...readdirSync(join(samplesDir, 'claude-code'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(samplesDir, 'claude-code', f)),
  ...readdirSync(join(samplesDir, 'codex'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(samplesDir, 'codex', f)),
  join(fixturesDir, 'claude', 'sample-session.jsonl'),
];

for (const sample of samples) {
  test(`sample ${sample.split('/').pop()}: sane analysis`, async () => {
    const ws = scratchDir('handover-an-');
    const { analysis: a } = await analyzeSession(sample, { workspace: ws });
    assert.ok(a.lines > 0 && a.sessionId && a.agent);
    // The last request is the last substantive one: a log holding only `/init` has none.
    const substantive = a.conversation.messages.filter((m) => m.kind === 'typed' && !m.text.startsWith('/'));
    if (substantive.length) assert.ok(a.lastUserRequest && a.lastUserRequest.text.length > 0 && a.lastUserRequest.citation.line <= a.lines);
    else assert.equal(a.lastUserRequest, undefined);
    for (const f of a.findings) {
      assert.ok(['decisions', 'errors', 'rejected', 'refusals'].includes(f.analyst));
      assert.ok(f.title.length > 0 && f.title.length <= 600, f.title);
      assert.ok(Number.isFinite(f.score));
      assert.ok(f.citations.length > 0 && f.citations.every((c) => Number.isInteger(c.line) && c.line >= 1 && c.line <= a.lines));
    }
    for (const fact of [...a.commands, ...a.numbers, ...a.constraints]) assert.ok(fact.text.length > 0 && fact.citations[0].line <= a.lines);
    for (const c of a.commands) assert.doesNotMatch(c.text, /^(ls|pwd|cat)\b(?!.*&&)/);
    for (const n of a.numbers) assert.match(n.text, /\d/);
  });
}

test('sample fe5e…: its errors, commands and tasks', async () => {
  const sample = samples.find((s) => s.includes('fe5e1c67'));
  const { analysis: a } = await analyzeSession(sample, { workspace: '/path/to/Demo' });
  findOne(
    a.findings.filter((f) => f.analyst === 'errors'),
    'error TS2307',
    'a TypeScript error from tool output',
  );
  findOne(a.commands, 'pnpm add lucide-react', 'an install command');
  assert.ok(a.openTasks.length >= 3);
  assert.equal(a.lastUserRequest.text, 'Thanks! Please update CLAUDE.md for current changes');
});

test('the Codex sample: compaction summary and commands', async () => {
  const sample = samples.find((s) => s.includes('/codex/'));
  const { analysis: a, modified } = await analyzeSession(sample, { workspace: '/nonexistent-ws' });
  assert.equal(a.agent, 'codex');
  assert.ok(a.compactionSummaries.length >= 1);
  assert.ok(a.compactions.length >= 1);
  assert.ok(modified.files.some((f) => f.path.endsWith('notes.md') && f.how.includes('apply_patch')));
});

test('a spec-kit prompt template after an empty title line: only the words under `## User Input` are the user’s', async () => {
  const ws = scratchDir('handover-an-');
  const log = new CodexLog(ws);
  const template = (input) =>
    `#\n## User Input\n\n\`\`\`text\n${input}\n\`\`\`\n\nYou **MUST** consider the user input before proceeding (if not empty).\n\n## Outline\n\n1. **Setup**: Run \`.specify/scripts/powershell/setup-plan.ps1 -Json\` from repo root.\n2. Never skip a gate.\n`;
  log.user(template('plan the firebase auth flow'));
  log.user(template(''));
  log.user('draft the full spec.md now');
  const a = await analyzeOffline(log.write(), { workspace: ws });
  assert.deepEqual(
    a.conversation.messages.map((m) => m.text),
    ['plan the firebase auth flow', 'draft the full spec.md now'],
  );
  assert.ok(!a.constraints.some((c) => /Never skip a gate/.test(c.text)), 'template lines are not the user’s rules');
});
