// Codex (hooks on by default since 0.124) reads hooks from `$CODEX_HOME/hooks.json`, in the same shape
// as Claude Code's settings ({"hooks":{"PreCompact":[{"hooks":[{"type":"command",…}]}]}}), and MCP
// servers from `[mcp_servers.<name>]` tables in `$CODEX_HOME/config.toml`. We merge our two hooks
// (PreCompact builds the handover, SessionStart points a resumed or compacted session at it) and our
// server into those files and take exactly them out again. config.toml is edited as text, our table
// marked by a comment, so every other byte of the user's file (comments, order, formatting) stays.
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { codexHome } from '../util/agentHomes.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { mergeOurHooks, OUR_HOOKS, parseSettings, removeOurHooks, SettingsFileError } from './install.js';

/** Codex has no write lock to honour mid-compaction (its PreCompact cannot block), so no PreToolUse. */
export const CODEX_HOOKS = OUR_HOOKS.filter((hook) => hook.event === 'PreCompact' || hook.event === 'SessionStart');

const MARKER = '# Written by `handover install-hooks --agent codex`; `handover uninstall-hooks --agent codex` removes it.';
const TABLE = /^\s*\[\s*mcp_servers\s*\.\s*(?:handover|"handover"|'handover')\s*\]\s*(?:#.*)?$/;
const ANY_TABLE = /^\s*\[/;

export function codexPaths(env: NodeJS.ProcessEnv): { hooks: string; config: string } {
  const home = codexHome(env);
  return { hooks: join(home, 'hooks.json'), config: join(home, 'config.toml') };
}

const tomlString = (text: string) => JSON.stringify(text); // a TOML basic string is JSON-compatible for these

/**
 * Our `[mcp_servers.handover]` table: the launcher (or `handover`) with `mcp`. Codex starts MCP servers
 * with a minimal environment (HOME, PATH, …), so the homes this install was made for are passed on.
 */
export function mcpServerTable(command: string, args: string[], env: Record<string, string> = {}): string {
  const pairs = Object.entries(env).map(([key, value]) => `${key} = ${tomlString(value)}`);
  return `${MARKER}\n[mcp_servers.handover]\ncommand = ${tomlString(command)}\nargs = [${args.map(tomlString).join(', ')}]\n${pairs.length ? `env = { ${pairs.join(', ')} }\n` : ''}`;
}

interface TableSpan {
  start: number; // first line (the marker when ours)
  end: number; // first line after the table
  ours: boolean;
}

function findTable(lines: string[]): TableSpan | undefined {
  const header = lines.findIndex((line) => TABLE.test(line));
  if (header === -1) return undefined;
  let end = header + 1;
  while (end < lines.length && !ANY_TABLE.test(lines[end])) end++;
  // Blank lines before the next table belong to the gap, not to us.
  while (end > header + 1 && lines[end - 1].trim() === '') end--;
  const ours = header > 0 && lines[header - 1] === MARKER;
  return { start: ours ? header - 1 : header, end, ours };
}

/** config.toml text with our server table added or updated; a table of the user's is refused. */
export function mergeMcpServer(text: string, table: string, path: string): string {
  if (/^\s*mcp_servers\s*=/m.test(text) || /^\s*mcp_servers\s*\.\s*handover\s*=/m.test(text)) {
    throw new SettingsFileError(`${path} defines mcp_servers inline; add [mcp_servers.handover] yourself (command: handover mcp) — left untouched`);
  }
  const lines = text.split('\n');
  const found = findTable(lines);
  const tableLines = table.replace(/\n$/, '').split('\n');
  if (!found) {
    const base = text.replace(/\n*$/, '');
    return `${base}${base ? '\n\n' : ''}${table}`;
  }
  if (!found.ours) throw new SettingsFileError(`${path} already has an [mcp_servers.handover] table Handover did not write; left untouched`);
  lines.splice(found.start, found.end - found.start, ...tableLines);
  return lines.join('\n');
}

/** Whether config.toml holds the [mcp_servers.handover] table this installer wrote. */
export function hasOurMcpServer(text: string): boolean {
  return findTable(text.split('\n'))?.ours === true;
}

/** config.toml text without our table (and the blank line it leaves); unchanged when it is not there. */
export function removeMcpServer(text: string): { text: string; removed: boolean } {
  const lines = text.split('\n');
  const found = findTable(lines);
  if (!found?.ours) return { text, removed: false };
  let { start } = found;
  if (start > 0 && lines[start - 1].trim() === '') start--;
  lines.splice(start, found.end - start);
  return { text: lines.join('\n').replace(/^\n+/, ''), removed: true };
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function writeKeepingMode(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await stat(target).then(
    (info) => info.mode & 0o777,
    () => undefined,
  );
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, text, mode);
}

export interface CodexChange {
  hooksPath: string;
  configPath: string;
  hooksChanged: boolean;
  configChanged: boolean;
}

/**
 * Installs our hooks into `$CODEX_HOME/hooks.json` and our MCP server into `config.toml`. Both files
 * are read and checked before either is written, so a refusal leaves both untouched.
 */
export async function installCodex(
  env: NodeJS.ProcessEnv,
  baseCommand: string,
  mcpCommand: { command: string; args: string[]; env?: Record<string, string> },
): Promise<CodexChange> {
  const { hooks: hooksPath, config: configPath } = codexPaths(env);
  const hooksText = await readIfThere(hooksPath);
  const settings = parseSettings(hooksText ?? '', hooksPath);
  const nextHooks = JSON.stringify(mergeOurHooks(settings, baseCommand, CODEX_HOOKS), null, 2) + '\n';
  const configText = (await readIfThere(configPath)) ?? '';
  const nextConfig = mergeMcpServer(configText, mcpServerTable(mcpCommand.command, mcpCommand.args, mcpCommand.env), configPath);
  const hooksChanged = hooksText === undefined || JSON.stringify(JSON.parse(nextHooks)) !== JSON.stringify(settings);
  const configChanged = nextConfig !== configText;
  if (hooksChanged) await writeKeepingMode(hooksPath, nextHooks);
  if (configChanged) await writeKeepingMode(configPath, nextConfig);
  return { hooksPath, configPath, hooksChanged, configChanged };
}

export async function uninstallCodex(env: NodeJS.ProcessEnv): Promise<CodexChange & { removedHooks: number }> {
  const { hooks: hooksPath, config: configPath } = codexPaths(env);
  const hooksText = await readIfThere(hooksPath);
  let removedHooks = 0;
  if (hooksText !== undefined) {
    const { settings, removed } = removeOurHooks(parseSettings(hooksText, hooksPath));
    removedHooks = removed;
    if (removed) await writeKeepingMode(hooksPath, JSON.stringify(settings, null, 2) + '\n');
  }
  const configText = await readIfThere(configPath);
  const { text, removed } = configText === undefined ? { text: '', removed: false } : removeMcpServer(configText);
  if (removed) await writeKeepingMode(configPath, text);
  return { hooksPath, configPath, hooksChanged: removedHooks > 0, configChanged: removed, removedHooks };
}

/** The MCP server command for config.toml: the launcher (no node needed) when there is one, else `handover`. */
export function codexMcpCommand(launcher: string, exists: (path: string) => boolean = existsSync): { command: string; args: string[] } {
  return exists(launcher) ? { command: launcher, args: ['mcp'] } : { command: 'handover', args: ['mcp'] };
}
