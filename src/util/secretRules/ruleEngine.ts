// Runs gitleaks-shaped rules over a text and replaces each secret with `[REDACTED:<rule id>]`.
//
// Speed: a log holds hundreds of megabytes and most rules name a keyword, so one pass over the text finds
// which keywords occur (one combined regex) and only their rules run. Rules without keywords always run.
// Each rule replaces only its secret group, so `token=ghp_…` keeps `token=`.
import type { SecretAllowlist, SecretRule } from './ruleTypes.js';

export const redactedMarker = (kind: string): string => `[REDACTED:${kind}]`;
export const FULLY_REDACTED = /^\[REDACTED:[a-z0-9-]+\]$/;

interface CompiledAllowlist {
  readonly target: string;
  readonly and: boolean;
  readonly regexes: readonly RegExp[];
  readonly stopwords: readonly string[];
}

interface CompiledRule {
  readonly id: string;
  readonly regex: RegExp;
  readonly entropy: number;
  readonly secretGroup: number | undefined;
  readonly allowlists: readonly CompiledAllowlist[];
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Which of a set of ASCII keywords occur in a text, case-insensitively, in one pass (Aho-Corasick): a
 * regex alternation of 300 keywords is several times slower, and this pass runs over every byte.
 */
class KeywordScanner {
  // step[row + char] → the next state's row (state × 128); negative (−row − 1) when keywords end in that
  // state (incl. via suffix links): one load and one sign test per character. Upper-case columns repeat
  // the lower-case ones, so the text is never lower-cased.
  private readonly step: Int32Array;
  private readonly output: (readonly string[])[];

  constructor(
    keywords: readonly string[],
    /** Keywords whose every occurrence found() reports in `places` when asked. */
    private readonly placed: ReadonlySet<string> = new Set(),
  ) {
    const trie: Map<number, number>[] = [new Map()];
    const ends: string[][] = [[]];
    for (const keyword of keywords) {
      let state = 0;
      for (const ch of keyword.toLowerCase()) {
        const c = ch.charCodeAt(0);
        if (c >= 128) throw new Error(`non-ASCII keyword ${keyword}`);
        let next = trie[state].get(c);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map());
          ends.push([]);
          trie[state].set(c, next);
        }
        state = next;
      }
      ends[state].push(keyword);
    }
    const goto = new Int32Array(trie.length * 128);
    const fail = new Int32Array(trie.length);
    this.output = ends;
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const next = trie[0].get(c);
      if (next !== undefined) {
        goto[c] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      this.output[state] = [...this.output[state], ...this.output[fail[state]]];
      for (let c = 0; c < 128; c++) {
        const next = trie[state].get(c);
        if (next !== undefined) {
          fail[next] = goto[fail[state] * 128 + c];
          goto[state * 128 + c] = next;
          queue.push(next);
        } else {
          goto[state * 128 + c] = goto[fail[state] * 128 + c];
        }
      }
    }
    this.step = new Int32Array(goto.length);
    for (let state = 0; state < trie.length; state++) {
      for (let c = 0; c < 128; c++) {
        const lower = c >= 65 && c <= 90 ? c + 32 : c;
        const next = goto[state * 128 + lower];
        this.step[state * 128 + c] = this.output[next].length ? -(next * 128) - 1 : next * 128;
      }
    }
  }

  /**
   * The keywords that occur in `text`, each with where it ends (the first `maxPositions` occurrences);
   * with `places`, also where every occurrence of a placed keyword ends.
   */
  found(text: string, maxPositions = 0, places?: Map<string, number[]>): Map<string, number[]> {
    const seen = new Map<string, number[]>();
    const step = this.step;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        row = 0;
        continue;
      }
      row = step[row + c];
      if (row < 0) {
        row = -row - 1;
        for (const keyword of this.output[row >> 7]) {
          const positions = seen.get(keyword);
          if (!positions) seen.set(keyword, maxPositions ? [i] : []);
          else if (positions.length < maxPositions) positions.push(i);
          if (places && this.placed.has(keyword)) {
            const at = places.get(keyword);
            if (at) at.push(i);
            else places.set(keyword, [i]);
          }
        }
      }
    }
    return seen;
  }
}

