// Three real Claude Code 2.1.328 sessions forming a chain (each started from the previous handover, as
// `handover resume` starts it), saved into test/fixtures/claude/chain/ as session-1..3.jsonl plus
// chain.expected.json: what the script planted, from the script, not from parsing the logs.
//
//   npm run build && node test/support/generateChainFixtures.mjs      (≈ 30 s)
//
// Session 1 plants: two standing constraints (typed by the user), a decision with its reason, a
// rejected approach (a file created, then deleted, with the reason said), an unresolved error (the test
// fails with SLUG-MISMATCH) and two open tasks. Session 2 fixes the error and completes one task;
// session 3 completes the other, so the user's request is done.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChain } from './claudeChain.mjs';
import { repoRoot } from './paths.mjs';
import { slimLine } from './generateClaudeFixtures.mjs';

export const chainFixtureDir = join(repoRoot, 'test', 'fixtures', 'claude', 'chain');
const STABLE_PROJECT = '/tmp/handover-fixture/chain-project';
const STABLE_HOME = '/tmp/handover-fixture/chain-home';

export const CHAIN_FILES = {
  'package.json': JSON.stringify({ name: 'slugs', version: '1.0.0', private: true, scripts: { test: 'node test.js' } }, null, 2) + '\n',
  'test.js':
    "const { slugify } = require('./slug');\nconst got = slugify('Hello  World');\nif (got !== 'hello-world') {\n  console.error('SLUG-MISMATCH expected hello-world got ' + got);\n  process.exit(1);\n}\nconsole.log('slug ok');\n",
  'README.md': '# slugs\n',
};

export const FACTS = {
  constraints: ['Never add runtime dependencies to package.json', 'Keep the public API to the single slugify function'],
  decision: 'I will use a plain regex replace instead of Intl.Segmenter because Node 18 on the CI runners lacks full ICU.',
  rejected: 'slug-intl.js',
  error: 'SLUG-MISMATCH expected hello-world got hello--world',
  tasks: ['Fix the double dash in slugify', 'Document slugify in README.md'],
};

// Claude Code 2.1.3xx in -p mode has TaskCreate/TaskUpdate (TodoWrite is disabled there); ids count from 1.
const createTask = (subject) => ({ type: 'tool_use', name: 'TaskCreate', input: { subject, description: subject } });
const updateTask = (taskId, status) => ({ type: 'tool_use', name: 'TaskUpdate', input: { taskId: String(taskId), status } });

