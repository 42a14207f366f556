// The precision fixes of issue 13, checked on the real corpus logs that showed each fault
// (test/fixtures/real; see test/fixtures/precision for the hand labels). What a test expects is read
// from the raw log by the code here, independent of the product's parser: which command a Codex
// `write_stdin` poll belongs to, which subagents are Claude Code's "Warmup" ones, what a question
// tool offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixturesDir, repoRoot } from '../support/paths.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { classifySentence, commandFamily, errorLines, measuredLines, isConstraint } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

const real = (dir) => {
  const folder = join(fixturesDir, 'real', dir);
  const file = readdirSync(folder).find((f) => f.endsWith('.jsonl'));
  return join(folder, file);
};
const records = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => (line.trim() ? JSON.parse(line) : undefined));

/** Builds one log and returns its handover.json. */
function build(path) {
  const home = scratchDir('handover-precision-');
  const ws = scratchDir('handover-precision-ws-');
  const result = spawnSync(process.execPath, [cli, 'build', path, '--workspace', ws, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, HANDOVER_HOME: join(home, 'handover') },
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(readFileSync(join(JSON.parse(result.stdout).dir, 'handover.json'), 'utf8'));
}

/**
 * For each line of a Codex rollout holding a tool's output: the command line that output belongs to.
 * A `write_stdin` poll's output belongs to the `exec_command` whose output said "Process running with
 * session ID N"; any other output to its own call.
 */
function codexCommandOfOutput(path) {
  const rows = records(path);
  const calls = new Map();
  const sessions = new Map();
  const byLine = new Map();
  rows.forEach((r, i) => {
    const p = r?.payload;
    if (p?.type === 'function_call') {
      const args = JSON.parse(p.arguments);
      calls.set(p.call_id, p.name === 'write_stdin' ? { poll: String(args.session_id) } : { cmd: args.cmd ?? args.command });
    } else if (p?.type === 'function_call_output') {
      const call = calls.get(p.call_id);
      const output = typeof p.output === 'string' ? p.output : JSON.stringify(p.output);
      const cmd = call?.poll !== undefined ? sessions.get(call.poll) : call?.cmd;
      const running = /Process running with session ID (\d+)/.exec(output);
      if (running && call?.cmd) sessions.set(running[1], call.cmd);
      byLine.set(i + 1, { cmd, output });
    }
  });
  return byLine;
}

test('Codex background commands: an error is resolved only by a later pass of the same check, read through write_stdin', () => {
  const path = real('ivanma9__ship__codex-0.114-compacted-item_completed');
  const data = build(path);
  const outputs = codexCommandOfOutput(path);
  const resolved = data.findings.filter((f) => f.analyst === 'errors' && f.status === 'resolved' && f.resolvedBy);
  assert.ok(resolved.length >= 5, 'the log has errors fixed later');
  let checked = 0;
  for (const error of resolved) {
    const failing = outputs.get(Math.max(...error.citations.map((c) => c.line)))?.cmd;
    const fixing = outputs.get(error.resolvedBy.line);
    if (!failing || !fixing?.cmd) continue;
    // The same tool (type-check, vitest) in the same package, and that run really passed.
    // (A vitest failure is also settled by the package's whole test suite passing: `pnpm test:coverage`.)
    for (const tool of ['type-check', 'vitest'])
      if (failing.includes(tool))
        assert.ok(
          fixing.cmd.includes(tool) || (tool === 'vitest' && /\btest(?::\w+)?\b/.test(fixing.cmd) && !/\.test\.\w+/.test(fixing.cmd)),
          `${error.title}: fixed by \`${fixing.cmd}\``,
        );
    const scope = /--filter (\S+)/.exec(failing)?.[1];
    if (scope) assert.ok(fixing.cmd.includes(scope), `${error.title}: fixed in another package by \`${fixing.cmd}\``);
    // A failure a whole re-run of the same tests no longer printed is settled by that run, which failed another way.
    if (/without this failure; it failed another way/.test(error.detail ?? ''))
      assert.ok(!fixing.output.includes(error.title.slice(0, 60)), `${error.title}: still printed at line ${error.resolvedBy.line}`);
    else assert.match(fixing.output, /Process exited with code 0/, `${error.title}: line ${error.resolvedBy.line} did not pass`);
    checked++;
  }
  assert.ok(checked >= 5, `checked ${checked} resolutions`);
});

test('a Codex command the user aborted resolves nothing', () => {
  const path = real('CodeGandee__llm-perf-opt__codex-0.50');
  const data = build(path);
  const outputs = codexCommandOfOutput(path);
  const aborted = [...outputs].filter(([, o]) => /^\s*aborted\b/.test(o.output)).map(([line]) => line);
  assert.ok(aborted.length > 0, 'the log has an aborted command');
  for (const f of data.findings) if (f.resolvedBy) assert.ok(!aborted.includes(f.resolvedBy.line), `${f.title} "resolved" by an aborted run`);
});

test('Claude Code "Warmup" subagents are not the session’s work', () => {
  const path = real('procrypto__Personal_AI_Infrastructure__cc-2.1.5-subagents');
  const folder = join(path.replace(/\.jsonl$/, ''), 'subagents');
  const warmups = readdirSync(folder).filter((f) => records(join(folder, f))[0]?.message?.content === 'Warmup');
  assert.ok(warmups.length > 0, 'the log has Warmup subagents');
  const data = build(path);
  const cited = JSON.stringify(data);
  for (const file of warmups) assert.ok(!cited.includes(`subagents/${file}`), `${file} is cited`);
});

test('PowerShell errors are named by their message, never by CategoryInfo / FullyQualifiedErrorId; its file reads are not measurements', () => {
  const data = build(real('MythologIQ__Zo-Qore__codex-0.65-vscode-compacted'));
  const errors = data.findings.filter((f) => f.analyst === 'errors');
  assert.ok(errors.length > 0);
  for (const e of errors) assert.doesNotMatch(e.title, /^\+ (?:CategoryInfo|FullyQualifiedErrorId)\b/, e.title);
  for (const n of data.numbers ?? []) assert.doesNotMatch(n.text, /\w="[^"]*"/, `markup read with Get-Content as a number: ${n.text}`);
  const ps = errorLines(
    "Get-Content : Cannot find path 'C:\\app\\a.tsx' because it does not exist.\r\nAt line:1 char:1\r\n+ Get-Content a.tsx\r\n+ ~~~~~~~~~~~\r\n    + CategoryInfo          : ObjectNotFound: (C:\\app\\a.tsx:String) [Get-Content], ItemNotFoundException\r\n    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\r\n",
  );
  assert.match(ps.best, /^Get-Content : Cannot find path/);
});

test('a program that could not start is resolved when the same thing runs another way (python3, an interpreter, after installing it)', () => {
  for (const [folder, title] of [
    ['bumpy-croc__ai-trading-bot__codex-0.46', 'bash: python: command not found'],
    ['hindermath__TinyCalc__codex-0.106', 'zsh:1: permission denied: ./scripts/list-skills.py'],
  ]) {
    const data = build(real(folder));
    const error = data.findings.find((f) => f.analyst === 'errors' && f.title === title);
    assert.ok(error, `${folder}: ${title}`);
    assert.equal(error.status, 'resolved', `${folder}: ${title}`);
  }
});

test('a Codex subagent’s "user" is the agent that spawned it: its task and updates are delegated, never the user’s constraints', () => {
  const path = real('ivanma9__ship__codex-0.114-compacted-item_completed');
  const spawned = new Set();
  for (const r of records(path)) {
    if (r?.payload?.type === 'function_call' && r.payload.name === 'spawn_agent') spawned.add(JSON.parse(r.payload.arguments).message.trim());
  }
  assert.ok(spawned.size > 0, 'the log spawns a subagent');
  const data = build(path);
  const messages = data.conversation.messages;
  const task = messages.find((m) => spawned.has(m.text.trim()));
  assert.ok(task, 'the spawn message is in the conversation');
  assert.equal(task.kind, 'delegated');
  const delegatedLines = new Set(messages.filter((m) => m.kind === 'delegated').map((m) => m.line));
  for (const c of data.constraints ?? []) assert.ok(!c.citations.some((at) => delegatedLines.has(at.line)), `constraint from the parent agent: ${c.text}`);
});

test('an answer typed instead of picking one of the offered options is not a decision', () => {
  const path = real('Smartagent-so__Personal_AI_Infrastructure__cc-2.0.58-two-compactions');
  const offered = [];
  for (const r of records(path)) {
    for (const block of Array.isArray(r?.message?.content) ? r.message.content : []) {
      if (block.type === 'tool_use' && block.name === 'AskUserQuestion') for (const q of block.input.questions ?? []) offered.push(q);
    }
  }
  assert.ok(offered.length > 0, 'the log asks questions');
  const data = build(path);
  for (const d of data.findings.filter((f) => f.analyst === 'decisions' && f.title.startsWith('Asked "'))) {
    const [, question, answer] = /^Asked "(.*)", the user chose "(.*)"\.$/s.exec(d.title) ?? [];
    const q = offered.find((o) => o.question.startsWith(question.replace(/…$/, '')));
    if (!q) continue;
    assert.ok(
      q.options.some((o) => answer.toLowerCase().startsWith(o.label.toLowerCase())),
      `"${answer}" is not one of ${q.options.map((o) => o.label).join(', ')}`,
    );
  }
});

test('every refusal carries the user’s own words, as they stand in the log', () => {
  for (const folder of ['maxnoobineating__UbuntuDevcontainer_Dotfiles__cc-2.1.158-four-compactions', 'Python-AI-Solutions__agentic-neurodata-conversion']) {
    const name = readdirSync(join(fixturesDir, 'real')).find((d) => d.startsWith(folder));
    const path = real(name);
    const raw = readFileSync(path, 'utf8');
    const data = build(path);
    for (const r of data.findings.filter((f) => f.analyst === 'refusals')) {
      assert.doesNotMatch(r.title, /without saying why/);
      assert.ok(raw.includes(JSON.stringify(r.title.replace(/…$/, '')).slice(1, -1).slice(0, 30)), `not the user's words: ${r.title}`);
    }
  }
});

test('package managers: a workspace filter names the check, `exec` runs the tool', () => {
  assert.equal(commandFamily('pnpm --filter @ship/web type-check').name, 'pnpm type-check (@ship/web)');
  assert.equal(commandFamily('pnpm --filter @ship/web type-check').kind, 'typecheck');
  const vitest = commandFamily('pnpm --filter @ship/web exec vitest run src/a.test.tsx');
  assert.equal(vitest.kind, 'test');
  assert.deepEqual(vitest.targets, ['src/a.test.tsx']);
  assert.notEqual(commandFamily('pnpm --filter=@x/api test').name, commandFamily('pnpm --filter=@x/web test').name);
  assert.equal(commandFamily('npm test').name, 'npm test');
});

test('numbers: ids, paths, HTTP statuses, source locations and markup are not measurements; real ones stay', () => {
  const noise = [
    'StatusCode        : 200',
    '❯ src/pages/Dashboard.coverage.test.tsx:244:3',
    'derivation evaluated to /nix/store/bdhvpz9a2mi67j965fn2hg3dbymjadnq-nix-shell.drv',
    '1498016002  Epub Files Viewer               (1.7)',
    '<div className="w-5 h-5">',
  ];
  for (const line of noise) assert.deepEqual(measuredLines(`header\n${line}\nfooter`), [], line);
  for (const line of [
    'Duration  981ms (transform 193ms, setup 123ms)',
    'Tests  455 passed (455)',
    'dist/cart.js 14.2 kB (gzip 4.61 kB)',
    'index build 27.0 MB/s',
  ])
    assert.ok(measuredLines(`header\n${line}\nfooter`).includes(line), line);
});

test('constraints: pasted terminal output and quoted words are not the user’s rules', () => {
  assert.equal(isConstraint('Do you remember the session last night - "I want to change the prefill kernel in kernel.py'), false);
  assert.equal(isConstraint('Keep the public API unchanged.'), true);
  // A user pasted `pixi install` and its error output: the error's "must be expressed as…" is pixi's, not theirs.
  const data = build(real('CodeGandee__llm-perf-opt__codex-0.50'));
  const pasted = readFileSync(real('CodeGandee__llm-perf-opt__codex-0.50'), 'utf8').includes('URL dependencies must be expressed');
  assert.ok(pasted, 'the log has the pasted error');
  for (const c of data.constraints ?? []) assert.doesNotMatch(c.text, /URL dependencies must be expressed/);
});

test('shapes seen on an unseen Codex log: progress lines never name a failure; a pasted spec and its fields set no rules', async () => {
  const { analyzeOffline } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
  const { CodexLog } = await import('../support/analysisLogs.mjs');
  const ws = scratchDir('handover-shapes-');
  const log = new CodexLog(ws);
  log.user('Here is the original spec:\n\n# Feature Specification: Startup\n\n**Status**: Draft\n\n- Must never use postgres for the embedded build.');
  log.exec('cargo test', '   Compiling hashbrown v0.15.5\n   Compiling serde v1.0.219\ncommand timed out after 10031 milliseconds', 124);
  log.exec('git branch | rg -e "^feature$"', 'Now using node v22.20.0 (npm v10.9.3)', 1);
  const a = await analyzeOffline(log.write(), { workspace: ws });
  assert.deepEqual(a.constraints, [], 'a pasted document’s lines are not the user’s rules');
  const errors = a.findings.filter((f) => f.analyst === 'errors');
  assert.ok(
    errors.some((e) => /timed out/.test(e.title)),
    errors.map((e) => e.title).join(' | '),
  );
  assert.ok(!errors.some((e) => /^Compiling|Now using node/.test(e.title)), errors.map((e) => e.title).join(' | '));
  assert.equal(isConstraint('- **SC-001**: The app must be ready within 30 seconds in 95% of launches.'), false);
});

/** Codex shell calls of a rollout, in order: the line of the call, its command line, its output's line, exit code. */
function codexShellRuns(path) {
  const rows = records(path);
  const calls = new Map();
  const runs = [];
  rows.forEach((r, i) => {
    const p = r?.payload ?? r;
    if (p?.type === 'function_call') {
      const args = JSON.parse(p.arguments);
      const command = Array.isArray(args.command) ? args.command.join(' ') : (args.command ?? args.cmd);
      calls.set(p.call_id, { callLine: i + 1, command });
    } else if (p?.type === 'function_call_output') {
      const call = calls.get(p.call_id);
      const output = typeof p.output === 'string' ? p.output : JSON.stringify(p.output);
      const exit = /^Exit code: (\d+)/m.exec(output)?.[1] ?? /"exit_code":(\d+)/.exec(output)?.[1];
      if (call) runs.push({ ...call, outputLine: i + 1, output, exit: exit === undefined ? undefined : Number(exit) });
    }
  });
  return runs;
}

test('grouped CLIs: `gh api` calls are told apart by endpoint; the command an error says to run fixes it when it passes', () => {
  const path = real('EdouardZemb__test-framework__codex-0.92-french-bmad');
  const runs = codexShellRuns(path);
  const data = build(path);
  const errors = data.findings.filter((f) => f.analyst === 'errors');
  // `gh auth status` said "run: gh auth login"; the first later `gh auth login` that exits 0 settles it.
  const notLoggedIn = runs.find((r) => r.command === 'gh auth status' && r.exit !== 0);
  const login = runs.find((r) => r.outputLine > notLoggedIn.outputLine && r.command.startsWith('gh auth login') && r.exit === 0);
  const loginError = errors.find((f) => f.title.startsWith('You are not logged into any GitHub hosts'));
  assert.equal(loginError?.status, 'resolved');
  assert.equal(loginError.resolvedBy.line, login.outputLine);
  // `gh api user/emails` failed for want of a scope and was never run again: other endpoints passing later fix nothing.
  const scope = runs.find((r) => r.command.startsWith('gh api user/emails') && r.exit !== 0);
  assert.ok(!runs.some((r) => r.outputLine > scope.outputLine && r.command.includes('user/emails') && r.exit === 0), 'the log never re-ran it');
  assert.ok(
    runs.some((r) => r.outputLine > scope.outputLine && r.command.startsWith('gh api repos/') && r.exit === 0),
    'other endpoints passed later',
  );
  const scopeError = errors.find((f) => f.title.includes('needs the "user" scope'));
  assert.equal(scopeError?.status, 'unresolved');
  // Calls of one group to different endpoints are not "replaced" approaches (a line the shell split at an
  // unquoted `&` ran something else and is left out here).
  const replacedGhApi = data.findings.filter((f) => f.analyst === 'rejected' && /^`gh api [^`&;|]*` failed[\s\S]*and was replaced by `gh api/.test(f.title));
  assert.deepEqual(
    replacedGhApi.map((f) => f.title),
    [],
  );
  const failedGhApiCalls = runs.filter(
    (r) =>
      /^gh api [^&;|]*$/.test(r.command) &&
      r.exit !== 0 &&
      runs.some((later) => later.outputLine > r.outputLine && later.command.startsWith('gh api') && later.exit === 0),
  );
  assert.ok(failedGhApiCalls.length >= 3, 'the log has gh api calls that failed before others passed');
});

