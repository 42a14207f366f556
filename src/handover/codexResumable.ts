// Codex resumes a session (`codex resume <id>`) only if its state database (`$CODEX_HOME/state_N.sqlite`,
// table `threads`) has a row for it: a rollout copied from elsewhere, restored from an archive or left
// behind by a reset is readable but not resumable. A handover does not need it (it starts a fresh
// session seeded with resume-prompt.md), but the user is told, so nobody tries `codex resume` in vain.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codexHome } from '../util/agentHomes.js';
import { loadSqlite } from '../search/sqliteRuntime.js';

export type CodexResumability = 'resumable' | 'not-in-state-db' | 'unknown';

/** The newest state database (the highest schema number Codex has written). */
function stateDatabase(home: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(home);
  } catch {
    return undefined;
  }
  const found = names
    .map((name) => ({ name, n: Number(/^state_(\d+)\.sqlite$/.exec(name)?.[1]) }))
    .filter((entry) => Number.isInteger(entry.n))
    .sort((a, b) => b.n - a.n)[0];
  return found ? join(home, found.name) : undefined;
}

/** Whether `codex resume <sessionId>` can reopen this session; 'unknown' without a readable state database. */
export function codexResumability(sessionId: string, env: NodeJS.ProcessEnv = process.env): CodexResumability {
  const path = stateDatabase(codexHome(env));
  if (!path) return 'unknown';
  try {
    const { DatabaseSync } = loadSqlite();
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db.prepare('SELECT 1 AS found FROM threads WHERE id = ?').get(sessionId) ? 'resumable' : 'not-in-state-db';
    } finally {
      db.close();
    }
  } catch {
    return 'unknown'; // locked, another schema, no node:sqlite: say nothing rather than guess
  }
}

/** The line to tell the user, or undefined when there is nothing to say. */
export function codexResumeNote(sessionId: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (codexResumability(sessionId, env) !== 'not-in-state-db') return undefined;
  return `Codex has no record of session ${sessionId} in its state database, so 'codex resume ${sessionId}' cannot reopen it; the handover starts a fresh session instead`;
}
