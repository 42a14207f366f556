// resume-prompt.md v2 on real logs: invariants checked by code independent of the product's parser
// (a small JSON reader of its own), plus synthetic sessions for the truth of statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixturesDir, samplesDir } from '../support/paths.mjs';
import { ClaudeLog, CodexLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const HEADINGS = [
  '## What the user asked for',
  '## Where things stand',
  '## How we got here',
  '## What a summary would have lost',
  '## Modified files',
  '## Open tasks',
  '## Reasoning log',
  '## Earlier compaction summaries',
  '## Left out',
];

const jsonl = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(dir, f))
    : [];
// The public corpus (test/fixtures/real, see its README): every log, each built once here.
const realDir = join(fixturesDir, 'real');
const realLogs = existsSync(realDir)
  ? readdirSync(realDir)
      .filter((d) => !d.endsWith('.md'))
      .flatMap((d) => jsonl(join(realDir, d)))
  : [];
const LOGS = [...jsonl(join(samplesDir, 'claude-code')), ...jsonl(join(samplesDir, 'codex')), ...jsonl(join(fixturesDir, 'claude', 'generated')), ...realLogs];

function build(log, extra = []) {
  const home = scratchDir('ho-v2-home-');
  const workspace = scratchDir('ho-v2-ws-');
  const r = spawnSync(process.execPath, [cli, 'build', log, '--workspace', workspace, '--json', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: home },
  });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  const prompt = readFileSync(result.promptPath, 'utf8');
  const data = JSON.parse(readFileSync(join(result.dir, 'handover.json'), 'utf8'));
  return { prompt, data };
}

/** The text of one `## ` section (up to the next `## ` heading at the start of a line). */
function section(prompt, heading) {
  const at = prompt.indexOf(`\n${heading}\n`);
  if (at === -1) return '';
  const rest = prompt.slice(at + heading.length + 2);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}
function subsection(prompt, heading) {
  const gaps = section(prompt, '## What a summary would have lost');
  const at = gaps.indexOf(`${heading}\n`);
  if (at === -1) return '';
  const rest = gaps.slice(at + heading.length + 1);
  const end = rest.search(/\n### /);
  return end === -1 ? rest : rest.slice(0, end);
}
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * What the user typed, read without the product's reader: Claude Code user records that are not meta,
 * compaction summaries, subagent prompts or tool results; Codex user messages that are not injected
 * instructions or environment blocks. Wrapped texts (slash commands, IDE context, command output) are left out.
 */
function typedTexts(path) {
  const texts = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    const blocks = [];
    if (r.type === 'user' && !r.isMeta && !r.isCompactSummary && !r.isSidechain && r.message) {
      const c = r.message.content;
      if (typeof c === 'string') blocks.push(c);
      else if (Array.isArray(c)) for (const b of c) if (b && b.type === 'text' && typeof b.text === 'string') blocks.push(b.text);
    } else if (r.type === 'response_item' && r.payload?.type === 'message' && r.payload.role === 'user' && Array.isArray(r.payload.content)) {
      blocks.push(r.payload.content.map((b) => (typeof b?.text === 'string' ? b.text : '')).join('\n'));
    } else if (r.type === 'message' && r.role === 'user' && Array.isArray(r.content)) {
      // The oldest Codex rollouts hold bare response items, without the {type, payload} envelope.
      blocks.push(r.content.map((b) => (typeof b?.text === 'string' ? b.text : '')).join('\n'));
    }
    for (const raw of blocks) {
      let text = raw.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim();
      // Codex IDE extensions put the open tabs first; the typed words follow this marker.
      if (text.startsWith('# Context from my IDE setup'))
        text = text.includes('## My request for Codex:') ? text.slice(text.indexOf('## My request for Codex:') + 24).trim() : '';
      // A spec-kit prompt template quotes the user's words in a fenced block under `## User Input`.
      const quoted = /^#{1,3} User Input\s*\n+```[\w-]*\n([\s\S]*?)\n```/.exec(text);
      if (quoted) text = quoted[1].trim();
      if (
        !text ||
        text === '(no content)' || // Claude Code's placeholder for a message with nothing in it
        text.startsWith('<') ||
        text.startsWith('[Request interrupted') ||
        text.startsWith('Caveat:') ||
        text.startsWith('# AGENTS.md') ||
        text.startsWith('Another language model')
      )
        continue;
      texts.push(text);
    }
  }
  return texts;
}

