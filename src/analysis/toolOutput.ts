// Reads tool output for what only shows there: error lines, failing tests, stack trace heads and
// measured numbers. Pure functions over one output at a time.
import { posix } from 'node:path';
import { parseCommandLine } from './shellWords.js';
import { unwrapProgram } from './shellWrites.js';
import { headAndTail, oneLine } from './text.js';

/**
 * Lines that say something failed, most telling first: error codes and exception lines name the cause;
 * a test runner's "not ok 6" or "FAIL file" only says that something failed.
 */
/** Valgrind memcheck's report of a leak or a bad access, each line under its `==pid==` prefix. */
const VALGRIND_ERROR =
  /^==\d+==\s+(?:definitely lost: [1-9]|Invalid (?:read|write) of size \d|Invalid free\(\)|Mismatched free\(\)|Conditional jump or move depends on uninitialised|Use of uninitialised value|Source and destination overlap)/m;

/** A server's 5xx answer in a line: curl's `-i` status line, or `-w`'s `code=500 size=341 time=0.0026`. */
export const HTTP_5XX_LINE = /^HTTP\/\d(?:\.\d)? 5\d\d\b|(?:^|[\s}\]])(?:http_code|code|status)=5\d\d\b/;

const STRONG_ERROR = [
  /\bFailed to find (?:expected lines|context)\b|\berror TS\d+\b|^\s*level=(?:error|fatal|panic)\b|\berror\[E\d{4}\]|\b[A-Z]{1,4}\d{3,5}\b:\s+\S.*\berror\b|^\s*E\d{3,4}\b/,
  /^\S+:\d+(?::\d+)?:\s*(?:fatal )?error:/, // a compiler's `src/crc.c:7:69: error: 'polynom' undeclared`
  // Python's exception named by its module and class, whatever the class is called: `decimal.InvalidOperation: […]`, `locale.Error: …`.
  /^(?:[a-z_][a-z0-9_]*\.)+[A-Z][A-Za-z0-9]*: \S/,
  // gRPC's status under grpcurl's `ERROR:` (`Code: Unknown` + `Message: Invalid salt`): joined below, the message names it.
  /^\s*(?:ERROR:\s*)?Code: \w+ — Message: \S/,
  // Rust (since 1.88 with the thread's id: `thread 'tests::p99' (18536) panicked at`); ExUnit's `Assertion with =~ failed`
  /^\s*(?:assertion\b.*\bfailed|thread '.*'(?: \(\d+\))? panicked at)/i,
  // An app's own error code first: `provider_doctor_failed: semantic provider no-egress status is not verified`.
  /^[a-z]+(?:_[a-z]+)*_(?:failed|error|invalid|missing|denied|not_found|mismatch)\b:\s+\S/,
  // Perl: Test::More's `#   Failed test 'formats a debit'`, a module missing (`Can't locate Text/CSV.pm in @INC`).
  /^\s*#\s+Failed test\b|^Can't locate \S+ in @INC\b/,
  // sqlite3's `.import` going on past rows it could not insert: `data/x.csv:27: INSERT failed: UNIQUE constraint failed: t.id`.
  /^\S+:\d+: INSERT failed: \S/,
  // …and a compile or run time error, which Perl ends with where it happened: `Global symbol "$obs" requires explicit
  // package name … at lib/Vedur/Skra.pm line 39.` (Not the wrappers that pass it on, `Compilation failed in require`.)
  /^(?!\s*#|Compilation failed in require\b|BEGIN failed--compilation aborted\b)\S.{8,}? at \S+\.(?:pm|pl|t|cgi) line \d+\.?$/,
  // Ruby names the exception's class last: `-e:32:in 'x': undefined method 'children' for … (NoMethodError)`.
  /\((?:[A-Z]\w*::)*[A-Z]\w*(?:Error|Exception)\)\s*$/,
  // PowerShell's binding errors, named by the script first in PowerShell 7 (`Land-Verdict.ps1: A parameter cannot be found…`)
  /\bA parameter cannot be found that matches parameter name\b|\bCannot bind (?:argument|parameter)\b|\bMissing an argument for parameter\b/,
  // …and PowerShell 7's error view, the cmdlet naming itself: `Invoke-Expression: Variable reference is not valid…`.
  // (An approved verb, so HTTP headers such as `Content-Type: text/html` are not taken; `Set-Cookie` is one.)
  /^(?:Add|Clear|Compress|ConvertFrom|ConvertTo|Copy|Disable|Enable|Expand|Export|Get|Import|Install|Invoke|Join|Move|New|Out|Pop|Push|Register|Remove|Rename|Resolve|Restart|Select|Set|Split|Start|Stop|Test|Uninstall|Update|Wait|Write)-(?!Cookie\b)[A-Z][A-Za-z]{1,40}: \S/,
  // A project's own tag: `VERIFY: CHANGELOG.md has no entry` (never PostgreSQL's `DETAIL:` beside its `ERROR:`,
  // nor advice a tool appends: Claude Code's settings check ends "IMPORTANT: Do not update the env unless…").
  // (Not a test runner's own header, unittest's `FAIL: test_x (…)`: the assertion under it says more.)
  /^(?!(?:DETAIL|HINT|CONTEXT|NOTICE|STATEMENT|LINE|INFO|WARNING|WARN|DEBUG|TIP|NOTE|LOG|QUERY|IMPORTANT|REMINDER|CAUTION|DEPRECATED|DEPRECATION|ATTENTION|USAGE|EXAMPLE|TODO|FAIL|FAILED|ERROR|PASS|OK)\b)[A-Z][A-Z0-9_]{2,}(?:-[A-Z0-9_]+)*:\s+\S/,
  // a checker's `lint: src/limit.js:2 'var' is not allowed` (not vite's `file: /app/src/index.css:1:0`, which says where);
  // a bundler plugin's `[vite:css] [postcss] /app/src/index.css:1:1: The \`bg-x\` class does not exist`
  /^(?!file:)[a-z][\w-]{1,20}: \S+:\d+\b|^(?:\[[\w:@/-]+\] )+\S+:\d+:\d+: \S/,
  /\b(?:parse|syntax|run ?time) error\b/i,
  // git refusing to add an ignored path (its lead-in names what follows), eslint finding no files for a pattern.
  /^The following paths are ignored by one of your \.gitignore files:|^No files matching the pattern\b/,
  // A server's 5xx answer: curl's `-i` status line, or `-w`'s `code=500 size=341 time=0.0026`.
  HTTP_5XX_LINE,
  /\b(?:[A-Z][a-zA-Z]*)?(?:Error|Exception)(?:\s*\[[\w-]+\])?:\s+\S/,
  /^\s*\d+:\d+\s+error\s+\S|^[^\s:]+:\d+:\d+\s+error\s+\S/, // eslint: `3:7  error  'x' is assigned…  no-unused-vars`, or with its file first
  /^\s*(?:error|fatal)(?:\[\w+\])?:/i,
  // a program naming itself first: `jq: error (at <stdin>:0): Cannot index…`, ``grep: unrecognized option `---'``,
  // `rsync: --mkpath: unknown option`, `rsync error: error in file IO (code 11)`
  /^\s*[\w.-]{1,30}: (?:error|fatal)\b|^[\w.-]{1,30} error: \S|^[\w.-]{1,30}: (?:\S+: )?(?:unrecognized|invalid|illegal|unknown) (?:option|argument|flag)\b/,
  /^panic:/,
  // A program naming the line of its input it rejects: `awk: rapport.awk: line 36: function asort never defined`,
  // `sjekk: linje 43: ugyldig dato 2026-02-30`, `bash: ./x.sh: line 3: foo: command not found`.
  /^[\w.-]{1,30}: (?:[\w./-]+: )?(?:line|linje|rad|zeile|ligne|línea|linha|riga|regel|rivi|satır|wiersz|řádek|sor|строка|рядок) \d+:\s*\S/iu,
  /\b(?:ENOENT|EACCES|EADDRINUSE|ECONNREFUSED|EPERM|ETIMEDOUT|EEXIST|ENOTDIR|EISDIR)\b/,
  /\bnpm (?:ERR!|error)\b/,
  /\bcommand not found\b/,
  /\bNo such file or directory\b/,
  /\bPermission denied\b/,
  // glibc's own abort message names the fault (`free(): double free detected in tcache 2`), the shell's line only the signal.
  /^(?:free|malloc|realloc|munmap_chunk|malloc_consolidate)\(\): \S|\bdouble free or corruption\b|\*\*\* stack smashing detected\b/,
  /\bSegmentation fault\b/,
  /\bCannot find module\b/,
  // Node's error code printed under its error object (`  code: 'ERR_MODULE_NOT_FOUND',`), all a `| tail` may leave of it.
  // (Not an assertion's: `AssertionError` above it says what was expected.)
  /^\s*code: 'ERR_(?!ASSERTION')[A-Z_]+',?\s*$/,
  /\bAssertionError\b/,
  /\bexpected .+ (?:to (?:be|equal|have)|but (?:got|received))\b/i,
  /\bUnhandled\w*\b/,
  /\bTraceback \(most recent call last\)/,
  /\bBUILD FAILED\b|\bbuild failed\b|\bcompilation failed\b/i,
  /\bundefined reference\b|\bsegfault\b|\bcore dumped\b/i,
  /^\s*--- FAIL:/,
  // tcltest's header for a failing test (`==== checkid-1.5 valid, Y FAILED`), libstdc++ ending on an uncaught exception.
  /^==== \S+ .+ FAILED$|^terminate called after throwing an instance of '/,
  // a script's own step row (`[build] FAILED (exit 2)`), a makefile's parse error (`Makefile:7: *** missing separator.`)
  /^\[[\w. -]+\] FAIL(?:ED)?\b|^[\w./-]+:\d+: \*\*\* \S/,
  /\.{4,}\s*Failed\s*$/, // a pre-commit hook's row: `black....................Failed`
  // (and a harness's row for one test: `buyuk_noktali_i  FAIL: got 'stanbul' want 'istanbul'`, `[FAIL] p99: expected 990 got 999`)
  /^\s*(?:FAIL|FAILED|ERROR)\b|^[\w.:/-]*[A-Za-z][\w.:/-]*\s{2,}(?:FAIL|FAILED)\b|^\s*\[(?:FAIL|FAILED)\]\s+\S/,
  // bun's failing test (`(fail) prompt-builder > JSON output reminder`), gh's failing check row
  // (`test\tfail\t7m7s\thttps://…`), gh refusing a merge (`X Pull request #235 is not mergeable: …`).
  /^\s*\(fail\)\s+\S|^\S[^\t]*\t(?:fail|failure|failed)\t|\bis not mergeable\b/,
  /^\s*[✕✗✖×]\s+\S/,
  /^\s*not ok(?: \d+|\s+-\s)/,
  // dash names the script line it could not run: `tests/run.sh: 13: [[: not found`.
  /^\S+: \d+: \S[^:]{0,60}: not found\s*$/,
  // A sanitizer's report (`==18923==ERROR: AddressSanitizer: heap-buffer-overflow on …`, `SUMMARY: AddressSanitizer: …`),
  // below a test runner's own row for the test it broke.
  /\b(?:Address|Leak|Memory|Thread|UndefinedBehavior)Sanitizer: \S/,
  // Valgrind's memcheck: a leak (`==32051==    definitely lost: 9,198 bytes in 1,378 blocks`) or a bad access.
  VALGRIND_ERROR,
  /^\s*\d+\) test .+\(\S+\)\s*$/, // ExUnit: `1) test renders the page (MyAppWeb.PageTest)`
  /^[^\s:]+:\d+:\d+: (?!warning:|note:)\S/, // Go and C compilers without the word error: `a.go:4:2: "fmt" imported and not used` (never a warning)
  /\b\d+ (?:failed|failing|errors?)\b/,
  // What failed outside the program: the network, memory, a test runner that found nothing to run;
  // opkg's `Collected errors:` heads the list of them.
  /\b(?:out of memory|Cannot connect to|Could not resolve (?:hostname|host)|Name or service not known|Temporary failure in name resolution|Connection (?:refused|timed out|reset by peer)|No route to host|Network is unreachable|No test files found|no tests ran)\b|^Collected errors:\s*$/i,
  // A validator naming what it rejected: `- : Unrecognized field: hasCompletedOnboarding.`
  /\b(?:Unrecognized|Unknown|Unexpected|Invalid|Missing required) (?:JSON )?(?:field|key|property|option|argument|parameter|value|command|subcommand)\b/i,
  // The failure in the user's language (a localised sudo, makepkg or compiler): `==> ATENÇÃO: Falha ao instalar…`.
  // (Norwegian `FEIL:`, Danish `FEJL`, Hungarian `[HIBA]`, Finnish `VIRHE`, Turkish `HATA`, Polish `BŁĄD`, Vietnamese `LỖI`.)
  /(?<!\p{L})(?:falha|falhou|erro|fehler|fehlgeschlagen|erreur|échec|échoué|fallo|falló|errore|fallito|ошибка|помилка|σφάλμα|feil|fejl|hiba|virhe|hata|błąd|lỗi)(?!\p{L})|失败|错误|エラー|失敗|오류|실패/iu,
  /<tool_use_error>/,
  // An app's own failure line: `❌ Failed to start server: RedisStore is not a constructor`.
  /(?:^|\s)❌\s|\bFailed to (?:start|build|compile|connect|load|run|install|parse|resolve|initiali[sz]e|create|open|read|write|fetch)\b/i,
  // A tool saying what it could not find (`ESLint couldn't find an eslint.config.(js|mjs|cjs) file.`); R's `Error in dim(x) <- …`.
  /\b(?:couldn['’]t|could not|was unable to) (?:find|locate|load|resolve|open|read)\b|^Error in \S/,
  // A process killed by a signal (vscode-test's `Exit code:   SIGABRT`), pnpm's script failure (` ELIFECYCLE  Test failed.`).
  /^\s*Exit code:\s+SIG[A-Z]+\b|\bELIFECYCLE\b.*\bfailed\b/,
  // (Last: the test's own output, `FAIL full: expected -1, got 0`, says more.) ctest's row for a failing test, under `The following tests FAILED:` (`  5 - wrap (Failed)`).
  /^\s*\d+ - \S+ \((?:Failed|SEGFAULT|Timeout|Subprocess aborted|Exception|Not Run|ILLEGAL|Bus error|Child aborted)\)\s*$/,
];

/** Lines that only say that something failed, not what: ranked after every telling line. */
// (…and pytest's location line under a bare `assert`, `tests/test_konto.py:19: AssertionError`: the test's own row,
// `FAILED tests/test_konto.py::test_x - assert 465 == 480`, names the test and the values.)
const GENERIC_ERROR =
  /^Please check for typing mistakes in the pattern\.?\s*$|^\S+\.py:\d+: [A-Z]\w*(?:Error|Exception)\s*$|\]\s*ERROR task failed\b|^(?:ERROR|error):? task failed\s*$|\[(?:build|setup) failed\]\s*$|NET HELPMSG \d+|^FAILURE: Build failed with an exception|^Failing command:|^make(?:\[\d+\])?: \*\*\*|\bnpm (?:ERR!|error) (?:code|errno|Test failed|A complete log|Lifecycle|command failed|command sh -c|path|syscall|workspace|location|signal)|^error: test failed, to rerun|^Found \d+ errors?\.?\s*$|\bld returned \d+ exit status\b|^\s*\d+ passed, \d+ failed\b|^✖ \d+ problems?|^\s*\d+ (?:failed|failing|errors?)\b|^\s*(?:\d+ doctests?, )?\d+ tests?, \d+ failures?\b|^\s*Assertion with \S+ failed\s*$|^\s*(?:WARNING|WARN|warning)\b|^(?:FAIL|FAILED|ERROR)\s*$|exit (?:status|code) \d+|^Command failed|^error: (?:could not compile|Recipe|script|process) |^\s*\+ (?:CategoryInfo|FullyQualifiedErrorId)\b|^\s*\+\s*~+\s*$|^At line:\d+|:\s*$/i;

