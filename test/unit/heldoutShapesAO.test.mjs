// Shapes of wrong or missed claims found on held-out set AN and bench:facts round 26 (labelled or scored before tuning),
// each turned into a general rule and checked on a log of the same shape built with the real record formats, with the
// neighbour that must stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';
import { analyse, errorsOf } from '../support/analyseLog.mjs';
import { ClaudeLog, CodexLog } from '../support/analysisLogs.mjs';

const require = createRequire(import.meta.url);
const { classifySentence, errorLines, isConstraint, measuredLines, sentences } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

const decisionsOf = (analysis) => analysis.findings.filter((f) => f.analyst === 'decisions').map((f) => f.title);
const constraintsOf = (analysis) => analysis.constraints.map((c) => c.text);

const PARSER_ERROR = (message) =>
  `At line:1 char:11\r\n+ python - <<PY\r\n+           ~\r\n${message}\r\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\r\n    + FullyQualifiedErrorId : MissingFileSpecification\r\n`;

test('set AN: a failed command written again another way at once is that command run again: fixed when it passes, past it when it fails another way, failing again when it says the same', async (t) => {
  const passed = new CodexLog('C:\\work\\cli');
  passed.user('check the module loads');
  passed.shellArray(
    ['powershell', '-NoProfile', '-Command', "python - <<PY\nimport cli\nprint('Loaded CLI module OK')\nPY"],
    PARSER_ERROR('Missing file specification after redirection operator.'),
    1,
  );
  passed.shellArray(['powershell', '-NoProfile', '-Command', 'python -c "import cli; print(\'Loaded CLI module OK\')"'], 'Loaded CLI module OK\r\n', 0);
  const [fixed] = errorsOf(await analyse(passed, t));
  assert.equal(fixed.status, 'resolved', fixed.detail);

  const past = new CodexLog('C:\\work\\cli');
  past.user('find where the tasks are named');
  past.shellArray(
    ['powershell', '-NoProfile', '-Command', 'rg -n "signals_today|backtest_all|install_deps" -S || echo "NO_MATCH"'],
    "At line:1 char:63\r\nThe token '||' is not a valid statement separator in this version.\r\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\r\n",
    1,
  );
  past.shellArray(
    ['powershell', '-NoProfile', '-Command', 'rg -n -S "signals_today|backtest_all|install_deps"'],
    "backtest_all : The term 'backtest_all' is not recognized as the name of a cmdlet, function, script file, or operable program.\r\n    + CategoryInfo          : ObjectNotFound: (backtest_all:String) [], CommandNotFoundException\r\n",
    1,
  );
  const separator = errorsOf(await analyse(past, t)).find((e) => !e.title.includes('backtest_all'));
  assert.equal(separator?.status, 'resolved', separator?.detail);

  // (The same words again: it failed again; and another address fetched is another page, which settles nothing.)
  const again = new ClaudeLog('/home/dev/app');
  again.user('fetch the spec');
  again.bash('curl -sf https://example.org/spec/v1/main.py | head -40', 'curl: (22) The requested URL returned error: 404', 22);
  again.bash('curl -sf https://example.org/spec/v1/src/main.py | head -40', 'curl: (22) The requested URL returned error: 404', 22);
  again.bash('curl -sf https://example.org/spec/v1/pyproject.toml | head -40', '[project]\nname = "spec"', 0);
  for (const error of errorsOf(await analyse(again, t))) assert.notEqual(error.status, 'resolved', error.detail);

  // (Another program run next is not a retry, however alike its words.)
  const other = new ClaudeLog('/home/dev/app');
  other.user('deploy it');
  other.bash('scp build/app.tar.gz deploy@host:/srv/app/releases/', 'scp: /srv/app/releases/: Permission denied', 1);
  other.bash('ssh deploy@host ls /srv/app/releases/', 'v1\nv2', 0);
  assert.notEqual(errorsOf(await analyse(other, t))[0].status, 'resolved');
});

test('round 26: a make recipe killed by a signal, valgrind’s leak and Node’s error code under `| tail` are errors, settled by the clean run', async (t) => {
  const log = new ClaudeLog('/home/dev/wordfreq');
  log.user('make test segfaults, fix it');
  log.bash('make test 2>&1 | tail -20', './tests/test_words\nok   count_twice\nok   count_once\nmake: *** [Makefile:13: test] Segmentation fault');
  log.bash('make test', './tests/test_words\nok   count_twice\nok   count_once\nok   count_null\n4 passed, 0 failed');
  log.bash(
    'valgrind --leak-check=full --error-exitcode=1 ./wordfreq data/sample.txt 2>&1 | tail -12',
    '==32051== HEAP SUMMARY:\n==32051==     in use at exit: 9,198 bytes in 1,378 blocks\n==32051==   total heap usage: 2,761 allocs, 1,383 frees, 59,150 bytes allocated\n==32051== \n==32051== LEAK SUMMARY:\n==32051==    definitely lost: 9,198 bytes in 1,378 blocks\n==32051==    indirectly lost: 0 bytes in 0 blocks\n==32051== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)',
  );
  log.bash(
    'valgrind --leak-check=full --error-exitcode=1 ./wordfreq data/sample.txt 2>&1 | tail -5',
    '==32113== HEAP SUMMARY:\n==32113==   total heap usage: 2,761 allocs, 2,761 frees, 59,150 bytes allocated\n==32113== All heap blocks were freed -- no leaks are possible\n==32113== ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 0 from 0)',
  );
  const errors = errorsOf(await analyse(log, t));
  const segfault = errors.find((e) => e.title.includes('Segmentation fault'));
  const leak = errors.find((e) => e.title.includes('definitely lost: 9,198 bytes'));
  assert.equal(segfault?.status, 'resolved', errors.map((e) => e.title).join('\n'));
  assert.equal(leak?.status, 'resolved', errors.map((e) => e.title).join('\n'));
  // (valgrind saying nothing was lost is no error.)
  assert.ok(!errors.some((e) => /no leaks are possible|0 errors from 0/.test(e.title)));

  const node = errorLines(
    "  code: 'ERR_MODULE_NOT_FOUND',\n  url: 'file:///app/src/format.js'\n}\n\nNode.js v24.11.1\n✖ test/format.test.mjs (40.714679ms)\nℹ tests 1\nℹ fail 1",
  );
  assert.ok(
    node.lines.some((l) => l.includes('ERR_MODULE_NOT_FOUND')),
    node.lines.join('\n'),
  );
});

