// Watches one workspace folder for resume-prompt.md files matching the watch glob (chokidar, so it
// works the same under every VS Code host and in tests). Only the folders that can lead to a match are
// read, so a big workspace costs one readdir of its root.
import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { compileWatchGlob } from './glob.js';

export type HandoverFileEvent = { kind: 'initial' | 'added' | 'changed' | 'removed'; promptPath: string; at: number } | { kind: 'ready'; at: number };

export interface HandoverWatcher {
  close(): Promise<void>;
}

export function watchHandovers(
  folder: string,
  glob: string,
  onEvent: (event: HandoverFileEvent) => void,
  onError: (error: unknown) => void,
  clock: () => number = Date.now,
): HandoverWatcher {
  const matcher = compileWatchGlob(glob);
  const rel = (path: string) => relative(folder, path).split(sep).join('/');
  let ready = false;
  const watcher: FSWatcher = watch(folder, {
    ignoreInitial: false,
    depth: matcher.depth,
    // `ignored` is asked for directories too: skipping those that cannot contain a match keeps the
    // watch tiny. A file is kept only when it matches the glob.
    ignored: (path, stats) => {
      const r = rel(path);
      if (r === '') return false;
      if (stats?.isFile()) return !matcher.matches(r);
      return !matcher.mayContainMatches(r);
    },
  });
  watcher.on('add', (path) => onEvent({ kind: ready ? 'added' : 'initial', promptPath: path, at: clock() }));
  watcher.on('change', (path) => onEvent({ kind: 'changed', promptPath: path, at: clock() }));
  watcher.on('unlink', (path) => onEvent({ kind: 'removed', promptPath: path, at: clock() }));
  watcher.on('unlinkDir', (path) => onEvent({ kind: 'removed', promptPath: path, at: clock() }));
  watcher.on('ready', () => {
    ready = true;
    onEvent({ kind: 'ready', at: clock() });
  });
  watcher.on('error', onError);
  return { close: () => watcher.close() };
}

/**
 * A resume-prompt.md that was written in place (not renamed in) may still be growing. Wait until two
 * reads of its size agree. Verified handovers skip this: the signature covers the content.
 */
export async function waitForStableSize(path: string, intervalMs = 150, attempts = 20): Promise<boolean> {
  let last = -1;
  for (let i = 0; i < attempts; i++) {
    const size = (await stat(path).catch(() => undefined))?.size ?? -1;
    if (size >= 0 && size === last) return true;
    last = size;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}
