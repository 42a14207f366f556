// Package installs and removals in shell commands: a package added and later removed is an abandoned approach.
import { posix } from 'node:path';
import { programsOf } from './toolOutput.js';

export interface PackageChange {
  action: 'install' | 'uninstall';
  manager: string;
  name: string;
}

const INSTALL: Record<string, Set<string>> = {
  npm: new Set(['install', 'i', 'add']),
  pnpm: new Set(['add', 'install', 'i']),
  yarn: new Set(['add']),
  bun: new Set(['add', 'install', 'i']),
  pip: new Set(['install']),
  cargo: new Set(['add', 'install']),
  gem: new Set(['install']),
  brew: new Set(['install']),
  apt: new Set(['install']),
  'apt-get': new Set(['install']),
  go: new Set(['get']),
  uv: new Set(['add']),
  poetry: new Set(['add']),
};
const UNINSTALL: Record<string, Set<string>> = {
  npm: new Set(['uninstall', 'remove', 'rm', 'un', 'r']),
  pnpm: new Set(['remove', 'rm', 'un', 'uninstall']),
  yarn: new Set(['remove']),
  bun: new Set(['remove', 'rm']),
  pip: new Set(['uninstall']),
  cargo: new Set(['remove', 'rm', 'uninstall']),
  gem: new Set(['uninstall']),
  brew: new Set(['uninstall', 'remove']),
  apt: new Set(['remove', 'purge']),
  'apt-get': new Set(['remove', 'purge']),
  uv: new Set(['remove']),
  poetry: new Set(['remove']),
};

/** Strips a version: `react@18` → `react`, `@scope/pkg@1` → `@scope/pkg`, `requests==2.0` → `requests`. */
function packageName(word: string): string {
  const scoped = word.startsWith('@');
  const at = word.indexOf('@', scoped ? 1 : 0);
  const base = at > 0 ? word.slice(0, at) : word;
  return base.split(/[=<>~![;]/)[0].toLowerCase();
}

export function packageChanges(commandLine: string | string[][]): PackageChange[] {
  const out: PackageChange[] = [];
  for (let words of typeof commandLine === 'string' ? programsOf(commandLine) : commandLine) {
    let manager = posix.basename(words[0]).replace(/^pip3?(\.\d+)?$/, 'pip');
    if (/^python[\d.]*$/.test(manager) && words[1] === '-m' && /^pip3?$/.test(words[2] ?? '')) {
      manager = 'pip';
      words = words.slice(2);
    } else if (manager === 'uv' && words[1] === 'pip') {
      manager = 'pip';
      words = words.slice(1);
    }
    const sub = words[1];
    if (sub === undefined) continue;
    const action = INSTALL[manager]?.has(sub) ? 'install' : UNINSTALL[manager]?.has(sub) ? 'uninstall' : undefined;
    if (!action) continue;
    for (const arg of words.slice(2)) {
      if (arg.startsWith('-') || (arg.includes('/') && !arg.startsWith('@')) || arg === '.' || arg.length > 100) continue;
      const name = packageName(arg);
      if (name) out.push({ action, manager, name });
    }
  }
  return out;
}
