// `handover show <session-id>:<line>`: one record of a log, readable, with a few records around it.
// The index (when there is one) says where the neighbouring records start, so only those lines are read.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TranscriptEvent } from '../transcript/events.js';
import { LogInputError, readTranscript } from '../transcript/reader.js';
import type { SearchIndex } from './indexStore.js';
import { listSourceFiles, type SourceRoot } from './sources.js';
import { unitOf, type UnitKind } from './units.js';

export interface RecordRef {
  file: string;
  line: number;
  sessionId?: string;
}

export interface ShownRecord {
  line: number;
  kind: UnitKind;
  timestamp: string | undefined;
  text: string;
  /** The record asked for (the others are context). */
  target: boolean;
}

export interface RecordContextView {
  file: string;
  line: number;
  sessionId: string | undefined;
  records: ShownRecord[];
}

export class RecordNotFoundError extends Error {}

class StopReading extends LogInputError {}

const FULL_LIMITS = { resultHead: 16 * 1024, resultTail: 4 * 1024, errorMax: 64 * 1024, textMax: 256 * 1024, toolInputMax: 8 * 1024 };

/** Splits `<session-id>:<line>` or `<path>:<line>`. */
export function parseRecordSpec(spec: string, cwd: string): { target: string; line: number; isPath: boolean } {
  const match = /^(.+):(\d+)$/.exec(spec.trim());
  if (!match) throw new RecordNotFoundError(`'${spec}' is not <session-id>:<line> (e.g. 3f2a…:120, as 'handover search' prints it)`);
  const target = match[1];
  const isPath = target.includes('/') || /\.jsonl(\.zst)?$/.test(target) || existsSync(resolve(cwd, target));
  return { target: isPath ? resolve(cwd, target) : target, line: Number(match[2]), isPath };
}

interface FileCandidate {
  path: string;
  session_id: string | null;
  subagent: string | null;
  source: string;
}

/**
 * The log a `<session-id>:<line>` points into: the session's main log (not a subagent's), the live
 * one when it still exists (it holds everything the archived copy does), else the archived copy.
 * A unique prefix of the session id is enough.
 */
export async function resolveRecordRef(spec: string, options: { cwd: string; index?: SearchIndex; sources?: SourceRoot[] }): Promise<RecordRef> {
  const { target, line, isPath } = parseRecordSpec(spec, options.cwd);
  if (isPath) {
    if (!existsSync(target)) throw new RecordNotFoundError(`no such log: ${target}`);
    return { file: target, line };
  }
  let candidates: FileCandidate[] = [];
  if (options.index) {
    candidates = options.index.db
      .prepare("SELECT path, session_id, subagent, source FROM files WHERE session_id = ? OR session_id LIKE ? || '%' ESCAPE '\\'")
      .all(
        target,
        target.replace(/[\\%_]/g, (c) => `\\${c}`),
      ) as unknown as FileCandidate[];
  }
  if (candidates.length === 0 && options.sources) {
    candidates = (await listSourceFiles(options.sources))
      .filter((f) => f.sessionHint?.startsWith(target))
      .map((f) => ({ path: f.path, session_id: f.sessionHint ?? null, subagent: f.subagent ?? null, source: f.source }));
  }
  const sessions = new Set(candidates.map((c) => c.session_id));
  if (sessions.size > 1) throw new RecordNotFoundError(`'${target}' matches ${sessions.size} sessions; give more of the id`);
  const ranked = candidates
    .filter((c) => c.subagent === null && existsSync(c.path))
    .sort((a, b) => Number(a.source === 'archive') - Number(b.source === 'archive') || statSync(b.path).size - statSync(a.path).size);
  if (ranked.length === 0) throw new RecordNotFoundError(`no log found for session '${target}' (run 'handover index' first?)`);
  return { file: ranked[0].path, line, sessionId: ranked[0].session_id ?? undefined };
}

function neighbourLines(index: SearchIndex | undefined, file: string, line: number, context: number) {
  if (!index) return undefined;
  const row = index.db.prepare('SELECT id FROM files WHERE path = ?').get(file) as { id: number } | undefined;
  if (!row) return undefined;
  const before = index.db
    .prepare('SELECT line, min(offset) AS offset FROM units WHERE file_id = ? AND line <= ? GROUP BY line ORDER BY line DESC LIMIT ?')
    .all(row.id, line, context + 1) as Array<{ line: number; offset: number }>;
  const after = index.db.prepare('SELECT DISTINCT line FROM units WHERE file_id = ? AND line > ? ORDER BY line LIMIT ?').all(row.id, line, context) as Array<{
    line: number;
  }>;
  const first = before.at(-1);
  return { startOffset: first?.offset ?? 0, startLine: first?.line ?? 1, lastLine: after.at(-1)?.line ?? line };
}

/** Reads the record at `ref.line` and up to `context` records before and after it. */
export async function readRecordContext(ref: RecordRef, options: { index?: SearchIndex; context?: number } = {}): Promise<RecordContextView> {
  const context = options.context ?? 3;
  const range = neighbourLines(options.index, ref.file, ref.line, context);
  const collected: Array<{ event: TranscriptEvent; kind: UnitKind; text: string }> = [];
  let sessionId = ref.sessionId;
  const lastLine = range?.lastLine;
  try {
    await readTranscript(
      ref.file,
      (event) => {
        sessionId ??= event.sessionId;
        if (lastLine !== undefined && event.line > lastLine) throw new StopReading('stop');
        // Without the index the whole log is read: keep only a window around the target.
        if (event.line > ref.line + 1000 && lastLine === undefined) throw new StopReading('stop');
        const unit = unitOf(event, FULL_LIMITS);
        if (unit) collected.push({ event, kind: unit.kind, text: unit.text });
      },
      { interest: 'all', startOffset: range?.startOffset, startLine: range?.startLine },
    );
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  const targetAt = collected.findIndex((c) => c.event.line === ref.line);
  if (targetAt === -1) throw new RecordNotFoundError(`line ${ref.line} of ${ref.file} holds no searchable record`);
  let targetEnd = targetAt;
  while (targetEnd + 1 < collected.length && collected[targetEnd + 1].event.line === ref.line) targetEnd++;
  const window = collected.slice(Math.max(0, targetAt - context), targetEnd + 1 + context);
  return {
    file: ref.file,
    line: ref.line,
    sessionId,
    records: window.map((c) => ({ line: c.event.line, kind: c.kind, timestamp: c.event.timestamp, text: c.text, target: c.event.line === ref.line })),
  };
}

function clip(text: string, maxLines: number): string {
  const lines = text.split('\n');
  if (lines.length <= maxLines) return text;
  return [...lines.slice(0, maxLines), `… (${lines.length - maxLines} more lines)`].join('\n');
}

/** Plain-text rendering: the target in full (up to a few hundred lines), the context clipped. */
export function formatRecordContext(view: RecordContextView, options: { bold?: (s: string) => string } = {}): string {
  const bold = options.bold ?? ((s: string) => s);
  const out: string[] = [`${view.file}${view.sessionId ? `  (session ${view.sessionId})` : ''}`, ''];
  for (const record of view.records) {
    const header = `${record.target ? '▶' : ' '} line ${record.line} · ${record.kind}${record.timestamp ? ` · ${record.timestamp}` : ''}`;
    out.push(record.target ? bold(header) : header);
    const body = clip(record.text.trimEnd(), record.target ? 400 : 6);
    out.push(...body.split('\n').map((l) => `    ${l}`), '');
  }
  return out.join('\n');
}
