// Every real public session log in test/fixtures/real/ (see its README.md: sources and licences) goes
// through what a new user would run: extract, build, verify, index, search. Invariants, not snapshots,
// checked by code that does not share the product's reader (test/support/independentReader.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cli, fixturesDir } from '../support/paths.mjs';
import { flat, probeOf, typedUserTexts } from '../support/independentReader.mjs';
import { scratchDir } from '../support/scratch.mjs';

// HANDOVER_CORPUS_DIR runs the same invariants over other logs (a folder of <source>/<log>.jsonl) by hand.
const corpusDir = process.env.HANDOVER_CORPUS_DIR || join(fixturesDir, 'real');

/** Main session logs: *.jsonl directly in each source folder (subagents/ and tool-results/ are read with them). */
function corpusLogs() {
  if (!existsSync(corpusDir)) return [];
  const logs = [];
  for (const folder of readdirSync(corpusDir).sort()) {
    const dir = join(corpusDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.jsonl') && statSync(join(dir, name)).isFile()) logs.push(join(dir, name));
  }
  return logs;
}

const root = scratchDir('handover-corpus-');
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, HOME: join(root, 'home'), HANDOVER_HOME: join(root, 'handover'), NO_COLOR: '1', HANDOVER_SEARCH_SOURCES: '' };
delete env.CLAUDE_CONFIG_DIR;
delete env.CODEX_HOME;
mkdirSync(env.HOME, { recursive: true });

function run(args, timeoutMs = 120_000) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** The budget the design gives a log of this size (independent of the product's own helper). */
const budgetFor = (logBytes) => Math.min(25_000, Math.max(8_000, Math.floor((logBytes / 3.5) * 0.02)));
const tokensOf = (text) => Math.ceil(Buffer.byteLength(text) / 3.5);

/** Claims of emptiness a prompt may only make when the data behind them is empty. */
const EMPTY_FINDINGS = /Nothing beyond the summary was found/;
const EMPTY_FILES = /The log shows no file changes/;

const logs = corpusLogs();
const built = [];

test(
  'the real-log corpus is there: at least 25 licensed logs, each folder with SOURCE.md and a licence',
  { skip: logs.length === 0 && 'test/fixtures/real is missing' },
  () => {
    assert.ok(logs.length >= 25, `${logs.length} logs`);
    for (const folder of new Set(logs.map((l) => join(l, '..')))) {
      assert.ok(existsSync(join(folder, 'SOURCE.md')), `${relative(corpusDir, folder)}: SOURCE.md`);
      assert.ok(
        readdirSync(folder).some((n) => /^(LICEN[CS]E|COPYING)/i.test(n)),
        `${relative(corpusDir, folder)}: licence text`,
      );
    }
  },
);

for (const log of logs) {
  const name = relative(corpusDir, log);
  test(`real log ${name}: extract, build and verify hold every invariant`, async () => {
    const ws = mkdtempSync(join(root, 'ws-'));
    const extractOut = join(ws, 'extract-check.md');
    const extract = await run(['extract', log, '--out', extractOut]);
    assert.equal(extract.code, 0, `extract: ${extract.stderr}`);
    assert.doesNotMatch(extract.stderr, /internal error|\n\s+at /, 'no stack trace');

    const build = await run(['build', log, '--workspace', ws, '--json']);
    assert.equal(build.code, 0, `build: ${build.stderr}`);
    assert.doesNotMatch(build.stderr, /internal error|\n\s+at /, 'no stack trace');
    const { dir } = JSON.parse(build.stdout);
    const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    const prompt = readFileSync(join(dir, 'resume-prompt.md'), 'utf8');
    const extractMd = flat(readFileSync(join(dir, 'extract.md'), 'utf8'));

    const verify = await run(['verify', dir]);
    assert.equal(verify.code, 0, `verify: ${verify.stdout}${verify.stderr}`);

    // Every text a person typed is in extract.md (a line of it, as the independent reader sees it).
    const missing = [];
    for (const { line, text } of typedUserTexts(log)) {
      const probe = probeOf(text);
      if (probe && !extractMd.includes(probe)) missing.push(`line ${line}: ${probe}`);
    }
    assert.deepEqual(missing, [], 'typed user text missing from extract.md');

    // Modified files: relative to the workspace, or absolute and then outside it; never this process's cwd.
    for (const file of data.modifiedFiles) {
      assert.ok(!file.path.includes('\\'), `canonical separators: ${file.path}`);
      assert.ok(!file.path.startsWith(ws) && !file.path.startsWith(process.cwd() + '/'), `no resolution against a local directory: ${file.path}`);
      assert.notEqual(file.path, '*', 'a glob is never a file named *');
    }

    assert.ok(tokensOf(prompt) <= budgetFor(statSync(log).size), `prompt ${tokensOf(prompt)} tokens > budget ${budgetFor(statSync(log).size)}`);
    if (data.findings.length) assert.doesNotMatch(prompt, EMPTY_FINDINGS, 'says nothing was found while handover.json holds findings');
    if (data.modifiedFiles.length) assert.doesNotMatch(prompt, EMPTY_FILES, 'says no file changes while handover.json holds files');
    // The summary says what the session began with (a text the user typed, as the independent reader
    // sees it) and, for every failing check, that it was failing at the end.
    const summary = data.summary.text;
    const began = /^Began with: (.+)$/m.exec(summary)?.[1];
    if (began) {
      const head = flat(began.replace(/…$/, '')).slice(0, 60);
      assert.ok(
        typedUserTexts(log).some(({ text }) => flat(text).includes(head)) || data.conversation.messages.some((m) => m.kind === 'delegated'),
        `summary's first request is not a typed text: ${head}`,
      );
    }
    for (const check of data.status.checks.filter((c) => c.outcome === 'failing').slice(0, 4))
      assert.ok(summary.includes(`\`${check.family}\` failing`), `summary misses failing ${check.family}`);
    built.push({ log, sessionId: data.sessionId, typed: typedUserTexts(log) });
  });
}

test('index then search finds a distinctive phrase of every built log in the top 5', { skip: logs.length === 0 && 'no corpus' }, async () => {
  assert.ok(built.length > 0, 'some logs were built');
  const index = await run(['index'], 600_000);
  assert.equal(index.code, 0, index.stderr);
  const misses = [];
  // What a person would type to find a session: three words that stood together in something they typed,
  // chosen among the rarest across the corpus (a shared prompt template's words match many sessions).
  const wordsOf = (text) => text.split(/\s+/).filter((w) => /^[\p{L}]{5,}$/u.test(w));
  const logsWith = new Map();
  for (const { typed } of built)
    for (const w of new Set(typed.flatMap((t) => wordsOf(t.text).map((x) => x.toLowerCase())))) logsWith.set(w, (logsWith.get(w) ?? 0) + 1);
  for (const { log, sessionId, typed } of built) {
    let best;
    for (const t of typed) {
      const words = wordsOf(t.text);
      for (let i = 0; i + 3 <= words.length; i++) {
        const window = words.slice(i, i + 3);
        const score = window.reduce((sum, w) => sum + logsWith.get(w.toLowerCase()), 0);
        if (!best || score < best.score) best = { score, window };
      }
    }
    if (!best) continue; // nothing typed that a person would search for
    const query = best.window.join(' ');
    const result = await run(['search', query, '--json', '--limit', '5', '--no-update']);
    assert.equal(result.code, 0, result.stderr);
    if (!result.stdout.includes(sessionId)) misses.push(`${relative(corpusDir, log)}: "${query}"`);
  }
  assert.deepEqual(misses, []);
});
