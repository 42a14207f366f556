// Compaction summaries Claude Code hands the PostCompact hook (`compact_summary`), kept per session in
// `$HANDOVER_HOME/state/compact-summaries/<session-id>.jsonl`. The log normally holds the same summary
// as its compact-summary record; a compaction path that does not write one (or a log that rotated away)
// still gets its summary into the handover. Redacted before it is written.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOVER_FILES } from '../shared/handoverData.js';
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

/**
 * Adds to the handover in `dir` the saved summaries it does not hold yet (a build that began before
 * PostCompact saved one). Returns how many were added.
 */
export async function addMissingSummaries(dir: string, home: string, sessionId: string): Promise<number> {
  const saved = await readSavedSummaries(home, sessionId);
  if (!saved.length) return 0;
  const data = JSON.parse(await readFile(join(dir, HANDOVER_FILES.data), 'utf8')) as { summary?: { compactionSummaries?: string[] } };
  const missing = missingSummaries(data.summary?.compactionSummaries ?? [], saved);
  if (!missing.length) return 0;
  const { addCompactionSummary } = await import('./build.js');
  let added = 0;
  for (const summary of missing) if (await addCompactionSummary(dir, home, summary)) added++;
  return added;
}
