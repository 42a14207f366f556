// Reads tool output for what only shows there: error lines, failing tests, stack trace heads and
// measured numbers. Pure functions over one output at a time.
import { posix } from 'node:path';
import { parseCommandLine } from './shellWords.js';
import { unwrapProgram } from './shellWrites.js';
import { headAndTail, oneLine } from './text.js';

/** Lines that say something failed. Ordered roughly from most to least telling. */
const STRONG_ERROR = [
  /\berror TS\d+\b/,
  /^\s*(?:FAIL|FAILED|ERROR)\b/,
  /^\s*--- FAIL:/,
  /^\s*not ok \d+/,
  /^\s*[✕✗✖×]\s+\S/,
  /\b(?:[A-Z][a-zA-Z]*)?(?:Error|Exception)(?:\s*\[[\w-]+\])?:\s+\S/,
  /^\s*(?:error|fatal)(?:\[\w+\])?:/i,
  /^panic:/,
  /\bnpm (?:ERR!|error)\b/,
  /\bTraceback \(most recent call last\)/,
  /\b(?:ENOENT|EACCES|EADDRINUSE|ECONNREFUSED|EPERM|ETIMEDOUT|EEXIST|ENOTDIR|EISDIR)\b/,
  /\bcommand not found\b/,
  /\bNo such file or directory\b/,
  /\bPermission denied\b/,
  /\bSegmentation fault\b/,
  /\bCannot find module\b/,
  /\bUnhandled\w*\b/,
  /\bAssertionError\b/,
  /\bexpected .+ (?:to (?:be|equal|have)|but (?:got|received))\b/i,
  /\b\d+ (?:failed|failing|errors?)\b/,
  /\bBUILD FAILED\b|\bbuild failed\b|\bcompilation failed\b/i,
  /\bundefined reference\b|\bsegfault\b|\bcore dumped\b/i,
  /<tool_use_error>/,
];

/** Lines that look like error lines but are not (counts of zero, summaries of success). */
const NOT_ERROR = /\b0 (?:failed|failing|errors?)\b(?!.*\b[1-9]\d* (?:failed|failing|errors?))|\bno errors?\b|\berrors?: 0\b/i;
const STACK_FRAME = /^\s+at\s+\S|^\s+File ".+", line \d+|^\s*\d+: 0x[0-9a-f]+|^goroutine \d+/;

export interface ErrorSummary {
  /** The distinctive lines, at most `max`, each one line. */
  lines: string[];
  /** A stack trace's first frames, when there is one. */
  stack: string[];
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are control characters: they are what it removes
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\r(?!\n)/g;

/** Output without terminal colour and cursor codes. */
export function plainOutput(output: string): string {
  return output.includes('\x1b') || output.includes('\r') ? output.replace(ANSI, (m) => (m === '\r' ? '\n' : '')) : output;
}

/** The lines of an output that say what went wrong, or none. */
export function errorLines(output: string, max = 6): ErrorSummary {
  const text = plainOutput(headAndTail(output, 24_000, 12_000));
  const found: { line: string; rank: number; index: number }[] = [];
  const stack: string[] = [];
  const lines = text.split('\n');
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.length > 2000) continue;
    if (STACK_FRAME.test(raw)) {
      if (stack.length < 3) stack.push(oneLine(raw, 200));
      continue;
    }
    const rank = STRONG_ERROR.findIndex((re) => re.test(raw));
    if (rank < 0 || NOT_ERROR.test(raw)) continue;
    const line = oneLine(raw.replace(/<\/?tool_use_error>/g, ''), 240);
    if (!line || seen.has(line)) continue;
    seen.add(line);
    found.push({ line, rank, index: i });
  }
  // A Python traceback names the error on its last line: keep it.
  const tracebackAt = lines.findIndex((l) => l.startsWith('Traceback (most recent call last)'));
  if (tracebackAt >= 0) {
    for (let i = tracebackAt + 1; i < lines.length; i++) {
      if (/^\w[\w.]*(?:Error|Exception|Exit|Interrupt)\b/.test(lines[i])) {
        found.push({ line: oneLine(lines[i], 240), rank: -1, index: i });
        break;
      }
    }
  }
  const best = found.sort((a, b) => a.rank - b.rank || a.index - b.index).slice(0, max);
  return { lines: best.sort((a, b) => a.index - b.index).map((f) => f.line), stack };
}

/** True when output shows a failure even though no exit code said so (`npm test || true`, a tool that prints errors). */
export function looksFailed(output: string): boolean {
  const head = plainOutput(headAndTail(output, 8_000, 8_000));
  return /\berror TS\d+\b|^\s*FAIL\b|^\s*--- FAIL:|^\s*not ok \d+|\bTraceback \(most recent call last\)|^panic:|\bnpm (?:ERR!|error)\b|^\s*(?:Error|fatal):|\b[1-9]\d* (?:failed|failing)\b/m.test(head);
}

