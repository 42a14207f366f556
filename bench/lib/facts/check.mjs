// The benchmark's own reading of a session log and of resume-prompt.md, independent of the product's
// parser: where each planted string sits in the log, which section of the prompt holds what, and the
// scoring of facts, statuses and negative facts against those sections.
//
// Exports
//   logPlaces(logText) → [{ place, line, text }]   place: user | meta | thinking | text | tool_use |
//                                                  tool_result | compact_summary | attachment
//   checkPlanting({ facts, negatives }, logText, { thinking }) → string[]   problems (empty: planted right)
//   parseSections(promptText) → Map<sectionId | 'other:<heading>', text>   by the V2 headings, any order
//   scoreScenario({ facts, statuses, negatives }, { prompt, extract, summary, data }) → per-fact and
//       per-status results (see the shape at the end of the file)
//   normalize(text), containsString(haystack, string), factPresent(fact, text)
import { CATEGORIES, SECTIONS } from './kit.mjs';

function textOf(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('\n');
  return '';
}

/** Each conversation block of a Claude Code log as { place, line, text }. */
export function logPlaces(logText) {
  const out = [];
  logText.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let record;
    try {
      record = JSON.parse(raw);
    } catch {
      return;
    }
    const line = index + 1;
    const content = record.message?.content;
    if (record.type === 'attachment') out.push({ place: 'attachment', line, text: JSON.stringify(record.attachment ?? {}) });
    else if (record.type === 'user') {
      if (record.isCompactSummary) out.push({ place: 'compact_summary', line, text: textOf(content) });
      else if (typeof content === 'string') out.push({ place: record.isMeta ? 'meta' : 'user', line, text: content });
      else if (Array.isArray(content)) {
        for (const block of content) {
          if (block.type === 'tool_result') out.push({ place: 'tool_result', line, text: textOf(block.content) });
          else if (block.type === 'text') out.push({ place: record.isMeta ? 'meta' : 'user', line, text: block.text });
        }
      }
    } else if (record.type === 'assistant' && Array.isArray(content)) {
      for (const block of content) {
        if (block.type === 'thinking') out.push({ place: 'thinking', line, text: block.thinking ?? '' });
        else if (block.type === 'text') out.push({ place: 'text', line, text: block.text });
        else if (block.type === 'tool_use')
          out.push({ place: 'tool_use', line, text: JSON.stringify(block.input) + '\n' + Object.values(block.input ?? {}).join('\n') });
      }
    }
  });
  return out;
}

