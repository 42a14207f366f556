// Secrets never leave this machine in a handover, an index or a model request: every string is passed
// through redactSecrets() before it is written, sent or indexed. Each secret becomes `[REDACTED:<kind>]`
// and the text around it stays as it was, so a resumed agent still sees where a key was used.
//
// Key formats are gitleaks' maintained default rules (secretRules/gitleaksRules.ts, generated) plus the
// forms agent logs hold that gitleaks lacks (secretRules/extraRules.ts); this module adds the context
// only it reads (assignments by name, URL passwords, auth headers, cut-off key blocks) and the encoded
// forms and formats no keyword announces (a base64 blob holding `KEY=value`, a key split across a line
// break, a bare AWS secret: secretRules/tokenSecrets.ts).
//
// It runs over hundreds of megabytes of tool output, so the patterns are precompiled, rules run only when
// their keyword occurs, and the replacer works out which pattern matched from the named group that took
// part. Output never matches again (idempotent): every value pattern refuses to start at `[REDACTED:`.

import { EXTRA_RULES } from './secretRules/extraRules.js';
import { GITLEAKS_GLOBAL_ALLOW, GITLEAKS_GLOBAL_STOPWORDS, GITLEAKS_RULES } from './secretRules/gitleaksRules.js';
import { redactTokenSecrets, redactTokenSecretsOfRuns } from './secretRules/tokenSecrets.js';
import { FULLY_REDACTED, redactedMarker, RuleSet, shannonEntropy } from './secretRules/ruleEngine.js';
import type { SecretRule } from './secretRules/ruleTypes.js';

/** Case-insensitive literal without the `i` flag (the key prefixes such as AKIA must stay case-sensitive). */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[-_]/, '[-_]?'))).join('');
}

// Names that hold secrets in assignments (`DB_PASSWORD=`, `"apiKey": "…"`, `client_secret: …`).
// The keyword must END the name (an upper-case `_SUFFIX` may follow, as in SECRET_KEY_BASE), so
// `tokenKind`, `input_tokens` and `token_count` are not taken for secrets.
const SECRET_NAME_WORDS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key'];
// Short names that are secrets only as a whole word (`"pass": …`, `DB_PASS=`), never inside one (`bypass`).
// (`pwd` is not one: `PWD=/home/dev` is in every environment dump; secretRules/extraRules.ts takes
// `Pwd=` in connection strings.)
const SHORT_SECRET_NAMES = ['pass'].map((w) => `(?<![A-Za-z])${anyCase(w)}`);
// Suffixes that make the name about something else (PASSWORD_FILE holds a path, TOKEN_COUNT a number).
const NOT_SECRET_SUFFIX =
  '(?:FILE|PATH|DIR|NAME|ENV|URL|LENGTH|LEN|MIN|MAX|COUNT|TYPE|ID|HASH_ALGORITHM|THRESHOLD|LIMIT|SIZE|TTL|TIMEOUT|EXPIRY|EXPIRES|EXPIRES_IN|LIFETIME|PREFIX|HEADER|FIELD|PARAM|KIND|VERSION)(?![A-Z0-9])';
const SECRET_NAME = `(?:${SECRET_NAME_WORDS.map(anyCase).join('|')}|${SHORT_SECRET_NAMES.join('|')}|_KEY)(?:_(?!${NOT_SECRET_SUFFIX})[A-Z0-9]{1,40}){0,4}`;

// Values in assignments that are code or types, not secrets.
const NOT_A_VALUE = '(?:null|true|false|none|None|nil|undefined|str|string|String|int|number|bool|boolean|bytes|any|unknown|object|Optional)\\b';
const UNQUOTED_VALUE = '[^\\s"\'`(){}\\[\\]<>;,\\\\]{1,512}';
const SEPARATOR_END = '(?=[\\s;,&"\'`)}\\]]|\\\\+[nrt"]|$)';

