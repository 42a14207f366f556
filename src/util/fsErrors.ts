// File-system errors in words a user can act on, with the code kept for searching.
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file is in the way',
    ENOENT: 'no such file or folder',
    EISDIR: 'is a folder, not a file',
  };
  return code && words[code] ? `${words[code]} (${code})` : (code ?? (error as Error).message.split('\n')[0]);
}