test('round 26: valgrind’s heap summary, node:test’s closing counts and several counts in one sqlite script are measurements; a count of none is not', () => {
  assert.deepEqual(
    measuredLines(
      '==32113== HEAP SUMMARY:\n==32113==   total heap usage: 2,761 allocs, 2,761 frees, 59,150 bytes allocated\n==32113== All heap blocks were freed -- no leaks are possible',
    ),
    ['total heap usage: 2,761 allocs, 2,761 frees, 59,150 bytes allocated'],
  );
  const tap = measuredLines(
    '1..9\n# tests 9\n# suites 0\n# pass 9\n# fail 0\n# todo 0\n# duration_ms 76.187448',
    6,
    'node --test --test-reporter=tap test/*.test.mjs',
  );
  assert.deepEqual(tap, ['# tests 9', '# pass 9', '# duration_ms 76.187448']);
  const sql = measuredLines(
    '1917\nRun Time: real 0.001 user 0.000212 sys 0.000000\n1898\nRun Time: real 0.000 user 0.000325 sys 0.000000',
    6,
    "sqlite3 data/shop.db <<'SQL'\n.timer on\nSELECT COUNT(*) FROM orders;\nSELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id;\nSQL",
  );
  assert.ok(sql.includes('COUNT(*) FROM orders: 1917'), sql.join('\n'));
  assert.ok(sql.includes('COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id: 1898'), sql.join('\n'));
  // (Two queries but three values: which is which is unknown, so none is named.)
  const unsure = measuredLines('1917\n1898\n7', 6, 'sqlite3 shop.db "SELECT COUNT(*) FROM orders; SELECT COUNT(*) FROM customers;"');
  assert.ok(!unsure.some((l) => l.startsWith('COUNT(*)')), unsure.join('\n'));
});

test('round 26: rules in Georgian, Tamil in Latin letters and Urdu, and a rule asked to be agreed to; one-off asks and questions stay out', () => {
  for (const rule of [
    'words.h-ში public struct-ებს არასდროს შეცვლი',
    'გარე ბიბლიოთეკები არ დაამატო',
    'eppovume force push pannadha',
    'oru vishayam — dependencies edhuvum add pannadha, idhu zero-dep library, seri ya?',
    'migrations والی فائلوں کو کبھی ہاتھ مت لگانا',
    'keep the public API unchanged, ok?',
  ])
    assert.equal(isConstraint(rule), true, rule);
  for (const none of [
    'ჯერ არ დააკომიტო, diff-ს ჯერ მე ვნახავ',
    'dei force push venaam machi, main la Priya um work pannitu irukka',
    'should we keep the public API unchanged?',
    'کیا کبھی کبھی یہ چلتا ہے؟',
  ])
    assert.equal(isConstraint(none), false, none);
  // Urdu and Hindi end a sentence with ۔ and ।, with no capital after: the rule is its own sentence.
  assert.deepEqual(sentences('یہ میں پوچھ کر بتاؤں گا۔ اصلی ڈیٹا کبھی بغیر پوچھے نہ بدلنا۔ report کا ٹیسٹ بھی لکھو۔'), [
    'یہ میں پوچھ کر بتاؤں گا۔',
    'اصلی ڈیٹا کبھی بغیر پوچھے نہ بدلنا۔',
    'report کا ٹیسٹ بھی لکھو۔',
  ]);
});

test('round 26: Urdu rule in a message with a request beside it is kept apart from the request', async (t) => {
  const log = new ClaudeLog('/home/dev/shop');
  log.user('یہ میں اکاؤنٹنٹ سے پوچھ کر بتاؤں گا۔ اصلی ڈیٹا کبھی بغیر پوچھے نہ بدلنا۔ فی الحال report کے لیے نامعلوم علاقے کا ٹیسٹ بھی لکھو۔');
  log.text('ٹھیک ہے۔');
  const rules = constraintsOf(await analyse(log, t));
  assert.ok(
    rules.some((r) => r.includes('اصلی ڈیٹا کبھی بغیر پوچھے نہ بدلنا')),
    rules.join('\n'),
  );
  assert.ok(!rules.some((r) => r.includes('ٹیسٹ بھی لکھو')), rules.join('\n'));
});

