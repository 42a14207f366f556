// Redaction's fast path: one keyword scan decides which context patterns (private key blocks, Bearer and
// Authorization headers, secret-named assignments, URL passwords) and which token shapes (Discord bot
// tokens) are worth running. It must never change what is redacted: every family is still caught when
// only its own words are there to open the gate, and on every real log in test/fixtures the fast path's
// output is byte for byte what running every pattern on every text gives (redactSecretsUnfiltered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.mjs';
import { makeSecrets, ORDINARY_TEXTS, claudeRecordsWith, codexRecordsWith } from '../fixtures/secrets/plantedSecrets.mjs';

const { redactSecrets, redactSecretsUnfiltered } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'handoverCore.js'));

// Built from pieces at run time (fake values; no key-shaped literal sits in git).
const fake = (alphabet, length, seed) => Array.from({ length }, (_, i) => alphabet[(i * 7 + seed * 13 + ((i * i) % 11)) % alphabet.length]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '_-';

// One text per gated family, holding no other gate's words, with the value that must disappear.
const FAMILIES = [
  {
    family: 'private key block (-----BEGIN)',
    value: fake(B64, 64, 1),
    text: (v) => `-----BEGIN RSA PRIVATE KEY-----\n${v}\n${fake(B64, 64, 2)}\n-----END RSA PRIVATE KEY-----`,
  },
  { family: 'private key block cut off', value: fake(B64, 64, 3), text: (v) => `here: -----BEGIN OPENSSH PRIVATE KEY-----\n${v}` },
  { family: 'Bearer header', value: 'a1' + fake(URLSAFE, 30, 4), text: (v) => `curl -H "X: Bearer ${v}" https-less` },
  { family: 'bearer, lower case', value: 'b2.' + fake(URLSAFE, 28, 5), text: (v) => `header was bearer ${v}` },
  { family: 'Authorization Basic', value: fake(B64, 24, 6) + '==', text: (v) => `Authorization: Basic ${v}` },
  { family: 'authorization, lower case', value: fake(ALNUM, 32, 7), text: (v) => `authorization: token ${v}` },
  { family: 'URL password', value: 'Pw' + fake(ALNUM, 14, 8) + '9', text: (v) => `postgres://admin:${v}@db.internal:5432/app` },
  { family: 'assignment by PASSWORD', value: 'Pw' + fake(ALNUM, 10, 9) + '!7', text: (v) => `DB_PASSWORD=${v}` },
  { family: 'assignment by pass (whole word)', value: 'Pw' + fake(ALNUM, 10, 10) + '!7', text: (v) => `pass: "${v}"` },
  { family: 'assignment by passphrase', value: 'Pw' + fake(ALNUM, 12, 11) + '#2', text: (v) => `passphrase = '${v}'` },
  { family: 'assignment by secret', value: fake(ALNUM, 30, 12), text: (v) => `"client_secret": "${v}"` },
  { family: 'assignment by token', value: fake(ALNUM, 30, 13), text: (v) => `SESSION_TOKEN=${v}` },
  { family: 'assignment by api key', value: fake(ALNUM, 30, 14), text: (v) => `apiKey: '${v}'` },
  { family: 'assignment by _KEY', value: fake(ALNUM, 32, 15) + '9', text: (v) => `STRIPE_SIGNING_KEY=${v}` },
  { family: 'assignment in escaped JSON', value: fake(ALNUM, 24, 16), text: (v) => `{\\"password\\": \\"${v}\\"}` },
  {
    family: 'Discord bot token',
    value: 'MT' + fake(URLSAFE, 24, 17) + '.' + fake(URLSAFE, 6, 18) + '.' + fake(URLSAFE, 30, 19),
    text: (v) => `the bot logged in with ${v} today`,
  },
];

test('every gated family is still redacted when only its own words open the gate', () => {
  for (const { family, value, text } of FAMILIES) {
    const input = text(value);
    const out = redactSecrets(input);
    assert.ok(!out.includes(value), `${family}: the value survived: ${out}`);
    assert.match(out, /\[REDACTED:[a-z0-9-]+\]/, family);
    assert.equal(out, redactSecretsUnfiltered(input), `${family}: the fast path differs from running every pattern`);
  }
});

test('every planted key format is redacted by the fast path exactly as by every pattern', () => {
  for (const seed of [20251121, 7, 99]) {
    for (const s of makeSecrets(seed)) {
      for (const input of [s.text, `before ${s.text} after`, `x\\n${s.text}\\n`, JSON.stringify({ note: s.text })]) {
        const out = redactSecrets(input);
        assert.ok(!out.includes(s.value), `${s.kind} survived in ${input}`);
        assert.equal(out, redactSecretsUnfiltered(input), `${s.kind}: fast path differs on ${input}`);
      }
    }
  }
});

test('a secret after an earlier replacement is still caught (the first scan stands for the changed text)', () => {
  const discord = 'NT' + fake(URLSAFE, 24, 21) + '.' + fake(URLSAFE, 6, 22) + '.' + fake(URLSAFE, 30, 23);
  const urlPassword = 'Pw' + fake(ALNUM, 14, 24) + '3';
  const input = `API_TOKEN=${fake(ALNUM, 30, 25)} then https://ci:${urlPassword}@git.example.org and ${discord}. Bearer ${'c3' + fake(URLSAFE, 26, 26)}`;
  const out = redactSecrets(input);
  for (const leaked of [urlPassword, discord]) assert.ok(!out.includes(leaked), `${leaked} survived: ${out}`);
  assert.equal(out, redactSecretsUnfiltered(input));
});

test('the assignment gate: every name, suffix and separator shape gives the output of the full path', () => {
  const names = [
    'password',
    'PASSWD',
    'Passphrase',
    'pass',
    'client_secret',
    'SECRET',
    'token',
    'apiKey',
    'api-key',
    'ACCESS_KEY',
    'private_key',
    'STRIPE_KEY',
  ];
  const suffixes = ['', '_PROD', '_PROD_EU', '_PROD_EU_WEST', '_PROD_EU_WEST_PRIMARY', '_PROD_EU_WEST_PRIMARY_OLD', '_' + 'X'.repeat(40), '_FILE', 'word', 's'];
  const separators = ['=', ' = ', ': ', ':', '\t=\t', '"="', "': '", '\\": \\"', '\\\\\\": \\\\\\"', ' := '];
  let checked = 0;
  let redacted = 0;
  for (const name of names) {
    for (const suffix of suffixes) {
      for (const separator of separators) {
        const value = 'Qz' + fake(ALNUM, 22, checked % 50) + '7!';
        const input = `config ${name}${suffix}${separator}${value} end`;
        const fast = redactSecrets(input);
        assert.equal(fast, redactSecretsUnfiltered(input), `differs on ${input}`);
        if (!fast.includes(value)) redacted++;
        checked++;
      }
    }
  }
  assert.ok(redacted > checked / 5, `only ${redacted} of ${checked} shapes were assignments at all`);
});

test('a text without any gate word comes back as the very same string', () => {
  const plain = 'The build finished in 3.2 s; 41 files changed, no errors.\nNext: run the tests again with the new fixtures.';
  assert.equal(redactSecrets(plain), plain);
  assert.equal(redactSecretsUnfiltered(plain), plain);
});

/** Every line of every log under test/fixtures, and every string in those records (deduplicated). */
function fixtureTexts() {
  const lines = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.jsonl')) for (const line of readFileSync(path, 'utf8').split('\n')) if (line) lines.push(line);
    }
  };
  walk(join(repoRoot, 'test', 'fixtures'));
  const strings = new Set();
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.length >= 8) strings.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const line of lines) {
    try {
      collect(JSON.parse(line));
    } catch {
      // not JSON: the raw line is checked anyway
    }
  }
  return { lines, strings: [...strings] };
}

test('on every real log in test/fixtures the fast path equals running every pattern on every text', () => {
  const { lines, strings } = fixtureTexts();
  assert.ok(lines.length > 5000, `too few fixture lines (${lines.length}): the check would prove little`);
  const planted = [];
  for (const s of makeSecrets(3)) {
    for (const record of [...claudeRecordsWith(s.text), ...codexRecordsWith(s.text)]) planted.push(JSON.stringify(record));
  }
  let redacted = 0;
  let differ = 0;
  const examples = [];
  for (const text of [...lines, ...strings, ...planted, ...ORDINARY_TEXTS]) {
    const fast = redactSecrets(text);
    const full = redactSecretsUnfiltered(text);
    if (full !== text) redacted++;
    if (fast !== full) {
      differ++;
      if (examples.length < 3) examples.push(text.slice(0, 200));
    }
  }
  assert.equal(differ, 0, `the fast path differs on ${differ} texts, e.g. ${examples.join(' | ')}`);
  // Not vacuous: the corpus holds texts redaction changes (real logs hold some too: keys, passwords).
  assert.ok(redacted > 1000, `only ${redacted} texts were redacted at all`);
});
