// Runs the bundled `handover` CLI (dist/cli.js) as a child process of VS Code's own runtime
// (ELECTRON_RUN_AS_NODE=1), the way VS Code's git extension runs its helpers. The extension host stays
// responsive during a build, and the CLI, the hooks and the extension share one code path.
import { spawn } from 'node:child_process';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  run(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; token?: { onCancellationRequested(cb: () => void): unknown } }): Promise<CliResult>;
  readonly cliPath: string;
}

export function createCliRunner(cliPath: string, runtime = process.execPath): CliRunner {
  return {
    cliPath,
    run: (args, options = {}) =>
      new Promise<CliResult>((resolvePromise, reject) => {
        const child = spawn(runtime, [cliPath, ...args], {
          cwd: options.cwd,
          env: { ...process.env, ...options.env, ELECTRON_RUN_AS_NODE: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        options.token?.onCancellationRequested(() => child.kill('SIGTERM'));
        child.on('error', reject);
        child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
      }),
  };
}

/** The CLI's one-line error, without its "handover <cmd>:" prefix noise when there is one. */
export function cliFailure(result: CliResult): string {
  const line = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.code}`;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
