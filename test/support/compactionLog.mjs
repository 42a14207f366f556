// What a real Claude Code log says about its compactions, read independently of the product's parser,
// for the e2e tests that check a handover covers everything before a compaction.
//
// Exports
//   logRecords(path) → object[]                 every JSONL record of the log, in order
//   compactions(path) → [{ line, trigger, preTokens }]
//       the `system`/`compact_boundary` records (1-based line numbers) with compactMetadata's trigger
//       ('auto' | 'manual' | …) and preTokens
//   boundaries(path) → number[]                 the boundary lines alone
//   lastBeforeBoundary(path) → number
//       the last conversation record (user/assistant/system) before the newest boundary: a handover
//       covering that compaction read at least this far
//   waitFor(predicate, ms, what) → Promise<void>  polls every 150 ms; throws naming `what` on timeout
import { readFileSync } from 'node:fs';

export const logRecords = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

export const compactions = (path) =>
  logRecords(path).flatMap((r, i) =>
    r.type === 'system' && r.subtype === 'compact_boundary'
      ? [{ line: i + 1, trigger: r.compactMetadata?.trigger, preTokens: r.compactMetadata?.preTokens }]
      : [],
  );

export const boundaries = (path) => compactions(path).map((c) => c.line);

export function lastBeforeBoundary(path) {
  const all = logRecords(path);
  const boundary = boundaries(path).at(-1);
  return all.slice(0, boundary - 1).reduce((last, r, i) => (['user', 'assistant', 'system'].includes(r.type) ? i + 1 : last), 0);
}

export async function waitFor(predicate, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
