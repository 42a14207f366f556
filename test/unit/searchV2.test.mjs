// Search v2 (issue 14) and the index's share of issue 12, through the real CLI over the real sample logs:
// text in the middle of long tool results, identifiers mixed with words, CJK substrings, the ranked-OR
// fallback, filters written in the query, hostile query text, one writer at a time, private files, the
// shared --json format, a contentless index. Invariants are checked against the raw log lines, read here
// with JSON.parse, independently of the product's reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { cli, repoRoot, samplesDir } from '../support/paths.mjs';
import { rng } from '../support/seededRandom.mjs';

// The search API as `npm run build` bundles it for tests (dist/test/searchApi.js).
const api = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'searchApi.js'));

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'handover-search2-'));
  const logs = join(root, 'logs', '-work-demo');
  const handoverHome = join(root, 'handover');
  mkdirSync(logs, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HOME: join(root, 'home'), HANDOVER_HOME: handoverHome, NO_COLOR: '1', HANDOVER_SEARCH_SOURCES: join(root, 'logs') };
  delete env.CLAUDE_CONFIG_DIR;
  delete env.CODEX_HOME;
  return { root, logs, handoverHome, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function run(box, args, extraEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { env: { ...box.env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(box, args) {
  const r = run(box, [...args, '--json']);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const search = (box, query, ...rest) => api.validateSearchResults(json(box, ['search', query, ...rest]));

const readRecords = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((l) => l.text.trim())
    .map((l) => {
      try {
        return { ...l, record: JSON.parse(l.text) };
      } catch {
        return undefined;
      }
    })
    .filter(Boolean);

/** Copies every real sample log into the sandbox (Claude Code and Codex). */
function copySamples(box) {
  for (const dir of ['claude-code', 'codex']) {
    for (const f of readdirSync(join(samplesDir, dir)).filter((n) => n.endsWith('.jsonl'))) copyFileSync(join(samplesDir, dir, f), join(box.logs, f));
  }
}

/** A real record of the samples, cloned, to carry our own text in a real log's shape. */
function realRecord(predicate) {
  for (const f of readdirSync(join(samplesDir, 'claude-code')).filter((n) => n.endsWith('.jsonl'))) {
    const found = readRecords(join(samplesDir, 'claude-code', f)).find((r) => predicate(r.record));
    if (found) return structuredClone(found.record);
  }
  throw new Error('no such record in the samples');
}

const SESSION = '7e1f0c2a-9b3d-4c5e-8f6a-1b2c3d4e5f60';
let clock = Date.parse('2026-01-05T09:00:00Z');
function shaped(template, sessionId = SESSION) {
  const r = structuredClone(template);
  r.sessionId = sessionId;
  r.uuid = `${sessionId.slice(0, 8)}-${clock}`;
  r.timestamp = new Date((clock += 61_000)).toISOString();
  return r;
}
const userTemplate = () => realRecord((r) => r.type === 'user' && typeof r.message?.content === 'string');
const resultTemplate = () => realRecord((r) => r.type === 'user' && Array.isArray(r.message?.content) && r.message.content[0]?.type === 'tool_result');
const assistantTemplate = () =>
  realRecord((r) => r.type === 'assistant' && Array.isArray(r.message?.content) && r.message.content.some((b) => b.type === 'text'));

function userLine(text, sessionId) {
  const r = shaped(userTemplate(), sessionId);
  r.message.content = text;
  return JSON.stringify(r) + '\n';
}
function resultLine(text, sessionId, isError = false) {
  const r = shaped(resultTemplate(), sessionId);
  r.message.content[0].content = text;
  r.message.content[0].is_error = isError;
  return JSON.stringify(r) + '\n';
}
function assistantLine(text, sessionId) {
  const r = shaped(assistantTemplate(), sessionId);
  r.message.content = [{ type: 'text', text }];
  return JSON.stringify(r) + '\n';
}

/** The raw record a hit points at, read here (not by the product). */
function rawLineOf(hit) {
  return readFileSync(hit.file, 'utf8').split('\n')[hit.line - 1];
}

test('two words from the middle of a ≥ 4.5 KB tool result of a real log are found (the whole text is indexed)', () => {
  const box = sandbox();
  try {
    copySamples(box);
    // Independently of the product: real tool results of ≥ 4.5 KB and a word pair from their middle,
    // beyond what the old index kept (its first 2 KB and last 1 KB).
    const picks = [];
    for (const f of readdirSync(box.logs)) {
      for (const { record } of readRecords(join(box.logs, f))) {
        const blocks = Array.isArray(record.message?.content) ? record.message.content : [];
        for (const b of blocks) {
          const text = typeof b.content === 'string' ? b.content : Array.isArray(b.content) ? b.content.map((c) => c.text ?? '').join('\n') : '';
          if (b.type !== 'tool_result' || text.length < 4500) continue;
          const middle = text.slice(2300, text.length - 1200);
          const pair = /\b([A-Za-z]{5,}) ([A-Za-z]{5,})\b/.exec(middle.slice(Math.floor(middle.length / 2)));
          if (pair) picks.push(pair[0]);
        }
      }
    }
    assert.ok(picks.length >= 3, `the samples hold long tool results (${picks.length})`);
    json(box, ['index']);
    for (const words of picks.slice(0, 6)) {
      const result = search(box, words, '--limit', '5');
      assert.equal(result.mode, 'all', words);
      const holder = result.hits.find((h) => {
        const raw = JSON.parse(rawLineOf(h));
        return JSON.stringify(raw).includes(words);
      });
      assert.ok(holder, `a top-5 hit's raw record holds "${words}"`);
      const marked = holder.highlights.map(([s, e]) => holder.snippet.slice(s, e).toLowerCase());
      assert.ok(
        marked.some((m) => words.toLowerCase().split(' ').includes(m)),
        `${words} marked in ${holder.snippet}`,
      );
    }
  } finally {
    box.cleanup();
  }
});

test('identifiers mixed with words: each identifier is a phrase of its words, ANDed with the rest', () => {
  const box = sandbox();
  try {
    copySamples(box);
    const log = join(box.logs, `${SESSION}.jsonl`);
    writeFileSync(
      log,
      userLine('the dev servers do not start from launch.json any more, can you check the compound config?') +
        resultLine(
          'Running scope as unit: run-u12.scope\nsystemd-nspawn: --bind-ro=/etc/resolv.conf given, but DNS lookups fail inside the container\n' +
            'x'.repeat(3000),
        ) +
        assistantLine('In infrahub_agent the field _config.read_only is set before the config is loaded, so the flag is lost.') +
        resultLine('E: Failed to fetch http://mirror.ox.ac.uk/debian/pool/main/c/curl.deb  404  Not Found [IP: 163.1.221.66 80]', SESSION, true),
    );
    json(box, ['index']);
    /** @type {Array<[string, number, string]>} */
    const cases = [
      ['launch.json dev servers', 1, 'user'],
      ['bind-ro=/etc/resolv.conf systemd-nspawn DNS', 2, 'tool-result'],
      ['infrahub_agent _config.read_only', 3, 'assistant'],
      ['mirror.ox.ac.uk 404', 4, 'tool-error'],
    ];
    for (const [query, line, kind] of cases) {
      const result = search(box, query);
      assert.equal(result.mode, 'all', query);
      assert.equal(result.hits[0]?.line, line, `${query}: ${JSON.stringify(result.hits[0])}`);
      assert.equal(result.hits[0].kind, kind);
      assert.equal(result.hits[0].file, log);
    }
    // A phrase part must stay a phrase: the words of an identifier apart do not match it.
    assert.equal(search(box, 'json.launch').hits.length, 0);
  } finally {
    box.cleanup();
  }
});

test('CJK: every substring of 2+ characters of a Chinese or Japanese message is found; Latin words still are', () => {
  const box = sandbox();
  try {
    const log = join(box.logs, `${SESSION}.jsonl`);
    const zh = '请检查资源调度模块的配置文件';
    const ja = 'この仕様参照先のリンクを更新してください';
    writeFileSync(log, userLine(`${zh}，谢谢 (kubernetes)`) + userLine(`${ja} README.md`) + assistantLine('API调用失败了 retry later'));
    json(box, ['index']);
    const substrings = (s) => {
      const out = [];
      const chars = [...s];
      for (let i = 0; i < chars.length; i++) for (let j = i + 2; j <= chars.length; j++) out.push(chars.slice(i, j).join(''));
      return out;
    };
    const index = api.openSearchIndex('', { path: join(box.handoverHome, 'index.sqlite') });
    try {
      for (const [text, line] of [
        [zh, 1],
        [ja, 2],
      ]) {
        for (const sub of substrings(text)) {
          const result = api.searchIndex(index, sub);
          assert.ok(
            result.hits.some((h) => h.line === line),
            `'${sub}' finds line ${line}`,
          );
          const hit = result.hits.find((h) => h.line === line);
          assert.ok(
            hit.highlights.some(([s, e]) => hit.snippet.slice(s, e) === sub),
            `'${sub}' is marked in ${hit.snippet}`,
          );
        }
      }
      assert.deepEqual(
        api.searchIndex(index, '资源调度').hits.map((h) => h.line),
        [1],
      );
      assert.deepEqual(
        api.searchIndex(index, '仕様参照先').hits.map((h) => h.line),
        [2],
      );
      assert.deepEqual(
        api.searchIndex(index, '调度 kubernetes').hits.map((h) => h.line),
        [1],
        'CJK with a Latin word',
      );
      assert.deepEqual(
        api.searchIndex(index, 'API调用').hits.map((h) => h.line),
        [3],
        'Latin run into CJK',
      );
      assert.equal(api.searchIndex(index, '调资').hits.length, 0, 'characters not adjacent in that order');
      assert.ok(
        api.searchIndex(index, '源').hits.some((h) => h.line === 1),
        'one character: a prefix of a bigram',
      );
    } finally {
      index.close();
    }
  } finally {
    box.cleanup();
  }
});

test('CJK in every script and block: Hangul jamo, halfwidth kana and the Han extensions become bigrams as well', async () => {
  const box = sandbox();
  try {
    // Every letter or digit of the CJK scripts, doubled ("cc"), as this test's own regex finds them.
    const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005\u3006]$/u;
    const wordChar = /^[\p{L}\p{N}]$/u;
    const chars = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (cjk.test(ch) && wordChar.test(ch)) chars.push(ch);
    }
    assert.ok(chars.length > 90_000, `${chars.length} CJK letters`);
    const log = join(box.logs, `${SESSION}.jsonl`);
    // Records whose only CJK is outside the common blocks (a pre-check once skipped them).
    const only = ['ㅋㅋㅋ lol', 'ｶﾀｶﾅﾃｽﾄ halfwidth', '\u{30000}\u{30001}\u{30002} extension G'];
    writeFileSync(log, userLine(`all of them: ${chars.map((c) => c + c).join(' ')} end`) + only.map((t) => userLine(t)).join(''));
    const index = api.openSearchIndex('', { path: join(box.root, 'index.sqlite') });
    try {
      await api.updateIndex(index, { files: [api.describeSourceFile({ kind: 'extra', dir: join(box.root, 'logs') }, log)] });
      index.db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row')");
      const terms = new Set(
        index.db
          .prepare('SELECT term FROM temp.vocab')
          .all()
          .map((r) => r.term),
      );
      const missing = chars.filter((c) => !terms.has((c + c).toLowerCase()));
      assert.deepEqual(missing.slice(0, 10), [], `${missing.length} characters were not made bigrams`);
      for (const [query, line] of [
        ['ㅋㅋ', 2],
        ['ｶﾀｶ', 3],
        ['ﾅﾃｽﾄ', 3],
        ['\u{30001}\u{30002}', 4],
      ]) {
        assert.ok(
          api.searchIndex(index, query).hits.some((h) => h.line === line),
          `'${query}' finds line ${line}`,
        );
      }
    } finally {
      index.close();
    }
  } finally {
    box.cleanup();
  }
});

test('AND first; when no record holds every term, ranked OR with the matched-term count', () => {
  const box = sandbox();
  try {
    copySamples(box);
    const log = join(box.logs, `${SESSION}.jsonl`);
    writeFileSync(
      log,
      userLine('add a weather widget: the user picks a city, we store it in the config file') +
        assistantLine('Weather now reads the city from config; location auto detect is next.'),
    );
    json(box, ['index']);
    const all = search(box, 'weather city');
    assert.equal(all.mode, 'all');
    assert.deepEqual(
      all.hits.filter((h) => h.file === log).map((h) => h.matchedTerms),
      [2, 2],
    );
    const query = 'weather city config file auto detect location';
    const any = search(box, query);
    assert.equal(any.mode, 'any');
    assert.equal(any.terms.length, 7);
    assert.ok(any.notes.some((n) => /no record holds all 7 terms/.test(n)));
    const top = any.hits[0];
    assert.equal(top.file, log, JSON.stringify(any.hits.slice(0, 3)));
    // The count, checked here on the raw record's text.
    const raw = JSON.parse(rawLineOf(top));
    const text = (typeof raw.message.content === 'string' ? raw.message.content : raw.message.content.map((b) => b.text).join(' ')).toLowerCase();
    const expected = query.split(' ').filter((w) => new RegExp(`\\b${w}\\b`).test(text)).length;
    assert.equal(top.matchedTerms, expected);
    assert.ok(any.hits.every((h, i) => i === 0 || h.matchedTerms <= any.hits[0].matchedTerms));
    const text2 = run(box, ['search', query, '--no-update']);
    assert.equal(text2.code, 0);
    assert.match(text2.stdout, new RegExp(`${expected}/7 terms`));
    assert.match(text2.stdout, /none holds all/);
  } finally {
    box.cleanup();
  }
});

test('quoted phrases, -exclude, kind: and session: in the query; a ) cannot escape the kind filter', () => {
  const box = sandbox();
  try {
    const other = 'c0ffee00-1111-4222-8333-444455556666';
    writeFileSync(
      join(box.logs, `${SESSION}.jsonl`),
      userLine('the gearbox rattles at low speed') +
        resultLine('gearbox test failed: torque sensor timeout', SESSION, true) +
        assistantLine('the gearbox torque map is fine'),
    );
    writeFileSync(join(box.logs, `${other}.jsonl`), userLine('gearbox rattles again in the other project', other));
    json(box, ['index']);
    assert.deepEqual(
      search(box, 'gearbox kind:tool-error').hits.map((h) => h.line),
      [2],
    );
    assert.deepEqual(
      search(box, 'gearbox kind:user,assistant')
        .hits.map((h) => h.kind)
        .sort(),
      ['assistant', 'user', 'user'],
    );
    assert.deepEqual(
      search(box, `gearbox session:${other.slice(0, 8)}`).hits.map((h) => h.sessionId),
      [other],
    );
    assert.deepEqual(
      search(box, '"gearbox rattles at"').hits.map((h) => h.line),
      [1],
    );
    assert.equal(search(box, '"rattles gearbox"').hits.length, 0, 'a phrase keeps its order');
    assert.deepEqual(
      search(box, 'gearbox -torque -again').hits.map((h) => h.line),
      [1],
    );
    // Hostile: the old query text closed the column filter with `)` and widened the kind filter.
    for (const q of ['gearbox) OR tags:(k1', 'gearbox)) OR (torque', 'text:gearbox OR tags:k5 OR k4']) {
      const result = search(box, q, '--kind', 'tool-error');
      assert.ok(
        result.hits.every((h) => h.kind === 'tool-error'),
        `${q}: ${result.hits.map((h) => h.kind)}`,
      );
    }
    const unknown = search(box, 'gearbox kind:bogus');
    assert.ok(unknown.notes.some((n) => /unknown kind 'bogus'/.test(n)));
    assert.equal(unknown.hits.length, 3 + 1);
    // Diversity: with several sessions matching, the first hits are from different sessions.
    const mixed = search(box, 'gearbox');
    assert.notEqual(mixed.hits[0].sessionId, mixed.hits[1].sessionId);
  } finally {
    box.cleanup();
  }
});

test("hostile query text never throws, and the parser's work is bounded whatever the input (no clock)", () => {
  const box = sandbox();
  try {
    copySamples(box);
    json(box, ['index']);
    const index = api.openSearchIndex('', { path: join(box.handoverHome, 'index.sqlite') });
    try {
      const random = rng(1234);
      const alphabet = [
        '"',
        ')',
        '(',
        '*',
        '-',
        ':',
        '^',
        'NEAR',
        'AND',
        'OR',
        'NOT',
        'text',
        'tags',
        'k1',
        '{',
        '}',
        '+',
        ' ',
        ' ',
        '\u0000',
        '\n',
        '资源',
        'é',
        'kind:',
        'session:',
        'error',
        'the',
        '\\',
        "'",
        '.',
        '/',
        '_',
        '\u200b',
        '🙂',
      ];
      const bound = (q) => 4 * Math.min(q.length, api.MAX_QUERY_CHARS) + 64 * api.MAX_TERMS;
      for (let i = 0; i < 400; i++) {
        let q = '';
        const n = 1 + Math.floor(random() * 30);
        for (let j = 0; j < n; j++) q += alphabet[Math.floor(random() * alphabet.length)];
        const parsed = api.parseQuery(q);
        assert.ok(parsed.work <= bound(q), `work ${parsed.work} for ${JSON.stringify(q)}`);
        const result = api.searchIndex(index, q, { limit: 5 });
        api.validateSearchResults(result);
      }
      // The audit's 8,000 repeated words (50 s before): bounded terms, bounded work.
      const long = Array.from({ length: 8000 }, (_, i) => `word${i % 50} the error`).join(' ');
      const parsed = api.parseQuery(long);
      assert.ok(parsed.terms.length <= api.MAX_TERMS);
      assert.ok(parsed.work <= bound(long), `work ${parsed.work}`);
      assert.ok(parsed.notes.length >= 1);
      api.validateSearchResults(api.searchIndex(index, long));
      const repeated = api.parseQuery('error '.repeat(8000));
      assert.equal(repeated.terms.length, 1, 'repeats are one term (and the cut falls between words)');
      for (const q of ['', '   ', '""', '-', '-"', '*', '"*', 'kind:', 'session:', ')))', '\u0000']) {
        const result = api.searchIndex(index, q);
        assert.equal(result.mode, 'none', JSON.stringify(q));
      }
      assert.throws(() => api.searchIndex(index, 'x', { since: 'yesterday-ish' }), /is not a date/);
    } finally {
      index.close();
    }
  } finally {
    box.cleanup();
  }
});

test('one transaction over many logs writes its terms out once: no statement makes FTS5 flush per log', async () => {
  const box = sandbox();
  try {
    const logs = 40;
    for (let i = 0; i < logs; i++) {
      const session = `${SESSION.slice(0, -2)}${String(i).padStart(2, '0')}`;
      writeFileSync(join(box.logs, `${session}.jsonl`), userLine(`log ${i} mentions the walrus`, session) + assistantLine(`noted walrus ${i}`, session));
    }
    const index = api.openSearchIndex('', { path: join(box.root, 'index.sqlite') });
    try {
      // Merges off, so every segment written stays visible: one per flush of FTS5's pending terms.
      index.db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 0); INSERT INTO fts (fts, rank) VALUES ('crisismerge', 100000);");
      const dataRows = () => index.db.prepare('SELECT count(*) AS n FROM fts_data').get().n;
      const before = dataRows();
      const report = await api.updateIndex(index, { sources: [{ kind: 'extra', dir: join(box.root, 'logs') }], worker: false, groupMs: 60_000 });
      assert.equal(report.added, logs);
      assert.equal(api.searchIndex(index, 'walrus', { limit: 100 }).hits.length, 2 * logs);
      // One segment of these few terms is a couple of rows; a segment per log would be ≥ 40.
      assert.ok(dataRows() - before <= 4, `${dataRows() - before} rows of FTS5 data for ${logs} small logs`);
    } finally {
      index.close();
    }
  } finally {
    box.cleanup();
  }
});

test('five parallel `handover index` after appends: one writer at a time, every record once, none failing', async () => {
  const box = sandbox();
  try {
    copySamples(box);
    const logs = readdirSync(box.logs).map((f) => join(box.logs, f));
    // Fresh home: five first runs at once (the old code failed with UNIQUE constraint failed: files.path).
    const runAll = () =>
      Promise.all(
        Array.from(
          { length: 5 },
          () =>
            new Promise((resolve) => {
              const child = spawn(process.execPath, [cli, 'index', '--json'], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
              let stderr = '';
              child.stderr.on('data', (d) => (stderr += d));
              child.on('close', (code) => resolve({ code, stderr }));
            }),
        ),
      );
    const unitCount = () => {
      const index = api.openSearchIndex('', { path: join(box.handoverHome, 'index.sqlite') });
      try {
        const units = index.db.prepare('SELECT count(*) AS n FROM units').get().n;
        const distinct = index.db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT file_id, line, part FROM units)').get().n;
        const files = index.db.prepare('SELECT count(*) AS n FROM files').get().n;
        return { units, distinct, files };
      } finally {
        index.close();
      }
    };
    for (const r of await runAll()) assert.equal(r.code, 0, r.stderr);
    for (let round = 0; round < 2; round++) {
      const random = rng(77 + round);
      for (const log of logs.filter((l) => !l.includes('rollout-'))) {
        // (Claude Code records: the Codex rollout is left as it is.) The log's own session, so the records are the log's (not copies of one another's).
        const sessionId = readRecords(log).find((r) => r.record.sessionId ?? r.record.payload?.id)?.record;
        let lines = '';
        for (let i = 0; i < 4; i++)
          lines += userLine(`appended round ${round} note ${Math.floor(random() * 1e6)} for ${log.slice(-12)}`, sessionId.sessionId ?? sessionId.payload.id);
        appendFileSync(log, lines);
      }
      for (const r of await runAll()) assert.equal(r.code, 0, r.stderr);
    }
    const raced = unitCount();
    // What one process alone makes of the same logs, in a fresh home.
    const alone = { ...box, env: { ...box.env, HANDOVER_HOME: join(box.root, 'alone') }, handoverHome: join(box.root, 'alone') };
    json(alone, ['index']);
    const index = api.openSearchIndex('', { path: join(alone.handoverHome, 'index.sqlite') });
    const single = index.db.prepare('SELECT count(*) AS n FROM units').get().n;
    index.close();
    assert.equal(raced.units, raced.distinct);
    assert.equal(raced.units, single, 'every record once');
    assert.equal(raced.files, logs.length);
    assert.equal(search(box, 'appended round note', '--limit', '1000').hits.length, (logs.length - 1) * 8);
  } finally {
    box.cleanup();
  }
});

test('readers never wait for a writer: search answers while another process holds the write lock', async () => {
  const box = sandbox();
  try {
    writeFileSync(join(box.logs, `${SESSION}.jsonl`), userLine('the capybara escaped the enclosure'));
    json(box, ['index']);
    appendFileSync(join(box.logs, `${SESSION}.jsonl`), userLine('a second capybara sighting'));
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const {DatabaseSync}=require('node:sqlite');const d=new DatabaseSync(${JSON.stringify(join(box.handoverHome, 'index.sqlite'))});d.exec('BEGIN IMMEDIATE');d.exec("INSERT INTO meta VALUES('held','1')");console.log('locked');setTimeout(()=>{},20000)`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      // A reader that waited for the lock would give up after the busy timeout with exit 2.
      const env = { HANDOVER_BUSY_TIMEOUT_MS: '20000' };
      const noUpdate = run(box, ['search', 'capybara', '--no-update', '--json'], env);
      assert.equal(noUpdate.code, 0, noUpdate.stderr);
      assert.equal(JSON.parse(noUpdate.stdout).hits.length, 1, 'what the index held before the writer');
      const show = run(box, ['show', `${SESSION}:1`], env);
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /capybara escaped/);
    } finally {
      holder.kill();
    }
  } finally {
    box.cleanup();
  }
});

test('a big update reads in worker threads while it writes: the index is the same as one read inline, with one or two readers', async () => {
  const box = sandbox();
  try {
    copySamples(box);
    writeFileSync(
      join(box.logs, `${SESSION}.jsonl`),
      userLine('请检查资源调度模块') + resultLine(`${'long output line\n'.repeat(3000)}middle marker words\n`, SESSION, true),
    );
    const dump = async (path, worker, workerThreads, chunkBytes) => {
      const index = api.openSearchIndex('', { path });
      try {
        const stats = {};
        const report = await api.updateIndex(index, {
          sources: [{ kind: 'extra', dir: join(box.root, 'logs') }],
          worker,
          workerThreads,
          chunkBytes,
          batchUnits: 40,
          groupMs: 5,
          stats,
        });
        index.db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row')");
        return {
          report: { added: report.added, unitsAdded: report.unitsAdded, problems: report.problems },
          readInWorker: report.readInWorker,
          chunksRead: stats.chunksRead,
          units: index.db
            .prepare('SELECT f.path, u.line, u.part, u.offset, u.kind, u.ts FROM units u JOIN files f ON f.id = u.file_id ORDER BY f.path, u.line, u.part')
            .all()
            .map((r) => ({ ...r })),
          vocab: index.db
            .prepare('SELECT term, doc, cnt FROM temp.vocab')
            .all()
            .map((r) => ({ ...r })),
          files: index.db
            .prepare('SELECT path, indexed_offset, next_line, session_id, project, agent FROM files ORDER BY path')
            .all()
            .map((r) => ({ ...r })),
        };
      } finally {
        index.close();
      }
    };
    const inline = await dump(join(box.root, 'inline.sqlite'), false);
    assert.ok(inline.units.length > 500);
    assert.equal(inline.readInWorker, 0);
    for (const threads of [1, 2]) {
      const threaded = await dump(join(box.root, `worker${threads}.sqlite`), true, threads);
      assert.equal(threaded.readInWorker, threaded.files.length, 'every log was read by a worker');
      assert.deepEqual({ ...threaded, readInWorker: 0, chunksRead: 0 }, { ...inline, chunksRead: 0 });
    }
    // Long Claude Code logs read in chunks (here of 2 KB, so most logs are cut in several) by both
    // threads: the same units, terms, line numbers and per-log state as read whole, inline.
    const claudeBytes = readdirSync(box.logs)
      .filter((n) => n.endsWith('.jsonl'))
      .reduce((sum, n) => sum + statSync(join(box.logs, n)).size, 0);
    const chunked = await dump(join(box.root, 'chunked.sqlite'), true, 2, 2048);
    assert.ok(
      chunked.chunksRead > chunked.files.length + claudeBytes / 4096,
      `logs were cut in chunks (${chunked.chunksRead} requests for ${chunked.files.length} logs)`,
    );
    assert.deepEqual({ ...chunked, readInWorker: 0, chunksRead: 0 }, { ...inline, chunksRead: 0 });
  } finally {
    box.cleanup();
  }
});

test('the index file is created 0600 and its folder 0700; a looser index file is tightened', () => {
  const box = sandbox();
  try {
    writeFileSync(join(box.logs, `${SESSION}.jsonl`), userLine('private words'));
    json(box, ['index']);
    assert.equal(statSync(box.handoverHome).mode & 0o777, 0o700);
    for (const name of readdirSync(box.handoverHome).filter((n) => n.startsWith('index.sqlite'))) {
      assert.equal(statSync(join(box.handoverHome, name)).mode & 0o777, 0o600, name);
    }
    spawnSync('chmod', ['0644', join(box.handoverHome, 'index.sqlite')]);
    json(box, ['search', 'private']);
    assert.equal(statSync(join(box.handoverHome, 'index.sqlite')).mode & 0o777, 0o600);
  } finally {
    box.cleanup();
  }
});

test('an index of an older format is rebuilt automatically, said once on stderr', () => {
  const box = sandbox();
  try {
    writeFileSync(join(box.logs, `${SESSION}.jsonl`), userLine('the pelican migrates'));
    json(box, ['index']);
    const path = join(box.handoverHome, 'index.sqlite');
    const index = api.openSearchIndex('', { path });
    index.db.exec("UPDATE meta SET value = '2' WHERE key = 'schema'");
    index.close();
    const first = run(box, ['search', 'pelican']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /search index format changed \(v2 → v4\); rebuilding/);
    assert.match(first.stdout, /\[pelican\]/);
    const second = run(box, ['search', 'pelican']);
    assert.doesNotMatch(second.stderr, /format changed/);
  } finally {
    box.cleanup();
  }
});

test('the index holds terms, not text: snippets come from the raw log; the --json format validates', () => {
  const box = sandbox();
  try {
    const sentence = 'Quokka marmalade stratosphere unveils bicycle harmonica';
    writeFileSync(
      join(box.logs, `${SESSION}.jsonl`),
      userLine(`${sentence}.`) + resultLine(`${'filler line\n'.repeat(400)}${sentence}\n${'more filler\n'.repeat(400)}`),
    );
    json(box, ['index']);
    const bytes = Buffer.concat(
      readdirSync(box.handoverHome)
        .filter((n) => n.startsWith('index.sqlite'))
        .map((n) => readFileSync(join(box.handoverHome, n))),
    );
    assert.equal(bytes.indexOf('marmalade stratosphere'), -1, 'no stored copy of the text');
    assert.equal(bytes.indexOf('Quokka marmalade'), -1);
    const result = search(box, 'stratosphere harmonica');
    assert.equal(result.schema, api.SEARCH_RESULTS_SCHEMA);
    assert.equal(result.version, api.SEARCH_RESULTS_VERSION);
    assert.equal(result.hits.length, 2);
    for (const hit of result.hits) assert.ok(hit.snippet.includes('stratosphere unveils bicycle harmonica'), hit.snippet);
    assert.throws(() => api.validateSearchResults({ ...result, version: 99 }), /version/);
    // A long output: the snippet is cut from a window around the match, redacted like the rest.
    const key = 'sk-ant-api03-' + 'Qx9'.repeat(20);
    appendFileSync(
      join(box.logs, `${SESSION}.jsonl`),
      resultLine(`${'noise line\n'.repeat(12_000)}the flywheel key ${key} was used\n${'noise line\n'.repeat(12_000)}`),
    );
    json(box, ['index']);
    const [long] = search(box, 'flywheel').hits;
    assert.match(long.snippet, /flywheel key \[REDACTED:/);
    assert.ok(!long.snippet.includes('Qx9Qx9'));
    assert.throws(() => api.validateSearchResults({ ...result, hits: [{ ...result.hits[0], highlights: [[5, 999]] }] }), /highlights/);
    assert.throws(() => api.parseSearchResults('{"hits":[]}'), /schema/);
  } finally {
    box.cleanup();
  }
});