test('a program the shell could not find is resolved when the agent’s own tool of that name then works (applypatch → apply_patch)', () => {
  const path = real('JaydenXsoe__ocodex__codex-legacy-record_type-long');
  const runs = codexShellRuns(path);
  const missing = runs.find((r) => /applypatch: command not found/.test(r.output));
  const patched = runs.find((r) => r.outputLine > missing.outputLine && r.command.startsWith('apply_patch') && r.exit === 0);
  const error = build(path).findings.find((f) => f.analyst === 'errors' && f.title.includes('applypatch: command not found'));
  assert.equal(error?.status, 'resolved');
  assert.equal(error.resolvedBy.line, patched.outputLine);
});

test('grouped CLI families: the endpoint or group names the call, a method flag’s value does not; brew and plain docker stay one word', () => {
  assert.equal(commandFamily('gh api -X PUT repos/o/r/vulnerability-alerts').name, commandFamily('gh api -i repos/o/r/vulnerability-alerts').name);
  assert.notEqual(commandFamily('gh api user/emails --jq .x').name, commandFamily('gh api repos/o/r/branches/main/protection').name);
  assert.equal(commandFamily('gh pr create --title x').name, 'gh pr create');
  assert.equal(commandFamily('docker compose -f a.yml up -d').name, 'docker compose up');
  assert.equal(commandFamily('docker build .').name, 'docker build');
  assert.equal(commandFamily("brew search --casks '^gather$|gather'").name, commandFamily('brew search gather').name);
});

