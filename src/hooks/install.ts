// Merges our hook entries into a Claude Code settings file and takes exactly them out again.
// Everything else in the file (other keys, other hooks, their order) is kept as it was. A file that is
// not valid JSON is refused, never overwritten: it is the user's, and Claude Code would not read it
// either.
import { existsSync } from 'node:fs';
import { mkdir, realpath, stat } from 'node:fs/promises';
import { READ_LIMITS, readFileSafe, UnsafeReadError } from '../util/safeRead.js';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { claudeConfigDir } from '../util/agentHomes.js';
import { launcherPath, shellQuote } from './launcher.js';

export type SettingsScope = 'local' | 'project' | 'user';

export interface OurHook {
  event: 'PreCompact' | 'PreToolUse' | 'SessionStart' | 'PostCompact' | 'Stop';
  arg: 'pre-compact' | 'pre-tool-use' | 'session-start' | 'post-compact' | 'stop';
  /** Bash is matched too: whether it is denied is a setting that can change without reinstalling. */
  matcher?: string;
}

export const OUR_HOOKS: readonly OurHook[] = [
  { event: 'PreCompact', arg: 'pre-compact' },
  { event: 'PreToolUse', arg: 'pre-tool-use', matcher: 'Write|Edit|MultiEdit|NotebookEdit|Bash' },
  { event: 'SessionStart', arg: 'session-start' },
  // The after-the-fact trigger for compactions PreCompact missed, and the summary Claude Code made.
  { event: 'PostCompact', arg: 'post-compact' },
  // Proactive mode (a setting, off by default): the end of each turn is where context usage is read.
  { event: 'Stop', arg: 'stop' },
];

/** Seconds Claude Code gives a hook; ours return in well under one, this only bounds a hang. */
export const HOOK_TIMEOUT_SECONDS = 30;

/** A problem with the user's settings file: printed as one line, the file left untouched. */
export class SettingsFileError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function settingsPathFor(scope: SettingsScope, workspace: string, env: NodeJS.ProcessEnv): string {
  if (scope === 'local') return join(workspace, '.claude', 'settings.local.json');
  if (scope === 'project') return join(workspace, '.claude', 'settings.json');
  return join(claudeConfigDir(env), 'settings.json');
}

/** The launcher when the extension has written one, else `handover` from PATH. */
export function defaultBaseCommand(home: string, exists: (path: string) => boolean = existsSync): string {
  const launcher = launcherPath(home);
  if (!exists(launcher)) return 'handover';
  return /^[A-Za-z0-9_./-]+$/.test(launcher) ? launcher : shellQuote(launcher);
}

/** Ours = a command ending in `hook <our event>`, whatever runs it (launcher, PATH, node + cli.js). */
export function isOurCommand(command: unknown, arg?: OurHook['arg']): boolean {
  if (typeof command !== 'string') return false;
  const match = /(?:^|\s)hook\s+(pre-compact|pre-tool-use|session-start|post-compact|stop)\s*$/.exec(command);
  return match !== null && (arg === undefined || match[1] === arg);
}

export function parseSettings(text: string, path: string): JsonObject {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SettingsFileError(`${path} is not valid JSON (${(error as Error).message}); fix it or move it away, it was left untouched`);
  }
  if (!isObject(value)) throw new SettingsFileError(`${path} does not hold a JSON object; left untouched`);
  if (value.hooks !== undefined && !isObject(value.hooks)) throw new SettingsFileError(`${path}: "hooks" is not an object; left untouched`);
  for (const [event, groups] of Object.entries((value.hooks as JsonObject | undefined) ?? {})) {
    if (!Array.isArray(groups)) throw new SettingsFileError(`${path}: hooks.${event} is not a list; left untouched`);
  }
  return value as JsonObject;
}

/**
 * Returns settings with our hooks present exactly once each, pointing at `baseCommand`. An entry of ours
 * that is already there is updated where it stands, so installing twice changes nothing.
 */
