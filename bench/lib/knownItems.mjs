// Known-item queries for bench:search, made from raw logs by code that shares nothing with the product's
// reader or tokenizer: records are read with JSON.parse, their text taken from the fields people see,
// words are runs of letters and digits. A query is 2–3 words a person would remember from one record
// (the rarest of a few windows), an identifier mixed with words, a CJK substring, or words of an error
// line; it is kept only when at most MAX_MATCHES records of the whole corpus hold every word of it
// (counted here, in a second pass), so "the record it came from is in the top 5" is a fair question.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_MATCHES = 5;
const WORD = /[\p{L}\p{N}]+/gu;
const LETTERS = /^\p{L}{3,30}$/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{4,}/gu;
const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const IDENTIFIER = /[A-Za-z0-9_]+(?:[._/:=-][A-Za-z0-9_]+)+/g;
const ERROR_LINE = /error|failed|exception|cannot|not found|denied|fatal|panic|traceback|undefined/i;

export function listLogs(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'tool-results') walk(p);
      } else if (e.name.endsWith('.jsonl') && statSync(p).isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// What the agents inject around what people typed, and what the transcript reader deliberately leaves
// out of every view (the handover's and the index's alike): Claude Code's slash-command expansions
// (isMeta), its wrappers and reminders, Codex's developer instructions and environment blocks. Listed
// here from the agents' formats, not taken from the product.
const CLAUDE_WRAPPERS =
  /<(system-reminder|local-command-stdout|local-command-stderr|local-command-caveat|command-message|bash-stdout|bash-stderr)>[\s\S]*?<\/\1>/g;
const CODEX_INJECTED =
  /^\s*(<environment_context>|<user_instructions>|<permissions|<skills_instructions>|<collaboration_mode>|# AGENTS\.md instructions|<INSTRUCTIONS>|<turn_aborted>)/;
/** A slash command is its name and arguments (what was typed); its expansion and markup are not. */
function userTyped(text) {
  if (typeof text !== 'string') return text;
  const name = /<command-name>([\s\S]*?)<\/command-name>/.exec(text);
  if (name) return `${name[1]} ${/<command-args>([\s\S]*?)<\/command-args>/.exec(text)?.[1] ?? ''}`;
  return text.replace(CLAUDE_WRAPPERS, '');
}

/** Every string inside a tool's input (the command, the file, an edit's old and new text). */
const stringsOf = (value) =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(stringsOf)
        : [];

/** Codex writes a tool's output as text, or as a JSON string `{"output": "…", "metadata": …}`. */
function codexOutput(output) {
  if (typeof output !== 'string') return textOfContent(output?.content);
  if (output.startsWith('{')) {
    try {
      const inner = JSON.parse(output);
      if (typeof inner?.output === 'string') return inner.output;
    } catch {
      /* plain text that starts with a brace */
    }
  }
  return output;
}

const textOfContent = (c) => (typeof c === 'string' ? c : Array.isArray(c) ? c.map((b) => (typeof b === 'string' ? b : (b?.text ?? ''))).join('\n') : '');

/** The texts of one raw record a person could remember: [{ kind, text }]. */
export function recordTexts(record) {
  const out = [];
  const push = (kind, text) => {
    if (typeof text === 'string' && text.trim()) out.push({ kind, text });
  };
  if (!record || typeof record !== 'object' || record.isMeta === true) return out;
  const content = record.message?.content;
  if (record.type === 'user') {
    if (typeof content === 'string') push('user', userTyped(content));
    else if (Array.isArray(content)) {
      for (const b of content) {
        if (b?.type === 'text') push('user', userTyped(b.text));
        if (b?.type === 'tool_result') push(b.is_error ? 'tool-error' : 'tool-result', textOfContent(b.content));
      }
    }
  } else if (record.type === 'assistant' && Array.isArray(content)) {
    for (const b of content) {
      if (b?.type === 'text') push('assistant', b.text);
      if (b?.type === 'tool_use' && b.input && typeof b.input === 'object') push('tool-call', stringsOf(b.input).join('\n'));
    }
  } else if (record.type === 'response_item') {
    const p = record.payload ?? {};
    const text = Array.isArray(p.content) ? p.content.map((c) => c?.text ?? '').join('\n') : '';
    if (p.type === 'message' && p.role === 'user' && !CODEX_INJECTED.test(text)) push('user', text);
    // A compaction's output is written again as the `compacted` record (its summary): counted there.
    if (p.type === 'message' && p.role === 'assistant' && record.metadata?.compaction_output !== true) push('assistant', text);
    if (p.type === 'function_call_output') push('tool-result', codexOutput(p.output));
  } else if (record.type === 'compacted') {
    push('compaction', record.payload?.message);
  } else if (record.type === 'event_msg') {
    const p = record.payload ?? {};
    if (p.type === 'user_message' && !CODEX_INJECTED.test(p.message ?? '')) push('user', p.message);
    if (p.type === 'agent_message') push('assistant', p.message);
  }
  return out;
}

/** Every record of a log with its 1-based line: [{ line, texts }]. */
export function* logRecords(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    let record;
    try {
      record = JSON.parse(lines[i]);
    } catch {
      continue;
    }
    const texts = recordTexts(record);
    if (texts.length) yield { line: i + 1, texts };
  }
}

/**
 * Line → call id of a log's Codex tool records: Codex writes a command's output twice (the
 * exec_command_end event and the function_call_output item), and a reader keeps one of them.
 */
export function callIdsByLine(path) {
  const out = new Map();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.includes('"call_id"')) return;
      try {
        const id = JSON.parse(text)?.payload?.call_id;
        if (typeof id === 'string') out.set(i + 1, id);
      } catch {
        /* not a record */
      }
    });
  return out;
}

