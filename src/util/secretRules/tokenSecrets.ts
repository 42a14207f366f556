// Secrets no keyword announces, found by looking at each token (a maximal run of key characters) once:
//   - a bare 40-character AWS secret access key with no name near it;
//   - a Discord bot token (`<base64 user id>.<6>.<27–38>`);
//   - a base64 blob whose decoded text holds a secret (a Kubernetes secret, an encoded .env);
//   - a key cut in two by a line break (terminal wrapping, a log line limit), rejoined and checked.
// One linear pass over the text; the checks on a token are cheap and most tokens fail the first one.
import type { RuleSet } from './ruleEngine.js';
import { redactedMarker, shannonEntropy } from './ruleEngine.js';

// A maximal run of characters keys are made of. No lookaround: the scan never re-enters a run.
const TOKEN = /[A-Za-z0-9+/=_.-]{16,}/g;
const BASE64_TEXT = /^[A-Za-z0-9+/]{16,12000}={0,2}$/;
const AWS_SECRET = /^[A-Za-z0-9+/]{40}$/;
const DISCORD_BOT_TOKEN = /^[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}$/;
// A line break between two runs of key characters: a real one or the escaped `\n` of a JSON string
// (`\\n` in JSON inside JSON), the second line maybe indented or carrying a diff's `+`.
const SEAM = /(\r?\n|(?:\\+r)?\\+n)([+> \t]{0,4})/g;
const KEY_CHAR = /[A-Za-z0-9_+/=.-]/;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** A bare AWS secret: base64 of both cases and digits, random enough (git shas are hex, words are not). */
function isAwsSecret(token: string): boolean {
  return AWS_SECRET.test(token) && count(token, /[A-Z]/g) >= 3 && count(token, /[a-z]/g) >= 3 && count(token, /[0-9]/g) >= 2 && count(token, /\//g) <= 3 && shannonEntropy(token) >= 4.5;
}

/** Decoded text when `blob` is base64 of mostly printable text with an assignment in it, else undefined. */
function decodedText(blob: string): string | undefined {
  if (!BASE64_TEXT.test(blob)) return undefined;
  const body = blob.replace(/=+$/, '');
  if (body.length % 4 === 1 || !/[a-z]/.test(body) || !/[A-Z]/.test(body)) return undefined;
  const text = Buffer.from(body, 'base64').toString('latin1');
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  if (printable < text.length * 0.95) return undefined;
  return /[=:]/.test(text) ? text : undefined;
}

/**
 * `text` with the token-shaped secrets above replaced by their markers. `once` is one ordinary redaction
 * pass, used on decoded blobs (no recursion into this one); `rules` checks rejoined lines.
 */
export function redactTokenSecrets(text: string, rules: RuleSet, once: (text: string) => string): string {
  let out = text.replace(TOKEN, (run: string, offset: number) => {
    // After an escaped newline or tab (`\nAbC…` in a raw JSON line) the token starts past its letter.
    const escaped = offset > 0 && text[offset - 1] === '\\' && /[nrt]/.test(run[0]);
    return escaped ? run[0] + checkToken(run.slice(1), once) : checkToken(run, once);
  });
  if (out.includes('\n') || out.includes('\\n')) out = redactAcrossLineBreaks(out, rules);
  return out;
}

/** The token, or its marker when it is one of the secrets above. */
function checkToken(token: string, once: (text: string) => string): string {
  {
    if (token.length === 40 && isAwsSecret(token)) return redactedMarker('aws-secret-access-key');
    if (token.length >= 58 && token.length <= 76 && DISCORD_BOT_TOKEN.test(token) && shannonEntropy(token) >= 4) return redactedMarker('discord-bot-token');
    // A token may end in a sentence's full stop: `Configured <token>.`
    if (token.endsWith('.') && DISCORD_BOT_TOKEN.test(token.slice(0, -1)) && shannonEntropy(token) >= 4) return `${redactedMarker('discord-bot-token')}.`;
    const decoded = token.length >= 16 ? decodedText(token) : undefined;
    if (decoded !== undefined && once(decoded) !== decoded) return redactedMarker('base64-secret');
    // A diff's added line: `+<token>`.
    return token.startsWith('+') && token.length > 17 ? `+${checkToken(token.slice(1), once)}` : token;
  }
}

/** Keys cut by a line break: each pair of runs around a break is rejoined and checked. */
function redactAcrossLineBreaks(text: string, rules: RuleSet): string {
  let result = '';
  let copied = 0;
  SEAM.lastIndex = 0;
  for (let m = SEAM.exec(text); m; m = SEAM.exec(text)) {
    // The runs either side, at most 200 characters each.
    let start = m.index;
    while (start > copied && m.index - start < 200 && KEY_CHAR.test(text[start - 1])) start--;
    // After an escaped break (`\nghp_…`) the run starts past its letter.
    if (start > 0 && text[start - 1] === '\\' && /[nrt]/.test(text[start])) start++;
    const rightStart = m.index + m[0].length;
    let end = rightStart;
    while (end < text.length && end - rightStart < 200 && KEY_CHAR.test(text[end])) end++;
    const left = text.slice(start, m.index);
    const right = text.slice(rightStart, end);
    if (left.length < 4 || right.length < 4) continue;
    const joined = left + right;
    // A key has letters and digits; two words or two numbers around a line break are not one.
    if (joined.length < 20 || !/[0-9]/.test(joined) || !/[A-Za-z]/.test(joined)) continue;
    const redacted = rules.redact(joined);
    if (redacted === joined) continue;
    result += text.slice(copied, start) + redacted;
    copied = end;
    SEAM.lastIndex = end;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
