// What a person or an agent types, read into a small bounded tree: terms that must match, terms that must
// not, and the filters written inline (`kind:tool-error`, `session:3f2a`). One pass over at most
// MAX_QUERY_CHARS characters, at most MAX_TERMS terms of at most MAX_WORDS_PER_TERM words: the work is
// bounded whatever the input (an 8,000-word paste costs what its first terms cost), and `work` counts
// it so tests can check the bound without a clock.
//
// Grammar (anything else is a word; nothing is an error):
//   query   := item*              items are separated by whitespace
//   item    := '-'? (phrase | chunk) | 'kind:' kinds | 'session:' id
//   phrase  := '"' any* ('"' | end)  '*'?
//   chunk   := non-space+         an identifier like `_config.read_only` is a phrase of its words
import { SEARCH_KINDS, type SearchKind } from '../shared/searchResults.js';
import { termOf, type QueryTerm } from './searchText.js';

export const MAX_QUERY_CHARS = 2000;
export const MAX_TERMS = 12;
export const MAX_EXCLUDED = 6;
export const MAX_WORDS_PER_TERM = 16;

export interface ParsedQuery {
  terms: QueryTerm[];
  excluded: QueryTerm[];
  kinds: SearchKind[];
  sessionIds: string[];
  notes: string[];
  /** Characters and terms visited: at most a small multiple of MAX_QUERY_CHARS. */
  work: number;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\u3000';
const KIND_ALIASES: Record<string, SearchKind> = {
  error: 'tool-error',
  errors: 'tool-error',
  result: 'tool-result',
  call: 'tool-call',
  tool: 'tool-call',
  me: 'user',
  agent: 'assistant',
};

/** Control characters (a terminal would act on them) as `?`. */
const printable = (text: string) => [...text].map((c) => (c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0) ? '?' : c)).join('');

export function parseQuery(input: string): ParsedQuery {
  const notes: string[] = [];
  let work = 0;
  let text = input;
  if (text.length > MAX_QUERY_CHARS) {
    // Cut between words when there is a space late enough, so the last term is not half a word.
    const space = text.lastIndexOf(' ', MAX_QUERY_CHARS);
    text = text.slice(0, space > MAX_QUERY_CHARS / 2 ? space : MAX_QUERY_CHARS);
    notes.push(`the query was cut to its first ${MAX_QUERY_CHARS} characters`);
  }
  const terms: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const kinds = new Set<SearchKind>();
  const sessionIds: string[] = [];
  const seen = new Set<string>();
  let droppedTerms = 0;

  const addTerm = (raw: string, negative: boolean, prefix: boolean) => {
    work++;
    const list = negative ? excluded : terms;
    const term = termOf(raw, prefix, MAX_WORDS_PER_TERM);
    if (!term) return;
    work += term.words;
    const key = `${negative ? '-' : '+'}${term.fts.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (list.length >= (negative ? MAX_EXCLUDED : MAX_TERMS)) {
      droppedTerms++;
      return;
    }
    list.push(term);
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    work++;
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const negative = c === '-' && i + 1 < n && !isSpace(text[i + 1]);
    if (negative) i++;
    if (text[i] === '"') {
      let end = i + 1;
      while (end < n && text[end] !== '"') end++;
      work += end - i;
      const body = text.slice(i + 1, end);
      i = end + 1;
      const prefix = text[i] === '*';
      if (prefix) i++;
      addTerm(body, negative, prefix);
      continue;
    }
    let end = i;
    while (end < n && !isSpace(text[end])) end++;
    work += end - i;
    const chunk = text.slice(i, end);
    i = end;
    const filter = /^(kind|session):(.+)$/i.exec(chunk);
    if (filter && !negative) {
      if (filter[1].toLowerCase() === 'session') {
        sessionIds.push(filter[2]);
        continue;
      }
      const unknown: string[] = [];
      for (const name of filter[2].toLowerCase().split(',')) {
        work++;
        if (!name) continue;
        const kind = (SEARCH_KINDS as readonly string[]).includes(name) ? (name as SearchKind) : KIND_ALIASES[name];
        if (kind) kinds.add(kind);
        else unknown.push(name);
      }
      // Shown on a terminal: no control characters from the query text.
      const shown = unknown.map((k) => `'${printable(k.slice(0, 40))}'`);
      if (unknown.length) notes.push(`unknown kind ${shown.join(', ')} ignored (kinds: ${SEARCH_KINDS.join(', ')})`);
      continue;
    }
    const prefix = chunk.length > 1 && chunk.endsWith('*');
    addTerm(prefix ? chunk.slice(0, -1) : chunk, negative, prefix);
  }
  if (droppedTerms) notes.push(`only the first ${MAX_TERMS} terms (and ${MAX_EXCLUDED} exclusions) were searched; ${droppedTerms} more were left out`);
  return { terms, excluded, kinds: [...kinds], sessionIds: sessionIds.slice(0, 1), notes, work };
}

/** The FTS5 MATCH expression: every term (mode 'all') or any (mode 'any') in the text column, none of the excluded, kinds as tags. */
export function ftsExpression(parsed: Pick<ParsedQuery, 'terms' | 'excluded'>, mode: 'all' | 'any', kindCodes: readonly number[]): string {
  let expression = `text : (${parsed.terms.map((t) => t.fts).join(mode === 'all' ? ' AND ' : ' OR ')})`;
  if (kindCodes.length) expression = `${expression} AND tags : (${kindCodes.map((k) => `k${k}`).join(' OR ')})`;
  if (parsed.excluded.length) expression = `${expression} NOT text : (${parsed.excluded.map((t) => t.fts).join(' OR ')})`;
  return expression;
}
