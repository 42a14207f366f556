// The hook launcher, `$HANDOVER_HOME/bin/handover-hook`: Claude Code ships as a native binary, so a user
// may have no `node` at all. The extension rewrites this script on every activation to run the bundled
// CLI with VS Code's own runtime (ELECTRON_RUN_AS_NODE=1, as VS Code's git extension does for askpass),
// so it follows VS Code updates. If that runtime is gone it exits 0: a hook must never break a session.
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { homePaths } from '../util/handoverHome.js';
import { writeFileAtomic } from '../util/atomicWrite.js';

export interface LauncherOptions {
  /** The executable: VS Code's (process.execPath in the extension host), or a Node ≥ 22.13. */
  runtime: string;
  /** The bundled CLI, dist/cli.js inside the installed extension. */
  cliPath: string;
  /** True when runtime is Electron (VS Code): it then needs ELECTRON_RUN_AS_NODE=1 to act as Node. */
  electron: boolean;
  /**
   * V8's compile cache (Node ≥ 22.1 honours NODE_COMPILE_CACHE): later runs skip parsing the whole CLI
   * bundle, which is most of a hook's cost beyond starting the runtime. Default: $HANDOVER_HOME/cache/node-compile.
   */
  compileCacheDir?: string;
}

export const LAUNCHER_NAME = 'handover-hook';

export function launcherPath(home: string): string {
  return join(homePaths(home).bin, LAUNCHER_NAME);
}

/** Single-quoted for sh: safe for any path, spaces and quotes included. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function launcherScript({ runtime, cliPath, electron, compileCacheDir }: LauncherOptions): string {
  const run = shellQuote(runtime);
  const cli = shellQuote(cliPath);
  return [
    '#!/bin/sh',
    '# Written by the Handover extension on every activation; edits are overwritten.',
    '# Runs the Handover CLI for Claude Code hooks without needing `node` on PATH.',
    `if [ ! -x ${run} ] || [ ! -f ${cli} ]; then`,
    `  echo "handover-hook: ${runtime.replace(/["`$\\]/g, '')} or ${cliPath.replace(/["`$\\]/g, '')} is gone (VS Code updated or the extension moved?); open VS Code once to refresh this launcher" >&2`,
    '  exit 0',
    'fi',
    // Assigned and exported apart: `VAR=1 exec …` does not reliably export VAR in every sh.
    ...(electron ? ['ELECTRON_RUN_AS_NODE=1', 'export ELECTRON_RUN_AS_NODE'] : []),
    ...(compileCacheDir ? [`[ -n "$NODE_COMPILE_CACHE" ] || NODE_COMPILE_CACHE=${shellQuote(compileCacheDir)}`, 'export NODE_COMPILE_CACHE'] : []),
    `exec ${run} ${cli} "$@"`,
    '',
  ].join('\n');
}

/** Writes the launcher atomically (a hook may be running it right now) with mode 0755; returns its path. */
export async function writeLauncher(home: string, options: LauncherOptions): Promise<string> {
  const path = launcherPath(home);
  await mkdir(homePaths(home).bin, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, launcherScript({ compileCacheDir: join(home, 'cache', 'node-compile'), ...options }), 0o755);
  await chmod(path, 0o755);
  return path;
}
