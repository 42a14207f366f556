// The planted-fact chain of bench:chain: six sessions in one project. Session 1 plants standing
// constraints (typed by the user), decisions with their reasons and rejected approaches (in the model's
// thinking, with a file created and deleted), three failing commands and three tasks. Sessions 3–5
// settle some of them (a test passes, a benchmark passes, tasks are completed); sessions 2 and 6 only do
// unrelated work. Every fact has a probe: a distinctive string that shows whether it is still there.
import { join } from 'node:path';

export const FILES = {
  'package.json': JSON.stringify({ name: 'slugs', version: '1.0.0', private: true }, null, 2) + '\n',
  'test.js':
    "const { slugify } = require('./slug');\nconst got = slugify('Hello  World');\nif (got !== 'hello-world') {\n  console.error('SLUG-MISMATCH expected hello-world got ' + got);\n  process.exit(1);\n}\nconsole.log('slug ok');\n",
  'lint.js':
    "const src = require('fs').readFileSync('slug.js', 'utf8');\nif (!src.startsWith(\"'use strict'\")) {\n  console.error('LINT-MISSING-USE-STRICT in slug.js');\n  process.exit(1);\n}\nconsole.log('lint ok');\n",
  'bench.js':
    "if (!require('fs').existsSync('fast.flag')) {\n  console.error('PERF-BUDGET-EXCEEDED 12ms > 5ms for slugify');\n  process.exit(1);\n}\nconsole.log('perf ok');\n",
  'README.md': '# slugs\n',
  'vendor/icu.js': '// generated\n',
};

const CONSTRAINTS = [
  'Never add runtime dependencies to package.json.',
  'Keep the public API to the single slugify function.',
  'Do not edit anything under vendor/ because it is generated.',
];
const D1 = 'I will use a plain regex replace instead of Intl.Segmenter because Node 18 on the CI runners lacks full ICU.';
const D2 = 'I decided to keep the memo cache in a Map rather than a plain object because user input can contain __proto__.';
const R1 = 'The Intl.Segmenter approach does not work on Node 18 CI, so I abandoned slug-intl.js and removed it.';
const R2 = 'I tried lodash.kebabcase but it does not work without adding a runtime dependency, so I dropped that idea.';
const TASKS = ['Fix the double dash in slugify', 'Document slugify in README.md', 'Add a CHANGELOG entry for slugify'];

/** kind: what it is; settledIn: the session that resolves it (undefined: still open after session 6). */
export const FACTS = [
  { id: 'constraint-deps', kind: 'constraint', probe: 'Never add runtime dependencies' },
  { id: 'constraint-api', kind: 'constraint', probe: 'single slugify function' },
  { id: 'constraint-vendor', kind: 'constraint', probe: 'anything under vendor/' },
  { id: 'decision-regex', kind: 'decision', probe: 'lacks full ICU' },
  { id: 'decision-map', kind: 'decision', probe: 'can contain __proto__' },
  { id: 'rejected-intl', kind: 'rejected', probe: 'slug-intl.js' },
  { id: 'rejected-lodash', kind: 'rejected', probe: 'lodash.kebabcase' },
  { id: 'error-lint', kind: 'error', probe: 'LINT-MISSING-USE-STRICT' },
  { id: 'task-changelog', kind: 'task', probe: TASKS[2] },
  { id: 'error-test', kind: 'error', probe: 'SLUG-MISMATCH', settledIn: 3 },
  { id: 'error-perf', kind: 'error', probe: 'PERF-BUDGET-EXCEEDED', settledIn: 4 },
  { id: 'task-dash', kind: 'task', probe: TASKS[0], settledIn: 3 },
  { id: 'task-readme', kind: 'task', probe: TASKS[1], settledIn: 5 },
];

const bash = (command) => ({ type: 'tool_use', name: 'Bash', input: { command, description: command } });
const createTask = (subject) => ({ type: 'tool_use', name: 'TaskCreate', input: { subject, description: subject } });
const updateTask = (taskId, status) => ({ type: 'tool_use', name: 'TaskUpdate', input: { taskId: String(taskId), status } });
const filler = (project, k) => [
  [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, `notes-${k}.md`), content: `# notes ${k}\nunrelated work of session ${k}\n` } }],
  [bash('ls')],
  [{ type: 'text', text: `notes-${k}.md written.` }],
];

