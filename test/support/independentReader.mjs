// A deliberately separate, minimal reader of session logs for corpus invariants: it shares no code with
// src/transcript, so a bug in the product's reader cannot hide itself from the tests. It answers one
// question: which texts did a person type? (Claude Code: text of non-meta, non-sidechain user records,
// minus what Claude Code injects; Codex: user messages minus injected context.)
import { readFileSync } from 'node:fs';

/** Texts wrapped by Claude Code or Codex around or instead of what the user typed. */
const INJECTED_START =
  /^\s*(<(command-|local-command-|system-reminder|bash-|user-prompt-submit-hook|environment_context|user_instructions|permissions|task-notification|ide_|turn_aborted|skills_instructions|collaboration_mode)|Caveat: |\[Request interrupted|# AGENTS\.md|<INSTRUCTIONS>|This session is being continued from a previous conversation)/;

function textsOfContent(content) {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  const texts = [];
  for (const block of content) {
    if (block && typeof block === 'object' && (block.type === 'text' || block.type === 'input_text') && typeof block.text === 'string') texts.push(block.text);
  }
  return texts;
}

/** Codex IDE extensions prepend the open tabs; the typed words follow this marker. */
const CODEX_REQUEST_MARKER = '## My request for Codex:';
const typedPart = (text) => (text.includes(CODEX_REQUEST_MARKER) ? text.slice(text.indexOf(CODEX_REQUEST_MARKER) + CODEX_REQUEST_MARKER.length) : text);

/** Every typed text of one log file, in order, each with its 1-based line. */
export function typedUserTexts(path) {
  const out = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let codex = false;
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    let record;
    try {
      record = JSON.parse(raw);
    } catch {
      return;
    }
    if (!record || typeof record !== 'object') return;
    if (record.type === 'session_meta' || record.type === 'response_item' || record.type === 'event_msg' || record.type === 'turn_context') codex = true;
    if (!codex && record.type === 'user' && !record.isMeta && !record.isCompactSummary && record.isSidechain !== true && record.message) {
      for (const text of textsOfContent(record.message.content)) if (!INJECTED_START.test(text) && text.trim()) out.push({ line: index + 1, text });
    }
    // Codex: the user's message item (wrapped in response_item since 0.3x, bare in the oldest rollouts).
    const item = record.type === 'response_item' ? record.payload : record.type === 'message' ? record : undefined;
    if (codex || item) {
      if (item && item.type === 'message' && item.role === 'user') {
        for (const text of textsOfContent(item.content).map(typedPart)) if (!INJECTED_START.test(text) && text.trim()) out.push({ line: index + 1, text });
      }
    }
  });
  return out;
}

/**
 * A line of the text fit for an "is it there" check: the longest line without markup, cut to 60
 * characters, whitespace collapsed. Undefined when the text has no such line (a pasted tag soup).
 */
export function probeOf(text) {
  const candidates = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length >= 8 && !/[<>`]/.test(line));
  if (!candidates.length) return undefined;
  const longest = candidates.sort((a, b) => b.length - a.length)[0];
  return longest.slice(0, 60).trim();
}

/** Whitespace collapsed, for comparing against Markdown that re-flows nothing but may re-indent. */
export const flat = (text) => text.replace(/\s+/g, ' ');