const wordsOf = (text) => text.match(WORD) ?? [];

/** Pass 1: in how many records each word (letters only, lower case) occurs. */
export function documentFrequencies(logs) {
  const df = new Map();
  let records = 0;
  for (const log of logs) {
    for (const { texts } of logRecords(log)) {
      records++;
      const seen = new Set();
      for (const { text } of texts) for (const w of wordsOf(text)) if (LETTERS.test(w)) seen.add(w.toLowerCase());
      for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  return { df, records };
}

/**
 * Candidate queries from the corpus: `perLog` records drawn from each log with the seeded `random`,
 * each giving one query of the kind its text allows, in the proportions the issue names.
 */
export function candidateQueries(logs, df, random, { perLog = 4, cjkEvery = 1, corpus }) {
  const rarity = (words) => words.reduce((sum, w) => sum + Math.log(1 + (df.get(w.toLowerCase()) ?? 1)), 0);
  const out = [];
  let logNumber = -1;
  for (const log of logs) {
    logNumber++;
    const records = [...logRecords(log)];
    if (records.length === 0) continue;
    const errors = records.flatMap((r) => r.texts.filter((t) => t.kind === 'tool-error' || ERROR_LINE.test(t.text)).map((t) => ({ ...t, line: r.line })));
    for (let n = 0; n < perLog; n++) {
      // Every fourth query from an error (a failed tool's output, or a line saying error/failed/…).
      const wantError = n % 4 === 3 && errors.length > 0;
      const pick = wantError ? errors[Math.floor(random() * errors.length)] : undefined;
      const record = pick ? { line: pick.line, texts: [pick] } : records[Math.floor(random() * records.length)];
      const { kind, text } = record.texts[Math.floor(random() * record.texts.length)];
      const query = makeQuery(text, kind, random, rarity, n, wantError);
      if (query) out.push({ ...query, corpus, file: log, line: record.line, kind });
    }
    // A long tool output: words from its middle half.
    const long = records.flatMap((r) => r.texts.filter((t) => t.kind.startsWith('tool-r') && t.text.length >= 4500).map((t) => ({ ...t, line: r.line })));
    if (long.length) {
      const pick = long[Math.floor(random() * long.length)];
      const middle = pick.text.slice(Math.floor(pick.text.length / 4), Math.floor((pick.text.length * 3) / 4));
      const query = wordWindow(middle, random, rarity);
      if (query) out.push({ type: 'long-output-middle', query, corpus, file: log, line: pick.line, kind: pick.kind });
    }
    // A CJK substring, when the log has any.
    const cjk =
      logNumber % cjkEvery !== 0
        ? []
        : records.flatMap((r) => r.texts.flatMap((t) => (t.text.match(CJK_RUN) ?? []).map((run) => ({ run, line: r.line, kind: t.kind }))));
    if (cjk.length) {
      const pick = cjk[Math.floor(random() * cjk.length)];
      const chars = [...pick.run];
      const length = Math.min(chars.length, 4 + Math.floor(random() * 3));
      const start = Math.floor(random() * (chars.length - length + 1));
      out.push({ type: 'cjk', query: chars.slice(start, start + length).join(''), corpus, file: log, line: pick.line, kind: pick.kind });
    }
  }
  const seen = new Set();
  return out.filter((q) => {
    const key = `${q.query}\0${q.file}\0${q.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function wordWindow(text, random, rarity) {
  const tokens = text.split(/\s+/).filter((t) => LETTERS.test(t));
  if (tokens.length < 2) return undefined;
  let best;
  for (let tries = 0; tries < 8; tries++) {
    const size = 2 + Math.floor(random() * 2);
    const at = Math.floor(random() * Math.max(1, tokens.length - size + 1));
    const words = tokens.slice(at, at + size);
    if (words.length < 2) continue;
    const r = rarity(words);
    if (!best || r < best.r) best = { words, r };
  }
  return best?.words.join(' ');
}

function makeQuery(text, kind, random, rarity, n, wantError) {
  if (wantError) {
    const lines = text.split('\n').filter((l) => ERROR_LINE.test(l));
    if (lines.length) {
      const line = lines[Math.floor(random() * lines.length)];
      const words = wordWindow(line, random, rarity);
      const id = line.match(IDENTIFIER)?.[0];
      if (id && words) return { type: 'error-line', query: `${id} ${words.split(' ')[0]}` };
      if (words) return { type: 'error-line', query: words };
    }
  }
  if (n % 4 === 1) {
    const ids = (text.match(IDENTIFIER) ?? []).filter((id) => id.length >= 6 && /[A-Za-z]{3}/.test(id));
    const words = wordWindow(text, random, rarity);
    if (ids.length && words)
      return {
        type: 'identifier+words',
        query: `${ids[Math.floor(random() * ids.length)]} ${words
          .split(' ')
          .slice(0, 1 + Math.floor(random() * 2))
          .join(' ')}`,
      };
  }
  const words = wordWindow(text, random, rarity);
  return words ? { type: 'words', query: words } : undefined;
}

/** The words (lower case) and CJK substrings a record must hold for the query to match it. */
export function queryNeedles(query) {
  const cjk = query.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? [];
  const words = wordsOf(query.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu, ' ')).map((w) => w.toLowerCase());
  return { words, cjk };
}

/** Pass 2: how many records hold every needle of each query (a count per query, in order). */
export function countMatches(logs, queries) {
  const byWord = new Map();
  const cjkQueries = [];
  const needles = queries.map((q) => queryNeedles(q.query));
  const counts = queries.map(() => 0);
  needles.forEach((n, i) => {
    if (n.words.length) {
      const key = n.words[0];
      if (!byWord.has(key)) byWord.set(key, []);
      byWord.get(key).push(i);
    } else cjkQueries.push(i);
  });
  for (const log of logs) {
    for (const { texts } of logRecords(log)) {
      const joined = texts.map((t) => t.text).join('\n');
      const words = new Set(wordsOf(joined.replace(CJK_ANY, ' ')).map((w) => w.toLowerCase()));
      const holds = (i) => needles[i].words.every((w) => words.has(w)) && needles[i].cjk.every((c) => joined.includes(c));
      for (const w of words) {
        const list = byWord.get(w);
        if (list) for (const i of list) if (holds(i)) counts[i]++;
      }
      if (cjkQueries.length && /[\u3040-\u9fff\uac00-\ud7af]/.test(joined)) for (const i of cjkQueries) if (holds(i)) counts[i]++;
    }
  }
  return counts;
}
