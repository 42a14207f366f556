// Which files a shell command writes, read from its text (never run). Covers the common forms agents
// use: redirections, tee, sed/perl -i, mv/cp/rm/touch/mkdir, git mv/rm/checkout/restore, formatters,
// package managers that rewrite their manifest. Anything it cannot see (a script that writes files)
// is left to the `git status` cross-check.
import { posix } from 'node:path';
import { parseCommandLine, type ShellWord, type SimpleCommand } from './shellWords.js';
import { canonicalLogPath, isWindowsPath, resolveLogPath } from './logPaths.js';

export type ShellEffectKind =
  /** Content written; the file may or may not have existed (`>`, tee, cp, curl -o). */
  | 'write'
  /** Changed in place; it existed (sed -i, formatters, git checkout -- f). */
  | 'modify'
  /** Made new (mkdir, touch). */
  | 'create'
  | 'delete'
  | 'rename';

export interface ShellEffect {
  kind: ShellEffectKind;
  /** Absolute when the working directory is known or the word was absolute, else as written. */
  path: string;
  /** For renames: the old path. */
  from?: string;
  /** How: the command's program and the writing form, e.g. `sed -i`, `cat >`, `git mv`. */
  how: string;
  /** The path is a directory whose whole content changed (rm -r, cp -r, mv of a folder). */
  recursive?: boolean;
  /** For `sed -i 's/old/new/'`: the text replaced, so a later substitution back can be seen as a revert. */
  replacement?: { oldString: string; newString: string };
}

export interface ShellAnalysis {
  effects: ShellEffect[];
  /** The working directory after the command's own `cd`s (undefined when it became unknowable). */
  cwd: string | undefined;
}

const DEV_PATHS = /^\/dev\/|^\/proc\//;
/** Wrappers that run the rest of the words as a command. */
const WRAPPERS = new Set(['sudo', 'nohup', 'time', 'command', 'exec', 'builtin', 'nice', 'stdbuf', 'xargs']);

/** A word of the command as a path seen from `cwd`, in the log's own path style (see logPaths.ts). */
function resolvePath(word: string, cwd: string | undefined): string {
  const windows = cwd !== undefined && isWindowsPath(cwd);
  return resolveLogPath(cwd === undefined ? undefined : canonicalLogPath(cwd), canonicalLogPath(word, windows));
}

const isOption = (w: ShellWord) => w.text.startsWith('-') && w.text !== '-';

/** Drops wrappers (`sudo`, `env A=b`, `timeout 10`, `npx`, `python -m`) so words[0] is the real program. */
export function unwrapProgram(words: string[]): string[] {
  let rest = words;
  for (let guard = 0; guard < 8 && rest.length; guard++) {
    const head = posix.basename(rest[0]);
    if (WRAPPERS.has(head)) {
      rest = rest.slice(1);
      while (rest.length && rest[0].startsWith('-')) rest = rest.slice(1);
    } else if (head === 'env') {
      rest = rest.slice(1);
      while (rest.length && (rest[0].startsWith('-') || /^[A-Za-z_]\w*=/.test(rest[0]))) rest = rest.slice(1);
    } else if (head === 'timeout') {
      rest = rest.slice(1);
      while (rest.length && rest[0].startsWith('-')) rest = rest.slice(1);
      rest = rest.slice(1); // the duration
    } else if (head === 'npx' || head === 'bunx' || head === 'pnpx') {
      rest = rest.slice(1);
      while (rest.length && rest[0].startsWith('-')) rest = rest.slice(1);
    } else if ((head === 'pnpm' || head === 'yarn' || head === 'bun') && (rest[1] === 'exec' || rest[1] === 'dlx' || rest[1] === 'x')) {
      rest = rest.slice(2);
    } else if (ENV_RUNNER_VERB[head] && rest[1] === ENV_RUNNER_VERB[head] && rest.length > 2) {
      rest = skipRunnerOptions(rest.slice(2), head === 'bundle' ? NO_VALUED_OPTIONS : RUNNER_VALUED_OPTIONS);
      // `uv run tool.py` runs the script with the project's python: the same run as `python tool.py`.
      if (rest.length && /\.py$/.test(rest[0])) rest = ['python', ...rest];
    } else if ((head === 'mise' || head === 'rtx') && (rest[1] === 'x' || rest[1] === 'exec') && rest.includes('--')) {
      // `mise x aqua:EmbarkStudios/cargo-deny -- cargo deny check`: the tools to provide, then the command.
      rest = rest.slice(rest.indexOf('--') + 1);
    } else if (head === 'uvx' || (head === 'pipx' && rest[1] === 'run')) {
      rest = skipRunnerOptions(rest.slice(head === 'uvx' ? 1 : 2), RUNNER_VALUED_OPTIONS);
    } else if (/^python[\d.]*$/.test(head) && rest[1] === '-m' && rest.length > 2) {
      rest = rest.slice(2);
    } else if (/^[A-Za-z_]\w*=/.test(rest[0])) {
      rest = rest.slice(1);
    } else break;
  }
  return rest;
}

