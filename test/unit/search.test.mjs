// Search index end to end through the real CLI: incremental updates, rewrites, filters, snippets,
// bad input (FTS syntax, a damaged or locked index, an old Node), `show`, and redaction on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, samplesDir } from '../support/paths.mjs';

const SESSION = '0b7c1a2e-5d4f-4e3a-9b8c-7d6e5f4a3b2c';

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'handover-search-'));
  const home = join(root, 'home');
  const handoverHome = join(root, 'handover');
  const projects = join(home, '.claude', 'projects', '-work-demo');
  mkdirSync(projects, { recursive: true });
  mkdirSync(handoverHome, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HOME: home, HANDOVER_HOME: handoverHome, NO_COLOR: '1', HANDOVER_SEARCH_SOURCES: '' };
  delete env.CLAUDE_CONFIG_DIR;
  delete env.CODEX_HOME;
  return { root, home, handoverHome, projects, env, log: join(projects, `${SESSION}.jsonl`), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function run(box, args, options = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { env: { ...box.env, ...options.env }, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (box, args) => {
  const r = run(box, [...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};

let clock = Date.parse('2025-06-01T10:00:00Z');
const base = (extra) => ({ sessionId: SESSION, cwd: '/work/demo', uuid: `u-${clock}`, timestamp: new Date((clock += 60_000)).toISOString(), ...extra });
const userLine = (text) => JSON.stringify(base({ type: 'user', message: { role: 'user', content: text } })) + '\n';
const assistantLine = (text) =>
  JSON.stringify(base({ type: 'assistant', message: { id: `m${clock}`, role: 'assistant', content: [{ type: 'text', text }] } })) + '\n';
const toolCallLine = (id, command) =>
  JSON.stringify(
    base({ type: 'assistant', message: { id: `m${clock}`, role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command } }] } }),
  ) + '\n';
const toolResultLine = (id, text, isError = false) =>
  JSON.stringify(base({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: text, is_error: isError }] } })) +
  '\n';

function writeBaseLog(box) {
  writeFileSync(
    box.log,
    userLine('Please make the flaky scheduler test deterministic') +
      assistantLine('I will look at the scheduler first.') +
      toolCallLine('t1', 'npm test -- scheduler') +
      toolResultLine('t1', 'FAIL test/scheduler.test.ts\n  ✕ fires timers in order (12 ms)\nError: expected 3 to equal 4', true) +
      assistantLine('The timer queue is not sorted; switching to a binary heap keyed on deadline.'),
  );
}

