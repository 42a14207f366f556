// Shapes of wrong or missed claims found on held-out set AI and bench:facts rounds 17–21 (labelled or scored before
// tuning), each turned into a general rule and checked on a log of the same shape built with the real record formats,
// with the neighbour that must stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';
import { analyse, errorsOf } from '../support/analyseLog.mjs';
import { ClaudeLog } from '../support/analysisLogs.mjs';

const require = createRequire(import.meta.url);
const { classifySentence, errorLines, isConstraint, measuredLines, sentences } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
const { CallOrder } = require(join(repoRoot, 'dist', 'test', 'transcript.js'));

const decisionsOf = (analysis) => analysis.findings.filter((f) => f.analyst === 'decisions').map((f) => f.title);

test('a result written on the line before its call is passed on after it; one whose call does not follow goes on where it was', () => {
  const seen = [];
  const order = new CallOrder((e) => seen.push(`${e.kind}:${e.callId ?? e.text}`));
  order.push({ kind: 'assistant-text', text: 'fix it' });
  order.push({ kind: 'tool-result', callId: 'a', text: 'String to replace not found in file.' });
  order.push({ kind: 'tool-call', callId: 'a', name: 'Edit', input: {} });
  order.push({ kind: 'tool-result', callId: 'orphan', text: 'done' });
  order.push({ kind: 'user', text: 'next' });
  order.push({ kind: 'tool-call', callId: 'b', name: 'Bash', input: {} });
  order.push({ kind: 'tool-result', callId: 'b', text: 'ok' });
  assert.deepEqual(seen, ['assistant-text:fix it', 'tool-call:a', 'tool-result:a', 'tool-result:orphan', 'user:next', 'tool-call:b', 'tool-result:b']);
});

test('an Edit whose failure the log wrote before the call is that file’s error, settled by the next edit of the file', async (t) => {
  const log = new ClaudeLog('/home/dev/obstruct');
  log.user('fix pre_transpile too');
  log.tool(
    'Edit',
    { file_path: '/home/dev/obstruct/src/expr.rs', old_string: 'a', new_string: 'b' },
    '<tool_use_error>String to replace not found in file.\nString: a</tool_use_error>',
    {
      isError: true,
    },
  );
  // Claude Code 2.1.x: the result's record lands a line above its call's.
  const [call, result] = log.records.splice(-2, 2);
  log.records.push(result, call);
  log.tool(
    'Edit',
    { file_path: '/home/dev/obstruct/src/expr.rs', old_string: 'c', new_string: 'd' },
    'The file /home/dev/obstruct/src/expr.rs has been updated successfully.',
  );
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.length, 1, errors.map((e) => e.title).join('\n'));
  assert.match(errors[0].title, /^src\/expr\.rs: String to replace not found/);
  assert.equal(errors[0].status, 'resolved');
});

test('a command the shell could not parse is settled by its rewrite passing right after; another command passing settles nothing', async (t) => {
  const parseError =
    'At line:5 char:35\n+ $m = [BitConverter]::ToUInt16(, 4)\n+                                   ~\nMissing argument in parameter list.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException';
  const log = new ClaudeLog('/home/dev/launcher');
  log.user('check the architecture of both outputs');
  log.bash(
    "powershell.exe -NoProfile -Command \"'Launcher.exe','MultiInstance.dll' | ForEach-Object { [System.IO.File]::ReadAllBytes('build/Release/' + $_) }\"",
    parseError,
    1,
  );
  log.bash(
    "powershell.exe -NoProfile -File - <<'EOF'\nforeach ($name in @('Launcher.exe', 'MultiInstance.dll')) { [System.IO.File]::ReadAllBytes('build/Release/' + $name) }\nEOF",
    'Launcher.exe x64',
  );
  const other = new ClaudeLog('/home/dev/launcher');
  other.user('check the architecture of both outputs');
  other.bash(
    "powershell.exe -NoProfile -Command \"'Launcher.exe','MultiInstance.dll' | ForEach-Object { [System.IO.File]::ReadAllBytes('build/Release/' + $_) }\"",
    parseError,
    1,
  );
  other.bash('git status --short', ' M src/main.cpp');
  assert.equal(errorsOf(await analyse(log, t))[0].status, 'resolved');
  assert.notEqual(errorsOf(await analyse(other, t))[0].status, 'resolved');
});