/**
 * Project environment runners: `uv run pytest` runs pytest in the project's environment, the same check as
 * `pytest` (and as `poetry run pytest`). Each names its verb and the options that take a value, so
 * `uv run --with httpx pytest` and `conda run -n ml python x.py` find the program after them.
 */
const RUNNER_VALUED_OPTIONS = new Set([
  '--with',
  '--with-editable',
  '--with-requirements',
  '--project',
  '--directory',
  '--python',
  '-p',
  '--extra',
  '--group',
  '--only-group',
  '--package',
  '--env-file',
  '--index',
  '--index-url',
  '--extra-index-url',
  '--from',
  '-n',
  '--name',
  '--prefix',
  '--cwd',
  '-C',
  '-P',
  '-e',
  '--env',
  '--spec',
]);
/** Each runner's verb (`bundle exec` takes none of the valued options above). */
const ENV_RUNNER_VERB: Record<string, string> = {
  uv: 'run',
  poetry: 'run',
  pipenv: 'run',
  pdm: 'run',
  hatch: 'run',
  rye: 'run',
  conda: 'run',
  mamba: 'run',
  micromamba: 'run',
  bundle: 'exec',
};
const NO_VALUED_OPTIONS = new Set<string>();

/** The words after a runner's own options (`--frozen`, `--with x`, `--python=3.12`, a closing `--`). */
function skipRunnerOptions(words: string[], valued: Set<string>): string[] {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) {
    if (words[i] === '--') return words.slice(i + 1);
    i += valued.has(words[i]) ? 2 : 1;
  }
  return words.slice(i);
}

function unwrapWords(words: ShellWord[]): ShellWord[] {
  return words.slice(words.length - unwrapProgram(words.map((w) => w.text)).length);
}

/** The script of `bash -c '…'` / `sh -lc '…'`, when words are such a call. */
function innerScript(words: ShellWord[]): string | undefined {
  if (!words.length || !/^(ba|z|da|k)?sh$/.test(posix.basename(words[0].text))) return undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i].text;
    if (/^-\w*c\w*$/.test(w)) return words[i + 1]?.text;
    if (!w.startsWith('-')) return undefined;
  }
  return undefined;
}

type Emit = (
  kind: ShellEffectKind,
  word: ShellWord,
  how: string,
  extra?: { from?: ShellWord; recursive?: boolean; replacement?: { oldString: string; newString: string } },
) => void;

/** `s/old/new/flags` with any delimiter, when the script is one plain substitution. */
export function sedSubstitution(script: string): { oldString: string; newString: string } | undefined {
  const match = /^s(.)/.exec(script.trim());
  if (!match) return undefined;
  const delimiter = match[1];
  const parts: string[] = [];
  let current = '';
  const body = script.trim().slice(2);
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === delimiter) {
      current += delimiter;
      i++;
    } else if (body[i] === delimiter) {
      parts.push(current);
      current = '';
    } else current += body[i];
  }
  parts.push(current);
  if (parts.length !== 3 || /[;\n]/.test(parts[2])) return undefined;
  return { oldString: parts[0], newString: parts[1] };
}

/** Non-option arguments, skipping the values of options listed in `withValue`. */
function operands(args: ShellWord[], withValue: Set<string> = new Set()): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (afterDashDash) out.push(w);
    else if (w.text === '--') afterDashDash = true;
    else if (isOption(w)) {
      if (withValue.has(w.text)) i++;
    } else out.push(w);
  }
  return out;
}

const hasFlag = (args: ShellWord[], short: string, long?: string) =>
  args.some((w) => (long !== undefined && w.text === long) || (/^-[A-Za-z]+$/.test(w.text) && w.text.slice(1).includes(short)));

