// Secrets never leave this machine in a handover, an index or a model request: every string is passed
// through redactSecrets() before it is written, sent or indexed. Each secret becomes `[REDACTED:<kind>]`
// and the text around it stays as it was, so a resumed agent still sees where a key was used.
//
// It runs over hundreds of megabytes of tool output, so the patterns are precompiled into three regexes
// (see below) and the replacer works out which pattern matched from the named group that took part.
// Output never matches again (idempotent): every value pattern refuses to start at `[REDACTED:`.

/** Case-insensitive literal without the `i` flag (the key prefixes such as AKIA must stay case-sensitive). */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[-_]/, '[-_]?'))).join('');
}

// Names that hold secrets in assignments (`DB_PASSWORD=`, `"apiKey": "…"`, `client_secret: …`).
// The keyword must END the name (an upper-case `_SUFFIX` may follow, as in SECRET_KEY_BASE), so
// `tokenKind`, `input_tokens` and `token_count` are not taken for secrets.
const SECRET_NAME_WORDS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key'];
// Suffixes that make the name about something else (PASSWORD_FILE holds a path, TOKEN_COUNT a number).
const NOT_SECRET_SUFFIX = '(?:FILE|PATH|DIR|NAME|ENV|URL|LENGTH|LEN|MIN|MAX|COUNT|TYPE|ID|HASH_ALGORITHM|THRESHOLD|LIMIT|SIZE|TTL|TIMEOUT|EXPIRY|EXPIRES|EXPIRES_IN|LIFETIME|PREFIX|HEADER|FIELD|PARAM|KIND|VERSION)(?![A-Z0-9])';
const SECRET_NAME = `(?:${SECRET_NAME_WORDS.map(anyCase).join('|')}|_KEY)(?:_(?!${NOT_SECRET_SUFFIX})[A-Z0-9]{1,40}){0,4}`;

// Values in assignments that are code or types, not secrets.
const NOT_A_VALUE = '(?:null|true|false|none|None|nil|undefined|str|string|String|int|number|bool|boolean|bytes|any|unknown|object|Optional)\\b';
const UNQUOTED_VALUE = '[^\\s"\'`(){}\\[\\]<>;,\\\\]{1,512}';
const SEPARATOR_END = '(?=[\\s;,&"\'`)}\\]]|\\\\+[nrt"]|$)';
// Where a key may start: not inside a longer word, but right after an escaped newline or tab (`\\nsk-…`
// in a raw JSONL line or in Codex's JSON-encoded arguments) it may.
const START = '(?:(?<=\\\\[nrt])|(?<![A-Za-z0-9_-]))';

