// Secrets no keyword announces, found by the shape of a token:
//   - a bare 40-character AWS secret access key with no name near it;
//   - a Discord bot token (`<base64 user id>.<6>.<27–38>`);
//   - a Zhipu (BigModel, z.ai) API key (`<32 hex>.<16 letters and digits>`), which users paste bare into
//     prompts and config files (`the key is 0a1b….Xy9…`) with no name beside it;
//   - a base64 blob whose decoded text holds a secret (a Kubernetes secret, an encoded .env);
//   - a key cut in two by a line break (terminal wrapping, a log line limit), rejoined and checked.
// It runs over every byte of every log, so each pass is one regex scan that matches rarely (maximal runs,
// no lookaround) and the checks on a match are cheap; output is built only when something is replaced.
import type { RuleSet } from './ruleEngine.js';
import { redactedMarker, shannonEntropy } from './ruleEngine.js';

// A maximal run of base64 characters long enough to be a key or to hold `KEY=value`. Runs never overlap.
const BASE64_RUN = /[A-Za-z0-9+/]{20,}={0,2}/g;
// A Discord bot token: its first part is the base64 of a numeric user id, so it starts MT, Mj, Mz, ND,
// NT, Nj, Nz, OD or OT.
const DISCORD_BOT_TOKEN = /(?:M[TjzD]|N[DTjz]|O[DT])[A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/g;
// A Zhipu API key: an id of 32 hex digits, a dot, a secret of 16 letters and digits.
const ZHIPU_API_KEY = /[0-9a-f]{32}\.[A-Za-z0-9]{16}/g;
// A line break, real or escaped (`\n` in a JSON string, `\\n` in JSON inside JSON).
const LINE_BREAK = /\r?\n|(?:\\+r)?\\+n/g;

// Characters keys are made of (for the runs around a line break), as a table: cheaper than a regex a char.
const KEY_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/=.-') KEY_CHARS[c.charCodeAt(0)] = 1;
const isKeyChar = (code: number) => code < 128 && KEY_CHARS[code] === 1;
// What may not touch a token on either side (it would be part of a longer one).
const TOKEN_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/=.-') TOKEN_CHARS[c.charCodeAt(0)] = 1;
const touches = (text: string, at: number) => at >= 0 && at < text.length && text.charCodeAt(at) < 128 && TOKEN_CHARS[text.charCodeAt(at)] === 1;

function counts(token: string): { upper: number; lower: number; digit: number; slash: number } {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let slash = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c === 47) slash++;
  }
  return { upper, lower, digit, slash };
}

/** A bare AWS secret: base64 of both cases and digits, random enough (git shas are hex, words are not). */
function isAwsSecret(token: string): boolean {
  if (token.length !== 40) return false;
  const n = counts(token);
  return n.upper >= 3 && n.lower >= 3 && n.digit >= 2 && n.slash <= 3 && shannonEntropy(token) >= 4.5;
}

/** Decoded text when `blob` is base64 of mostly printable text with an assignment in it, else undefined. */
function decodedText(blob: string): string | undefined {
  if (blob.length < 24 || blob.length > 12_000) return undefined;
  const body = blob.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  const n = counts(body);
  if (n.upper === 0 || n.lower === 0) return undefined;
  const text = Buffer.from(body, 'base64').toString('latin1');
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  if (printable < text.length * 0.95) return undefined;
  return /[=:]/.test(text) ? text : undefined;
}