function sedEffects(program: string, args: ShellWord[], emit: Emit): void {
  const inPlace = args.some((w) => /^-[a-zA-Z]*i/.test(w.text) || w.text.startsWith('--in-place'));
  if (!inPlace) return;
  let scriptGiven = false;
  const scripts: string[] = [];
  const files: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i].text;
    if (w === '-e' || w === '--expression' || w === '-f' || w === '--file') {
      scriptGiven = true;
      if (w === '-e' || w === '--expression') scripts.push(args[i + 1]?.text ?? '');
      i++;
    } else if (/^-[a-zA-Z]*e$/.test(w) && program === 'perl') {
      scriptGiven = true;
      scripts.push(args[i + 1]?.text ?? '');
      i++;
    } else if (w === '-i' && program === 'sed' && args[i + 1]?.text === '')
      i++; // BSD `sed -i '' …`
    else if (w.startsWith('-')) continue;
    else if (!scriptGiven) {
      scriptGiven = true;
      scripts.push(w);
    } else files.push(args[i]);
  }
  const replacement = scripts.length === 1 ? sedSubstitution(scripts[0]) : undefined;
  for (const file of files) emit('modify', file, `${program} -i`, replacement ? { replacement } : undefined);
}

function copyOrMove(kind: 'cp' | 'mv' | 'install' | 'ln', args: ShellWord[], how: string, emit: Emit): void {
  const withValue = new Set(['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group']);
  const targetDir = (() => {
    const i = args.findIndex((w) => w.text === '-t' || w.text === '--target-directory');
    return i >= 0 ? args[i + 1] : undefined;
  })();
  const ops = operands(args, withValue);
  if (targetDir === undefined && ops.length < 2) return;
  const sources = targetDir ? ops : ops.slice(0, -1);
  const dest = targetDir ?? ops[ops.length - 1];
  const intoDirectory = targetDir !== undefined || sources.length > 1 || dest.text.endsWith('/');
  const recursive = hasFlag(args, 'r', '--recursive') || hasFlag(args, 'R') || hasFlag(args, 'a', '--archive');
  for (const source of sources) {
    const target: ShellWord = intoDirectory ? { text: posix.join(dest.text, posix.basename(source.text)), expands: dest.expands || source.expands } : dest;
    if (kind === 'mv') emit('rename', target, how, { from: source, recursive: true });
    // A copy names its source: deleting that source afterwards is a move in two steps.
    else emit('write', target, how, { recursive: recursive || kind === 'ln' ? recursive : undefined, ...(kind === 'cp' ? { from: source } : {}) });
  }
}