test('held-out shapes (pass 7 and the 206-log sweep): progress and boilerplate are not measurements; a goal that already held is no error', () => {
  for (const line of [
    '#6 sha256:eb9824d7990580162dd96cf3c8e08c9e966ed8d819adbb6e065c3c5ab73d74b4 20.97MB / 43.12MB 1.4s',
    '#5 transferring context: 294.27kB 0.0s done',
    '231 packages are looking for funding',
    '(fail) SolarSystemRenderer > render > should update animation time [0.03ms]',
    '#define STATUS_SUCCESS  ((NTSTATUS)0x00000000L)',
    '"expected 55 lines: 1 title + 54 questions"',
    'Blog API returned: {"data":[],"pagination":{"page":1,"limit":5,"total":0,"pages":0}}',
    'plugin_moxa_dot1x            ff5634025 Remove Clippy scans for Rust library packages',
    'Downloads\\第9次中期経営計画 管理本部_v7.9.pptx',
  ])
    assert.deepEqual(measuredLines(line, 6, 'make check'), [], line);
  for (const line of ['added 479 packages, and audited 480 packages in 6s', 'Ran 89 tests across 4 files. [1.76s]', 'real 1m23.456s'])
    assert.deepEqual(measuredLines(line, 6, 'make check'), [line], line);

  // `rm README.md` failing with "No such file or directory": the file the agent wanted gone was gone.
  const path = real('natori-hrj__dotfiles__cc-2.0.76-japanese-nextjs-cloudrun');
  const missingRm = records(path).some((r) => JSON.stringify(r?.message?.content ?? '').includes('rm: README.md: No such file or directory'));
  assert.ok(missingRm, 'the log has the failed rm');
  const data = build(path);
  assert.ok(!data.findings.some((f) => f.analyst === 'errors' && /^rm: README\.md(?:\.bak)?: No such file/.test(f.title)));
  // Files written under app/[locale]/ and then removed from app/ were moved, not given up.
  assert.ok(!data.findings.some((f) => f.analyst === 'rejected' && /`app\/(?:layout|page)\.tsx` was created and later deleted/.test(f.title)));
});

