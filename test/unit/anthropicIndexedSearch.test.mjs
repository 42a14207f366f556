// search_log with a search index present: the same matches as the in-memory scan (the index only
// orders them), ranked by BM25, a busy index falls back with a note, and the sub-agents' tool results
// really come through the index. Everything in a temp HANDOVER_HOME.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMessagesApiServer, toolUse, toolResultsOf } from '../support/messagesApiServer.mjs';
import { samplesDir } from '../support/paths.mjs';
import { loadAnthropicModule, offlineFindingsFor, writePlantedLog } from '../support/anthropicSupport.mjs';

let mod;
let home;
let sessionDir;
let log;

const baseSample = readdirSync(join(samplesDir, 'claude-code'))
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => join(samplesDir, 'claude-code', f))
  .sort((a, b) => readFileSync(a).length - readFileSync(b).length)[3];

/** Indexes the whole archive, as `handover index` does. */
async function indexArchive() {
  const index = mod.openSearchIndex(home);
  try {
    return await mod.updateIndex(index, { sources: [{ kind: 'archive', dir: join(home, 'archive') }] });
  } finally {
    index.close();
  }
}

before(async () => {
  mod = await loadAnthropicModule();
  home = mkdtempSync(join(tmpdir(), 'handover-indexed-search-home-'));
  sessionDir = join(home, 'archive', 'session-under-test');
  mkdirSync(sessionDir, { recursive: true });
  log = writePlantedLog(sessionDir, { baseSample });
  const report = await indexArchive();
  assert.equal(report.added, 1, 'the archived log went into the index');
  assert.ok(report.unitsAdded > 20, JSON.stringify(report));
});
after(() => {
  rmSync(home, { recursive: true, force: true });
});

const search = async (table, input) => JSON.parse((await mod.runTool(table, 'search_log', { limit: 50, ...input })).content);
const keyOf = (m) => JSON.stringify([m.line, m.kind, m.tool ?? null, m.context]);

/** Words of the log with a moderate number of events holding them: real queries, not picked by hand. */
function vocabulary(table, count) {
  const holders = new Map();
  for (const event of table.events) {
    for (const word of new Set(event.text.toLowerCase().match(/[a-z][a-z0-9_]{4,}/g) ?? [])) holders.set(word, (holders.get(word) ?? 0) + 1);
  }
  const moderate = [...holders]
    .filter(([, n]) => n >= 2 && n <= 30)
    .map(([w]) => w)
    .sort();
  const step = Math.max(1, Math.floor(moderate.length / count));
  return moderate.filter((_, i) => i % step === 0).slice(0, count);
}

test('with an index, search_log finds exactly what the in-memory scan finds (only the order may differ)', async () => {
  const indexed = await mod.loadLogTable(log.path, { index: { home } });
  const plain = await mod.loadLogTable(log.path, { index: false });
  assert.ok(indexed.index, 'the index is picked up from the home');
  assert.equal(plain.index, undefined);

  const picked = vocabulary(plain, 12);
  assert.ok(picked.length >= 8, `enough vocabulary: ${picked}`);
  const queries = [
    'inflateReset2',
    'zlib-ng',
    'npm run build',
    'undefined symbol',
    'wasmShim useSystemZlib',
    'rror', // inside a word: the table finds it, the index alone would not
    'Exit code',
    'file_path', // a tool call's JSON key: only in the table's text
    'nothing-matches-this-qqq',
    ...picked,
    `${picked[0]} ${picked[1]}`,
  ];
  const kindSets = [undefined, ['user'], ['assistant-text'], ['thinking'], ['tool-call'], ['tool-result'], ['system']];
  let compared = 0;
  let nonEmpty = 0;
  for (const query of queries) {
    for (const kinds of kindSets) {
      const input = kinds ? { query, kinds } : { query };
      const fromIndex = await search(indexed, input);
      const fromMemory = await search(plain, input);
      assert.equal(fromIndex.source, 'index', `${query} ${kinds ?? ''}: ranked by the index`);
      assert.equal(fromMemory.source, undefined, 'no index, no source field: the result is what it always was');
      assert.equal(fromIndex.total, fromMemory.total, `${query} ${kinds ?? ''}: same total`);
      if (fromIndex.truncated || fromMemory.truncated || fromMemory.total > 50) continue;
      assert.deepEqual(fromIndex.matches.map(keyOf).sort(), fromMemory.matches.map(keyOf).sort(), `${query} ${kinds ?? ''}: same matches`);
      compared++;
      if (fromMemory.total > 0) nonEmpty++;
    }
  }
  assert.ok(compared >= 60, `compared ${compared} complete result sets`);
  assert.ok(nonEmpty >= 25, `${nonEmpty} of them non-empty`);

  // Regex queries and kinds the index does not hold stay on the in-memory path, untouched.
  const regex = await search(indexed, { query: 'inflate\\w+2', regex: true });
  assert.equal(regex.source, undefined);
  assert.ok(regex.total >= 2);
  const meta = await search(indexed, { query: 'claude', kinds: ['session-meta'] });
  assert.deepEqual(meta, await search(plain, { query: 'claude', kinds: ['session-meta'] }));
});

