// Finds an executable the way a shell would, so a missing agent is reported before a terminal opens
// (VS Code would otherwise show a terminal that dies with a cryptic exit code).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export function resolveExecutable(command: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  const isRunnable = (path: string) => {
    try {
      if (!statSync(path).isFile()) return false;
      if (platform !== 'win32') accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
  if (isAbsolute(command) || command.includes('/')) {
    return extensions.map((ext) => command + ext).find(isRunnable);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const found = extensions.map((ext) => join(dir, command + ext)).find(isRunnable);
    if (found) return found;
  }
  return undefined;
}
