// Every file Handover reads from a workspace or from $HANDOVER_HOME goes through here. A repository can
// commit anything under .handover/: a symlink to /dev/zero (a read that never ends and fills memory), a
// FIFO (a read that blocks forever), a symlink to ~/.ssh/id_rsa, a 10 GB file. So a read is of a
// regular file only, never through a symlink that leaves its folder, size-capped, and bounded in time.
// Refusals are one line naming the file and why.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open, lstat, realpath } from 'node:fs/promises';
import { dirname, relative, isAbsolute, sep } from 'node:path';

export interface SafeReadOptions {
  /** The folder the file must stay inside (symlinks may not lead out of it). Default: its own folder. */
  root?: string;
  /** Larger files are refused. */
  maxBytes: number;
  /** The whole read must finish within this (default 5 s). */
  timeoutMs?: number;
  /** The user's own files (~/.claude/settings.json kept in a dotfiles repo) may be symlinks anywhere. */
  allowLinksOut?: boolean;
}

/** A file that is not read, and why (one line). `code` is ENOENT when it simply is not there. */
export class UnsafeReadError extends Error {
  constructor(
    message: string,
    readonly code: 'ENOTREG' | 'ESYMLINK' | 'ETOOBIG' | 'ETIMEDOUT' | 'EREAD',
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 5_000;
// O_NONBLOCK: a FIFO put in place between the check and the open cannot block the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}

function checkStats(path: string, info: Stats, maxBytes: number): void {
  if (!info.isFile()) throw new UnsafeReadError(`${path} is ${kindOf(info)}, not a regular file: not read`, 'ENOTREG');
  if (info.size > maxBytes) throw new UnsafeReadError(`${path} is ${info.size} bytes, more than the ${maxBytes} allowed: not read`, 'ETOOBIG');
}

function checkLink(path: string, root: string, real: string, realRoot: string): void {
  if (!inside(realRoot, real)) throw new UnsafeReadError(`${path} is a symbolic link out of ${root}: not read`, 'ESYMLINK');
}

/** The file's bytes, or UnsafeReadError (ENOENT and other fs errors pass through as they are). */
export async function readFileSafe(path: string, options: SafeReadOptions): Promise<Buffer> {
  const root = options.root ?? dirname(path);
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const link = await lstat(path);
  if (link.isSymbolicLink()) {
    if (!options.allowLinksOut) checkLink(path, root, await realpath(path), await realpath(root));
  } else checkStats(path, link, options.maxBytes);
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    checkStats(path, info, options.maxBytes);
    // The file opened must be the one checked (not swapped between lstat and open).
    if (!link.isSymbolicLink() && (info.ino !== link.ino || info.dev !== link.dev))
      throw new UnsafeReadError(`${path} changed while it was opened: not read`, 'EREAD');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (Date.now() > deadline)
        throw new UnsafeReadError(`${path}: reading took longer than ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms: not read`, 'ETIMEDOUT');
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, options.maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw new UnsafeReadError(`${path} grew past the ${options.maxBytes} bytes allowed: not read`, 'ETOOBIG');
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readFileSafe for the hooks' synchronous hot path. */
export function readFileSafeSync(path: string, options: SafeReadOptions): Buffer {
  const root = options.root ?? dirname(path);
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const link = lstatSync(path);
  if (link.isSymbolicLink()) {
    if (!options.allowLinksOut) checkLink(path, root, realpathSync(path), realpathSync(root));
  } else checkStats(path, link, options.maxBytes);
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    checkStats(path, info, options.maxBytes);
    if (!link.isSymbolicLink() && (info.ino !== link.ino || info.dev !== link.dev))
      throw new UnsafeReadError(`${path} changed while it was opened: not read`, 'EREAD');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (Date.now() > deadline)
        throw new UnsafeReadError(`${path}: reading took longer than ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms: not read`, 'ETIMEDOUT');
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, options.maxBytes + 1 - total));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw new UnsafeReadError(`${path} grew past the ${options.maxBytes} bytes allowed: not read`, 'ETOOBIG');
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Size caps for what Handover itself writes (generous: a refusal means something is wrong). */
export const READ_LIMITS = {
  /** resume-prompt.md, handover.json, extract.md. */
  handoverFile: 64 * 1024 * 1024,
  signature: 1024 * 1024,
  key: 4096,
  lock: 64 * 1024,
  settings: 4 * 1024 * 1024,
  manifest: 16 * 1024 * 1024,
} as const;
