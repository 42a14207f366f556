// What a tool call asked for, across agents: the shell command it ran, the patch it applied, the file it
// edited. Tool inputs are untyped JSON from the log, so every field is checked.
import type { ToolCallEvent } from '../transcript/events.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const SHELL_TOOLS = new Set([
  'Bash',
  'bash',
  'PowerShell',
  'exec_command',
  'shell',
  'local_shell',
  'container.exec',
  'shell_command',
  'run_command',
  'run_terminal_cmd',
]);
const EDIT_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit', 'write_file', 'edit_file', 'str_replace_based_edit_tool']);
/** Tools that only look: their output is file content or search hits, not something that happened. */
export const READ_ONLY_TOOLS = new Set([
  'Read',
  'Grep',
  'Glob',
  'LS',
  'WebFetch',
  'WebSearch',
  'NotebookRead',
  'read_file',
  'list_dir',
  'view_image',
  'TodoWrite',
  'TodoRead',
  'update_plan',
  'TaskList',
  'TaskGet',
  'ExitPlanMode',
  'AskUserQuestion',
]);

function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An argv array as a command line; `bash -lc "script"` becomes the script itself. */
function argvToCommandLine(argv: unknown[]): string | undefined {
  const words = argv.filter((w): w is string => typeof w === 'string');
  if (!words.length) return undefined;
  if (words.length >= 3 && /(^|\/)(ba|z|da)?sh$/.test(words[0]) && /^-\w*c\w*$/.test(words[1])) return words[2];
  return words.map(quoteWord).join(' ');
}

export interface ShellCall {
  command: string;
  /** Where it ran: the tool's own workdir, else the record's cwd. */
  cwd: string | undefined;
}

/** Where a shell call ran: its own workdir (relative to the record's cwd), else the record's cwd. */
function ranIn(workdir: string | undefined, cwd: string | undefined): string | undefined {
  return workdir ? (workdir.startsWith('/') || !cwd ? workdir : `${cwd}/${workdir}`) : cwd;
}

/**
 * Codex's code mode (0.14x) runs a script the model writes, which calls the tools:
 * `const r = await tools.exec_command({"cmd":"pytest -q","workdir":"/app"}); text(r.output);`. The source of the
 * script, when that is how the call ran.
 */
