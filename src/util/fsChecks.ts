// Whether a path is a file or a folder right now, for the hooks' synchronous paths: false when it is
// missing or unreadable, never an exception.
import { statSync } from 'node:fs';

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