const UNIT = String.raw`(?:[KMGT]i|\/s(?:ec)?|matches|hits|misses|modules|packages|chunks|ns\/op|B\/op|allocs\/op|ms|msec|milliseconds?|µs|ns|s|sec|secs|seconds?|mins?|minutes?|h|hours?|[kKMGT]i?B|bytes?|[kMG]?B\/s|ops\/s(?:ec)?|req\/s|rps|qps|tokens?(?:\/s)?|lines?|files?|tests?|specs?|passed|passing|failed|failing|skipped|errors?|warnings?|items?|rows?|records?|entries|requests?|calls?|iterations?|x|×|%|fps|kb|mb|gb)`;
const MEASURE = new RegExp(String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?\s?${UNIT}(?![A-Za-z])|\b(?:real|user|sys)\s+\d+m\d+(?:\.\d+)?s|\b\d+(?:\.\d+)?%|\b(?:took|elapsed|duration|time|total|size|count|avg|mean|median|p\d\d|max|min|rss|heap|memory|cpu|throughput|latency|score|coverage|speedup|ratio|rate|loc|lines|files|errors|warnings|hits|misses)\b[^\n]{0,40}?\d)`, 'i');
const UNITS_GLOBAL = new RegExp(String.raw`\d+(?:,\d{3})*(?:\.\d+)?\s?${UNIT}(?![A-Za-z])`, 'gi');
/** Lines a tool prints around every command, not measurements of anything. */
const BOILERPLATE = /^(?:Chunk ID|Wall time|Original token count|Process exited with code|Exit code|Output:)\b|^total \d+$|^[-dlrwxsStT@+.]{10}\s/;

const BARE_NUMBER = /^-?\d[\d,]*(?:\.\d+)?(?:\s*[%a-zA-Z]{0,6})?(?:\s+\S+)?$/;

/** Lines of command output that report a measurement, at most `max`, best first. */
export function measuredLines(output: string, max = 6): string[] {
  const text = plainOutput(headAndTail(output, 12_000, 12_000));
  const found: { line: string; weight: number }[] = [];
  const seen = new Set<string>();
  // A command that prints just a number (`wc -l < f`, `grep -c x f`, an awk sum) printed a measurement.
  const meaningful = text.split('\n').filter((l) => l.trim() && !BOILERPLATE.test(l.trim()));
  if (meaningful.length <= 3) {
    for (const raw of meaningful) {
      const trimmed = raw.trim();
      if (BARE_NUMBER.test(trimmed) && !seen.has(trimmed)) {
        seen.add(trimmed);
        found.push({ line: trimmed, weight: 5 });
      }
    }
  }
  for (const raw of text.split('\n')) {
    if (raw.length > 400 || raw.length < 3) continue;
    const trimmed = raw.trim();
    if (BOILERPLATE.test(trimmed) || !MEASURE.test(trimmed)) continue;
    const line = trimmed.length > 220 ? trimmed.slice(0, 219) + '…' : trimmed;
    if (seen.has(line)) continue;
    seen.add(line);
    const units = (trimmed.match(UNITS_GLOBAL) ?? []).length;
    const keyword = /\b(?:took|elapsed|duration|throughput|latency|ops\/s|req\/s|passed|failed|tests?|coverage|speedup|rss|heap|bench|total|size)\b/i.test(trimmed) ? 2 : 0;
    found.push({ line, weight: units + keyword });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((f) => f.line);
}

/** Programs whose runs are routine looking around: a command made only of these is noise. */
const NOISE_PROGRAMS = new Set([
  'ls', 'll', 'pwd', 'cd', 'cat', 'echo', 'clear', 'true', 'false', 'which', 'type', 'whoami', 'date', 'sleep', 'tree', 'head', 'tail',
  'less', 'more', 'file', 'stat', 'exit', 'source', '.', 'bat', 'nl', 'realpath', 'readlink', 'basename', 'dirname', 'id', 'hostname',
]);
/** Commands whose output is a file's content, not something that happened. */
const DUMP_PROGRAMS = new Set(['cat', 'head', 'tail', 'less', 'more', 'bat', 'nl', 'sed', 'awk', 'xxd', 'od', 'strings', 'jq', 'grep', 'rg']);

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
    return !NOISE_PROGRAMS.has(program);
  });
}

/** A command that only shows file content (`cat a.ts`, `sed -n 1,40p x`, `grep -n foo src`): its numbers are not measurements. */
export function dumpsFiles(commandLine: string | string[][]): boolean {
  const programs = typeof commandLine === 'string' ? programsOf(commandLine) : commandLine;
  if (!programs.length) return true;
  return programs.every((words) => {
    const program = posix.basename(words[0]);
    if (program === 'grep' || program === 'rg') return !words.some((w) => w === '-c' || w === '--count' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
    if (program === 'awk') return !/\bprint\b[^}]*\b(?:s|sum|n|count|total)\b|END\s*\{/.test(words.join(' '));
    if (program === 'ls' || program === 'pwd' || program === 'cd' || program === 'echo' || program === 'tree' || program === 'find') return true;
    return DUMP_PROGRAMS.has(program);
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