/**
 * The maximal runs of base64 characters at least MIN_RUN long, as start, end pairs in order. Such a run
 * holds a position that is MIN_RUN − 1 modulo MIN_RUN, so only every MIN_RUN-th character is looked at
 * first, and runs are widened from there: most characters are never read.
 */
function base64Runs(text: string): number[] {
  const runs: number[] = [];
  const n = text.length;
  let from = 0; // no run starts before this (the character before it ended the last run looked at)
  for (let i = MIN_RUN - 1; i < n; i += MIN_RUN) {
    if ((CHAR_KIND[text.charCodeAt(i)] & BASE64) === 0) continue;
    let start = i;
    while (start > from && CHAR_KIND[text.charCodeAt(start - 1)] & BASE64) start--;
    let end = i + 1;
    while (end < n && CHAR_KIND[text.charCodeAt(end)] & BASE64) end++;
    if (end - start >= MIN_RUN) runs.push(start, end);
    from = end + 1;
    // The next sample: the first MIN_RUN-th position past this run's end (i += MIN_RUN follows).
    i = end;
  }
  return runs;
}

/** True when some `.` follows DOTTED_TOKEN_RUN or more token characters (a Discord bot token's shape). */
function hasDottedToken(text: string): boolean {
  for (let dot = text.indexOf('.', DOTTED_TOKEN_RUN); dot !== -1; dot = text.indexOf('.', dot + 1)) {
    let before = 1;
    while (before <= DOTTED_TOKEN_RUN && CHAR_KIND[text.charCodeAt(dot - before)] & TOKEN) before++;
    if (before > DOTTED_TOKEN_RUN) return true;
  }
  return false;
}

/** Base64 runs shorter than this are not reported by a scan (a key or `K=value` in base64 is longer). */
export const MIN_RUN = 20;
// What each ASCII character can be part of, as bits: a base64 run, a token ([A-Za-z0-9_-]).
const BASE64 = 1;
const TOKEN = 2;
// (Every UTF-16 code unit has an entry: no range test per character.)
const CHAR_KIND = new Uint8Array(65536);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') CHAR_KIND[c.charCodeAt(0)] = BASE64 | TOKEN;
for (const c of '+/') CHAR_KIND[c.charCodeAt(0)] = BASE64;
for (const c of '_-') CHAR_KIND[c.charCodeAt(0)] = TOKEN;
// A Discord bot token starts with 24–28 token characters and a `.` (tokenSecrets.ts).
const DOTTED_TOKEN_RUN = 24;

/** What one pass over a text found: the keywords that occur and the long base64 runs (start, end pairs). */
export interface TextScan {
  keywords: ReadonlySet<string>;
  runs: number[];
  /**
   * False when no `.` follows 24 or more token characters ([A-Za-z0-9_-]): then no Discord bot token can
   * be in the text, nor in anything redaction makes of it (markers end in `]`, never in such a run).
   */
  dottedTokens: boolean;
  /** Where every occurrence of each placed word (RuleSet's `placedWords`) ends. */
  places: ReadonlyMap<string, readonly number[]>;
}

// Texts longer than this are scanned in windows around keywords (see redactWindowed). A window reaches
// further than any rule's match can from its keyword: bounded prefixes are ≤ 1,100 characters (a `curl`
// command's options) and secrets ≤ 4,000 (the longest, a base64 body, is taken whole by redact.ts).
const WINDOWED_ABOVE = 64 * 1024;
const WINDOW_BEFORE = 2048;
const WINDOW_AFTER = 8192;
const MAX_WINDOWS = 2000;

/** What redaction's fast path asks of the scan besides the rules' keywords. */
export interface FastPathOptions {
  /** More lower-case words for scan() to report, with no rule of this set behind them. */
  scanWords?: readonly string[];
  /** Words (among the keywords and scanWords) whose every position scan() reports (TextScan.places). */
  placedWords?: readonly string[];
}

export class RuleSet {
  private readonly always: CompiledRule[] = [];
  private readonly byKeyword = new Map<string, CompiledRule[]>();
  private readonly keywordScan: KeywordScanner;
  private readonly globalAllow: readonly RegExp[];
  private readonly globalStopwords: readonly string[];
  private readonly order = new Map<CompiledRule, number>();
  private readonly keywordsOf = new Map<CompiledRule, readonly string[]>();