test('round 26: decisions picked by place in Georgian, an “I’ll X” repeating one option weighed in its own sentence, and “So a Y” after the obvious way was found wanting', async (t) => {
  const georgian = new ClaudeLog('/home/dev/wordfreq');
  georgian.user('გაასწორე');
  georgian.text(
    'count_null-ზე კვდება.\n\nორი ვარიანტი: an assert(w != NULL) ან return 0 for a NULL word. ვირჩევ მეორეს — the count_null test already expects 0, assert კი ტესტს მაინც მოკლავს.',
  );
  georgian.tool('Edit', { file_path: '/home/dev/wordfreq/src/words.c', old_string: 'a', new_string: 'b' }, 'The file has been updated.');
  const picked = decisionsOf(await analyse(georgian, t));
  assert.ok(
    picked.some((d) => d.includes('return 0 for a NULL word') && d.startsWith('ვირჩევ მეორეს')),
    picked.join('\n'),
  );

  const repeated = new ClaudeLog('/home/dev/inr');
  repeated.user('is it fast enough?');
  repeated.thinking(
    "Two designs. A Map cache of formatted strings would make repeated amounts a lookup, but a cache keyed by amount grows with every distinct amount. The other option is to recompute the grouping on every call; it is cheap and has no state. I'll recompute the grouping on every call and let the benchmark show whether that is fast enough.",
  );
  repeated.tool('Write', { file_path: '/home/dev/inr/bench/bench.mjs', content: 'x' }, 'File created successfully');
  const recompute = decisionsOf(await analyse(repeated, t));
  assert.ok(
    recompute.some((d) => d.startsWith("I'll recompute the grouping on every call")),
    recompute.join('\n'),
  );
  // (A next step that repeats both options, or none, picks nothing.)
  const both = new ClaudeLog('/home/dev/inr');
  both.user('is it fast enough?');
  both.thinking(
    "Two designs. A Map cache of formatted strings would be a lookup. The other option is to recompute the grouping on every call. I'll benchmark both the Map cache of formatted strings and recompute the grouping on every call.",
  );
  assert.deepEqual(decisionsOf(await analyse(both, t)), []);

  const so = new ClaudeLog('/home/dev/shop');
  so.user('fix the report');
  so.thinking(
    "An inner join is the obvious query, but orders whose customer row is gone would silently drop out of the totals. So a left join with an unknown bucket, labelled (unknown), and the order count stays equal to the table's.",
  );
  const join = decisionsOf(await analyse(so, t));
  assert.ok(
    join.some((d) => d.startsWith('So a left join with an unknown bucket')),
    join.join('\n'),
  );
  // (A conclusion with a verb of its own after "So" decides nothing.)
  const concluded = new ClaudeLog('/home/dev/shop');
  concluded.user('why is it slow?');
  concluded.thinking('An index would help, but the table would still be scanned once. So the query is slow because of the join.');
  assert.deepEqual(decisionsOf(await analyse(concluded, t)), []);
});

test('set AO: pasted emails and terminal output, noun subjects, status codes and asides set no rule; a Chinese rule acts on the work', async (t) => {
  for (const none of [
    'Keep-alive: VM keeps running in background',
    'target dir is still being pushed to version control.',
    'Claude，我的后端在抓取目标网站时收到了 403 Forbidden 错误，这说明网站把我的请求识别为爬虫了。',
    "a new directory that I'd prefer to have at the root of the repo called scripts.",
    "i don't even know what those files are tbh",
    'For example, Worldpay currently sends payments to our client account, as we mainly use it for landlord transactions rather than anything else.',
    'rejected promise not handled within 1 second: Launching server using command risk-lsp failed.',
    '点击卡片时，不要跳转，而是在当前页面弹出一个浮窗（Modal）。',
    '数据合并 (Flattening)：不要按网站（source）遍历渲染。',
    '登陆这一页，不要导航栏和页脚，也不能滚动',
  ])
    assert.equal(isConstraint(none), false, none);
  for (const rule of [
    'keep the output format unchanged',
    'target Node 20 only',
    'I prefer tabs over spaces',
    '不要修改数据库结构',
    '不要拉 tcllib 進來',
    '跑一次单测，注意使用nodemodules里的jest，不要用npm run test',
  ])
    assert.equal(isConstraint(rule), true, rule);

  // An email pasted under a slash command: its sender's rules are not the user's.
  const email = new ClaudeLog('/home/dev/jobs');
  email.user(
    '/jobs/new-history Interview Invitation\nInbox\n\nJake Kartes <jake@example.com>\nSep 17, 2025, 8:00 AM\nto joao\n\nHi João,\n\nPlease do your work only within the CodeSignal platform, and do not use an external IDE or editor. You are not allowed to use Github Copilot or other LLMs.\n\nBest,\nJake',
  );
  email.text('Noted.');
  assert.deepEqual(constraintsOf(await analyse(email, t)), []);
  // A terminal session pasted after a zsh prompt (`~ ❯ cmd`): its lines are the program's.
  const terminal = new CodexLog('/home/dev/vm');
  terminal.user(
    "~ ❯ ldr-windows-vm launch\nVM lifecycle:\n  • Keep-alive: VM keeps running in background\n⚠️  Warning: SPICE socket not created within 30s\n\nfor some reason LG doesn't seem to be working.",
  );
  terminal.text('Looking.');
  assert.deepEqual(constraintsOf(await analyse(terminal, t)), []);
});

