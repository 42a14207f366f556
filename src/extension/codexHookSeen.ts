// Whether the Codex PreCompact hook already has a session's handover in hand, so the rollout watcher
// (the fallback for users without hooks, or with hooks not yet trusted) need not build it again. No vscode.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { handoverHome } from '../util/handoverHome.js';
import { inspectLock, lockFile } from '../hooks/lock.js';

/**
 * With Codex hooks installed (`handover install-hooks --agent codex`) and trusted, the PreCompact hook
 * builds the handover itself; this watcher is then only the fallback. The hook's lock, or a handover of
 * the session signed since the compaction was seen, means the hook has it.
 */
export function hookHasIt(folder: string, sessionId: string, seenAtMs: number, home = handoverHome()): boolean {
  if (inspectLock(lockFile(home, sessionId)).state === 'held') return true;
  try {
    return statSync(join(folder, HANDOVER_DIR, sessionId, HANDOVER_FILES.signature)).mtimeMs >= seenAtMs - 60_000;
  } catch {
    return false;
  }
}