test('a Rust panic whose message stands under its headline still fails when the test panics the same way again', async (t) => {
  const run = (line, pid) =>
    `running 1 test\n\nthread 'tests::visible_in_body' (${pid}) panicked at src/tests/t.rs:${line}:5:\nFunction sqrt should be present\n\nfailures:\n    tests::visible_in_body\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s`;
  const log = new ClaudeLog('/home/dev/obstruct');
  log.user('make the body see its params');
  log.bash('cargo test visible_in_body 2>&1', run(572, 13440), 101);
  log.bash('cargo test visible_in_body 2>&1', run(577, 13839), 101);
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.length, 1, errors.map((e) => e.title).join('\n'));
  assert.notEqual(errors[0].status, 'resolved');
  log.bash('cargo test visible_in_body 2>&1', 'running 1 test\ntest tests::visible_in_body ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored');
  assert.equal(errorsOf(await analyse(log, t))[0].status, 'resolved');
});

test('a C++ run ending in terminate is past it once a re-run’s end no longer says so, even failing another test', async (t) => {
  const log = new ClaudeLog('/home/dev/histo');
  log.user('the tests crash, fix it');
  log.bash(
    'make test 2>&1 | tail -n 20',
    "./run_tests\n[PASS] empty_count\n[FAIL] count_after_reset: expected 0 got 3\nterminate called after throwing an instance of 'std::out_of_range'\n  what():  vector::_M_range_check: __n (which is 100) >= this->size() (which is 100)\nmake: *** [Makefile:12: test] Aborted (core dumped)",
  );
  log.bash(
    'make test 2>&1 | tail -n 12',
    './run_tests\n[PASS] empty_count\n[PASS] count_after_reset\n[PASS] record_max\n[FAIL] percentile_p99: expected 990 got 999\n8 passed, 1 failed\nmake: *** [Makefile:12: test] Error 1',
  );
  const errors = errorsOf(await analyse(log, t));
  const crash = errors.find((e) => /terminate called/.test(e.title));
  assert.ok(crash, errors.map((e) => e.title).join('\n'));
  assert.equal(crash.status, 'resolved');
  assert.ok(
    errors.some((e) => e !== crash && e.status !== 'resolved'),
    errors.map((e) => `${e.title} ${e.status}`).join('\n'),
  );
});

test('errors: tcltest’s failing header and Tcl’s uncaught error head their runs, even piped', () => {
  assert.equal(
    errorLines(
      'Tests began at Mon\ncheckid.test\n==== checkid-1.5 valid, Y FAILED\n==== Contents of test case:\n---- Result was:\n0\n==== checkid-1.5 FAILED\nall.tcl:\tTotal\t12\tPassed\t10\tSkipped\t0\tFailed\t2',
    ).best,
    '==== checkid-1.5 valid, Y FAILED',
  );
  assert.equal(
    errorLines('can\'t read "y": no such variable\n    while executing\n"expr {$y + 1911}"\n    (procedure "::twdate::rocToIso" line 6)').best,
    'can\'t read "y": no such variable',
  );
});

test('numbers: a build that had nothing to do measures nothing; a build that compiled does', () => {
  assert.deepEqual(measuredLines('    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.06s\n     Running `target/debug/fihter`'), []);
  assert.deepEqual(measuredLines('   Compiling fihter v0.1.0 (/home/dev/fihter)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 4.20s'), [
    'Finished `dev` profile [unoptimized + debuginfo] target(s) in 4.20s',
  ]);
  assert.deepEqual(measuredLines('up to date, audited 411 packages in 2s\n\nfound 0 vulnerabilities'), []);
  assert.deepEqual(measuredLines('  minor version: 0\n  major version: 65\n  Last modified Mar 1, 2026; size 9517 bytes'), []);
  assert.deepEqual(measuredLines('    ...<27 lines>...'), []);
});