test('set AO: a retry that runs another file in the same step’s place is another target; one file named by its stem is the same; a clone of another repository settles nothing', async (t) => {
  const same = new CodexLog('C:\\work\\app');
  same.user('run the migrations');
  same.shellArray(
    ['pwsh.exe', '-Command', 'cd c:\\work\\app; call venv\\Scripts\\activate.bat; python manage.py migrate'],
    "call: The term 'call' is not recognized as a name of a cmdlet\r\nModuleNotFoundError: No module named 'django'",
    1,
  );
  same.shellArray(
    ['pwsh.exe', '-Command', 'cd c:\\work\\app; & venv\\Scripts\\Activate.ps1; python manage.py migrate'],
    'Operations to perform:\r\n  Apply all migrations: admin\r\nRunning migrations:\r\n  No migrations to apply.',
    0,
  );
  assert.ok(errorsOf(await analyse(same, t)).every((e) => e.status === 'resolved'));

  const clone = new ClaudeLog('/d/src');
  clone.user('clone my repos');
  clone.bash(
    'git clone https://github.com/dev/ats-research.git',
    "Cloning into 'ats-research'...\nfatal: repository 'https://github.com/dev/ats-research.git/' not found",
    128,
  );
  clone.bash('git clone https://github.com/dev/system-design-tools.git', "Cloning into 'system-design-tools'...");
  assert.notEqual(errorsOf(await analyse(clone, t))[0].status, 'resolved');
  clone.bash('gh repo create dev/ats-research --private && git clone https://github.com/dev/ats-research', "Cloning into 'ats-research'...");
  assert.equal(errorsOf(await analyse(clone, t))[0].status, 'resolved');
});

test('round 27: Slovenian and Amharic rules, Amharic sentence ends; Slovenian "I use X instead of Y, because"; "So keep the arrays." after the options; "So retry inside…" after the obvious way was found wanting', async (t) => {
  for (const rule of ['nobenega unwrap() izven testov', 'expected/ ውስጥ ያሉትን ፋይሎች በፍጹም አትቀይር', 'ድምሩ ሁልጊዜ ሁለት አስርዮሽ ቦታ ይኑረው'])
    assert.equal(isConstraint(rule), true, rule);
  for (const none of ['clippy pade, popravi.', 'pipeline.sh ን አስተካክልልኝ']) assert.equal(isConstraint(none), false, none);
  assert.ok(
    sentences('ሰላም! ዛሬ በCSV pipeline ላይ እንስራ። expected/ ውስጥ ያሉትን ፋይሎች በፍጹም አትቀይር — ትክክል ናቸው። አመሰግናለሁ!').includes(
      'expected/ ውስጥ ያሉትን ፋይሎች በፍጹም አትቀይር — ትክክል ናቸው።',
    ),
  );

  const slovenian = new ClaudeLog('/home/dev/zaloga');
  slovenian.user('clippy pade, popravi.');
  slovenian.text(
    'Ena napaka: needless_range_loop v sestej(). Uporabim zanka `for p in postavke` namesto atributa #[allow] nad sestej(), ker indeks i ni potreben nikjer drugje.',
  );
  slovenian.tool('Edit', { file_path: '/home/dev/zaloga/src/zaloga.rs', old_string: 'a', new_string: 'b' }, 'The file has been updated.');
  const loop = decisionsOf(await analyse(slovenian, t));
  assert.ok(
    loop.some((d) => d.includes('for p in postavke')),
    loop.join('\n'),
  );

  const arrays = new ClaudeLog('/home/dev/pipeline');
  arrays.user('totals per region please');
  arrays.thinking(
    'Per-region totals of qty * price. Two ways: sort | uniq -c on the region column, or awk associative arrays keyed by region. Uniq -c only counts lines, it cannot sum qty * price. So keep the arrays. First see what the golden test says.',
  );
  const kept = decisionsOf(await analyse(arrays, t));
  assert.ok(
    kept.some((d) => d.includes('awk associative arrays keyed by region')),
    kept.join('\n'),
  );

  const retry = new ClaudeLog('/home/dev/jobq');
  retry.user('go on');
  retry.thinking(
    'Where do retries live? Re-enqueue the failed job at the back of the queue sounds neat, but the sentinels are already queued, so a re-enqueued job would land behind them and never run. So retry inside the worker loop, with asyncio.sleep for the backoff.',
  );
  const inside = decisionsOf(await analyse(retry, t));
  assert.ok(
    inside.some((d) => d.startsWith('So retry inside the worker loop')),
    inside.join('\n'),
  );
  // ("So that means…", "So it fails…": a conclusion, not a way taken.)
  const concluded = new ClaudeLog('/home/dev/jobq');
  concluded.user('go on');
  concluded.thinking('A lock would help, but the queue would still block. So that means the worker never yields.');
  assert.deepEqual(decisionsOf(await analyse(concluded, t)), []);
});

