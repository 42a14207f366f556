// The two hooks that sit on Claude Code's critical path (every guarded tool call, every compaction)
// are synchronous from stdin to exit code, so the CLI can run them before the rest of its bundle loads.
import { handoverHome } from '../util/handoverHome.js';
import { parseHookInput } from './hookInput.js';
import { softFailure, type HookOutcome } from './outcome.js';
import { preCompact, spawnBuilder, type BuilderRequest } from './preCompact.js';
import { preToolUse } from './preToolUse.js';
import { proactiveCheck } from './proactive.js';
import { readHookSettings } from './settings.js';

// `stop` (proactive mode) runs at the end of every turn: as cheap as the other two when proactive is off.
export type SyncHookEvent = 'pre-tool-use' | 'pre-compact' | 'stop';

export function isSyncHookEvent(event: string | undefined): event is SyncHookEvent {
  return event === 'pre-tool-use' || event === 'pre-compact' || event === 'stop';
}

export interface SyncHookOptions {
  env: NodeJS.ProcessEnv;
  /** The runtime and CLI file that run this hook: the builder is started with the same pair. */
  execPath: string;
  cliPath: string;
}

export function runSyncHook(event: SyncHookEvent, stdinText: string, options: SyncHookOptions): HookOutcome {
  try {
    const parsed = parseHookInput(stdinText);
    if (!parsed.ok) return softFailure(event, `${parsed.reason}; nothing done`);
    const home = handoverHome(options.env);
    if (event === 'pre-tool-use') return preToolUse(parsed.input, { home, env: options.env });
    const startBuilder = (request: BuilderRequest) => spawnBuilder(request, { home, env: options.env, execPath: options.execPath, cliPath: options.cliPath });
    if (event === 'stop') return proactiveCheck(parsed.input, { home, settings: readHookSettings(home, options.env), startBuilder });
    return preCompact(parsed.input, { home, settings: readHookSettings(home, options.env), startBuilder });
  } catch (error) {
    return softFailure(event, `internal error: ${(error as Error)?.message ?? String(error)}`);
  }
}
