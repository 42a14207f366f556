// bench:precision — how many of the claims in a handover's gap sections are right, judged against hand
// labels (test/fixtures/precision/labels.jsonl, made by reading the cited log records; see that folder's
// README). Builds every labelled real corpus log with the current code, turns handover.json into items
// (bench/lib/precisionItems.mjs) and prints, per section: items produced, how many carry a label, and the
// precision over the labelled ones (target ≥ 90%). Items without a label are counted, never guessed:
// `--unlabelled FILE` writes them out for the next labelling pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixturesDir } from '../test/support/paths.mjs';
import { itemsOf, SECTIONS } from './lib/precisionItems.mjs';

const args = process.argv.slice(2);
const unlabelledOut = args.includes('--unlabelled') ? args[args.indexOf('--unlabelled') + 1] : undefined;
// --cli PATH: measure another build of the CLI (a branch exported elsewhere) with the same labels.
const cliPath = args.includes('--cli') ? args[args.indexOf('--cli') + 1] : cli;
const labelsPath = join(fixturesDir, 'precision', 'labels.jsonl');
if (!existsSync(labelsPath)) {
  console.error(`bench:precision: no labels at ${labelsPath}`);
  process.exit(2);
}
const labels = new Map(
  readFileSync(labelsPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((label) => [label.id, label]),
);
// --all-logs: every log of the corpus, not only the labelled ones (new logs' items for a labelling pass).
const corpusLogs = () =>
  readdirSync(join(fixturesDir, 'real'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(fixturesDir, 'real', d.name)).filter((f) => f.endsWith('.jsonl')).map((f) => `${d.name}/${f}`));
const logs = [...new Set([...labels.values()].map((l) => l.log).concat(args.includes('--all-logs') ? corpusLogs() : []))].sort();

if (cliPath === cli) spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const root = mkdtempSync(join(tmpdir(), 'handover-bench-precision-'));
const env = { ...process.env, HOME: root, HANDOVER_HOME: join(root, 'handover') };

const perSection = Object.fromEntries(SECTIONS.map((s) => [s, { produced: 0, labelled: 0, correct: 0 }]));
const unlabelled = [];
const wrong = [];
const byPass = new Map();
for (const log of logs) {
  const ws = mkdtempSync(join(root, 'ws-'));
  const result = spawnSync(process.execPath, [cliPath, 'build', join(fixturesDir, 'real', log), '--workspace', ws, '--json'], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`build failed for ${log}: ${result.stderr.trim()}`);
    process.exitCode = 1;
    continue;
  }
  const data = JSON.parse(readFileSync(join(JSON.parse(result.stdout).dir, 'handover.json'), 'utf8'));
  for (const item of itemsOf(log, data)) {
    const stats = perSection[item.section];
    stats.produced++;
    const label = labels.get(item.id);
    if (!label) {
      unlabelled.push(item);
      continue;
    }
    stats.labelled++;
    const pass = byPass.get(label.pass ?? 1) ?? { labelled: 0, correct: 0 };
    byPass.set(label.pass ?? 1, pass);
    pass.labelled++;
    if (label.label === 'correct') pass.correct++;
    if (label.label === 'correct') stats.correct++;
    else wrong.push(`${item.section}: ${item.text.slice(0, 100)} (${label.why ?? ''})`);
  }
}

const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
console.log(`bench:precision: ${labels.size} hand labels over ${logs.length} real logs (test/fixtures/real); current build`);
console.log('section        produced  labelled  correct  precision  (target >= 90%)');
let totalLabelled = 0;
let totalCorrect = 0;
let met = true;
for (const section of SECTIONS) {
  const s = perSection[section];
  totalLabelled += s.labelled;
  totalCorrect += s.correct;
  const ok = s.labelled === 0 || s.correct / s.labelled >= 0.9;
  met &&= ok;
  console.log(
    `${section.padEnd(14)} ${String(s.produced).padStart(8)}  ${String(s.labelled).padStart(8)}  ${String(s.correct).padStart(7)}  ${pct(s.correct, s.labelled).padStart(9)}  ${s.labelled ? (ok ? 'PASS' : 'FAIL') : 'no labels'}`,
  );
}
console.log(
  `all            ${String(unlabelled.length + totalLabelled).padStart(8)}  ${String(totalLabelled).padStart(8)}  ${String(totalCorrect).padStart(7)}  ${pct(totalCorrect, totalLabelled).padStart(9)}`,
);
for (const [pass, s] of [...byPass].sort()) console.log(`labels of pass ${pass}: ${s.correct}/${s.labelled} correct (${pct(s.correct, s.labelled)})`);
console.log(
  `unlabelled items in this build: ${unlabelled.length} (not counted above${unlabelledOut ? `; written to ${unlabelledOut}` : '; --unlabelled FILE writes them'})`,
);
if (args.includes('--verbose')) for (const line of wrong) console.log(`  wrong ${line}`);
if (unlabelledOut) writeFileSync(unlabelledOut, unlabelled.map((i) => JSON.stringify(i)).join('\n') + '\n');
if (!met) process.exitCode = 1;
