// A small, quote-aware reader of shell command lines: enough to see which files a command writes,
// never enough to run anything. It knows quotes, escapes, $(…)/`…`/${…} (kept opaque inside a word),
// comments, operators, redirections and here-documents (whose bodies are skipped, not parsed).

export interface ShellWord {
  /** The word with quotes removed and escapes applied. */
  text: string;
  /** True when part of the word is an unquoted or double-quoted expansion ($VAR, $(…), `…`): its value is unknown. */
  expands: boolean;
}

export interface Redirect {
  op: string;
  /** Undefined for a fd duplication (`2>&1`, `>&2`) or a here-document. */
  target?: ShellWord;
}

/** One simple command: its words (after leading `VAR=value` assignments) and its redirections. */
export interface SimpleCommand {
  words: ShellWord[];
  redirects: Redirect[];
  /** The operator that ended it (`&&`, `||`, `;`, `|`, `&`, or '' at the end). */
  separator: string;
  /** Subshells `(` opened right before this command (a `cd` inside one ends with it). */
  opens: number;
  /** Subshells `)` closed right after it. */
  closes: number;
}

type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string };

const SEPARATORS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '(', ')', '\n']);
const REDIRECTS = ['&>>', '&>', '>>', '>|', '>&', '<<<', '<<-', '<<', '<&', '<>', '>', '<'];