const PATTERNS: Record<string, string> = {
  // A private key block, also one cut off before its END line (gitleaks' rule needs the END line).
  privateKey:
    '-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]{0,20000}?-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:-]{0,20000})',
  // `Bearer <token>`: the token must contain a digit or a token symbol, so prose ("Bearer authentication") stays.
  bearer: '(?<bearerPrefix>(?:(?<=\\\\[nrt])|\\b)[Bb]earer[ \\t]+)(?!\\[REDACTED:)(?=[A-Za-z]{0,300}[0-9._~+/-])[A-Za-z0-9._~+/-]{12,}=*',
  basic:
    '(?<basicPrefix>(?:(?<=\\\\[nrt])|\\b)[Aa]uthorization["\']?[ \\t]*[:=][ \\t]*["\']?(?:Basic|token|Token)[ \\t]+)(?!\\[REDACTED:)[A-Za-z0-9._~+/-]{8,}=*',
  // scheme://user:password@host → keep user and host.
  urlPassword: '(?<=[A-Za-z0-9])(?<urlPrefix>://[^\\s:/@"\'<>\\\\]{0,200}:)(?!\\[REDACTED:|\\$)[^\\s@/"\'<>\\\\]{1,200}(?=@)',
  // NAME=value, NAME: value, "NAME": "value", NAME = 'value' (the name and separator are kept).
  assignment:
    `(?<assignName>${SECRET_NAME})(?<assignSep>(?:\\\\*["'])?[ \\t]*(?:=|:(?!//))[ \\t]*)(?!\\[REDACTED:|\\$)(?:` +
    // quoted literal (also inside escaped JSON: \"value\")
    `(?<assignQuote>\\\\*["'])(?!\\[REDACTED:)(?<assignQuoted>[^"'\\r\\n]{1,1000}?)(?=\\\\*["'])` +
    // unquoted: not a type or keyword, not a dotted code path (`args.password`), ends where a value ends
    `|(?!${NOT_A_VALUE}${SEPARATOR_END})(?![A-Za-z_][A-Za-z0-9_]{0,100}(?:\\.[A-Za-z_][A-Za-z0-9_]{0,100}){1,20}${SEPARATOR_END})(?<assignBare>${UNQUOTED_VALUE})${SEPARATOR_END})`,
};

const KIND_OF_GROUP: Record<string, string> = {
  privateKey: 'private-key',
  bearer: 'bearer-token',
  basic: 'basic-auth',
  urlPassword: 'url-password',
};

// Key formats come from a maintained rule set (gitleaks' default rules, ported by
// scripts/generateSecretRules.mjs) plus the forms agent logs hold that it lacks (secretRules/extraRules.ts).
// What stays here is context only this code can read: a private key block cut off before its END line,
// `Bearer`/`Basic` headers, passwords in URLs and secret-named assignments (also inside escaped JSON).
// Order names the kind: gitleaks' key formats first, then ours, then gitleaks' catch-all generic rule.
const GENERIC_RULE = 'generic-api-key';
// The generic rule sees a name near a value; in logs that is often a digest (`the key is sha256: 9f86…`,
// `commit: 3f78…`), an id, or code (`f(token, modifierFlags2)`, `,` counts as its assignment): a git/sha
// digest, a UUID or a (dotted) identifier with at most two runs of digits a part (`X25519PrivateKey`) is
// not a secret there.
const DIGEST_UUID_OR_IDENTIFIER =
  '^(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z_$][A-Za-z_$]*(?:[0-9]+[A-Za-z_$]*){0,2}(?:\\.[A-Za-z_$][A-Za-z_$]*(?:[0-9]+[A-Za-z_$]*){0,2}){0,10})\\.?$';
const withCodeAllowance = (rule: SecretRule): SecretRule => ({
  ...rule,
  allowlists: [...(rule.allowlists ?? []), { target: 'secret', regexes: [DIGEST_UUID_OR_IDENTIFIER], stopwords: [] }],
});
// Fast path: the one keyword scan also reports the words without which a context pattern cannot match,
// so on most texts those patterns never run. Every match of the private key, Bearer and Authorization
// patterns holds `-----BEGIN`, `bearer` or `authorization`; every secret-named assignment holds `pass`,
// `secret`, `token` or `key` (SECRET_NAME, any case) right before its separator (assignmentMayMatch); a
// URL password needs `://` and `@`.
const CONTEXT_WORDS = ['-----begin', 'bearer', 'authorization'];
const ASSIGNMENT_WORDS = ['pass', 'secret', 'token', 'key'];
const URL_WORDS = ['://', '@'];
const RULES = new RuleSet(
  [...GITLEAKS_RULES.filter((r) => r.id !== GENERIC_RULE), ...EXTRA_RULES, ...GITLEAKS_RULES.filter((r) => r.id === GENERIC_RULE).map(withCodeAllowance)],
  GITLEAKS_GLOBAL_ALLOW,
  GITLEAKS_GLOBAL_STOPWORDS,
  {
    scanWords: [...CONTEXT_WORDS, ...ASSIGNMENT_WORDS, ...URL_WORDS],
    placedWords: ASSIGNMENT_WORDS,
  },
);
const anyOf = (found: ReadonlySet<string>, words: readonly string[]) => words.some((w) => found.has(w));

