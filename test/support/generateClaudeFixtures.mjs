// Produces small, real Claude Code 2.1.328 session logs with the real `claude` CLI and the scripted
// model server, and (when run as a script) saves them into test/fixtures/claude/generated/.
//
//   node test/support/generateClaudeFixtures.mjs            regenerate every fixture (≈ 15 s)
//
// Each fixture is <name>.jsonl (plus <name>/subagents/… when a subagent ran) and <name>.expected.json:
// what the script put into the session (typed user messages, non-empty thinking texts, the
// compaction summary, strings that only ever appear in tool results). The expectations come from the
// script, not from parsing the log, so a test can hold any reader to them.
//
// Exports
//   scenarios                                 { name: Scenario } (the sessions below)
//   runScenario(scenario, { keep? }) → Promise<{ logPath, sessionId, project, home, expected, results,
//                                                server, close() }>
//       runs the scenario's user turns against a fresh HOME and scratch git project; throws when a
//       claude run fails or the script was not used up exactly.
//   saveFixture(run, outDir, name) → Promise<string[]>   the written files; paths made stable, bulky
//       prompt/tool-schema snapshots trimmed (see README.md in the output folder).
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClaudeSession } from './claudeSession.mjs';
import { repoRoot } from './paths.mjs';

async function writeFileAtomic(path, text) {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

export const generatedDir = join(repoRoot, 'test', 'fixtures', 'claude', 'generated');

// Stand-ins written into the saved fixtures instead of the random temp paths of the run.
const STABLE_PROJECT = '/tmp/handover-fixture/project';
const STABLE_HOME = '/tmp/handover-fixture/home';

const compactSummary = (topic) =>
  `<analysis>\nThe user worked on ${topic}.\n</analysis>\n<summary>\n1. Primary Request: ${topic}.\n` +
  `2. Key facts: FIXTURE-SUMMARY-MARKER-${topic.replace(/\W+/g, '-')}; calc.js exports add and multiply.\n</summary>`;

/**
 * A scenario: user turns (each a prompt plus the assistant turns the model answers it with), an
 * optional subagent script, the compaction summary, and the strings that appear only in tool output.
 * Functions receive { project } because Read/Edit want absolute paths.
 */
export const scenarios = {
  'tools-thinking-compact': {
    summary: compactSummary('a calculator module'),
    toolOnly: ['CALC-RESULT 6 * 7 = 42', 'Cannot find module', 'missing-suite.test.js'],
    turns: ({ project }) => [
      {
        prompt: 'Create calc.js with add and mul functions and print 6 * 7 with it. Keep it dependency-free.',
        model: [
          [
            { type: 'thinking', text: 'A single CommonJS file is enough; no package.json needed because the user wants it dependency-free.' },
            {
              type: 'tool_use',
              name: 'Write',
              input: {
                file_path: join(project, 'calc.js'),
                content:
                  "function add(a, b) { return a + b; }\nfunction mul(a, b) { return a * b; }\nmodule.exports = { add, mul };\nif (require.main === module) console.log('CALC-RESULT 6 * 7 = ' + mul(6, 7));\n",
              },
            },
          ],
          [{ type: 'tool_use', name: 'Bash', input: { command: 'node calc.js', description: 'Run the calculator' } }],
          [
            { type: 'thinking', text: 'The run printed the product, so the module works as written.' },
            { type: 'text', text: 'calc.js is in place and prints the product.' },
          ],
        ],
      },
      {
        prompt: 'Rename mul to multiply, then run the test suite.',
        model: [
          [
            { type: 'thinking', text: 'Rename in both the definition and the export; callers in this repo are only calc.js itself.' },
            { type: 'tool_use', name: 'Read', input: { file_path: join(project, 'calc.js') } },
          ],
          [
            {
              type: 'tool_use',
              name: 'Edit',
              input: { file_path: join(project, 'calc.js'), old_string: 'mul', new_string: 'multiply', replace_all: true },
            },
          ],
          [{ type: 'tool_use', name: 'Bash', input: { command: 'node test/missing-suite.test.js', description: 'Run the tests' } }],
          [
            {
              type: 'thinking',
              text: 'There is no test directory yet; the rename itself is done, so report that tests are absent rather than invent a suite.',
            },
            { type: 'text', text: 'Renamed to multiply. The test run failed because the project has no tests yet.' },
          ],
        ],
      },
      { prompt: '/compact', model: [], compact: true },
      {
        // Empty thinking (a signature only) is what real logs mostly hold: the text must stand in.
        prompt: 'After the compaction: add a subtract function too.',
        model: [
          [
            { type: 'thinking', text: '' },
            { type: 'tool_use', name: 'Read', input: { file_path: join(project, 'calc.js') } },
          ],
          [
            {
              type: 'tool_use',
              name: 'Edit',
              input: {
                file_path: join(project, 'calc.js'),
                old_string: 'module.exports = { add, multiply };',
                new_string: 'function subtract(a, b) { return a - b; }\nmodule.exports = { add, multiply, subtract };',
              },
            },
          ],
          [
            { type: 'thinking', text: '' },
            { type: 'text', text: 'subtract is added next to add and exported with the others.' },
          ],
        ],
      },
    ],
  },
  'subagent-task': {
    summary: compactSummary('a subagent review'),
    toolOnly: ['SUBAGENT-SAW-README-LINE'],
    files: { 'README.md': '# scratch project\nSUBAGENT-SAW-README-LINE\n' },
    turns: () => [
      {
        prompt: 'Ask a subagent to review README.md and tell me what it found.',
        model: [
          [
            { type: 'thinking', text: 'Delegate the review to a general-purpose agent and wait for it, since the answer depends on it.' },
            {
              type: 'tool_use',
              name: 'Agent',
              input: {
                description: 'Review README',
                prompt: 'Read README.md in the project root and report its first heading.',
                subagent_type: 'general-purpose',
                run_in_background: false,
              },
            },
          ],
          [{ type: 'text', text: 'The subagent reports the README heading is "scratch project".' }],
        ],
      },
    ],
    subagent: ({ project }) => [
      [
        { type: 'thinking', text: 'Subagent: read the README before reporting.' },
        { type: 'tool_use', name: 'Read', input: { file_path: join(project, 'README.md') } },
      ],
      [{ type: 'text', text: 'The first heading is "scratch project".' }],
    ],
    subagentThinking: ['Subagent: read the README before reporting.'],
  },
};

function expectationsFor(scenario, turns) {
  const thinking = [];
  for (const turn of turns) {
    for (const step of turn.model) {
      for (const block of step) if (block.type === 'thinking' && block.text.trim()) thinking.push(block.text);
    }
  }
  const standIns = [];
  for (const turn of turns) {
    for (const step of turn.model) {
      if (step.some((block) => block.type === 'thinking' && !block.text.trim())) {
        for (const block of step) if (block.type === 'text') standIns.push(block.text);
      }
    }
  }
  return {
    userMessages: turns.filter((turn) => !turn.compact).map((turn) => turn.prompt),
    thinking,
    subagentThinking: scenario.subagentThinking ?? [],
    emptyThinkingStandIns: standIns,
    compactions: turns.filter((turn) => turn.compact).length,
    summaryMarkers: turns.some((turn) => turn.compact) ? [/FIXTURE-SUMMARY-MARKER-[\w-]+/.exec(scenario.summary)[0]] : [],
    toolOnly: scenario.toolOnly ?? [],
  };
}

export async function runScenario(scenario, { keep = false } = {}) {
  /** @type {any[]} */
  let turns = [];
  const session = await startClaudeSession({
    files: scenario.files,
    script: ({ project }) => {
      turns = scenario.turns({ project });
      return turns.flatMap((turn) => turn.model);
    },
    subagentScript: scenario.subagent ?? [],
    summary: scenario.summary,
    keep,
  });
  const results = [];
  try {
    for (const turn of turns) {
      const result = await session.run(turn.prompt);
      results.push(result);
      if (result.code !== 0 || result.timedOut) {
        throw new Error(
          `claude -p ${JSON.stringify(turn.prompt)} failed (code ${result.code}${result.timedOut ? ', timed out' : ''}): ${result.stderr.slice(0, 500)}`,
        );
      }
    }
    if (session.server.remaining !== 0 || session.server.exhausted !== 0) {
      throw new Error(`script not used up exactly: ${session.server.remaining} turns left, ${session.server.exhausted} requests past the end`);
    }
    const logPath = session.logPath();
    if (!logPath) throw new Error(`no session log under ${session.home}/.claude/projects`);
    return {
      logPath,
      sessionId: session.sessionId,
      project: session.project,
      home: session.home,
      expected: expectationsFor(scenario, turns),
      results,
      server: session.server,
      close: () => session.close(),
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}

// Records that only snapshot the system prompt and tool schemas (tens of KB each, per run): their big
// strings are cut so a fixture stays small. Conversation records are never touched.
const BULKY_RECORD_TYPES = new Set(['api-request-shape', 'api-request-blob']);
const BULKY_ATTACHMENTS = new Set(['prompt_snapshot', 'skill_listing', 'agent_listing_delta', 'deferred_tools_delta']);
const KEEP_CHARS = 60;
const KEEP_ITEMS = 3;

function trimStrings(value) {
  if (typeof value === 'string') {
    return value.length > KEEP_CHARS * 2 ? `${value.slice(0, KEEP_CHARS)}…[trimmed ${value.length - KEEP_CHARS} chars]` : value;
  }
  if (Array.isArray(value)) {
    const kept = value.slice(0, KEEP_ITEMS).map(trimStrings);
    return value.length > KEEP_ITEMS ? [...kept, `…[trimmed ${value.length - KEEP_ITEMS} items]`] : kept;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimStrings(v)]));
  return value;
}

export function slimLine(line) {
  if (!line.trim()) return line;
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (BULKY_RECORD_TYPES.has(record.type) || (record.type === 'attachment' && BULKY_ATTACHMENTS.has(record.attachment?.type))) {
    return JSON.stringify(trimStrings(record));
  }
  return line;
}

function stabilize(text, run) {
  const mangle = (path) => path.replace(/[^a-zA-Z0-9]/g, '-');
  // Longest first: the home path contains the mangled project path.
  return text.replaceAll(run.home, STABLE_HOME).replaceAll(run.project, STABLE_PROJECT).replaceAll(mangle(run.project), mangle(STABLE_PROJECT));
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

export async function saveFixture(run, outDir, name) {
  await mkdir(outDir, { recursive: true });
  const written = [];
  const transform = (text, isJsonl) => {
    const stable = stabilize(text, run);
    return isJsonl ? stable.split('\n').map(slimLine).join('\n') : stable;
  };
  const main = join(outDir, `${name}.jsonl`);
  await writeFileAtomic(main, transform(await readFile(run.logPath, 'utf8'), true));
  written.push(main);
  const sideDir = join(dirname(run.logPath), run.sessionId);
  await rm(join(outDir, name), { recursive: true, force: true });
  if (existsSync(sideDir)) {
    for (const path of await listFiles(sideDir)) {
      const rel = path.slice(sideDir.length + 1);
      if (!rel.startsWith('subagents/') && !rel.startsWith('tool-results/')) continue;
      const target = join(outDir, name, rel);
      await mkdir(dirname(target), { recursive: true });
      if (/\.(jsonl|json|txt)$/.test(rel)) await writeFileAtomic(target, transform(await readFile(path, 'utf8'), rel.endsWith('.jsonl')));
      else await copyFile(path, target);
      written.push(target);
    }
  }
  const expected = join(outDir, `${name}.expected.json`);
  await writeFileAtomic(expected, JSON.stringify(JSON.parse(stabilize(JSON.stringify(run.expected), run)), null, 2) + '\n');
  written.push(expected);
  return written;
}

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(scenarios);
  for (const name of names) {
    const scenario = scenarios[name];
    if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
    const run = await runScenario(scenario);
    try {
      const files = await saveFixture(run, generatedDir, name);
      for (const file of files) console.log(`${(await stat(file)).size.toString().padStart(7)}  ${file.slice(repoRoot.length + 1)}`);
    } finally {
      await run.close();
    }
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(`generateClaudeFixtures: ${error.message}`);
    process.exit(1);
  });
}