export function normalize(text) {
  return String(text)
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~"'$])/g, '$1') // Markdown escapes
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// A number counts only as a whole number: 4817 is not found in 148172 or in "line 48170".
export function containsString(haystack, string) {
  const needle = normalize(string);
  if (!/^[\d.,%]+$/.test(needle)) return haystack.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`).test(haystack);
}

export function factPresent(fact, text) {
  const haystack = normalize(text ?? '');
  return fact.strings.every((string) => containsString(haystack, string));
}

function placesOf(string, places) {
  return places.filter((p) => containsString(normalize(p.text), string));
}

/** Problems with the planting: a fact not where its category says makes every figure meaningless. */
export function checkPlanting({ facts, negatives }, logText) {
  // A compaction summary restates the conversation; it is a model's retelling, not a place of its own.
  const everywhere = logPlaces(logText);
  const places = everywhere.filter((p) => p.place !== 'compact_summary');
  const problems = [];
  for (const fact of facts) {
    const category = CATEGORIES.find((c) => c.id === fact.category);
    const allowed = fact.places ?? category.places;
    fact.strings.forEach((string, index) => {
      const found = placesOf(string, places);
      const kinds = [...new Set(found.map((p) => p.place))];
      const where = kinds.join(', ') || 'nowhere';
      if (found.length === 0) problems.push(`${fact.id}: "${string}" is nowhere in the log`);
      else if (fact.category === 'rejected') {
        if (kinds.includes('user')) problems.push(`${fact.id}: "${string}" is in a user message`);
        if (index === 0 && !kinds.includes('tool_use')) problems.push(`${fact.id}: "${string}" was never tried in a tool call (found in ${where})`);
        if (index === 1 && !kinds.some((k) => k === 'thinking' || k === 'text')) problems.push(`${fact.id}: the why "${string}" is not in thinking or text`);
      } else if (category.only) {
        if (kinds.some((k) => !allowed.includes(k))) problems.push(`${fact.id}: "${string}" should be only in ${allowed.join('|')}, found in ${where}`);
      } else if (!kinds.some((k) => allowed.includes(k))) problems.push(`${fact.id}: "${string}" should be in ${allowed.join('|')}, found in ${where}`);
    });
  }
  for (const negative of negatives) {
    if (placesOf(negative.text, everywhere).length === 0) problems.push(`negative fact "${negative.text}" is nowhere in the log (it would test nothing)`);
  }
  return problems;
}

const HEADING_TO_ID = new Map(Object.entries(SECTIONS).map(([id, heading]) => [heading.toLowerCase(), id]));

/**
 * Sections of resume-prompt.md by the agreed headings, in whatever order they come. A level-2 or -3
 * heading whose text is one of SECTIONS (optionally followed by "(…)" or ":") starts that section;
 * any other level-2 heading starts an 'other:' section; other level-3 headings (a turn of the
 * timeline) stay inside the section around them.
 */
export function parseSections(promptText) {
  const sections = new Map();
  let current = 'other:preamble';
  for (const line of promptText.split('\n')) {
    const heading = /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const name = heading[2]
        .replace(/\s*\([^)]*\)\s*$/, '')
        .replace(/:$/, '')
        .trim()
        .toLowerCase();
      const id = HEADING_TO_ID.get(name);
      if (id) {
        current = id;
        continue;
      }
      if (heading[1] === '##') current = `other:${name}`;
    }
    sections.set(current, (sections.get(current) ?? '') + line + '\n');
  }
  return sections;
}

/** List items of a section: a line opening with "- ", "* " or "1. " starts one; other lines continue it. */
function itemsOf(text) {
  const items = [];
  for (const line of text.split('\n')) {
    if (/^\s*(?:[-*]|\d+\.)\s/.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] += `\n${line}`;
  }
  return items;
}

// "Not re-run" (never run again, the session went on) is a way of not being resolved: it claims no fix.
const UNRESOLVED = /\bunresolved\b|\bnot (?:yet )?resolved\b|\bstill fail|\bnot re-?run\b/i;
const RESOLVED = /\bresolved\b|\bfixed\b/i;

function errorStatus(item) {
  if (UNRESOLVED.test(item)) return 'unresolved';
  if (RESOLVED.test(item.replace(new RegExp(UNRESOLVED.source, 'gi'), ''))) return 'resolved';
  return 'none';
}

/** The first outcome word after the command: the detail after it may quote "pass 0" or "1 failed". */
function checkStatus(line, key) {
  const normalized = normalize(line);
  const after = normalized.slice(normalized.indexOf(normalize(key)) + normalize(key).length);
  const word = /\b(fail(?:ing|ed|s)?|pass(?:ing|ed|es)?)\b/.exec(after);
  if (!word) return 'none';
  return word[1].startsWith('fail') ? 'failing' : 'passing';
}

/** What each status fact reads as in the prompt: 'right' | 'wrong' | 'missing' | 'unclear', with the lines. */
function judgeStatus(status, sections) {
  if (status.kind === 'error') {
    const items = itemsOf(sections.get('errors') ?? '').filter((item) => containsString(normalize(item), status.key));
    if (items.length === 0) return { verdict: 'missing', said: [] };
    const said = items.map(errorStatus);
    const wrong = status.expect === 'resolved' ? said.includes('unresolved') : !said.includes('unresolved') && said.includes('resolved');
    if (wrong) return { verdict: 'wrong', said };
    return { verdict: said.includes(status.expect) ? 'right' : 'unclear', said };
  }
  const lines = (sections.get('standing') ?? '').split('\n').filter((line) => containsString(normalize(line), status.key));
  if (lines.length === 0) return { verdict: 'missing', said: [] };
  const said = lines.map((line) => checkStatus(line, status.key));
  const other = status.expect === 'passing' ? 'failing' : 'passing';
  if (said.includes(other)) return { verdict: 'wrong', said };
  return { verdict: said.includes(status.expect) ? 'right' : 'unclear', said };
}

/**
 * Scores one scenario's handover.
 * → { facts: [{ fact, kept, anywhere, extract, summary, data }], statuses: [{ status, verdict, said }],
 *     negatives: [{ negative, violated }], last: [{ expected, shown, verdict }], sections }
 */
export function scoreScenario({ facts, statuses, negatives, last = [] }, { prompt = '', extract = '', summary = '', data = '' }) {
  const sections = parseSections(prompt);
  const lastLines = (sections.get('requests') ?? '').split('\n').filter((line) => /\*\*last request\*\*/i.test(line));
  return {
    sections,
    last: last.map((expected) => ({
      expected,
      shown: lastLines.join(' / '),
      verdict: lastLines.length === 0 ? 'missing' : lastLines.some((line) => containsString(normalize(line), expected.key)) ? 'right' : 'wrong',
    })),
    facts: facts.map((fact) => {
      const category = CATEGORIES.find((c) => c.id === fact.category);
      return {
        fact,
        kept: factPresent(fact, sections.get(category.section) ?? ''),
        anywhere: factPresent(fact, prompt),
        extract: factPresent(fact, extract),
        summary: factPresent(fact, summary),
        data: factPresent(fact, data),
      };
    }),
    statuses: statuses.map((status) => ({ status, ...judgeStatus(status, sections) })),
    negatives: negatives.map((negative) => ({
      negative,
      violated: containsString(normalize(sections.get(negative.section) ?? ''), negative.text),
    })),
  };
}
