// Builds a handover from one agent log with the bundled CLI (`handover build … --json` in a child
// process), with the progress notification and the build activity (status bar, sidebar banner). One code path for
// "Create Handover Now" and the automatic builds when a Codex session compacts.
import * as vscode from 'vscode';
import type { BackgroundIndexer } from './backgroundIndexer.js';
import { cliFailure, type CliRunner } from './cliRunner.js';
import { readConfig } from './config.js';
import type { FoundLog } from '../transcript/latestLog.js';
import { parseBuildJson } from '../shared/cliJson.js';
import { COMMAND_IDS } from '../shared/commandIds.js';
import type { Logger } from './logger.js';
import type { BuildActivity } from './buildActivity.js';

export const API_KEY_SECRET = 'handover.anthropicApiKey';

export interface BuildDeps {
  cli: CliRunner;
  log: Logger;
  activity: BuildActivity;
  secrets: vscode.SecretStorage;
  indexer: BackgroundIndexer;
}

export interface BuildRequest {
  folder: vscode.WorkspaceFolder;
  log: Pick<FoundLog, 'path' | 'agent'>;
  /** Why it runs (the log line and the progress title say so). */
  reason: string;
  /**
   * 'ask': the Anthropic analyzer without a key asks for one and builds nothing (the user is there).
   * 'offline': it builds with the offline analysts instead (nobody asked for this build).
   */
  missingKey: 'ask' | 'offline';
}

/** Returns the resume-prompt.md path, or undefined when nothing was built (the user was told why). */
export async function buildHandover(deps: BuildDeps, request: BuildRequest): Promise<string | undefined> {
  const { cli, log, activity, secrets, indexer } = deps;
  const { folder, log: found } = request;
  const config = readConfig(folder);
  const args = ['build', found.path, '--workspace', folder.uri.fsPath, '--json'];
  const env: NodeJS.ProcessEnv = {};
  let analyzer = config.analyzer;
  if (analyzer === 'anthropic') {
    const key = await secrets.get(API_KEY_SECRET);
    if (key) {
      args.push('--analyzer', 'anthropic');
      // Only the child gets the key; it is never written anywhere.
      env.ANTHROPIC_API_KEY = key;
    } else if (request.missingKey === 'ask') {
      const choice = await vscode.window.showWarningMessage('Handover: the Anthropic analyzer needs an API key.', 'Set API Key');
      if (choice) await vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
      return undefined;
    } else {
      log.warn('the Anthropic analyzer has no API key: building with the offline analysts ("Handover: Set Anthropic API Key")');
      analyzer = 'offline';
    }
  }
  const agentName = found.agent === 'codex' ? 'Codex' : 'Claude Code';
  log.info(`building a handover from ${found.path} (${found.agent}, analyzer ${analyzer}, ${request.reason})`);
  const done = activity.begin(`Building a handover from ${agentName} log ${found.path.split('/').pop()}…`);
  let result;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Handover: building a handover…', cancellable: true },
      (_progress, token) => cli.run(args, { cwd: folder.uri.fsPath, env, token }),
    );
  } finally {
    done();
  }
  if (result.code !== 0) throw new Error(`building the handover failed: ${cliFailure(result)}`);
  const built = parseBuildJson(result.stdout);
  if (!built)
    throw new Error(`building the handover failed: the CLI printed no build result (${result.stdout.trim().split('\n').pop()?.slice(0, 200) || 'nothing'})`);
  const { promptPath } = built;
  log.info(`handover written: ${promptPath}`);
  // The build archived the log: take it into the search index, off the hot path.
  indexer.request('handover created');
  return promptPath;
}