const PACKAGE_MANIFESTS: Record<string, string[]> = {
  npm: ['package.json', 'package-lock.json'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  yarn: ['package.json', 'yarn.lock'],
  bun: ['package.json', 'bun.lockb'],
};

function programEffects(words: ShellWord[], emit: Emit): void {
  const unwrapped = unwrapWords(words);
  if (!unwrapped.length) return;
  const texts = unwrapped.map((w) => w.text);
  const args = unwrapped.slice(1);
  const program = posix.basename(texts[0]);
  const sub = texts[1];
  const all = operands(args);
  switch (program) {
    case 'sed':
    case 'gsed':
    case 'perl':
      sedEffects(program === 'gsed' ? 'sed' : program, args, emit);
      return;
    case 'tee':
      for (const f of operands(args)) emit('write', f, hasFlag(args, 'a', '--append') ? 'tee -a' : 'tee');
      return;
    case 'mv':
      copyOrMove('mv', args, 'mv', emit);
      return;
    case 'cp':
    case 'install':
      copyOrMove(program, args, program, emit);
      return;
    case 'ln':
      copyOrMove('ln', args, 'ln', emit);
      return;
    case 'rm':
    case 'rmdir':
    case 'unlink':
    case 'shred': {
      const recursive = program === 'rmdir' || hasFlag(args, 'r', '--recursive') || hasFlag(args, 'R');
      for (const f of all) emit('delete', f, program === 'rm' && recursive ? 'rm -r' : program, { recursive });
      return;
    }
    case 'touch':
      for (const f of operands(args, new Set(['-d', '-r', '-t', '--date', '--reference']))) emit('create', f, 'touch');
      return;
    case 'mkdir':
      for (const f of operands(args, new Set(['-m', '--mode']))) emit('create', { ...f, text: f.text.replace(/\/*$/, '/') }, 'mkdir');
      return;
    case 'truncate':
      for (const f of operands(args, new Set(['-s', '--size', '-r', '--reference']))) emit('write', f, 'truncate');
      return;
    case 'chmod':
      for (const f of all.slice(1)) emit('modify', f, 'chmod');
      return;
    case 'dd':
      for (const w of args) if (w.text.startsWith('of=')) emit('write', { ...w, text: w.text.slice(3) }, 'dd');
      return;
    case 'curl':
    case 'wget': {
      const flagIndex = args.findIndex((w) =>
        program === 'curl' ? w.text === '-o' || w.text === '--output' : w.text === '-O' || w.text === '--output-document',
      );
      if (flagIndex >= 0 && args[flagIndex + 1]) emit('write', args[flagIndex + 1], `${program} ${args[flagIndex].text}`);
      return;
    }
    case 'git':
      gitEffects(args, emit);
      return;
    case 'prettier':
      if (hasFlag(args, 'w', '--write'))
        for (const f of operands(args, new Set(['--config', '--ignore-path', '--parser', '--plugin']))) emit('modify', f, 'prettier --write');
      return;
    case 'eslint':
      if (args.some((w) => w.text === '--fix'))
        for (const f of operands(args, new Set(['-c', '--config', '--ext', '--rule', '--format', '-f', '-o']))) emit('modify', f, 'eslint --fix');
      return;
    case 'black':
    case 'isort':
    case 'autopep8':
    case 'rustfmt':
    case 'clang-format':
      if (program === 'clang-format' && !hasFlag(args, 'i')) return;
      if (program === 'autopep8' && !hasFlag(args, 'i', '--in-place')) return;
      for (const f of operands(args, new Set(['--config', '-l', '--line-length', '--edition', '--style']))) emit('modify', f, program);
      return;
    case 'gofmt':
    case 'goimports':
      if (hasFlag(args, 'w')) for (const f of all) emit('modify', f, `${program} -w`);
      return;
    case 'ruff':
      if (sub === 'format' || (sub === 'check' && args.some((w) => w.text === '--fix')))
        for (const f of operands(args.slice(1))) emit('modify', f, `ruff ${sub}`);
      return;
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      const manifests = PACKAGE_MANIFESTS[program];
      const changesDeps = ['install', 'i', 'add', 'uninstall', 'remove', 'rm', 'un', 'r', 'upgrade', 'update', 'up'].includes(sub ?? '');
      const named = operands(args.slice(1)).length > 0;
      if (sub === 'init' || (program === 'npm' && sub === 'pkg' && (texts[2] === 'set' || texts[2] === 'delete')))
        emit('write', { text: 'package.json', expands: false }, `${program} ${sub}${sub === 'pkg' ? ' ' + texts[2] : ''}`);
      else if (changesDeps && (named || sub === 'update' || sub === 'upgrade' || sub === 'up'))
        for (const m of manifests) emit('write', { text: m, expands: false }, `${program} ${sub}`);
      return;
    }
    case 'cargo':
      if (sub === 'add' || sub === 'remove' || sub === 'rm') emit('modify', { text: 'Cargo.toml', expands: false }, `cargo ${sub}`);
      else if (sub === 'init' || sub === 'new') {
        const target = operands(args.slice(1), new Set(['--name', '--vcs', '--edition']))[0];
        emit('create', target ? { ...target, text: target.text.replace(/\/*$/, '/') } : { text: 'Cargo.toml', expands: false }, `cargo ${sub}`);
      }
      return;
    case 'go':
      if (sub === 'mod' && (texts[2] === 'init' || texts[2] === 'tidy')) emit('write', { text: 'go.mod', expands: false }, `go mod ${texts[2]}`);
      else if (sub === 'get') emit('modify', { text: 'go.mod', expands: false }, 'go get');
      return;
    default:
      return;
  }
}

function gitEffects(args: ShellWord[], emit: Emit): void {
  // Global options before the subcommand (`git -C dir …` is rare in agent logs; it is not followed).
  let i = 0;
  while (i < args.length && args[i].text.startsWith('-')) i += args[i].text === '-C' || args[i].text === '-c' ? 2 : 1;
  const sub = args[i]?.text;
  const rest = args.slice(i + 1);
  switch (sub) {
    case 'mv': {
      copyOrMove('mv', rest, 'git mv', emit);
      return;
    }
    case 'rm': {
      const recursive = hasFlag(rest, 'r');
      // `git rm --cached` only stops tracking: the file stays on disk, changed in git's eyes but not gone.
      const cached = rest.some((w) => w.text === '--cached');
      for (const f of operands(rest)) emit(cached ? 'modify' : 'delete', f, cached ? 'git rm --cached' : 'git rm', { recursive });
      return;
    }
    case 'checkout': {
      const dashDash = rest.findIndex((w) => w.text === '--');
      if (dashDash >= 0) for (const f of rest.slice(dashDash + 1)) emit('modify', f, 'git checkout --');
      // `git checkout rotate.sh` (no `--`): a file's name, with its extension, is no branch to switch to.
      else if (rest.length && rest.every((w) => !w.text.startsWith('-') && /\.[A-Za-z]\w{0,7}$/.test(w.text)))
        for (const f of rest) emit('modify', f, 'git checkout --');
      return;
    }
    case 'restore': {
      if (rest.some((w) => w.text === '--staged') && !rest.some((w) => w.text === '--worktree' || w.text === '-W')) return;
      for (const f of operands(rest, new Set(['-s', '--source']))) if (!f.text.startsWith('--source=')) emit('modify', f, 'git restore');
      return;
    }
    default:
      return;
  }
}

/** Effects of one simple command, with its redirections. */
function commandEffects(command: SimpleCommand, emit: Emit): void {
  const program = command.words.length ? posix.basename(unwrapProgram(command.words.map((w) => w.text))[0] ?? command.words[0].text) : '';
  for (const redirect of command.redirects) {
    if (!redirect.target || !/^(>|>>|>\||&>|&>>|<>)$/.test(redirect.op)) continue;
    emit('write', redirect.target, `${program ? program + ' ' : ''}${redirect.op.replace('&', '').replace('|', '')}`);
  }
  if (command.words.length) programEffects(command.words, emit);
}

/**
 * Reads a shell command line and returns the files it writes. `cwd` is the shell's working directory
 * before the command ran (Claude Code's record `cwd`, Codex's `workdir`); a `cd` inside the command
 * moves it for the commands after it.
 */
export function shellWrites(commandLine: string, cwd: string | undefined, depth = 0): ShellAnalysis {
  const effects: ShellEffect[] = [];
  let current = cwd;
  // The directory each open subshell started in (restored when it closes) and pushd's stack.
  const subshells: (string | undefined)[] = [];
  const pushed: (string | undefined)[] = [];
  for (const command of parseCommandLine(commandLine)) {
    for (let i = 0; i < command.opens; i++) subshells.push(current);
    readCommand(command);
    for (let i = 0; i < command.closes && subshells.length; i++) current = subshells.pop();
  }
  return { effects, cwd: current };

  function readCommand(command: SimpleCommand): void {
    const words = command.words;
    const head = words[0]?.text;
    if ((head === 'cd' || head === 'pushd') && command.redirects.length === 0) {
      const target = words.find((w, idx) => idx > 0 && !isOption(w));
      if (head === 'pushd') pushed.push(current);
      if (!target || target.expands || target.text.startsWith('~') || target.text === '-') current = undefined;
      else current = resolvePath(target.text, current);
      return;
    }
    if (head === 'popd' && command.redirects.length === 0) {
      current = pushed.length ? pushed.pop() : undefined;
      return;
    }
    const script = depth < 3 ? innerScript(unwrapWords(words)) : undefined;
    if (script !== undefined) {
      effects.push(...shellWrites(script, current, depth + 1).effects);
      return;
    }
    const at = current;
    commandEffects(command, (kind, word, how, extra) => {
      if (word.expands || word.text === '' || word.text.startsWith('~')) return;
      const path = resolvePath(word.text, at);
      if (DEV_PATHS.test(path)) return;
      const effect: ShellEffect = { kind, path: word.text.endsWith('/') && !path.endsWith('/') ? path + '/' : path, how };
      if (extra?.from) {
        if (extra.from.expands) return;
        effect.from = resolvePath(extra.from.text, at);
      }
      // A folder or glob argument (`prettier --write .`, `eslint --fix src/`) changes what is under it.
      if (extra?.recursive || word.text === '.' || word.text.endsWith('/') || /[*?]/.test(word.text)) effect.recursive = true;
      if (extra?.replacement) effect.replacement = extra.replacement;
      effects.push(effect);
    });
  }
}
