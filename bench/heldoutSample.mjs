// Held-out precision on logs that are not in the repository (public logs whose licence does not allow
// copying them here, or any folder of logs nobody tuned on). Two steps, so the labels are made before
// anyone looks at the build's output:
//
//   node bench/heldoutSample.mjs sample DIR OUT.json [--seed N]
//     builds every .jsonl in DIR with the current build and writes a stratified random sample of the
//     gap-section claims (25 decisions, 35 errors, 20 rejected, 15 refusals, 25 numbers, 20 constraints,
//     or all there are) as items for a labeller: id, log, dir, section, text, detail, cited lines.
//   node bench/heldoutSample.mjs score OUT.json LABELS.jsonl [--wrong] [--lost]
//     rebuilds the sampled logs with the current build and prints, per section, the labelled items the
//     build still makes (correct / wrong) and those it no longer makes: the precision of what is kept.
//     After tuning on those labels this is an in-sample figure; only a fresh sample is held out.
//
// A log keeps its own file name (the session id is read from it); files named `<prefix>__<name>` are built
// as `<name>`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../test/support/paths.mjs';
import { itemsOf } from './lib/precisionItems.mjs';

const QUOTA = { decisions: 25, errors: 35, rejected: 20, refusals: 15, numbers: 25, constraints: 20 };

/** Builds one log in a scratch home and workspace; its claims as precision items, or undefined when it does not build. */
function claimsOf(dir, file) {
  const scratch = mkdtempSync(join(tmpdir(), 'handover-heldout-'));
  try {
    const ws = join(scratch, 'ws');
    mkdirSync(ws);
    const name = file.includes('__') ? file.slice(file.indexOf('__') + 2) : file;
    copyFileSync(join(dir, file), join(scratch, name));
    const env = { ...process.env, HOME: scratch, HANDOVER_HOME: join(scratch, 'home') };
    const result = spawnSync(process.execPath, [cli, 'build', join(scratch, name), '--workspace', ws, '--json'], { env, encoding: 'utf8' });
    if (result.status !== 0) return undefined;
    const data = JSON.parse(readFileSync(join(JSON.parse(result.stdout).dir, 'handover.json'), 'utf8'));
    return itemsOf(file, data);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A seeded generator (mulberry32): the same seed gives the same sample. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(dir, out, seed) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const all = [];
  let failed = 0;
  for (const file of files) {
    const items = claimsOf(dir, file);
    if (!items) failed++;
    else all.push(...items.map((item) => ({ ...item, dir })));
  }
  const next = random(seed);
  const picked = [];
  for (const [section, quota] of Object.entries(QUOTA)) {
    const pool = all.filter((item) => item.section === section);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    picked.push(...pool.slice(0, quota));
  }
  writeFileSync(out, JSON.stringify(picked, null, 1) + '\n');
  const counts = Object.keys(QUOTA).map((s) => `${s} ${picked.filter((i) => i.section === s).length}/${all.filter((i) => i.section === s).length}`);
  console.log(`heldout: ${files.length} logs (${failed} did not build), ${all.length} claims; sampled ${picked.length} (${counts.join(', ')}) → ${out}`);
}

/** `--wrong` also prints the wrong items the build still makes (which makes the set in-sample for whoever reads them). */
const showWrong = process.argv.includes('--wrong');
/** `--lost` prints the correct items the build no longer makes (what a rule took away that was right). */
const showLost = process.argv.includes('--lost');

function score(samplePath, labelsPath) {
  const items = JSON.parse(readFileSync(samplePath, 'utf8'));
  const labels = new Map(
    readFileSync(labelsPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((l) => [l.id, l]),
  );
  const builds = new Map();
  const wrongKept = [];
  const rows = new Map();
  for (const item of items) {
    const label = labels.get(item.id)?.label;
    if (!label) continue;
    const key = join(item.dir, item.log);
    if (!builds.has(key)) builds.set(key, new Set((claimsOf(item.dir, item.log) ?? []).map((c) => c.id)));
    const row = rows.get(item.section) ?? { keptCorrect: 0, keptWrong: 0, goneCorrect: 0, goneWrong: 0 };
    rows.set(item.section, row);
    const kept = builds.get(key).has(item.id);
    row[`${kept ? 'kept' : 'gone'}${label === 'correct' ? 'Correct' : 'Wrong'}`]++;
    if (showLost && !kept && label === 'correct') wrongKept.push(`lost [${item.section}] ${item.log} ${item.lines.join(',')}\n    ${item.text.slice(0, 220)}`);
    if (showWrong && kept && label === 'wrong')
      wrongKept.push(`[${item.section}] ${item.log} ${item.lines.join(',')}\n    ${item.text.slice(0, 220)}\n    why: ${labels.get(item.id).why}`);
  }
  for (const line of wrongKept) console.log(line);
  const total = { keptCorrect: 0, keptWrong: 0, goneCorrect: 0, goneWrong: 0 };
  const line = (name, r) =>
    `${name.padEnd(12)} kept ${String(r.keptCorrect).padStart(3)} correct ${String(r.keptWrong).padStart(3)} wrong   no longer made ${String(r.goneCorrect).padStart(3)} correct ${String(r.goneWrong).padStart(3)} wrong   precision of kept ${((100 * r.keptCorrect) / Math.max(1, r.keptCorrect + r.keptWrong)).toFixed(1)}%`;
  for (const [section, r] of rows) {
    for (const k of Object.keys(total)) total[k] += r[k];
    console.log(line(section, r));
  }
  console.log(line('all', total));
}

const [verb, a, b] = process.argv.slice(2);
const seedAt = process.argv.indexOf('--seed');
if (verb === 'sample' && a && b) sample(a, b, seedAt > 0 ? Number(process.argv[seedAt + 1]) : 7);
else if (verb === 'score' && a && b) score(a, b);
else {
  console.error('usage: node bench/heldoutSample.mjs sample DIR OUT.json [--seed N] | score OUT.json LABELS.jsonl');
  process.exit(2);
}
