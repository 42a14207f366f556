// Snippets built in JS from the stored text of the few hits shown. SQLite's snippet() re-runs the whole
// MATCH for every row it is asked about (milliseconds per row on common words); finding the query's
// words in 20 short texts with one regex costs microseconds.

export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

const FTS_OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex for the words of an FTS5 query as the tokenizer sees them: letters and digits, case and
 * accents ignored; `word*` matches as a prefix; operators and column names are not words to mark.
 */
export function queryMatcher(query: string): RegExp | undefined {
  const parts: string[] = [];
  for (const match of query.matchAll(/([\p{L}\p{N}]+)(\*?)(:?)/gu)) {
    const [, word, star, colon] = match;
    if (colon || FTS_OPERATORS.has(word)) continue;
    const folded = escape(fold(word));
    parts.push(star ? `${folded}[\\p{L}\\p{N}]*` : folded);
  }
  if (parts.length === 0) return undefined;
  const unique = [...new Set(parts)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * About `width` characters of `text` around the densest run of matches, whitespace squeezed, with the
 * matched words' ranges (case-insensitive; a word written with accents the query lacks is found by the
 * index but not marked).
 */
export function buildSnippet(text: string, matcher: RegExp | undefined, width = 160): Snippet {
  const matches: Array<[number, number]> = [];
  if (matcher) {
    matcher.lastIndex = 0;
    for (let m = matcher.exec(text); m && matches.length < 2000; m = matcher.exec(text)) {
      if (m[0].length === 0) {
        matcher.lastIndex++;
        continue;
      }
      matches.push([m.index, m.index + m[0].length]);
    }
  }
  // The window start with the most matches inside [start, start + width).
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j][1] <= matches[i][0] + width) j++;
    if (j - i > bestCount) [best, bestCount] = [i, j - i];
  }
  const anchor = matches.length ? matches[best][0] : 0;
  let start = Math.max(0, anchor - Math.floor(width / 4));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Do not cut words in half.
  while (start > 0 && start > anchor - width / 2 && /[\p{L}\p{N}]/u.test(text[start - 1])) start--;
  while (end < text.length && end < start + width + 20 && /[\p{L}\p{N}]/u.test(text[end])) end++;

  let snippet = start > 0 ? '…' : '';
  const highlights: Array<[number, number]> = [];
  let at = start;
  const append = (piece: string) => {
    snippet += piece.replace(/\s+/g, ' ');
  };
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    append(text.slice(at, from));
    const open = snippet.length;
    append(text.slice(from, to));
    highlights.push([open, snippet.length]);
    at = to;
  }
  append(text.slice(at, end));
  if (end < text.length) snippet += '…';
  return { snippet, highlights };
}
