// npm run bench:facts — do planted facts survive into the handover, in the section they belong to?
//
// Every scenario in bench/lib/facts/scenarios/ is a real Claude Code session: the pinned `claude` CLI,
// offline, against the scripted model (test/support/claudeModelServer.mjs), in a scratch git project
// where the tools really run (bench/lib/facts/session.mjs). Sessions are generated into
// .bench/facts/<scenario>/ and reused while the generator's inputs hash the same. Each scenario ends
// with a /compact: the handover is built (`handover build --json`) from the log as it stood when the
// /compact was typed (what a PreCompact hook hands over), and the compaction summary the scripted model
// gave (written the way a model paraphrases) is the baseline it is compared with.
//
// The benchmark reads resume-prompt.md's sections by their headings (the v2 layout,
// bench/lib/facts/kit.mjs SECTIONS; any order) and counts a fact as kept only when its key text is
// in the section its category names. It prints recall per category (extract.md, resume-prompt.md,
// the compaction summary), the statuses of errors and checks (false "not resolved", false
// "resolved"), the "**Last request**" line, negative-fact violations, and per scenario the tokens of
// resume-prompt.md and of the compaction summary (bytes / 3.5, as estimateTokens) with the facts each
// keeps per 1,000 tokens.
//
//   node bench/facts.mjs [--regenerate] [--only a,b] [--verbose] [--json] [--cli PATH]
//     --regenerate  run every claude session again even when its inputs are unchanged
//     --only        just these scenarios
//     --verbose     list every missed fact with where it is in the prompt and handover.json
//     --json        also print the figures as one JSON line at the end
//     --cli PATH    measure another build's dist/cli.js (e.g. a branch exported and built elsewhere)
// Exit: 0 targets met (≥ 95% per category, 0 wrong statuses or last requests), 3 below target, 2 a scenario plants a
// fact in the wrong place, 1 a session or `handover build` failed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES } from './lib/facts/kit.mjs';
import { checkPlanting, scoreScenario } from './lib/facts/check.mjs';
import { generateScenario, loadScenario, scenarioInputsHash, sessionIdFor } from './lib/facts/session.mjs';
import { scenarios } from './lib/facts/scenarios/index.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(repoRoot, '.bench', 'facts');
const TARGET = 0.95;
const CONCURRENCY = 2;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const cliPath = argv.includes('--cli') ? argv[argv.indexOf('--cli') + 1] : join(repoRoot, 'dist', 'cli.js');

function fail(code, message) {
  console.error(`bench:facts: ${message}`);
  process.exit(code);
}

const tokens = (text) => Math.ceil(Buffer.byteLength(text) / 3.5);
const pct = (part, whole) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : 'n/a');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** Tools a scenario's session runs that this machine lacks (checked only when it must be generated). */
function missingTools(scenario) {
  return (scenario.requires ?? []).filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
}

