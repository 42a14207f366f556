// Which session a log belongs to, read from its first records: the archive and the handover folder
// are keyed by it, so it is needed before the log is archived and analysed.
import { basename } from 'node:path';
import type { AgentKind } from '../transcript/events.js';
import { forEachLine, type RawLine } from '../transcript/lineReader.js';
import { logStem } from '../transcript/zstd.js';

export interface SessionIdentity {
  sessionId: string;
  agent: AgentKind;
  cwd?: string;
}

import { isSafeSessionId } from '../util/sessionId.js';
import { isLegacyCodexHeader } from '../transcript/codexRecords.js';

// The identity is in the first records, however long they are (a pasted 300 KB screenshot in the first
// message used to push it past a fixed 256 KB head, issue 12): records are read whole, up to the line
// reader's own limit per line, and at most this many are looked at.
const MAX_RECORDS = 200;

/** Thrown from the line callback to stop reading once the identity is known. */
const DONE = Symbol('identity found');

export async function readSessionIdentity(logPath: string): Promise<SessionIdentity | undefined> {
  let agent: AgentKind | undefined;
  let sessionId: string | undefined;
  let cwd: string | undefined;
  let records = 0;
  const onLine = ({ bytes }: RawLine) => {
    if (records > MAX_RECORDS) throw DONE;
    if (bytes[0] !== 0x7b /* { */) return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      return; // not JSON, or nested too deep to parse: the next record may say
    }
    if (!record || typeof record !== 'object') return;
    // Claude Code's bookkeeping records (titles, file-history snapshots) can lead a log by the hundred
    // (one title per resume): they say the agent but not the session, and do not count against the cap.
    if ((record.type === 'summary' && typeof record.leafUuid === 'string') || (record.type === 'file-history-snapshot' && 'snapshot' in record)) {
      agent ??= 'claude';
      return;
    }
    records++;
    if (record.type === 'session_meta' && typeof record.payload === 'object' && record.payload !== null) {
      const payload = record.payload as Record<string, unknown>;
      const meta = (typeof payload.meta === 'object' && payload.meta !== null ? payload.meta : payload) as Record<string, unknown>;
      agent = 'codex';
      sessionId ??= typeof meta.id === 'string' ? meta.id : typeof meta.session_id === 'string' ? meta.session_id : undefined;
      cwd ??= typeof meta.cwd === 'string' ? meta.cwd : undefined;
    } else if (typeof record.sessionId === 'string') {
      agent ??= 'claude';
      sessionId ??= record.sessionId;
      cwd ??= typeof record.cwd === 'string' ? record.cwd : undefined;
    } else if (typeof record.payload === 'object' && typeof record.timestamp === 'string') {
      agent ??= 'codex';
    } else if (isLegacyCodexHeader(record)) {
      // Codex 0.1x–0.2x: `{id, timestamp, instructions}` first, no envelope.
      agent ??= 'codex';
      sessionId ??= record.id as string;
    }
    if (sessionId && cwd) throw DONE;
  };
  try {
    await forEachLine(logPath, onLine);
  } catch (error) {
    if (error !== DONE) throw error;
  }
  if (!agent) return undefined;
  // A Claude Code log is named after its session (one of titles or snapshots only says nothing else); a Codex rollout ends with the session's uuid.
  const fromName = logStem(basename(logPath)).replace(/^rollout-.*?([0-9a-f]{8}-[0-9a-f-]{27,})$/, '$1');
  const id = sessionId && isSafeSessionId(sessionId) ? sessionId : isSafeSessionId(fromName) ? fromName : undefined;
  return id ? { sessionId: id, agent, cwd } : undefined;
}
