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
  // Test-only: reader internals for the unit tests (fuzzing, line reader), never packaged.
  build({
    ...common,
    entryPoints: { transcript: 'src/extract/testExports.ts' },
    outdir: 'dist/test',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  }),
  // Test-only: archive, redaction and signing internals for the unit tests, never packaged.
  build({ ...common, entryPoints: { handoverCore: 'src/handover/testExports.ts' }, outdir: 'dist/test', platform: 'node', format: 'cjs', target: 'node20' }),
  // Test-only: offline analysts, modified files and the shell reader, for the unit tests, never packaged.
  build({ ...common, entryPoints: { analysis: 'src/analysis/testExports.ts' }, outdir: 'dist/test', platform: 'node', format: 'cjs', target: 'node20' }),
  // Test-only: the extension's vscode-free parts (watcher, policy, view model, protocol), never packaged.
  build({ ...common, entryPoints: { extensionCore: 'src/extension/testExports.ts' }, outdir: 'dist/test', platform: 'node', format: 'cjs', target: 'node20' }),
  build({
    ...common,
    entryPoints: { sidebar: 'src/webview/sidebar.ts' },
    outdir: 'media',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  }),
]);