  constructor(rules: readonly SecretRule[], globalAllow: readonly string[] = [], globalStopwords: readonly string[] = [], fast: FastPathOptions = {}) {
    const { scanWords = [], placedWords = [] } = fast;
    this.globalAllow = globalAllow.map((source) => new RegExp(source));
    this.globalStopwords = globalStopwords;
    rules.forEach((rule, index) => {
      const compiled: CompiledRule = {
        id: rule.id,
        regex: new RegExp(rule.regex, 'gd'),
        entropy: rule.entropy ?? 0,
        secretGroup: rule.secretGroup,
        allowlists: (rule.allowlists ?? []).map(compileAllowlist),
      };
      this.order.set(compiled, index);
      this.keywordsOf.set(compiled, [...new Set(rule.keywords)]);
      if (rule.keywords.length === 0) this.always.push(compiled);
      for (const keyword of new Set(rule.keywords)) {
        const list = this.byKeyword.get(keyword) ?? [];
        list.push(compiled);
        this.byKeyword.set(keyword, list);
      }
    });
    // A keyword that contains another (`sk-ant-api03` holds `sk-`) brings that one's rules too: the scan
    // reports the longer one only.
    const keywords = [...this.byKeyword.keys()].sort((a, b) => b.length - a.length);
    const direct = new Map([...this.byKeyword].map(([k, list]) => [k, [...list]]));
    for (const keyword of keywords) {
      const list = this.byKeyword.get(keyword)!;
      for (const other of keywords)
        if (other !== keyword && keyword.includes(other)) for (const rule of direct.get(other)!) if (!list.includes(rule)) list.push(rule);
    }
    this.keywordScan = new KeywordScanner([...keywords, ...scanWords.filter((w) => !this.byKeyword.has(w))], new Set(placedWords));
  }

  /** The rules worth running on `text`, in rule-file order. */
  private rulesFor(text: string): CompiledRule[] {
    const chosen = new Set<CompiledRule>(this.always);
    for (const keyword of this.keywordScan.found(text).keys()) for (const rule of this.byKeyword.get(keyword) ?? []) chosen.add(rule);
    return [...chosen].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Keywords and long base64 runs of `text`, in one pass (for redactKnowing and the token checks). */
  scan(text: string): TextScan {
    const places = new Map<string, number[]>();
    const keywords = new Set(this.keywordScan.found(text, 0, places).keys());
    return { keywords, runs: base64Runs(text), dottedTokens: hasDottedToken(text), places };
  }

  /** `text` redacted by the rules whose keywords `scan` found in it (or in the text it came from). */
  redactKnowing(text: string, keywords: ReadonlySet<string>): string {
    if (!text) return text;
    if (text.length > WINDOWED_ABOVE) return this.redactWindowed(text);
    const chosen = new Set<CompiledRule>(this.always);
    for (const keyword of keywords) for (const rule of this.byKeyword.get(keyword) ?? []) chosen.add(rule);
    let out = text;
    for (const rule of [...chosen].sort((a, b) => this.order.get(a)! - this.order.get(b)!)) out = this.apply(rule, out);
    return out;
  }

  /** `text` with every secret the rules find replaced by its marker. */
  redact(text: string): string {
    if (!text) return text;
    if (text.length > WINDOWED_ABOVE) return this.redactWindowed(text);
    let out = text;
    for (const rule of this.rulesFor(text)) out = this.apply(rule, out);
    return out;
  }

  /**
   * A big text (a whole file read by a tool) holds most keywords somewhere, so every rule would scan all
   * of it. Instead each rule scans only windows around its keywords' occurrences: a rule's match holds its
   * keyword and every quantifier in a rule is bounded (the private key block, the one long secret, is
   * taken before, by redact.ts). A rule whose windows cover most of the text scans the whole text.
   */
  private redactWindowed(text: string): string {
    let out = text;
    let hits = this.keywordScan.found(out, MAX_WINDOWS);
    const rules = new Set<CompiledRule>(this.always);
    for (const keyword of hits.keys()) for (const rule of this.byKeyword.get(keyword) ?? []) rules.add(rule);
    for (const rule of [...rules].sort((a, b) => this.order.get(a)! - this.order.get(b)!)) {
      const windows = this.windowsFor(rule, hits, out.length);
      let next: string;
      if (!windows) next = this.apply(rule, out);
      else {
        next = out;
        // Last window first, so the earlier windows' offsets stay right.
        for (let w = windows.length - 1; w >= 0; w--) {
          const [start, end] = windows[w];
          const part = next.slice(start, end);
          const redacted = this.apply(rule, part);
          if (redacted !== part) next = next.slice(0, start) + redacted + next.slice(end);
        }
      }
      if (next !== out) {
        out = next;
        hits = this.keywordScan.found(out, MAX_WINDOWS); // offsets moved
      }
    }
    return out;
  }

  /** Merged windows around the rule's keyword occurrences, or undefined to scan the whole text. */
  private windowsFor(rule: CompiledRule, hits: Map<string, number[]>, length: number): [number, number][] | undefined {
    const keywords = this.keywordsOf.get(rule);
    if (!keywords || keywords.length === 0) return undefined;
    const positions: number[] = [];
    for (const keyword of keywords) {
      const at = hits.get(keyword);
      if (!at) continue;
      if (at.length >= MAX_WINDOWS) return undefined;
      positions.push(...at);
    }
    positions.sort((a, b) => a - b);
    const windows: [number, number][] = [];
    let covered = 0;
    for (const p of positions) {
      const start = Math.max(0, p - WINDOW_BEFORE);
      const end = Math.min(length, p + WINDOW_AFTER);
      const last = windows[windows.length - 1];
      if (last && start <= last[1]) {
        covered += end - last[1];
        last[1] = end;
      } else {
        windows.push([start, end]);
        covered += end - start;
      }
    }
    return covered > length / 2 ? undefined : windows;
  }

  /** True when some rule finds a secret in `text`. */
  finds(text: string): boolean {
    return this.redact(text) !== text;
  }

  private apply(rule: CompiledRule, text: string): string {
    const re = rule.regex;
    re.lastIndex = 0;
    let result = '';
    let copied = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const span = secretSpan(m, rule.secretGroup);
      if (!span) continue;
      const [start, end] = span;
      const secret = text.slice(start, end);
      if (start < copied || insideMarker(text, start, end) || !this.isSecret(rule, secret, m[0], text, start)) continue;
      result += text.slice(copied, start) + redactedMarker(rule.id);
      copied = end;
    }
    return copied === 0 ? text : result + text.slice(copied);
  }