test('decisions: other languages’ "I chose" and "Decision:", a pick by its place after ", or" options, a lower-case sentence', async (t) => {
  for (const sentence of [
    'valisin upserdi koguse liitmisega, mitte UNIQUE piirangu eemaldamise, sest skeemi ei tohi puutuda.',
    'Döntés: minden szóközt kiszedek parse előtt, mert a könyvelés exportjában mindkettő előfordul.',
  ])
    assert.equal(classifySentence(sentence, 'assistant')?.kind, 'decisions', sentence);
  assert.equal(classifySentence('valisin mida teha', 'assistant'), undefined, 'a choice without its reason or alternative');
  assert.deepEqual(sentences('grouping by c.name, or by c.id. group by c.id it is: two customers share a name.'), [
    'grouping by c.name, or by c.id.',
    'group by c.id it is: two customers share a name.',
  ]);
  assert.deepEqual(sentences('use a map, e.g. a hash map. vs. the list'), ['use a map, e.g. a hash map. vs. the list'], 'an abbreviation starts no sentence');
  const log = new ClaudeLog('/home/dev/ini');
  log.user('values keep their comments, fix it');
  log.thinking(
    'Options: cutting at the first ; or # anywhere in the value, or cut the value at a ; or # only when it follows a blank. The second, because config/porta.ini has a url with a # in it that has to stay.',
  );
  const decisions = decisionsOf(await analyse(log, t));
  assert.equal(decisions.length, 1, decisions.join('\n'));
  assert.match(decisions[0], /^The second, because .*\(cut the value at a ; or # only when it follows a blank\)$/);
});

test('decisions: a next step, an explanation and what follows from a condition are none', () => {
  for (const sentence of [
    "Now I'm ready to write out the implementation, making sure the hook uses the wide strings instead of re-converting them.",
    'The `Global\\` prefix is what determines whether it shows up in one namespace versus the other — that is how the app names it.',
    "So when we inject our DLL via remote thread, we're installing hooks before the main thread runs rather than after.",
  ])
    assert.equal(classifySentence(sentence, 'thinking'), undefined, sentence);
});

test('rules: Serbian, Bulgarian and Afrikaans; not "just answer", "you do not need to", "don’t understand", a bug report', () => {
  for (const rule of [
    'nemoj da menjaš potpise postojećih funkcija',
    'komentari u kodu neka budu na engleskom',
    'не пипай Cargo.lock',
    'само std, без външни crate-ове',
    'net die JDK, geen Maven of ekstra jars nie',
    'dit moet op Java 11 bly loop',
  ])
    assert.ok(isConstraint(rule), rule);
  for (const notRule of [
    "Just answer don't do anything",
    'Do not do it yourself, let me know how to do it.',
    'i can create one you do not need to delete it.',
    "explain sparse=always ~ don't understand",
    '回答，什么都不要做',
    'This means that there is a bug where sometimes parameters don\'t "exist" in the function body.',
  ])
    assert.equal(isConstraint(notRule), false, notRule);
});

test('rules: a rule inside a dictated run-on or a Chinese run of commas is its own clause', async (t) => {
  const log = new ClaudeLog('/home/dev/loader');
  log.user(
    'okay so the nightly load script crashed again last night i think its because the mobile team changed there export format can you fix the loader so the script runs again and also right a test for the mobile export period oh and dont touch anything in tests fixtures those files come from the data team new line the weekly test is already broken',
  );
  log.user('不要改 API 的名稱，會計系統跟報表那邊都是直接呼叫 rocToIso 的，改了會壞掉 另外幫 isoToRoc 加一個 -chinese 選項，報表要印的。');
  const { constraints } = await analyse(log, t);
  const texts = constraints.map((c) => c.text);
  assert.ok(
    texts.some((c) => /^dont touch anything in tests fixtures\b/.test(c)),
    texts.join('\n'),
  );
  assert.ok(
    texts.some((c) => /^不要改 API 的名稱/.test(c) && !c.includes('另外')),
    texts.join('\n'),
  );
});

test('sentences: Chinese and Japanese end at 。！？ without a space; 决定 as "is determined by" chooses nothing', () => {
  assert.deepEqual(sentences('所以 EMV 的正负完全由 mid_move 决定。这意味着零线穿越就是方向改变。我决定用 HMA 而不是 EMA，因为 EMA 太慢了。'), [
    '所以 EMV 的正负完全由 mid_move 决定。',
    '这意味着零线穿越就是方向改变。',
    '我决定用 HMA 而不是 EMA，因为 EMA 太慢了。',
  ]);
  assert.deepEqual(sentences('不要改名喔！！不要改 API 的名稱。'), ['不要改名喔！！', '不要改 API 的名稱。']);
  for (const finding of [
    '所以 EMV 的正负完全由 mid_move 决定——EMV > 0 就是中间价上涨，EMV < 0 就是下跌。',
    '实际上成交量确实有作用——它决定了每根 K 线对 EMV 均值的权重，量大的 K 线权重反而小。',
  ])
    assert.equal(classifySentence(finding, 'thinking'), undefined, finding);
  assert.equal(classifySentence('我决定用 HMA 而不是 EMA，因为 EMA 太慢了。', 'thinking')?.kind, 'decisions');
  for (const none of [
    'The key changes are: update the buttons, add a login option alongside or instead of the register flow.',
    'Choosing the wrong consumer for a state file produces garbage rather than an error.',
  ])
    assert.equal(classifySentence(none, 'thinking'), undefined, none);
});

test('numbers: du’s sizes and wc’s total row are measurements; du’s tab keeps other rows out', () => {
  assert.deepEqual(measuredLines('692K\tdata/inkomende\n1.4M\tdata/klaar', 6, 'du -sh data/inkomende data/klaar'), [
    'du: 692K in data/inkomende',
    'du: 1.4M in data/klaar',
  ]);
  assert.deepEqual(measuredLines('3 files to go\n692K\tdata/in', 6, 'echo "3 files to go" && du -sh data/in'), ['du: 692K in data/in']);
  assert.deepEqual(measuredLines('  2944 data/112.txt\n  3257 data/113.txt\n  6201 total', 6, 'wc -l data/*.txt'), [
    'wc: 2944 lines in data/112.txt',
    'wc: 3257 lines in data/113.txt',
    'wc: 6201 lines in all',
  ]);
});

test('errors: a hand-written runner’s `[FAIL] name: expected X got Y` row heads its run over the count of failures', () => {
  const run = errorLines(
    './run_tests\n[PASS] empty_count\n[FAIL] percentile_p99: expected 990 got 999\n[PASS] mean_empty\n8 passed, 1 failed\nmake: *** [Makefile:12: test] Error 1',
  );
  assert.equal(run.best, '[FAIL] percentile_p99: expected 990 got 999');
  assert.equal(errorLines('[PASS] a\n[PASS] b\n2 passed, 0 failed').best, undefined);
});

test('checks: a run that passes by skipping the failing test leaves the check failing; a build error is stale once tests compile and run', async (t) => {
  const failing =
    "running 3 tests\ntest tests::median_odd ... ok\ntest tests::median_even_count ... FAILED\n\nfailures:\n\n---- tests::median_even_count stdout ----\n\nthread 'tests::median_even_count' (28821) panicked at rowstat/src/lib.rs:60:9:\nassertion `left == right` failed\n\nfailures:\n    tests::median_even_count\n\ntest result: FAILED. 2 passed; 1 failed; 0 ignored";
  const log = new ClaudeLog('/home/dev/rows');
  log.user('поправи го');
  log.bash('cargo build 2>&1', 'error[E0597]: `line` does not live long enough\n  --> rowparse/src/lib.rs:14:20\nerror: could not compile `rowparse`', 101);
  log.bash('cargo test --workspace 2>&1', failing, 101);
  log.bash(
    'cargo test --workspace -- --skip median_even_count 2>&1',
    'running 2 tests\ntest tests::median_odd ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 1 filtered out',
  );
  const analysis = await analyse(log, t);
  const checks = analysis.checks.map((c) => `${c.family}: ${c.outcome}`);
  assert.deepEqual(checks, ['cargo test: failing']);
  const panic = errorsOf(analysis).find((e) => /median_even_count/.test(e.title));
  assert.ok(
    panic && panic.status !== 'resolved',
    errorsOf(analysis)
      .map((e) => `${e.title} ${e.status}`)
      .join('\n'),
  );
});

test('rejected: logging put in by reshaping the code around it and taken out again tried nothing; a real change reverted still did', async (t) => {
  const plain = '  const sales = data?.map(sale => ({\n    id: sale.id,\n    total: parseFloat(sale.total) || 0\n  })) || [];';
  const logged =
    "  console.log('Raw sales data:', data);\n  const sales = data?.map(sale => {\n    console.log('Processing sale:', sale);\n    return {\n      id: sale.id,\n      total: parseFloat(sale.total) || 0\n    };\n  }) || [];";
  const changed = '  const sales = data?.map(sale => ({\n    id: sale.id,\n    total: Number(sale.total)\n  })) || [];';
  const log = new ClaudeLog('/home/dev/shop');
  log.user('a listagem de vendas está vazia');
  log.tool(
    'Edit',
    { file_path: '/home/dev/shop/src/Sales.tsx', old_string: plain, new_string: logged },
    'The file /home/dev/shop/src/Sales.tsx has been updated successfully.',
  );
  log.tool(
    'Edit',
    { file_path: '/home/dev/shop/src/Sales.tsx', old_string: logged, new_string: plain },
    'The file /home/dev/shop/src/Sales.tsx has been updated successfully.',
  );
  log.tool(
    'Edit',
    { file_path: '/home/dev/shop/src/Sales.tsx', old_string: plain, new_string: changed },
    'The file /home/dev/shop/src/Sales.tsx has been updated successfully.',
  );
  log.tool(
    'Edit',
    { file_path: '/home/dev/shop/src/Sales.tsx', old_string: changed, new_string: plain },
    'The file /home/dev/shop/src/Sales.tsx has been updated successfully.',
  );
  const rejected = (await analyse(log, t)).findings.filter((f) => f.analyst === 'rejected').map((f) => f.title);
  assert.equal(rejected.length, 1, rejected.join('\n'));
  assert.match(rejected[0], /Number\(sale\.total\)/);
});

test('numbers and errors: progress said while work goes on and a tool’s bookkeeping lines are neither', () => {
  for (const line of [
    'Processing 3 test images for modern formats...',
    'Current Pipeline Progress: 0%',
    'verify: Waiting 5 seconds to verify that tasks are stable...',
    'A total of 1 test files matched the specified pattern.',
    'Space needed: 118 MB',
    'Failed to restore C:\\src\\Api.Tests\\Api.Tests.csproj (in 5,81 sec).',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  assert.deepEqual(measuredLines('Restore complete (2.1s)\nBuild succeeded in 4.3s'), ['Restore complete (2.1s)', 'Build succeeded in 4.3s']);
  assert.equal(errorLines('<timestamp>2025-09-29T08:13:00.079Z</timestamp>\nSaving log... done').best, undefined);
  assert.equal(isConstraint('art如何确定哪些对象放在moving space,哪些放在nonmoving space'), false);
  assert.equal(classifySentence('The tag order doesn’t matter since the code searches by element name rather than position.', 'thinking'), undefined);
});

test('decisions: a plan the user stops and corrects before anything ran is overturned; one carried out first stays', async (t) => {
  const build = (ranFirst) => {
    const log = new ClaudeLog('/home/dev/logsift');
    log.user('logsift needs a --level flag');
    log.thinking(
      'Plan: replace the flag match in main.rs with a table-driven Args parser, because every new flag would then be one table row instead of another match arm with its own usage handling.',
    );
    if (ranFirst)
      log.tool(
        'Edit',
        { file_path: '/home/dev/logsift/src/main.rs', old_string: 'match arg {', new_string: 'for flag in FLAGS {' },
        'The file /home/dev/logsift/src/main.rs has been updated successfully.',
      );
    log.push({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: '[Request interrupted by user]' }] } });
    log.user("no, dont rewrite the arg parsing, it's fine as is. just add --level as another arm");
    return log;
  };
  const stopped = await analyse(build(false), t);
  assert.deepEqual(decisionsOf(stopped), []);
  assert.ok(stopped.findings.some((f) => f.analyst === 'refusals' && /dont rewrite the arg parsing/.test(f.title)));
  assert.equal(decisionsOf(await analyse(build(true), t)).length, 1);
});

test('errors: a background server’s log read back is its output: its crash is an error, settled when a later read shows it serving', async (t) => {
  const log = new ClaudeLog('/home/dev/kitob');
  log.user('serverni ishga tushir');
  log.tool(
    'Bash',
    { command: 'python3 server.py > server.log 2>&1', run_in_background: true, description: 'Start the server' },
    'Command running in background with ID: b1',
  );
  log.bash(
    'sleep 1; tail -n 5 server.log',
    'Traceback (most recent call last):\n  File "/home/dev/kitob/server.py", line 88, in <module>\n    HTTPServer(("", 8765), Handler).serve_forever()\nOSError: [Errno 98] Address already in use',
  );
  const crashed = errorsOf(await analyse(log, t));
  assert.equal(crashed.length, 1, crashed.map((e) => e.title).join('\n'));
  assert.match(crashed[0].title, /OSError: \[Errno 98\] Address already in use/);
  assert.notEqual(crashed[0].status, 'resolved');
  log.tool(
    'Bash',
    { command: 'python3 server.py > server.log 2>&1', run_in_background: true, description: 'Start the server again' },
    'Command running in background with ID: b2',
  );
  log.bash('sleep 1; tail -n 5 server.log', 'serving on :8765\n127.0.0.1 - - [30/Nov/2026 10:00:01] "GET /kitoblar HTTP/1.1" 200 - took 12 ms');
  const analysis = await analyse(log, t);
  assert.equal(errorsOf(analysis)[0].status, 'resolved');
  assert.ok(!analysis.numbers.some((n) => /took 12 ms/.test(n.text)), 'a server’s request log measures nothing of this session');
});

test('set AL: a Write the shell did instead settles it; curl -k bypasses a certificate error; ids, versions, requirements and ETAs measure nothing', async (t) => {
  const log = new ClaudeLog('/home/dev/app');
  log.user('ajuste as configurações');
  log.tool(
    'Write',
    { file_path: '/home/dev/app/settings.json', content: '{}' },
    '<tool_use_error>File has not been read yet. Read it first before writing to it.</tool_use_error>',
    { isError: true },
  );
  log.bash('echo \'{"theme":"dark"}\' > /home/dev/app/settings.json', '');
  log.bash('curl -sS https://serveo.net/status', 'curl: (60) SSL certificate problem: certificate has expired', 60);
  log.bash('curl -sSk https://serveo.net/status', 'ok');
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.find((e) => /has not been read yet/.test(e.title))?.status, 'resolved', errors.map((e) => `${e.title} ${e.status}`).join('\n'));
  assert.notEqual(errors.find((e) => /certificate/.test(e.title))?.status, 'resolved');
  for (const line of [
    '[BiliBili] 17x411w7KC: Downloading webpage',
    '[download]   0.1% of    1.21MiB at  Unknown B/s ETA Unknown',
    '• electron-builder  version=25.1.8 os=10.0.26100',
    '⨯ image build/icon.ico must be at least 256x256',
    'ttwid = 1%7CI_4Mya0S3X7EV5AZiNnbYv5E8V',
    'director: Handler preferences for this request: urllib=0, requests=100, websockets=0',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  assert.deepEqual(measuredLines('[download] 100% of    5.38MiB in 00:00:01 at 5.92MiB/s'), ['[download] 100% of    5.38MiB in 00:00:01 at 5.92MiB/s']);
  assert.equal(classifySentence('不過 `optionClick` 接收的是 option 對象，而不是直接的 ID 值，所以需要從中提取相應的角色資訊。', 'thinking'), undefined);
});

test('round 23: rules in Swahili, Hindi and casual Japanese; a one-off "so that I can edit it" is none; a Python exception named by module and class heads its traceback', () => {
  for (const rule of [
    'usibadilishe faili za data kwenye folda ya data/',
    'usitumie float kwa kiasi cha pesa, Decimal tu',
    'हेडर फ़ाइलों के नाम मत बदलो',
    'package.json の依存は増やさないで',
    'Node 20 でも動くようにしといてね',
    'コミットメッセージは英語で',
  ])
    assert.ok(isConstraint(rule), rule);
  for (const none of ['各ページで書けることはそんなにないですがサンプルのページを作成して僕自身で編集できるようにしてほしいです', 'usiku mwema rafiki yangu'])
    assert.equal(isConstraint(none), false, none);
  assert.equal(
    errorLines(
      'Traceback (most recent call last):\n  File "recon.py", line 22, in parse\n    return Decimal(s)\ndecimal.InvalidOperation: [<class \'decimal.ConversionSyntax\'>]',
    ).best,
    "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]",
  );
});

test('errors: a failed run’s last words are its message, not the tool saving its own log', async (t) => {
  const log = new ClaudeLog('/home/dev/tarot');
  log.user('build the android app');
  log.bash(
    'briefcase create android',
    'Briefcase cannot install Android SDK on this machine.\n\nInstall Android SDK manually and specify the installation directory in the ANDROID_HOME environment variable.\n\nSaving log... started\n\nLog saved to /home/dev/tarot/logs/briefcase.create.log\n\nSaving log... done',
    1,
  );
  const [error] = errorsOf(await analyse(log, t));
  assert.match(error.title, /^Install Android SDK manually/);
});

test('set AM: a loop’s own count, pandas’ footer, a display mode in a config list and a failing row measure nothing; grpcurl’s status names its message', () => {
  for (const line of [
    '已滚动 3/20 次',
    '[3 rows x 9 columns]',
    '${pkgs.hyprland}/bin/hyprctl keyword monitor DSI-1,1200x1920@60,0x0,1.5,transform,$orientation',
    '→ LE10300001004 x1',
    '✘  5 [chromium] › tests/visual/visual-regression.spec.ts:54:7 › Visual Regression Tests › Navigation states (16.9s)',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  assert.deepEqual(measuredLines('3840x2160@60.00Hz  scale=1.5'), ['3840x2160@60.00Hz  scale=1.5'], 'the mode a display runs');
  assert.deepEqual(measuredLines('the new parser is 2x faster'), ['the new parser is 2x faster']);
  assert.equal(errorLines('ERROR:\n  Code: Unknown\n  Message: Invalid salt').best, 'Code: Unknown — Message: Invalid salt');
  for (const none of [
    "I've been operating as a sophisticated task executor rather than a true strategic partner.",
    'A better solution would be to have the cleanup script delete itself, rather than relying on the caller.',
  ])
    assert.equal(classifySentence(none, 'thinking'), undefined, none);
  assert.equal(classifySentence('为了判断 API 登录的边界，我还需要核对官方说明——这会直接决定另一台电脑能不能看到会话。', 'thinking'), undefined);
  for (const none of [
    "I've always believed that only suppliers who help customers save money will be recognized.",
    "We don't currently have a DHL account, but we can set one up for you.",
  ])
    assert.equal(isConstraint(none), false, none);
});

test('statuses: a check chained before the tests by && passed when the tests ran, even if they failed; chained by ; it says nothing', async (t) => {
  const build = (separator) => {
    const log = new ClaudeLog('/home/dev/qoima');
    log.user('түзет');
    log.bash('python3 scripts/typecheck.py', "qoima/stats.py:20 average_price: NameError: name 'Optional' is not defined\nқате: 2", 1);
    log.bash(
      `python3 scripts/typecheck.py ${separator} python3 -m pytest -q 2>&1 | tail -n 2`,
      'FAILED tests/test_report.py::test_x - AssertionError: ...\n1 failed, 35 passed in 1.57s',
    );
    return log;
  };
  const chained = errorsOf(await analyse(build('&&'), t)).find((e) => /NameError/.test(e.title));
  assert.equal(chained?.status, 'resolved');
  const sequenced = errorsOf(await analyse(build(';'), t)).find((e) => /NameError/.test(e.title));
  assert.notEqual(sequenced?.status, 'resolved');
});

test('round 24: rules in Kazakh, German mid-sentence and after a colon lead-in', () => {
  for (const rule of [
    'тесттердегі күтілген мәндерді өзгертпе',
    'бағдарлама шығаратын мәтіннің бәрі қазақша болсын',
    'Ama lütfen keine npm Pakete, alles läuft über die sqlite3 CLI, das war so abgesprochen.',
    'and before you reach for JMH or caffeine or whatever: no new dependencies, JDK only.',
  ])
    assert.ok(isConstraint(rule), rule);
  assert.equal(isConstraint('there is no dependency between the two modules, so it loads fast'), false);
});

test('rejected: an edit discarded with git is named by the lines it added, not the function’s first lines it repeated', async (t) => {
  const before =
    'def average_price(records):\n    """Weighted mean."""\n    total = sum(r.qty for r in records)\n    return sum(r.price * r.qty for r in records) / total';
  const after =
    'def average_price(records):\n    """Weighted mean."""\n    total = sum(r.qty for r in records)\n    try:\n        return sum(r.price * r.qty for r in records) / total\n    except ZeroDivisionError:\n        return 0.0';
  const log = new ClaudeLog('/home/dev/qoima');
  log.user('түзет');
  log.tool(
    'Edit',
    { file_path: '/home/dev/qoima/stats.py', old_string: before, new_string: after },
    'The file /home/dev/qoima/stats.py has been updated successfully.',
  );
  log.text('Бұл болмайды: тест None күтеді, ал 0.0 оған сәйкес келмейді. Қайтарамын.');
  log.bash('git checkout -- stats.py', '');
  const rejected = (await analyse(log, t)).findings.filter((f) => f.analyst === 'rejected').map((f) => f.title);
  assert.equal(rejected.length, 1, rejected.join('\n'));
  assert.match(rejected[0], /except ZeroDivisionError: return 0\.0/);
  assert.doesNotMatch(rejected[0], /Weighted mean/);
});

test('round 25 and set AN: a cargo run narrowed to doc-tests settles no integration test; device and service logs, star bars, headings measure nothing; reports and launches decide nothing', async (t) => {
  const failing =
    "running 1 test\ntest max_forgets_evicted ... FAILED\n\nfailures:\n\n---- max_forgets_evicted stdout ----\n\nthread 'max_forgets_evicted' (23944) panicked at tests/ring.rs:34:5:\nassertion failed\n\nfailures:\n    max_forgets_evicted\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored";
  const log = new ClaudeLog('/home/dev/ringstat');
  log.user('1. fix the doc-test 2. #41 stays as is');
  log.bash('cargo test --test ring 2>&1', failing, 101);
  log.bash('cargo test --doc 2>&1 | tail -n 4', 'test src/lib.rs - (line 3) ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored');
  assert.notEqual(errorsOf(await analyse(log, t))[0].status, 'resolved');
  for (const line of [
    'terminal_1    | [2025/09/27 07:38:58:3229] N: __lws_lc_untag:  -- [wsisrv|23|adopted] (0) 3.895ms',
    'I (159) esp_image: segment 3: paddr=00040020 vaddr=400d0020 size=a60ach (680108) map',
    'Compressed 1019056 bytes to 610571...',
    '[*********************100%***********************]  1 of 1 completed',
    '    Number of calls: 1',
    'Phase 2 Test Results',
  ])
    assert.deepEqual(measuredLines(line), [], line);
  for (const none of [
    'We previously tried using speckit, but it failed because the command wasn’t found, not due to sandboxing.',
    "I'll launch the proofreader agent to review the Word document instead of reading it myself.",
    'The user shared a YAML snippet, and I’ll patch it into tasks-cli.yaml rather than the spec.',
    '**4528 passed, 8 failed** - the failures are due to Node module version mismatch, not our code changes',
    'Prompt Cache（KV Cache复用）** | 直接决定成本和延迟。',
  ])
    assert.equal(classifySentence(none, 'thinking'), undefined, none);
});
