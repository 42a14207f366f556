// npm run bench:facts — do planted facts survive into the handover?
//
// Runs the real `claude` CLI against the scripted model (test/support/claudeModelServer.mjs) through
// the planted-fact session of bench/lib/plantedFacts.mjs (ten turns and a /compact in a real git
// project; the tools really run), checks every fact sits where its category says, then runs
// `handover build <log> --workspace <project> --json` and prints, per category, the share of facts
// present in extract.md (the extract-only baseline) and in resume-prompt.md, a total line, and the
// ratio against the baseline. Every fact missing from resume-prompt.md is listed with where it lives
// in the log, whether handover.json has it (then the budget or the rendering cut it), and which
// analyst should have caught it.
//
//   node bench/facts.mjs [--reuse] [--json]
//     --reuse   skip the claude run and use the session left in .bench/facts/ by the last run
//     --json    also print the figures as one JSON line at the end
// Exit: 0 target met (≥ 95% per category in resume-prompt.md), 3 below target, 2 the planting is
// wrong (a scenario bug), 1 the session or `handover build` failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeScratchProject, startClaudeSession } from '../test/support/claudeSession.mjs';
import { CATEGORIES, checkPlanting, factPresent, locate, logPlaces, makePlantedFactsProject, plantedFactsScenario } from './lib/plantedFacts.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const workDir = join(repoRoot, '.bench', 'facts');
const projectDir = join(workDir, 'project');
const savedLog = join(workDir, 'session.jsonl');
const TARGET = 0.95;

const args = new Set(process.argv.slice(2));

function fail(code, message) {
  console.error(`bench:facts: ${message}`);
  process.exit(code);
}

async function generateSession(scenario, files) {
  mkdirSync(workDir, { recursive: true });
  const project = await makeScratchProject({ files, dir: projectDir });
  /** @type {any[]} */
  let turns = [];
  const session = await startClaudeSession({
    project,
    script: ({ project: dir }) => {
      turns = scenario.turns({ project: dir });
      return turns.flatMap((turn) => turn.model);
    },
    summary: scenario.summary,
    timeoutMs: 180_000,
  });
  const started = Date.now();
  try {
    for (const [index, turn] of turns.entries()) {
      const result = await session.run(turn.prompt);
      if (result.code !== 0 || result.timedOut) {
        fail(1, `claude run ${index + 1} (${JSON.stringify(turn.prompt.slice(0, 40))}) failed with code ${result.code}${result.timedOut ? ' (timed out)' : ''}: ${result.stderr.trim().slice(0, 300)}`);
      }
    }
    if (session.server.remaining !== 0 || session.server.exhausted !== 0) {
      fail(1, `the scripted model was not used up exactly (${session.server.remaining} turns left, ${session.server.exhausted} requests past the end): Claude Code asked for a different number of model calls than scripted`);
    }
    const logPath = session.logPath();
    if (!logPath) fail(1, `claude wrote no session log under ${session.home}`);
    copyFileSync(logPath, savedLog);
    const compactions = session.server.requests.filter((request) => request.kind === 'compact').length;
    return { seconds: (Date.now() - started) / 1000, runs: turns.length, steps: session.server.stepsServed, compactions };
  } finally {
    await session.close();
  }
}

function runCli(argv, env) {
  return spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...argv], { encoding: 'utf8', env, maxBuffer: 256 << 20 });
}

function pct(part, whole) {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : 'n/a';
}

function ratio(value, base) {
  if (base === 0) return value === 0 ? '1.00×' : '∞ (baseline 0)';
  return `${(value / base).toFixed(2)}×`;
}