// What may follow a name word in SECRET_NAME: the rest of `password`, `passwd` or `passphrase` after
// `pass`, then up to four `_SUFFIX` parts (upper case and digits, 4 × 41 characters at most).
const PASS_RESTS = ['word', 'wd', 'phrase'];
const SUFFIX_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') SUFFIX_CHAR[c.charCodeAt(0)] = 1;
const SUFFIX_TAIL = 4 * 41;
const isSuffixChar = (text: string, i: number) => i < text.length && text.charCodeAt(i) < 128 && SUFFIX_CHAR[text.charCodeAt(i)] === 1;

/** True when an assignment separator can follow a name whose word ends right before `at`. */
function separatorAfterName(text: string, at: number): boolean {
  let i = at;
  const longest = Math.min(text.length, at + SUFFIX_TAIL);
  while (i < longest && isSuffixChar(text, i)) i++;
  if (isSuffixChar(text, i)) return false; // a longer suffix than SECRET_NAME allows
  while (text.charCodeAt(i) === 92) i++; // backslashes (escaped JSON)
  if (text[i] === '"' || text[i] === "'") i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '=' || text[i] === ':';
}

/**
 * False when no secret-named assignment can be in `text`: an assignment's name is a name word (`pass…`,
 * `secret`, `token`, `key`) with at most upper-case `_SUFFIX` parts after it, and then its separator (`=`
 * or `:`, after backslashes, a quote, blanks). Checked after each place a name word ends, so the
 * `"input_tokens":` all over a log does not run the assignment pattern over every line.
 */
function assignmentMayMatch(text: string, places: ReadonlyMap<string, readonly number[]>): boolean {
  for (const word of ASSIGNMENT_WORDS) {
    for (const end of places.get(word) ?? []) {
      if (separatorAfterName(text, end + 1)) return true;
      if (word !== 'pass') continue;
      for (const rest of PASS_RESTS) {
        if (text.slice(end + 1, end + 1 + rest.length).toLowerCase() === rest && separatorAfterName(text, end + 1 + rest.length)) return true;
      }
    }
  }
  return false;
}
const { urlPassword, assignment, ...contextFormats } = PATTERNS;
const CONTEXT_FORMATS = new RegExp(
  Object.entries(contextFormats)
    .map(([name, source]) => `(?<${name}>${source})`)
    .join('|'),
  'g',
);
const URL_PASSWORD = new RegExp(`(?<urlPassword>${urlPassword})`, 'g');
const ASSIGNMENT = new RegExp(`(?<assignment>${assignment})`, 'g');

/** What kind of secret an assignment holds, from its name (`AWS_SECRET_ACCESS_KEY` → aws-secret-key). */
function kindOfName(name: string): string {
  const lower = name.toLowerCase();
  if (/aws|secret_access/.test(lower) && /secret/.test(lower)) return 'aws-secret-key';
  if (/pass/.test(lower)) return 'password';
  if (/secret/.test(lower)) return 'secret';
  if (/token/.test(lower)) return 'token';
  if (/private/.test(lower)) return 'private-key';
  if (/authorization/.test(lower)) return 'authorization';
  if (/cookie/.test(lower)) return 'cookie';
  return 'api-key';
}

