// The detached builder pre-compact starts (`handover hook run-build`, internal): builds the handover and
// always releases the session's lock afterwards, on success, failure or a termination signal, but only
// while the lock is still the one pre-compact took for it (a newer build's lock is left alone).
import { lockFile, releaseLock } from './lock.js';
import type { BuilderRequest } from './preCompact.js';
import { readHookSettings } from './settings.js';

export interface RunBuildContext {
  home: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export async function runBuild(request: BuilderRequest, context: RunBuildContext): Promise<number> {
  const path = lockFile(context.home, request.sessionId);
  const release = () => releaseLock(path, request.token);
  const onSignal = (signal: NodeJS.Signals) => {
    context.log(`build of ${request.sessionId} stopped by ${signal}; lock released`);
    release();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  const started = Date.now();
  // The trigger says which hook started it (pre-compact, session-start-compact, post-compact, proactive).
  context.log(`build of ${request.sessionId} started by ${request.trigger ?? 'pre-compact'} (pid ${process.pid}, log ${request.logPath})`);
  try {
    // A diagnostic knob: holds the lock for a while before building, so tests (and people curious how
    // the write-blocking feels) can act while the handover is "being written".
    const delay = Number(context.env.HANDOVER_BUILD_DELAY_MS);
    if (delay > 0) await new Promise((resolveDelay) => setTimeout(resolveDelay, Math.min(delay, 600_000)));
    // Loaded here, not at the top: the hook hot path shares this bundle and must not pay for it.
    const { buildHandover } = await import('../handover/build.js');
    const { analyzer } = readHookSettings(context.home, context.env);
    // Without a key the model analysts fall back to the offline ones, and handover.json says why.
    const modelAnalyzer = analyzer === 'anthropic' ? (await import('../analysis/anthropic/fromEnv.js')).analyzeWithAnthropicFromEnv : undefined;
    const { retrievalModeFor } = await import('./retrievalMode.js');
    const retrievalFor = (agent: 'claude' | 'codex') => retrievalModeFor(agent, request.workspace, context.env);
    const result = await buildHandover({
      logPath: request.logPath,
      workspace: request.workspace,
      home: context.home,
      analyzer,
      modelAnalyzer,
      retrievalFor,
      env: context.env,
      trigger: request.trigger ?? 'pre-compact',
    });
    context.log(`built ${result.promptPath} (${analyzer} analysts) in ${Date.now() - started} ms`);
    // PostCompact may have saved Claude Code's summary while this build ran: added before the lock goes.
    const { addMissingSummaries } = await import('../handover/build.js');
    const added = await addMissingSummaries(result.dir, context.home, request.sessionId);
    if (added) context.log(`added ${added} compaction summary(ies) saved during the build`);
    return 0;
  } catch (error) {
    context.log(`build of ${request.sessionId} failed: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  } finally {
    const released = release();
    context.log(released ? 'lock released' : 'lock no longer ours (expired and replaced, or removed); left alone');
    for (const signal of signals) process.off(signal, onSignal);
  }
}
