// `node bench/buildEquivalence.mjs [--save | --reference DIR] [--no-big]`: proves a speed change to `handover build` changed no output.
// Builds every log under test/fixtures (real/, samples/, claude/, codex/) plus the bench:build log with
// dist/cli.js, and compares handover.json, resume-prompt.md and extract.md (or the failure's exit code and
// stderr) with reference outputs saved from an earlier build (`--save`, kept in .bench/, never in git).
// Paths are fixed per log (a fresh home and workspace at the same place every run, the checkout's folder
// written `<repo>`); only what must vary between two runs of one build is blanked (createdAt, also in the prompt).
// Prints the number of differing logs and exits 1 when any differ.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const save = process.argv.includes('--save');
const skipBig = process.argv.includes('--no-big');
// `--reference DIR`: compare with outputs saved elsewhere (another checkout's `--save`, e.g. main's before a merge).
const referenceArg = process.argv.indexOf('--reference');
const referenceDir = referenceArg > 0 ? resolve(process.argv[referenceArg + 1]) : join(repoRoot, '.bench', 'equivalence', 'reference');
// One place for every checkout: paths inside the outputs (and their byte counts) are then the same.
const scratch = join(tmpdir(), 'handover-build-equivalence');

/** Every session log of the fixtures (subagent and tool-result companions are read with their main log). */
function fixtureLogs() {
  const logs = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.jsonl')) logs.push(path);
    }
  };
  for (const top of ['real', 'samples', 'claude', 'codex']) walk(join(repoRoot, 'test', 'fixtures', top));
  return logs.sort();
}

/** The outputs of one build of `log`, as one text per file (the failure itself when the build fails). */
function buildOutputs(log) {
  rmSync(scratch, { recursive: true, force: true });
  const home = join(scratch, 'home');
  const workspace = join(scratch, 'workspace');
  mkdirSync(home, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const r = spawnSync(process.execPath, [cli, 'build', log, '--workspace', workspace, '--json'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: join(scratch, 'user'), HANDOVER_HOME: home, CODEX_HOME: join(scratch, 'codex') },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) return ownPaths({ 'failure.txt': `exit ${r.status}\n${r.stderr}` });
  const { dir } = JSON.parse(r.stdout);
  const data = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
  // The prompt says when it was written: the one time that differs between two runs of one build.
  const prompt = readFileSync(join(dir, 'resume-prompt.md'), 'utf8').split(data.createdAt).join('<createdAt>');
  data.createdAt = '<createdAt>';
  return ownPaths({
    'handover.json': JSON.stringify(data, null, 2),
    'resume-prompt.md': prompt,
    'extract.md': readFileSync(join(dir, 'extract.md'), 'utf8'),
    'stderr.txt': r.stderr,
  });
}

/** The checkout's own folder named `<repo>`: outputs of two checkouts (a branch and main) then compare. */
function ownPaths(outputs) {
  return Object.fromEntries(Object.entries(outputs).map(([file, text]) => [file, text.split(repoRoot).join('<repo>')]));
}

const logs = fixtureLogs();
const big = join(repoRoot, '.bench', 'build-100mb.jsonl');
if (!skipBig) {
  if (existsSync(big)) logs.push(big);
  else process.stderr.write('buildEquivalence: .bench/build-100mb.jsonl is missing (run npm run bench:build once)\n');
}

let differing = 0;
for (const log of logs) {
  const name = relative(repoRoot, log).replace(/[\\/]/g, '__');
  const outputs = buildOutputs(log);
  const refDir = join(referenceDir, name);
  if (save) {
    rmSync(refDir, { recursive: true, force: true });
    mkdirSync(refDir, { recursive: true });
    for (const [file, text] of Object.entries(outputs)) writeFileSync(join(refDir, file), text);
    continue;
  }
  const expected = existsSync(refDir) ? readdirSync(refDir).sort() : [];
  const actual = Object.keys(outputs).sort();
  const changed = [];
  if (expected.join() !== actual.join()) changed.push(`files ${expected.join(',')} → ${actual.join(',')}`);
  for (const file of actual) {
    if (!expected.includes(file)) continue;
    if (readFileSync(join(refDir, file), 'utf8') !== outputs[file]) {
      changed.push(file);
      mkdirSync(join(repoRoot, '.bench', 'equivalence'), { recursive: true });
      writeFileSync(join(repoRoot, '.bench', 'equivalence', `${name}.${file}.actual`), outputs[file]);
    }
  }
  if (changed.length) {
    differing++;
    console.log(`DIFFERS ${relative(repoRoot, log)}: ${changed.join(', ')}`);
  }
}
rmSync(scratch, { recursive: true, force: true });
if (save) console.log(`buildEquivalence: saved reference outputs of ${logs.length} logs in ${relative(repoRoot, referenceDir)}`);
else console.log(`buildEquivalence: ${logs.length} logs built, ${differing} with differences`);
process.exitCode = differing ? 1 : 0;