const built = new Map();
const buildOnce = (log) => {
  if (!built.has(log)) built.set(log, build(log));
  return built.get(log);
};

test('the corpus for these invariants is there: samples, real CLI output and public logs', () => {
  assert.ok(LOGS.length >= 9, LOGS.join('\n'));
  assert.ok(realLogs.length >= 3, 'test/fixtures/real holds public logs');
});

for (const log of LOGS) {
  const name = log.split('/').slice(-2).join('/');

  test(`${name}: every typed message is in "What the user asked for", in order`, () => {
    const { prompt, data } = buildOnce(log);
    const asked = flat(section(prompt, '## What the user asked for'));
    const typed = typedTexts(log);
    let from = 0;
    for (const text of typed) {
      const head = flat(text).slice(0, 60);
      const at = asked.indexOf(head, 0);
      assert.ok(at >= 0, `missing from section 1: ${head}`);
      // In order: each message is found at or after an earlier one (a replay may point back: allowed).
      if (asked.indexOf(head, from) >= 0) from = asked.indexOf(head, from);
    }
    if (typed.length) assert.ok(data.conversation.messages.length >= new Set(typed.map(flat)).size, 'handover.json holds every message');
  });

  test(`${name}: the last request is substantive, never a slash command or a bare answer`, () => {
    const { prompt, data } = buildOnce(log);
    const m = /\*\*Last request\*\* \(log line (\d+)\): (.*)/.exec(prompt);
    if (!m) {
      assert.equal(data.conversation.lastRequest, undefined);
      return;
    }
    assert.doesNotMatch(m[2].trim(), /^\/\w|^(?:\d{1,2}|y|n|yes|no|ok)$/i);
    assert.equal(Number(m[1]), data.conversation.messages[data.conversation.lastRequest].line);
  });

  test(`${name}: headings in the agreed order; no section claims nothing while handover.json holds data`, () => {
    const { prompt, data } = buildOnce(log);
    let last = -1;
    for (const heading of HEADINGS) {
      const at = prompt.indexOf(`\n${heading}\n`);
      if (at === -1) continue;
      assert.ok(at > last, `${heading} out of order`);
      last = at;
    }
    // Our own words only: a quoted message (fenced) may say "(none)" itself (Codex's `/mcp` listing).
    const ownWords = prompt.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2\n/gm, '');
    const claim = /Nothing beyond the summary|The log shows no file changes|No task list was kept|\(none\)|^none$/im.exec(ownWords);
    assert.equal(claim, null, `a section claims nothing: ${claim?.[0]}`);
    if (data.modifiedFiles.length) assert.ok(prompt.includes('\n## Modified files\n'));
    if (data.openTasks.length) assert.ok(prompt.includes('\n## Open tasks\n'));
    if (data.conversation.messages.length) assert.ok(prompt.includes('\n## What the user asked for\n'));
    const leftOut = section(prompt, '## Left out');
    const named = {
      decisions: '### Decisions and their rationale',
      rejected: '### Rejected approaches and dead ends',
      refusals: "### The user's refusals and corrections",
    };
    for (const [analyst, heading] of Object.entries(named)) {
      if (!data.findings.some((f) => f.analyst === analyst)) continue;
      assert.ok(prompt.includes(`\n${heading}\n`) || leftOut.includes(heading.slice(4)), `${analyst} findings exist but neither shown nor named as left out`);
    }
    if (data.numbers.length) assert.ok(prompt.includes('\n### Measured numbers\n') || leftOut.includes('Measured numbers'));
  });

  test(`${name}: unresolved errors, files and tasks are never dropped; the prompt stays within its budget`, () => {
    const { prompt, data } = buildOnce(log);
    for (const f of data.findings.filter((f) => f.analyst === 'errors' && f.status === 'unresolved'))
      assert.ok(flat(prompt).includes(flat(f.title).slice(0, 80)), `unresolved error dropped: ${f.title}`);
    for (const f of data.modifiedFiles) assert.ok(prompt.includes(`\`${f.path}\``), `file dropped: ${f.path}`);
    for (const t of data.openTasks) assert.ok(flat(prompt).includes(flat(t.content).slice(0, 80)), `task dropped: ${t.content}`);
    assert.ok(
      data.stats.promptTokens > 0 && data.stats.promptTokens <= data.stats.budgetTokens,
      `${data.stats.promptTokens} tokens > budget ${data.stats.budgetTokens}`,
    );
  });

  test(`${name}: decisions are statements; numbers are measurements; constraints are the user's words`, () => {
    const { data } = buildOnce(log);
    for (const f of data.findings.filter((f) => f.analyst === 'decisions' && f.source === 'offline')) {
      assert.doesNotMatch(f.title, /:\s*$/, `a heading, not a decision: ${f.title}`);
      assert.doesNotMatch(f.title, /\?\s*$/, `a question, not a decision: ${f.title}`);
      assert.doesNotMatch(
        f.title,
        /^(?:(?:now|next|first|then|ok(?:ay)?|so),?\s+)*(?:let me|i'll (?:now )?(?:add|check|look|read|run|start|create|update|fix|write)|now i'll|i'm going to (?:add|check|look|read|run|start|create|update))\b/i,
        `an intention: ${f.title}`,
      );
    }
    for (const n of data.numbers) {
      assert.doesNotMatch(
        n.text,
        /\[\s*\d{1,3}%\s*\]|\(\d+\/\d+\)|^(?:remote: )?(?:Counting|Compressing|Receiving|Resolving|Writing) objects|^[+-]\s|^@@ |files? changed, \d+ insertion|create mode \d+|^\s*v?\d+\.\d+\.\d+\s*$/,
        `not a measurement: ${n.text}`,
      );
    }
    const typed = typedTexts(log).map(flat);
    for (const c of data.constraints)
      assert.ok(
        typed.some((t) => t.includes(flat(c.text).replace(/…$/, '').slice(0, 80))),
        `constraint not in the user's own words: ${c.text}`,
      );
    for (const c of data.constraints) assert.doesNotMatch(c.text, /\?\s*$/, `a question: ${c.text}`);
  });
}