const PATTERNS: Record<string, string> = {
  privateKey:
    '-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]{0,20000}?-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\:-]{0,20000})',
  anthropic: `${START}sk-ant-[A-Za-z0-9_-]{20,}`,
  openai: `${START}sk-(?:proj-|svcacct-|admin-|None-)?(?=[A-Za-z_-]{0,300}[0-9])[A-Za-z0-9_-]{20,}`,
  awsKeyId: `${START}(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
  github: `${START}(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})`,
  gitlab: `${START}glpat-[A-Za-z0-9_-]{20,}`,
  slackToken: `${START}xox[abprs]-[A-Za-z0-9-]{10,}`,
  slackWebhook: 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{8,}',
  stripe: `${START}(?:[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{20,})`,
  google: `${START}AIza[0-9A-Za-z_-]{35}`,
  jwt: `${START}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*`,
  // `Bearer <token>`: the token must contain a digit or a token symbol, so prose ("Bearer authentication") stays.
  bearer: '(?<bearerPrefix>(?:(?<=\\\\[nrt])|\\b)[Bb]earer[ \\t]+)(?!\\[REDACTED:)(?=[A-Za-z]{0,300}[0-9._~+/-])[A-Za-z0-9._~+/-]{12,}=*',
  basic: '(?<basicPrefix>(?:(?<=\\\\[nrt])|\\b)[Aa]uthorization["\']?[ \\t]*[:=][ \\t]*["\']?(?:Basic|token|Token)[ \\t]+)(?!\\[REDACTED:)[A-Za-z0-9._~+/-]{8,}=*',
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
  anthropic: 'anthropic-key',
  openai: 'openai-key',
  awsKeyId: 'aws-access-key-id',
  github: 'github-token',
  gitlab: 'gitlab-token',
  slackToken: 'slack-token',
  slackWebhook: 'slack-webhook',
  stripe: 'stripe-key',
  google: 'google-api-key',
  jwt: 'jwt',
  bearer: 'bearer-token',
  basic: 'basic-auth',
  urlPassword: 'url-password',
};

// Three regexes, each one pass: the key formats with a literal prefix (combined, the replacer tells them
// apart by the named group), passwords in URLs and secret-named assignments. Measured on 100 MB of
// Claude Code logs this is about twice as fast as one regex of everything: irregexp finds the
// `://` and keyword anchors quickly on their own but not inside one big alternation.
const { urlPassword, assignment, ...keyFormats } = PATTERNS;
const KEY_FORMATS = new RegExp(
  Object.entries(keyFormats)
    .map(([name, source]) => `(?<${name}>${source})`)
    .join('|'),
  'g',
);
const URL_PASSWORD = new RegExp(`(?<urlPassword>${urlPassword})`, 'g');
const ASSIGNMENT = new RegExp(`(?<assignment>${assignment})`, 'g');

const redactedMarker = (kind: string) => `[REDACTED:${kind}]`;
const FULLY_REDACTED = /^\[REDACTED:[a-z-]+\]$/;

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

const KEY_SHAPED = /^(?=[^\s]*[0-9])(?=[^\s]*[A-Za-z])[A-Za-z0-9+/=_.:-]{16,}$/;
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
    const keep = () => `${name}${groups.assignSep ?? ''}${groups.assignQuote ?? ''}${redactKeyFormats(value)}`;
    // A bare `*_KEY` is as often a cache or storage key (`STORAGE_KEY = 'todos'`): only values shaped like
    // a key count.
    if (name.startsWith('_KEY') && !/pass|secret|token|api|access|private|auth|sign|encrypt|master|client|credential/i.test(identifier) && !KEY_SHAPED.test(value)) return keep();
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
      if (/\s|:/.test(sep) && /^[0-9][0-9_.]*$/.test(value)) return keep();
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
  return text.replace(KEY_FORMATS, replaceMatch).replace(URL_PASSWORD, replaceMatch);
}

/**
 * A literal every pattern above needs (case folded, so it only ever matches more): text without any of
 * them holds no secret, and one cheap scan saves the three full ones. Most tool output is such text.
 * Keep it a superset when a pattern is added.
 */
const MAY_HOLD_SECRET = new RegExp(
  [
    'PRIVATE KEY',
    'sk-',
    'A(?:KIA|SIA|BIA|CCA|IDA|ROA|IPA|NPA|NVA|PKA)',
    'gh[pousr]_',
    'github_pat_',
    'glpat-',
    'xox[abprs]-',
    'hooks\\.slack\\.com',
    '[sr]k_(?:live|test)_',
    'whsec_',
    'AIza',
    'eyJ',
    'bearer',
    'authorization',
    '://[^\\s@]*@',
    // A secret-named assignment: the name (with its upper-case suffixes), an optional quote, then `=` or `:`.
    '(?:pass(?:word|wd|phrase)|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|_key)(?:_[a-z0-9]{1,40}){0,4}(?:\\\\*["\'])?[ \\t]*[=:]',
  ].join('|'),
  'i',
);

/** Replaces every secret in `text` with `[REDACTED:<kind>]`. Idempotent. */
export function redactSecrets(text: string): string {
  if (!text || !MAY_HOLD_SECRET.test(text)) return text;
  // Assignments first, so `OPENAI_API_KEY=sk-…` is redacted as a whole and named by its value's kind.
  return text.replace(ASSIGNMENT, replaceMatch).replace(KEY_FORMATS, replaceMatch).replace(URL_PASSWORD, replaceMatch);
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