/** Generates (or reuses) every scenario's session, CONCURRENCY at a time; → the names it had to skip. */
async function prepare(list) {
  const queue = [...list];
  const lines = [];
  const skipped = new Set();
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const dir = join(benchDir, entry.scenario.name);
      const hash = scenarioInputsHash(entry.file);
      const hashFile = join(dir, 'inputs.sha256');
      const complete = ['session.jsonl', 'precompact.jsonl', 'summary.txt', 'kept.txt', 'project'].every((name) => existsSync(join(dir, name)));
      if (!flag('--regenerate') && complete && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
        lines.push(`  ${pad(entry.scenario.name, 22)} reused`);
        continue;
      }
      const missing = missingTools(entry.scenario);
      if (missing.length) {
        skipped.add(entry.scenario.name);
        lines.push(`  ${pad(entry.scenario.name, 22)} SKIPPED: needs ${missing.join(', ')} on PATH`);
        continue;
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      try {
        const made = await generateScenario(entry.scenario, dir);
        writeFileSync(hashFile, hash);
        lines.push(`  ${pad(entry.scenario.name, 22)} generated: ${made.runs} claude runs, ${made.compactions} compaction(s), ${made.seconds.toFixed(1)} s`);
      } catch (error) {
        fail(1, `scenario ${entry.scenario.name}: the claude session failed: ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { lines, skipped };
}

function runCli(args, env) {
  return spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env, maxBuffer: 256 << 20 });
}

/** `handover build` on the pre-compaction log; → { prompt, extract, data } (prompt undefined if it failed). */
function buildHandover(name, dir) {
  const project = realpathSync(join(dir, 'project'));
  const logDir = join(dir, 'precompact');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const log = join(logDir, `${sessionIdFor(name)}.jsonl`);
  copyFileSync(join(dir, 'precompact.jsonl'), log);
  const home = join(dir, 'handover-home');
  rmSync(home, { recursive: true, force: true });
  rmSync(join(project, '.handover'), { recursive: true, force: true });
  const env = { ...process.env, HANDOVER_HOME: home };
  const built = runCli(['build', log, '--workspace', project, '--json'], env);
  let result;
  try {
    result = JSON.parse(built.stdout.trim().split('\n').at(-1));
  } catch {
    result = undefined;
  }
  if (built.status !== 0 || !result?.promptPath || !result?.dir) {
    fail(1, `scenario ${name}: \`handover build --json\` exited ${built.status}: ${(built.stderr || built.stdout).trim().split('\n')[0]}`);
  }
  const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  return { prompt: read(result.promptPath), extract: read(join(result.dir, 'extract.md')), data: read(join(result.dir, 'handover.json')) };
}

async function main() {
  const list = scenarios.filter((entry) => !only || only.has(entry.scenario.name));
  if (list.length === 0) fail(1, `no scenario matches --only ${onlyArg}`);
  console.log(`sessions (.bench/facts/, real claude CLI ${readClaudeVersion()} against the scripted model):`);
  const started = Date.now();
  const { lines, skipped } = await prepare(list);
  for (const line of lines) console.log(line);

  const results = [];
  for (const entry of list.filter((e) => !skipped.has(e.scenario.name))) {
    const dir = join(benchDir, entry.scenario.name);
    const { kit } = loadScenario(entry.scenario, realpathSync(join(dir, 'project')));
    const precompact = readFileSync(join(dir, 'precompact.jsonl'), 'utf8');
    const problems = checkPlanting(kit, precompact);
    if (problems.length) fail(2, `scenario ${entry.scenario.name} plants facts in the wrong place (fix ${entry.file}):\n  ${problems.join('\n  ')}`);
    const summary = readFileSync(join(dir, 'summary.txt'), 'utf8');
    const kept = readFileSync(join(dir, 'kept.txt'), 'utf8');
    const handover = buildHandover(entry.scenario.name, dir);
    const withKept = scoreScenario(kit, { summary: `${summary}\n${kept}` }).facts.filter((f) => f.summary).length;
    results.push({ scenario: entry.scenario, kit, summary, kept, withKept, handover, score: scoreScenario(kit, { ...handover, summary }) });
  }

  // Per scenario: size and density, the handover beside the compaction summary of the same session.
  console.log('');
  console.log(
    `${pad('scenario', 22)}${lpad('facts', 6)}  ${pad('resume-prompt.md: kept tokens /1k', 36)}${pad('compaction summary: found tokens /1k', 38)}extract.md`,
  );
  for (const { scenario, score, summary, handover } of results) {
    const n = score.facts.length;
    const kept = score.facts.filter((f) => f.kept).length;
    const found = score.facts.filter((f) => f.summary).length;
    const inExtract = score.facts.filter((f) => f.extract).length;
    const promptTokens = tokens(handover.prompt);
    const summaryTokens = tokens(summary);
    const cell = (k, t) => `${lpad(`${k}/${n}`, 7)} ${lpad(t, 6)} ${lpad(((k / t) * 1000).toFixed(2), 6)}`;
    console.log(`${pad(scenario.name, 22)}${lpad(n, 6)}  ${pad(cell(kept, promptTokens), 36)}${pad(cell(found, summaryTokens), 38)}${inExtract}/${n}`);
  }

  // Per category: extract.md (anywhere), resume-prompt.md (in its section), compaction summary (anywhere).
  const all = results.flatMap((r) => r.score.facts);
  console.log('');
  console.log(
    `${pad('category', 24)}${lpad('facts', 6)}  ${pad('extract.md', 16)}${pad('resume-prompt.md', 18)}${pad('(anywhere in it)', 18)}compaction summary`,
  );
  const rows = [];
  for (const category of CATEGORIES) {
    const list = all.filter((f) => f.fact.category === category.id);
    if (list.length === 0) continue;
    const count = (key) => list.filter((f) => f[key]).length;
    const row = {
      category: category.id,
      facts: list.length,
      extract: count('extract'),
      prompt: count('kept'),
      anywhere: count('anywhere'),
      summary: count('summary'),
    };
    rows.push(row);
    const cell = (k) => `${k}/${list.length} ${pct(k, list.length)}`;
    console.log(
      `${pad(category.label, 24)}${lpad(list.length, 6)}  ${pad(cell(row.extract), 16)}${pad(cell(row.prompt), 18)}${pad(cell(row.anywhere), 18)}${cell(row.summary)}`,
    );
  }
  const total = (key) => all.filter((f) => f[key]).length;
  const totalCell = (k) => `${k}/${all.length} ${pct(k, all.length)}`;
  console.log(
    `${pad('total', 24)}${lpad(all.length, 6)}  ${pad(totalCell(total('extract')), 16)}${pad(totalCell(total('kept')), 18)}${pad(totalCell(total('anywhere')), 18)}${totalCell(total('summary'))}`,
  );
  const promptTokens = results.reduce((sum, r) => sum + tokens(r.handover.prompt), 0);
  const summaryTokens = results.reduce((sum, r) => sum + tokens(r.summary), 0);
  console.log(
    `tokens: resume-prompt.md ${promptTokens} in all, ${((total('kept') / promptTokens) * 1000).toFixed(2)} facts kept per 1,000; ` +
      `compaction summaries ${summaryTokens} in all, ${((total('summary') / summaryTokens) * 1000).toFixed(2)} facts per 1,000`,
  );
  const keptTokens = results.reduce((sum, r) => sum + tokens(r.kept), 0);
  const withKept = results.reduce((sum, r) => sum + r.withKept, 0);
  console.log(
    `Claude Code also keeps the latest messages verbatim after its summary (${keptTokens} tokens in all): ` +
      `summary + those messages hold ${totalCell(withKept)} of the facts`,
  );

  // Statuses: an error fixed later must read resolved, one still failing must read unresolved; a
  // check's last outcome must be the one the session ended with.
  const statuses = results.flatMap((r) => r.score.statuses.map((s) => ({ ...s, scenario: r.scenario.name })));
  const by = (verdict) => statuses.filter((s) => s.verdict === verdict);
  const falseNotResolved = by('wrong').filter((s) => s.status.expect === 'resolved' || s.status.expect === 'passing');
  const falseResolved = by('wrong').filter((s) => s.status.expect === 'unresolved' || s.status.expect === 'failing');
  console.log('');
  console.log(
    `statuses: ${statuses.length} (${statuses.filter((s) => s.status.kind === 'error').length} errors, ${statuses.filter((s) => s.status.kind === 'check').length} checks): ` +
      `${by('right').length} right, false "not resolved" ${falseNotResolved.length}, false "resolved" ${falseResolved.length}, ` +
      `not shown ${by('missing').length}, shown without a status ${by('unclear').length}`,
  );
  for (const s of by('wrong'))
    console.log(`  wrong: [${s.scenario}] ${s.status.kind} "${s.status.key}" should read ${s.status.expect}, reads ${s.said.join('/')}`);

  const lasts = results.flatMap((r) => r.score.last.map((l) => ({ ...l, scenario: r.scenario.name })));
  const lastBy = (verdict) => lasts.filter((l) => l.verdict === verdict).length;
  console.log(
    `last request: ${lasts.length} planted: ${lastBy('right')} right, ${lastBy('wrong')} wrong, ${lastBy('missing')} without a "**Last request**" line`,
  );
  for (const l of lasts.filter((x) => x.verdict === 'wrong'))
    console.log(`  wrong: [${l.scenario}] should be "${l.expected.key}", shows ${JSON.stringify(l.shown.slice(0, 120))}`);

  const negatives = results.flatMap((r) => r.score.negatives.map((n) => ({ ...n, scenario: r.scenario.name })));
  const violated = negatives.filter((n) => n.violated);
  console.log(`negative facts: ${negatives.length}, violations ${violated.length}`);
  for (const n of violated) console.log(`  violated: [${n.scenario}] "${n.negative.text}" is in ${n.negative.section} (${n.negative.why})`);

  if (flag('--verbose')) {
    console.log('\nmissed in their section of resume-prompt.md:');
    for (const r of results) {
      for (const f of r.score.facts.filter((x) => !x.kept)) {
        const where = f.anywhere ? 'elsewhere in the prompt' : f.data ? 'only in handover.json' : 'not in handover.json';
        console.log(`  [${r.scenario.name}] ${f.fact.id}: ${where}`);
      }
    }
  }

  if (skipped.size)
    console.log(`\nPARTIAL: ${skipped.size} scenario(s) skipped for missing tools (${[...skipped].join(', ')}); the figures above leave them out`);
  const below = rows.filter((row) => row.prompt / row.facts < TARGET);
  const wrong = by('wrong').length + lastBy('wrong');
  console.log(`\nruntime ${((Date.now() - started) / 1000).toFixed(1)} s; targets: ≥ ${TARGET * 100}% per category in its section, 0 wrong statuses`);
  if (flag('--json')) {
    const perScenario = results.map((r) => ({
      scenario: r.scenario.name,
      facts: r.score.facts.length,
      kept: r.score.facts.filter((f) => f.kept).length,
      promptTokens: tokens(r.handover.prompt),
      summaryFound: r.score.facts.filter((f) => f.summary).length,
      summaryTokens: tokens(r.summary),
    }));
    console.log(
      JSON.stringify({
        rows,
        perScenario,
        statuses: {
          total: statuses.length,
          right: by('right').length,
          falseNotResolved: falseNotResolved.length,
          falseResolved: falseResolved.length,
          missing: by('missing').length,
        },
        negatives: { total: negatives.length, violated: violated.length },
        lastRequest: { total: lasts.length, right: lastBy('right'), wrong: lastBy('wrong') },
      }),
    );
  }
  if (below.length || wrong) {
    console.log(
      `below target: ${[...below.map((row) => CATEGORIES.find((c) => c.id === row.category).label), ...(wrong ? [`${wrong} wrong status(es)`] : [])].join(', ')}`,
    );
    process.exit(3);
  }
  console.log('targets met');
}

function readClaudeVersion() {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json'), 'utf8')).version;
  } catch {
    return '(version unknown)';
  }
}

main().catch((error) => fail(1, error.stack ?? error.message));
