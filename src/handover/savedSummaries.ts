// Compaction summaries Claude Code hands the PostCompact hook (`compact_summary`), kept per session in
// `$HANDOVER_HOME/state/compact-summaries/<session-id>.jsonl`. The log normally holds the same summary
// as its compact-summary record; a compaction path that does not write one (or a log that rotated away)
// still gets its summary into the handover. Redacted before it is written.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { redactSecrets } from '../util/redact.js';
import { isSafeSessionId } from '../util/sessionId.js';

export interface SavedSummary {
  at: string;
  trigger?: string;
  summary: string;
}

const fileOf = (home: string, sessionId: string) => join(homePaths(home).state, 'compact-summaries', `${sessionId}.jsonl`);

/** Appends one summary (one JSON line: appends of a line this small do not interleave). */
export async function saveCompactSummary(home: string, sessionId: string, entry: SavedSummary): Promise<void> {
  if (!isSafeSessionId(sessionId) || !entry.summary.trim()) return;
  const path = fileOf(home, sessionId);
  await mkdir(join(homePaths(home).state, 'compact-summaries'), { recursive: true });
  await appendFile(path, JSON.stringify({ ...entry, summary: redactSecrets(entry.summary) }) + '\n', { mode: 0o600 });
}

export async function readSavedSummaries(home: string, sessionId: string): Promise<SavedSummary[]> {
  if (!isSafeSessionId(sessionId)) return [];
  const text = await readFile(fileOf(home, sessionId), 'utf8').catch(() => '');
  const out: SavedSummary[] = [];
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as SavedSummary;
      if (typeof entry.summary === 'string' && entry.summary.trim()) out.push(entry);
    } catch {
      // A torn or foreign line: skipped.
    }
  }
  return out;
}

/** The saved summaries the log does not already hold (compared without whitespace differences). */
export function missingSummaries(inLog: string[], saved: SavedSummary[]): string[] {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  const known = inLog.map(norm);
  const out: string[] = [];
  for (const entry of saved) {
    const text = norm(entry.summary);
    // The log's record may wrap the summary ("This session is being continued…"): containment counts.
    if (known.some((k) => k.includes(text)) || out.some((o) => norm(o) === text)) continue;
    out.push(entry.summary);
  }
  return out;
}
