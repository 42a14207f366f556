// One log for the whole extension, over a LogOutputChannel ("Handover: Show Log" opens it). The
// channel also lands in a file under the window's log folder, which the benchmark reads.
import * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m, e) => channel.error(e === undefined ? m : `${m}: ${errorText(e)}`),
    show: () => channel.show(true),
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
