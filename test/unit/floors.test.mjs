// The folders of src/ are floors (COMMON.md, README "Layout"): a module imports only from its own floor
// or below, `vscode` only in src/extension/ and src/webview/, and the webview (a browser page) only
// from src/shared/. Read from the source text itself, independent of the bundler: every static import,
// re-export, dynamic import() and require() with a relative path.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths.mjs';

const src = join(repoRoot, 'src');

/** Low → high. A folder may import its own floor and those below. */
const FLOORS = [['shared', 'util'], ['transcript'], ['extract'], ['analysis', 'search'], ['handover'], ['hooks', 'mcp'], ['cli', 'extension', 'webview']];
const floorOf = new Map(FLOORS.flatMap((folders, level) => folders.map((folder) => [folder, level])));

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier in a TypeScript file, with its line. Comments are blanked first. */
function importsOf(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
  const found = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) found.push({ specifier: match[1], line: code.slice(0, match.index).split('\n').length });
  }
  return found;
}

const topFolder = (path) => relative(src, path).split(sep)[0];

const modules = sourceFiles(src).map((file) => ({ file, folder: topFolder(file), imports: importsOf(readFileSync(file, 'utf8')) }));

test('the import reader finds every kind of import (and none in comments)', () => {
  const sample = [
    "import { a } from '../util/a.js';",
    "import type { B } from '../shared/b.js';",
    "export { c } from './c.js';",
    "export * from '../search/api.js';",
    'import {\n  d,\n  e,\n} from "../transcript/d.js";',
    "const f = await import('../handover/f.js');",
    "const g = require('node:os');",
    "// import { no } from '../extension/no.js';",
    "/* import { no } from '../cli/no.js'; */",
    "const url = 'https://example.com'; import * as vscode from 'vscode';",
  ].join('\n');
  assert.deepEqual(
    importsOf(sample)
      .map((i) => i.specifier)
      .sort(),
    ['../handover/f.js', '../search/api.js', '../shared/b.js', '../transcript/d.js', '../util/a.js', './c.js', 'node:os', 'vscode'].sort(),
  );
  assert.ok(modules.length > 50, `read ${modules.length} modules`);
  assert.ok(modules.some((m) => m.imports.length > 0));
});

test('every folder of src/ has a floor', () => {
  const folders = [...new Set(modules.map((m) => m.folder))].sort();
  assert.deepEqual(
    folders.filter((f) => !floorOf.has(f)),
    [],
    'a new folder needs a floor here, in COMMON.md and in the README layout',
  );
});

test('no module imports a folder above its own floor', () => {
  const violations = [];
  for (const { file, folder, imports } of modules) {
    for (const { specifier, line } of imports) {
      if (!specifier.startsWith('.')) continue;
      const target = topFolder(resolve(dirname(file), specifier));
      if (floorOf.get(target) > floorOf.get(folder))
        violations.push(
          `${relative(repoRoot, file)}:${line} (${folder}, floor ${floorOf.get(folder)}) imports ${specifier} (${target}, floor ${floorOf.get(target)})`,
        );
    }
  }
  assert.deepEqual(violations, []);
});

test('vscode only in src/extension and src/webview; the webview only from src/shared', () => {
  const violations = [];
  for (const { file, folder, imports } of modules) {
    for (const { specifier, line } of imports) {
      const where = `${relative(repoRoot, file)}:${line} imports ${specifier}`;
      if (specifier === 'vscode' && folder !== 'extension' && folder !== 'webview') violations.push(where);
      if (folder === 'webview' && !(specifier.startsWith('.') && ['webview', 'shared'].includes(topFolder(resolve(dirname(file), specifier)))))
        violations.push(where);
    }
  }
  assert.deepEqual(violations, []);
});

test('no import cycle between modules of src/', () => {
  const graph = new Map(
    modules.map(({ file, imports }) => [
      file,
      imports.filter((i) => i.specifier.startsWith('.')).map((i) => resolve(dirname(file), i.specifier).replace(/\.js$/, '.ts')),
    ]),
  );
  const cycles = [];
  const state = new Map(); // 1: on the stack, 2: done
  const stack = [];
  const visit = (file) => {
    state.set(file, 1);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 1) cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(src, f)).join(' → '));
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 2);
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});
