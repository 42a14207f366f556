// Secrets gitleaks' default rules do not catch but agent logs hold: credentials typed on command lines
// (`--password VALUE`, `curl -u`, `sshpass -p`, `docker login -p`, `redis-cli -a`, `mysql -p'…'`),
// headers and markup (`Cookie:`, `<password>`), connection strings (Azure `AccountKey=`, SAS `sig=`,
// `Pwd=`), URL-encoded assignments (`token%3D…`), and key formats missing from that set (Google OAuth
// `GOCSPX-`/`ya29.`, Groq, Replicate, Telegram bot tokens, any `sk-` key). Same shape as the gitleaks
// rules (ruleTypes.ts), run by the same engine. Every quantifier is bounded. Formats with no keyword to
// look for (a bare AWS secret, a Discord bot token) are checked per token instead: tokenSecrets.ts.
import type { SecretRule } from './ruleTypes.js';

// Where a key may start: not inside a longer word, but right after an escaped newline or tab (`\\nsk-…`
// in a raw JSONL line or in Codex's JSON-encoded arguments) it may.
const START = `(?:(?<=\\\\[nrt])|(?<![\\w-]))`;
// A word boundary, also right after an escaped newline (`\\nmysql -p…`).
const WB = `(?:\\b|(?<=\\\\[nrt]))`;

// A command-line value: quoted (also JSON-escaped quotes in a raw log line) or a bare word. Three groups;
// the first that took part is the secret, so the quotes stay.
const CLI_VALUE = `(?:'([^'\\r\\n]{1,300})'|\\\\*"([^"\\\\\\r\\n]{1,300})\\\\*"|(?![-$])([^\\s'"\\\\|;&)<>]{1,300}))`;
// Where a command's options may run before the flag: the same line, bounded.
const SAME_LINE = `[^\\r\\n]{0,200}?`;
// Words that follow a password flag in prose ("pass it with --password flag") and are not passwords.
const NOT_PROSE = `(?!(?:to|and|or|the|a|an|is|flag|option|argument|value|field|parameter|prompt|stdin|file|here|instead)(?![\\w-]))`;