/** A PowerShell error record: its classification lines, in Windows PowerShell's and PowerShell 7's layouts. */
const POWERSHELL_ERROR_RECORD = /^\s*\+ (?:CategoryInfo|FullyQualifiedErrorId)\s*:|^\s*Line \|\s*$/m;
/** `Get-Content : Cannot find path …`, `nl : The term 'nl' is not recognized …`: the command, then what went wrong. */
// (A name PowerShell could not read keeps its `?` for each letter it lost: `Stra? : Die Benennung "Stra?" wurde nicht …`.)
const POWERSHELL_MESSAGE = /^[A-Za-z][\w.?]*(?:-[A-Za-z]\w*)? : \S/;
/** A linter's diagnostic under its rule code ranks with the E-codes of the first pattern. */
const LINT_DIAGNOSTIC_RANK = 0;
/** A PowerShell error's message ranks with exception lines. */
const POWERSHELL_RANK = 6;
/** The header vitest and jest put above a test's captured console output. */
const CAPTURED_CONSOLE = /^(?:stderr|stdout) \| \S/;

/** Lines that look like error lines but are not (counts of zero, summaries of success). */
// A usage synopsis is printed beside the error that says what went wrong (`Not a git repository`), never instead of it.
// psql's and sudo's notes about the working directory or host are printed beside the real outcome.
/** A tool's bookkeeping line: `<timestamp>2025-09-29T08:13:00Z</timestamp>`, `Saving log... done`, NuGet's `1 of 5 projects are up-to-date for restore.` */
export const TOOL_BOOKKEEPING = /^\s*<timestamp>[^<]*<\/timestamp>\s*$|\.{3} ?done\.?\s*$|\bprojects? (?:are|is) up-to-date for restore\b/;
// (…nor a tool's bookkeeping: TOOL_BOOKKEEPING.)
const NOT_ERROR = new RegExp(
  `${TOOL_BOOKKEEPING.source}|${
    /^Use "--rerun-failed\b|^Output from these tests are in: |^\s*<\/?(?:stderr|stdout|output)>\s*$|^DEPRECATED:|\.{3,}\s*(?:\(no files to check\))?(?:Passed|Skipped)\s*$|^\s*level=(?:info|debug|trace|warn|warning)\b|\bis not running, so cannot be killed\b|\b0 (?:failed|failing|errors?)\b(?!.*\b[1-9]\d* (?:failed|failing|errors?))|\bno errors?\b|\berrors?: 0\b|^\s*usage:\s|could not change directory to|^sudo: unable to resolve host|^[\s|\d]*[\^~][\s^~]*$|^\s*(?:use|try|run) [`'"]?\S+ --help\b|for more information,? try [`'"]?--help/i
      .source
  }`,
  'i',
);
/** A stack frame in the language's runtime or an installed library, not the project's code. */
const RUNTIME_FRAME =
  /\bat (?:java\.base\/|jdk\.|sun\.|java\.|javax\.|kotlin\.|scala\.|node:|internal\/|Module\.|Object\.<anonymous> \(node:|process\.processTicksAndRejections|new Promise \(<anonymous>\))|node_modules|site-packages|dist-packages|<frozen |\/usr\/lib\/|\/rustc\/|\/library\/(?:core|std|alloc)\/|\(Native Method\)|<anonymous>\)?$/;
const STACK_FRAME = /^\s+at\s+\S|^\s+File ".+", line \d+|^\s*\d+: 0x[0-9a-f]+|^goroutine \d+|^\s*from \S+:\d+:in [`'‘]/;