async function main() {
  const { files, measured } = makePlantedFactsProject();
  const scenario = plantedFactsScenario(measured);
  const { facts } = scenario;

  let generation;
  if (args.has('--reuse') && existsSync(savedLog) && existsSync(projectDir)) {
    console.log(`session: reusing ${savedLog}`);
  } else {
    generation = await generateSession(scenario, files);
    console.log(`session: real claude CLI, ${generation.runs} runs, ${generation.steps} scripted model turns, ${generation.compactions} compaction request(s), ${generation.seconds.toFixed(1)} s`);
  }
  const logText = readFileSync(savedLog, 'utf8');
  console.log(`log: ${savedLog} (${Buffer.byteLength(logText)} bytes, ${logText.split('\n').filter(Boolean).length} lines); workspace ${projectDir}`);

  const problems = checkPlanting(facts, logText);
  if (problems.length) fail(2, `the planted facts are not where their categories say (fix bench/lib/plantedFacts.mjs):\n  ${problems.join('\n  ')}`);

  // The handover, in a HANDOVER_HOME of its own so nothing lands in ~/.handover.
  const home = join(workDir, 'handover-home');
  rmSync(home, { recursive: true, force: true });
  rmSync(join(projectDir, '.handover'), { recursive: true, force: true });
  const env = { ...process.env, HANDOVER_HOME: home };
  const built = runCli(['build', savedLog, '--workspace', projectDir, '--json'], env);
  let build;
  if (built.status === 0) {
    try {
      build = JSON.parse(built.stdout.trim().split('\n').at(-1));
    } catch {
      build = undefined;
    }
  }
  let extractText;
  let promptText;
  let dataText = '';
  if (build?.promptPath && build?.dir) {
    extractText = readFileSync(join(build.dir, 'extract.md'), 'utf8');
    promptText = readFileSync(build.promptPath, 'utf8');
    if (existsSync(join(build.dir, 'handover.json'))) dataText = readFileSync(join(build.dir, 'handover.json'), 'utf8');
  } else {
    // No builder (yet): the baseline still tells how much the extract alone keeps.
    const out = join(workDir, 'extract.md');
    const extracted = runCli(['extract', savedLog, '--out', out], env);
    if (extracted.status !== 0) fail(1, `handover extract failed too: ${extracted.stderr.trim()}`);
    extractText = readFileSync(out, 'utf8');
  }

  const rows = [];
  const totals = { n: 0, extract: 0, prompt: 0 };
  for (const category of CATEGORIES) {
    const list = facts.filter((f) => f.category === category.id);
    const inExtract = list.filter((f) => factPresent(f, extractText)).length;
    const inPrompt = promptText === undefined ? undefined : list.filter((f) => factPresent(f, promptText)).length;
    rows.push({ category, n: list.length, inExtract, inPrompt });
    totals.n += list.length;
    totals.extract += inExtract;
    totals.prompt += inPrompt ?? 0;
  }

  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log('');
  console.log(`${pad('category', 24)}${lpad('facts', 6)}  ${pad('extract.md', 18)}${pad('resume-prompt.md', 20)}vs extract`);
  for (const row of rows) {
    const extractCell = `${row.inExtract}/${row.n} ${pct(row.inExtract, row.n)}`;
    const promptCell = row.inPrompt === undefined ? '—' : `${row.inPrompt}/${row.n} ${pct(row.inPrompt, row.n)}`;
    const vs = row.inPrompt === undefined ? '—' : ratio(row.inPrompt, row.inExtract);
    console.log(`${pad(row.category.label, 24)}${lpad(row.n, 6)}  ${pad(extractCell, 18)}${pad(promptCell, 20)}${vs}`);
  }
  const totalExtract = `${totals.extract}/${totals.n} ${pct(totals.extract, totals.n)}`;
  const totalPrompt = promptText === undefined ? '—' : `${totals.prompt}/${totals.n} ${pct(totals.prompt, totals.n)}`;
  console.log(`${pad('total', 24)}${lpad(totals.n, 6)}  ${pad(totalExtract, 18)}${pad(totalPrompt, 20)}${promptText === undefined ? '—' : ratio(totals.prompt, totals.extract)}`);
  const logBytes = Buffer.byteLength(logText);
  const sizeLine = [`log ${logBytes} B`, `extract.md ${Buffer.byteLength(extractText)} B (${pct(Buffer.byteLength(extractText), logBytes)} of the log)`];
  if (promptText !== undefined) sizeLine.push(`resume-prompt.md ${Buffer.byteLength(promptText)} B (${pct(Buffer.byteLength(promptText), logBytes)}; ≈${Math.round(Buffer.byteLength(promptText) / 4)} tokens)`);
  console.log(sizeLine.join(', '));

  if (promptText === undefined) {
    const why = built.status === 0 ? `printed no JSON with promptPath/dir: ${built.stdout.trim().slice(0, 200)}` : `exited ${built.status}: ${(built.stderr || built.stdout).trim().split('\n')[0]}`;
    fail(1, `resume-prompt.md figures missing: \`handover build --json\` ${why}`);
  }

  const places = logPlaces(logText);
  const missed = facts.filter((f) => !factPresent(f, promptText));
  if (missed.length) {
    console.log('\nmissed in resume-prompt.md:');
    for (const f of missed) {
      const category = CATEGORIES.find((c) => c.id === f.category);
      const missing = locate({ strings: f.strings.filter((s) => !factPresent({ strings: [s] }, promptText)) }, places);
      const where = missing
        .map(({ string, places: at }) => `"${string}" @ ${[...new Set(at.map((p) => `${p.place}:${p.line}`))].slice(0, 4).join(' ') || 'nowhere'}`)
        .join('; ');
      const inData = factPresent(f, dataText) ? 'in handover.json (cut by budget/rendering)' : 'not in handover.json';
      console.log(`  [${category.label}] ${f.id}: ${where}; ${inData} → ${category.analyst}`);
    }
  }

  const below = rows.filter((row) => row.inPrompt / row.n < TARGET);
  if (args.has('--json')) console.log(JSON.stringify({ rows: rows.map((r) => ({ category: r.category.id, facts: r.n, extract: r.inExtract, prompt: r.inPrompt })), totals, build }));
  if (below.length) {
    console.log(`\nbelow the ${TARGET * 100}% target: ${below.map((row) => row.category.label).join(', ')}`);
    process.exit(3);
  }
  console.log(`\ntarget met: every category ≥ ${TARGET * 100}% in resume-prompt.md`);
}

main().catch((error) => fail(1, error.stack ?? error.message));