  private isSecret(rule: CompiledRule, secret: string, match: string, text: string, at: number): boolean {
    if (!secret || secret.startsWith('[REDACTED:')) return false;
    if (rule.entropy && shannonEntropy(secret) < rule.entropy) return false;
    const lower = secret.toLowerCase();
    if (this.globalAllow.some((re) => re.test(secret))) return false;
    if (this.globalStopwords.some((w) => lower.includes(w))) return false;
    for (const allow of rule.allowlists) {
      const target = allow.target === 'match' ? match : allow.target === 'line' ? lineAt(text, at) : secret;
      const byRegex = allow.regexes.length > 0 && allow.regexes.some((re) => re.test(target));
      const byStopword = allow.stopwords.length > 0 && allow.stopwords.some((w) => lower.includes(w));
      if (allow.and ? byRegex && (byStopword || allow.stopwords.length === 0) : byRegex || byStopword) return false;
    }
    return true;
  }
}

function compileAllowlist(allow: SecretAllowlist): CompiledAllowlist {
  return { target: allow.target, and: allow.condition === 'AND', regexes: allow.regexes.map((source) => new RegExp(source)), stopwords: allow.stopwords };
}

/** Where the secret is in the text: the chosen group, else the first group that took part, else the match. */
function secretSpan(m: RegExpExecArray, secretGroup: number | undefined): [number, number] | undefined {
  const indices = m.indices!;
  if (secretGroup !== undefined) return indices[secretGroup] ?? undefined;
  for (let g = 1; g < indices.length; g++) if (indices[g]) return indices[g];
  return indices[0];
}

/** True when [start, end) overlaps a `[REDACTED:…]` marker an earlier rule wrote. */
function insideMarker(text: string, start: number, end: number): boolean {
  const secret = text.slice(start, end);
  if (secret.includes('[REDACTED:')) return true;
  // Markers are short: look back a little only (a search of the whole text would make this quadratic).
  const before = text.slice(Math.max(0, start - 64), start);
  const open = before.lastIndexOf('[REDACTED:');
  return open >= 0 && !before.slice(open).includes(']');
}

function lineAt(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? undefined : end);
}