/** Replaces matches of a global regex for which `replace` returns a string; copies nothing when none do. */
function replaceWhere(text: string, re: RegExp, replace: (match: string, at: number) => string | undefined): string {
  re.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The callback may redact a decoded blob, which runs this same regex: keep our place.
    const next = re.lastIndex;
    const replacement = replace(m[0], m.index);
    re.lastIndex = next;
    if (replacement === undefined) continue;
    out += text.slice(copied, m.index) + replacement;
    copied = m.index + m[0].length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * `text` with the token-shaped secrets above replaced by their markers. `once` is one ordinary redaction
 * pass, used on decoded blobs (no recursion into this one); `rules` checks rejoined lines.
 */
export function redactTokenSecrets(text: string, rules: RuleSet, once: (text: string) => string): string {
  return redactDiscordAndSeams(
    replaceWhere(text, BASE64_RUN, (run, at) => checkRun(text, run, at, once)),
    rules,
  );
}

/**
 * The same, given the long base64 runs a scan already found in `text` (RuleSet.scan: start, end pairs),
 * so the text is not scanned for them again.
 */
export function redactTokenSecretsOfRuns(text: string, runs: readonly number[], rules: RuleSet, once: (text: string) => string, dottedTokens = true): string {
  let out = text;
  // Last run first: an earlier run's offsets stay right.
  for (let k = runs.length - 2; k >= 0; k -= 2) {
    let end = runs[k + 1];
    // A base64 run may end in padding.
    while (end < text.length && end - runs[k + 1] < 2 && text[end] === '=') end++;
    const run = text.slice(runs[k], end);
    const replacement = checkRun(text, run, runs[k], once);
    if (replacement !== undefined) out = out.slice(0, runs[k]) + replacement + out.slice(end);
  }
  return redactDiscordAndSeams(out, rules, dottedTokens);
}

/** The marker for a run that is a bare AWS secret or a base64 blob hiding a secret; else undefined. */
function checkRun(text: string, run: string, at: number, once: (text: string) => string): string | undefined {
  if (touches(text, at - 1) || touches(text, at + run.length)) return undefined; // part of a longer token
  // After an escaped newline or tab (`\nAbC…` in a raw JSON line) the token starts past its letter; a
  // diff's added line starts with `+`.
  const escaped = at > 0 && text[at - 1] === '\\' && (run[0] === 'n' || run[0] === 'r' || run[0] === 't');
  const start = escaped || run[0] === '+' ? 1 : 0;
  const token = start ? run.slice(start) : run;
  if (isAwsSecret(token)) return run.slice(0, start) + redactedMarker('aws-secret-access-key');
  const decoded = decodedText(token);
  if (decoded !== undefined && once(decoded) !== decoded) return run.slice(0, start) + redactedMarker('base64-secret');
  return undefined;
}

/**
 * Discord bot tokens and keys split by a line break. `dottedTokens` false: a scan saw no token-shaped run
 * before a `.` (RuleSet.scan), so the Discord pattern cannot match and is not run.
 */
function redactDiscordAndSeams(text: string, rules: RuleSet, dottedTokens = true): string {
  let out = text;
  if (dottedTokens) {
    out = replaceWhere(out, DISCORD_BOT_TOKEN, (token, at) =>
      standsAlone(out, token, at) && shannonEntropy(token) >= 4 ? redactedMarker('discord-bot-token') : undefined,
    );
    // (Both shapes start with 24 or more token characters before a dot: the scan's dottedTokens.)
    out = replaceWhere(out, ZHIPU_API_KEY, (token, at) =>
      standsAlone(out, token, at) && isMixedCase(token.slice(33)) ? redactedMarker('zhipu-api-key') : undefined,
    );
  }
  if (out.includes('\n') || out.includes('\\n')) out = redactAcrossLineBreaks(out, rules);
  return out;
}

/** `token` at `at` in `text` is a token of its own, not the middle of a longer one. */
function standsAlone(text: string, token: string, at: number): boolean {
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  const escaped = at > 1 && text[at - 2] === '\\' && (before === 110 || before === 114 || before === 116);
  // (A diff's added line puts a `+` before it.)
  if (!escaped && touches(text, at - 1) && text[at - 1] !== '+') return false;
  // After it: not more of a token (a full stop ending a sentence is fine).
  const next = at + token.length;
  return !touches(text, next) || (text[next] === '.' && !touches(text, next + 1));
}

/** Random key material has both cases of letters (a file extension or a word does not). */
function isMixedCase(part: string): boolean {
  const n = counts(part);
  return n.upper > 0 && n.lower > 0;
}

/** Keys cut by a line break: the runs of key characters either side of each break, rejoined and checked. */
function redactAcrossLineBreaks(text: string, rules: RuleSet): string {
  let result = '';
  let copied = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    const at = m.index;
    let rightStart = at + m[0].length;
    // The next line may be indented a little or carry a diff's `+`.
    while (rightStart < text.length && rightStart - at - m[0].length < 4 && ' \t+>'.includes(text[rightStart])) rightStart++;
    // Cheap first: a key character on both sides, else this break joins nothing.
    if (at === 0 || !isKeyChar(text.charCodeAt(at - 1)) || !isKeyChar(text.charCodeAt(rightStart))) continue;
    let start = at;
    while (start > copied && at - start < 200 && isKeyChar(text.charCodeAt(start - 1))) start--;
    // After an escaped break (`\nghp_…`) the run starts past its letter.
    if (start > 0 && text[start - 1] === '\\' && 'nrt'.includes(text[start])) start++;
    let end = rightStart;
    while (end < text.length && end - rightStart < 200 && isKeyChar(text.charCodeAt(end))) end++;
    if (at - start < 4 || end - rightStart < 4 || at - start + end - rightStart < 20) continue;
    const joined = text.slice(start, at) + text.slice(rightStart, end);
    // A key has letters and digits; two words or two numbers around a line break are not one.
    if (!/[0-9]/.test(joined) || !/[A-Za-z]/.test(joined)) continue;
    const redacted = rules.redact(joined);
    if (redacted === joined) continue;
    result += text.slice(copied, start) + redacted;
    copied = end;
    LINE_BREAK.lastIndex = end;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
