// The planting kit for `npm run bench:facts`: what a scenario file uses to write its session and to
// declare, at the same time and with the same strings, the facts its handover must carry.
//
// A scenario module exports `scenario = { name, about, requires?, thinking?, files, env?, build(kit, tools) → turns }`.
//   requires  commands the session runs (['cargo']); the bench skips the scenario, saying so, when one is
//             missing and the session must be generated
//   thinking  false: the model's thinking is empty (a signature only) and decisions sit in its text
//   files   {relPath: text} of the scratch git project (committed before the session; never read into
//           the log unless a step Reads it, which checkPlanting() would then flag for a tool-only fact)
//   build   gets a fresh kit (below) and returns the user turns:
//             { user: 'typed text' | { ide: 'relPath', text }, model: [step, …], refuse?: { command: words } }
//             { compact: true, summary: 'Claude-Code-style summary text' }   (a /compact; the last turn of
//                                                                             every scenario is one)
//           A step is an array of blocks: think(), say(), bash(), write(), edit(), read().
//
// Facts (each returns its key text, so the script and the fact cannot drift apart):
//   kit.request(key)                  the user typed it           → "What the user asked for"
//   kit.constraint(key)               the user's own standing rule → "The user's standing constraints"
//   kit.decision(choice, reason, alt) made in thinking (or text when the scenario has no thinking text)
//                                     → "Decisions and their rationale" (all three strings)
//   kit.error(line, status?)          only in tool output          → "Errors seen only in tool output";
//                                     status 'resolved' | 'unresolved' adds a status fact
//   kit.rejected(what, why)           tried in a tool call, undone, why said by the agent
//                                     → "Rejected approaches and dead ends"
//   kit.number(value)                 only in tool output          → "Measured numbers"
//   kit.file(...paths)                changed by a tool call       → "Modified files"
//   kit.refusal(words)                the user's words refusing a tool call → "The user's refusals and corrections"
//   kit.check(command, 'passing' | 'failing')   last outcome of a command family → "Where things stand"
//   kit.lastRequest(key)              the last substantive request (never a menu answer, a slash command or a
//                                     compaction summary) → the "**Last request**" line of "What the user asked for"
//   kit.not(sectionId, text, why)     a negative fact: `text` is in the log but must not be in that section
export const SECTIONS = {
  requests: 'What the user asked for',
  standing: 'Where things stand',
  timeline: 'How we got here',
  decisions: 'Decisions and their rationale',
  errors: 'Errors seen only in tool output',
  rejected: 'Rejected approaches and dead ends',
  refusals: "The user's refusals and corrections",
  numbers: 'Measured numbers',
  constraints: "The user's standing constraints",
  files: 'Modified files',
  tasks: 'Open tasks',
  reasoning: 'Reasoning log',
  summaries: 'Earlier compaction summaries',
  leftOut: 'Left out',
};

// Where each category's strings must sit in the log (checked by checkPlanting) and which section of
// resume-prompt.md must hold them.
export const CATEGORIES = [
  { id: 'requests', label: 'user requests', section: 'requests', places: ['user'], only: false },
  { id: 'decisions', label: 'decisions (why, alt.)', section: 'decisions', places: ['thinking'], only: true },
  { id: 'errors', label: 'errors in tool output', section: 'errors', places: ['tool_result'], only: true },
  { id: 'rejected', label: 'rejected approaches', section: 'rejected', places: null, only: false },
  { id: 'numbers', label: 'measured numbers', section: 'numbers', places: ['tool_result'], only: true },
  { id: 'constraints', label: 'user constraints', section: 'constraints', places: ['user'], only: false },
  { id: 'files', label: 'files modified', section: 'files', places: ['tool_use'], only: false },
  { id: 'refusals', label: 'user refusals', section: 'refusals', places: ['tool_result'], only: true },
];

export function makeKit({ thinking = true } = {}) {
  const facts = [];
  const statuses = [];
  const negatives = [];
  const last = [];
  const add = (category, strings, extra = {}) => {
    const id = `${category}:${strings[0].slice(0, 48)}`;
    facts.push({ id, category, strings, ...extra });
    return strings;
  };
  const kit = {
    facts,
    statuses,
    negatives,
    last,
    thinking,
    request: (key) => add('requests', [key])[0],
    constraint: (key) => add('constraints', [key])[0],
    decision: (choice, reason, alternative) => {
      add('decisions', [choice, reason, alternative], thinking ? {} : { places: ['text'] });
      return { choice, reason, alternative };
    },
    error(line, status) {
      add('errors', [line]);
      if (status) statuses.push({ kind: 'error', key: line, expect: status });
      return line;
    },
    rejected: (what, why) => {
      add('rejected', [what, why]);
      return { what, why };
    },
    number: (value) => add('numbers', [String(value)])[0],
    file: (...paths) => add('files', paths)[0],
    refusal: (words) => add('refusals', [words])[0],
    check(command, expect) {
      statuses.push({ kind: 'check', key: command, expect });
      return command;
    },
    lastRequest(key) {
      last.push({ key });
      return key;
    },
    not(section, text, why) {
      if (!SECTIONS[section]) throw new Error(`kit.not: unknown section ${section}`);
      negatives.push({ section, text, why });
      return text;
    },
  };
  return kit;
}

// Blocks of a scripted assistant step. Paths are absolute because Read/Write/Edit want them.
export const think = (text) => ({ type: 'thinking', text });
export const say = (text) => ({ type: 'text', text });
export const bash = (command, description = 'Run a command') => ({ type: 'tool_use', name: 'Bash', input: { command, description } });
export const toolsFor = (project) => ({
  abs: (rel) => `${project}/${rel}`,
  read: (rel) => ({ type: 'tool_use', name: 'Read', input: { file_path: `${project}/${rel}` } }),
  write: (rel, content) => ({ type: 'tool_use', name: 'Write', input: { file_path: `${project}/${rel}`, content } }),
  edit: (rel, oldString, newString) => ({
    type: 'tool_use',
    name: 'Edit',
    input: { file_path: `${project}/${rel}`, old_string: oldString, new_string: newString },
  }),
});

/**
 * A compaction answer in the shape Claude Code asks its model for (analysis, then a numbered summary).
 * The scenarios fill it the way a model would: faithful to the gist, paraphrasing, and losing what a
 * paraphrase loses (exact error lines, the dismissed alternative, most numbers).
 */
export function ccSummary({ analysis, intent, concepts = [], files = [], errors = [], solving, messages = [], pending = [], current, next }) {
  const list = (items) => (items.length ? items.map((item) => `   - ${item}`).join('\n') : '   - None.');
  return (
    `<analysis>\n${analysis}\n</analysis>\n\n<summary>\n` +
    `1. Primary Request and Intent:\n   ${intent}\n\n` +
    `2. Key Technical Concepts:\n${list(concepts)}\n\n` +
    `3. Files and Code Sections:\n${list(files)}\n\n` +
    `4. Errors and fixes:\n${list(errors)}\n\n` +
    `5. Problem Solving:\n   ${solving}\n\n` +
    `6. All user messages:\n${list(messages)}\n\n` +
    `7. Pending Tasks:\n${list(pending)}\n\n` +
    `8. Current Work:\n   ${current}\n\n` +
    `9. Optional Next Step:\n   ${next}\n</summary>`
  );
}