test('the index orders the matches: the best BM25 match first, where the scan keeps log order', async () => {
  const dir = join(home, 'archive', 'ranking-session');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'ranking.jsonl');
  const filler = Array.from({ length: 60 }, (_, i) => `paragraph ${i} about unrelated build plumbing and caches`).join('. ');
  let t = Date.parse('2026-03-02T10:00:00Z');
  const rec = (type, content, i) =>
    JSON.stringify({
      type,
      sessionId: 'ranking-session',
      uuid: `u${i}`,
      parentUuid: i ? `u${i - 1}` : null,
      cwd: '/p',
      timestamp: new Date((t += 1000)).toISOString(),
      message: { role: type, content },
    });
  const lines = [
    rec('user', `${filler}. Somewhere in here a zebracorn is mentioned once. ${filler}`, 0),
    rec('assistant', [{ type: 'text', text: 'Nothing to see.' }], 1),
    rec('user', 'zebracorn zebracorn zebracorn', 2),
  ];
  writeFileSync(path, lines.join('\n') + '\n');
  // Not indexed beforehand: loading the table brings this one log into the index.
  const indexed = await mod.loadLogTable(path, { index: { home } });
  const plain = await mod.loadLogTable(path, { index: false });
  const fromIndex = await search(indexed, { query: 'zebracorn' });
  const fromMemory = await search(plain, { query: 'zebracorn' });
  assert.equal(fromIndex.source, 'index');
  assert.deepEqual(
    fromMemory.matches.map((m) => m.line),
    [1, 3],
    'the scan: log order',
  );
  assert.deepEqual(
    fromIndex.matches.map((m) => m.line),
    [3, 1],
    'the index: the dense short record first',
  );
  // With limit 1 the index's choice is the one returned; the total still counts every match.
  const one = await search(indexed, { query: 'zebracorn', limit: 1 });
  assert.deepEqual([one.total, one.matches.map((m) => m.line)], [2, [3]]);
});

test('a busy index: the scan answers, same matches, and the result says why', async () => {
  const dir = join(home, 'archive', 'busy-session');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'busy.jsonl');
  copyFileSync(log.path, path); // new to the index: bringing it in needs the write lock
  const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite');
  const holder = new DatabaseSync(join(home, 'index.sqlite'));
  holder.exec('BEGIN IMMEDIATE');
  try {
    const indexed = await mod.loadLogTable(path, { index: { home, busyTimeoutMs: 50 } });
    const plain = await mod.loadLogTable(path, { index: false });
    const busy = await search(indexed, { query: 'inflateReset2' });
    assert.equal(busy.source, 'memory');
    assert.match(busy.note, /busy|locked/);
    assert.match(busy.note, /scanned the log in memory/);
    const fromMemory = await search(plain, { query: 'inflateReset2' });
    assert.deepEqual(busy.matches, fromMemory.matches);
    assert.equal(busy.total, fromMemory.total);
    holder.exec('COMMIT');
    // Once the lock is gone, the next call brings the log in and ranks with the index.
    const after = await search(indexed, { query: 'inflateReset2' });
    assert.equal(after.source, 'index');
    assert.deepEqual(after.matches.map(keyOf).sort(), fromMemory.matches.map(keyOf).sort());
  } finally {
    if (holder.isTransaction) holder.exec('ROLLBACK');
    holder.close();
  }
});

