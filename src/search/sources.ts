// Where session logs live: Handover's archive, Claude Code's projects folder, Codex's sessions folder.
// Configurable (tests and the benchmark point them at temp folders).
import { readdir } from 'node:fs/promises';
import { basename, delimiter, dirname, join, relative, sep } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { claudeProjectsDir, codexSessionsDir } from '../util/agentHomes.js';
import { isLogFileName, logStem } from '../transcript/zstd.js';

export type SourceKind = 'archive' | 'claude' | 'codex' | 'extra';

export interface SourceRoot {
  kind: SourceKind;
  dir: string;
}

export interface SourceFile {
  path: string;
  source: SourceKind;
  /** Session id the path itself tells (archive folder, Claude log name), used when records carry none. */
  sessionHint?: string;
  /** `agent-….jsonl` for a Claude Code subagent log. */
  subagent?: string;
}

/**
 * The default roots: `$HANDOVER_HOME/archive`, `~/.claude/projects` (or `$CLAUDE_CONFIG_DIR/projects`),
 * `~/.codex/sessions` (or `$CODEX_HOME/sessions`). `HANDOVER_SEARCH_SOURCES` (a PATH-style list)
 * replaces them all.
 */
export function defaultSources(home: string, env: NodeJS.ProcessEnv = process.env): SourceRoot[] {
  const override = env.HANDOVER_SEARCH_SOURCES?.trim();
  if (override)
    return override
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => ({ kind: 'extra' as const, dir }));
  return [
    { kind: 'archive', dir: homePaths(home).archive },
    { kind: 'claude', dir: claudeProjectsDir(env) },
    { kind: 'codex', dir: codexSessionsDir(env) },
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a log's place in its source tells about it. */
export function describeSourceFile(root: SourceRoot, path: string): SourceFile {
  const name = basename(path);
  const parts = relative(root.dir, path).split(sep);
  const file: SourceFile = { path, source: root.kind };
  if (parts.includes('subagents')) {
    file.subagent = name;
    const session = basename(dirname(dirname(path)));
    if (UUID.test(session)) file.sessionHint = session;
  } else if (root.kind === 'archive' && parts.length > 1) {
    file.sessionHint = parts[0];
  } else {
    const stem = logStem(name);
    const uuid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(stem);
    if (uuid) file.sessionHint = uuid[1];
  }
  return file;
}

/** Every `.jsonl` (and Codex's compressed `.jsonl.zst`) log under the roots (big tool outputs in `tool-results/` are not logs). */
export async function listSourceFiles(roots: SourceRoot[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walk = async (root: SourceRoot, dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a missing source (no Codex installed) is normal
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'tool-results' && !entry.name.startsWith('.')) await walk(root, path);
      } else if (entry.isFile() && isLogFileName(entry.name)) {
        out.push(describeSourceFile(root, path));
      }
    }
  };
  for (const root of roots) await walk(root, root.dir);
  return out;
}
