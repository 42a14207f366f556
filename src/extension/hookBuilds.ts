// Notices when a hook is building a handover: the pre-compact hook holds `$HANDOVER_HOME/locks/<session>`
// while the builder runs. Watching that folder lets the build activity (buildActivity.ts) say "building"
// for builds the extension did not start itself. Stale locks (dead builder, past TTL) do not count.
import { watch, type FSWatcher } from 'chokidar';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { inspectLock, locksDir } from '../hooks/lock.js';

export interface HookBuildWatcher {
  close(): Promise<void>;
}

/** Calls onChange with the session ids whose handover is being built, whenever that set changes. */
export function watchHookBuilds(home: string, onChange: (sessions: string[]) => void, onError: (error: unknown) => void): HookBuildWatcher {
  const dir = locksDir(home);
  mkdirSync(dir, { recursive: true });
  const held = new Set<string>();
  let recheck: NodeJS.Timeout | undefined;

  const inspect = (path: string) => {
    const before = held.size;
    const name = basename(path);
    const isHeld = !name.startsWith('.') && inspectLock(path).state === 'held';
    const changed = isHeld ? !held.has(name) : held.has(name);
    if (isHeld) held.add(name);
    else held.delete(name);
    if (changed || before !== held.size) onChange([...held]);
    // A builder that dies leaves its lock behind: look again until every lock is gone or stale.
    clearTimeout(recheck);
    if (held.size > 0) recheck = setTimeout(() => [...held].forEach((s) => inspect(`${dir}/${s}`)), 5000);
  };

  const watcher: FSWatcher = watch(dir, { depth: 0, ignoreInitial: false });
  watcher.on('add', inspect).on('change', inspect).on('unlink', inspect).on('error', onError);
  return {
    close: async () => {
      clearTimeout(recheck);
      await watcher.close();
    },
  };
}
