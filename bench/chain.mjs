// npm run bench:chain — do planted facts survive a chain of six handovers?
//
// Runs six real `claude` sessions (2.1.328, scripted model: test/support/claudeModelServer.mjs) in one
// scratch project (bench/lib/chainScenario.mjs). Session 1 plants constraints, decisions with reasons,
// rejected approaches, three failing commands and three tasks; sessions 3–5 settle some of them. After
// each session `handover build` writes the handover, and the next session starts from it exactly as
// `handover resume` starts it (its seed prompt, attaching resume-prompt.md). After handover 6 it prints:
//   - still-open facts present in resume-prompt.md 6 (target ≥ 95%)
//   - resolved facts reported resolved or gone from it (target ≥ 95%)
//   - prompt tokens per handover against its budget (flat, within budget)
// and, for comparison, the same still-open facts in the sixth /compact summary of ONE session that does
// the same work and is compacted after each part. That baseline's summaries come from a stand-in
// summarizer (bench/lib/chainScenario.mjs: keeps every user and agent text and the previous summary,
// drops tool output and thinking, newest first within 4,000 characters), not from a real model.
//
//   node bench/chain.mjs [--json]
// Exit: 0 targets met, 3 below target, 1 a session or a build failed.
import { readFileSync } from 'node:fs';
import { startChain } from '../test/support/claudeChain.mjs';
import { FACTS, FILES, SESSIONS, STANDIN_SUMMARY_CAP, standInSummary } from './lib/chainScenario.mjs';