test('held-out shapes: rules, choices and attempts need their author', () => {
  for (const s of [
    "no callable 'end' function found for type 'unknown'",
    'google-github-actions/auth failed with: the GitHub Action workflow must specify exactly one of "workload_identity_provider"',
    "figure out how to updagrade so we don't run into this issue agin",
    '还是不行，还是不能固定出生点1',
    '将 MiMo env 文件整理成下面结构，token 使用原文件里的值，不要替换成明文输出：',
    'We need even one signup to put effort in to this.',
  ])
    assert.equal(isConstraint(s), false, s);
  for (const s of ['We want to reuse postgres for audit persistence.', "don't touch the checkout flow", '不要修改数据库结构'])
    assert.equal(isConstraint(s), true, s);
  for (const [s, source] of [
    ['So the whole match is discarded.', 'assistant'],
    ['Both `DomainHelper.kt` and `StatementDaoChecked.kt` look like local debugging shortcuts that **must be reverted** before merging.', 'assistant'],
    ["The system reminder says this was intentional, so I shouldn't undo it unless asked.", 'thinking'],
    ['**Do you have a GitHub repository URL for this skill?** (like `https://github.com/...`)', 'assistant'],
    ['Now we have 3 `key_person_name` candidates instead of 21 (filtered out false positives).', 'assistant'],
    ['avant tou chose donne moi la situation en remote normale on a rien', 'user'],
  ])
    assert.equal(classifySentence(s, source), undefined, s);
  assert.equal(classifySentence("Tried the worker pool but it doesn't work with node:sqlite handles.", 'assistant').kind, 'rejected');
});

