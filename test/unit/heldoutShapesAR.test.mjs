// Shapes of wrong statuses found on bench:facts (the four left from earlier sessions and one a change here broke), each
// turned into a general rule and checked on a log of the same shape built with the real record formats, with the
// neighbour that must stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, repoRoot } from '../support/paths.mjs';
import { analyse, errorsOf } from '../support/analyseLog.mjs';
import { ClaudeLog, CodexLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { analyzeSession, classifySentence, errorLines, failingTestNames, isConstraint, measuredLines } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

const ITALIAN_RUN = (rows) =>
  `${rows.join('\n')}\njava.lang.reflect.InvocationTargetException\n\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\nCaused by: java.lang.ArithmeticException: Rounding necessary\n\tat java.base/java.math.BigDecimal.commonNeedIncrement(BigDecimal.java:4717)\n\tat it.fatture.Riga.imponibile(Riga.java:31)\n\tat it.fatture.TestFattura.testQuantitaTreDecimali(TestFattura.java:40)\nEseguiti 37 test in 72 ms: 35 superati, 2 falliti`;

test('a harness’s rows in its own language name its failing tests: each failure its own error, settled by its `OK` row', async (t) => {
  assert.deepEqual(
    failingTestNames(
      ITALIAN_RUN([
        'OK      TestRiga.testImponibile01',
        'FALLITO TestFattura.testBolloVirtuale: atteso <2.00> ma era <0.00>',
        'FALLITO TestFattura.testQuantitaTreDecimali: eccezione',
      ]),
    ),
    ['TestFattura.testBolloVirtuale', 'TestFattura.testQuantitaTreDecimali'],
  );
  // (Passing rows and prose name nothing.)
  assert.deepEqual(failingTestNames('OK      TestRiga.testImponibile01\nSUPERATO TestFattura.testIva\nFEHLER beim Lesen der Datei'), []);

  const log = new ClaudeLog('/home/dev/fatture');
  log.user('sistema i test');
  log.bash(
    'sh build.sh 2>&1 | grep -v "^OK"',
    ITALIAN_RUN(['FALLITO TestFattura.testBolloVirtuale: atteso <2.00> ma era <0.00>', 'FALLITO TestFattura.testQuantitaTreDecimali: eccezione']),
    1,
  );
  log.bash(
    'sh build.sh 2>&1 | tail -n 3',
    'OK      TestFattura.testQuantitaTreDecimali\nOK      TestFattura.testTotaleIva\nEseguiti 37 test in 70 ms: 36 superati, 1 falliti',
    1,
  );
  const errors = errorsOf(await analyse(log, t));
  const rounding = errors.find((e) => e.title.includes('Rounding necessary'));
  const bollo = errors.find((e) => e.title.includes('testBolloVirtuale'));
  assert.equal(rounding?.status, 'resolved', errors.map((e) => `${e.title}: ${e.status}`).join('\n'));
  assert.ok(bollo, 'the other failing test is its own error');
  assert.notEqual(bollo.status, 'resolved', 'its test still fails: no OK row names it');
});

test('a Rust test’s panic is named by its thread; a doc test’s by its crate’s Doc-tests header, settled when that section passes', async (t) => {
  const run =
    "     Running tests/ring.rs (target/debug/deps/ring-85760000cea2a856)\nthread 'max_forgets_evicted' (23944) panicked at tests/ring.rs:34:5:\n  left: Some(9.0)\n right: Some(2.0)\ntest result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n   Doc-tests ringstat\nthread 'main' (24074) panicked at src/lib.rs:13:1:\n  left: Some(3.0)\n right: Some(2.0)\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.10s";
  assert.deepEqual(failingTestNames(run), ['max_forgets_evicted', 'Doc-tests ringstat']);

  const log = new ClaudeLog('/home/dev/ringstat');
  log.user('fix the doc test, leave max_forgets_evicted alone');
  log.bash('cargo test --no-fail-fast 2>&1 | grep -E "Running|Doc-tests|test result|panicked|left:|right:"', run, 0);
  log.bash(
    'cargo test --no-fail-fast 2>&1 | grep -E "Running|Doc-tests|test result"',
    '     Running tests/ring.rs (target/debug/deps/ring-85760000cea2a856)\ntest result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n   Doc-tests ringstat\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.12s',
    0,
  );
  const errors = errorsOf(await analyse(log, t));
  const doc = errors.find((e) => e.title.includes('src/lib.rs:13:1'));
  const ring = errors.find((e) => e.title.includes('tests/ring.rs:34:5'));
  assert.equal(doc?.status, 'resolved', errors.map((e) => `${e.title}: ${e.status}`).join('\n'));
  assert.notEqual(ring?.status, 'resolved', 'its test binary still fails');
});

test('pytest’s whole closing summary that no longer names an exception settles it, though `grep` cut its test’s name', async (t) => {
  const summary = (rows, tally) => `=========================== short test summary info ============================\n${rows.join('\n')}\n${tally}`;
  const log = new ClaudeLog('/home/dev/userstats');
  log.user('make the loader read the mobile export');
  log.bash(
    'python3 -m pytest -q 2>&1 | grep -E "^E |passed|failed"',
    "E       AssertionError: assert {'screen_name': 'Home'} == {'screenName': 'Home'}\nE       ValueError: day is out of range for month\n2 failed, 4 passed in 0.60s",
    0,
  );
  log.bash(
    'python3 -m pytest -q 2>&1 | tail -n 4',
    `userstats/loader.py:10: ValueError\n${summary(['FAILED tests/test_rollup.py::test_weekly_counts - ValueError: day is out of r...'], '1 failed, 5 passed in 0.61s')}`,
    1,
  );
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.find((e) => e.title.startsWith('AssertionError'))?.status, 'resolved', errors.map((e) => `${e.title}: ${e.status}`).join('\n'));
  assert.notEqual(errors.find((e) => e.title.startsWith('ValueError'))?.status, 'resolved');

  // (A summary missing a row its tally counts proves nothing.)
  const cut = new ClaudeLog('/home/dev/userstats');
  cut.user('make the loader read the mobile export');
  cut.bash(
    'python3 -m pytest -q 2>&1 | grep -E "^E |passed|failed"',
    'E       AssertionError: assert 3 == 4\nE       ValueError: day is out of range for month\n2 failed, 4 passed in 0.60s',
    0,
  );
  cut.bash(
    'python3 -m pytest -q 2>&1 | tail -n 3',
    summary(['FAILED tests/test_rollup.py::test_weekly_counts - ValueError: day is out of r...'], '2 failed, 4 passed in 0.61s'),
    1,
  );
  assert.notEqual(errorsOf(await analyse(cut, t)).find((e) => e.title.startsWith('AssertionError'))?.status, 'resolved');
});