const TARGET = 0.95;
const json = process.argv.includes('--json');
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(0)}%` : 'n/a');
const tokens = (text) => Math.ceil(Buffer.byteLength(text) / 3.5);
/** The product's budget rule (src/handover/resumePrompt.ts budgetTokensFor with DEFAULT_BUDGET), for handovers that do not record theirs. */
const budgetOf = (data) => data.stats?.budgetTokens ?? Math.min(25_000, Math.max(8_000, Math.floor((data.log.bytes / 3.5) * 0.02)));

function fail(code, message) {
  console.error(`bench:chain: ${message}`);
  process.exit(code);
}

/** The carried section and everything before "## Modified files" that lists open work, without the "Settled" part. */
function openText(prompt) {
  return prompt.replace(/Settled in this session and no longer carried:[\s\S]*?(?=\n## |\n_|$)/, '');
}

async function runChain() {
  const chain = await startChain({ files: FILES });
  const handovers = [];
  try {
    for (const [i, session] of SESSIONS.entries()) {
      const run = await chain.runSession({ prompts: session.prompts ?? [], turns: session.turns, seed: i > 0, timeoutMs: 180_000 });
      handovers.push({ sessionId: run.sessionId, ...chain.build(run.logPath) });
    }
    return handovers;
  } finally {
    await chain.close();
  }
}

async function runCompactedSession() {
  const chain = await startChain({ files: FILES, summary: standInSummary });
  try {
    const prompts = [];
    const turns = [];
    for (const [i, session] of SESSIONS.entries()) {
      prompts.push(...(i === 0 ? session.prompts : ['Continue with the open work.']), '/compact');
      turns.push(session.turns);
    }
    const run = await chain.runSession({ prompts, turns: (ctx) => turns.flatMap((t) => t(ctx)), timeoutMs: 180_000 });
    const summaries = chain.server.requests.filter((r) => r.kind === 'compact').map((r) => r.response.content.map((b) => b.text).join(''));
    const boundaries = readFileSync(run.logPath, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"compact_boundary"')).length;
    return { summaries, boundaries };
  } finally {
    await chain.close();
  }
}

const started = Date.now();
let handovers;
let baseline;
try {
  handovers = await runChain();
  baseline = await runCompactedSession();
} catch (error) {
  fail(1, error.message);
}

const last = handovers.at(-1);
const open = FACTS.filter((f) => !f.settledIn);
const settled = FACTS.filter((f) => f.settledIn);
const lastOpenText = openText(last.prompt);
const presentOpen = open.filter((f) => last.prompt.includes(f.probe));
const goneOrResolved = settled.filter((f) => !lastOpenText.includes(f.probe) && !last.data.carried.items.some((i) => i.text.includes(f.probe)));
const linked = !handovers[0].data.previous && handovers.slice(1).every((h, i) => h.data.previous?.sessionId === handovers[i].sessionId);
if (handovers[0].data.previous) console.log(`handover 1 names a previous handover it should not: ${JSON.stringify(handovers[0].data.previous)}`);
const citedToSession1 = last.data.carried.items.filter(
  (i) => i.from.sessionId === handovers[0].sessionId && i.citations.every((c) => c.session === handovers[0].sessionId),
).length;

console.log(
  `bench:chain — ${handovers.length} chained claude sessions, each started from the previous handover (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log('');
console.log('handover  prompt tokens  budget  carried  settled  linked to');
for (const [i, h] of handovers.entries()) {
  const t = tokens(h.prompt);
  console.log(
    `${String(i + 1).padStart(8)}  ${String(t).padStart(13)}  ${String(budgetOf(h.data)).padStart(6)}  ${String(h.data.carried?.items.length ?? 0).padStart(7)}  ${String(h.data.carried?.resolved.length ?? 0).padStart(7)}  ${h.data.previous ? `handover ${i}` : '-'}`,
  );
}
console.log('');
const promptTokens = handovers.map((h) => tokens(h.prompt));
const withinBudget = handovers.every((h) => tokens(h.prompt) <= budgetOf(h.data));
console.log(
  `still-open facts present in handover 6: ${presentOpen.length}/${open.length} (${pct(presentOpen.length, open.length)})  target ≥ ${TARGET * 100}%`,
);
for (const f of open.filter((x) => !presentOpen.includes(x))) console.log(`  missing: ${f.id} (${f.kind}: "${f.probe}")`);
console.log(
  `resolved facts reported resolved or gone: ${goneOrResolved.length}/${settled.length} (${pct(goneOrResolved.length, settled.length)})  target ≥ ${TARGET * 100}%`,
);
for (const f of settled.filter((x) => !goneOrResolved.includes(x))) console.log(`  still shown as open: ${f.id} (settled in session ${f.settledIn})`);
console.log(
  `prompt tokens per handover: ${promptTokens.join(', ')} (last/first ×${(promptTokens.at(-1) / promptTokens[0]).toFixed(2)}, max ${Math.max(...promptTokens)}; ${withinBudget ? 'all within budget' : 'OVER BUDGET'})`,
);
console.log(
  `chain links: ${linked ? 'every handover names the one before it' : 'BROKEN'}; ${citedToSession1} carried item(s) in handover 6 cite session 1's archived log`,
);
console.log('');
const sixth = baseline.summaries.at(-1) ?? '';
const inSummary = open.filter((f) => sixth.includes(f.probe));
console.log(
  `baseline: one session compacted ${baseline.boundaries} times (stand-in summarizer: keeps user and agent texts and the previous summary, drops tool output and thinking, cap ${STANDIN_SUMMARY_CAP} chars)`,
);
console.log(
  `still-open facts in the sixth /compact summary: ${inSummary.length}/${open.length} (${pct(inSummary.length, open.length)}); handover 6 / sixth summary ×${inSummary.length ? (presentOpen.length / inSummary.length).toFixed(2) : '∞'}`,
);
console.log(
  `  lost by the summaries: ${
    open
      .filter((f) => !inSummary.includes(f))
      .map((f) => f.id)
      .join(', ') || 'none'
  }`,
);

const ok = presentOpen.length / open.length >= TARGET && goneOrResolved.length / settled.length >= TARGET && withinBudget && linked;
if (json) {
  console.log(
    JSON.stringify({
      openPresent: presentOpen.length,
      open: open.length,
      resolvedGone: goneOrResolved.length,
      resolved: settled.length,
      promptTokens,
      withinBudget,
      linked,
      baselineOpenPresent: inSummary.length,
      baselineCompactions: baseline.boundaries,
    }),
  );
}
process.exit(ok ? 0 : 3);