test('round 27: edits discarded with git are named by the first one that put something in, not the last adjustment', async (t) => {
  const log = new ClaudeLog('/home/dev/jobq');
  log.user('implement retries');
  log.tool(
    'Edit',
    { file_path: '/home/dev/jobq/runner.py', old_string: '        self._loop = asyncio.get_running_loop()\n', new_string: '' },
    'The file has been updated.',
  );
  log.tool(
    'Edit',
    {
      file_path: '/home/dev/jobq/runner.py',
      old_string: '        await asyncio.gather(*workers)\n',
      new_string: '        await asyncio.gather(*(self._run_one(job_id, job) for job_id, job in jobs.items()))\n',
    },
    'The file has been updated.',
  );
  log.tool(
    'Edit',
    {
      file_path: '/home/dev/jobq/runner.py',
      old_string: '    async def run(self, jobs):\n',
      new_string: '    async def _run_one(self, job_id, job):\n        pass\n\n    async def run(self, jobs):\n',
    },
    'The file has been updated.',
  );
  log.text('`gather` over every job ignores `max_workers`, so that goes back out.');
  log.bash('git checkout -- runner.py && git status --short', '');
  const rejected = (await analyse(log, t)).findings.filter((f) => f.analyst === 'rejected');
  assert.ok(
    rejected.some((f) => `${f.title} ${f.detail}`.includes('asyncio.gather(*(self._run_one(job_id, job)')),
    rejected.map((f) => f.title).join('\n'),
  );
});

test('set AO: what a package manager will download and its package rows, the modes listed under "available modes:" and a display described measure nothing; what it installs and the mode a display runs do', () => {
  for (const none of [
    'Total Download Size:   19.74 MiB',
    'Tamanho total download:   224,34 MiB',
    'extra/libyuv            r2426+464c51a03-1     1,82 MiB             0,30 MiB',
    'opencode-bin  1.1.1-1       137,36 MiB',
    '0.4.0-4                      0,24 MiB             0,08 MiB',
    'Display (LF27T35): 1920x1080 in 27", 75 Hz [External]',
  ])
    assert.deepEqual(measuredLines(none, 6, 'sudo pacman -S x'), [], none);
  assert.deepEqual(measuredLines('Total Installed Size:  425.02 MiB', 6, 'sudo pacman -S x'), ['Total Installed Size:  425.02 MiB']);
  assert.deepEqual(measuredLines('Name: DP-2\ncurrent: 3840x2160@60.00Hz\navailable modes:\n  3840x2160@160.00Hz\n  1920x1080@60.00Hz', 6, 'wlr-randr'), [
    'current: 3840x2160@60.00Hz',
  ]);
  assert.deepEqual(measuredLines('3840x2160@60.00Hz  scale=1.5', 6, 'hyprctl monitors'), ['3840x2160@60.00Hz  scale=1.5']);
});

test('set AO: a complaint above the usage a program prints is the error, not a flag of its help; plans with their check after them, "I’ll help you", "Current behavior:" decide nothing', async (t) => {
  const log = new ClaudeLog('/d/src');
  log.user('rename the repo');
  log.bash(
    'gh repo rename job-hunting-automation',
    '--yes required when passing a single argument\n\nUsage:  gh repo rename [<new-name>] [flags]\n\nFlags:\n  -R, --repo [HOST/]OWNER/REPO   Select another repository\n  -y, --yes                      Skip the confirmation prompt',
    1,
  );
  const [error] = errorsOf(await analyse(log, t));
  assert.equal(error.title, '--yes required when passing a single argument');
  for (const none of [
    'I’m going to patch `ldr-windows-vm` so the launch path validation checks `ldr-windows.conf` instead of `omarchy-windows.conf`, then I’ll syntax-check the script.',
    'I’ll patch the same launch-time validation to check `ldr-looking-glass` instead of the legacy `omarchy` name, then syntax-check again.',
    "I'll help you disable Claude's auto-updates so Homebrew can manage everything.",
    'Current behavior: returns video type with `url=search_url` (the search page itself, not an embeddable video)',
    'So content results also get this treatment.',
    "I'd go with option 1.",
  ])
    assert.equal(classifySentence(none, 'thinking'), undefined, none);
  assert.equal(
    classifySentence(
      'Then I’ll run the tests of every workspace rather than only the money tests: the CI job stops at the first package that fails.',
      'assistant',
    )?.kind,
    'decisions',
  );
});

