// Opens a fresh agent (Claude Code or Codex) in a terminal, seeded with a pointer to the handover's
// resume-prompt.md. The agent is the terminal's process itself (shellPath), its arguments an array:
// no shell ever parses anything, and no log text is ever on the command line.
import * as vscode from 'vscode';
import { seedPrompt } from '../handover/seedPrompt.js';
import { recordLaunch } from '../handover/chainLaunch.js';
import { handoverHome } from '../util/handoverHome.js';
import { openSetting, type HandoverConfig } from './config.js';
import type { Logger } from './logger.js';
import { resolveExecutable } from './resolveExecutable.js';

export interface LaunchRequest {
  sessionId: string;
  promptPath: string;
  workspaceFolder: string;
}

export function terminalName(sessionId: string): string {
  return `Handover: ${sessionId.slice(0, 8)}`;
}

/** Returns the terminal, or undefined when the agent binary is missing (the user was told). */
export function openAgentTerminal(request: LaunchRequest, config: HandoverConfig, log: Logger): vscode.Terminal | undefined {
  const executable = resolveExecutable(config.agentCommand);
  if (!executable) {
    const message = `Handover: the agent command "${config.agentCommand}" was not found on PATH. Install ${config.agentKind === 'codex' ? 'Codex' : 'Claude Code'} or set the full path in the setting handover.agent.command.`;
    log.error(message);
    void vscode.window.showErrorMessage(message, 'Open Setting').then((choice) => {
      if (choice) void openSetting('agent.command');
    });
    return undefined;
  }
  const seed = seedPrompt(config.agentKind, request.workspaceFolder, request.promptPath);
  const terminal = vscode.window.createTerminal({
    name: terminalName(request.sessionId),
    shellPath: executable,
    shellArgs: [...config.agentArgs, seed],
    cwd: request.workspaceFolder,
    iconPath: new vscode.ThemeIcon('debug-continue'),
  });
  // Wall-clock time in ms: the latency benchmark compares it with the time the handover arrived.
  log.info(`terminal created for ${request.sessionId} at ${Date.now()} (${executable})`);
  // The chain link of the session about to start (its seed prompt in the log says the same); off the
  // launch path: a failure to write it costs only this fallback.
  void recordLaunch(handoverHome(), { handoverId: request.sessionId, workspace: request.workspaceFolder, agent: config.agentKind, by: 'extension' }).catch((error: Error) =>
    log.warn(`could not record the launch of ${request.sessionId}: ${error.message}`),
  );
  terminal.show();
  return terminal;
}