export interface ErrorSummary {
  /** The distinctive lines, at most `max`, each one line. */
  lines: string[];
  /** A stack trace's first frames, when there is one. */
  stack: string[];
  /** The single most telling line (an error code or exception line before a generic "not ok 6"). */
  best?: string;
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are control characters: they are what it removes
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\r(?!\n)/g;

/** Output without terminal colour and cursor codes. */
export function plainOutput(output: string): string {
  return output.includes('\x1b') || output.includes('\r') ? output.replace(ANSI, (m) => (m === '\r' ? '\n' : '')) : output;
}

/**
 * Windows PowerShell wraps a message at the console's width, each cut line ending in a space: `… is not recognized as
 * the name of a cmdlet, function, script ` / `file, or operable program. … verify that the path is correct ` /
 * `and try again.`. Joined again, the message is one line; alone, its last piece says nothing.
 */
function unwrapConsoleLines(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const last = joined.at(-1);
    if (last !== undefined && last.length >= 60 && / \r?$/.test(last) && /^[a-z(]/.test(line)) joined[joined.length - 1] = last.replace(/\r$/, '') + line;
    else joined.push(line);
  }
  return joined;
}

/** The lines of an output that say what went wrong, or none. */
export function errorLines(output: string, max = 6): ErrorSummary {
  const text = plainOutput(headAndTail(output, 24_000, 12_000));
  const found: { line: string; rank: number; index: number }[] = [];
  const stack: string[] = [];
  const powershell = POWERSHELL_ERROR_RECORD.test(text);
  const lines = powershell ? unwrapConsoleLines(text.split('\n')) : text.split('\n');
  const seen = new Set<string>();
  let capturedConsole = false;
  let afterCaret = false;
  for (let i = 0; i < lines.length; i++) {
    // (sudo's password prompt ends without a line break: `[sudo] password for dev: error: target not found: x`.)
    let raw = lines[i].replace(/^\[sudo\][^:\n]{1,80}:\s*(?=\S)/, '');
    if (raw.length > 2000) continue;
    // vitest and jest print what a test logged under `stderr | file > test`: the test's own console
    // output (often an expected "Error: network down"), not why the run failed.
    if (CAPTURED_CONSOLE.test(raw)) {
      capturedConsole = true;
      continue;
    }
    if (capturedConsole) {
      if (raw.trim()) continue;
      capturedConsole = false;
    }
    // Java's root cause comes last (`Caused by: …`): its frames, not the wrapper's, show where it broke.
    if (/^Caused by: /.test(raw)) stack.length = 0;
    if (STACK_FRAME.test(raw)) {
      // The project's own frames tell where to look; the runtime's and libraries' (reflection, BigDecimal,
      // node:internal) above them only say how it got there. The first project frame is kept whatever its depth.
      if (stack.length < 3 || (!stack.some((f) => !RUNTIME_FRAME.test(f)) && !RUNTIME_FRAME.test(raw))) {
        if (stack.length >= 3) stack.pop();
        stack.push(oneLine(raw, 200));
      }
      continue;
    }
    // PowerShell names the failure in `Get-Content : Cannot find path …` or in the line under its `~~~`
    // marker; its `+ CategoryInfo` and `FullyQualifiedErrorId` lines only classify it.
    const caretLine = /^\s*(?:\+|\|)\s*~+\s*$/.test(raw);
    // (Windows PowerShell puts a thrown error's message on the line above `At C:\…\Board.psm1:58 char:5`.)
    const psMessage =
      powershell &&
      ((afterCaret && !/^\s*\+/.test(raw) && raw.trim() !== '') ||
        POWERSHELL_MESSAGE.test(raw) ||
        // (…or a parser's, on the line right above its `+ CategoryInfo` record: `The string is missing the terminator: '@.`)
        (/^\s*\+ CategoryInfo\s*:/.test(lines[i + 1] ?? '') && /^\S/.test(raw) && raw.trim().length >= 8) ||
        (/^At \S.*:\d+ char:\d+\s*$|^(?:In Zeile|En l[íi]nea|Ligne|Alla riga|Na linha|В строке)\s*:\s*\d+\s+(?:Zeichen|car[áa]cter|Caract[èe]re|carattere|caractere|знак)\s*:\s*\d+\s*$/.test(
          lines[i + 1]?.trim() ?? '',
        ) &&
          raw.trim().length >= 8 &&
          !/^\s*\+/.test(raw) &&
          !/^\s*(?:Output|Error|Stderr|Stdout|Exit code)\b[^:]*:?\s*\S{0,12}\s*$/i.test(raw)));
    afterCaret = caretLine;
    // grpcurl's status: `  Code: Unknown` says nothing without the `  Message: …` under it.
    if (/^\s*(?:ERROR:\s*)?Code: \w+\s*$/.test(raw) && /^\s*Message: \S/.test(lines[i + 1] ?? '')) raw = `${raw.trim()} — ${lines[i + 1].trim()}`;
    // Gradle names the cause under `* What went wrong:`: that line is as telling as an error line.
    const gradleCause = /^\*\s*What went wrong:\s*$/.test(lines[i - 1]?.trim() ?? '') && raw.trim() !== '';
    // ruff's diagnostics (`F401 [*] \`json\` imported but unused` over ` --> src/x.py:4:8`): a rule code and its message,
    // placed by the line under it; every code, not only pycodestyle's E-codes.
    const lintDiagnostic = /^[A-Z]{1,4}\d{3,4} (?:\[\*\] )?\S/.test(raw) && /^\s*--> \S+:\d+:\d+/.test(lines[i + 1] ?? '');
    // Tcl's uncaught error: its message, then `    while executing` and the script lines that led to it.
    const tclError = /^\s+while executing\s*$/.test(lines[i + 1] ?? '') && /^\S/.test(raw);
    let rank = psMessage ? POWERSHELL_RANK : gradleCause || tclError ? 0 : lintDiagnostic ? LINT_DIAGNOSTIC_RANK : STRONG_ERROR.findIndex((re) => re.test(raw));
    if (rank < 0 || NOT_ERROR.test(raw)) continue;
    if (!psMessage && GENERIC_ERROR.test(raw)) rank += STRONG_ERROR.length;
    if (psMessage) raw = raw.replace(/^\s*\|\s*/, '');
    // A line that ends in ':' leads in to what it names: `Task failed due to the following issue:` + the issue.
    const next = lines[i + 1]?.trim();
    // (Not sudo's password prompt, `[sudo] password for dev:`: what follows is the command's own output.)
    // (Not onto the next failure of the same kind: two panics in a row, each ending in its location's `:`.)
    const sameKind =
      rank >= 0 && next !== undefined && STRONG_ERROR[rank % STRONG_ERROR.length]?.test(next) && /^\s*(\S+)/.exec(raw)?.[1] === /^\s*(\S+)/.exec(next)?.[1];
    // (Not an exception whose message is another's name, `NetworkError: httpx.ReadError:`: the next line is the program's next.)
    const chained = /\b\w*(?:Error|Exception): [\w.]+(?:Error|Exception):\s*$/.test(raw);
    if (/:\s*$/.test(raw) && next && next.length <= 300 && !sameKind && !chained && !STACK_FRAME.test(lines[i + 1]) && !/^\s*\[sudo\]/.test(lines[i])) {
      raw = `${raw.trimEnd()} ${next}`;
      if (rank >= STRONG_ERROR.length) rank -= STRONG_ERROR.length;
    }
    // A script's step row names only the step (`[build] FAILED (exit 2)`); the step's own log, indented under it,
    // says why (`    Makefile:7: *** missing separator.  Stop.`): the row carries that reason.
    if (STEP_ROW.test(raw)) raw = withStepReason(raw, lines, i);
    // A message wrapped over two lines (cmd.exe: "'x' is not recognized as an internal or external command,"
    // + "operable program or batch file."): the second half alone names nothing.
    const previous = lines[i - 1]?.trim();
    if (/^[a-z]/.test(raw.trim()) && previous && /,$/.test(previous) && previous.length <= 300) raw = `${previous} ${raw.trim()}`;
    // Node's assert names the values below its message (`1002 !== 1001`, or `+ '€149.98'` / `- '€149.99'`
    // under `+ actual - expected`): without them the line is the same for every failing assertion.
    if (/\bExpected values to be (?:strictly |loosely )?(?:deep-)?(?:equal|unequal)\b/.test(raw)) raw = withAssertValues(raw, lines, i);
    if (/^\s*#\s+Failed test\b/.test(raw)) raw = withTapDiagnostics(raw, lines, i);
    if (/^error\[E\d{4}\]: /.test(raw)) raw = withRustcLabel(raw, lines, i);
    // A doc-test's panic names only the thread `main`: the block it is printed in (`---- src/lib.rs - parse (line 12)
    // stdout ----`) names the test.
    if (/^\s*thread 'main'(?: \(\d+\))? panicked at\b/.test(raw)) raw = withCargoTestBlock(raw, lines, i);
    // javac names what it could not find on a line of its own below (`  symbol:   variable RoundingMode`).
    if (/: error: cannot find symbol\s*$/.test(raw)) {
      const symbol = lines.slice(i + 1, i + 5).find((l) => /^\s*symbol:\s+\S/.test(l));
      if (symbol) raw = `${raw.trimEnd()} (${symbol.trim()})`;
    }
    // pytest prefixes assertion output with `E   `: the exception line itself is what is telling.
    const line = oneLine(raw.replace(/<\/?tool_use_error>/g, '').replace(/^\s*E\s+(?=[A-Z]\w*(?:Error|Exception)\b)/, ''), 240);
    if (!line || seen.has(line)) continue;
    seen.add(line);
    found.push({ line, rank, index: i });
  }
  // A Python traceback names the error on its last line: keep it.
  const tracebackAt = lines.findIndex((l) => l.startsWith('Traceback (most recent call last)'));
  if (tracebackAt >= 0) {
    for (let i = tracebackAt + 1; i < lines.length; i++) {
      if (/^\w[\w.]*(?:Error|Exception|Exit|Interrupt)\b/.test(lines[i])) {
        // `FileConversionException: File conversion failed after 1 attempts:` names its cause on the next line.
        const next = lines[i + 1]?.trim();
        let line = /:\s*$/.test(lines[i]) && next ? `${lines[i].trimEnd()} ${next}` : lines[i];
        // A bare `AssertionError` says nothing; the statement that raised it (the line above) does.
        const source = lines[i - 1]?.trim();
        if (/^\w[\w.]*(?:Error|Exception)\s*$/.test(line) && source && !/^File "/.test(source) && !/^\w[\w.]*(?:Error|Exception)\b/.test(source))
          line = `${line.trim()} at \`${source}\``;
        found.push({ line: oneLine(line, 240), rank: -1, index: i });
        break;
      }
    }
  }
  // A JVM exception's root cause comes last (`Caused by: java.lang.NumberFormatException: For input string: "350m"`):
  // the wrapper above it (`Exception in thread "main" …IllegalStateException: cannot load…`) is the same on every run.
  const rootCause = found.filter((f) => /^Caused by: (?:[a-z]\w*\.)+[A-Z][\w$]*(?:Exception|Error)\b/.test(f.line)).at(-1);
  if (rootCause) rootCause.rank = -2;
  const best = found.sort((a, b) => a.rank - b.rank || a.index - b.index).slice(0, max);
  const top = best[0]?.line;
  return { lines: best.sort((a, b) => a.index - b.index).map((f) => f.line), stack, ...(top !== undefined ? { best: top } : {}) };
}

/** A script's own row for a failed step: `[build] FAILED (exit 2)`. */
const STEP_ROW = /^\[[\w. -]+\] FAIL(?:ED)?\b/;

/** A step row with the first telling line of the step's indented log below it, or the row alone. */
function withStepReason(raw: string, lines: string[], at: number): string {
  const reasons: string[] = [];
  for (let j = at + 1; j < Math.min(lines.length, at + 12) && /^\s+\S/.test(lines[j]); j++) {
    const line = lines[j].trim();
    if (NOT_ERROR.test(line) || GENERIC_ERROR.test(line)) continue;
    if (STRONG_ERROR.some((re) => re.test(line))) return `${raw.trimEnd()}: ${line}`;
    reasons.push(line);
  }
  // (No error line in the step's log: its first line, when the step printed one, says why in the script's own words.)
  return reasons.length ? `${raw.trimEnd()}: ${reasons[0]}` : raw;
}

/** Node's assertion message with the values it compared, read from the lines under it. */
function withAssertValues(raw: string, lines: string[], at: number): string {
  const head = raw.replace(/\s*\+ actual - expected\s*$/, '').trimEnd();
  const values: string[] = [];
  for (let j = at + 1; j < Math.min(lines.length, at + 12) && values.length < 2; j++) {
    const line = lines[j].trim();
    if (!line || /^\+ actual - expected$/.test(line) || /^[\^~\s]+$/.test(line) || /^\.\.\.|^\[$|^\{$/.test(line)) continue;
    if (/^at\s/.test(line) || /^(?:generatedMessage|code|actual|expected|operator):/.test(line)) break;
    if (/ !== | != {2}| === /.test(line)) return oneLine(`${head} ${line}`, 240);
    if (/^[+-]\s+\S/.test(line) && !values.some((v) => v[0] === line[0])) values.push(line);
  }
  return values.length ? oneLine(`${head} ${values.join(' ')}`, 240) : raw;
}

/**
 * Test::More's failure with the values it compared, from the diagnostics under it: `#   Failed test 'range is
 * inclusive'` + `#          $got->[2] = Does not exist` + `#     $expected->[2] = '2026-01-04'` (is() prints `got:` and
 * `expected:`). The name alone says which test; the values say how it failed.
 */
function withTapDiagnostics(raw: string, lines: string[], at: number): string {
  const values: string[] = [];
  for (let j = at + 1; j < Math.min(lines.length, at + 8) && values.length < 2; j++) {
    const line = lines[j].trim();
    if (!line.startsWith('#') || /^#\s+Failed test\b/.test(line)) break;
    const value = /^#\s+((?:got|expected|\$got\S*|\$expected\S*)\s*[:=]\s*.+)$/.exec(line)?.[1];
    if (value) values.push(value.replace(/\s+/g, ' '));
  }
  return values.length ? oneLine(`${raw.trim()}: ${values.join(', ')}`, 240) : raw;
}

/**
 * rustc's error with the label under its caret, which says what was wrong where the headline only names the kind:
 * `error[E0308]: mismatched types` + `^^^^^ expected \`[u8; 8]\`, found \`&[u8]\``.
 */
function withRustcLabel(raw: string, lines: string[], at: number): string {
  for (let j = at + 1; j < Math.min(lines.length, at + 12); j++) {
    if (/^(?:error|warning)(?:\[|:)/.test(lines[j])) break;
    const label = /^\s*\d*\s*\|[\s|_-]*\^+\s+(\S.*)$/.exec(lines[j])?.[1]?.trim();
    // (Only a label that names code the headline does not: `missing \`memory\`` under "missing field \`memory\`" repeats it.)
    const adds = label?.match(/`[^`]+`/g)?.some((code) => !raw.includes(code.slice(1, -1)));
    if (label && adds && !/^help:/.test(label)) return oneLine(`${raw.trim()}: ${label}`, 240);
    if (label) break;
  }
  return raw;
}

/** The `---- <test> stdout ----` header cargo test prints above a failing test's output, when the line is inside it. */
function withCargoTestBlock(raw: string, lines: string[], at: number): string {
  for (let j = at - 1; j >= Math.max(0, at - 12); j--) {
    const header = /^---- (.+) stdout ----\s*$/.exec(lines[j]);
    if (header) return oneLine(`${lines[j].trim()} ${raw.trim()}`, 300);
    if (/^test result:|^failures:\s*$/.test(lines[j])) break;
  }
  return raw;
}

/** True when output shows a failure even though no exit code said so (`npm test || true`, a tool that prints errors). */
export function looksFailed(output: string): boolean {
  const head = plainOutput(headAndTail(output, 8_000, 8_000));
  // A test that logs an error on purpose (`error: Item 3 failed` under bun) in a run that ends "0 fail", or
  // a pre-commit hook's output above the commit it let through (`[main 133a5cb] …`): the run passed.
  // (A failing count is a summary's: at a line's start or after "Tests:", never "Task 2 failed" a test logged.)
  // (node --test's summary says it `ℹ fail 0`, its TAP form `# fail 0`.)
  if (
    /^\s*0 fail\b|\b0 failed\b|^\s*All \d+ tests? pass|^\s*(?:ℹ|#)\s*fail 0\s*$/im.test(head) &&
    // (cargo's workspace run prints a `test result: ok. 0 failed` per crate beside the one that FAILED.)
    // (prove's verdict `Result: FAIL` outweighs its per-file rows, `Tests: 0 Failed: 0` for a script that died.)
    !/^\s*[1-9]\d* fail(?:ed|ing)?\b|\bTests?:.*\b[1-9]\d* failed\b|^\s*(?:ℹ|#)\s*fail [1-9]|^test result: FAILED\b|^error: \d+ targets? failed\b|^Result: FAIL\s*$/im.test(
      head,
    )
  )
    return false;
  if (/^\[[\w./-]+(?: \(root-commit\))? [0-9a-f]{7,}\] \S/m.test(head)) return false;
  // (A compiler's error (rustc's `error[E0277]`, javac's and gcc's `File.java:31: error:`), a JVM exception with
  // its cause, a test runner's failure in the user's language: `FALLITO TestFattura…`, `36 superati, 1 falliti`; curl's own
  // error and a server's 5xx answer (`curl: (7) Failed to connect …`, `HTTP/1.0 500 …`, `-w`'s `code=500`) under a pipe.)
  return (
    /\berror TS\d+\b|\berror\[E\d{4}\]|^error: (?:could not compile|aborting due to)|^\S+:\d+:(?:\d+:)? (?:fatal )?error:|^Caused by: [\w.$]+(?:Exception|Error)\b|^Exception in thread "|\bBUILD FAILED\b|^\s*(?:FALLITO|FALLITA|ÉCHEC|ECHEC|FEHLGESCHLAGEN|FALLÓ|FALHOU)\b|\b[1-9]\d* (?:falliti|fallite|échoués?|fehlgeschlagen|fallidos|falharam)\b|^FAILED \((?:failures|errors)=[1-9]|^(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)(?: \[[A-Z_]+\])?: \S|^Error \[[A-Z_]+\]: \S|\bcode: 'ERR_ASSERTION'|^(?:jq: )?parse error: .+ at line \d+, column \d+|^ERROR: \w+ \([\w.]+\)|^\s*FAIL\b|^\s*--- FAIL:|^\s*not ok \d+|\bTraceback \(most recent call last\)|^panic:|\bnpm (?:ERR!|error)\b|^\s*(?:Error|fatal):|\b[1-9]\d* (?:failed|failing)\b|^\s*[1-9]\d* fail\b|^\s*\(fail\)\s|^\s*(?:ℹ|#)\s*fail [1-9]|^\s*✖\s+\S|^\[[\w. -]+\] FAIL(?:ED)?\b|^\s*\[(?:FAIL|FAILED|FEIL|FEJL|HIBA|VIRHE|FEHLER|ERREUR|ERRO|ERRORE|HATA|BŁĄD|LỖI|ОШИБКА|ПОМИЛКА)\]\s+\S|\brun ?time error\b|==\d+==ERROR: \w+Sanitizer:|^make(?:\[\d+\])?: \*\*\* \[[^\]]+\] (?:Error \d+|Segmentation fault|Aborted|Killed|Bus error|Illegal instruction|Floating point exception)|==\d+== ERROR SUMMARY: [1-9]|^==== \S+.* FAILED$|\bTotal\s+\d+\s+Passed\s+\d+\s+Skipped\s+\d+\s+Failed\s+[1-9]|^Files with failing tests:|\b[1-9]\d* not ok\b|^\S+: \d+: \S[^:]{0,60}: not found\s*$|^[\w.-]+: [1-9]\d* problem(?:s|\(s\))(?=\s|$)|^\s+while executing$|^terminate called after throwing\b|^(?:FEIL|FEJL|HIBA|VIRHE|FEHLER|ERREUR|ERRO|ERRORE|HATA|BŁĄD|LỖI|ОШИБКА|ПОМИЛКА)\s*:\s*\S/m.test(
      head,
      // Perl's prove ends a failing run `Result: FAIL` (a test script that died: `Dubious, test returned 255`).
    ) ||
    // (Asked only of output holding one of their words: most output holds none.)
    ((head.includes('curl: (') || head.includes('HTTP/') || head.includes('=5')) &&
      (/^curl: \(\d+\) \S/m.test(head) || head.split('\n').some((line) => HTTP_5XX_LINE.test(line)))) ||
    (/Result: FAIL|Dubious, test|Failed test|INSERT failed|CTest|tests FAILED|undefined reference|ld returned|gmake/.test(head) &&
      // (…ctest's verdict, a linker's, GNU make under another name: `gmake[2]: *** [… ] Error 1`.)
      /^Result: FAIL\s*$|^Dubious, test returned [1-9]\d* \(wstat\b|^\s*#\s+Failed test\b|^\S+:\d+: INSERT failed: |^Errors while running CTest\b|^The following tests FAILED:|\bundefined reference to\b|\bld returned [1-9]\d* exit status\b|^g?make(?:\[\d+\])?: \*\*\* /m.test(
        head,
      ))
  );
}

const UNIT = String.raw`(?:[kMG]?Wh|[kMG]?W|[KMGT]i|\/s(?:ec)?|matches|hits|misses|modules|packages|chunks|ns\/op|B\/op|allocs\/op|ms|msec|milliseconds?|µs|ns|s|sec|secs|seconds?|mins?|minutes?|h|hours?|[kKMGT]i?B|bytes?|byte\(s\)|[kMG]?B\/s|ops\/s(?:ec)?|req\/s|rps|qps|tokens?(?:\/s)?|lines?|files?|tests?|specs?|passed|passing|failed|failing|skipped|errors?|warnings?|items?|rows?|records?|entries|requests?|calls?|iterations?|x(?![\w])|×|%|fps|kb|mb|gb)`;
/**
 * A number with a CJK unit, or a label of words at the start of the line (`Termine gesamt: 1284`); a
 * single lower-case key (`rate: 1.0`, `temperature: 0.7`) is configuration, not a measurement.
 */
// A label says what was measured (`Termine gesamt: 1284`, `Total requests: 50`); a cell name or a word like
// "Calculated:" or "Expected:" in front of a number is a script's printout of data, not a measurement.
const LABELLED =
  /\d+(?:\.\d+)?\s*(?:秒|毫秒|分钟|小时|条|个|行|次|项|件|字节)|^(?=[^:：]*\b(?:total|count|size|time|duration|elapsed|tests?|files?|lines?|errors?|warnings?|records?|rows|entries|items?|requests?|users?|calls?|hits|misses|memory|rss|heap|cpu|latency|throughput|rate|speed|score|coverage|passed|failed|skipped|runs?|iterations?|bytes|tokens|commits?|length|changes|matches|results|found|orders|customers|products|pages|sessions|events|jobs|messages|invoices|accounts|transactions|regions|cities|words|groups|categories|documents|tickets|packages|repos|gefunden|gesamt|anzahl|dauer|zeit|bestellungen|kunden|fichiers|lignes|temps|commandes|clients|tiempo|archivos|registros|pedidos|clientes|ordini|clienti|ordrer|kunder|ordrar)\b|[\u3000-\u9fff])(?:\p{Lu}[\p{L} -]{1,30}|\p{Ll}+ [\p{L} -]{1,30}|[\u3000-\u9fff][\p{L} -]{0,30})[:：]\s*\d[\d,.]*(?=$|[\s,;，。)])/iu;
const MAY_BE_LABELLED = /[:：\u3000-\u9fff]/;
/**
 * A program's own report of several counts, without colons: `names 2417 distinct 1768 slugs 1370`, or as
 * `key=value` pairs (`customers  live=1284 backup=1284 ok`). (Not "step 1 of 3", not UPPER_CASE settings.)
 */
// …also under a lead-in with a colon, and with two-word labels (`drained: done 487, dead 13, failed attempts 39`).
const COUNT_PAIRS =
  /^(?:[^:\n]{1,60}:\s+)?\p{L}[\p{L}_-]{1,30}(?: \p{L}[\p{L}_-]{1,30})?\s+\d[\d,.]*(?:[\s,;]+\p{L}[\p{L}_-]{1,30}(?: \p{L}[\p{L}_-]{1,30})?\s+\d[\d,.]*)+\s*$|(?:^|\s)\p{Ll}[\p{Ll}_]*=\s*-?\d[\d.,]*\b.*\s\p{Ll}[\p{Ll}_]*=\s*-?\d/u;
// (Nor a package manager's progress: `Progress: resolved 68, reused 23, downloaded 34`.)
const NOT_COUNT_PAIRS = /\b(?:of|step|page|line|version|v)\s+\d|^\s*progress\b|\bversion\s*[=:]\s*\d|\bpreferences?\b/i;
/** COUNT_PAIRS, asked only of a line that can match it (a letter, then a number, then a letter again). */
function reportsCounts(line: string): boolean {
  return /\d/.test(line) && /\p{L}[\s=]+\d[\d,.]*[\s,;]+\p{L}/u.test(line) && COUNT_PAIRS.test(line) && !NOT_COUNT_PAIRS.test(line);
}
/** One statistic under its name, in the languages reports are printed in: `median: 804.40`, `διάμεσος: 804.40`. */
const STATISTIC =
  /^(?:mean|median|average|avg|stdev|std ?dev|variance|total|sum|count|μέσος(?: όρος)?|διάμεσος|σύνολο|πλήθος|media|mediana|promedio|média|moyenne|médiane|mittelwert|median|summe|totale|среднее|медиана|всего|итого|średnia|suma|gemiddelde|mediaan|totaal|ortalama|toplam|rata-rata|jumlah|trung bình|tổng|平均|中位数|合计|合計|평균|합계)\s*[:：=]\s*-?\d[\d,.]*\s*$/iu;
/** REPORTED, asked only of a line that can match it: a figure after a colon or before a comma (most lines have neither). */
function mayBeReported(line: string): boolean {
  return /:\s*-?\d|\d\s\S+,/.test(line) && REPORTED.test(line);
}
/**
 * A program's report in any language: several labelled counts on one line (`Fatture: 386, righe: 1373`,
 * `files: 12, lines: 3400`), or an amount of money under a label (`Imponibile: 138754.33 EUR`).
 */
// …and several counts of things on one line (`slugified 141 names, 120 unique slugs, 5 collisions`,
// `Москва: 151 зак., 4024948.85 руб.`).
const REPORTED =
  /^(?=[\d,.]*[1-9])\d[\d,.]*\s\p{L}+(?:[,:;]\s*\d[\d,.]*\s\p{L}+)+\s*$|^(?=.*:\s*[1-9])\p{L}[\p{L} ]{2,30}:\s*\d[\d,.]*(?:,\s*\p{L}[\p{L} ]{2,30}:\s*\d[\d,.]*)+\s*$|^\p{L}[\p{L} %\d]{2,30}:\s*-?\d[\d,.]*\s?(?:EUR|USD|GBP|CHF|JPY|CNY|RUB|PLN|INR|KRW|BRL|руб\.?|zł|kr\.?|DKK|SEK|NOK|€|\$|£|₽|₹|₩)\s*$|^\p{L}[\p{L} .-]{0,30}:?\s+(?:\p{L}+\s+)?(?=[\d,.]*[1-9])\d[\d,.]*\s\p{L}+\.?(?:\s\p{L}+)?(?:[,:;]\s*\d[\d,.]*\s\p{L}+\.?(?:\s\p{L}+)?)+\s*$/u;
const MEASURE = new RegExp(
  String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?\s?${UNIT}(?![A-Za-z])|\b(?:real|user|sys)\s+\d+m\d+(?:\.\d+)?s|\b\d+(?:\.\d+)?%|\b(?:took|elapsed|duration|time|total|size|count|avg|average|mean|median|peak|p\d\d|max|min|rss|heap|memory|cpu|throughput|latency|score|coverage|speedup|ratio|rate|loc|lines|files|errors|warnings|hits|misses)(?:_(?:ms|us|µs|ns|s|sec|secs|seconds|mins?))?\b[^\n/]{0,40}?(?<![\w./-])-?\d+(?:\.\d+)?(?![\w./-])|^[\p{L}][\p{L}'’ -]{2,40}[\p{L}] [\p{L}][\p{L}'’ -]{1,40}(?: \([^()\n]{1,20}\))?:\s*-?\d[\d,.]*\s*$|\b[a-z]+\/(?:s|sec|iter|iteration|op|call|run|req|request|item|row|record)\s*[:=]\s*\d|(?<![\w,])\d{2,5}x\d{2,5}(?![\w,]))`,
  'iu',
);
const UNITS_GLOBAL = new RegExp(String.raw`\d+(?:,\d{3})*(?:\.\d+)?\s?${UNIT}(?![A-Za-z])`, 'gi');
/** Sizes in French (`196 Ko`, `2,5 Go`): case matters, `5 to 10` is no size. */
const OCTETS = /\d(?:[.,]\d+)?\s?(?:[KMGT]o|octets)\b/;
/** Lines a tool prints around every command, not measurements of anything. */
const BOILERPLATE =
  /^(?:Chunk ID|Wall time|Original token count|Process exited with code|Exit code)\b|^Script (?:completed|failed|running with cell ID \d+)$|^Output:|^Total output lines:|^\[This command modified \d+ files?\b|^total \d+$|^[-dlrwxsStT@+.]{10}\s/;

/**
 * Output with numbers that measure nothing: progress bars and counters, git transfer and commit
 * bookkeeping, diff and patch lines, pytest's `E ` assertion dumps, grep hits (`file:12:`), versions.
 */
const NOT_A_MEASUREMENT = new RegExp(
  [
    // (set AN) a service's log line under docker compose's prefix (`terminal_1    | [2025/09/27 …] N: … 3.895ms`), ESP-IDF's boot
    // log (`I (159) esp_image: segment 3: … size=a60ach (680108) map`), esptool compressing before it flashes, a star bar
    // (`[*****100%*****]  1 of 1 completed`), jest's `Number of calls: 1`, a heading (`Phase 2 Test Results`).
    String.raw`^[\w.-]+(?:[-_]\d+)?\s+\|\s|^[IDWEV] \(\d+\) [\w-]+:|^Compressed \d+ bytes to \d+\.{3}|\*{5,}\d{1,3}%\*|^\s*Number of calls: \d+\s*$|^(?:Phase|Step|Stage|Part|Round|Section) \d+\b(?!.*\d+(?:\.\d+)?\s?(?:ms|s|%))`,
    // (set AM) a loop's own count (`已滚动 3/20 次`), pandas' preview footer (`[3 rows x 9 columns]`), a display mode inside a
    // config list (`monitor DSI-1,1200x1920@60,0x0,1.5`), a failing Playwright row with its time. (Prettier's per-file time,
    // `src/protos/auth.ts 8ms`, was labelled a measurement on an earlier set and wrong on AM: it stays.)
    String.raw`\d+\s*\/\s*\d+\s*(?:次|回|번)|^\[\d+ rows x \d+ columns\]$|,\d+x\d+@\d|^\s*[✘✗×]\s+\d+\s+\[[\w-]+\]\s+›`,
    // (set AL) yt-dlp fetching a page for an id (`[BiliBili] 17x411w7KC: Downloading webpage`) and a download still going
    // (`0.1% of 1.21MiB at Unknown B/s ETA Unknown`); a requirement (`icon.ico must be at least 256x256`); a URL-encoded
    // value (`ttwid = 1%7CI_4Mya…`).
    String.raw`^\[[\w:-]+\] [\w-]+: Downloading\b|\bETA (?:Unknown|\d)|\bmust be (?:at least|at most|no more than|less than|greater than|smaller than|larger than)\b|\d%[0-9A-F]{2}[\w%]`,
    // Progress and status said while work goes on (set AK): `Processing 3 test images for modern formats...`, `Current
    // Pipeline Progress: 0%`, docker's `Waiting 5 seconds to verify…`, VSTest's `A total of 1 test files matched…`, apt's
    // `Space needed: 118 MB` before it asks, a step that failed with its time (`Failed to restore x.csproj (in 5,81 sec).`).
    String.raw`^(?:[\w-]+: )?(?:Processing|Loading|Downloading|Installing|Building|Compiling|Fetching|Preparing|Starting|Generating|Scanning|Copying|Linting|Checking|Analy[sz]ing|Formatting|Validating|Running|Testing)\b.*(?:\.{3}|…)\s*$|\bProgress:\s*\d|\bWaiting \d+(?:\.\d+)? (?:seconds?|secs?|s)\b|^A total of \d+ test files? matched\b|^(?:Space needed|Need to get|After this operation)\b|^Failed to \w+ .*\(in [\d.,]+ ?(?:m?sec|ms|s)\)`,
    // A traceback's elision (Python's `...<27 lines>...`), a class file's format version and its header (javap's
    // `minor version: 0`, `Last modified Mar 1, 2026; size 9517 bytes`), npm finding nothing to install (`up to date,
    // audited 411 packages in 2s`).
    String.raw`^\.{3}<\d+ lines?>\.{3}$|^\s*(?:minor|major) version:\s*\d|^\s*Last modified\b.*;\s*size \d+ bytes\b|^up to date\b.*\b(?:audited|in) \d`,
    String.raw`\[\s*\d{1,3}%\s*\]|\bDownloading \d+ items?\b`, // `........ [100%]`, yt-dlp's `Playlist x: Downloading 20 items`
    // ffmpeg's progress line (`frame=   77 fps= 50 … speed= 2.8x`), a commit's diffstat in a `git log --stat` listing, a
    // test runner's failing row (Playwright's `✘  2 tests/e2e/x.spec.ts:3:1 › … (1ms)`).
    // (…and a commit's rename similarity, `rename a.ts => b.ts (100%)`; Maven's `[INFO] Compiling 64 source files`.)
    String.raw`^\s*(?:rename|copy) .*\(\d{1,3}%\)\s*$|\s=>\s.*\(\d{1,3}%\)\s*$|\.\w{1,5} \(\d{1,3}%\)\s*$|^\[INFO\] (?:Compiling|Copying|Building|Downloading|Downloaded|Scanning|Installing)\b`,
    // (…a shell banner's uptime, neofetch's `uptime63d 15h 33m`; a test's chosen confidence level, `at 95% confidence`.)
    String.raw`^uptime(?=[\s:\d])|\b\d{2}(?:\.\d+)?% confidence\b|^frame=\s*\d+\s+fps=|^\s*\d+ files? changed, \d+ insertions?\(\+\)|^\s*[✘✗×]\s+\d+\s+\S+:\d+:\d+\s`,
    // Settings shown, not measured (set AF): a limit or default under its label (`Max epochs: 20`, a help text's
    // `(default: 100 iterations)`), what was configured (`Total: 8 tâches configurées`), a key set to a number
    // (`font-size = 14`); and progress (`Progress: 0%`, a lone `0.5%` of a bar, brew's `Downloading 145.9MB/---`).
    String.raw`^(?:max(?:imum)?|min(?:imum)?|default|limit)\b[A-Za-zÀ-ÿ _-]{0,30}:\s*\d+\s*$|\(default:? [^)]*\d|\bconfigur(?:ed|ées?|és?|ado|ados|adas|ato|ati|iert)\b|^[a-z][\w]*(?:[-.][\w]+)+\s*=\s*-?\d[\d.]*\s*$|^progress\s*:\s*\d|^\d+(?:\.\d+)?%$|\bDownloading \d[\d.]*\s*[KMG]?i?B\b`,
    // A count while the work goes on (`PRs so far: 480`), apt's download counter (`Fetched 662 kB in 3s (237 kB/s)`),
    // a linter starting (`Inspecting 1 file`), the rates of a test run that ran nothing (`0.0000 runs/s`).
    // A tqdm bar (`BVH -> Motion-JEPA:  27%|██▋       | 4/15 [00:00<00:01,  6.06motion/s]`), a Python f-string being read.
    String.raw`\d{1,3}%\|[^|]*\|\s*\d+\/\d+\s*\[|^f["'][^"']*\{`,
    String.raw`\bso far\b|^Fetched [\d.,]+ ?[kMG]?B in \d|^Inspecting \d+ files?\b|(?<![\d.])0(?:\.0+)? runs\/s\b`,
    // A branch listing or a one-line log (`master  657e7c700 checkpoint - 100%`): commit subjects; a date and time under
    // a label (`Build time: 2026-06-18 23:19:03 UTC`); a download tool waiting (`Sleeping 5.00 seconds as required…`).
    String.raw`^\*?\s*[\w./-]+\s+(?=\d*[a-f])[0-9a-f]{7,40}\s|^(?=\d*[a-f])[0-9a-f]{7,40}\s|:\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\bSleeping [\d.]+ seconds\b`,
    // The modes a display could run (`availableModes: 1920x1080@60.00Hz …`, not the one it runs), a config setting
    // with its comment (`transition-time = 700  # ms`).
    String.raw`^\s*availableModes:|^\s*[\w.-]+\s*=\s*\S+\s+(?:#|\/\/)`,
    // What a package manager will download (`Total Download Size: 19.74 MiB`, pacman in Portuguese `Tamanho total download:`), a
    // transfer like git's counters; and its table of packages (`extra/libyuv  r2426+464c51a03-1  1,82 MiB  0,30 MiB`), each
    // row a version and the sizes it ships in.
    String.raw`^\s*(?:Total Download Size|Tamanho total (?:do )?download|Tamaño total de (?:la )?descarga|Gesamtgröße des Downloads|Taille totale (?:du |de )?téléchargement|Dimensione totale del download)\s*:|^\s*(?:Display|Resolution)(?: \([^)]*\))?:\s*\d{3,5}x\d{3,5}\b|\bmachine configuration\b|\bup to date in [\d.]+\s?m?s\b|^\s*(?:Uploading|Downloading)\b.*\[[-=#>. ]+\]|\(0(?:\.0+)?\s?B\/[\d.]+\s?[KMG]?B\)|^\s*(?:(?:[\w.+-]+\/)?[\w.+@-]+\s+)?(?:\d+:)?[\w.+~]*\d[\w.+~]*-\d+\s+(?:\S+\s+)?-?\d[\d.,]*\s*[KMGT]i?B\b`,
    // A spreadsheet formula (`Resell (60% Rule): = (Item Value * 0.60) / …`), a config line of values
    // (`monitor=eDP-1,3840x2400@60,320x1440,2`), lscpu's description of the machine (`CPU(s): 12`).
    String.raw`[:=]\s*=\s*[(\w]|^[\w.-]+=[^\s,]*,[^\s,]*,|^(?:Model name|CPU\(s\)|On-line CPU\(s\) list|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|Architecture|Vendor ID|CPU family|Model|Stepping|BogoMIPS|CPU (?:max|min) MHz|L[123]\w* cache|NUMA node\d* CPU\(s\)|Address sizes|Byte Order):`,
    // (set AR) a target, not a value reached: a figure after a comparison (`P95 < 300 ms`, `coverage >=70%`, `under 2.5 s`)
    // is a spec's or a gate's; a line of code computing one (`duration_ms = (time.perf_counter() - start) * 1000`).
    String.raw`(?:[<>≤≥]=?|=<|=>)\s*\d[\d.,]*\s?(?:ms|s|sec|secs|seconds?|%|[KMG]i?B|fps)(?![A-Za-z\d])|\b(?:under|below|at most|at least|no more than|less than|more than)\s+\d[\d.,]*\s?(?:ms|s|sec|secs|seconds?|%)(?![A-Za-z\d])|^\s*[a-z_][\w.]*\s*[-+*/]?=\s*[^=\n]*\b[a-z_][\w.]*\(`,
    // A failing test's row with its values (`FAIL  city case: чакалі 3, атрымалі 1`): an error, not a measurement. (unittest's verdict,
    // `FAILED (errors=1)`, counts.)
    String.raw`^\s*(?:FAIL|FAILED|ERROR|not ok)\b(?!\s*\()`,
    // (set AS) a worked example (`Average COGS = 3,679.02 / 9 = 408.78`, `giving Avg COGS = 21.25 (vs 42.50 in old logic)`), a
    // process id under its label (`PID pessoal: 1966302`).
    String.raw`=\s*[\d,.]+\s*[/*x×+-]\s*[\d,.]+\s*=|\bgiving\b.*=|\(vs\.? [\d,.]+|\bpid\b[^:\n]{0,20}:\s*\d+\s*$`,
    // (set AR) a chat's message under its speaker (`[我 2026-04-20 21:34] $4.20 per item, …`, `[我] It's 100% combed cotton`).
    String.raw`^\[[^\]\d\n][^\]\n]{0,11} \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?\]\s|^\[[\u3400-\u9fff\uac00-\ud7af]{1,4}\]\s`,
    // (git's `Total 3 (delta 1), reused 0`, never a report's `total rows: 24011`)
    String.raw`^(?:remote: )?(?:Counting|Compressing|Writing|Receiving|Resolving|Enumerating|Unpacking|Delta compression|Updating files)\b.*\d|^(?:remote: )?Total \d+ \(delta\b`,
    String.raw`\(\d+\/\d+\)\s*(?:,|$|done)`,
    String.raw`^\s*\d{1,3}%\s*[|#=\[]`,
    String.raw`[█▉▊▋▌▍▎▏░▒▓■□#=]{4,}|[⠁-⣿]`,
    String.raw`^[+-](?![-+]?\s*\d+(?:\.\d+)?\s*(?:ms|s|%|MB|KB|GB)\b)`, // diff lines
    String.raw`^(?:@@ |diff --git|index [0-9a-f]{6,}|\+\+\+ |--- )`,
    String.raw`^\s*\d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?\s*$`,
    String.raw`^\s*(?:create|delete|rename|rewrite|copy) (?:mode \d+|.+\(\d+%\))`,
    String.raw`^\[[\w./-]+ [0-9a-f]{7,}\]`, // [main 51c131f] commit message
    String.raw`^[AMDRCU?!]{1,2}\s+\S+$`, // status lines
    String.raw`^E\s{2,}|^E\s+[+-]?\s*(?:where|and|assert)\b`, // pytest assertion dumps
    String.raw`^\S+:\d+:`, // grep -n / compiler locations: content, not a measurement
    // Ages and states, not measurements: `Up 41 seconds (healthy)`, `25 hours ago`, a listing row with an age.
    String.raw`\b(?:Up|Exited \(-?\d+\)|Restarting \(-?\d+\)) (?:\d+|about an?|less than an?) \w+|\b\d+\s?(?:s|m|h|d|w|secs?|seconds?|mins?|minutes?|hours?|days?|weeks?|months?|years?) ago\b`,
    // A setting printed back (`Timeout: 3s`, `interval=30s`), `stat`'s device and inode fields, a CLI's help row.
    String.raw`^\s*(?:[\w ]*\b)?(?:timeout|interval|intervalo|threshold|retries|start[_ -]?period|ttl|max[_ -]?age|delay|period|poll(?:ing)?[_ -]?interval)\s*[:=]|^\s*Command:\s|\b0x[0-9a-fA-F]{4,}\b|\bInode:|^\s*(?:Device|Access|Modify|Change|Birth):|\s--[a-z][\w-]*\b|^\s*-[a-zA-Z],?\s`,
    // A configured period or allowance logged by an app (`Starting heartbeat (interval: 5000ms)`, `Allocated 60000ms`).
    String.raw`\b(?:interval|timeout|budget|heartbeat)\b[^\n\d]{0,12}\d+\s?(?:ms|s|secs?|seconds?|m|mins?|minutes?)\b|\b\d+\s?(?:ms|s|secs?|seconds?|m|mins?|minutes?)\s+(?:interval|timeout|budget)\b|\ballocated \d`,
    // psql's row count footer (`(1 row)`), a value labelled as an id, a file a cache skipped (`.prettierrc 0ms
    // (cached)`), a test's assertion message (`expected … but was changed by 0`).
    String.raw`^\(\d+ rows?\)\s*$|\b(?:ID|Id|id)\s*[:=：]\s*\S*\d|\((?:cached|unchanged)\)\s*$|\bexpected\b.*\bbut (?:was|got|received|it was)\b`,
    String.raw`^\(?Reading database\b|^\s*(?:Selecting|Preparing to unpack|Unpacking|Setting up|Processing triggers)\b`, // dpkg progress
    String.raw`^\s*\d+(?::(?!\d)|\t|→)`, // a numbered line of a file (`grep -n` on one file, `cat -n`, `nl`): its content
    String.raw`^\S+\/\S+\s+(?:\d+:)?\d+(?:\.\d+)*[\w.+~]*(?:-\d+)\b|^\S+\/\S+\s+(?:\d+:)?\d+(?:\.\d+){2,}`, // a package table row (`extra/libcbor 0.12.0-1 0,17 MiB`, `extra/argon2 20190702-6 …`): a version and catalogue sizes
    String.raw`\bat 0x[0-9a-f]+`,
    String.raw`\bDownloading \S+ \(\d[\d.]*\s?[KMG]i?B\)`, // uv's `Downloading mypy (14.6MiB)`: a package's size, not a measurement
    // A download bar drawn as a table row (conda's `openssl-3.5.7 | 8.9 MB | ███ | 31%`), a user agent's list of
    // versions (`conda/26.3.2 requests/2.33.1 CPython/3.13.13`), a script position (`At line:2 char:1`,
    // `所在位置 行:2 字符: 1`), a log line's delta (`… successfully started +1ms`), a diffstat row
    // (`a.png | Bin 0 -> 69 bytes`, `src/x.ts | 12 ++--`), an exit code told in words.
    String.raw`\|[\s#█▉▊▋▌▍▎▏░▒▓-]*\|\s*\d{1,3}%\s*$|[\w.-]+\/\d+\.\d+(?:\.\d+)?\b.*\s[\w.-]+\/\d+\.\d+(?:\.\d+)?\b|\bline:\s*\d+\s+char:\s*\d+|行:\s*\d+\s*字符:|\s\+\d+ms\s*$|\|\s+Bin \d+ -> \d+ bytes|^\s*\S+\s+\|\s+\d+\s+[+-]+\s*$|\bexit(?:ing|ed)? with (?:exit )?(?:code|status) \d+`,
    String.raw`^[!=*~#-]{5,}`,
    String.raw`^\s*(?:v(?:ersion)?\s*)?\d+\.\d+\.\d+(?:[-+.][\w.]+)?\s*$`, // a bare version
    String.raw`^(?:[\w@/.-]+)(?:@|\s+v?)\d+\.\d+\.\d+\S*\s*$`, // name 1.2.3 / name@1.2.3
    // (npm's tarball sizes are measured: `npm notice package size: 2.8 kB`; its other notices, the files listed, are not.)
    String.raw`^(?:Python|Node(?:\.js)?|npm(?! notice (?:package size|unpacked size|total files):)|pnpm|yarn|go version|rustc|cargo|git version|pip)\b.*\d+\.\d+|^npm notice (?!(?:package size|unpacked size|total files):)`,
    String.raw`sandbox denied|execution error`,
    String.raw`^> \S+@\S+ \S+`, // npm's script banner: `> billing@1.4.0 test`
    String.raw`^(?:collected|running) \d+ (?:items?|tests?)\b|^test result: ok\. 0 passed`,
    String.raw`^[\w .-]{1,40}:\s*v?\d+\.\d+\.\d+\b`, // a version banner: `benchmark: 5.2.3 (defaults: …)`
    String.raw`^\s*[✖✕✗×✓✔√]\s`, // one test of a list, with its own timing
    String.raw`^\[\.\.\. ?omitted|^…|\bomitted \d+ of \d+\b|[\[(]\d+ (?:more )?(?:lines?|chars|characters|bytes) truncated[\])]`, // truncation notes of the agent's own tools
    String.raw`^\s*[\w-]+:\s*[\[{]`, // YAML or JSON content
    String.raw`output truncated|^Output too large|^Preview \(first|Full output saved to`, // the harness's own notes
    String.raw`,\s*$|^\s*\||^\s*(?:\*\*|#{1,6}\s)`, // code and data rows, tables, Markdown prose
    String.raw`^\s*(?:Downloading|Collecting|Installing|Using cached|Requirement already|Obtaining|Fetching|Resolving|Preparing)\b`, // package transfers
    String.raw`^[d-][-ahrsl]{5}\s+\d`, // a PowerShell directory listing (`d-----  17-09-2025 15:23  k8s`)
    String.raw`^\[(?:STARTED|COMPLETED|SUCCESS|FAILED|SKIPPED|RUNNING|DONE)\]`, // lint-staged and task-runner progress
    String.raw`https?://|max-age=|^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z0-9]*)+:\s`, // URLs and HTTP headers (`X-Ratelimit-Limit: 5000`)
    String.raw`^\s*"[^"]{1,80}"\s*:\s*`, // a JSON key: a file's or an API's data, not a measurement of the run
    // (A count of failures under its label, `checks: 12, failed: 0`, is a report, not an error.)
    String.raw`\bfailed:(?!\s*\d+\s*(?:[,;)]|$))|\brefused\b|\berror TS\d+|\(\d+,\d+\):`, // errors and compiler locations
    String.raw`<\/?[a-z][\w-]*(?:\s[^>]*)?>|:\s*$|(?<![\w.-])\/tmp\/`, // markup, lead-ins ending in ':', scratch paths (`/tmp/x`, not `exports/tmp/`)
    String.raw`\s\/\/\s|\bseed:|^At line:\d+|[━─═]{3,}|\beta \d`, // code comments, random seeds, PowerShell locations, progress bars
    String.raw`^(?:error|fatal|warning|hint|note)(?:\[\w+\])?:`, // an error names a failure, not a measurement
    String.raw`^\s*(?:def|class|import|from|return|const|let|var|function|if|for|while)\b|[;{}]\s*$|\w\(.*\)\s*$`, // code
    String.raw`^[\w-]*[A-Za-z][\w-]*(?:\.[\w-]+)*\.[A-Za-z]\w{0,5}(?::|\s*$)`, // a file name (with `:`): a listing or a path report
    String.raw`:\d+:\d+\)?\s*$|^\s*at\s|\.\w+:\d+ \+0x[0-9a-f]+\s*$`, // a source location (`❯ src/a.test.ts:244:3`) or a stack frame (Go's `mock.go:481 +0x110`)
    String.raw`^\d{6,}\s{2,}\S`, // a listing keyed by ids (`1498016002  Epub Viewer (1.7)`)
    String.raw`^\s*StatusCode\s*:|\bHTTP\/\d(?:\.\d)? \d{3}\b|^\s*(?:status|status code)\s*[:=]\s*\d{3}\s*$`, // an HTTP status: an answer, not a measurement
    String.raw`\b\w+="[^"]*"|\bd="M`, // markup attributes: code, not output
    String.raw`\bsha256:[0-9a-f]{6,}|\d(?:\.\d+)?\s*[kKMG]i?B\s*\/\s*\d+(?:\.\d+)?\s*[kKMG]i?B`, // image layers pulled: transfer progress
    String.raw`looking for funding|\bnpm fund\b`, // npm's funding notice
    String.raw`^Row \d+\s*:|^curl: \(\d+\)|\bFailed to connect\b|\.(?:whl|tar\.gz|tgz)(?:\.metadata)?\b`, // a data dump's rows, curl's errors, package downloads
    String.raw`^#\d+ `, // a BuildKit step's progress (`#5 transferring context: 294kB 0.0s done`)
    String.raw`^\s*(?:adding|updating|inflating|extracting|deflating|creating):\s|\((?:deflated|stored) \d+%\)`, // zip's per-file lines
    String.raw`^\s*Starting \d+ tests?\b|\b\d+\/\d+ completed\b|^Command timed out after \d+(?:m \d+(?:\.\d+)?s|(?:\.\d+)?s)\b`, // a run starting or under way; the harness's time limit
    String.raw`^(?=(?:.*?\S {2,}){3})(?!.*\b(?:passed|failed|tests?|took|elapsed|total|coverage|duration)\b)(?!.*\d\s?(?:ns\/op|B\/op|allocs\/op|ms|s|sec|[kKMGT]i?B?|\/s)\b)(?!.*\d%(?:\s|$))(?!.*\|)`, // a listing's row (`ss`, `lsof`, `ps`): columns, not a measurement
    String.raw`^\s*\((?:fail|pass|skip|todo)\)\s|^\s*(?:PASS|FAIL|ok|not ok)\b.*[\[(]\d+(?:\.\d+)?\s*m?s[\])]\s*$`, // one test's verdict and its own timing
    String.raw`^\s*#\s*(?:define|include|if|ifdef|ifndef|pragma)\b`, // C preprocessor lines: code
    String.raw`^\s*["'“‘]|\{"`, // a quoted string or a JSON object: data the run printed, not its measurement
    // A port, a process or user id told with its label (`listening port: 34223`): which one, not how much; a
    // time-out's limit in its message (`Test timed out in 5000ms`).
    String.raw`\b(?:port|pid|ppid|uid|gid)\s*[:=]\s*\d+\s*$|\bTest timed out in \d`,
    // …or a harness's limit (Codex: `command timed out after 10038 milliseconds`), a test file that
    // collected nothing (vitest's `❯ dep/x.test.ts (0 test)`), a line of code or configuration
    // (`SERENA_LOG_FORMAT = "%(levelname)-5s …"`).
    // …an HTTP status (`Backend health check status: 200`, PowerShell's `StatusCode : 200`) or a retry
    // counter in a call log (`37 × waiting for element to be visible`).
    String.raw`\bstatus(?: ?code)?\s*:\s*[1-5]\d\d\b|^\s*\d+ × \S|\btimed out after \d+\s*(?:ms|milliseconds?|s|sec(?:ond)?s?)\b|\(0 tests?\)\s*$|^\s*[A-Za-z_][\w.]*\s*[:=]\s*[fbr]?["'\`]`,
    // A process table's row (busybox `top`/`ps`: PID PPID USER STAT VSZ…; `ps aux`: USER PID %CPU %MEM VSZ RSS…).
    String.raw`^\s*\d+\s+\d+\s+\S+\s+[RSDZTIW][<NLsl+]*\s+\d|^\S+\s+\d+\s+\d+\.\d\s+\d+\.\d\s+\d+\s+\d+\s`,
    // `go test` packages where no test ran, a job runner's batch of globbed files (`shellcheck – 4 files – **/*.sh`),
    // curl's `-v` trace (`{ [3810 bytes data]`), apt's fetch lines (`Get:9 http://… Packages`).
    String.raw`\[no tests to run\]|\[no test files\]|\*\*\/\*|^\s*[{}<>*] \[\d+ bytes data\]|^(?:Get|Hit|Ign|Err):\d+\s`,
    // A linter's rule code and message (`E501 Line too long (89 > 88)`), a task runner's dispatch banner
    // (turbo's `• Running typecheck, lint, test in 8 packages`), a source line quoted in a framed traceback (`│ 118 │ …`).
    String.raw`^\s*[A-Z]{1,4}\d{3,4}\b.*\(\d+ > \d+\)|^\W{0,2}\s*Running \S.*\bin \d+ (?:packages|workspaces|projects)\b|^\s*[│┃|]\s*\d+\s*[│┃|]`,
  ].join('|'),
  'i',
);

/** An error or a check's verdict (case matters: `VERIFY:` is a tag, `Bundle:` a label). */
const ERROR_LINE = /\b(?:[A-Z][a-zA-Z]*)?(?:Error|Exception):\s|^\s*assertion\b|\bpanicked at\b|^[A-Z][A-Z0-9_]{2,}(?:-[A-Z0-9_]+)*:\s/;

/** Tokens whose digits name something rather than count it: paths, file names, hashes, long ids, names like `wlp3s0`. */
const PATHS_AND_HASHES =
  /(?<!\S)\S*\.[A-Za-z]\w{0,5}(?!\S)|(?<!\S)\S*\\\S*|\b(?!\d)\w*?[A-Za-z]\d+[A-Za-z]\w*\b|(?<!\S)(?:[.~]?\/|[A-Za-z]:\\|[\w.@-]+[/\\][\w.@-]+[/\\])\S*|\b(?=[0-9a-z]*[a-z])(?=[0-9a-z]*\d)[0-9a-z]{20,}\b|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi;

/** Commands whose bare-number output is a count: `grep -c`, `SELECT count(*)`, a sum. */
const COUNTING = /(?:grep|rg) (?:-\w*c\b|--count)|\bcount\(|\bsum\(/i;

/** `COUNT(*): 611, MAX(created_at): 2023-12-15 12:00` for a one-row answer to `SELECT COUNT(*), MAX(created_at) FROM …`. */
function aggregateValues(commandLine: string, lines: string[]): string[] {
  // (sqlite3's `.timer on` prints a `Run Time:` row after each statement: a timing, not a value.)
  const rows = lines.map((l) => l.trim()).filter((l) => l && !/^Run Time: real\b/.test(l));
  // Several queries in one script (`SELECT COUNT(*) FROM orders; SELECT COUNT(*) FROM orders o JOIN …;`), one value
  // each: each under its query.
  const queries = [...commandLine.matchAll(/\bselect\s+((?:count|sum|avg|min|max|total)\s*\([^()]*\))\s+(from\s+[^;]+?)\s*;/gi)];
  if (queries.length >= 2 && rows.length === queries.length && rows.every((r) => /^-?\d[\d.]*$/.test(r)))
    return queries.map((q, i) => {
      const from = q[2].replace(/\s+/g, ' ');
      return `${q[1]} ${from.length > 80 ? `${from.slice(0, 79)}…` : from}: ${rows[i]}`;
    });
  const select = /\bselect\s+(.+?)\s+from\b/is.exec(commandLine)?.[1];
  if (!select || !/\b(?:count|sum|avg|min|max|total)\s*\(/i.test(select)) return [];
  const exprs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < select.length; i++) {
    if (select[i] === '(') depth++;
    else if (select[i] === ')') depth--;
    else if (select[i] === ',' && depth === 0) {
      exprs.push(select.slice(start, i).trim());
      start = i + 1;
    }
  }
  exprs.push(select.slice(start).trim());
  const row = rows.length === 1 ? rows[0].split('|') : undefined;
  if (!row || row.length !== exprs.length || !row.some((v) => /^-?\d[\d.]*$/.test(v.trim()))) return [];
  const text = exprs.map((e, i) => `${e.replace(/\s+as\s+\w+$/i, '')}: ${row[i].trim()}`).join(', ');
  return text.length <= 220 ? [text] : [];
}

/**
 * A grouped count or sum printed bare (`sqlite3 db "select substr(hi,1,7), count(*) from t group by 1"` → `2025-05|1002`):
 * each group's figure under the expression that computed it, a few groups.
 */
function groupedValues(commandLine: string, lines: string[]): string[] {
  const select = /\bselect\s+(.+?)\s+from\b[\s\S]*\bgroup\s+by\b/is.exec(commandLine)?.[1];
  const aggregate = select
    ?.split(',')
    .map((e) => e.trim())
    .at(-1);
  if (!select || !aggregate || !/^(?:count|sum|avg|min|max|total)\s*\(/i.test(aggregate)) return [];
  const rows = lines.map((l) => l.trim()).filter(Boolean);
  if (rows.length < 2 || rows.length > 60 || !rows.every((r) => /^[^|]{1,40}\|-?\d[\d.]*$/.test(r))) return [];
  const label = aggregate.replace(/\s+as\s+\w+$/i, '');
  return rows.slice(0, 6).map((r) => `${r.split('|')[0]}: ${label} ${r.split('|')[1]}`);
}

/** Database shells: what a query prints is the measurement (`SELECT count(*) … GROUP BY month`). */
const SQL_CLIENT = /(?:^|[\s;&|(])(?:sqlite3|psql|mysql|mariadb|duckdb|clickhouse(?:-client)?)\s/;
/** A table's rule under its header: sqlite3 -column `-----  -----`, psql `-------+------`, mysql `+----+`. */
const TABLE_RULE = /^\s*[+|]?-{3,}(?:[\s+|]+-{3,})*[+|]?\s*$/;
const QUERY_ROWS = 8;

/**
 * A query's result table read row by row with its header (`month rows extra_copies: 2025-10 38241 9561`):
 * a number in a row means nothing without its column names. Only rows holding a number, a few per table.
 */
function queryResultRows(lines: string[]): string[] {
  const rows: string[] = [];
  const cells = (line: string) =>
    line
      .replace(/^\s*\||\|\s*$/g, '')
      .split(/\s*\|\s*|\s{2,}/)
      .map((c) => c.trim())
      .filter(Boolean);
  for (let i = 1; i < lines.length; i++) {
    if (!TABLE_RULE.test(lines[i]) || TABLE_RULE.test(lines[i - 1]) || !lines[i - 1].trim()) continue;
    const header = cells(lines[i - 1]);
    if (!header.length || header.some((h) => /^-?\d[\d.,]*$/.test(h))) continue;
    let taken = 0;
    for (let j = i + 1; j < lines.length && taken < QUERY_ROWS; j++) {
      const line = lines[j];
      if (!line.trim() || TABLE_RULE.test(line) || /^\(\d+ rows?\)/.test(line.trim())) break;
      const row = cells(line);
      // An id column's numbers name rows; they measure nothing.
      if (!row.some((c, k) => /^-?\d[\d,]*(?:\.\d+)?%?$/.test(c) && !/(?:^|_)id$/i.test(header[k] ?? ''))) continue;
      const text = header.length === 1 && row.length === 1 ? `${header[0]}: ${row[0]}` : `${header.join(' ')}: ${row.join(' ')}`;
      if (text.length <= 220) rows.push(text);
      taken++;
    }
  }
  return rows;
}

/** A column name that says its values are measured: `ops/s`, `p99 µs`, `time (ms)`, `rows`, `size`. */
const MEASURED_COLUMN =
  /\/s\b|\((?:ms|s|µs|us|ns|b|kb|kib|mb|mib|gb|%)\)|(?:^|\s)(?:ms|µs|us|ns|%|b|kb|kib|mb|mib|gb)$|\b(?:ops|qps|rps|time|duration|elapsed|latency|throughput|mean|avg|average|median|p\d\d|min|max|total|count|rows|size|bytes|rate|score|tokens|hits|misses|speedup|memory|rss|heap|cpu)\b/i;
const TABLE_ROWS = 4;

/**
 * A table a benchmark or a report prints without rules (`case  renders  ops/s  p99 µs` over `large  12000
 * 50132  19.3`): each row with its header, when a column says it is measured. Columns are split on runs of
 * spaces, and a row must have as many as the header, so a listing with free text does not line up.
 */
function measuredTableRows(lines: string[]): string[] {
  const rows: string[] = [];
  const cells = (line: string) => line.trim().split(/\s{2,}|\t+/);
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = cells(lines[i]);
    if (header.length < 3 || header.length > 10 || header.some((h) => /^-?\d[\d.,]*%?$/.test(h)) || !header.some((h) => MEASURED_COLUMN.test(h))) continue;
    let taken = 0;
    let j = i + 1;
    for (; j < lines.length && taken < TABLE_ROWS; j++) {
      const row = cells(lines[j]);
      if (row.length !== header.length || !row.some((c) => /^-?\d[\d,]*(?:\.\d+)?%?$/.test(c))) break;
      const text = `${header.join(' ')}: ${row.join(' ')}`;
      if (text.length <= 220) rows.push(text);
      taken++;
    }
    if (taken) i = j - 1;
  }
  return rows;
}

/** One regular file's row of `ls -l` (or `-lh`): its size and its name. */
const LONG_LISTING_ROW = /^-[rwxsStT-]{9}[@+.]?\s+\d+\s+\S+\s+\S+\s+(\d[\d.,]*[KMGTP]?)\s+\w{3}\s+\d{1,2}\s+[\d:]{4,5}\s+(\S+)\s*$/;

/** A report's row: a short label, a run of spaces, one figure (`subtotal  2,667.00`, `VAT 7%    183.23`). */
const ALIGNED_ROW = /^\p{L}[\p{L}\d %._-]{0,24}?\s{2,}-?\d[\d,]*(?:\.\d+)?%?$/u;
/**
 * A program's report printed as aligned label and figure rows, three or more in a row (a receipt, a summary):
 * each row is a measurement. (A single such row is too little to tell from a listing.)
 */
function alignedReport(lines: string[]): string[] {
  const rows: string[] = [];
  // (Asked first whether a line ends in a figure, a character test: most lines do not.)
  const isRow = (line: string) => {
    const trimmed = line.trimEnd();
    const last = trimmed.charCodeAt(trimmed.length - 1);
    return ((last >= 48 && last <= 57) || last === 37) && ALIGNED_ROW.test(trimmed.trim());
  };
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && isRow(lines[j])) j++;
    if (j - i >= 3) for (const line of lines.slice(i, Math.min(j, i + 8))) rows.push(line.trim());
    i = Math.max(i, j);
  }
  return rows;
}

const HAS_DIGIT = /\d/;

/** Lines of command output that report a measurement, at most `max`, best first. */
/** Test runners' closing counts that say what they measured only by where they stand. */
const RUNNER_SUMMARIES: { shape: RegExp; weight: number; fold?: boolean }[] = [
  // A harness's own tally of its TAP rows (`# 8/9 ok, 1 not ok`).
  { shape: /^\s*#?\s*\d+\/\d+ (?:ok|passed|pass)\b/, weight: 4 },
  // tcltest's closing count (`all.tcl:	Total	17	Passed	15	Skipped	0	Failed	2`), its words and numbers set apart by tabs.
  { shape: /^\S+:\s+Total\s+\d+\s+Passed\s+\d+\s+Skipped\s+\d+\s+Failed\s+\d+\s*$/, weight: 5, fold: true },
  // node:test's closing summary, in its spec (`ℹ pass 9`) and TAP (`# duration_ms 76.187448`) reporters: counts and time.
  { shape: /^\s*(?:ℹ|#) (?:tests|pass|fail|duration_ms) (\d+(?:\.\d+)?)\s*$/, weight: 4 },
  // prove's closing line (`Files=3, Tests=21,  0 wallclock secs ( 0.02 usr …)`).
  { shape: /^Files=\d+, Tests=(\d+),/, weight: 5 },
];

/** A header over a list of the modes a display could run (`available modes:`), each mode then on a line of its own. */
const MODE_LIST = /^\s*(?:available ?modes|supported modes|modes)\s*:\s*$/im;
const BARE_MODE = /^\s*\d{2,5}x\d{2,5}@[\d.]+\s*Hz\s*$/i;

/** `label: 1554`, `total: HK$21,846.91`: one figure under a label of a word or a few, in any script. */
// (…its label may hold a parenthesis, `descartadas (sen importe): 24`, and a word or three may name what was counted:
// `Nabasa: 842 na gastos`.)
const REPORT_ROW =
  /^\s*\p{L}[\p{L}\p{M} ]{0,30}(?:\([\p{L}\p{M} ]{1,30}\))?:\s*(?:[A-Z]{0,3}[$€£¥₹]|Rs\.?\s?)?-?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|[$€£¥₹]|[A-Z]{3}))?(?:\s+[\p{L}\p{M}]+){0,3}\s*$/u;
/**
 * Labels of settings, places and versions, an assertion's two sides and a pull request's bookkeeping, not counts of the
 * work: `port: 8080`, `line: 12`, `left: 1733740200`, `Additions: 1257`.
 */
const SETTING_LABEL =
  /^\s*(?:[\p{L} ]*\s)?(?:port|version|v|id|pid|uid|gid|line|lines? no|row|column|col|page|step|year|month|day|hour|minute|second|timeout|retries|workers|threads|jobs|level|verbosity|seed|width|height|depth|limit|max|min|default|replicas|priority|weight|index|offset|exit(?: code)?|status|code|chmod|mode|left|right|expected|actual|got|want|additions|deletions|insertions|changed files|commits|reviews|comments|reactions|stars|forks)\s*:/iu;
/** A command whose output is text looked at (`cat config.yaml`, `grep -n …`), not a program's report. */
const LOOKS_AT_TEXT =
  /^(?:cat|head|tail|less|more|grep|rg|sed|awk|jq|yq|git|gh|glab|docker compose config|kubectl|env|printenv|set|echo|printf|type|get-content)\b/i;

export function measuredLines(output: string, max = 6, commandLine?: string): string[] {
  // (Valgrind writes every line under its process id, `==32113==   total heap usage: 2,761 allocs, …`: the report is after it.)
  const plain = plainOutput(headAndTail(output, 12_000, 12_000));
  const text = plain.includes('==') ? plain.replace(/^==\d+== ?/gm, '') : plain;
  const found: { line: string; weight: number }[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  // A bare number is reported only when the command says what it counted (`SELECT count(*) …`, `grep -c x`),
  // and then under that command: alone it reads as noise (every such item labelled on the corpus was wrong).
  if (commandLine !== undefined && COUNTING.test(commandLine)) {
    const meaningful = lines.filter((l) => l.trim() && !BOILERPLATE.test(l.trim()));
    const last = meaningful.at(-1)?.trim() ?? '';
    if (/^-?\d[\d,]*(?:\.\d+)?$/.test(last)) {
      const label = commandLine.replace(/\s+/g, ' ').trim();
      const line = `${label.length > 100 ? `${label.slice(0, 99)}…` : label} → ${last}`;
      seen.add(line);
      found.push({ line, weight: 5 });
    }
  }
  // A query's aggregates printed bare (`sqlite3 db "SELECT COUNT(*), MAX(x) FROM t"` → `611|2023-12-15`): each
  // value under the expression that computed it.
  if (commandLine !== undefined && SQL_CLIENT.test(commandLine))
    for (const line of [...aggregateValues(commandLine, lines), ...groupedValues(commandLine, lines)])
      if (!seen.has(line) && found.length < max) {
        seen.add(line);
        found.push({ line, weight: 5 });
      }
  // `wc -l data/orders.ndjson` prints its count before the file it counted: `18342 data/orders.ndjson`.
  if (commandLine !== undefined && /\bwc\s+(?:-[lcmw]+\s+)+\S/.test(commandLine)) {
    for (const line of lines) {
      const counted = /^\s*(\d[\d,]*)\s+(\S+)\s*$/.exec(line);
      // (Not a count of a scratch or log file: `wc -l /tmp/…/tasks/b5.output` checks how far a run got.)
      if (!counted || /^\/tmp\/|\.(?:output|log|out)$/.test(counted[2]) || found.length >= max) continue;
      // (The `total` row of several files is their sum: `6201 total`.)
      const text = `wc: ${counted[1]} ${/\bwc\s+-\w*w/.test(commandLine) ? 'words' : /\bwc\s+-\w*[cm]/.test(commandLine) ? 'bytes' : 'lines'} in ${counted[2] === 'total' ? 'all' : counted[2]}`;
      if (!seen.has(text)) {
        seen.add(text);
        found.push({ line: text, weight: 4 });
      }
    }
  }
  // `du -sh data/in data/done` prints each size before the path it measured: `692K	data/in`.
  if (commandLine !== undefined && /(?:^|[\s;&|(])du\s+(?:-\w+\s+)*\S/.test(commandLine)) {
    for (const line of lines) {
      // (du separates the size from the path with a tab: other commands' rows on the same line are not taken.)
      const sized = /^(\d[\d.,]*[KMGTP]?)\t(\S.*?)\s*$/.exec(line);
      if (!sized || found.length >= max) continue;
      const text = `du: ${sized[1]}${/\d$/.test(sized[1]) ? (/\bdu\s+(?:-\w*\s+)*-\w*b/.test(commandLine) ? ' bytes' : ' blocks') : ''} in ${sized[2]}`;
      if (!seen.has(text)) {
        seen.add(text);
        found.push({ line: text, weight: 4 });
      }
    }
  }
  // `ls -l samples/big.conf` asked for a file's size: `-rw-r--r-- 1 me me 542099 Nov 30 07:40 samples/big.conf`.
  // (Only a file the command names: the rows of a directory listed are a listing, not a measurement.)
  if (commandLine !== undefined && /(?:^|[\s;&|(])ls\s+(?:-\w*l\w*\s+)+[^\s-]/.test(commandLine)) {
    const named = new Set(commandLine.split(/[\s;&|()]+/));
    for (const line of lines) {
      const row = LONG_LISTING_ROW.exec(line);
      // (Not an empty file, nor a system file looked at to see whether it is there: `ls -la /.dockerenv`.)
      if (
        !row ||
        row[1] === '0' ||
        !named.has(row[2]) ||
        /^\/(?:tmp|etc|proc|sys|dev|usr|var|opt|bin|lib|run|\.)|\.(?:output|log|out)$/.test(row[2]) ||
        found.length >= max
      )
        continue;
      const text = `ls: ${row[1]}${/\d$/.test(row[1]) ? ' bytes' : ''} in ${row[2]}`;
      if (!seen.has(text)) {
        seen.add(text);
        found.push({ line: text, weight: 4 });
      }
    }
  }
  // binutils' `size`: each file's text, data and bss under its header row.
  const sizeHeader = lines.findIndex((l) => /^\s*text\s+data\s+bss\s+dec\s+hex\s+filename\s*$/.test(l));
  if (sizeHeader >= 0)
    for (const row of lines.slice(sizeHeader + 1, sizeHeader + 7)) {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+[0-9a-f]+\s+(\S+)\s*$/.exec(row);
      if (!m) break;
      const line = `size: text ${m[1]}, data ${m[2]}, bss ${m[3]} bytes in ${m[4]}`;
      if (!seen.has(line)) {
        seen.add(line);
        found.push({ line, weight: 5 });
      }
    }
  // A duration in hours and minutes under its label (`Ist:   159:30`, `Saldo: -0:30`): more hours than a day has, or
  // below zero, is an amount of time, never a time of day.
  for (const line of lines) {
    if (line.length > 60 || !line.includes(':') || !HAS_DIGIT.test(line)) continue;
    const m = /^\s*\p{L}[\p{L} -]{1,30}:\s*(-?)(\d{1,4}):[0-5]\d\s*$/u.exec(line);
    if (!m || (m[1] !== '-' && Number(m[2]) <= 23) || found.length >= max) continue;
    const text = line.trim().replace(/\s+/g, ' ');
    if (!seen.has(text)) {
      seen.add(text);
      found.push({ line: text, weight: 4 });
    }
  }
  // Responses tallied by HTTP status (`200: 394152`, `404: 4105`): each status's count, when two or more are listed.
  const tallies = lines.filter((l) => STATUS_TALLY.test(l));
  if (tallies.length >= 2)
    for (const line of tallies.map((l) => l.trim()))
      if (!seen.has(line)) {
        seen.add(line);
        found.push({ line, weight: 3 });
      }
  // A program's report, one count or amount under a label per line in any language (`eitemau: 287` / `gwerth: 38100.37`,
  // `ਕੁੱਲ ਸ਼ਬਦ: 1554` / `ਵਿਲੱਖਣ: 50`, `trips: 2417` / `  adult: 1381` / `total: HK$21,846.91`): two such lines or more in a row
  // from a program that ran on something, not a file or a setting looked at.
  if (commandLine !== undefined && !LOOKS_AT_TEXT.test(commandLine.trim())) {
    let run: string[] = [];
    const flush = () => {
      // (The costly exclusions are asked only of a run of two rows or more.)
      const kept = run.length >= 2 ? run.filter((l) => !NOT_A_MEASUREMENT.test(l)) : [];
      if (kept.length >= 2 && !kept.every((l) => SETTING_LABEL.test(l)))
        for (const line of kept)
          if (!seen.has(line) && !SETTING_LABEL.test(line) && found.length < max) {
            seen.add(line);
            // (A report's labelled totals outrank the table rows under them: `гарадоў: 7` over `Гомель  404`.)
            found.push({ line, weight: 5 });
          }
      run = [];
    };
    for (const line of lines) {
      // (Most lines hold no colon or no digit: the patterns are asked only of those that do.)
      if (line.length <= 80 && line.includes(':') && HAS_DIGIT.test(line) && REPORT_ROW.test(line) && !BOILERPLATE.test(line.trim())) run.push(line.trim());
      else flush();
    }
    flush();
  }
  // A header of counted things over a row of their counts (`lines	words` / `389	2817`, as `wc` or a program prints them):
  // each count under its name.
  // (Asked only of a line followed by one that starts with a digit: most are not.)
  for (let i = 0; i + 1 < lines.length && found.length < max; i++) {
    if (!/^\s*\d/.test(lines[i + 1]) || !/\t|\S {2,}\S/.test(lines[i])) continue;
    const names = lines[i].trim().split(/\t+|\s{2,}/);
    if (names.length < 2 || names.length > 6 || !names.every((n) => /^\p{L}[\p{L}\p{M}_ -]{0,24}$/u.test(n))) continue;
    const values = lines[i + 1].trim().split(/\s+/);
    if (values.length !== names.length || !values.every((v) => /^\d[\d,]*(?:\.\d+)?$/.test(v))) continue;
    const line = names.map((n, k) => `${n} ${values[k]}`).join(', ');
    if (!seen.has(line)) {
      seen.add(line);
      found.push({ line, weight: 5 });
    }
  }
  // curl's `-w` report of a request (`code=200 size=202 time=0.004104`), glued to the body it followed.
  for (const raw of /\b(?:time|size|speed)\w*=\d/.test(text) ? lines : []) {
    const report = /(?:^|[\s}\]])((?:[a-z_]+=\d+(?:\.\d+)?(?:\s+|$)){2,})$/.exec(raw)?.[1]?.trim();
    if (!report || !/\b(?:time|size|speed)\w*=/.test(report) || seen.has(report) || found.length >= max) continue;
    seen.add(report);
    found.push({ line: report, weight: 5 });
  }
  // Test runners' closing counts, each kept whole (tcltest's tabs folded).
  for (const { shape, weight, fold } of RUNNER_SUMMARIES)
    for (const line of lines) {
      const row = shape.exec(line);
      // (A count of none, node:test's `# todo 0`, says nothing.)
      if (!row || (row[1] !== undefined && Number(row[1]) === 0) || found.length >= max) continue;
      const text = fold ? line.trim().replace(/\s+/g, ' ') : line.trim();
      if (!seen.has(text)) {
        seen.add(text);
        found.push({ line: text, weight });
      }
    }
  const tableRows = [
    ...(commandLine !== undefined && SQL_CLIENT.test(commandLine) ? queryResultRows(lines) : []),
    ...measuredTableRows(lines),
    ...alignedReport(lines),
  ];
  if (tableRows.length) {
    for (const line of tableRows) {
      if (seen.has(line)) continue;
      seen.add(line);
      found.push({ line, weight: 4 });
    }
  }
  // A build that had nothing to do (cargo's `Finished … in 0.06s` without a `Compiling` line, Gradle's tasks all
  // `up-to-date`) measured no build: its time is the tool starting.
  // (The modes listed under `available modes:`, one per line, are what the display could run, not what it runs.)
  const modeList = MODE_LIST.test(text);
  const idleBuild =
    (/^\s*(?:\[stderr\]\s+)?Finished `?\w+`? profile\b/m.test(text) && !/(?:^|\s)Compiling \S+ v\d/.test(text)) ||
    /\b(\d+) actionable tasks?: \1 up-to-date\b/.test(text);
  for (const raw of lines) {
    // (Every shape below holds an ASCII digit: a line without one is passed over before any pattern is tried.)
    if (raw.length > 400 || raw.length < 3 || !HAS_DIGIT.test(raw)) continue;
    const trimmed = raw.trim();
    // (A runner may tag the line with the stream it came on: `[stderr]     Finished …`.)
    if (idleBuild && /^(?:\[stderr\]\s+)?(?:Finished `?\w+`? profile\b|BUILD SUCCESSFUL in\b)/.test(trimmed)) continue;
    if (modeList && BARE_MODE.test(trimmed)) continue;
    const measures =
      MEASURE.test(trimmed) ||
      OCTETS.test(trimmed) ||
      (MAY_BE_LABELLED.test(trimmed) && (LABELLED.test(trimmed) || STATISTIC.test(trimmed))) ||
      mayBeReported(trimmed) ||
      reportsCounts(trimmed);
    // A long sentence with a number in it is prose (a README, a docstring), not a report of a measurement.
    // A rate (`2150 rows/s`) is a measurement however long the line that reports it.
    if (
      measures &&
      trimmed.split(/\s+/).length > 14 &&
      !/\b(?:took|elapsed|passed|failed|duration|throughput|latency|p\d\d)\b|\d\s?[A-Za-z]+\/(?:s|sec|min)\b/i.test(trimmed)
    )
      continue;
    if (BOILERPLATE.test(trimmed) || !measures || NOT_A_MEASUREMENT.test(trimmed) || ERROR_LINE.test(trimmed)) continue;
    // Words the command line itself holds (`echo "Updating to: 60s"`) are what the agent set, not what it measured.
    if (commandLine !== undefined && trimmed.length >= 6 && commandLine.includes(trimmed)) continue;
    // Digits that are only part of a path, a hash or an id (`/nix/store/bdhv…-shell.drv`) measure nothing.
    const named = trimmed.replace(PATHS_AND_HASHES, ' ');
    if (
      !MEASURE.test(named) &&
      !OCTETS.test(named) &&
      !(MAY_BE_LABELLED.test(named) && (LABELLED.test(named) || STATISTIC.test(named))) &&
      !mayBeReported(named) &&
      !reportsCounts(named)
    )
      continue;
    const line = trimmed.length > 220 ? trimmed.slice(0, 219) + '…' : trimmed;
    if (seen.has(line)) continue;
    seen.add(line);
    const units = (trimmed.match(UNITS_GLOBAL) ?? []).length;
    const keyword = /\b(?:took|elapsed|duration|throughput|latency|ops\/s|req\/s|passed|failed|tests?|coverage|speedup|rss|heap|bench|total|size)\b/i.test(
      trimmed,
    )
      ? 2
      : 0;
    // A report's own summary (`Totalt: 5370.8 kWh, 6713.50 kr`, `Snitt per leilighet: 447.6 kWh`) outranks its table's rows.
    found.push({ line, weight: units + keyword + (SUMMARY_LINE.test(trimmed) ? 5 : 0) });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((f) => f.line);
}

/** A count under an HTTP status: `404: 4105`. */
const STATUS_TALLY = /^\s*[1-5]\d\d\s*:\s*\d[\d,]*\s*$/;

/** A report's summary line under its label, in the languages reports are printed in. */
const SUMMARY_LINE =
  /^(?:totalt?|totals?|total[ae]|sum|summe|gesamt|insgesamt|yhteensä|totaal|итого|всего|razem|celkem|toplam|jumlah|tổng(?: cộng)?|合计|总计|合計|snitt|gjennomsnitt|average|avg|mean|durchschnitt|moyenne|media|promedio|média|keskiarvo|átlag|összesen|i alt|gennemsnit)\b[^:\n]{0,30}:\s*\S/iu;

/** Programs whose runs are routine looking around: a command made only of these is noise. */
const NOISE_PROGRAMS = new Set([
  'ls',
  'll',
  'pwd',
  'cd',
  'cat',
  'echo',
  'clear',
  'true',
  'false',
  'which',
  'type',
  'whoami',
  'date',
  'sleep',
  'tree',
  'head',
  'tail',
  'less',
  'more',
  'file',
  'stat',
  'exit',
  'source',
  '.',
  'bat',
  'nl',
  'realpath',
  'readlink',
  'basename',
  'dirname',
  'id',
  'hostname',
]);
/**
 * PowerShell's looking-around cmdlets and their aliases (Codex on Windows runs commands in PowerShell):
 * `Get-Content` is its `cat`, `Select-String` its `grep`, `Get-ChildItem` its `ls`. Compared in lower case.
 */
const POWERSHELL_LOOKS = new Set([
  'get-content',
  'gc',
  'type',
  'select-string',
  'sls',
  'get-childitem',
  'gci',
  'dir',
  'get-item',
  'gi',
  'test-path',
  'resolve-path',
  'get-location',
  'gl',
  'write-output',
  'write-host',
  'format-list',
  'format-table',
  'out-string',
  'select-object',
  'where-object',
  'sort-object',
]);
/** Commands whose output is a file's content, not something that happened. */
const DUMP_PROGRAMS = new Set([
  'cat',
  'head',
  'tail',
  'less',
  'more',
  'bat',
  'nl',
  'sed',
  'awk',
  'xxd',
  'od',
  'strings',
  'jq',
  'grep',
  'rg',
  ...POWERSHELL_LOOKS,
]);

/** The program of each simple command in a command line (after wrappers like `sudo`, `npx`). */
export function programsOf(commandLine: string): string[][] {
  return parseCommandLine(commandLine.length > 4000 ? commandLine.slice(0, 4000) : commandLine)
    .map((c) => unwrapProgram(c.words.map((w) => w.text)))
    .filter((words) => words.length > 0);
}

/**
 * A command worth telling the next agent about: anything but routine looking around (`ls`, `pwd`,
 * `cat file`, `git status`). Searches, counts and history queries count: they show what was checked.
 */
export function isDistinctiveCommand(commandLine: string | string[][]): boolean {
  const programs = typeof commandLine === 'string' ? programsOf(commandLine) : commandLine;
  if (!programs.length) return false;
  return programs.some((words) => {
    const program = posix.basename(words[0]);
    if (program === 'git') return !(words.length === 2 && (words[1] === 'status' || words[1] === 'diff' || words[1] === 'log'));
    return !NOISE_PROGRAMS.has(program) && !POWERSHELL_LOOKS.has(program.toLowerCase());
  });
}

/**
 * A file kept to record measurements, by its name or its folder (`perf/drain-server.txt`, `bench_results.log`,
 * `timings.out`): printing it shows what was measured, even when another machine measured it. (Not any log: a
 * server's log is requests and timestamps, not a report.)
 */
const MEASUREMENT_FILE =
  /(?:^|\/)(?:perf|benchmarks?|bench|timings?|measurements?)\/[^/]+\.(?:txt|log|out)$|(?:^|[/_.-])(?:perf|bench(?:mark)?s?|timings?|durations?|metrics|measurements?|results?)(?:[-_.][^/]*)?\.(?:txt|log|out)$/i;

/** `cat perf/drain.txt`, `tail -n 20 bench_results.log`: printing files kept to record measurements, and nothing else. */
export function printsMeasurementFiles(programs: string[][]): boolean {
  return (
    programs.length > 0 &&
    programs.every((words) => {
      if (!['cat', 'head', 'tail', 'get-content', 'type'].includes(posix.basename(words[0]).toLowerCase())) return false;
      const files = words.slice(1).filter((w) => !w.startsWith('-') && !/^\d+$/.test(w));
      return files.length > 0 && files.every((f) => MEASUREMENT_FILE.test(f));
    })
  );
}

/** A command that only shows file content (`cat a.ts`, `sed -n 1,40p x`, `grep -n foo src`): its numbers are not measurements. */
export function dumpsFiles(commandLine: string | string[][]): boolean {
  const programs = typeof commandLine === 'string' ? programsOf(commandLine) : commandLine;
  if (!programs.length) return true;
  return programs.every((words) => {
    const program = posix.basename(words[0]);
    if (program === 'grep' || program === 'rg') return !words.some((w) => w === '-c' || w === '--count' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
    if (program === 'awk') return !/\bprint\b[^}]*\b(?:s|sum|n|count|total)\b|END\s*\{/.test(words.join(' '));
    if (['ls', 'pwd', 'cd', 'echo', 'tree', 'find', 'set-location', 'sl', 'push-location', 'pushd', 'popd'].includes(program.toLowerCase())) return true;
    if (program === 'git') return ['diff', 'show', 'log', 'blame', 'grep', 'cat-file'].includes(words[1] ?? ''); // file content and history
    // A pull request's or an issue's text and comments: what others wrote, not what this run measured.
    // …and a listing of runs (`gh run list`: ids, dates and each run's time, a history, not this run's figures).
    if (program === 'gh') return (['pr', 'issue'].includes(words[1] ?? '') && words.includes('view')) || (words[1] === 'run' && words[2] === 'list');
    return DUMP_PROGRAMS.has(program) || DUMP_PROGRAMS.has(program.toLowerCase());
  });
}

/** A command line for display: the first line of a here-document command, one line, bounded. */
export function displayCommand(commandLine: string, max = 240): string {
  const trimmed = commandLine.trim();
  const newline = trimmed.indexOf('\n');
  const heredoc = newline >= 0 && /<<-?\s*['"]?\w+/.test(trimmed.slice(0, newline));
  return oneLine(heredoc ? trimmed.slice(0, newline) + ' …' : trimmed.length > max * 4 ? trimmed.slice(0, max * 4) : trimmed, max);
}

/** A key under which repeated runs of the same command meet (whitespace and trailing `2>&1`/`| tail` folded). */
export function commandKey(commandLine: string): string {
  return commandLine
    .trim()
    .replace(/\s+(?:2>&1|\|\s*(?:tail|head)(?:\s+-n)?\s*-?\d*)\s*$/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 400);
}
