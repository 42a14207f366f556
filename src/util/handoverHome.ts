// Where Handover keeps its machine-wide state: the archive, the index, the signing key, locks and the
// hook launcher. `$HANDOVER_HOME` overrides it (tests point it at a temp folder).
import { chmod, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function handoverHome(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.HANDOVER_HOME?.trim();
  return override ? override : join(env.HOME?.trim() || homedir(), '.handover');
}

export const homePaths = (home: string) => ({
  archive: join(home, 'archive'),
  index: join(home, 'index.sqlite'),
  key: join(home, 'key'),
  locks: join(home, 'locks'),
  bin: join(home, 'bin'),
  /** The hooks' own log files (one line per build outcome). */
  logs: join(home, 'logs'),
  /** Small markers the hooks keep between runs (a compaction blocked once, say). */
  state: join(home, 'state'),
});

/**
 * Makes a folder of ours private (0700) when others can read it: `$HANDOVER_HOME` made by an older
 * version (0755) holds archived logs and the index. A folder owned by someone else is left alone.
 */
export async function makePrivate(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory() || (info.mode & 0o077) === 0) return;
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return;
  await chmod(dir, 0o700).catch(() => undefined);
}