test('a run narrowed to another workspace does not run a failure again: its closing list settles nothing of it', async (t) => {
  const log = new ClaudeLog('/home/dev/shop');
  log.user('fix the tests');
  log.bash(
    'npm test --workspaces 2>&1 | grep -v duration_ms',
    "> @acme/invoice@1.9.0 test\n✖ totals the sample invoice (45.08ms)\nℹ tests 2\nℹ pass 1\nℹ fail 1\n\n✖ failing tests:\n\n✖ totals the sample invoice (45.08ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n  + '€149.98'\n  - '€149.99'\n\n> @acme/money@2.4.0 test\n✖ splits 1000 cents in 3 parts (1.40ms)\nℹ tests 5\nℹ pass 4\nℹ fail 1\n\n✖ failing tests:\n\n✖ splits 1000 cents in 3 parts (1.40ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n  - 334,\n  + 333",
    1,
  );
  log.bash(
    'npm test -w @acme/money 2>&1 | grep -v "^ *at "',
    '> @acme/money@2.4.0 test\n✖ splits 1000 cents in 3 parts (0.93ms)\nℹ tests 5\nℹ pass 4\nℹ fail 1\n\n✖ failing tests:\n\n✖ splits 1000 cents in 3 parts (0.93ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n  + 334,\n  - 333',
    1,
  );
  const errors = errorsOf(await analyse(log, t));
  const invoice = errors.find((e) => e.detail?.includes('€149.98') || e.title.includes('€149.98'));
  assert.ok(invoice, errors.map((e) => e.title).join('\n'));
  assert.notEqual(invoice.status, 'resolved', invoice.detail);
});

