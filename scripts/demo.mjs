// `npm run demo`: the main job on a bundled sample log (a real Claude Code 2.1 session with a
// compaction): extract it, build a handover into ./.handover (git-ignored), verify it, show the prompt.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const log = join(root, 'test', 'fixtures', 'claude', 'generated', 'tools-thinking-compact.jsonl');

function handover(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

console.log(`$ handover extract ${relative(root, log)} --stats`);
console.log(handover(['extract', log, '--stats']));
console.log(`$ handover build ${relative(root, log)} --workspace .`);
const built = JSON.parse(handover(['build', log, '--workspace', root, '--json']));
console.log(
  `${relative(root, built.promptPath)}  (${built.findings} findings, ${built.modifiedFiles} modified files, ${built.stats.promptBytes} bytes; log archived at ${built.archived})\n`,
);
console.log(`$ handover verify ${relative(root, built.dir)}`);
console.log(handover(['verify', built.dir]));
const prompt = readFileSync(built.promptPath, 'utf8');
// The preamble ends with a line `---`: what follows is the session (V2LAYOUT.md's sections).
const start = prompt.indexOf('\n---\n') + 5;
console.log(`--- ${relative(root, built.promptPath)} (after its fixed preamble) ---\n`);
console.log(prompt.slice(start));
