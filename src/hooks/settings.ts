// Settings the hooks obey. A hook process cannot read VS Code's settings, so the extension mirrors the
// ones that matter into `$HANDOVER_HOME/settings.json` (on activation and on every change); CLI users
// and tests use environment variables, which win over the file.
import { mkdirSync } from 'node:fs';
import { READ_LIMITS, readFileSafeSync } from '../util/safeRead.js';
import { join } from 'node:path';
import { DEFAULT_PROACTIVE_THRESHOLD } from '../analysis/contextUsage.js';

export interface HookSettings {
  /** Block the first compaction of a session: the fresh session seeded with the handover replaces it. */
  blockCompaction: boolean;
  /** Deny Bash too while a handover is written (a shell can edit files as well as any tool). */
  denyBash: boolean;
  /** How long a write lock counts as held when its builder is still alive (ms). */
  lockTtlMs: number;
  /** Which analysts the hook's build runs; 'anthropic' needs ANTHROPIC_API_KEY in the hook's environment. */
  analyzer: 'offline' | 'anthropic';
  /** Proactive mode: build the handover when the context passes `proactiveThreshold`, before any compaction. */
  proactive: boolean;
  /** Share of the model's context window (0.5–0.99) at which proactive mode builds. */
  proactiveThreshold: number;
}

/** The file the extension writes: every key optional, unknown keys ignored. */
export type HookSettingsFile = Partial<HookSettings>;

export const HOOK_SETTINGS_FILE = 'settings.json';
export const DEFAULT_LOCK_TTL_MS = 120_000;
export { DEFAULT_PROACTIVE_THRESHOLD };
export const DEFAULT_HOOK_SETTINGS: HookSettings = {
  blockCompaction: false,
  denyBash: false,
  lockTtlMs: DEFAULT_LOCK_TTL_MS,
  analyzer: 'offline',
  proactive: false,
  proactiveThreshold: DEFAULT_PROACTIVE_THRESHOLD,
};

export function hookSettingsPath(home: string): string {
  return join(home, HOOK_SETTINGS_FILE);
}

/** Missing or broken file → defaults: a settings problem must never break a hook. */
export function readHookSettings(home: string, env: NodeJS.ProcessEnv = process.env): HookSettings {
  const settings = { ...DEFAULT_HOOK_SETTINGS };
  let file: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSafeSync(hookSettingsPath(home), { maxBytes: READ_LIMITS.settings, timeoutMs: 1_000 }).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) file = parsed as Record<string, unknown>;
  } catch {
    // No file, unreadable or not JSON: the defaults stand.
  }
  if (typeof file.blockCompaction === 'boolean') settings.blockCompaction = file.blockCompaction;
  if (typeof file.denyBash === 'boolean') settings.denyBash = file.denyBash;
  if (isTtl(file.lockTtlMs)) settings.lockTtlMs = file.lockTtlMs;
  if (file.analyzer === 'offline' || file.analyzer === 'anthropic') settings.analyzer = file.analyzer;
  if (typeof file.proactive === 'boolean') settings.proactive = file.proactive;
  if (isThreshold(file.proactiveThreshold)) settings.proactiveThreshold = file.proactiveThreshold;

  const block = envFlag(env.HANDOVER_BLOCK_COMPACTION);
  if (block !== undefined) settings.blockCompaction = block;
  const bash = envFlag(env.HANDOVER_DENY_BASH);
  if (bash !== undefined) settings.denyBash = bash;
  const ttl = Number(env.HANDOVER_LOCK_TTL_MS);
  if (env.HANDOVER_LOCK_TTL_MS?.trim() && isTtl(ttl)) settings.lockTtlMs = ttl;
  const analyzer = env.HANDOVER_ANALYZER?.trim();
  if (analyzer === 'offline' || analyzer === 'anthropic') settings.analyzer = analyzer;
  const proactive = envFlag(env.HANDOVER_PROACTIVE);
  if (proactive !== undefined) settings.proactive = proactive;
  const threshold = Number(env.HANDOVER_PROACTIVE_THRESHOLD);
  if (env.HANDOVER_PROACTIVE_THRESHOLD?.trim() && isThreshold(threshold)) settings.proactiveThreshold = threshold;
  return settings;
}

/** For the extension: mirror its configuration where the hooks can read it. */
export async function writeHookSettings(home: string, settings: HookSettingsFile): Promise<void> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  // Loaded here: the hooks read settings on their hot path and never write them.
  const { writeFileAtomic } = await import('../util/atomicWrite.js');
  await writeFileAtomic(hookSettingsPath(home), JSON.stringify(settings, null, 2) + '\n', 0o600);
}

function envFlag(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === '1' || v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === 'off') return false;
  return undefined;
}

function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.5 && value <= 0.99;
}

function isTtl(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 24 * 3600_000;
}