test('index + search over the real sample logs: ranked hits with file, line, kind, marked snippet', () => {
  const box = sandbox();
  try {
    for (const dir of ['claude-code', 'codex']) {
      for (const f of readdirSync(join(samplesDir, dir)).filter((n) => n.endsWith('.jsonl'))) copyFileSync(join(samplesDir, dir, f), join(box.projects, f));
    }
    const report = json(box, ['index']);
    assert.ok(report.added >= 7 && report.unitsAdded > 100, JSON.stringify(report));
    // Pick a word straight from a sample's user message so the test does not hard-code sample content.
    const sample = readFileSync(
      join(
        box.projects,
        readdirSync(box.projects).find((n) => n.startsWith('spotter-short')),
      ),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const typed = sample.find((r) => r.type === 'user' && typeof r.message?.content === 'string' && /[a-z]{6,}/i.test(r.message.content));
    const word = /[A-Za-z]{6,}/.exec(typed.message.content)[0];
    const result = json(box, ['search', word, '--kind', 'user']);
    assert.ok(result.hits.length >= 1, `no hit for ${word}`);
    for (const hit of result.hits) {
      assert.equal(hit.kind, 'user');
      assert.ok(existsSync(hit.file));
      const line = readFileSync(hit.file, 'utf8').split('\n')[hit.line - 1];
      assert.match(line.toLowerCase(), new RegExp(word.toLowerCase()), 'the hit points at a line holding the word');
      assert.ok(hit.highlights.length >= 1);
      const [s, e] = hit.highlights[0];
      assert.equal(hit.snippet.slice(s, e).toLowerCase(), word.toLowerCase());
    }
    const text = run(box, ['search', word, '--no-update']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`\\[${word}\\]`, 'i'), 'match marked with [..] when not on a TTY');
    // eslint-disable-next-line no-control-regex -- looking for the ANSI escape character is the point
    assert.doesNotMatch(text.stdout, /\x1b\[/, 'no ANSI codes off a TTY');
    // A second run finds nothing to do.
    const again = json(box, ['index']);
    assert.equal(again.unchanged, again.filesSeen);
    assert.equal(again.unitsAdded, 0);
  } finally {
    box.cleanup();
  }
});

test('a log that grew is read from its last offset; a half-written last line waits for its newline', () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    const first = json(box, ['index']);
    assert.equal(first.added, 1);
    const unitsBefore = first.unitsAdded;
    assert.equal(unitsBefore, 5);
    const partial = userLine('zanzibar quokka appended request');
    appendFileSync(box.log, assistantLine('heap implementation merged, marmalade benchmark next') + partial.slice(0, 40));
    const grown = json(box, ['index']);
    assert.equal(grown.appended, 1);
    assert.equal(grown.reindexed, 0);
    assert.equal(grown.unitsAdded, 1, 'only the new complete line');
    const hit = json(box, ['search', 'marmalade']).hits;
    assert.equal(hit.length, 1);
    assert.equal(hit[0].line, 6);
    assert.equal(hit[0].sessionId, SESSION);
    assert.equal(json(box, ['search', 'zanzibar']).hits.length, 0, 'the unterminated line is not indexed yet');
    appendFileSync(box.log, partial.slice(40));
    const completed = json(box, ['index']);
    assert.equal(completed.unitsAdded, 1);
    const zanzibar = json(box, ['search', 'zanzibar']).hits;
    assert.equal(zanzibar.length, 1);
    assert.equal(zanzibar[0].line, 7);
    // Nothing was indexed twice.
    assert.equal(json(box, ['search', 'scheduler', '--limit', '50']).hits.filter((h) => h.line === 1).length, 1);
  } finally {
    box.cleanup();
  }
});

test('a rewritten or truncated log is indexed again from scratch', () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    json(box, ['index']);
    assert.equal(json(box, ['search', 'heap']).hits.length, 1);
    // Truncated: shorter than what was indexed.
    writeFileSync(box.log, userLine('only a pelican remains'));
    const truncated = json(box, ['index']);
    assert.equal(truncated.reindexed, 1);
    assert.equal(json(box, ['search', 'heap']).hits.length, 0, 'rows of the old content are gone');
    assert.equal(json(box, ['search', 'pelican']).hits[0].line, 1);
    // Rewritten: longer, but the first bytes differ.
    writeFileSync(box.log, userLine('a different opening about albatross') + assistantLine('and more text than before, much more text'));
    const rewritten = json(box, ['index']);
    assert.equal(rewritten.reindexed, 1);
    assert.equal(json(box, ['search', 'pelican']).hits.length, 0);
    assert.equal(json(box, ['search', 'albatross']).hits.length, 1);
    // --all rebuilds.
    const all = json(box, ['index', '--all']);
    assert.equal(all.added, 1);
    assert.equal(all.unitsAdded, 2);
  } finally {
    box.cleanup();
  }
});

test('filters: --kind, --project, --since, --limit', () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    const other = join(box.home, '.claude', 'projects', '-elsewhere');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'a1b2c3d4-0000-4000-8000-000000000000.jsonl'),
      JSON.stringify({
        type: 'user',
        sessionId: 'a1b2c3d4-0000-4000-8000-000000000000',
        cwd: '/srv/other',
        timestamp: '2024-01-01T00:00:00Z',
        message: { role: 'user', content: 'scheduler work in another project' },
      }) + '\n',
    );
    json(box, ['index']);
    assert.equal(json(box, ['search', 'scheduler']).hits.length, 5);
    const errors = json(box, ['search', 'scheduler', '--kind', 'tool-error']).hits;
    assert.deepEqual(
      errors.map((h) => h.kind),
      ['tool-error'],
    );
    assert.deepEqual(
      json(box, ['search', 'scheduler', '--kind', 'tool-call,user'])
        .hits.map((h) => h.kind)
        .sort(),
      ['tool-call', 'user', 'user'],
    );
    const other1 = json(box, ['search', 'scheduler', '--project', 'srv/other']).hits;
    assert.equal(other1.length, 1);
    assert.equal(other1[0].project, '/srv/other');
    assert.ok(json(box, ['search', 'scheduler', '--since', '2025-01-01']).hits.every((h) => h.project === '/work/demo'));
    assert.equal(json(box, ['search', 'scheduler', '--limit', '2']).hits.length, 2);
    const bad = run(box, ['search', 'scheduler', '--since', 'last tuesday']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since: 'last tuesday' is not a date/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
  } finally {
    box.cleanup();
  }
});

