// Bundles src/search/api.ts for the benchmark's child processes (the same esbuild settings as the CLI).
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleSearchApi(repoRoot, outFile) {
  await build({ entryPoints: [join(repoRoot, 'src/search/api.ts')], outfile: outFile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return outFile;
}
