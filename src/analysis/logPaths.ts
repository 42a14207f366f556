// Paths as a session log wrote them, read in the log's own style. A Claude Code session on Windows logs
// `C:\Users\me\proj\a.txt`; the handover may be built on Linux. Such paths are kept in one canonical
// form (forward slashes, upper-case drive letter) and are never resolved against this process's cwd.
import { posix } from 'node:path';

const DRIVE = /^[A-Za-z]:[\\/]/;
const UNC = /^\\\\[^\\]/;

/** Whether the path is written Windows-style (a drive letter or a UNC share). */
export function isWindowsPath(path: string): boolean {
  return DRIVE.test(path) || UNC.test(path);
}

/**
 * The canonical form: Windows paths with '/' and an upper-case drive letter; when the session is known
 * to be a Windows one, relative paths with backslashes are converted too.
 */
export function canonicalLogPath(path: string, windowsSession = false): string {
  if (DRIVE.test(path)) return path[0].toUpperCase() + ':' + path.slice(2).replace(/\\/g, '/');
  if (UNC.test(path)) return '//' + path.slice(2).replace(/\\/g, '/');
  return windowsSession ? path.replace(/\\/g, '/') : path;
}

export function isAbsoluteLogPath(path: string): boolean {
  return path.startsWith('/') || DRIVE.test(path) || UNC.test(path);
}

/** posix.normalize that keeps a drive root (`C:/..` stays `C:/`) and a UNC prefix. */
export function normalizeLogPath(path: string): string {
  const drive = /^[A-Z]:(?=\/)/.exec(path)?.[0];
  if (drive) return drive + posix.normalize(path.slice(drive.length));
  if (path.startsWith('//') && !path.startsWith('///')) return '/' + posix.normalize(path.slice(1));
  return posix.normalize(path);
}

/**
 * `path` seen from `cwd`, both canonical. A relative path with no absolute cwd stays relative: it is
 * never resolved against the directory Handover happens to run in.
 */
export function resolveLogPath(cwd: string | undefined, path: string): string {
  if (isAbsoluteLogPath(path)) return normalizeLogPath(path);
  if (cwd === undefined || cwd === '') return normalizeLogPath(path);
  return normalizeLogPath(`${cwd.replace(/\/+$/, '')}/${path}`);
}

/** `path` relative to `root` when inside it ('.' for the root itself), else undefined. */
export function relativeInside(root: string, path: string): string | undefined {
  const base = normalizeLogPath(root).replace(/\/+$/, '');
  const caseless = /^[A-Z]:\//.test(base) || base.startsWith('//');
  const [b, p] = caseless ? [base.toLowerCase(), path.toLowerCase()] : [base, path];
  if (p === b) return '.';
  if (p.startsWith(b + '/')) return path.slice(base.length + 1);
  return undefined;
}
