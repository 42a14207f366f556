// Regenerates src/util/secretRules/gitleaksRules.ts from third_party/gitleaks/gitleaks.toml (gitleaks'
// default rule set, MIT licence in third_party/gitleaks/LICENSE). To take in new rules: copy a newer
// config/gitleaks.toml from github.com/gitleaks/gitleaks over the vendored one and run
//   node scripts/generateSecretRules.mjs
// The rules keep their gitleaks ids (they name the redaction marker). Go RE2 syntax is converted to plain
// JavaScript: inline case-insensitivity becomes explicit classes ([aA]) so the rules run on Node 20+
// without regexp modifiers, `(?s:` dot becomes [\s\S], POSIX classes and `\z` get their JS spellings, and
// the leading `[\w.-]{0,50}?` identifier prefix of keyword rules is dropped (it only widened the match;
// without it a scan does not try 50 lazy steps at every position). Every quantifier in these rules is
// bounded or runs over one character class, so each rule's work per start position is bounded.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tomlPath = join(root, 'third_party', 'gitleaks', 'gitleaks.toml');
const outPath = join(root, 'src', 'util', 'secretRules', 'gitleaksRules.ts');

/** The TOML subset gitleaks.toml uses: tables, arrays of tables, strings, '''literals''', numbers, arrays. */
function parseToml(text) {
  const top = {};
  let current = top;
  let i = 0;
  const skipSpace = () => {
    for (;;) {
      while (i < text.length && /[ \t\r\n]/.test(text[i])) i++;
      if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
      else return;
    }
  };
  const value = () => {
    skipSpace();
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const v = text.slice(i + 3, end);
      i = end + 3;
      return v;
    }
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const v = text.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    if (text[i] === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const v = JSON.parse(text.slice(i, j + 1));
      i = j + 1;
      return v;
    }
    if (text[i] === '[') {
      i++;
      const items = [];
      for (;;) {
        skipSpace();
        if (text[i] === ']') {
          i++;
          return items;
        }
        items.push(value());
        skipSpace();
        if (text[i] === ',') i++;
      }
    }
    const m = /^[^\s,\]]+/.exec(text.slice(i, i + 100));
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : Number(m[0]);
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return top;
    if (text.startsWith('[[', i)) {
      const end = text.indexOf(']]', i);
      const path = text
        .slice(i + 2, end)
        .trim()
        .split('.');
      i = end + 2;
      let parent = top;
      for (const key of path.slice(0, -1)) parent = parent[key].at(-1);
      const last = path.at(-1);
      (parent[last] ??= []).push((current = {}));
    } else if (text[i] === '[') {
      const end = text.indexOf(']', i);
      const key = text.slice(i + 1, end).trim();
      i = end + 1;
      current = top[key] = {};
    } else {
      const m = /^([A-Za-z0-9_]+)\s*=/.exec(text.slice(i, i + 200));
      i += m[0].length;
      current[m[1]] = value();
    }
  }
}

const POSIX = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
};

/** Other-case counterparts of a class body's letters and letter ranges (for a case-insensitive class). */
function otherCases(body) {
  const extra = [];
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (body[j + 1] === '-' && j + 2 < body.length && body[j + 2] !== ']') {
      const lo = c;
      const hi = body[j + 2];
      if (/[a-z]/.test(lo) && /[a-z]/.test(hi)) extra.push(`${lo.toUpperCase()}-${hi.toUpperCase()}`);
      else if (/[A-Z]/.test(lo) && /[A-Z]/.test(hi)) extra.push(`${lo.toLowerCase()}-${hi.toLowerCase()}`);
      j += 2;
      continue;
    }
    if (/[a-z]/.test(c)) extra.push(c.toUpperCase());
    else if (/[A-Z]/.test(c)) extra.push(c.toLowerCase());
  }
  return extra.join('');
}

