// Codex CLI has no hooks, so its compactions are noticed in its rollouts (codexCompactions.ts): when a
// Codex session whose cwd lies in a workspace folder compacts, a handover is built from its rollout the
// way "Create Handover Now" builds one, and the handover watcher offers or starts the resume as for
// Claude Code. Trusted workspaces only; `handover.codex.autoHandover` turns it off.
import * as vscode from 'vscode';
import { CONFIG_SECTION, readConfig } from './config.js';
import {
  codexSessionsDir,
  createKeyedDebouncer,
  watchCodexCompactions,
  workspaceFolderFor,
  type CodexCompaction,
  type CodexCompactionWatcher,
} from '../transcript/codexCompactions.js';
import { buildHandover, type BuildDeps } from './handoverBuild.js';
import { errorText } from './logger.js';
import { hookHasIt } from './codexHookSeen.js';

/** Codex keeps writing right after the compaction record: let the burst settle before reading the rollout. */
export const CODEX_BUILD_DELAY_MS = 1500;

export function startCodexCompactionWatcher(deps: BuildDeps, sessionsDir = codexSessionsDir()): vscode.Disposable {
  const { log } = deps;
  let watcher: CodexCompactionWatcher | undefined;
  /** The folder each pending build goes to, the session and when its compaction was seen, by rollout path. */
  const targets = new Map<string, { folder: vscode.WorkspaceFolder; sessionId: string; seenAtMs: number }>();

  const builds = createKeyedDebouncer({
    delayMs: CODEX_BUILD_DELAY_MS,
    run: async (rolloutPath) => {
      const target = targets.get(rolloutPath);
      if (!target || !vscode.workspace.isTrusted) return;
      const { folder } = target;
      if (hookHasIt(target.sessionId, target.seenAtMs)) {
        log.info(`Codex session ${target.sessionId}: the PreCompact hook builds its handover; the rollout watcher stands aside`);
        return;
      }
      try {
        await buildHandover(deps, { folder, log: { path: rolloutPath, agent: 'codex' }, reason: 'a Codex session compacted', missingKey: 'offline' });
      } catch (error) {
        log.error(`building a handover for the Codex compaction in ${rolloutPath} failed`, error);
        void vscode.window.showErrorMessage(`Handover: ${errorText(error)}`, 'Show Log').then((c) => c && log.show());
      }
    },
  });

  const onCompaction = (compaction: CodexCompaction) => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const root = workspaceFolderFor(
      compaction.session.cwd,
      folders.map((f) => f.uri.fsPath),
    );
    const folder = folders.find((f) => f.uri.fsPath === root);
    if (!folder) return; // Another project's session.
    if (!vscode.workspace.isTrusted || !readConfig(folder).codexAutoHandover) {
      log.info(
        `Codex session ${compaction.session.id} compacted; no handover (${vscode.workspace.isTrusted ? 'handover.codex.autoHandover is off' : 'workspace not trusted'})`,
      );
      return;
    }
    log.info(`Codex session ${compaction.session.id} compacted (${compaction.rolloutPath}): building a handover for ${folder.uri.fsPath}`);
    targets.set(compaction.rolloutPath, { folder, sessionId: compaction.session.id, seenAtMs: Date.now() });
    builds.request(compaction.rolloutPath);
  };

  const wanted = () =>
    vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === 'file' && readConfig(f).codexAutoHandover);

  const refresh = () => {
    if (wanted() && !watcher) {
      watcher = watchCodexCompactions({ sessionsDir, onCompaction, onError: (error) => log.error('watching the Codex rollouts failed', error) });
      void watcher.ready.then(() => log.info(`watching Codex rollouts in ${sessionsDir} (today and yesterday)`));
    } else if (!wanted() && watcher) {
      void watcher.close();
      watcher = undefined;
      log.info('stopped watching Codex rollouts');
    }
  };

  refresh();
  const subscriptions = [
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.workspace.onDidChangeWorkspaceFolders(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${CONFIG_SECTION}.codex.autoHandover`) && refresh()),
  ];
  return {
    dispose: () => {
      subscriptions.forEach((s) => s.dispose());
      builds.dispose();
      void watcher?.close();
      watcher = undefined;
    },
  };
}