export const CHAIN_SESSIONS = [
  {
    prompts: [
      `Write slug.js exporting slugify(text) and make node test.js pass. ${FACTS.constraints[0]}; this library must stay dependency-free.`,
      `${FACTS.constraints[1]}, nothing else exported.`,
    ],
    turns: ({ project }) => [
      [
        { type: 'thinking', text: `${FACTS.decision} Trying a Segmenter-based variant first in a side file to compare.` },
        {
          type: 'tool_use',
          name: 'Write',
          input: {
            file_path: join(project, FACTS.rejected),
            content: "module.exports = (t) => [...new Intl.Segmenter().segment(t)].map((s) => s.segment).join('');\n",
          },
        },
      ],
      [
        { type: 'thinking', text: 'The Intl.Segmenter approach does not work on Node 18 CI, so I abandoned slug-intl.js and removed it.' },
        { type: 'tool_use', name: 'Bash', input: { command: `rm ${FACTS.rejected}`, description: 'Remove the abandoned variant' } },
      ],
      [
        {
          type: 'tool_use',
          name: 'Write',
          input: {
            file_path: join(project, 'slug.js'),
            content: "function slugify(text) {\n  return text.toLowerCase().replace(/\\s/g, '-');\n}\nmodule.exports = { slugify };\n",
          },
        },
      ],
      [{ type: 'tool_use', name: 'Bash', input: { command: 'node test.js', description: 'Run the tests' } }],
      [createTask(FACTS.tasks[0]), createTask(FACTS.tasks[1])],
      [updateTask(1, 'in_progress')],
      [{ type: 'text', text: 'slug.js is written but node test.js still fails with SLUG-MISMATCH: runs of spaces become double dashes.' }],
      // Second prompt.
      [{ type: 'text', text: 'Understood: slugify stays the only export.' }],
    ],
  },
  {
    seed: true,
    turns: ({ project }) => [
      [
        { type: 'thinking', text: 'The handover says node test.js fails with SLUG-MISMATCH; collapse runs of whitespace with \\s+.' },
        { type: 'tool_use', name: 'Read', input: { file_path: join(project, 'slug.js') } },
      ],
      [{ type: 'tool_use', name: 'Edit', input: { file_path: join(project, 'slug.js'), old_string: '/\\s/g', new_string: '/\\s+/g' } }],
      [{ type: 'tool_use', name: 'Bash', input: { command: 'node test.js', description: 'Run the tests' } }],
      [createTask(FACTS.tasks[0])],
      [updateTask(1, 'completed'), createTask(FACTS.tasks[1])],
      [{ type: 'text', text: 'node test.js passes now; the README section is still to do.' }],
    ],
  },
  {
    seed: true,
    turns: ({ project }) => [
      [{ type: 'tool_use', name: 'Read', input: { file_path: join(project, 'README.md') } }],
      [
        {
          type: 'tool_use',
          name: 'Edit',
          input: {
            file_path: join(project, 'README.md'),
            old_string: '# slugs\n',
            new_string: '# slugs\n\n`slugify(text)`: lowercase, whitespace runs become one dash.\n',
          },
        },
      ],
      [{ type: 'tool_use', name: 'Bash', input: { command: 'node test.js', description: 'Run the tests' } }],
      [createTask(FACTS.tasks[1])],
      [updateTask(1, 'completed')],
      [{ type: 'text', text: 'README documents slugify and node test.js passes: all tasks are done.' }],
    ],
  },
];

/** Runs the three sessions, building a handover after each. */
export async function runChainScenario({ keep = false } = {}) {
  const chain = await startChain({ files: CHAIN_FILES, keep });
  const sessions = [];
  try {
    for (const session of CHAIN_SESSIONS) {
      const run = await chain.runSession({ prompts: session.prompts ?? [], turns: session.turns, seed: session.seed });
      const handover = chain.build(run.logPath);
      sessions.push({ ...run, handover });
    }
    return { chain, sessions };
  } catch (error) {
    await chain.close();
    throw error;
  }
}

async function main() {
  const { chain, sessions } = await runChainScenario();
  try {
    await rm(chainFixtureDir, { recursive: true, force: true });
    await mkdir(chainFixtureDir, { recursive: true });
    const mangle = (path) => path.replace(/[^a-zA-Z0-9]/g, '-');
    const stable = (text) =>
      text.replaceAll(chain.home, STABLE_HOME).replaceAll(chain.project, STABLE_PROJECT).replaceAll(mangle(chain.project), mangle(STABLE_PROJECT));
    for (const [i, session] of sessions.entries()) {
      await writeFile(
        join(chainFixtureDir, `session-${i + 1}.jsonl`),
        stable(await readFile(session.logPath, 'utf8'))
          .split('\n')
          .map(slimLine)
          .join('\n'),
      );
    }
    const expected = { sessionIds: sessions.map((s) => s.sessionId), facts: FACTS, userPrompts: CHAIN_SESSIONS[0].prompts };
    await writeFile(join(chainFixtureDir, 'chain.expected.json'), JSON.stringify(expected, null, 2) + '\n');
    console.log(`wrote ${sessions.length} sessions to ${chainFixtureDir}`);
  } finally {
    await chain.close();
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(`generateChainFixtures: ${error.message}`);
    process.exit(1);
  });
}
