// Where Handover keeps its machine-wide state: the archive, the index, the signing key, locks and the
// hook launcher. `$HANDOVER_HOME` overrides it (tests point it at a temp folder).
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