const KEY_SHAPED_FORM = /^(?=[^\s]*[0-9])(?=[^\s]*[A-Za-z])[A-Za-z0-9+/=_.:-]{16,}$/;
/** A value shaped like a key: long, letters and digits, or short but random (entropy) with a digit or symbol. */
const KEY_SHAPED = {
  test: (value: string) =>
    KEY_SHAPED_FORM.test(value) ||
    (value.length >= 10 &&
      /[A-Za-z]/.test(value) &&
      // An identifier (`previousToken2`) or a dotted path is code unless it is random all through.
      (/^[A-Za-z_$][\w$]*$/.test(value)
        ? (value.match(/[0-9]/g)?.length ?? 0) >= 3
        : /[0-9+/=_-]/.test(value) && !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) &&
      shannonEntropy(value) >= 3.3),
};
const STATEMENT_END = /^[ \t]*(?:[;#,)}\]]|\r|\n|\\+[nr"]|$)/;
const YAML_LINE_END = /^[ \t]*(?:#|\r|\n|\\+[nr"]|$)/;

function replaceMatch(match: string, ...args: unknown[]): string {
  const groups = args[args.length - 1] as Record<string, string | undefined>;
  if (groups.assignment !== undefined) {
    const name = groups.assignName ?? '';
    const whole = args[args.length - 2] as string;
    const offset = args[args.length - 3] as number;
    // The whole identifier names the kind: the match starts at the keyword (aws_secret_ACCESS_KEY).
    const identifier = (/[A-Za-z0-9_.-]*$/.exec(whole.slice(Math.max(0, offset - 64), offset))?.[0] ?? '') + name;
    const value = groups.assignQuoted ?? groups.assignBare ?? '';
    // A package version (`"jsonwebtoken": "^9.0.2"`) is not a secret.
    if (/^[~^=<>v]{0,2}[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.]+)?$/.test(value)) return `${name}${groups.assignSep ?? ''}${groups.assignQuote ?? ''}${value}`;
    const keep = () => `${name}${groups.assignSep ?? ''}${groups.assignQuote ?? ''}${redactKeyFormats(value)}`;
    // A bare `*_KEY` is as often a cache or storage key (`STORAGE_KEY = 'todos'`): only values shaped like
    // a key count.
    if (
      name.startsWith('_KEY') &&
      !/pass|secret|token|api|access|private|auth|sign|encrypt|master|client|credential/i.test(identifier) &&
      !KEY_SHAPED.test(value)
    )
      return keep();
    if (groups.assignBare !== undefined) {
      // Unquoted after `:` is YAML only when the value ends the line (`token: Token;` is TypeScript);
      // unquoted after ` = ` only when it ends the statement (`token = await getToken()` is code).
      const after = whole.slice(offset + match.length, offset + match.length + 80);
      const sep = groups.assignSep ?? '';
      // A value shaped like a key is a secret wherever it stands, and so is a password-like value (a
      // digit or a symbol in it) after a password or secret name: text that was reflowed onto one line
      // (`database: password: Pw4!x port: 5432`) has lost the line end that marks YAML.
      const keyShaped = KEY_SHAPED.test(value) || (/pass|secret/i.test(identifier) && /[0-9]|[^A-Za-z0-9_.$-]/.test(value) && !/^[0-9][0-9_.]*$/.test(value));
      if (sep.includes(':') && !YAML_LINE_END.test(after) && !keyShaped) return keep();
      if (/\s/.test(sep) && !STATEMENT_END.test(after) && !keyShaped) return keep();
      // In code (` = ` or `: `) a number is a setting (`CommaToken = 28`), an identifier is a variable
      // (`this.authToken = authToken`) and a PascalCase word is a type (`token: Token`).
      if (/\s|:/.test(sep) && /^(?:[0-9][0-9_.]*|0x[0-9A-Fa-f]+)$/.test(value)) return keep();
      if (/\s/.test(sep) && !sep.includes(':') && /^[A-Za-z_$][\w$]*$/.test(value) && !keyShaped) return keep();
      if (sep.includes(':') && /^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(value)) return keep();
    }
    // A known key in the value names its own kind (OPENAI_API_KEY=sk-… → openai-key).
    const inner = redactKeyFormats(value);
    const marker = FULLY_REDACTED.test(inner) ? inner : redactedMarker(kindOfName(identifier));
    return `${name}${groups.assignSep ?? ''}${groups.assignQuote ?? ''}${marker}`;
  }
  if (groups.bearer !== undefined) return `${groups.bearerPrefix}${redactedMarker('bearer-token')}`;
  if (groups.basic !== undefined) return `${groups.basicPrefix}${redactedMarker('basic-auth')}`;
  if (groups.urlPassword !== undefined) return `${groups.urlPrefix}${redactedMarker('url-password')}`;
  for (const group in KIND_OF_GROUP) {
    if (groups[group] !== undefined) return redactedMarker(KIND_OF_GROUP[group]);
  }
  return match;
}

/** The key formats and URL passwords only: what the assignment replacer applies to a value (never the
 * assignment regex again, so `password=password=…` cannot recurse). */
function redactKeyFormats(text: string): string {
  return redactTokenSecrets(RULES.redact(text.replace(CONTEXT_FORMATS, replaceMatch)).replace(URL_PASSWORD, replaceMatch), RULES, redactSecretsOnce);
}

/** Replaces every secret in `text` with `[REDACTED:<kind>]`. Idempotent. */
export function redactSecrets(text: string): string {
  if (!text) return text;
  // One pass finds the rules' keywords, the context patterns' words and the long base64 runs (a bare
  // AWS secret, an encoded .env).
  const first = RULES.scan(text);
  // A private key block first (its body would otherwise look like many things), then assignments, so
  // `OPENAI_API_KEY=sk-…` is redacted as a whole and named by its value's kind.
  let out = text;
  if (anyOf(first.keywords, CONTEXT_WORDS)) out = out.replace(CONTEXT_FORMATS, replaceMatch);
  if (out !== text || assignmentMayMatch(text, first.places)) out = out.replace(ASSIGNMENT, replaceMatch);
  // No replacement ever makes a `://` or an `@` (markers hold neither, and what they replace is cut out
  // whole): words absent from the text stay absent through every later step.
  const urls = URL_WORDS.every((w) => first.keywords.has(w));
  if (out.length > BIG_TEXT) {
    out = RULES.redact(out);
    if (urls) out = out.replace(URL_PASSWORD, replaceMatch);
    return redactTokenSecretsOfRuns(out, RULES.scan(out).runs, RULES, redactSecretsOnce);
  }
  const scanned = out;
  // The rules choose by what the text holds now: the first scan still holds when nothing was replaced.
  const { keywords, runs, dottedTokens } = out === text ? first : RULES.scan(out);
  out = RULES.redactKnowing(scanned, keywords);
  if (urls) out = out.replace(URL_PASSWORD, replaceMatch);
  // The runs' offsets hold only when the rules changed nothing (the usual case); else look again.
  return redactTokenSecretsOfRuns(out, out === scanned || runs.length === 0 ? runs : RULES.scan(out).runs, RULES, redactSecretsOnce, dottedTokens);
}

/**
 * redactSecrets without the fast path: every context pattern runs on every text, whatever words it holds.
 * For tests only: the fast path must give exactly this output.
 */
export function redactSecretsUnfiltered(text: string): string {
  if (!text) return text;
  let out = text.replace(CONTEXT_FORMATS, replaceMatch).replace(ASSIGNMENT, replaceMatch);
  if (out.length > BIG_TEXT) {
    out = RULES.redact(out).replace(URL_PASSWORD, replaceMatch);
    return redactTokenSecretsOfRuns(out, RULES.scan(out).runs, RULES, redactSecretsOnce);
  }
  const scanned = out;
  const { keywords, runs } = RULES.scan(scanned);
  out = RULES.redactKnowing(scanned, keywords).replace(URL_PASSWORD, replaceMatch);
  return redactTokenSecretsOfRuns(out, out === scanned || runs.length === 0 ? runs : RULES.scan(out).runs, RULES, redactSecretsOnce);
}

// Big texts (a whole file a tool read) go the windowed way (RuleSet.redact), then their runs are found.
const BIG_TEXT = 64 * 1024;

/** One pass without the encoded forms (what a decoded base64 blob or a rejoined line is checked with). */
function redactSecretsOnce(text: string): string {
  return RULES.redact(text.replace(CONTEXT_FORMATS, replaceMatch).replace(ASSIGNMENT, replaceMatch)).replace(URL_PASSWORD, replaceMatch);
}

const SECRET_KEY_NAME = new RegExp(`(?:^|[^A-Za-z])(?:${SECRET_NAME})$|^(?:${SECRET_NAME_WORDS.map(anyCase).join('|')})$`);

// HTTP headers that carry credentials whole (`{"headers": {"Authorization": "Bearer abc"}}`).
const HEADER_KEY_NAME = /^(?:proxy-)?authorization$|^x-api-key$|^(?:set-)?cookie$/i;

/** True for JSON keys whose string value is a secret as a whole (`{"password": "hunter2"}`). */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAME.test(key) || HEADER_KEY_NAME.test(key) || /^(?:[a-z]+)?(?:Password|Secret|Token|ApiKey|AccessKey|PrivateKey)$/.test(key);
}

/** Redacts every string inside a JSON-like value (a new value; the input is not changed). */
export function redactDeep<T>(value: T): T {
  return redactValue(value, undefined) as T;
}

function redactValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && value.length > 0 && isSecretKeyName(key) && !value.startsWith('$') && !FULLY_REDACTED.test(value)) {
      const inner = redactSecrets(value);
      return FULLY_REDACTED.test(inner) ? inner : redactedMarker(kindOfName(key));
    }
    return redactSecrets(value);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k);
    return out;
  }
  return value;
}
