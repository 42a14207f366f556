// How text becomes terms, shared by the indexer and the query parser so both sides agree by construction.
//
// The FTS5 table uses the unicode61 tokenizer (words = runs of letters and digits, case and accents
// folded). Two things are done in JS before it sees any text, on both sides:
//   - Runs of CJK characters (Han, kana, Hangul) have no spaces between words, so unicode61 would make
//     a whole sentence one token. Each run becomes its overlapping bigrams plus its last character
//     ("资源调度" → "资源 源调 调度 度"), so any substring of 2+ characters is a phrase of consecutive
//     bigrams, and a single character is a prefix of a bigram or the last character.
//   - A query is never handed to FTS5's own syntax: every term is a quoted FTS5 string, so an identifier
//     (`launch.json`, `bind-ro=/etc/resolv.conf`) is a phrase of its words and no input can be a
//     syntax error or escape a column filter.

const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\u3005\\u3006';
/** A CJK run starting exactly here (sticky). */
const CJK_RUN_HERE = new RegExp(`[${CJK_CHAR}]+`, 'uy');
/**
 * Every UTF-16 code unit a CJK character can start with (BMP characters, and the high surrogates of the
 * supplementary ones), and a few neighbours: a plain character class, so scanning text for it is fast
 * where the Unicode script classes are not. A superset of CJK_CHAR (a unit test checks every code point).
 */
const CJK_CANDIDATE =
  /[\u1100-\u11ff\u2e80-\u2fd5\u3005-\u3357\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97c\uac00-\ud7fb\ud81b\ud82b\ud82c\ud83c\ud840-\ud888\uf900-\ufad9\uff66-\uffdc]/g;

/** A CJK run as bigrams; `last`: the run's last character too (what the index always has). */
function bigrams(run: string, last: boolean): string {
  const chars = [...run];
  if (chars.length === 1) return chars[0];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (last) out.push(chars[chars.length - 1]);
  return out.join(' ');
}

/**
 * The text the FTS5 table is given for a record's text: each CJK run as ` <bigrams> `. Only the places
 * where a CJK character may start are looked at (most records have none: the text is returned as it is).
 */
