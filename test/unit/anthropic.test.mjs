// The Anthropic sub-agents against a scripted Messages API server, through the real SDK over real HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMessagesApiServer, toolUse, toolResultsOf } from '../support/messagesApiServer.mjs';
import { samplesDir } from '../support/paths.mjs';
import { writeCorpus } from '../fixtures/secrets/plantedSecrets.mjs';
import { loadAnthropicModule, offlineFindingsFor, PLANTED_SECRETS, writePlantedLog } from '../support/anthropicSupport.mjs';
import { scratchDir } from '../support/scratch.mjs';

// A private HANDOVER_HOME: search_log must not read or write the user's real search index.
process.env.HANDOVER_HOME = scratchDir('handover-home-');

let mod;
let dir;
let log;
let logLines;
let extractMarkdown;
const API_KEY = 'sk-ant-test-not-a-real-key';

// A real sample as the body of the log (the smallest with tool errors is enough; any would do).
const baseSample = readdirSync(join(samplesDir, 'claude-code'))
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => join(samplesDir, 'claude-code', f))
  .sort((a, b) => readFileSync(a).length - readFileSync(b).length)[2];

before(async () => {
  mod = await loadAnthropicModule();
  dir = mkdtempSync(join(tmpdir(), 'handover-anthropic-test-'));
  log = writePlantedLog(dir, { baseSample });
  logLines = readFileSync(log.path, 'utf8').split('\n');
  extractMarkdown = (await mod.extractLog(log.path)).markdown;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const lineText = (n) => {
  const out = [];
  const walk = (v) => (typeof v === 'string' ? out.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
  walk(JSON.parse(logLines[n - 1]));
  return out.join('\n').toLowerCase();
};

function report(findings) {
  return { content: [{ type: 'text', text: 'Reporting.' }, toolUse('report_findings', { findings })] };
}

function run(server, extra = {}) {
  return mod.analyzeWithAnthropic({
    logPath: log.path,
    extractMarkdown,
    offline: { findings: offlineFindingsFor(log.lines) },
    apiKey: API_KEY,
    baseURL: server.url,
    maxRetries: 0,
    deadlineMs: 5000,
    ...extra,
  });
}

const commonPrefixLength = (a, b) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

test('three sub-agents: staggered start, concurrent, one cached prefix, tools run against the log, citations validated, no secret sent', async () => {
  const L = log.lines;
  const searchCall = toolUse('search_log', { query: 'inflateReset2', limit: 10 });
  const readCall = toolUse('read_lines', { from: L.request, to: L.failingResult });
  const secretSearch = toolUse('search_log', { query: 'AKIA[A-Z0-9]{16}|ghp_|BEGIN RSA|sk_live|postgres://|REDACTED', regex: true });
  const failedCall = toolUse('list_tool_calls', { failed_only: true });
  const filesCall = toolUse('list_files_touched', {});
  const server = await startMessagesApiServer({
    minCacheableTokens: 0,
    defaultDelayMs: 60,
    scripts: {
      decisions: [
        { content: [{ type: 'text', text: 'Searching.' }, searchCall, readCall] },
        { content: [secretSearch] },
        report([
          {
            title: 'Pinned zlib-ng 2.1.6: the emscripten port lacks inflateReset2',
            detail: `Decided in thinking; the user key ${PLANTED_SECRETS[0].text} must not leak.`,
            citations: [{ line: L.decision }],
            importance: 5,
          },
          { title: 'Invented: the team chose Rust for the parser', detail: 'quantum chromodynamics lattice', citations: [{ line: L.decision }] },
          { title: 'Pinned zlib-ng 2.1.6', detail: 'inflateReset2', citations: [{ line: log.lineCount + 1000 }] },
        ]),
      ],
      errors: [
        { content: [failedCall] },
        report([
          {
            title: 'npm run build:wasm fails: wasm-ld undefined symbol inflateReset2',
            detail: 'Exit code 2, unresolved.',
            citations: [{ line: L.failingResult, quote: 'undefined symbol: inflateReset2' }, { line: 2 }],
          },
        ]),
      ],
      rejected: [
        { content: [filesCall] },
        report([
          {
            title: 'Linking the system zlib under emscripten was abandoned',
            detail: 'vendored zlib-ng instead; wasmShim.ts useSystemZlib',
            citations: [{ line: L.rejectedText }, { line: L.rejectedCall }],
          },
        ]),
      ],
    },
  });
  try {
    const result = await run(server);
    const ok = server.requests.filter((r) => r.status === 200);

    // Every analyst finished with its own model findings (no fallback).
    assert.deepEqual(
      result.usage.map((u) => [u.analyst, u.fallbackReason]),
      [
        ['decisions', undefined],
        ['errors', undefined],
        ['rejected', undefined],
      ],
    );
    assert.deepEqual(
      result.usage.map((u) => u.turns),
      [3, 2, 2],
    );

    // Staggered: errors and rejected start only after the first decisions response; then all overlap.
    const firstOf = (a) => server.requests.find((r) => r.analyst === a);
    assert.ok(firstOf('errors').startedAt >= firstOf('decisions').endedAt);
    assert.ok(firstOf('rejected').startedAt >= firstOf('decisions').endedAt);
    const span = (a) => {
      const rs = server.repliesFor(a);
      return [Math.min(...rs.map((r) => r.startedAt)), Math.max(...rs.map((r) => r.endedAt))];
    };
    for (const [a, b] of [
      ['decisions', 'errors'],
      ['decisions', 'rejected'],
      ['errors', 'rejected'],
    ]) {
      const [s1, e1] = span(a);
      const [s2, e2] = span(b);
      assert.ok(s1 < e2 && s2 < e1, `${a} and ${b} ran concurrently`);
    }

    // The three first requests are byte-identical up to the analyst's own instruction.
    const firsts = ['decisions', 'errors', 'rejected'].map(firstOf);
    const instructionAt = firsts[0].raw.indexOf('{"type":"text","text":"Analyst: decisions');
    assert.ok(instructionAt > 0);
    for (const other of firsts.slice(1)) assert.ok(commonPrefixLength(firsts[0].raw, other.raw) >= instructionAt, 'shared prefix byte for byte');
    const prefixOf = (r) => JSON.stringify([r.body.tools, r.body.system, r.body.messages[0].content.slice(0, -1)]);
    assert.equal(prefixOf(firsts[1]), prefixOf(firsts[0]));
    assert.equal(prefixOf(firsts[2]), prefixOf(firsts[0]));
    assert.ok(firsts[0].body.messages[0].content[0].text.includes(extractMarkdown.slice(0, 200).trim().slice(0, 80)), 'the extract is in the prefix');

    // Breakpoints: end of system prompt, end of the shared context; later turns add one on the newest block.
    for (const r of firsts) assert.deepEqual(r.breakpoints, ['system:0', 'user:0:1']);
    for (const r of ok.filter((r) => r.turn > 1)) {
      const last = r.body.messages.length - 1;
      assert.deepEqual(r.breakpoints, ['system:0', 'user:0:1', `user:${last}:${r.body.messages[last].content.length - 1}`]);
    }

    // Cache: the first request writes the prefix, the other two read all of it; later turns read their past.
    assert.ok(firsts[0].usage.cache_creation_input_tokens > 0);
    assert.equal(firsts[0].usage.cache_read_input_tokens, 0);
    for (const r of firsts.slice(1)) {
      assert.equal(r.usage.cache_read_input_tokens, firsts[0].usage.cache_creation_input_tokens);
      assert.equal(r.usage.cache_creation_input_tokens, 0);
    }
    for (const r of ok.filter((r) => r.turn === 2)) assert.equal(r.usage.cache_read_input_tokens, firsts[0].usage.cache_creation_input_tokens);
    const third = server.repliesFor('decisions')[2];
    assert.equal(
      third.usage.cache_read_input_tokens,
      server.repliesFor('decisions')[1].totalTokens - server.repliesFor('decisions')[1].usage.input_tokens,
      'turn 3 reads all turn 2 sent',
    );
    // Recorded usage equals what the server reported, per analyst.
    for (const u of result.usage) {
      const rs = server.repliesFor(u.analyst);
      assert.equal(
        u.cacheReadInputTokens,
        rs.reduce((n, r) => n + r.usage.cache_read_input_tokens, 0),
      );
      assert.equal(
        u.cacheCreationInputTokens,
        rs.reduce((n, r) => n + r.usage.cache_creation_input_tokens, 0),
      );
      assert.equal(
        u.inputTokens,
        rs.reduce((n, r) => n + r.usage.input_tokens, 0),
      );
      assert.equal(
        u.outputTokens,
        rs.reduce((n, r) => n + r.usage.output_tokens, 0),
      );
      assert.equal(u.model, mod.DEFAULT_ANTHROPIC_MODEL);
      assert.ok(u.estimatedCostUsd > 0 && u.wallMs > 0);
    }

    // The tools really ran against the log.
    const decisionsTurn2 = server.repliesFor('decisions')[1].body;
    const searched = JSON.parse(toolResultsOf(decisionsTurn2).get(searchCall.id));
    assert.ok(searched.total >= 2);
    for (const m of searched.matches) assert.ok(lineText(m.line).includes('inflatereset2'), `line ${m.line} holds the word`);
    const expectedLines = logLines.map((l, i) => (l.toLowerCase().includes('inflatereset2') ? i + 1 : 0)).filter(Boolean);
    assert.deepEqual([...new Set(searched.matches.map((m) => m.line))], expectedLines);
    const read = JSON.parse(toolResultsOf(decisionsTurn2).get(readCall.id));
    assert.deepEqual(
      read.lines.map((l) => l.line),
      Array.from({ length: L.failingResult - L.request + 1 }, (_, i) => L.request + i),
    );
    assert.match(JSON.stringify(read.lines.find((l) => l.line === L.request)), /Make the wasm build of the codec work/);
    assert.match(JSON.stringify(read.lines.find((l) => l.line === L.failingCall)), /npm run build:wasm/);

    const failed = JSON.parse(toolResultsOf(server.repliesFor('errors')[1].body).get(failedCall.id));
    const errorResultIds = new Set();
    for (const l of logLines.filter(Boolean)) {
      const r = JSON.parse(l);
      if (Array.isArray(r.message?.content)) for (const b of r.message.content) if (b.type === 'tool_result' && b.is_error) errorResultIds.add(b.tool_use_id);
    }
    const expectedFailed = [];
    logLines.forEach((l, i) => {
      if (!l) return;
      const r = JSON.parse(l);
      if (r.type === 'assistant' && Array.isArray(r.message?.content) && r.message.content.some((b) => b.type === 'tool_use' && errorResultIds.has(b.id)))
        expectedFailed.push(i + 1);
    });
    assert.ok(expectedFailed.length >= 1);
    assert.deepEqual(
      failed.calls.map((c) => c.line),
      expectedFailed,
    );
    const planted = failed.calls.find((c) => c.line === L.failingCall);
    assert.equal(planted.resultLine, L.failingResult);
    assert.equal(planted.exitCode, 2);

    const files = JSON.parse(toolResultsOf(server.repliesFor('rejected')[1].body).get(filesCall.id));
    const shim = files.files.find((f) => f.path === '/work/proj/src/codec/wasmShim.ts');
    assert.ok(shim && shim.tools.includes('Edit') && shim.firstLine === L.rejectedCall);

    // Citations: the ones that do not hold are gone, a finding left without any is gone.
    const model = result.findings.filter((f) => f.source === 'model');
    assert.deepEqual(
      model.map((f) => [f.analyst, f.title.slice(0, 30), f.citations.map((c) => c.line)]),
      [
        ['decisions', 'Pinned zlib-ng 2.1.6: the emsc', [L.decision]],
        ['errors', 'npm run build:wasm fails: wasm', [L.failingResult]],
        ['rejected', 'Linking the system zlib under ', [L.rejectedText, L.rejectedCall]],
      ],
    );
    for (const f of model) for (const c of f.citations) assert.equal(c.uuid, JSON.parse(logLines[c.line - 1]).uuid);
    // Offline findings on lines the model already cited are merged away; no fallback flags.
    assert.equal(result.findings.filter((f) => f.source === 'offline').length, 0);
    assert.ok(result.findings.every((f) => !f.fallback));

    // No planted secret reached the server, in any request; the finding that quoted one is redacted.
    const everything = server.requests.map((r) => r.raw).join('\n');
    for (const s of PLANTED_SECRETS) assert.ok(!everything.includes(s.needle), `secret from ${s.where} was sent`);
    assert.ok(everything.includes('[REDACTED:'), 'redaction markers show the secrets were there and cut');
    const secretHits = JSON.parse(toolResultsOf(server.repliesFor('decisions')[2].body).get(secretSearch.id));
    // The log is searched redacted: the secret-bearing lines are found by their markers, and sent redacted.
    assert.deepEqual(
      [...new Set(secretHits.matches.map((m) => m.line))].filter((l) => l > log.lineCount - 7),
      [L.request, L.decision, L.failingCall, L.failingResult, L.rejectedCall],
    );
    assert.ok(!JSON.stringify(result.findings).includes(PLANTED_SECRETS[0].needle));
    assert.ok(!everything.includes(API_KEY.slice(8)) || server.requests.every((r) => r.headers['x-api-key'] === API_KEY), 'the key travels only as the header');
  } finally {
    await server.close();
  }
});

test('fallback to offline findings on HTTP 500 and 429 after the SDK retries', async () => {
  const server = await startMessagesApiServer({
    minCacheableTokens: 0,
    scripts: {
      decisions: [report([{ title: 'Pinned zlib-ng 2.1.6 for inflateReset2', detail: 'thinking', citations: [{ line: log.lines.decision }] }])],
      errors: [{ status: 500 }],
      rejected: [{ status: 429, retryAfterMs: 5 }],
    },
  });
  try {
    const result = await run(server, { maxRetries: 1 });
    const byAnalyst = Object.fromEntries(result.usage.map((u) => [u.analyst, u]));
    assert.equal(byAnalyst.decisions.fallbackReason, undefined);
    assert.equal(byAnalyst.errors.fallbackReason, 'HTTP error (HTTP 500, after retries)');
    assert.equal(byAnalyst.rejected.fallbackReason, 'rate limited (HTTP 429, after retries)');
    // maxRetries 1: each failing analyst was tried twice.
    assert.equal(server.requests.filter((r) => r.analyst === 'errors').length, 2);
    assert.equal(server.requests.filter((r) => r.analyst === 'rejected').length, 2);
    const errors = result.findings.filter((f) => f.analyst === 'errors');
    assert.deepEqual(
      errors.map((f) => [f.title, f.source, f.fallback]),
      [['offline: build:wasm failed', 'offline', true]],
    );
    const rejected = result.findings.filter((f) => f.analyst === 'rejected');
    assert.deepEqual(
      rejected.map((f) => [f.title, f.fallback]),
      [['offline: system zlib abandoned', true]],
    );
    assert.equal(result.findings.find((f) => f.analyst === 'decisions').source, 'model');
  } finally {
    await server.close();
  }
});

test('fallback on the deadline, invalid JSON, 529 and a report that fails validation; the deadline holds', async () => {
  const server = await startMessagesApiServer({
    minCacheableTokens: 0,
    scripts: {
      decisions: [{ invalidJson: true }],
      errors: [{ hang: true }],
      rejected: [
        { content: [toolUse('search_log', { query: 'zlib' })] },
        report([{ title: 'Rust was chosen', detail: 'quantum chromodynamics', citations: [{ line: 3 }] }]),
      ],
    },
  });
  const overloaded = await startMessagesApiServer({ minCacheableTokens: 0, scripts: { default: [{ status: 529, retryAfterMs: 5 }] } });
  const malformed = await startMessagesApiServer({ minCacheableTokens: 0, scripts: { default: [report('not a list')] } });
  try {
    const t0 = performance.now();
    const result = await run(server, { deadlineMs: 700 });
    const elapsed = performance.now() - t0;
    assert.ok(elapsed < 1500, `returned ${Math.round(elapsed)} ms after a 700 ms deadline`);
    const reasons = Object.fromEntries(result.usage.map((u) => [u.analyst, u.fallbackReason]));
    assert.deepEqual(reasons, {
      decisions: 'invalid JSON in the API response',
      errors: 'deadline exceeded',
      rejected: 'invalid output: none of 1 finding(s) had a citation that holds',
    });
    assert.deepEqual(
      result.findings.map((f) => [f.analyst, f.source, f.fallback]),
      [
        ['decisions', 'offline', true],
        ['errors', 'offline', true],
        ['rejected', 'offline', true],
      ],
    );
    assert.equal(result.usage.find((u) => u.analyst === 'rejected').turns, 2);

    const busy = await run(overloaded, { maxRetries: 1 });
    assert.deepEqual(
      busy.usage.map((u) => u.fallbackReason),
      Array(3).fill('overloaded (HTTP 529, after retries)'),
    );
    assert.equal(overloaded.requests.length, 6);

    const bad = await run(malformed);
    assert.deepEqual(
      bad.usage.map((u) => u.fallbackReason),
      Array(3).fill('invalid output: report_findings input has no findings array'),
    );
    assert.ok(bad.findings.every((f) => f.fallback === true));
  } finally {
    await Promise.all([server.close(), overloaded.close(), malformed.close()]);
  }
});

test('tools: results are capped, bad arguments answer with an error, not an exception', async () => {
  const table = await mod.loadLogTable(log.path);
  const huge = await mod.runTool(table, 'search_log', { query: '"', regex: false, limit: 50 });
  assert.ok(Buffer.byteLength(huge.content) <= 12 * 1024);
  const badRegex = await mod.runTool(table, 'search_log', { query: '(', regex: true });
  assert.equal(badRegex.isError, true);
  assert.match(badRegex.content, /invalid regex/);
  const beyond = await mod.runTool(table, 'read_lines', { from: log.lineCount + 5, to: log.lineCount + 9 });
  assert.match(beyond.content, /the log has \d+ lines/);
  const unknown = await mod.runTool(table, 'rm_rf', {});
  assert.equal(unknown.isError, true);
  // Tool definitions are one constant: the same bytes every time they are sent.
  assert.deepEqual(
    mod.TOOL_DEFINITIONS.map((t) => t.name),
    ['search_log', 'read_lines', 'list_tool_calls', 'list_files_touched', 'report_findings'],
  );
  // Lines with no event (bookkeeping records) are shown raw, cut.
  const firstBare = logLines.findIndex((l, i) => l && table.eventsOnLine(i + 1).length === 0) + 1;
  assert.ok(firstBare > 0, 'the sample has bookkeeping lines');
  const bare = JSON.parse((await mod.runTool(table, 'read_lines', { from: firstBare, to: firstBare })).content);
  assert.equal(bare.lines[0].line, firstBare);
  assert.ok(bare.lines[0].raw.length > 20 && logLines[firstBare - 1].startsWith(bare.lines[0].raw.replace(/…$/, '')));
});

test('from the environment: key, base URL and model are taken from env; no key means offline with the reason', async () => {
  const offline = { findings: offlineFindingsFor(log.lines) };
  const none = await mod.analyzeWithAnthropicFromEnv({ logPath: log.path, extractMarkdown, offline, env: {} });
  assert.deepEqual(
    none.usage.map((u) => u.fallbackReason),
    Array(3).fill('ANTHROPIC_API_KEY is not set'),
  );
  assert.equal(none.findings.length, 3);
  assert.ok(none.findings.every((f) => f.fallback));

  const server = await startMessagesApiServer({ minCacheableTokens: 0, scripts: { default: [report([])] } });
  try {
    const env = {
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: server.url,
      HANDOVER_ANTHROPIC_MODEL: 'claude-test-model',
      ANTHROPIC_AUTH_TOKEN: 'must-not-be-sent',
    };
    const result = await mod.analyzeWithAnthropicFromEnv({ logPath: log.path, extractMarkdown, offline, env });
    assert.equal(server.requests.length, 3);
    for (const r of server.requests) {
      assert.equal(r.headers['x-api-key'], API_KEY);
      assert.equal(r.headers.authorization, undefined);
      assert.equal(r.body.model, 'claude-test-model');
    }
    // An empty report is a valid answer: the offline findings stay, as offline, not as a fallback.
    assert.deepEqual(
      result.usage.map((u) => [u.model, u.fallbackReason]),
      Array(3).fill(['claude-test-model', undefined]),
    );
    assert.deepEqual(
      result.findings.map((f) => [f.source, f.fallback]),
      Array(3).fill(['offline', undefined]),
    );
  } finally {
    await server.close();
  }
});

test('the planted-secrets corpus (Claude Code and Codex logs): nothing of it reaches the server, whatever the tools read', async () => {
  const corpusDir = mkdtempSync(join(tmpdir(), 'handover-anthropic-corpus-'));
  try {
    const { claudeLog, codexLog, secrets } = writeCorpus(corpusDir);
    for (const logPath of [claudeLog, codexLog]) {
      const lineCount = readFileSync(logPath, 'utf8').split('\n').filter(Boolean).length;
      // One analyst reads every line (8 a call, so no result hits the size cap; all calls in one turn); all search for secret-looking words and list calls and files.
      const look = {
        content: [
          toolUse('search_log', { query: 'password|secret|token|key|bearer|BEGIN|://', regex: true, limit: 50 }),
          toolUse('list_tool_calls', {}),
          toolUse('list_files_touched', {}),
        ],
      };
      const reads = [];
      for (let from = 1; from <= lineCount; from += 8) reads.push(toolUse('read_lines', { from, to: from + 7 }));
      const scripts = { decisions: [look, { content: reads }, report([])], default: [look, report([])] };
      const server = await startMessagesApiServer({ minCacheableTokens: 0, scripts });
      try {
        const extract = (await mod.extractLog(logPath)).markdown;
        const offline = {
          findings: [
            {
              analyst: 'errors',
              title: `offline title with ${secrets[0].value}`,
              detail: secrets[1].text,
              citations: [{ line: 1 }],
              source: 'offline',
              score: 5,
            },
          ],
        };
        const result = await mod.analyzeWithAnthropic({
          logPath,
          extractMarkdown: extract,
          offline,
          apiKey: API_KEY,
          baseURL: server.url,
          maxRetries: 0,
          deadlineMs: 8000,
        });
        assert.deepEqual(
          result.usage.map((u) => u.fallbackReason),
          [undefined, undefined, undefined],
          'every analyst ran to its report',
        );
        const sent = server.requests.map((r) => r.raw).join('\n');
        const readLines = server.requests.flatMap((r) => [...toolResultsOf(r.body).values()]).join('\n');
        assert.ok(readLines.includes('[REDACTED:'), 'the tools did read the secret-bearing lines');
        const shown = new Set(
          server.requests.flatMap((r) => [...toolResultsOf(r.body).values()]).flatMap((c) => JSON.parse(c).lines?.map((l) => l.line) ?? []),
        );
        assert.equal(shown.size, lineCount, 'every line of the log was sent through read_lines');
        for (const secret of secrets) {
          const escaped = JSON.stringify(secret.value).slice(1, -1);
          const probe = secret.value.length > 24 ? secret.value.slice(4, 24) : secret.value;
          assert.ok(!sent.includes(secret.value) && !sent.includes(escaped), `${secret.kind} secret reached the server`);
          assert.ok(!sent.includes(JSON.stringify(probe).slice(1, -1)), `part of a ${secret.kind} secret reached the server`);
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
});

test('a log that cannot be read: every analyst falls back, nothing is sent, nothing throws', async () => {
  const server = await startMessagesApiServer({ minCacheableTokens: 0 });
  try {
    const result = await mod.analyzeWithAnthropic({
      logPath: join(dir, 'missing.jsonl'),
      extractMarkdown,
      offline: { findings: offlineFindingsFor(log.lines) },
      apiKey: API_KEY,
      baseURL: server.url,
      maxRetries: 0,
    });
    assert.deepEqual(
      result.usage.map((u) => u.fallbackReason),
      Array(3).fill(`cannot read the log ${join(dir, 'missing.jsonl')}`),
    );
    assert.equal(server.requests.length, 0);
    assert.deepEqual(
      result.findings.map((f) => f.fallback),
      [true, true, true],
    );
  } finally {
    await server.close();
  }
});
