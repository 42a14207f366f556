// Bundles a few TypeScript exports on the fly (same esbuild settings as dist/cli.js) and imports them:
// for tests and benchmarks that need internals no dist/ entry exposes.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths.mjs';

/** `exportLines`: lines like `export * from './src/x.ts';`, resolved from the repository root. */
export async function bundleTs(exportLines, { dir = mkdtempSync(join(tmpdir(), 'handover-bundle-')), name = 'bundle.cjs' } = {}) {
  const outfile = join(dir, name);
  await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
