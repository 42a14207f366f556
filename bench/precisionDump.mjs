// Writes the findings of the current build for every real corpus log as items to label by hand
// (test/fixtures/precision/items.jsonl): the input of the labelling pass, never of the benchmark itself.
// Usage: node bench/precisionDump.mjs [--out FILE] [log-folder-name …]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cli, fixturesDir } from '../test/support/paths.mjs';
import { itemsOf } from './lib/precisionItems.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : join(fixturesDir, 'precision', 'items.jsonl');
const corpus = join(fixturesDir, 'real');
const folders = args.length ? args : readdirSync(corpus).filter((f) => statSync(join(corpus, f)).isDirectory());

const root = mkdtempSync(join(tmpdir(), 'handover-precision-'));
const env = { ...process.env, HOME: root, HANDOVER_HOME: join(root, 'handover') };
const lines = [];
for (const folder of folders.sort()) {
  for (const name of readdirSync(join(corpus, folder)).filter((n) => n.endsWith('.jsonl'))) {
    const log = join(corpus, folder, name);
    const ws = mkdtempSync(join(root, 'ws-'));
    const result = spawnSync(process.execPath, [cli, 'build', log, '--workspace', ws, '--json'], { env, encoding: 'utf8' });
    if (result.status !== 0) {
      process.stderr.write(`skip ${folder}/${name}: ${result.stderr.trim()}\n`);
      continue;
    }
    const data = JSON.parse(readFileSync(join(JSON.parse(result.stdout).dir, 'handover.json'), 'utf8'));
    const items = itemsOf(relative(corpus, log), data);
    for (const item of items) lines.push(JSON.stringify(item));
    process.stderr.write(`${folder}/${name}: ${items.length} items\n`);
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
process.stderr.write(`${lines.length} items → ${out}\n`);