export const EXTRA_RULES: readonly SecretRule[] = [
  {
    id: 'cli-password-flag',
    regex: `${START}--?(?:password|passwd|pass|pwd|db-password|token|auth-token|access-token|api-key|apikey|secret|client-secret|secret-key)(?:[ \\t]+|=)${NOT_PROSE}${CLI_VALUE}`,
    keywords: ['-password', '-passwd', '-pass', '-pwd', '-token', '-api-key', '-apikey', '-secret', '-secret-key'],
  },
  {
    id: 'mysql-password-flag',
    // `-p'…'` / `-p"…"` is a password wherever it stands; a bare `-pVALUE` only after a MySQL client.
    // (`"-p"` as a string in code, `["-p", "-e"]`, is not one: no quote before the flag, none after the value.)
    regex: `${START}(?<!["'])-p(?:'([^'\\s,][^'\\r\\n]{0,299})'|\\\\*"([^"\\\\\\s,][^"\\\\\\r\\n]{0,299})\\\\*")(?![\\w"'])|${WB}(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\\b${SAME_LINE}[ \\t]-p([^\\s'"\\\\|;&]{1,300})`,
    keywords: ["-p'", '-p"', '-p\\"', 'mysql', 'mariadb'],
  },
  {
    id: 'cli-user-password',
    // -u/--user user:pass (curl under another name; gitleaks' curl-auth-user takes `curl` itself), HTTPie's
    // -a/--auth user:pass; a numeric uid:gid (`docker run -u 1000:1000`) is not one.
    regex: `${START}(?:-u|--user|-a|--auth)(?:[ \\t]+|=)['"]?[^\\s:'"\\\\]{1,200}:(?![0-9]{1,10}(?:[\\s'"\\\\]|$))([^\\s'"\\\\@]{1,300})`,
    keywords: ['-u ', '-u=', '--user', '-a ', '--auth'],
  },
  {
    id: 'sshpass-password',
    regex: `${WB}sshpass\\b${SAME_LINE}[ \\t]-p[ \\t]*${CLI_VALUE}`,
    keywords: ['sshpass'],
  },
  {
    id: 'docker-login-password',
    regex: `${WB}docker[ \\t]+login\\b${SAME_LINE}[ \\t]-p[ \\t]+${CLI_VALUE}`,
    keywords: ['docker'],
  },
  {
    id: 'redis-cli-password',
    regex: `${WB}redis-cli\\b${SAME_LINE}[ \\t]-a[ \\t]+${CLI_VALUE}`,
    keywords: ['redis-cli'],
  },
  {
    id: 'http-cookie',
    // The `name=value` pairs (`; `-separated) of a Cookie or Set-Cookie header.
    regex: `${START}(?:[Ss]et-)?[Cc]ookie:[ \\t]*([^\\s=;"'\\\\]{1,200}=[^\\s;"'\\\\]{1,4000}(?:;[ \\t]?[^\\s=;"'\\\\]{1,200}=[^\\s;"'\\\\]{0,4000}){0,50})`,
    keywords: ['cookie:'],
  },
  {
    id: 'xml-password',
    regex: `<((?:[A-Za-z_][\\w.-]{0,40}[:_.-])?(?:[Pp]assword|PASSWORD|[Pp]asswd|[Pp]wd|[Ss]ecret|[Tt]oken|[Aa]pi[Kk]ey|api_key|[Pp]rivate[Kk]ey))>(?!\\$\\{)([^<\\r\\n]{1,500})</`,
    keywords: ['password>', 'passwd>', 'pwd>', 'secret>', 'token>', 'apikey>', 'api_key>', 'privatekey>'],
    secretGroup: 2,
  },
  {
    id: 'connection-string-password',
    // `Pwd=` in ODBC/ADO connection strings (`Password=` is a named assignment, see redact.ts); a path is
    // the shell's working directory (`PWD=/home/dev`), not a password.
    regex: `(?:^|(?<=[;\\s"'?&]))(?:[Pp]wd|PWD)=(?![$\\]\\[/~.]|[A-Za-z]:\\\\)([^;\\s'"&\\\\()=]{1,300})`,
    keywords: ['pwd='],
  },
  {
    id: 'cli-session-token',
    // The session keys password-manager CLIs print for `export` (Bitwarden's `BW_SESSION`, 1Password's
    // `OP_SESSION_<account>`): they unlock the vault until logout. A generic `*_SESSION` name would take
    // every `sessionId` for a secret, so only these names.
    regex: `${WB}(?:BW_SESSION|OP_SESSION_[A-Za-z0-9_]{1,60})(?:\\*["'])?[ \t]*[=:][ \t]*${CLI_VALUE}`,
    keywords: ['bw_session', 'op_session_'],
    entropy: 3,
  },
  {
    id: 'azure-storage-key',
    regex: `(?:AccountKey|SharedAccessKey|SharedSecretValue)=([A-Za-z0-9+/]{20,200}={0,2})`,
    keywords: ['accountkey=', 'sharedaccesskey=', 'sharedsecretvalue='],
  },
  {
    id: 'azure-sas-signature',
    regex: `[?&;]sig=((?:[A-Za-z0-9+/=]|%[0-9A-Fa-f]{2}){16,300})`,
    keywords: ['sig='],
  },
  {
    id: 'url-encoded-secret',
    // `token%3Dghp_…%26next`: an assignment inside a URL-encoded query or form body.
    regex: `(?:[Pp]ass(?:word|wd)?|PASS(?:WORD|WD)?|[Pp]wd|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Aa]pi_?[Kk]ey|API_?KEY|[Aa]uth|AUTH)%3[Dd]((?:[^\\s&%"'\\\\]|%(?!26)[0-9A-Fa-f]{2}){4,300})`,
    keywords: ['%3d'],
  },
  {
    id: 'gcp-oauth-client-secret',
    regex: `${START}GOCSPX-[A-Za-z0-9_-]{24,40}`,
    keywords: ['gocspx-'],
  },
  {
    id: 'gcp-oauth-access-token',
    regex: `${START}ya29\\.[A-Za-z0-9_-]{20,2000}`,
    keywords: ['ya29.'],
  },
  {
    id: 'groq-api-key',
    regex: `${START}gsk_[A-Za-z0-9]{40,60}`,
    keywords: ['gsk_'],
  },
  {
    id: 'replicate-api-token',
    regex: `${START}r8_[A-Za-z0-9]{30,50}`,
    keywords: ['r8_'],
  },
  {
    id: 'telegram-bot-token',
    regex: `(?:(?<=\\\\[nrt])|(?<![\\w:]))[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![\\w-])`,
    keywords: [':aa'],
    entropy: 3.5,
  },
  {
    id: 'anthropic-key',
    // Any `sk-ant-` token: the prefix alone says what it is, whatever its length or randomness (gitleaks'
    // rules want the exact current formats).
    regex: `${START}sk-ant-[A-Za-z0-9_-]{16,400}`,
    keywords: ['sk-ant-'],
  },
  {
    id: 'sk-api-key',
    // OpenAI-style `sk-` keys without the `T3BlbkFJ` marker gitleaks requires (old, project, proxy keys).
    regex: `${START}sk-(?:proj-|svcacct-|admin-|None-)?(?=[A-Za-z_-]{0,300}[0-9])[A-Za-z0-9_-]{20,400}`,
    keywords: ['sk-'],
    entropy: 3.5,
  },
];
