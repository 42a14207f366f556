// Small text helpers the offline analysts share: sentences, one-line shortening, specificity.

/** Collapses whitespace and cuts to `max` characters with an ellipsis. */
export function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? line.slice(0, max - 1).trimEnd() + '…' : line;
}

const CODE_FENCE = /```[\s\S]*?(```|$)/g;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * Splits prose into sentences. Code blocks are dropped; a line break ends a sentence (agents write
 * lists); a period followed by a space and a capital, quote or backtick ends one too. File names like
 * `a.ts` and numbers like 3.5 stay whole.
 */
export function sentences(text: string, maxChars = 20_000): string[] {
  return sentenceParts(text, maxChars).map((p) => p.text);
}

export interface SentencePart {
  text: string;
  /** From a list item or a heading line: often a fragment, not a statement. */
  listed: boolean;
  /** From a line starting with `#`: a Markdown heading or a code comment. */
  heading: boolean;
  /** From a line the user pasted from the agent's terminal (`⏺ …`, `⎿ …`, `> …`): not their words. */
  quoted: boolean;
  /** The number of a numbered list item (`2. cache it`), on its first sentence: options weighed by number. */
  number?: string;
  /** From a pros/cons line (`+ faster`, `- bigger change`) under a list item. */
  prosOrCons?: boolean;
}

/**
 * Lines of hard-wrapped prose joined again (a brief pasted from a PDF: "Please don't polish" / "endlessly — a
 * focused…"): a long line that stops mid-sentence, followed by one that goes on in lower case, is one line.
 * (Long as a wrap column makes it: a terse user's two short lines without punctuation are two messages, "ok bættu
 * við by_date…" / "servern keyrir perl 5.16 svo engar signatures".)
 */
function unwrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (
      previous !== undefined &&
      previous.length >= 60 &&
      /[\p{L},;]$/u.test(previous) &&
      /^\p{Ll}/u.test(line) &&
      !/^\s*(?:#|⏺|⎿|●|>|│)/.test(previous) &&
      !BULLET.test(line)
    )
      out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}

/** sentences(), each marked with whether it came from a list item or heading. */
export function sentenceParts(text: string, maxChars = 20_000): SentencePart[] {
  const out: SentencePart[] = [];
  const body = (text.length > maxChars ? text.slice(0, maxChars) : text).replace(CODE_FENCE, '\n');
  for (const rawLine of unwrapped(body.split('\n'))) {
    const heading = /^\s*#/.test(rawLine);
    const quoted = /^\s*(?:⏺|⎿|●|>|│)/.test(rawLine);
    const listed = BULLET.test(rawLine) || heading;
    const number = /^\s*(\d+)[.)]\s+/.exec(rawLine)?.[1];
    const prosOrCons = /^\s+[-+]\s+|^\s*\+\s+/.test(rawLine);
    let first = true;
    const line = rawLine
      .replace(BULLET, '')
      .replace(/^#+\s*/, '')
      .trim();
    if (!line) continue;
    // (…and before a lower-case word after a whole word's full stop, as writers who never capitalise end them: "by
    // c.id. group them by c.id it is: …"; not after an abbreviation, "e.g. x", "vs. y", nor in an ellipsis.)
    for (const part of line.split(LOWER_CASE_SENTENCE.test(line) ? SENTENCE_END_ANY_CASE : SENTENCE_END)) {
      const s = part.trim();
      // (A bare pick among labelled options, "B.", is short but a choice: see the options in offline.ts.)
      if (s.length >= 8 || (s.length >= 4 && /[\u3040-\u30ff\u3400-\u9fff]/.test(s)) || /^(?:option\s+)?[A-D1-4][.!]$/i.test(s))
        out.push({ text: s, listed, heading, quoted, ...(number && first ? { number } : {}), ...(prosOrCons ? { prosOrCons } : {}) });
      first = false;
    }
  }
  return out;
}

// (Chinese and Japanese end a sentence with 。！？ and no space: a paragraph of thinking is several sentences. Urdu ends
// one with ۔ and ؟, Hindi with ।, Amharic with ።, and their scripts have no capitals to tell the next one by.)
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}"'`(*[«„“])|(?<=[。！？])(?![。！？」』）]|\s*$)\s*|(?<=[۔؟।።])\s+/u;
const SENTENCE_END_ANY_CASE =
  /(?<=[.!?])\s+(?=[\p{Lu}"'`(*[«„“])|(?<=[。！？])(?![。！？」』）]|\s*$)\s*|(?<=[۔؟।።])\s+|(?<=(?<!\p{L})(?!(?:vs|etc|cf|approx|incl|no|nr|ca|resp|bzw|usw|ggf|evtl|ex|fig|eq|sec|ch|vol|al|ie|eg|pp)\.)\p{Ll}{2,}\.)\s+(?=\p{Ll}{2,}\s)/u;
/** A full stop, then a lower-case word: the cheap test before SENTENCE_END_ANY_CASE is tried. */
const LOWER_CASE_SENTENCE = /\p{Ll}{2}\.\s+\p{Ll}/u;

const PATH_LIKE = /(?:^|[\s`'"(])(?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.[a-zA-Z]{1,6}\b/g;
const IDENTIFIER = /`[^`]+`|\b[a-z]+[A-Z]\w*\b|\b\w+_\w+\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b\w+\(\)|\b[A-Z]{2,}[A-Z0-9_]*\b/g;
const NUMBER = /\b\d+(?:\.\d+)?\s*(?:%|ms|s|MB|KB|GB|x)?\b/g;

/** How concrete a sentence is: file names, identifiers and numbers make it worth more. */
export function specificity(text: string): number {
  const count = (re: RegExp) => Math.min(3, (text.match(re) ?? []).length);
  return count(PATH_LIKE) * 1.5 + count(IDENTIFIER) + count(NUMBER) * 0.5;
}

/** A key for deduplication: lower case, digits and spacing folded. */
export function dedupeKey(text: string): string {
  return (
    text
      .toLowerCase()
      // (A bundler's content hash in an asset's name, `index-BHgukP9W.js`: the same asset, built again.)
      .replace(/-[a-z0-9_-]{8}(?=\.(?:js|mjs|cjs|css|map|wasm|png|svg|woff2?)\b)/g, '-#')
      .replace(/0x[0-9a-f]+/g, '#')
      .replace(/\d+(\.\d+)?/g, '#')
      .replace(/[\s`'"*_]+/g, ' ')
      .trim()
      .slice(0, 200)
  );
}

/** The first `head` and last `tail` characters of a long text: tool outputs can be megabytes. */
export function headAndTail(text: string, head = 16_000, tail = 8_000): string {
  if (text.length <= head + tail) return text;
  return text.slice(0, head) + '\n' + text.slice(text.length - tail);
}