/** Session k (1-based): the user's prompts (session 1 only; later ones start from the seed) and the model's turns. */
export const SESSIONS = [
  {
    prompts: [`Write slug.js exporting slugify(text) and make node test.js, node lint.js and node bench.js pass. ${CONSTRAINTS.join(' ')}`],
    turns: ({ project }) => [
      [
        { type: 'thinking', text: `${D1} First a Segmenter-based variant in a side file, to compare.` },
        {
          type: 'tool_use',
          name: 'Write',
          input: {
            file_path: join(project, 'slug-intl.js'),
            content: "module.exports = (t) => [...new Intl.Segmenter().segment(t)].map((s) => s.segment).join('');\n",
          },
        },
      ],
      [{ type: 'thinking', text: R1 }, bash('rm slug-intl.js')],
      [
        { type: 'thinking', text: `${R2} ${D2}` },
        {
          type: 'tool_use',
          name: 'Write',
          input: {
            file_path: join(project, 'slug.js'),
            content:
              "const cache = new Map();\nfunction slugify(text) {\n  if (!cache.has(text)) cache.set(text, text.toLowerCase().replace(/\\s/g, '-'));\n  return cache.get(text);\n}\nmodule.exports = { slugify };\n",
          },
        },
      ],
      [bash('node test.js')],
      [bash('node lint.js')],
      [bash('node bench.js')],
      [createTask(TASKS[0]), createTask(TASKS[1]), createTask(TASKS[2])],
      [updateTask(1, 'in_progress')],
      [{ type: 'text', text: 'slug.js is written; node test.js, node lint.js and node bench.js still fail.' }],
    ],
  },
  { turns: ({ project }) => filler(project, 2) },
  {
    turns: ({ project }) => [
      [{ type: 'tool_use', name: 'Read', input: { file_path: join(project, 'slug.js') } }],
      [{ type: 'tool_use', name: 'Edit', input: { file_path: join(project, 'slug.js'), old_string: '/\\s/g', new_string: '/\\s+/g' } }],
      [bash('node test.js')],
      [createTask(TASKS[0])],
      [updateTask(1, 'completed')],
      [{ type: 'text', text: 'node test.js passes now.' }],
    ],
  },
  {
    turns: ({ project }) => [
      [{ type: 'tool_use', name: 'Write', input: { file_path: join(project, 'fast.flag'), content: 'cached\n' } }],
      [bash('node bench.js')],
      [{ type: 'text', text: 'node bench.js passes now.' }],
    ],
  },
  {
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
      [createTask(TASKS[1])],
      [updateTask(1, 'completed')],
      [{ type: 'text', text: 'README documents slugify.' }],
    ],
  },
  { turns: ({ project }) => filler(project, 6) },
];

/**
 * The compaction baseline's summarizer (a stand-in for the model, stated in the bench output): it keeps
 * what people said (every user text, the agent's own text replies and the previous summary) and drops
 * what only the tools printed and the model thought, newest kept first within a cap, as a summary of a
 * summary does over many compactions.
 */
export const STANDIN_SUMMARY_CAP = 4000;
export function standInSummary(body) {
  const kept = [];
  for (const message of body?.messages ?? []) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const blocks = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : Array.isArray(message.content) ? message.content : [];
    for (const block of blocks) {
      if (block.type !== 'text' || typeof block.text !== 'string') continue;
      const text = block.text.trim();
      if (!text || text.startsWith('<') || /^CRITICAL: Respond with TEXT ONLY|create a detailed summary/i.test(text)) continue;
      // The previous summary comes back wrapped in Claude Code's own text: only the summary is kept.
      const previous = /^This session is being continued[\s\S]*?Summary:\n([\s\S]*?)(?:\n\nIf you need specific details|$)/.exec(text);
      kept.push(previous ? previous[1].trim() : text);
    }
  }
  const joined = kept.join('\n');
  return `<summary>\n${joined.length > STANDIN_SUMMARY_CAP ? joined.slice(-STANDIN_SUMMARY_CAP) : joined}\n</summary>`;
}