test('an error the session went on from without running it again reads "Not re-run" with the step, after the errors still in the way', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('Run the migrations, then seed the database.');
  const missing = log.bash('npm run migrate', 'npm error Missing script: "migrate"', 1);
  log.bash('ls scripts', 'migrate.js\nseed.js');
  const instead = log.bash('node scripts/migrate.js', 'applied 3 migrations');
  const seed = log.bash(
    'node scripts/seed.js',
    'Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    1,
  );
  const { prompt, data } = build(log.write());
  const notRerun = data.findings.find((f) => f.analyst === 'errors' && f.title.includes('Missing script'));
  assert.equal(notRerun.status, 'unresolved');
  // `ls` only looked: the step is the first passing command that did something.
  assert.deepEqual(notRerun.wentOnWith && { line: notRerun.wentOnWith.line, what: notRerun.wentOnWith.what }, {
    line: instead.result.line,
    what: 'node scripts/migrate.js',
  });
  const stuck = data.findings.find((f) => f.analyst === 'errors' && f.title.includes('ECONNREFUSED'));
  assert.equal(stuck.status, 'unresolved');
  assert.equal(stuck.wentOnWith, undefined, 'nothing passed after the last command');
  const errors = subsection(prompt, '### Errors seen only in tool output');
  assert.match(
    errors,
    new RegExp(
      `- \\*\\*Not re-run:\\*\\* [^\\n]*Missing script[^\\n]*\\(log line ${missing.call.line}, ${missing.result.line}\\); the session went on with \`node scripts/migrate\\.js\` \\(log line ${instead.result.line}\\)`,
    ),
  );
  assert.match(errors, new RegExp(`- \\*\\*Unresolved:\\*\\* [^\\n]*ECONNREFUSED[^\\n]*\\(log line ${seed.call.line}`));
  assert.ok(errors.indexOf('**Unresolved:**') < errors.indexOf('**Not re-run:**'), 'errors still in the way first');
  // The timeline says the same.
  assert.match(section(prompt, '## How we got here'), new RegExp(`not re-run; the session went on \\(log line ${instead.result.line}\\)`));
});