export function mergeOurHooks(settings: JsonObject, baseCommand: string, which: readonly OurHook[] = OUR_HOOKS): JsonObject {
  const result = structuredClone(settings);
  const hooks = (result.hooks ??= {}) as JsonObject;
  for (const ours of which) {
    const groups = ((hooks[ours.event] as Json[] | undefined) ??= []) as JsonObject[];
    const entry: JsonObject = { type: 'command', command: `${baseCommand} hook ${ours.arg}`, timeout: HOOK_TIMEOUT_SECONDS };
    let placed = false;
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group.hooks)) continue;
      const kept: Json[] = [];
      for (const hook of group.hooks) {
        if (!isObject(hook) || !isOurCommand(hook.command, ours.arg)) kept.push(hook);
        else if (!placed) {
          kept.push({ ...hook, ...entry });
          placed = true;
          // Our own group (nothing else in it) carries our matcher.
          if (group.hooks.every((h) => isObject(h) && isOurCommand(h.command))) setMatcher(group, ours.matcher);
        }
      }
      group.hooks = kept;
    }
    hooks[ours.event] = groups.filter((group) => !isObject(group) || !Array.isArray(group.hooks) || group.hooks.length > 0);
    if (!placed) (hooks[ours.event] as Json[]).push(ours.matcher ? { matcher: ours.matcher, hooks: [entry] } : { hooks: [entry] });
  }
  return result;
}

/** Takes out our hooks, and the groups and events they leave empty; nothing else. */
export function removeOurHooks(settings: JsonObject): { settings: JsonObject; removed: number } {
  const result = structuredClone(settings);
  let removed = 0;
  if (!isObject(result.hooks)) return { settings: result, removed };
  const hooks = result.hooks;
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    const keptGroups: Json[] = [];
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group.hooks)) {
        keptGroups.push(group);
        continue;
      }
      const before = group.hooks.length;
      group.hooks = group.hooks.filter((hook) => !(isObject(hook) && isOurCommand(hook.command)));
      removed += before - group.hooks.length;
      if (group.hooks.length > 0 || before === 0) keptGroups.push(group);
    }
    if (keptGroups.length > 0 || groups.length === 0) hooks[event] = keptGroups;
    else delete hooks[event];
  }
  if (removed > 0 && Object.keys(hooks).length === 0) delete result.hooks;
  return { settings: result, removed };
}

export interface SettingsChange {
  path: string;
  changed: boolean;
  /** For uninstall: how many hook entries were taken out. */
  removed?: number;
}

export async function installHooks(path: string, baseCommand: string): Promise<SettingsChange> {
  const { text, settings } = await readSettingsFile(path);
  const indent = indentOf(text);
  const next = serialize(mergeOurHooks(settings, baseCommand), indent);
  if (text !== undefined && next === serialize(settings, indent)) return { path, changed: false };
  await writeSettingsFile(path, next);
  return { path, changed: true };
}

export async function uninstallHooks(path: string): Promise<SettingsChange> {
  const { text, settings } = await readSettingsFile(path);
  if (text === undefined) return { path, changed: false, removed: 0 };
  const { settings: next, removed } = removeOurHooks(settings);
  if (removed === 0) return { path, changed: false, removed };
  await writeSettingsFile(path, serialize(next, indentOf(text)));
  return { path, changed: true, removed };
}

async function readSettingsFile(path: string): Promise<{ text?: string; settings: JsonObject }> {
  let text: string;
  try {
    text = (await readFileSafe(path, { maxBytes: READ_LIMITS.settings, allowLinksOut: true })).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {} };
    throw new SettingsFileError(
      error instanceof UnsafeReadError ? error.message : `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return { text, settings: parseSettings(text, path) };
}

/** Atomic, into the real file behind a symlink (dotfile managers), keeping its permissions. */
async function writeSettingsFile(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await stat(target).then(
    (info) => info.mode & 0o777,
    () => undefined,
  );
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, text, mode);
}

function serialize(settings: JsonObject, indent: string | number): string {
  return JSON.stringify(settings, null, indent) + '\n';
}

/** Keeps the file's own indentation (2 spaces for a new file). */
function indentOf(text: string | undefined): string | number {
  return (text && /\n([ \t]+)"/.exec(text)?.[1]) || 2;
}

function setMatcher(group: JsonObject, matcher: string | undefined): void {
  if (matcher) group.matcher = matcher;
  else delete group.matcher;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
