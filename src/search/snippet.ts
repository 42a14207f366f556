// Snippets built in JS from the text of the few hits shown (read back from the raw logs: the index is
// contentless, so SQLite's snippet() has nothing to cut from). The matches come from the query's terms
// (searchText.termFinder).

export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

/**
 * About `width` characters of `text` around the densest run of `matches` ([start, end) ranges in order),
 * whitespace squeezed, with the matches' ranges in the snippet.
 */
export function buildSnippet(text: string, matches: ReadonlyArray<[number, number]>, width = 160): Snippet {
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
