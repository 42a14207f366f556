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
import { CLAUDE_CODE_EXTENSION_ID, claudePanelUriParts } from './claudePanelUri.js';

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
  const agent = config.agentKind === 'codex' ? 'codex' : 'claude';
  const seed = seedPrompt(agent, request.workspaceFolder, request.promptPath);
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
  void recordLaunch(handoverHome(), { handoverId: request.sessionId, workspace: request.workspaceFolder, agent, by: 'extension' }).catch((error: Error) =>
    log.warn(`could not record the launch of ${request.sessionId}: ${error.message}`),
  );
  terminal.show();
  return terminal;
}

/**
 * `handover.agent.kind: "claude-panel"`: opens Claude Code's own VS Code panel with the seed prompt filled
 * in (the user sends it). Resolves whether the editor accepted the URI; says so when Claude Code's
 * extension is not installed, since the URI would then go nowhere.
 */
export async function openClaudePanel(request: LaunchRequest, log: Logger): Promise<boolean> {
  if (!vscode.extensions.getExtension(CLAUDE_CODE_EXTENSION_ID)) {
    const message = 'Handover: handover.agent.kind is "claude-panel" but the Claude Code extension (anthropic.claude-code) is not installed.';
    log.error(message);
    void vscode.window.showErrorMessage(message, 'Open Setting').then((choice) => choice && void openSetting('agent.kind'));
    return false;
  }
  const seed = seedPrompt('claude', request.workspaceFolder, request.promptPath);
  const parts = claudePanelUriParts(seed, vscode.env.uriScheme);
  const opened = await vscode.env.openExternal(vscode.Uri.from(parts));
  log.info(`Claude Code panel ${opened ? 'opened' : 'refused'} for ${request.sessionId} at ${Date.now()}`);
  if (opened) {
    void recordLaunch(handoverHome(), { handoverId: request.sessionId, workspace: request.workspaceFolder, agent: 'claude', by: 'extension' }).catch(
      (error: Error) => log.warn(`could not record the launch of ${request.sessionId}: ${error.message}`),
    );
  }
  return opened;
}