test('query text is never FTS5 syntax: paths, dashes, a lone quote or operator all search as words', () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    json(box, ['index']);
    for (const query of ['test/scheduler.test.ts', 'npm test --', '"fires timers', 'AND', 'binary-heap', 'NEAR(', 'tags:k1']) {
      const r = run(box, ['search', query, '--json']);
      assert.ok(r.code === 0, `${query}: ${r.stderr}`);
      assert.equal(JSON.parse(r.stdout).schema, 'handover.search-results', query);
    }
    const path = json(box, ['search', 'test/scheduler.test.ts']);
    assert.equal(path.hits[0].kind, 'tool-error');
    assert.deepEqual(path.terms, ['test/scheduler.test.ts']);
    assert.equal(json(box, ['search', '"fires timers']).hits.length, 1);
    assert.equal(json(box, ['search', 'binary-heap']).hits.length, 1);
  } finally {
    box.cleanup();
  }
});

test('a damaged index is moved aside and rebuilt; a locked one gives a clear message', async () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    const indexPath = join(box.handoverHome, 'index.sqlite');
    writeFileSync(indexPath, 'this is not an sqlite database '.repeat(100));
    const r = run(box, ['search', 'heap']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /damaged.*moved it to .*index\.sqlite\.corrupt-/);
    assert.match(r.stdout, /binary \[heap\]/);
    assert.ok(readdirSync(box.handoverHome).some((n) => n.startsWith('index.sqlite.corrupt-')));

    // Another writer holds the lock: `index` waits (busy timeout), then says so in one line.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const {DatabaseSync}=require('node:sqlite');const d=new DatabaseSync(${JSON.stringify(indexPath)});d.exec('BEGIN IMMEDIATE');d.exec("INSERT INTO meta VALUES('x','y')");console.log('locked');setTimeout(()=>{},5000)`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    appendFileSync(box.log, userLine('more'));
    const started = Date.now();
    const locked = run(box, ['index'], { env: { HANDOVER_BUSY_TIMEOUT_MS: '300' } });
    holder.kill();
    assert.equal(locked.code, 2);
    assert.match(locked.stderr, /^handover index: the search index .* is locked by another process/);
    assert.equal(locked.stderr.trim().split('\n').length, 1);
    assert.ok(Date.now() - started >= 300, 'it waited for the lock first');
  } finally {
    box.cleanup();
  }
});

test('show prints the record readably with records of context around it', () => {
  const box = sandbox();
  try {
    writeBaseLog(box);
    json(box, ['index']);
    const hit = json(box, ['search', 'timers']).hits[0];
    assert.equal(hit.ref, `${SESSION}:4`);
    const shown = run(box, ['show', hit.ref, '--context', '2']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /▶ line 4 · tool-error/);
    assert.match(shown.stdout, /Error: expected 3 to equal 4/);
    assert.match(shown.stdout, /\n {2}line 2 · assistant/);
    assert.match(shown.stdout, /\n {2}line 3 · tool-call .*\n {4}Bash npm test -- scheduler/);
    assert.match(shown.stdout, /\n {2}line 5 · assistant/);
    assert.doesNotMatch(shown.stdout, /line 1 ·/, 'only two records before');
    // A unique prefix of the session id and a file path work too.
    assert.match(run(box, ['show', `${SESSION.slice(0, 8)}:1`]).stdout, /▶ line 1 · user/);
    assert.match(run(box, ['show', `${box.log}:5`]).stdout, /▶ line 5 · assistant.*\n {4}The timer queue/);
    const missing = run(box, ['show', `${SESSION}:999`]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^handover show: line 999 of .* holds no searchable record\n$/);
    assert.equal(run(box, ['show', 'nonsense']).code, 1);
  } finally {
    box.cleanup();
  }
});