/** Go RE2 → JavaScript (no flags needed). Throws on syntax it does not know. */
function convert(source) {
  let out = '';
  // One frame per open group: its flags (i = case-insensitive, s = dot matches newline).
  const frames = [{ i: false, s: false }];
  const flags = () => frames.at(-1);
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'z') out += '(?![\\s\\S])';
      // A word boundary also right after an escaped newline or tab: `\\nghp_…` in a raw JSON line.
      else if (next === 'b') out += '(?:\\b|(?<=\\\\[nrt]))';
      else if (next === 'x') {
        out += source.slice(i, i + 4);
        i += 4;
        continue;
      } else if (/[pPQEC]/.test(next)) throw new Error(`unsupported escape \\${next} in ${source}`);
      else out += `\\${next}`;
      i += 2;
      continue;
    }
    if (c === '[') {
      // A class: copy it, spelling POSIX classes out and adding other cases when case-insensitive.
      let j = i + 1;
      let negated = '';
      if (source[j] === '^') {
        negated = '^';
        j++;
      }
      let body = '';
      if (source[j] === ']') {
        body += '\\]';
        j++;
      }
      while (source[j] !== ']') {
        if (source[j] === '\\') {
          body += source.slice(j, j + 2);
          j += 2;
        } else if (source.startsWith('[:', j)) {
          const end = source.indexOf(':]', j);
          const name = source.slice(j + 2, end);
          if (!POSIX[name]) throw new Error(`unknown POSIX class ${name}`);
          body += POSIX[name];
          j = end + 2;
        } else if (source[j] === '[') {
          body += '\\[';
          j++;
        } else {
          body += source[j++];
        }
      }
      out += `[${negated}${flags().i ? otherCases(body) : ''}${body}]`;
      i = j + 1;
      continue;
    }
    if (c === '(') {
      const m = /^\(\?([a-z]*)(?:-([a-z]*))?([:)])/.exec(source.slice(i));
      if (m && m[1] !== 'P') {
        const on = m[1];
        const off = m[2] ?? '';
        const next = { ...flags() };
        for (const f of on) {
          if (f !== 'i' && f !== 's') throw new Error(`unsupported flag ${f}`);
          next[f] = true;
        }
        for (const f of off) next[f] = false;
        if (m[3] === ')') {
          // (?i) sets the flags for the rest of the enclosing group.
          frames[frames.length - 1] = next;
        } else {
          frames.push(next);
          out += '(?:';
        }
        i += m[0].length;
        continue;
      }
      if (source.startsWith('(?P<', i)) {
        // Named groups keep their number (secretGroup counts them), not their name.
        i = source.indexOf('>', i) + 1;
        frames.push({ ...flags() });
        out += '(';
        continue;
      }
      const look = /^\(\?(?:=|!|<=|<!)/.exec(source.slice(i));
      if (look) {
        // A lookaround this script added (the secret's end).
        frames.push({ ...flags() });
        out += look[0];
        i += look[0].length;
        continue;
      }
      if (source.startsWith('(?', i) && !source.startsWith('(?:', i)) throw new Error(`unsupported group in ${source}`);
      frames.push({ ...flags() });
      out += source.startsWith('(?:', i) ? '(?:' : '(';
      i += source.startsWith('(?:', i) ? 3 : 1;
      continue;
    }
    if (c === ')') {
      frames.pop();
      out += ')';
      i++;
      continue;
    }
    if (c === '.') {
      out += flags().s ? '[\\s\\S]' : '.';
      i++;
      continue;
    }
    if (c === '{') {
      // A bounded repeat: copied as is ({n}, {n,}, {n,m}).
      const m = /^\{\d*(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) {
        // A literal brace (`{{` in a template placeholder).
        out += '\\{';
        i++;
        continue;
      }
      out += m[0].startsWith('{,') ? `{0${m[0].slice(1)}` : m[0];
      i += m[0].length;
      continue;
    }
    if (flags().i && /[A-Za-z]/.test(c)) out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    else out += c;
    i++;
  }
  return out;
}

const TERMINATOR = `(?:[\\x60'"\\s;]|\\\\[nr]|$)`;
const DOT_BOUND = 1024;

const config = parseToml(readFileSync(tomlPath, 'utf8'));
const rules = [];
const skipped = [];
for (const rule of config.rules) {
  if (!rule.regex) {
    skipped.push(`${rule.id} (file-name rule, no content pattern)`);
    continue;
  }
  // The identifier prefix only widens the reported match; the secret group is unchanged without it.
  const source = rule.regex
    .replace(/^((?:\(\?i\))?)\[\\w\.-\]\{0,50\}\?/, '$1')
    // The end of a secret: gitleaks wants a quote, space, `;` or an escaped newline. In agent logs a key
    // also ends at an escaped quote (JSON inside JSON), a comma, a dot or a bracket. A lookahead, so the
    // next rule still sees that character.
    .replaceAll(TERMINATOR, `(?=[\\x60'"\\s;\\\\,.)\\]}>|&]|$)`)
    // `.*` and `.+` bounded: with them a rule's work per start could grow with the line.
    .replace(/\.([*+])(\??)/g, (_, q, lazy) => `.{${q === '*' ? 0 : 1},${DOT_BOUND}}${lazy}`)
    .replace(/\.\{(\d+),\}/g, (_, n) => `.{${n},${DOT_BOUND}}`);
  const js = convert(source);
  new RegExp(js, 'g'); // throws here, not at run time, if the conversion went wrong
  const allowlists = (rule.allowlists ?? []).map((a) => ({
    target: a.regexTarget ?? 'secret',
    ...(a.condition ? { condition: a.condition } : {}),
    regexes: (a.regexes ?? []).map(convert),
    stopwords: (a.stopwords ?? []).map((w) => w.toLowerCase()),
  }));
  rules.push({
    id: rule.id,
    regex: js,
    keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()),
    ...(rule.entropy ? { entropy: rule.entropy } : {}),
    ...(rule.secretGroup ? { secretGroup: rule.secretGroup } : {}),
    ...(allowlists.length ? { allowlists } : {}),
  });
}
const globalAllow = (config.allowlist.regexes ?? []).map(convert);
const licence = readFileSync(join(root, 'third_party', 'gitleaks', 'LICENSE'), 'utf8').trim();

const ts = `/*! Secret-detection rules ported from gitleaks' default configuration (config/gitleaks.toml,
https://github.com/gitleaks/gitleaks), under this licence:

${licence}
*/
// GENERATED by scripts/generateSecretRules.mjs from third_party/gitleaks/gitleaks.toml: do not edit by hand.
// ${rules.length} rules${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}.
import type { SecretRule } from './ruleTypes.js';

/** gitleaks' global allowlist: a candidate secret matching one of these is not a secret. */
export const GITLEAKS_GLOBAL_ALLOW: readonly string[] = ${JSON.stringify(globalAllow, null, 2)};

/** gitleaks' global stopwords. */
export const GITLEAKS_GLOBAL_STOPWORDS: readonly string[] = ${JSON.stringify((config.allowlist.stopwords ?? []).map((w) => w.toLowerCase()))};

export const GITLEAKS_RULES: readonly SecretRule[] = ${JSON.stringify(rules, null, 1)};
`;
writeFileSync(outPath, ts);
console.log(`wrote ${rules.length} rules to ${outPath}${skipped.length ? ` (skipped ${skipped.length})` : ''}`);