test('a command family that failed and then passed is passing, and its error is Resolved', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('Make the cart total include tax and keep the tests green.');
  const fail = log.bash(
    'npm test 2>&1 | tail -20',
    " FAIL  src/cart.test.ts\n  ● cart › adds tax\n    TypeError: Cannot read properties of undefined (reading 'rate')\nTests: 1 failed, 11 passed, 12 total",
    1,
  );
  log.tool('Edit', { file_path: `${ws}/src/cart.ts`, old_string: 'tax.rate', new_string: 'tax?.rate ?? 0' }, 'ok');
  const pass = log.bash(`cd ${ws} && npm test`, 'Tests: 12 passed, 12 total');
  const lint = log.bash(
    'npx eslint src',
    "src/cart.ts\n  3:7  error  'x' is assigned a value but never used  no-unused-vars\n✖ 1 problem (1 error, 0 warnings)",
    1,
  );
  const { prompt, data } = build(log.write());
  const npm = data.status.checks.find((c) => c.family === 'npm test');
  assert.deepEqual({ outcome: npm.outcome, line: npm.line, runs: npm.runs }, { outcome: 'passing', line: pass.result.line, runs: 2 });
  assert.match(section(prompt, '## Where things stand'), new RegExp(`- \`npm test\`: passing \\(log line ${pass.result.line}\\)`));
  const eslint = data.status.checks.find((c) => c.family === 'eslint');
  assert.equal(eslint.outcome, 'failing');
  assert.match(section(prompt, '## Where things stand'), new RegExp(`- \`eslint\`: failing \\(log line ${lint.result.line}\\)`));
  const errors = subsection(prompt, '### Errors seen only in tool output');
  // (Quoted as tool output, issue 12.)
  assert.match(
    errors,
    /- Resolved: tool output: `+ TypeError: Cannot read properties of undefined \(reading 'rate'\)/,
    'the exception line, not the generic FAIL line',
  );
  assert.match(errors, new RegExp(`fixed by a later passing run \\(log line ${pass.result.line}\\)`));
  assert.doesNotMatch(errors, /\*\*Unresolved:\*\*[^\n]*reading 'rate'/, 'a fixed error is never printed unresolved');
  assert.match(errors, /\*\*Unresolved:\*\*[^\n]*no-unused-vars/);
  assert.ok(errors.indexOf('**Unresolved:**') < errors.indexOf('- Resolved:'), 'unresolved first');
  const err = data.findings.find((f) => f.analyst === 'errors' && f.title.includes("reading 'rate'"));
  assert.equal(err.status, 'resolved');
  assert.equal(err.citations[0].line, fail.call.line);
});

test('a missing test runner that later starts (to fail another way) reads "got past", never "a later passing run"', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('Run the tests.');
  log.bash('python -m pytest tests/ -v', 'C:\\Python314\\python.exe: No module named pytest', 1);
  log.bash('python -m pip install -r requirements-dev.txt', 'Successfully installed pytest-9.0.2');
  const rerun = log.bash(
    'python -m pytest tests/ -v',
    'platform win32 -- Python 3.14.0, pytest-9.0.2\nFAILED tests/test_redaction.py::test_slack_token - AssertionError\n1 failed, 31 passed',
    1,
  );
  const { prompt } = build(log.write());
  const errors = subsection(prompt, '### Errors seen only in tool output');
  assert.match(errors, new RegExp(`No module named pytest[^\\n]*the same command ran again and got past it \\(log line ${rerun.result.line}\\)`));
  assert.doesNotMatch(errors, /No module named pytest[^\n]*fixed by a later passing run/);
});

test('a failing test file is resolved by a passing run of that file; the suite passing at the end resolves the rest', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('Fix the parser tests.');
  log.bash(
    'python -m pytest -q',
    'FAILED tests/test_parser.py::test_dates - AssertionError: assert 1 == 2\nFAILED tests/test_lexer.py::test_unicode - UnicodeDecodeError: bad byte\n2 failed, 40 passed in 1.2s',
    1,
  );
  log.bash('pytest tests/test_parser.py -q', '5 passed in 0.3s');
  const { data } = build(log.write());
  const statuses = Object.fromEntries(data.findings.filter((f) => f.analyst === 'errors').map((f) => [f.title.slice(0, 60), f.status]));
  // (The lexer's failure is its own error: nothing ran test_lexer.py again, so it is not fixed.)
  assert.deepEqual(
    statuses,
    {
      'FAILED tests/test_parser.py::test_dates - AssertionError: as': 'resolved',
      'FAILED tests/test_lexer.py::test_unicode - UnicodeDecodeErro': 'unresolved',
    },
    JSON.stringify(statuses),
  );
  // Still failing at the end: the same family failing last stays unresolved.
  const log2 = new ClaudeLog(ws);
  log2.user('Fix it.');
  log2.bash('cargo test', 'test parse::dates ... FAILED\nerror: test failed, to rerun pass `--lib`', 101);
  log2.bash('cargo build', 'Finished dev [unoptimized] target(s) in 2.1s');
  log2.bash('cargo test 2>&1 | tail -5', 'test parse::dates ... FAILED\ntest result: FAILED. 9 passed; 1 failed', 101);
  const two = build(log2.write());
  const cargo = two.data.status.checks.find((c) => c.family === 'cargo test');
  assert.equal(cargo.outcome, 'failing');
  assert.deepEqual(cargo.failingTests, ['parse::dates']);
  assert.ok(two.data.findings.filter((f) => f.analyst === 'errors').every((f) => f.status === 'unresolved'));
  assert.match(two.prompt, /- `cargo test`: failing \(log line \d+\) — parse::dates/);
});

test("the user's refusals and corrections are their own section, in the user's words, never tool errors", () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('Publish the package.');
  log.bash(
    'npm publish',
    "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). To tell you how to proceed, the user said:\nbump the version first, we never republish 1.4.0",
    1,
  );
  log.bash('git push --force origin main', "The user doesn't want to proceed with this tool use. The tool use was rejected.", 1);
  log.push({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: '[Request interrupted by user for tool use]' }] } });
  log.user('no force pushes, open a PR instead');
  const { prompt, data } = build(log.write());
  const refusals = subsection(prompt, "### The user's refusals and corrections");
  assert.match(refusals, /"bump the version first, we never republish 1\.4\.0" — refused `npm publish`/);
  assert.match(refusals, /"no force pushes, open a PR instead" — refused `git push --force origin main`/);
  assert.ok(!data.findings.some((f) => f.analyst === 'errors' && /npm publish|git push/.test(`${f.title} ${f.command}`)), 'a refusal is not an error');
  assert.ok(!data.findings.some((f) => f.analyst === 'rejected' && /npm publish|git push/.test(f.title)));
});

test('replays are shown once; answers carry their question; a menu answer or /exit is never the last request', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  const request = 'Add CSV export to the reports page, streaming rows so big reports do not time out.';
  const first = log.user(request);
  log.text('Which delimiter should the export use?\n\n1. comma\n2. semicolon');
  const pick = log.user('2');
  log.user(request); // a 2.0.x replay of the same message under a new uuid
  log.user('/exit');
  const { prompt, data } = build(log.write());
  const asked = section(prompt, '## What the user asked for');
  assert.equal(asked.split(request).length - 1, 2, 'once in the list, once as the last request');
  assert.match(
    asked,
    new RegExp(`2\\. 2 — in reply to the agent's question: "Which delimiter should the export use\\? 1\\. comma 2\\. semicolon" \\(log line ${pick.line}\\)`),
  );
  assert.match(asked, new RegExp(`\\*\\*Last request\\*\\* \\(log line ${first.line}\\): ${request.replace(/[.]/g, '\\.')}`));
  assert.equal(data.conversation.messages.length, 3);
});