test('secrets are redacted before indexing: the planted key is nowhere in the index files', () => {
  const box = sandbox();
  try {
    const key = 'sk-ant-api03-' + 'Zq7'.repeat(20);
    const aws = 'AKIA' + 'QWERTYUIOPASDFGH';
    writeFileSync(
      box.log,
      userLine(`use ANTHROPIC_API_KEY=${key} for the canary run`) +
        toolCallLine('t9', `curl -H "x-api-key: ${key}" https://api.example.invalid`) +
        toolResultLine('t9', `env dump: AWS_ACCESS_KEY_ID=${aws}\ncanary ok`),
    );
    json(box, ['index']);
    const files = readdirSync(box.handoverHome).filter((n) => n.startsWith('index.sqlite'));
    const bytes = Buffer.concat(files.map((n) => readFileSync(join(box.handoverHome, n))));
    assert.ok(bytes.length > 0);
    // The index holds folded terms: look for the key's pieces as the tokenizer would store them.
    assert.equal(bytes.indexOf(key.slice(0, 30)), -1, 'anthropic key not in the index');
    assert.equal(bytes.indexOf('zq7zq7zq7'), -1, 'nor its body as a term');
    assert.equal(bytes.indexOf(aws), -1, 'aws key id not in the index');
    assert.equal(bytes.indexOf(aws.toLowerCase()), -1, 'nor as a term');
    assert.notEqual(bytes.indexOf('redacted'), -1, 'the marker is what was indexed');
    const hits = json(box, ['search', 'canary']).hits;
    assert.equal(hits.length, 2);
    assert.ok(hits.every((h) => !h.snippet.includes(key) && !h.snippet.includes('Zq7Zq7')));
    assert.ok(
      hits.some((h) => /\[REDACTED:/.test(h.snippet)),
      'snippets from the raw log are redacted as they are cut',
    );
    assert.doesNotMatch(run(box, ['show', `${SESSION}:1`]).stdout, /Zq7Zq7/);
  } finally {
    box.cleanup();
  }
});

test('on a Node without node:sqlite, search says so in one line and other commands still work', (t) => {
  const old = spawnSync('/usr/bin/node', ['-e', 'process.stdout.write(process.versions.node)'], { encoding: 'utf8' });
  if (old.status !== 0 || Number(old.stdout.split('.')[0]) >= 22) return t.skip('no older node on this machine');
  const box = sandbox();
  try {
    writeBaseLog(box);
    const r = spawnSync('/usr/bin/node', [cli, 'search', 'heap'], { env: box.env, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^handover search: search needs Node ≥ 22\.13/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    const extract = spawnSync('/usr/bin/node', [cli, 'extract', box.log, '--stats'], { env: box.env, encoding: 'utf8' });
    assert.equal(extract.status, 0, extract.stderr);
  } finally {
    box.cleanup();
  }
});

test('the snippet is cut around the match in a long record, prefix queries are marked whole', () => {
  const box = sandbox();
  try {
    const filler = 'lorem ipsum dolor sit amet '.repeat(40); // within the stored head + tail of a result
    writeFileSync(box.log, toolCallLine('t1', 'make') + toolResultLine('t1', `${filler} the gearbox overheated at step 41 ${filler}`));
    json(box, ['index']);
    const [hit] = json(box, ['search', 'gearbox']).hits;
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'), hit.snippet);
    assert.ok(hit.snippet.length < 260, `snippet is short: ${hit.snippet.length}`);
    assert.deepEqual(
      hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)),
      ['gearbox'],
    );
    const [prefix] = json(box, ['search', 'overheat*']).hits;
    assert.deepEqual(
      prefix.highlights.map(([s, e]) => prefix.snippet.slice(s, e)),
      ['overheated'],
    );
  } finally {
    box.cleanup();
  }
});