test('a brief resolved error says where in the project’s code it was raised, past the runtime’s frames', () => {
  const log = new ClaudeLog('/home/dev/fatture');
  log.user('sistema il calcolo');
  log.bash(
    'sh build.sh',
    'Exception in thread "main" java.lang.ArithmeticException: Rounding necessary\n\tat java.base/java.math.BigDecimal.commonNeedIncrement(BigDecimal.java:4717)\n\tat it.fatture.Riga.imponibile(Riga.java:31)\n\tat it.fatture.Main.main(Main.java:12)',
    1,
  );
  log.bash('sh build.sh', 'Fatture: 386, righe: 1373');
  const home = scratchDir('ho-ar-home-');
  const workspace = scratchDir('ho-ar-ws-');
  const r = spawnSync(process.execPath, [cli, 'build', log.write(), '--workspace', workspace, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, HANDOVER_HOME: home },
  });
  assert.equal(r.status, 0, r.stderr);
  const prompt = readFileSync(JSON.parse(r.stdout).promptPath, 'utf8');
  const resolved = prompt.split('\n').find((line) => line.startsWith('- Resolved:') && line.includes('Rounding necessary'));
  assert.ok(resolved, prompt);
  assert.match(resolved, /at it\.fatture\.Riga\.imponibile\(Riga\.java:31\)/);
  assert.doesNotMatch(resolved, /BigDecimal\.java/, 'not the runtime’s frame');
});

test('a check’s result reported by the agent is no decision, though it mentions the user’s choice', () => {
  assert.notEqual(
    classifySentence('`make check`: everything passes except `test_phones_lt` (the LV/PL numbers you chose to keep); `--verify` is OK.', 'assistant')?.kind,
    'decisions',
  );
  assert.equal(classifySentence('We chose SQLite over Postgres because the app runs offline on one laptop.', 'assistant')?.kind, 'decisions');
});

test('set AR: Windows PowerShell’s message wrapped at the console’s width is one line; a parser’s message above its `+ CategoryInfo` is the headline', () => {
  const wrapped = errorLines(
    'Exit code 1\n& : The term \'C:\\Program Files\\GitHub CLI\\bin\\gh.exe\' is not recognized as the name of a cmdlet, function, script \nfile, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct \nand try again.\nAt line:1 char:3\n+ & "C:\\Program Files\\GitHub CLI\\bin\\gh.exe" auth login\n+   ~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (C:\\Program Files\\GitHub CLI\\bin\\gh.exe:String) [], CommandNotFoundException\n    + FullyQualifiedErrorId : CommandNotFoundException',
  );
  const headline = wrapped.best ?? wrapped.lines.at(-1);
  assert.match(headline, /is not recognized as the name of a cmdlet/, wrapped.lines.join('\n'));
  assert.ok(!wrapped.lines.includes('and try again.'));

  const parser = errorLines(
    "The string is missing the terminator: '@.\r\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\r\n    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString\r\n \r\n",
  );
  assert.match(parser.best ?? parser.lines.at(-1), /The string is missing the terminator/, parser.lines.join('\n'));
});

test('set AR: a search of the disk that found nothing, or a search shaped by PowerShell’s cmdlets, is a look: no error', async (t) => {
  const log = new ClaudeLog('/Users/dev/app');
  log.user('where is node installed?');
  log.bash(
    'mdfind "kMDItemFSName == \'node\'" 2>/dev/null | head -5; ls /usr/local/lib/node_modules 2>/dev/null',
    '/Applications/Unity/Hub/Editor/2022.3.1f1/PlaybackEngines/WebGLSupport/BuildTools/Emscripten/node/node',
    1,
  );
  log.bash('rg "BaseModel" -n server | Select-Object -First 5', 'server\\routes\\cv_analyze.py:8:from pydantic import BaseModel, Field', 1);
  // (Its neighbour: a build that fails is an error.)
  log.bash('npm run build', "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.", 1);
  const errors = errorsOf(await analyse(log, t));
  assert.deepEqual(
    errors.map((e) => e.title),
    ["src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."],
  );
});

test('set AR: another command of a grouped client (`nix flake metadata` after `nix flake update` failed) settles nothing', async (t) => {
  const log = new ClaudeLog('/home/dev/nixos');
  log.user('update the flake');
  log.bash(
    'sudo nix flake update',
    'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required',
    1,
  );
  log.bash('code --version', '1.102.3');
  log.bash("nix flake metadata github:sadjow/claude-code-nix --json | jq '.locks.nodes.root.inputs'", '{\n  "nixpkgs": "nixpkgs"\n}');
  const [sudo] = errorsOf(await analyse(log, t));
  assert.notEqual(sudo.status, 'resolved', sudo.detail);
});