test('Codex: update_plan tasks and a pending call show where things stand', () => {
  const ws = scratchDir('ho-v2-');
  const log = new CodexLog(ws);
  log.user('Port the importer to streaming and benchmark it.');
  log.plan([
    { step: 'Stream the parser', status: 'completed' },
    { step: 'Benchmark', status: 'in_progress' },
  ]);
  log.exec('go test ./...', '--- FAIL: TestImport (0.01s)\n    import_test.go:12: got 3 rows, want 4\nFAIL', 1);
  log.text('The row count is off by one because the last line has no newline; fixing the scanner next.');
  const { prompt } = build(log.write());
  const status = section(prompt, '## Where things stand');
  assert.match(status, /- `go test`: failing \(log line \d+\) — TestImport/);
  assert.match(status, /\[~\] Benchmark \(in progress\)/);
  assert.match(status, /When the session stopped:\n- The agent's last words \(log line \d+\): The row count is off by one/);
});

test('how often an error failed is the handover’s own note, said outside the quoted tool output', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('lint it');
  log.bash('golangci-lint run ./...', 'level=error msg="Running error: context loading failed: no go files to analyze"', 5);
  log.bash('golangci-lint run ./...', 'level=error msg="Running error: context loading failed: no go files to analyze"', 5);
  log.tool('Write', { file_path: `${ws}/lint.yaml`, content: 'run: {}' }, 'File created successfully');
  const { prompt } = build(log.write());
  const line = prompt.split('\n').find((l) => l.includes('no go files to analyze') && l.startsWith('- **'));
  assert.match(line, /` \(failed 2 times\) — /, line);
  assert.doesNotMatch(line, /Failed 2 times/, line);
});

test('a command that exited 0 yet printed an error says both in the timeline; a passing test run printing an error on purpose says passed', () => {
  const ws = scratchDir('ho-v2-');
  const log = new ClaudeLog(ws);
  log.user('refresh the summary');
  log.bash('make serena-summarize', "codex mcp run serena summarize || true\nerror: unrecognized subcommand 'run'\n=> updated .serena/", 0);
  log.bash('npm test', '✔ logs a network error (2ms)\nError: network down\nℹ pass 1\nℹ fail 0', 0);
  const { prompt } = build(log.write());
  assert.match(prompt, /`make serena-summarize` exited 0 but printed tool output: ` error: unrecognized subcommand 'run' ` \(log line \d+\)/);
  assert.doesNotMatch(prompt, /`npm test` exited 0 but printed/);
  assert.match(prompt, /- `npm test`: passing \(log line \d+\)/);
});

test('a resolved error that failed in several places names the other failures beside its headline, briefly', () => {
  const ws = '/home/dev/api';
  const log = new ClaudeLog(ws);
  log.user('fix the failing tests');
  log.bash(
    'node --test 2>&1 | tail -n 30',
    '✖ returns 404 for an unknown id (15.0ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n  200 !== 404\n\n      at file:///home/dev/api/test/app.test.js:32:12\n✖ rejects an empty title (5.1ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n  201 !== 400\n\nℹ tests 6\nℹ pass 4\nℹ fail 2',
    1,
  );
  const pass = log.bash('node --test 2>&1 | tail -n 5', 'ℹ tests 6\nℹ pass 6\nℹ fail 0');
  const { prompt } = build(log.write());
  const errors = subsection(prompt, '### Errors seen only in tool output');
  assert.match(errors, new RegExp(`fixed by a later passing run \\(log line ${pass.result.line}\\)`));
  assert.match(errors, /200 !== 404/, errors);
  assert.match(errors, /201 !== 400/, errors);
  for (const line of errors.split('\n').filter((l) => l.startsWith('- Resolved:'))) assert.ok(line.length < 700, line);
});