test('set AP: an idle install or build under a tag, a build machine, an upload at 0% measure nothing; add-on requests after a refusal, "I don’t feel like…", "não precisa ser…" are no corrections or rules; recaps and agent descriptions decide nothing', async (t) => {
  for (const none of [
    'Building: up to date in 984ms',
    'Building: Build machine configuration: 4 cores, 8 GB',
    'Uploading [--------------------] (0.0B/762.8KB)',
  ])
    assert.deepEqual(measuredLines(none, 6, 'vercel --prod'), [], none);
  assert.deepEqual(measuredLines('[stderr]     Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.48s', 6, 'cargo run'), []);
  assert.deepEqual(measuredLines('Building: ✓ Compiled successfully in 12.2s', 6, 'vercel --prod'), ['Building: ✓ Compiled successfully in 12.2s']);
  for (const none of [
    "I don't feel like I have good situational awareness of whats happening in each tab",
    'Entenda o objetivo do que eu disse, nao precisa ser exatamente como eu disse, o importante e que a experiencia seja sempre boa',
  ])
    assert.equal(isConstraint(none), false, none);
  for (const none of [
    'I already rewrote FileList.tsx, Sidebar.tsx, and PathBar.tsx to use native HTML instead of Ring UI',
    'Use this agent when bugs need real investigation rather than quick fixes.',
  ])
    assert.equal(classifySentence(none, 'thinking'), undefined, none);

  const log = new ClaudeLog('/home/dev/site');
  log.user('serve it');
  log.tool(
    'Bash',
    { command: 'python3 -m http.server 8000', description: 'serve' },
    "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.",
    { isError: true },
  );
  log.user('ついでに、英語はセクションタイトルのところ以外はいらないよ。英語になっちゃっているところは日本語にして');
  const refusals = (await analyse(log, t)).findings.filter((f) => f.analyst === 'refusals');
  assert.ok(!refusals.some((f) => f.title.includes('ついでに')), refusals.map((f) => f.title).join('\n'));
});

test('round 28: tcltest is a test check, its -match run settles only what it ran, its count measures and fails the run; each failing test is its own error', async (t) => {
  const failing =
    '==== tally-2.1 money, millions FAILED\n---- Result was:\n1234,567\n==== tally-2.1 FAILED\n\n==== tally-3.2 week, ISO year rollover FAILED\n---- Result was:\n2024-W01\n==== tally-3.2 FAILED\n\nall.tcl:\tTotal\t17\tPassed\t15\tSkipped\t0\tFailed\t2\nSourced 1 Test Files.';
  const log = new ClaudeLog('/home/dev/tally');
  log.user('тестүүдийг засаарай');
  log.bash('tclsh tests/all.tcl 2>&1 | tail -n 25', failing);
  log.bash("tclsh tests/all.tcl -match 'tally-2.*' 2>&1 | tail -n 4", 'all.tcl:\tTotal\t17\tPassed\t3\tSkipped\t14\tFailed\t0\nSourced 1 Test Files.');
  log.bash(
    'tclsh tests/all.tcl 2>&1 | tail -n 6',
    'all.tcl:\tTotal\t17\tPassed\t16\tSkipped\t0\tFailed\t1\nSourced 1 Test Files.\nFiles with failing tests: tally.test',
  );
  const analysis = await analyse(log, t);
  const errors = errorsOf(analysis);
  const week = errors.find((e) => e.title.includes('tally-3.2'));
  const money = errors.find((e) => e.title.includes('tally-2.1'));
  assert.notEqual(week?.status, 'resolved', errors.map((e) => `${e.title} ${e.status}`).join('\n'));
  assert.equal(money?.status, 'resolved', errors.map((e) => `${e.title} ${e.status}`).join('\n'));
  assert.equal(analysis.checks.find((c) => c.command.startsWith('tclsh tests/all.tcl'))?.outcome, 'failing');
  assert.deepEqual(measuredLines('all.tcl:\tTotal\t17\tPassed\t15\tSkipped\t0\tFailed\t2'), ['all.tcl: Total 17 Passed 15 Skipped 0 Failed 2']);
});

test('round 28: a file a program wrote its output to, printed later, is that output; counts of accounts and an elapsed_us figure measure; Node’s `Error [ERR_X]:` and a linter’s problem count fail a run', async (t) => {
  const log = new ClaudeLog('/home/dev/hisab');
  log.user('चलाउनुहोस्');
  log.bash('./hisab data/ledger.csv > out/report.txt; echo "exit=$?"', 'exit=0');
  log.bash('head -n 3 out/report.txt; cat out/timing.txt', 'accounts: 977\nACC0400 -14979.33\nACC0320 22904.51\nrecords: 24817\nelapsed_us: 5266');
  // (A file written with a heredoc is content, not output: printing it measures nothing.)
  log.bash("cat > notes/plan.txt <<'EOF'\nstep 1: 40 files\nEOF", '');
  log.bash('cat notes/plan.txt', 'step 1: 40 files');
  const numbers = (await analyse(log, t)).numbers.map((n) => n.text ?? n.title ?? n);
  const said = JSON.stringify(numbers);
  for (const figure of ['accounts: 977', 'records: 24817', 'elapsed_us: 5266']) assert.ok(said.includes(figure), `${figure} in ${said}`);
  assert.ok(!said.includes('40 files'), said);

  const node = new ClaudeLog('/home/dev/tabsum');
  node.user('drop compat');
  node.bash(
    'git rm -q src/compat.js && npm test 2>&1 | head -n 14',
    "✔ file and column (1.17ms)\nnode:internal/modules/esm/resolve:274\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find module '/home/dev/tabsum/src/compat.js' imported from /home/dev/tabsum/test/compat.test.js",
  );
  node.bash(
    'npm run lint 2>&1 | tail -n 8',
    '> tabsum@0.3.0 lint\n> node scripts/lint.mjs\n\nsrc/compat.js:6: use let/const, not var\nlint: 1 problem(s) in 11 files',
  );
  const errors = errorsOf(await analyse(node, t));
  assert.ok(
    errors.some((e) => e.title.includes('ERR_MODULE_NOT_FOUND')),
    errors.map((e) => e.title).join('\n'),
  );
  assert.ok(
    errors.some((e) => /use let\/const|problem\(s\)/.test(`${e.title} ${e.detail}`)),
    errors.map((e) => e.title).join('\n'),
  );
});