export function indexForm(text: string): string {
  CJK_CANDIDATE.lastIndex = 0;
  let candidate = CJK_CANDIDATE.exec(text);
  if (!candidate) return text;
  const parts: string[] = [];
  let copied = 0;
  while (candidate) {
    CJK_RUN_HERE.lastIndex = candidate.index;
    const run = CJK_RUN_HERE.exec(text);
    if (run) {
      parts.push(text.slice(copied, candidate.index), ` ${bigrams(run[0], true)} `);
      copied = CJK_RUN_HERE.lastIndex;
    }
    CJK_CANDIDATE.lastIndex = run ? CJK_RUN_HERE.lastIndex : candidate.index + 1;
    candidate = CJK_CANDIDATE.exec(text);
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** One term of a query: matched as a phrase of its words (one word is a phrase of one). */
export interface QueryTerm {
  /** As typed (for display and for the reader's notes). */
  text: string;
  /** The FTS5 string: quoted, CJK expanded, `*` when the last word is a prefix. */
  fts: string;
  /** For highlighting and for counting matched terms in a record's text. */
  pattern: string;
  /** Words in the term (for bounding). */
  words: number;
  /** The first word (accents folded): what a fast literal scan looks for before `pattern` is tried. */
  first: string;
}

const MAX_CJK_RUN = 24;
const TOKEN_RUN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const CJK_ONLY = new RegExp(`^[${CJK_CHAR}]+$`, 'u');
const CJK_SPLIT = new RegExp(`([${CJK_CHAR}]+)`, 'u');
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A letter or digit that is not CJK: what a Latin word must not touch to be a whole word. */
const WORD_CHAR = `(?:(?![${CJK_CHAR}])[\\p{L}\\p{N}])`;

/**
 * A term from a piece of query text (a word, an identifier, a quoted phrase), or undefined when it holds
 * no word at all. Bounded: at most `maxWords` words are kept.
 */
export function termOf(raw: string, prefix: boolean, maxWords: number): QueryTerm | undefined {
  const words: string[] = [];
  for (const match of raw.matchAll(TOKEN_RUN)) {
    // A run of letters may mix scripts ("API调用"): unicode61 sees one token, the index split it.
    for (const piece of match[0].split(CJK_SPLIT)) if (piece) words.push(piece);
    if (words.length >= maxWords) break;
  }
  if (words.length === 0) return undefined;
  let kept = words.slice(0, maxWords);
  // A CJK run is as many index terms as characters: keep the first MAX_CJK_RUN and end the term there
  // (what follows would not be adjacent in the index).
  const longRun = kept.findIndex((w) => CJK_ONLY.test(w) && w.length > MAX_CJK_RUN);
  if (longRun !== -1) kept = [...kept.slice(0, longRun), [...kept[longRun]].slice(0, MAX_CJK_RUN).join('')];
  const ftsParts: string[] = [];
  const patternParts: string[] = [];
  let starLast = prefix;
  kept.forEach((word, i) => {
    const isLast = i === kept.length - 1;
    if (CJK_ONLY.test(word)) {
      const length = [...word].length;
      // The index has the run's last character only where the run ended; at the end of the query text
      // the run may go on in the record, so only the bigrams (or the one character, as a prefix) are asked.
      ftsParts.push(bigrams(word, !isLast));
      if (isLast && length === 1) starLast = true;
      patternParts.push(escapeRegex(word));
    } else {
      ftsParts.push(word);
      patternParts.push(`(?<!${WORD_CHAR})${escapeRegex(foldAccents(word))}${isLast && prefix ? '[\\p{L}\\p{N}]*' : ''}(?!${WORD_CHAR})`);
    }
  });
  const phrase = ftsParts.join(' ');
  return {
    text: raw,
    fts: `"${phrase.replace(/"/g, '""')}"${starLast ? '*' : ''}`,
    pattern: patternParts.join('[^\\p{L}\\p{N}]*?'),
    words: kept.length,
    first: foldAccents(kept[0]),
  };
}

const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;
const accentCache = new Map<string, string>();

/**
 * Accented Latin letters as their base letter, one code unit for one (offsets stay valid), so that
 * matching a record's text agrees with unicode61's `remove_diacritics`: "cafe" marks "café".
 */
export function foldAccents(text: string): string {
  if (!ACCENTED.test(text)) return text;
  let out = '';
  for (const c of text) {
    if (c.length !== 1 || !ACCENTED.test(c)) {
      out += c;
      continue;
    }
    let base = accentCache.get(c);
    if (base === undefined) {
      const first = c.normalize('NFD')[0];
      base = first.length === 1 && /\p{L}/u.test(first) ? first : c;
      accentCache.set(c, base);
    }
    out += base;
  }
  return out;
}

/** Finds the terms in a record's text (give it foldAccents(text)): [start, end) ranges, in order. */
export type TermFinder = (folded: string, max: number) => Array<[number, number]>;

/**
 * A finder for the terms. One regex of the terms' first words as plain literals scans the text (fast:
 * no lookarounds); each term's full pattern is tried only where its first word stands.
 */
export function termFinder(terms: readonly QueryTerm[]): TermFinder | undefined {
  if (terms.length === 0) return undefined;
  const firsts = [...new Set(terms.map((t) => t.first.toLowerCase()))].sort((a, b) => b.length - a.length);
  const unicode = firsts.some((w) => /[\u0080-\uffff]/.test(w));
  const scan = new RegExp(firsts.map(escapeRegex).join('|'), unicode ? 'giu' : 'gi');
  const candidates = terms.map((t) => ({ first: t.first.toLowerCase(), sticky: new RegExp(t.pattern, 'iuy') }));
  return (folded, max) => {
    const out: Array<[number, number]> = [];
    scan.lastIndex = 0;
    for (let m = scan.exec(folded); m && out.length < max; m = scan.exec(folded)) {
      const word = m[0].toLowerCase();
      let end = -1;
      for (const c of candidates) {
        if (c.first !== word) continue;
        c.sticky.lastIndex = m.index;
        if (c.sticky.exec(folded)) end = Math.max(end, c.sticky.lastIndex);
      }
      if (end > m.index) {
        out.push([m.index, end]);
        scan.lastIndex = end;
      } else scan.lastIndex = m.index + 1;
    }
    return out;
  };
}
