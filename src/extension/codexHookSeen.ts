// Whether the Codex PreCompact hook already has a session's handover in hand, so the rollout watcher
// (the fallback for users without hooks, or with hooks not yet trusted) need not build it again. No vscode.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { handoverHome, homePaths } from '../util/handoverHome.js';
import { inspectLock, lockFile } from '../hooks/lock.js';

/** How long before the watcher saw the compaction record the hook may have fired (Codex summarises in between). */
export const HOOK_LEAD_MS = 60_000;

/**
 * With Codex hooks installed (`handover install-hooks --agent codex`) and trusted, the PreCompact hook
 * builds the handover itself. Its builder holds the session's lock while it runs and appends its outcome
 * to `$HANDOVER_HOME/logs/build-<session-id>.log` (only hook builds write there): either, around the time
 * the compaction was seen, means the hook has it.
 */
export function hookHasIt(sessionId: string, seenAtMs: number, home = handoverHome()): boolean {
  if (inspectLock(lockFile(home, sessionId)).state === 'held') return true;
  try {
    return statSync(join(homePaths(home).logs, `build-${sessionId}.log`)).mtimeMs >= seenAtMs - HOOK_LEAD_MS;
  } catch {
    return false;
  }
}