function codeModeScript(call: ToolCallEvent): string | undefined {
  if (call.name !== 'exec') return undefined;
  const input = typeof call.input === 'string' ? call.input : isObject(call.input) ? str(call.input.input) : undefined;
  return input !== undefined && /\btools\.\w+\(/.test(input) ? input : undefined;
}

/** The string or object literal that starts at `from` in a script (JSON syntax, as code mode writes them), parsed. */
function literalAt(script: string, from: number): unknown {
  const open = script[from];
  if (open !== '{' && open !== '"') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = from; i < script.length; i++) {
    const c = script[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (open === '"') return parseJson(script.slice(from, i + 1));
      }
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return parseJson(script.slice(from, i + 1));
  }
  return undefined;
}
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The commands a code-mode script runs with `tools.exec_command({...})`, when those are all the tools it calls. */
function codeModeShell(call: ToolCallEvent): ShellCall | undefined {
  const script = codeModeScript(call);
  if (script === undefined) return undefined;
  const calls = [...script.matchAll(/\btools\.(\w+)\(\s*/g)];
  if (!calls.length || calls.some((m) => m[1] !== 'exec_command')) return undefined;
  const args = calls.map((m) => literalAt(script, m.index + m[0].length));
  if (!args.every((a): a is Json => isObject(a) && typeof a.cmd === 'string' && a.cmd.trim() !== '')) return undefined;
  return { command: args.map((a) => a.cmd as string).join('\n'), cwd: ranIn(str(args[0].workdir), call.cwd) };
}

/** The shell command a tool call ran, when it is a shell tool. */
export function shellCallOf(call: ToolCallEvent): ShellCall | undefined {
  if (call.name === 'exec') return codeModeShell(call);
  if (!SHELL_TOOLS.has(call.name)) return undefined;
  const input = call.input;
  if (typeof input === 'string') return input.trim() ? { command: input, cwd: call.cwd } : undefined;
  if (!isObject(input)) return undefined;
  const workdir = str(input.workdir) ?? str(input.cwd) ?? str(input.working_directory);
  const raw = input.cmd ?? input.command;
  const command = typeof raw === 'string' ? raw : Array.isArray(raw) ? argvToCommandLine(raw) : undefined;
  if (!command || !command.trim()) return undefined;
  return { command, cwd: ranIn(workdir, call.cwd) };
}

/** The `*** Begin Patch` text of a Codex apply_patch call (as a tool or through the shell). */
export function patchTextOf(call: ToolCallEvent): string | undefined {
  const input = call.input;
  if (call.name === 'apply_patch') {
    if (typeof input === 'string') return input;
    if (isObject(input)) return str(input.input) ?? str(input.patch);
  }
  // Code mode: `const patch = "*** Begin Patch\\n…";` then `await tools.apply_patch(patch)`.
  const script = codeModeScript(call);
  if (script !== undefined && /\btools\.apply_patch\(/.test(script)) {
    const at = script.indexOf('"*** Begin Patch');
    const patch = at >= 0 ? literalAt(script, at) : undefined;
    return typeof patch === 'string' ? patch : undefined;
  }
  const shell = shellCallOf(call);
  if (shell && shell.command.includes('*** Begin Patch')) return shell.command;
  return undefined;
}

export interface EditCall {
  tool: string;
  path: string;
  /** For Edit/MultiEdit: the replacements, to notice edits that were later undone. */
  replacements: { oldString: string; newString: string }[];
  /** Write: the content written. */
  content?: string;
  edits: number;
}

/** The file an edit tool changed, with what it replaced. */
export function editCallOf(call: ToolCallEvent): EditCall | undefined {
  if (!EDIT_TOOLS.has(call.name) || !isObject(call.input)) return undefined;
  const input = call.input;
  const path = str(input.file_path) ?? str(input.notebook_path) ?? str(input.path) ?? str(input.target_file);
  if (!path) return undefined;
  if (call.name === 'str_replace_based_edit_tool' && !['create', 'str_replace', 'insert'].includes(str(input.command) ?? '')) return undefined;
  const replacements: EditCall['replacements'] = [];
  const pair = (v: Json) => {
    const oldString = str(v.old_string) ?? str(v.old_str);
    const newString = str(v.new_string) ?? str(v.new_str);
    if (oldString !== undefined && newString !== undefined) replacements.push({ oldString, newString });
  };
  if (Array.isArray(input.edits)) for (const edit of input.edits) if (isObject(edit)) pair(edit);
  pair(input);
  return {
    tool: call.name,
    path,
    replacements,
    content: str(input.content) ?? str(input.file_text),
    edits: Math.max(1, Array.isArray(input.edits) ? input.edits.length : 1),
  };
}

/** The file a read tool looked at (so a later Write to it overwrites an existing file). */
export function readPathOf(call: ToolCallEvent): string | undefined {
  if (call.name !== 'Read' && call.name !== 'read_file' && call.name !== 'NotebookRead') return undefined;
  return isObject(call.input) ? (str(call.input.file_path) ?? str(call.input.notebook_path) ?? str(call.input.path)) : undefined;
}

export type TaskStatus = 'pending' | 'in_progress' | 'completed';

export function normalizeTaskStatus(value: unknown): TaskStatus {
  const s = String(value ?? '').toLowerCase();
  if (s === 'completed' || s === 'done' || s === 'complete') return 'completed';
  if (s === 'in_progress' || s === 'in-progress' || s === 'active' || s === 'doing') return 'in_progress';
  return 'pending';
}

/** A whole task list (TodoWrite todos, update_plan plan), when the call sets one. */
export function taskListOf(call: ToolCallEvent): { content: string; status: TaskStatus }[] | undefined {
  if (!isObject(call.input)) return undefined;
  const input = call.input;
  const list = call.name === 'TodoWrite' ? input.todos : call.name === 'update_plan' ? input.plan : undefined;
  if (!Array.isArray(list)) return undefined;
  const tasks: { content: string; status: TaskStatus }[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    const content = str(item.content) ?? str(item.step) ?? str(item.subject) ?? str(item.title);
    if (content) tasks.push({ content, status: normalizeTaskStatus(item.status) });
  }
  return tasks;
}

export { isObject, str };