test('round 28: Mongolian and Nepali rules; a Mongolian pick by place; "Болохгүй" gives up what was just tried', async (t) => {
  for (const rule of [
    'tests/ доторх хүлээгдэх утгыг битгий өөрчил',
    'tcllib битгий ашигла, цэвэр tcl 8.6',
    '-Werror चाहिँ नहटाउनुहोला',
    'हरेक लाइनको format उस्तै राख्नुहोस्, अर्को script ले यो पढ्छ',
  ])
    assert.equal(isConstraint(rule), true, rule);
  const log = new ClaudeLog('/home/dev/tally');
  log.user('засаарай');
  log.text(
    'Хоёр арга: эхний муу мөр дээр error шидэх, эсвэл муу мөрийг алгасаж skipped-д тоолно. Би хоёр дахийг сонгоно: orders.csv-г кассын систем гаргадаг.',
  );
  log.tool('Edit', { file_path: '/home/dev/tally/lib/tally.tcl', old_string: 'a', new_string: 'b' }, 'The file has been updated.');
  const decided = decisionsOf(await analyse(log, t));
  assert.ok(
    decided.some((d) => d.includes('муу мөрийг алгасаж skipped-д тоолно')),
    decided.join('\n'),
  );
});

test('round 28: a check run again with only a pipe’s cut of stack frames, or only the runner’s row for the same test, is its open failure again', async (t) => {
  const log = new ClaudeLog('/home/dev/tabsum');
  log.user('fix the format test');
  log.bash(
    'npm test 2>&1 | tail -n 30',
    "✖ failing tests:\n\ntest at test/format.test.js:13:1\n✖ formats negative amounts in parentheses (0.718144ms)\n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n  + '-1,234.50'\n  - '(1,234.50)'",
  );
  log.bash('npm test 2>&1 | grep -E "^(✖|ℹ (tests|pass|fail))"', '✖ formats negative amounts in parentheses (0.804994ms)\nℹ tests 11\nℹ pass 10\nℹ fail 1');
  log.bash(
    'npm test 2>&1 | tail -n 4',
    "      at Test.run (node:internal/test_runner/test:1106:25) {\n    generatedMessage: true,\n    code: 'ERR_ASSERTION',\n    actual: '-1,234.50'",
  );
  const errors = errorsOf(await analyse(log, t));
  assert.equal(errors.length, 1, errors.map((e) => e.title).join('\n'));
  // (Another message under the same test is another error.)
  const other = new ClaudeLog('/home/dev/shop');
  other.user('fix the query');
  other.bash(
    'python3 -m unittest 2>&1 | tail -n 8',
    'ERROR: test_sept (tests.test_report.ReportTest.test_sept)\nsqlite3.OperationalError: no such column: o.beloeb\n\nFAILED (errors=1)',
  );
  other.bash(
    'python3 -m unittest 2>&1 | tail -n 8',
    'ERROR: test_sept (tests.test_report.ReportTest.test_sept)\nsqlite3.OperationalError: ambiguous column name: oprettet\n\nFAILED (errors=1)',
  );
  assert.equal(errorsOf(await analyse(other, t)).length, 2);
});

test('round 29: a harness tally "1 not ok" and dash’s "[[: not found" fail a run; "# 8/9 ok" measures; ctest’s closing list settles a test it no longer names; a program run again as one part of a passing line got past its error', async (t) => {
  const tap = new ClaudeLog('/home/dev/garbi');
  tap.user('konpondu');
  tap.bash(
    'sh tests/run.sh 2>&1 | tail -n 20',
    '1..9\nok 6 - f-maiuskulak\nnot ok 7 - g-idn\n#   < jon@xn--mnchen-3ya.de\nok 8 - h-nahasia\n# 8/9 ok, 1 not ok',
  );
  tap.bash('sh bin/garbi.sh -q data/zerrenda.txt 2>&1 | tail -n 2; sh tests/run.sh | tail -n 3', 'ok 8 - h-nahasia\nok 9 - usage-exit-2\n# 8/9 ok, 1 not ok');
  const analysis = await analyse(tap, t);
  assert.notEqual(errorsOf(analysis).find((e) => e.title.includes('not ok 7'))?.status, 'resolved');
  assert.deepEqual(measuredLines('# 8/9 ok, 1 not ok'), ['# 8/9 ok, 1 not ok']);
  const dash = new ClaudeLog('/home/dev/garbi');
  dash.user('run it');
  dash.bash('sh bin/garbi.sh data/zerrenda.txt > /dev/null', 'bin/garbi.sh: 4: [[: not found\nkept 157, dropped 20');
  assert.ok(errorsOf(await analyse(dash, t)).some((e) => e.title.includes('[[: not found')));

  const ctest = new ClaudeLog('/home/dev/ring');
  ctest.user('fix the tests');
  ctest.bash(
    'ctest --test-dir build --output-on-failure 2>&1 | tail -n 15',
    '33% tests passed, 2 tests failed out of 3\n\nTotal Test time (real) =   0.01 sec\n\nThe following tests FAILED:\n\t  2 - test_wrap (Failed)\n\t  3 - test_full (Failed)\nErrors while running CTest',
  );
  ctest.bash(
    'cmake --build build 2>&1 | tail -n 2 && ctest --test-dir build 2>&1 | tail -n 9',
    '[100%] Built target test_full\n67% tests passed, 1 tests failed out of 3\n\nThe following tests FAILED:\n\t  3 - test_full (Failed)\nErrors while running CTest',
  );
  const statuses = Object.fromEntries(errorsOf(await analyse(ctest, t)).map((e) => [e.title.replace(/^\s*\d+ - /, '').slice(0, 14), e.status]));
  assert.equal(statuses['test_wrap (Fai'], 'resolved', JSON.stringify(statuses));
  assert.notEqual(statuses['test_full (Fai'], 'resolved', JSON.stringify(statuses));

  const part = new ClaudeLog('/home/dev/pustakam');
  part.user('run it on the books');
  part.bash(
    'python3 -m pustakam data/books.csv 2>&1 | tail -n 4',
    "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/_strptime.py\", line 349, in _strptime\n    raise ValueError(msg)\nValueError: time data '24/04/2024' does not match format '%Y-%m-%d'",
  );
  part.bash(
    'python3 -m pustakam data/books.csv; python3 -m pytest -q 2>&1 | tail -n 3',
    '212 books in 9 genres, 45 overdue\n.............                                                            [100%]\n13 passed in 0.69s',
  );
  assert.equal(errorsOf(await analyse(part, t))[0].status, 'resolved');
});

