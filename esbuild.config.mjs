// Bundles the three entry points. The extension and the CLI run in Node (the CLI also under VS Code's
// own runtime with ELECTRON_RUN_AS_NODE=1), the webview script runs in the browser sandbox.
import { build } from 'esbuild';

import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// legalComments 'eof': licence notices of bundled code (gitleaks' rules, /*! … */) stay in the bundles.
const common = { bundle: true, sourcemap: false, minify: !watch, logLevel: 'warning', legalComments: 'eof' };

await Promise.all([
  build({
    ...common,
    entryPoints: { extension: 'src/extension/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { HANDOVER_VERSION: JSON.stringify(pkg.version) },
  }),
  // Test-only bundles (dist/test/, never packaged): the internals the unit tests and benchmarks use, with
  // the CLI's settings but unminified. The one way tests get at TypeScript: no bundling on the fly.
  build({
    ...common,
    minify: false,
    entryPoints: {
      transcript: 'src/extract/testExports.ts',
      handoverCore: 'src/handover/testExports.ts',
      analysis: 'src/analysis/testExports.ts',
      anthropic: 'src/analysis/anthropic/testExports.ts',
      extensionCore: 'src/extension/testExports.ts',
      searchApi: 'src/search/api.ts',
    },
    outdir: 'dist/test',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  }),
  build({
    ...common,
    entryPoints: { sidebar: 'src/webview/sidebar.ts' },
    outdir: 'media',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  }),
]);