test('set AR: a target (`P95 < 300 ms`, `under 2.5 s`, `>=70%`), a wait and a line of code are no measurements; the value reached is', () => {
  for (const line of [
    '- Backend endpoints MUST stay under P95 < 300 ms under expected load.',
    'keeps backend P95 latency under 300 ms, mobile LCP under 2.5 s on primary views',
    'Verify report shows P95 latency <50 ms and mean <30 ms.',
    '>=70% in `STATUS.md` or equivalent record.',
    '2025-12-21 19:53:47,177 - INFO - Waiting 0.5 seconds...',
    'duration_ms = (time.perf_counter() - start) * 1000',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  assert.deepEqual(measuredLines('P95 latency: 212 ms over 5000 requests'), ['P95 latency: 212 ms over 5000 requests']);
});

test('set AR: a menu’s Title Case option, a document’s checked rule, a liking or a dislike and a Chinese question are no standing rules; a rule in capitals is', () => {
  for (const sentence of [
    'Do Not Remap Modifiers',
    'Remap Modifiers in iTerm2 Only',
    '**✅ ALWAYS add `type="pcre2"` to regex patterns**',
    "I like it that we don't use red.",
    "I don't really like the Apps button.",
    "A lot of the time you don't want your VLANs just to be limited to one switch though.",
    '那第一类必须定死的，现在我们有哪些还没有敲定',
  ])
    assert.equal(isConstraint(sentence), false, sentence);
  assert.equal(isConstraint('DO NOT COMMIT ANYTHING TO MAIN'), true);
  assert.equal(isConstraint('Never touch the vendored third_party folder.'), true);
});

test('set AR: an inventory, a suggestion left to the user, "But wait", what a value means and a batch of work announced are no decisions', () => {
  for (const sentence of [
    'Factory images: 8 factory photos (low-ish res), 3 videos (casual, not professional)',
    '建议：现在把 1-7 写入知识库文件锁死，然后你决定 8-10 是现在敲定还是留到下次。',
    'But wait, the current stress implementation shows green when metric.score === 1 (which is the sub-parameter score).',
    'So the score represents WELLNESS, not the severity of the problem!',
    'I’m going to patch three things now: make the orchestrator importable, point its scripts at the Shared files, and await the upgrade calls.',
  ])
    assert.notEqual(classifySentence(sentence, 'assistant')?.kind, 'decisions', sentence);
  assert.equal(classifySentence('I chose a TreeMap over a HashMap because the rates must print in ascending order.', 'assistant')?.kind, 'decisions');
});

test('round 30–31: rules in Welsh, Macedonian, Punjabi, Sinhala and Cantonese are standing constraints; a reason saying "always" is not', () => {
  for (const sentence of [
    "paid â chyffwrdd â'r Makefile",
    "dim commits, dw i'n gwneud nhw fy hun",
    'не ги менувај 001 и 002, веќе се на продукција',
    'само sh и sqlite3, без python',
    'ਕੋਈ ਬਾਹਰੀ package ਨਹੀਂ ਪਾਉਣਾ, ਸਿਰਫ਼ standard library',
    'Python 3.8 ਤੇ ਵੀ ਚੱਲਣਾ ਚਾਹੀਦਾ',
    'Makefile එකේ -fsanitize=address අයින් කරන්න එපා',
    'C11 විතරයි, අලුත් library දාන්න එපා',
    '唔好改 tests 入面嘅 expected 值',
    '記住計錢唔好用 float',
  ])
    assert.equal(isConstraint(sentence), true, sentence);
  // (A feature asked for, its reason saying what "always" happens.)
  assert.equal(isConstraint('stopwords (ਦੇ, ਦੀ, ਨੂੰ ਵਗੈਰਾ) ਹਟਾਉਣ ਦਾ option ਚਾਹੀਦਾ, ਕਿਉਂਕਿ top words ਵਿੱਚ ਹਮੇਸ਼ਾ "ਦੇ" ਤੇ "ਦੀ" ਹੀ ਉੱਪਰ ਆ ਜਾਂਦੇ'), false);
});

test('round 30–31: a program’s report of one figure per labelled line is measured, in any script; a setting or a file looked at is not', () => {
  assert.deepEqual(measuredLines('eitemau: 287\ncyfanswm nifer: 7793\ngwerth: 38100.37', 6, './stoc data/stoc.csv'), [
    'eitemau: 287',
    'cyfanswm nifer: 7793',
    'gwerth: 38100.37',
  ]);
  assert.ok(measuredLines('ਕੁੱਲ ਸ਼ਬਦ: 1554\nਵਿਲੱਖਣ: 50\nਵਿੱਚ\t131', 6, 'python3 -m shabad data/kahani.txt').includes('ਕੁੱਲ ਸ਼ਬਦ: 1554'));
  assert.ok(
    measuredLines('trips: 2417\n  adult: 1381\n  child: 691\ntotal: HK$21,846.91', 6, 'python3 -m octofare.report data/trips.csv').includes(
      'total: HK$21,846.91',
    ),
  );
  assert.deepEqual(measuredLines('port: 8080\nworkers: 4\ntimeout: 30', 6, 'python3 app.py --print-config'), []);
  assert.deepEqual(measuredLines('alpha: 12\nbeta: 4', 6, 'cat data/weights.yaml'), []);
});

test('round 30–31: a check script’s `ok:` row settles its `FAIL:` row; cargo’s FAILED rows, all its tallies count, settle a test no longer among them', async (t) => {
  const log = new ClaudeLog('/home/dev/app');
  log.user('fix the migration checks');
  log.bash('sh check.sh; echo "exit $?"', 'FAIL: 45 orders point to missing customers\nFAIL: 2 customers without email\n2 check(s) failed\nexit 2', 0);
  log.bash('sh check.sh; echo "exit $?"', 'ok: orders point to missing customers\nFAIL: 2 customers without email\n1 check(s) failed\nexit 1', 0);
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.find((e) => e.title.includes('orders point'))?.status, 'resolved', errors.map((e) => `${e.title}: ${e.status}`).join('\n'));
  assert.notEqual(errors.find((e) => e.title.includes('without email'))?.status, 'resolved');

  const cargo = new ClaudeLog('/home/dev/kassa');
  cargo.user('make CI green');
  cargo.bash(
    'cargo test --all-targets 2>&1 | tail -n 30',
    "test tests::totals ... ok\ntest tests::rounds_negative_half_to_even ... FAILED\n\nfailures:\n\n---- tests::empty_amount_is_error stdout ----\n\nthread 'tests::empty_amount_is_error' (21341) panicked at src/lib.rs:323:37:\ncalled `Result::unwrap_err()` on an `Ok` value: 0\n\nfailures:\n    tests::empty_amount_is_error\n    tests::rounds_negative_half_to_even\n\ntest result: FAILED. 55 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
    101,
  );
  cargo.bash(
    'cargo test --all-targets 2>&1 | grep -E "^test result|FAILED|panicked"',
    "test tests::rounds_negative_half_to_even ... FAILED\nthread 'tests::rounds_negative_half_to_even' (21781) panicked at src/lib.rs:340:9:\ntest result: FAILED. 56 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
    0,
  );
  const found = errorsOf(await analyse(cargo, t));
  assert.equal(found.find((e) => e.title.includes('unwrap_err'))?.status, 'resolved', found.map((e) => `${e.title}: ${e.status}`).join('\n'));
});

test('round 31: `make run` passing is its own goal: it settles nothing of `make test`’s failure', async (t) => {
  const log = new ClaudeLog('/home/dev/kade');
  log.user('add a run target');
  log.bash(
    'make clean && make 2>&1 | tail -n 5 && make test',
    "sh tests/run.sh\nok basic\nFAIL rounding: expected 'grand total: Rs. 1.15' got 'grand total: Rs. 1.14'\nmake: *** [Makefile:12: test] Error 1",
    2,
  );
  log.bash('make run 2>&1 | tail -n 4', 'lines: 1317\ngrand total: Rs. 212197.74');
  const [rounding] = errorsOf(await analyse(log, t));
  assert.notEqual(rounding.status, 'resolved', rounding.detail);
});

test('round 30: a file the session created and deleted again is no modified file (the attempt is told among approaches given up)', async (t) => {
  const log = new ClaudeLog('/home/dev/shabad');
  log.user('normalize the text');
  log.tool(
    'Write',
    { file_path: '/home/dev/shabad/shabad/_normalize.py', content: 'import unicodedata\n' },
    'File created successfully at: /home/dev/shabad/shabad/_normalize.py',
  );
  log.tool(
    'Edit',
    { file_path: '/home/dev/shabad/shabad/core.py', old_string: 'a', new_string: 'b' },
    'The file /home/dev/shabad/shabad/core.py has been updated successfully.',
  );
  log.bash('rm shabad/_normalize.py && git status --short', ' M shabad/core.py');
  const dir = mkdtempSync(join(tmpdir(), 'handover-shapes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { modified } = await analyzeSession(log.write(dir), { workspace: log.cwd });
  assert.deepEqual(
    modified.files.map((f) => f.path),
    ['shabad/core.py'],
  );
});

test('set AR: a look given to PowerShell as a script (`powershell.exe -Command "rg … | Select-Object -First 5"`) is a look: no error', async (t) => {
  const log = new CodexLog('C:\\work\\golf');
  log.user('find the models');
  log.shellArray(
    ['powershell.exe', '-NoLogo', '-Command', 'rg "BaseModel" -n server | Select-Object -First 5'],
    'server\\routes\\cv_analyze.py:8:from pydantic import BaseModel, Field\r\n',
    1,
  );
  // (Its neighbour: a script that builds, failing, is an error.)
  log.shellArray(['powershell.exe', '-NoLogo', '-Command', 'dotnet build'], 'Build FAILED.\r\nerror CS1002: ; expected\r\n', 1);
  const errors = errorsOf(await analyse(log, t));
  assert.deepEqual(
    errors.map((e) => e.title).filter((title) => title.includes('BaseModel')),
    [],
  );
  assert.ok(
    errors.some((e) => /CS1002|Build FAILED|dotnet/.test(e.title)),
    errors.map((e) => e.title).join('\n'),
  );
});

test('set AR: a chat message under its speaker is no measurement; a program’s timestamped log line is', () => {
  for (const line of ['[我 2026-04-20 21:34] $4.20 per item, $26 for 5 items, shipping fee not included', "[我] It's 100% combed cotton, soft and breathable."])
    assert.deepEqual(measuredLines(line), [], line);
  assert.notDeepEqual(measuredLines('[2026-04-20 21:34:10] processed 5000 rows in 3.2 s'), []);
});

test('set AR: a program’s status, a drafted rule with its own markup and a step asked in Chinese are no standing rules', () => {
  for (const sentence of [
    'No decoders to deploy',
    '简短但有针对性——必须回应**这个客户**说的**这句具体话**',
    '这是另一个客户我给他发送的信息，我需要准备的这些资料，你可以整理出来在桌面新建一个文件夹，全部复制一份放在该文件夹内码',
    '然后再输出修正版分析在桌面，可以修改已经放在桌面的文档',
    'this seems to be working but it sure seems slower, also we dont need the status entry',
  ])
    assert.equal(isConstraint(sentence), false, sentence);
  assert.equal(isConstraint('以后不要再用 float 计算金额'), true);
});

test('round 32–33: rules in Azerbaijani, Tagalog and Belarusian, and an English rule about what the agent did not start, are standing constraints', () => {
  for (const sentence of [
    'cpan modulu yox, yalnız core',
    'serverdə perl 5.10-dur, signatures olmaz',
    'walang external na package, plain JavaScript lang',
    'laging patakbuhin ang node test/run.js bago mo i-commit',
    'толькі javac, ніякіх maven/gradle',
    'TestMain не чапаць без майго слова',
    "never kill processes you didn't start",
  ])
    assert.equal(isConstraint(sentence), true, sentence);
  // (What the agent did not do, told back, is a complaint.)
  assert.equal(isConstraint("You didn't run the tests."), false);
});

test('round 32–33: labelled rows naming what they counted, a header over its counts, curl’s `-w` report and prove’s closing line are measured; a failing test’s row is not', () => {
  assert.deepEqual(measuredLines('Nabasa: 842 na gastos\nKabuuan: 397396.50', 6, 'node bin/gastos.js data/gastos.csv'), [
    'Nabasa: 842 na gastos',
    'Kabuuan: 397396.50',
  ]);
  assert.ok(
    measuredLines('filas lidas: 2318\nfilas escritas: 2294\ndescartadas (sen importe): 24', 6, 'python3 etl.py data/in.csv').includes(
      'descartadas (sen importe): 24',
    ),
  );
  assert.deepEqual(measuredLines('lines\twords\n389\t2817', 6, 'cargo run -q -p cli < samples/notes.txt'), ['lines 389, words 2817']);
  assert.deepEqual(
    measuredLines(
      '{"count": 13}code=200 size=202 time=0.004104',
      6,
      "curl -sS -w 'code=%{http_code} size=%{size_download} time=%{time_total}' http://127.0.0.1:8731/stats",
    ),
    ['code=200 size=202 time=0.004104'],
  );
  assert.ok(
    measuredLines('All tests successful.\nFiles=3, Tests=21,  0 wallclock secs ( 0.14 CPU)\nResult: PASS', 6, 'prove -v t/')[0].startsWith('Files=3, Tests=21'),
  );
  assert.deepEqual(measuredLines('FAIL  city case: чакалі 3, атрымалі 1', 6, 'java -cp out app.TestMain'), []);
  // (A report's labelled totals come before the table under them.)
  assert.deepEqual(
    measuredLines(
      'радкоў прачытана: 146\nзаказаў усяго: 1934\nгарадоў: 7\n  Гомель     404\n  Віцебск    350\n  Брэст      306\n  Бабруйск   274',
      3,
      'java -cp out app.Main data/zakazy.csv',
    ),
    ['радкоў прачытана: 146', 'заказаў усяго: 1934', 'гарадоў: 7'],
  );
});

test('round 32: a server not reached is reached by any page of it; its 5xx answer is one failure however the request was written', async (t) => {
  const log = new ClaudeLog('/home/dev/shop');
  log.user('get the dev server up');
  log.bash(
    'curl -sS http://127.0.0.1:8731/health 2>&1 | head -n 3',
    "curl: (7) Failed to connect to 127.0.0.1 port 8731 after 0 ms: Couldn't connect to server",
  );
  log.bash('nohup python3 app.py 8731 > server.log 2>&1 < /dev/null &\nsleep 1\ntail -n 5 server.log', 'serving on 127.0.0.1:8731');
  log.bash("curl -sS -o /dev/null -w 'code=%{http_code}\\n' http://127.0.0.1:8731/items", 'code=200');
  log.bash(
    'curl -sS -i "http://127.0.0.1:8731/stats?category=garden" | grep -E "^HTTP|Error"',
    'HTTP/1.0 500 Internal Server Error\r\nZeroDivisionError: division by zero',
  );
  log.bash('curl -sS "http://127.0.0.1:8731/stats?category=garden"', '{}');
  log.bash('curl -sS -o /dev/null -w \'code=%{http_code} size=%{size_download}\\n\' "http://127.0.0.1:8731/stats?category=garden" | cat', 'code=500 size=341');
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.find((e) => e.title.startsWith('curl: (7)'))?.status, 'resolved', errors.map((e) => `${e.title}: ${e.status}`).join('\n'));
  const served = errors.filter((e) => /HTTP\/1\.0 500|code=500/.test(e.title));
  assert.equal(served.length, 1, served.map((e) => e.title).join('\n'));
  assert.notEqual(served[0].status, 'resolved');
});

test('round 32–33: Codex’s header around every command (`Exit code: 0` / `Wall time: 1.9 seconds`) is no report; unittest’s verdict still counts', () => {
  assert.deepEqual(measuredLines('Exit code: 0\nWall time: 1.9 seconds\nOutput:\nok', 6, 'npm run build'), []);
  assert.ok(measuredLines('Ran 6 tests in 0.1s\n\nFAILED (errors=1)', 6, 'python3 -m unittest').includes('FAILED (errors=1)'));
});

test('set AS: a program written again with the venv’s interpreter is the same program; git’s ignored path, eslint’s empty pattern and a chained exception name their error', async (t) => {
  const log = new ClaudeLog('/root/jake');
  log.user('start the app');
  log.bash(
    'nohup python3 app.py > /tmp/app.log 2>&1 & sleep 3 && cat /tmp/app.log',
    'Traceback (most recent call last):\n  File "/root/jake/app.py", line 1, in <module>\n    import flask\nModuleNotFoundError: No module named \'flask\'',
  );
  log.bash('nohup /root/jake/venv/bin/python /root/jake/app.py > /tmp/app.log 2>&1 & sleep 3 && cat /tmp/app.log', ' * Running on http://127.0.0.1:5000');
  const [missing] = errorsOf(await analyse(log, t));
  assert.equal(missing?.status, 'resolved', missing?.detail);

  const ignored = errorLines('The following paths are ignored by one of your .gitignore files:\n.env.sample\nhint: Use -f if you really want to add them.');
  assert.match(ignored.best ?? ignored.lines.at(-1), /ignored by one of your \.gitignore files: \.env\.sample/);
  const eslint = errorLines(
    'Oops! Something went wrong! :(\n\nESLint: 8.57.0\n\nNo files matching the pattern "src/x.tsx" were found.\nPlease check for typing mistakes in the pattern.',
  );
  assert.match(eslint.best ?? eslint.lines.at(-1), /No files matching the pattern/);
  const chained = errorLines('telegram.error.NetworkError: httpx.ReadError:\nAssistente Pessoal online! Web: ativo');
  assert.ok(!(chained.best ?? chained.lines.join(' ')).includes('Assistente'), chained.lines.join('\n'));
});

test('set AS: a linter’s progress, a worked example and a process id are no measurements', () => {
  for (const line of [
    'Linting and autocorrecting 3 files with 15 linters (11 autocorrectable)...',
    '5.  Average COGS = 3,679.02 / 9 = 408.78',
    'Denominator instantly becomes 12, giving Avg COGS = 21.25 (vs 42.50 in old logic).',
    'PID pessoal: 1966302',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  assert.notDeepEqual(measuredLines('Linted 3 files in 1.2s'), []);
});

test('set AS: an argument not passed, a diagnosis and a throwaway debug file are no approaches given up; findings are no decisions; a spec’s headings, a feature to build and pasted advice are no rules', async (t) => {
  for (const sentence of [
    "The call to `formatPriceAmount` at line 339 doesn't pass the locale parameter, which is fine since I made it optional with a default value of 'en'.",
    "The real issue is that the git repo root is `/root`, not `jake_desktop`, so my `.gitignore` in the subdirectory won't help with that.",
  ])
    assert.notEqual(classifySentence(sentence, 'thinking')?.kind, 'rejected', sentence);
  assert.equal(classifySentence("Tried the worker pool but it doesn't work with node:sqlite handles.", 'assistant')?.kind, 'rejected');
  for (const sentence of [
    "But looking at the actual numbers—if we're getting 19 link clicks and R$ 99.24 spend, so the code is definitely working with 19 as the traffic metric, not 100.",
    "Ah yes, we're on `ENGOPS-1-chat-refactor-spike` which is off main, not off the feature branch.",
    '`warning: the following packages contain code that will be rejected by a future version of Rust: block v0.1.6` — This is a dependency of spotify_player, not something the user controls.',
  ])
    assert.notEqual(classifySentence(sentence, 'thinking')?.kind, 'decisions', sentence);
  for (const sentence of [
    '任务 2：单价（Unit Price）展示收敛 ⚠️【必须改】',
    '我们在checkoutSession或者payment link创建时增加约束，不允许固定价目和动态价目放在一起组成支付;',
    'To fix this, either do not render the element at all or pass null to src instead of an empty string.',
    'If you don’t care about macOS native fullscreen in multi-monitor setup, I recommend disabling Displays have separate Spaces.',
  ])
    assert.equal(isConstraint(sentence), false, sentence);
  // (Forbidding a feature is still a rule.)
  assert.equal(isConstraint('以后不要修改 API，也不要增加功能'), true);

  const log = new ClaudeLog('/home/dev/web');
  log.user('why does login fail?');
  log.tool(
    'Write',
    { file_path: '/home/dev/web/src/app/api/debug-auth/route.ts', content: 'export {}\n' },
    'File created successfully at: /home/dev/web/src/app/api/debug-auth/route.ts',
  );
  log.bash('rm src/app/api/debug-auth/route.ts', '');
  const analysis = await analyse(log, t);
  assert.deepEqual(
    analysis.findings.filter((f) => f.analyst === 'rejected').map((f) => f.title),
    [],
  );
});

test('round 32: "so never …, ok?" is a rule; "never mind" is not', () => {
  assert.equal(
    isConstraint(
      "fyi I have a bunch of other stuff running on this box (billing service, a jupyter kernel, etc) so never kill processes you didn't start, ok?",
    ),
    true,
  );
  assert.equal(isConstraint('so never mind the tests'), false);
});

test('set AT: another command of the same program is no retry (`git pull` after `git push` failed); a run without the program that printed the error settles nothing', async (t) => {
  const log = new ClaudeLog('/home/dev/site');
  log.user('push it');
  log.bash('git push origin main', " ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to 'github.com:dev/site.git'", 1);
  log.bash('git pull origin main', 'Auto-merging src/app/page.tsx\nCONFLICT (content): Merge conflict in src/app/page.tsx', 0);
  const [push] = errorsOf(await analyse(log, t));
  assert.notEqual(push.status, 'resolved', push.detail);

  const jq = new ClaudeLog('/home/dev/api');
  jq.user('check the response');
  jq.bash('curl -s http://localhost:8000/v1/status | jq .', 'jq: parse error: Invalid numeric literal at line 1, column 2', 0);
  jq.bash('curl -s http://localhost:8000/v1/status', 'ok: all systems up');
  const [parse] = errorsOf(await analyse(jq, t));
  assert.notEqual(parse?.status, 'resolved', parse?.detail);
});

test('set AT: a step for a missing thing and what this task does not need are no standing rules', () => {
  assert.equal(isConstraint('if you do not have duckdb yet, create a dummy one'), false);
  assert.equal(isConstraint("don't need the others for now"), false);
  assert.equal(isConstraint("don't add new dependencies"), true);
});