test('set AQ: venting, complaints, a gone need, a named task and a pasted patch set no rule (a rule said with an oath still does); apologies, "Test:" and "Idea is clear:" decide nothing; `rm a b` then `rm -rf a b` is the same removal again', async (t) => {
  for (const none of [
    "Don't go fucking rogue.",
    "I don't want to sit here and baby you.",
    'You don’t make sense.',
    "We don't need it anymore.",
    'We have to remove the token from the source.',
  ])
    assert.equal(isConstraint(none), false, none);
  assert.equal(isConstraint('no fucking fluff.'), true);
  const patch = new CodexLog('/home/dev/init');
  patch.user('*** Begin Patch\n*** Add File: docs/WORKFLOW.md\n+- Keep each script <120 lines. Local ports only. No external network access.\n*** End Patch');
  patch.text('Applied.');
  assert.deepEqual(constraintsOf(await analyse(patch, t)), []);
  for (const none of [
    'I keep making excuses instead of systematically checking the facts.',
    'I was guessing based on the behavior instead of having actual evidence.',
    'Test: `/agent:update Developer: add rule to always use async/await instead of .then()`',
    'Idea is clear: add rule to prefer early returns over nested conditionals',
  ])
    assert.equal(classifySentence(none, 'assistant'), undefined, none);

  const rm = new ClaudeLog('/Users/dev');
  rm.user('clean up');
  rm.bash('rm /Users/dev/.cache-dir /Users/dev/.claude.json.backup', 'rm: /Users/dev/.cache-dir: is a directory', 1);
  rm.bash('rm -rf /Users/dev/.cache-dir /Users/dev/.claude.json.backup && echo "Rimosso"', 'Rimosso');
  assert.equal(errorsOf(await analyse(rm, t))[0]?.status, 'resolved');
});

test('set AQ: a clone over HTTPS retried at once over SSH is the same clone again; another repository is not', async (t) => {
  const log = new ClaudeLog('/Users/dev/src');
  log.user('clone FinNav');
  log.bash(
    'git clone https://github.com/dev/FinNav.git',
    "Cloning into 'FinNav'...\nfatal: could not read Username for 'https://github.com': Device not configured",
    128,
  );
  log.bash('git clone git@github.com:dev/FinNav.git', "Cloning into 'FinNav'...");
  assert.equal(errorsOf(await analyse(log, t))[0].status, 'resolved');
  const other = new ClaudeLog('/Users/dev/src');
  other.user('clone FinNav');
  other.bash(
    'git clone https://github.com/dev/FinNav.git',
    "Cloning into 'FinNav'...\nfatal: could not read Username for 'https://github.com': Device not configured",
    128,
  );
  other.bash('git clone git@github.com:dev/Thanos.git', "Cloning into 'Thanos'...");
  assert.notEqual(errorsOf(await analyse(other, t))[0].status, 'resolved');
});

test('set AO corpus: `docker exec CONTAINER cmd` is keyed by the command run in the container, so another probe there settles nothing; a check run there is that check', async (t) => {
  const { commandFamily } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));
  assert.equal(commandFamily('docker exec -it app npm test')?.kind, 'test');
  const log = new ClaudeLog('/workspace');
  log.user('why is qdrant unhealthy?');
  log.bash("docker exec qdrant sh -c 'ps aux | grep -q qdrant && echo found || echo missing'", 'missing\nsh: 1: ps: not found');
  log.bash("docker exec qdrant sh -c 'ls -la /proc/self' | head -5", 'lrwxrwxrwx 1 root root 0 Aug  8 05:24 /proc/self -> 207');
  assert.notEqual(errorsOf(await analyse(log, t))[0]?.status, 'resolved');
});
