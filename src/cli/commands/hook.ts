// `handover hook <event>`: the Claude Code hook handlers. pre-tool-use and pre-compact normally never get
// here (src/hooks/earlyDispatch.ts runs them before the bundle loads); this path serves in-process
// callers and `run-build`, the detached builder pre-compact starts. Every failure exits 0 with one line
// on stderr: a hook of ours must never break the user's session.
// Settings: $HANDOVER_HOME/settings.json {blockCompaction, denyBash, lockTtlMs, analyzer, proactive,
// proactiveThreshold} (the extension writes it), overridden by HANDOVER_BLOCK_COMPACTION,
// HANDOVER_DENY_BASH, HANDOVER_LOCK_TTL_MS, HANDOVER_ANALYZER, HANDOVER_PROACTIVE and
// HANDOVER_PROACTIVE_THRESHOLD. The builder's output goes to $HANDOVER_HOME/logs/build-<session-id>.log.
import { resolve } from 'node:path';
import { handoverHome } from '../../util/handoverHome.js';
import { parseHookInput, safeSessionId } from '../../hooks/hookInput.js';
import { softFailure, type HookOutcome } from '../../hooks/outcome.js';
import { isSyncHookEvent, runSyncHook } from '../../hooks/syncHooks.js';
import type { CliCommand, CliIo } from '../command.js';
import type { CompactTriggerContext } from '../../hooks/compactTrigger.js';
import { spawnBuilder } from '../../hooks/preCompact.js';
import { readHookSettings } from '../../hooks/settings.js';

const BUILD_TRIGGERS = ['pre-compact', 'session-start-compact', 'post-compact', 'proactive'] as const;

export const hookCommand: CliCommand = {
  name: 'hook',
  summary: 'Claude Code hook handler (hook JSON on stdin): pre-compact, pre-tool-use, session-start, post-compact, stop.',
  usage: 'handover hook pre-compact|pre-tool-use|session-start|post-compact|stop   (Claude Code hook JSON on stdin)',
  options: {
    session: { type: 'string' },
    log: { type: 'string' },
    workspace: { type: 'string' },
    token: { type: 'string' },
    trigger: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const event = positionals[0];
    let outcome: HookOutcome;
    try {
      outcome = await runEvent(event, values, io);
    } catch (error) {
      outcome = softFailure(event, `internal error: ${(error as Error)?.message ?? String(error)}`);
    }
    if (outcome.stdout) io.stdout(outcome.stdout);
    if (outcome.stderr) io.stderr(outcome.stderr);
    return outcome.exitCode;
  },
};

/** SessionStart (compact) waits this long for a build it starts; below the hooks' 30 s timeout. */
const COMPACT_WAIT_MS = 20_000;

function compactTriggerContext(home: string, io: CliIo): CompactTriggerContext {
  const wait = Number(io.env.HANDOVER_COMPACT_WAIT_MS);
  return {
    home,
    settings: readHookSettings(home, io.env),
    startBuilder: (request) => spawnBuilder(request, { home, env: io.env, execPath: process.execPath, cliPath: resolve(process.argv[1] ?? 'handover') }),
    waitMs: io.env.HANDOVER_COMPACT_WAIT_MS?.trim() && Number.isFinite(wait) && wait >= 0 ? Math.min(wait, COMPACT_WAIT_MS) : COMPACT_WAIT_MS,
  };
}

async function runEvent(event: string, values: Record<string, unknown>, io: CliIo): Promise<HookOutcome> {
  if (isSyncHookEvent(event)) {
    return runSyncHook(event, await io.readStdin(), { env: io.env, execPath: process.execPath, cliPath: resolve(process.argv[1] ?? 'handover') });
  }
  const home = handoverHome(io.env);
  if (event === 'session-start') {
    const parsed = parseHookInput(await io.readStdin());
    if (!parsed.ok) return softFailure(event, `${parsed.reason}; nothing done`);
    const [{ sessionStart }, { listHandovers }, { ensureHandoverAfterCompaction }] = await Promise.all([
      import('../../hooks/sessionStart.js'),
      import('../../handover/handoverRecord.js'),
      import('../../hooks/compactTrigger.js'),
    ]);
    const trigger = compactTriggerContext(home, io);
    return sessionStart(parsed.input, {
      home,
      listHandovers,
      lockTtlMs: trigger.settings.lockTtlMs,
      afterCompaction: (input) => ensureHandoverAfterCompaction(input, 'session-start-compact', trigger),
    });
  }
  if (event === 'post-compact') {
    const parsed = parseHookInput(await io.readStdin());
    if (!parsed.ok) return softFailure(event, `${parsed.reason}; nothing done`);
    const { postCompact } = await import('../../hooks/postCompact.js');
    return postCompact(parsed.input, compactTriggerContext(home, io));
  }
  if (event === 'run-build') {
    const { session, log, workspace, token } = values;
    const trigger = BUILD_TRIGGERS.find((t) => t === values.trigger);
    if (!safeSessionId(session) || typeof log !== 'string' || typeof workspace !== 'string' || typeof token !== 'string') {
      return { stderr: 'handover hook run-build: internal; needs --session (letters, digits, _ and -), --log, --workspace and --token\n', exitCode: 2 };
    }
    const { runBuild } = await import('../../hooks/runBuild.js');
    const code = await runBuild(
      { sessionId: session as string, logPath: log, workspace, token, trigger },
      { home, env: io.env, log: (line) => io.stdout(`${new Date().toISOString()} ${line}\n`) },
    );
    return { exitCode: code };
  }
  return softFailure(event, `unknown hook event '${event}' (expected pre-compact, pre-tool-use, session-start, post-compact or stop); nothing done`);
}