/** Splits a command line into tokens. Unbalanced quotes end at the end of the input instead of failing. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let awaitingHeredocDelimiter: boolean | undefined; // stripTabs of the `<<` just seen
  let text = '';
  let expands = false;
  let inWord = false;
  let i = 0;
  const n = source.length;

  const endWord = () => {
    if (!inWord) return;
    if (awaitingHeredocDelimiter !== undefined) {
      pendingHeredocs.push({ delimiter: text, stripTabs: awaitingHeredocDelimiter });
      awaitingHeredocDelimiter = undefined;
    } else tokens.push({ kind: 'word', word: { text, expands } });
    text = '';
    expands = false;
    inWord = false;
  };
  /** From an opening bracket at `start`, the index after its matching closer (quote-aware, nesting). */
  const skipBalanced = (start: number, open: string, close: string): number => {
    let depth = 0;
    for (let j = start; j < n; j++) {
      const c = source[j];
      if (c === '\\') j++;
      else if (c === "'") {
        const end = source.indexOf("'", j + 1);
        j = end < 0 ? n : end;
      } else if (c === '"') {
        j++;
        while (j < n && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      } else if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
    }
    return n;
  };
  const skipHeredocBodies = () => {
    // i is just past a newline: each pending here-document body runs to its delimiter line.
    for (const { delimiter, stripTabs } of pendingHeredocs) {
      while (i < n) {
        let end = source.indexOf('\n', i);
        if (end < 0) end = n;
        let line = source.slice(i, end);
        if (stripTabs) line = line.replace(/^\t+/, '');
        i = end + 1;
        if (line === delimiter || line.trimEnd() === delimiter) break;
      }
    }
    pendingHeredocs.length = 0;
  };

  while (i < n) {
    const c = source[i];
    if (c === '\n') {
      endWord();
      tokens.push({ kind: 'op', op: '\n' });
      i++;
      if (pendingHeredocs.length) skipHeredocBodies();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      if (source[i + 1] === '\n') i += 2;
      else {
        text += source[i + 1] ?? '';
        inWord = true;
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      const end = source.indexOf("'", i + 1);
      text += source.slice(i + 1, end < 0 ? n : end);
      inWord = true;
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '$' && source[i + 1] === "'") {
      const end = source.indexOf("'", i + 2);
      text += source
        .slice(i + 2, end < 0 ? n : end)
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t');
      inWord = true;
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      inWord = true;
      while (i < n && source[i] !== '"') {
        const d = source[i];
        if (d === '\\' && i + 1 < n && '"\\$`\n'.includes(source[i + 1])) {
          if (source[i + 1] !== '\n') text += source[i + 1];
          i += 2;
        } else if (d === '$' && source[i + 1] === '(') {
          const end = skipBalanced(i + 1, '(', ')');
          text += source.slice(i, end);
          expands = true;
          i = end;
        } else if (d === '`') {
          const end = source.indexOf('`', i + 1);
          text += source.slice(i, end < 0 ? n : end + 1);
          expands = true;
          i = end < 0 ? n : end + 1;
        } else {
          if (d === '$' && /[\w{@*#?$!-]/.test(source[i + 1] ?? '')) expands = true;
          text += d;
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '$' && (source[i + 1] === '(' || source[i + 1] === '{')) {
      const end = source[i + 1] === '(' ? skipBalanced(i + 1, '(', ')') : skipBalanced(i + 1, '{', '}');
      text += source.slice(i, end);
      expands = true;
      inWord = true;
      i = end;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      text += source.slice(i, end < 0 ? n : end + 1);
      expands = true;
      inWord = true;
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '$' && /[\w@*#?$!-]/.test(source[i + 1] ?? '')) {
      expands = true;
      text += c;
      inWord = true;
      i++;
      continue;
    }
    if (c === '>' || c === '<' || (c === '&' && source[i + 1] === '>')) {
      // A word of digits right before a redirection is its file descriptor (`2>`), not an argument.
      if (inWord && /^\d+$/.test(text) && !expands) {
        text = '';
        inWord = false;
      } else endWord();
      const op = REDIRECTS.find((r) => source.startsWith(r, i))!;
      tokens.push({ kind: 'op', op });
      i += op.length;
      if (op === '<<' || op === '<<-') awaitingHeredocDelimiter = op === '<<-';
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endWord();
      const two = source.slice(i, i + 2);
      const op = two === '&&' || two === '||' || two === ';;' || two === '|&' ? two : c;
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    text += c;
    inWord = true;
    i++;
  }
  endWord();
  return tokens;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const RESERVED_PREFIXES = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '{', '}', '!', 'fi', 'done', 'esac']);

// The analysts ask for the same command line several times in a row (its writes, its programs, how it
// is chained): the last few parses are kept. Callers only read what they get.
const RECENT_PARSES = 4;
const recentParses = new Map<string, SimpleCommand[]>();

/** Parses a command line into simple commands, in order (the result is shared: never modify it). */
export function parseCommandLine(source: string): SimpleCommand[] {
  const known = recentParses.get(source);
  if (known) return known;
  const commands = parseUncached(source);
  if (recentParses.size >= RECENT_PARSES) recentParses.delete(recentParses.keys().next().value!);
  recentParses.set(source, commands);
  return commands;
}

function parseUncached(source: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: Redirect[] = [];
  let opens = 0;
  const tokens = tokenize(source);
  const flush = (separator: string) => {
    while (words.length && (RESERVED_PREFIXES.has(words[0].text) || ASSIGNMENT.test(words[0].text))) words.shift();
    if (words.length || redirects.length) {
      commands.push({ words, redirects, separator: separator === '\n' ? ';' : separator, opens, closes: 0 });
      opens = 0;
    }
    words = [];
    redirects = [];
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'word') {
      words.push(token.word);
      continue;
    }
    if (token.op === '(' || token.op === ')') {
      flush(token.op);
      if (token.op === '(') opens++;
      // `()` with no command inside (a function definition `f() {…}`) opens and closes nothing.
      else if (opens > 0) opens--;
      else if (commands.length) commands[commands.length - 1].closes++;
      continue;
    }
    if (SEPARATORS.has(token.op)) {
      flush(token.op);
      continue;
    }
    // A redirection: its target is the next word (none for here-documents, whose delimiter was consumed).
    if (token.op === '<<' || token.op === '<<-') {
      redirects.push({ op: token.op });
      continue;
    }
    const next = tokens[t + 1];
    const target = next?.kind === 'word' ? next.word : undefined;
    if (target) t++;
    const duplicatesFd = (token.op === '>&' || token.op === '<&') && target !== undefined && /^(\d+|-)$/.test(target.text);
    redirects.push({ op: token.op, target: duplicatesFd ? undefined : target });
  }
  flush('');
  return commands;
}