test('no index file: search_log is what it always was, and no index is created', async () => {
  const bare = mkdtempSync(join(tmpdir(), 'handover-indexed-search-bare-'));
  try {
    const table = await mod.loadLogTable(log.path, { index: { home: bare } });
    assert.equal(table.index, undefined);
    const result = await search(table, { query: 'inflateReset2' });
    assert.equal(result.source, undefined);
    assert.deepEqual(readdirSync(bare), []);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});

test('the sub-agents: search_log tool results come from the index, tool definitions unchanged', async () => {
  const searchCall = toolUse('search_log', { query: 'inflateReset2 zlib', limit: 10 });
  const regexCall = toolUse('search_log', { query: 'inflateReset\\d', regex: true });
  const report = (title, line) => ({ content: [toolUse('report_findings', { findings: [{ title, detail: title, citations: [{ line }] }] })] });
  const server = await startMessagesApiServer({
    minCacheableTokens: 0,
    scripts: {
      decisions: [{ content: [searchCall, regexCall] }, report('Pinned zlib-ng 2.1.6: the emscripten port lacks inflateReset2', log.lines.decision)],
      errors: [
        { content: [toolUse('search_log', { query: 'undefined symbol', kinds: ['tool-result'] })] },
        report('wasm-ld: undefined symbol inflateReset2', log.lines.failingResult),
      ],
      rejected: [report('Linking the system zlib under emscripten was abandoned; vendored zlib-ng', log.lines.rejectedText)],
    },
  });
  const previousHome = process.env.HANDOVER_HOME;
  process.env.HANDOVER_HOME = home; // what the builder's process has: the analysts find the index there
  try {
    const result = await mod.analyzeWithAnthropic({
      logPath: log.path,
      extractMarkdown: (await mod.extractLog(log.path)).markdown,
      offline: { findings: offlineFindingsFor(log.lines) },
      apiKey: 'sk-ant-test-not-a-real-key',
      baseURL: server.url,
      maxRetries: 0,
      deadlineMs: 5000,
    });
    assert.deepEqual(
      result.usage.map((u) => u.fallbackReason),
      [undefined, undefined, undefined],
    );
    const results = toolResultsOf(server.repliesFor('decisions')[1].body);
    const searched = JSON.parse(results.get(searchCall.id));
    assert.equal(searched.source, 'index');
    assert.ok(searched.total >= 1);
    assert.ok(searched.matches.every((m) => m.context.toLowerCase().includes('inflatereset2')));
    assert.equal(JSON.parse(results.get(regexCall.id)).source, undefined, 'a regex is scanned in memory');
    const errorsSearch = JSON.parse([...toolResultsOf(server.repliesFor('errors')[1].body).values()][0]);
    assert.equal(errorsSearch.source, 'index');
    assert.deepEqual([...new Set(errorsSearch.matches.map((m) => m.line))], [log.lines.failingResult]);
    // Byte-identical tool definitions for the three analysts, and the same as the module's constant.
    const firsts = ['decisions', 'errors', 'rejected'].map((a) => server.repliesFor(a)[0].body.tools);
    for (const tools of firsts) assert.equal(JSON.stringify(tools), JSON.stringify(firsts[0]));
    assert.equal(
      JSON.stringify(firsts[0].map((t) => ({ name: t.name, description: t.description, input_schema: t.input_schema }))),
      JSON.stringify(mod.TOOL_DEFINITIONS.map((t) => ({ name: t.name, description: t.description, input_schema: t.input_schema }))),
    );
  } finally {
    if (previousHome === undefined) delete process.env.HANDOVER_HOME;
    else process.env.HANDOVER_HOME = previousHome;
    await server.close();
  }
});