test('a command that failed to write a file is settled when that file is changed after it by other means (go get → go mod tidy)', () => {
  const path = real('pc-style__tui__cc-1.0.73-sidechain-compact');
  const rows = records(path);
  const bashAt = (i) => (rows[i]?.message?.content ?? []).find?.((b) => b.type === 'tool_use' && b.name === 'Bash')?.input?.command;
  const failedGet = rows.findIndex((_, i) => /^go get github\.com\/lrstanley\/bubbletint/.test(bashAt(i) ?? ''));
  const tidy = rows.findIndex((_, i) => i > failedGet && (bashAt(i) ?? '') === 'go mod tidy');
  assert.ok(failedGet > 0 && tidy > failedGet, 'the log has the failed go get and a later go mod tidy');
  const error = build(path).findings.find((f) => f.analyst === 'errors' && f.title.includes('bubbletint@v0.5.0: reading'));
  assert.equal(error?.status, 'resolved');
  assert.equal(error.resolvedBy.line, tidy + 1);
});

test('an error nothing ran again is "not re-run", with the passing step the session went on with; the same command failing another way later keeps it unresolved', () => {
  const path = real('Prometheus-AGS__prometheus-parking-lot-rs__codex-dev-build-ghost-snapshots');
  // From the raw rollout: each shell call's command line, and each output's line and exit code.
  const commandOfCall = new Map();
  const outputs = [];
  records(path).forEach((r, i) => {
    const p = r?.payload;
    if (p?.type === 'function_call') commandOfCall.set(p.call_id, String(JSON.parse(p.arguments).command ?? ''));
    if (p?.type === 'function_call_output') {
      const exit = /^Exit code: (-?\d+)/.exec(String(p.output));
      outputs.push({ line: i + 1, command: commandOfCall.get(p.call_id), exit: exit ? Number(exit[1]) : undefined });
    }
  });
  const exitAt = new Map(outputs.map((o) => [o.line, o.exit]));
  const errors = build(path).findings.filter((f) => f.analyst === 'errors' && f.status === 'unresolved');

  const notRerun = errors.filter((e) => e.wentOnWith);
  assert.ok(notRerun.length >= 1, 'the log has an error the session went on from');
  for (const e of notRerun) {
    const last = Math.max(...e.citations.map((c) => c.line));
    assert.ok(e.wentOnWith.line > last, `${e.title}: the step comes after the failure`);
    assert.equal(exitAt.get(e.wentOnWith.line), 0, `${e.title}: line ${e.wentOnWith.line} is a command that passed`);
    assert.match(e.detail, /Not re-run: nothing later ran `[^`]+` again; the session went on with `/);
  }
  // `cargo fmt` failed at two places, each with its own temp file: the first was re-run (and failed), so
  // it is unresolved with no step; the last one, with nothing passing after it, is unresolved too.
  const fmt = outputs.filter((o) => o.command === 'cargo fmt' && o.exit !== 0);
  assert.equal(fmt.length, 2);
  const first = errors.find((e) => e.citations.some((c) => c.line === fmt[0].line));
  assert.ok(first, 'the first cargo fmt failure is an unresolved error');
  assert.equal(first.wentOnWith, undefined);
  assert.match(first.detail, new RegExp(`\`cargo fmt\` ran again \\(log line ${fmt[1].line}\\) and never passed`));
  const lastRun = errors.find((e) => e.citations.some((c) => c.line === fmt[1].line));
  assert.equal(lastRun?.wentOnWith, undefined, 'nothing passed after the last failure');
});

test('a project runner is its tool: the last `uv run pytest` is how pytest stands, beside `python -m pytest` run before', () => {
  const path = real('teslamint__entirecontext__cc-2.1.232-korean-release-agent-team');
  // Independently of the product: the last Bash call that starts with a pytest run, and the line of its result.
  const lines = records(path);
  let callId;
  let resultLine;
  lines.forEach((r, i) => {
    for (const block of Array.isArray(r?.message?.content) ? r.message.content : []) {
      if (block.type === 'tool_use' && block.name === 'Bash' && /^(?:uv run )?(?:python3? -m )?pytest\b/.test(block.input?.command ?? '')) callId = block.id;
      if (block.type === 'tool_result' && block.tool_use_id === callId) resultLine = i + 1;
    }
  });
  assert.ok(resultLine, 'the log runs pytest');
  const data = build(path);
  const pytest = data.status.checks.filter((c) => c.kind === 'test');
  assert.deepEqual(
    pytest.map((c) => [c.family, c.line, c.outcome]),
    [['pytest', resultLine, 'passing']],
    JSON.stringify(data.status.checks),
  );
  assert.ok(
    data.status.checks.some((c) => c.family === 'ruff' && c.kind === 'lint'),
    'uv run ruff is a lint run',
  );
});
