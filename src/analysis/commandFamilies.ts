// Command families: `npm test 2>&1 | tail -20`, `cd web && npm test` and `npm run test -- --watch=false`
// are the same check run again. An error is resolved when a later run of its family passes, so the
// family has to survive the wrappers, pipes and flags agents add to a command line. Pure functions.
import { posix } from 'node:path';
import { FAILING_TEST_ROW, startsWithStatusWord } from './statusWords.js';
import { plainOutput, programsOf } from './toolOutput.js';

export type CheckKind = 'test' | 'build' | 'lint' | 'typecheck';

export interface CommandFamily {
  /** Stable name shown to the reader: `npm test`, `jest`, `pytest`, `cargo test`, `make build`. */
  name: string;
  /** Set for test/build/lint/typecheck runs: those are the "checks" whose last outcome is reported. */
  kind?: CheckKind;
  /** Test files or targets named on the command line (`tests/test_a.py`, `src/api`, `./pkg/...`). */
  targets: string[];
  /** How the command line spelled it, when that differs (`python3 -m unittest` for the family `unittest`). */
  display?: string;
}

const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
const SCRIPT_KIND: [RegExp, CheckKind][] = [
  [/^(?:test|tests|unit|e2e|e2e:.*|spec|check:test|test:.*|verify|validate|ci|smoke|smoke:.*)$/, 'test'],
  [/^(?:lint|lint:.*|eslint|format:check|prettier:check)$/, 'lint'],
  [/^(?:typecheck|type-check|tsc|check-types|types|check)$/, 'typecheck'],
  [/^(?:build|build:.*|compile|bundle|dist)$/, 'build'],
];

/** Direct tools and what kind of check they run. */
const TOOL_KIND: Record<string, CheckKind> = {
  jest: 'test',
  vitest: 'test',
  mocha: 'test',
  ava: 'test',
  tap: 'test',
  jasmine: 'test',
  karma: 'test',
  playwright: 'test',
  cypress: 'test',
  pytest: 'test',
  'py.test': 'test',
  nosetests: 'test',
  tox: 'test',
  nox: 'test',
  unittest: 'test',
  rspec: 'test',
  phpunit: 'test',
  prove: 'test',
  ctest: 'test',
  tsc: 'typecheck',
  mypy: 'typecheck',
  pyright: 'typecheck',
  'vue-tsc': 'typecheck',
  eslint: 'lint',
  ruff: 'lint',
  flake8: 'lint',
  pylint: 'lint',
  rubocop: 'lint',
  golangci: 'lint',
  'golangci-lint': 'lint',
  stylelint: 'lint',
  biome: 'lint',
  shellcheck: 'lint',
  clippy: 'lint',
  webpack: 'build',
  vite: 'build',
  esbuild: 'build',
  rollup: 'build',
  gcc: 'build',
  'g++': 'build',
  clang: 'build',
  javac: 'build',
  msbuild: 'build',
  ninja: 'build',
  cmake: 'build',
};
const SUBCOMMAND_KIND: Record<string, Record<string, CheckKind>> = {
  cargo: { test: 'test', nextest: 'test', build: 'build', check: 'typecheck', clippy: 'lint' },
  go: { test: 'test', build: 'build', vet: 'lint' },
  dotnet: { test: 'test', build: 'build' },
  swift: { test: 'test', build: 'build' },
  gradle: { test: 'test', build: 'build', check: 'test', assemble: 'build', compileJava: 'build', compileKotlin: 'build' },
  gradlew: { test: 'test', build: 'build', check: 'test', assemble: 'build' },
  mvn: { test: 'test', verify: 'test', package: 'build', compile: 'build', install: 'build' },
  mvnw: { test: 'test', verify: 'test', package: 'build', compile: 'build', install: 'build' },
  deno: { test: 'test', check: 'typecheck', lint: 'lint' },
  node: { '--test': 'test' },
  python: { pytest: 'test', unittest: 'test' },
  poetry: {},
  uv: {},
  mix: { test: 'test', compile: 'build' },
  bundle: {},
  rails: { test: 'test' },
  flutter: { test: 'test', build: 'build', analyze: 'lint' },
  dart: { test: 'test', analyze: 'lint' },
};

/**
 * A project's own check script (`scripts/check_retention.py`, `verifie-export.js`, `validate-schema.sh`): what
 * it checks failing or passing is how the work stands, like a test file's run. Not one that checks the machine
 * (`check-prerequisites.sh`, `check_env.py`, `verify-install.sh`): that is setup, not the work.
 */
const CHECK_SCRIPT_NAME =
  /^(?:(?:check|verify|verifie?|validate|valide|sanity|smoke)(?:[-_.][\w.-]*)?\.(?:py|js|mjs|cjs|ts|sh|rb|pl)|[\w-]+[-_](?:check|verify|validate)\.(?:py|js|mjs|cjs|ts|sh|rb))$/i;
const MACHINE_CHECK_WORD =
  /^(?:prereq\w*|env|environment|setup|deps|dependencies|requirements?|install\w*|versions?|tools?|updates?|upgrades?|status|health|access|auth|login|tokens?|ports?)$/i;
const CHECK_SCRIPT = { test: (name: string) => CHECK_SCRIPT_NAME.test(name) && !name.split(/[-_.]/).some((word) => MACHINE_CHECK_WORD.test(word)) };

const TEST_PATH = /(?:^|\/)(?:tests?|spec|__tests__)\/|[._-](?:test|spec)s?\.[a-z]+$|^test_\w+\.py$|_test\.(?:go|py)$|\.py::/;

/**
 * One name for an interpreter's versions: `python foo.py` failing with "command not found" is fixed by
 * `python3 foo.py` passing; it is one script run either way. (The reader still sees the line as typed.)
 */
function interpreterName(program: string): string {
  if (/^python[\d.]*$/.test(program)) return 'python';
  if (/^pip[\d.]*$/.test(program)) return 'pip';
  return program;
}

function base(word: string): string {
  return posix.basename(word).replace(/\.(?:cmd|exe|sh)$/, '');
}

/** Package-manager flags that take a value naming where a script runs (a workspace package, a folder). */
const SCOPE_FLAGS = new Set(['--filter', '-F', '--dir', '-C', '--prefix', '--workspace', '--cwd']);

/**
 * A package manager's words without its scope flags, and the scope they named: `pnpm --filter @app/web
 * type-check` runs `type-check` in `@app/web`, a different check from the same script in `@app/api`.
 */
function withoutScopeFlags(words: string[]): { scope?: string; words: string[] } {
  const kept: string[] = [];
  const scopes: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const eq = /^(--filter|--dir|--prefix|--workspace|--cwd)=(.+)$/.exec(w);
    if (eq) scopes.push(eq[2]);
    else if (SCOPE_FLAGS.has(w) && words[i + 1] !== undefined) scopes.push(words[++i]);
    else kept.push(w);
  }
  // `yarn workspace web test`
  if (kept[0] === 'workspace' && kept.length > 2) {
    scopes.push(kept[1]);
    kept.splice(0, 2);
  }
  return { scope: scopes.length ? scopes.join(' ') : undefined, words: kept };
}

/** Operands of a command after its subcommand, minus flags and their obvious values. */
/** Families that are checks or builds by name: a shell wrapper around one of them is that family. */
const KNOWN_CHECK =
  /^(?:make|cmake|ninja|cargo|go|npm|pnpm|yarn|bun|npx|node|deno|pytest|unittest|tox|nox|mvn|gradle|gradlew|dotnet|mix|rspec|bundle|rake|tsc|eslint|ruff|mypy|jest|vitest|mocha|ctest|meson|zig|swift|javac|java|gcc|cc|clang|g\+\+)\b/;

/** Shells given a script on their command line (`bash -c '…'`, `powershell -Command "…"`, `cmd /c …`). */
const SCRIPT_SHELLS = /^(?:bash|sh|zsh|dash|fish|pwsh|powershell|cmd)(?:\.exe)?$/i;
const SCRIPT_FLAG = /^(?:-[a-z]*c|-command|\/c|\/k)$/i;

/**
 * The script a shell was given on its command line, comments left out and whitespace folded: it is what
 * ran, so two different scripts are two commands (an identity check does not fix an "Access is denied").
 */
export function wrappedScript(words: string[]): string | undefined {
  if (!SCRIPT_SHELLS.test(posix.basename(words[0].replace(/\\/g, '/')))) return undefined;
  const flag = words.findIndex((w, i) => i > 0 && SCRIPT_FLAG.test(w));
  const script = flag > 0 ? words[flag + 1] : undefined;
  const text = script
    ?.split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

function operands(words: string[]): string[] {
  return words.filter((w) => !w.startsWith('-') && !/^\d+$/.test(w) && w.length < 200 && !/^(?:discover|run|watch|--)$/.test(w));
}

function familyOfWords(words: string[]): CommandFamily | undefined {
  if (!words.length) return undefined;
  const program = base(words[0]);
  // `cargo +1.96.0 test` picks a toolchain: the same `cargo test`.
  const rest = program === 'cargo' && words[1]?.startsWith('+') ? words.slice(2) : words.slice(1);
  // `npm test`, `npm run test:unit`, `yarn lint`, `pnpm -w build`
  if (PACKAGE_MANAGERS.has(program)) {
    const { scope, words: plain } = withoutScopeFlags(rest);
    // `pnpm --filter web exec vitest run a.test.ts`: the family is the tool it executes, in that scope.
    if (plain[0] === 'exec' || plain[0] === 'dlx') {
      const inner = familyOfWords(plain.slice(1));
      return inner && scope ? { ...inner, name: `${inner.name} (${scope})` } : inner;
    }
    const args = plain.filter((w) => !w.startsWith('-'));
    let script = args[0];
    if (script === 'run' || script === 'run-script') script = args[1];
    if (!script) return undefined;
    if (script === 't') script = 'test';
    if (
      [
        'install',
        'i',
        'add',
        'remove',
        'uninstall',
        'ci',
        'init',
        'create',
        'exec',
        'dlx',
        'x',
        'view',
        'info',
        'ls',
        'list',
        'outdated',
        'audit',
        'publish',
        'pack',
        'link',
        'update',
        'upgrade',
        'why',
        'config',
        'cache',
        'version',
        'start',
        'dev',
        'serve',
        'preview',
      ].includes(script)
    )
      return undefined;
    // `pnpm vitest run`, `yarn tsc --noEmit`: a package manager given a tool's name runs its binary (or a
    // script of that name that runs it), the same check as `npx vitest run`.
    if (TOOL_KIND[script]) {
      const inner = familyOfWords(plain.slice(plain.indexOf(script)));
      return inner && scope ? { ...inner, name: `${inner.name} (${scope})` } : inner;
    }
    const kind = SCRIPT_KIND.find(([re]) => re.test(script!))?.[1];
    if (!kind) return undefined;
    const after = plain.slice(plain.indexOf(script) + 1).filter((w) => w !== '--');
    const name = `${program} ${args[0] === 'run' && script !== 'test' ? 'run ' : ''}${script}`;
    return { name: scope ? `${name} (${scope})` : name, kind, targets: operands(after) };
  }
  if (program === 'make' || program === 'just' || program === 'task' || program === 'rake') {
    const kindOf = (target: string) =>
      SCRIPT_KIND.find(([re]) => re.test(target))?.[1] ??
      (/test|check/.test(target) ? 'test' : /lint/.test(target) ? 'lint' : /build|all|compile/.test(target) ? 'build' : undefined);
    // Several goals (`make summary check`): the run is a run of its check, which comes after what it needs built.
    const goals = rest.filter((w) => !w.startsWith('-') && !w.includes('='));
    const target = [...goals].reverse().find((g) => kindOf(g) !== undefined && kindOf(g) !== 'build') ?? goals[0];
    const name = `${program}${target ? ' ' + target : ''}`;
    const kind = target ? kindOf(target) : 'build';
    return kind ? { name, kind, targets: [] } : undefined;
  }
  const sub = SUBCOMMAND_KIND[program === './gradlew' ? 'gradlew' : program];
  if (sub) {
    const subcommand = rest.find((w) => !w.startsWith('-') || w === '--test');
    const kind = subcommand ? sub[subcommand] : undefined;
    if (!kind) {
      // `python -m pytest` is unwrapped before this; `python tests/run.py`, `node --test` handled here.
      if (program === 'node' && rest.includes('--test')) return { name: 'node --test', kind: 'test', targets: operands(rest).filter((w) => TEST_PATH.test(w)) };
      if (['node', 'python'].includes(interpreterName(program)) && rest[0] && (TEST_PATH.test(rest[0]) || CHECK_SCRIPT.test(posix.basename(rest[0])))) {
        const name = interpreterName(program);
        return { name: `${name} ${rest[0]}`, kind: 'test', targets: [rest[0]], ...(name !== program ? { display: `${program} ${rest[0]}` } : {}) };
      }
      return undefined;
    }
    const after = rest.slice(rest.indexOf(subcommand!) + 1);
    return { name: `${program.replace(/^\.\//, '')} ${subcommand}`, kind, targets: operands(after) };
  }
  // tcltest: `tclsh tests/all.tcl`, or one `.test` file; what `-match 'tally-2.*'` or `-file x.test` picks is what it runs.
  if (/^(?:tclsh|wish)[\d.]*$/.test(program)) {
    const file = rest.find((w) => !w.startsWith('-'));
    if (file && /(?:^|\/)(?:all\.tcl|[\w.-]+\.test)$/.test(file)) {
      const targets: string[] = [];
      for (let i = 0; i < rest.length - 1; i++) if (/^-(?:match|file)$/.test(rest[i])) targets.push(rest[i + 1]);
      return { name: `${program} ${file}`, kind: 'test', targets };
    }
  }
  // A test file run directly: `node test/a.test.js`, `tsx tests/x.spec.ts`, `bun test/y.test.ts`.
  if (['node', 'tsx', 'ts-node', 'bun', 'deno', 'ruby', 'php', 'bash', 'sh', 'zsh'].includes(program) || /^python[\d.]*$/.test(program)) {
    const file = operands(rest)[0];
    if (file && (TEST_PATH.test(file) || CHECK_SCRIPT.test(posix.basename(file)))) {
      const name = interpreterName(program);
      return { name: `${name} ${file}`, kind: 'test', targets: [file], ...(name !== program ? { display: `${program} ${file}` } : {}) };
    }
  }
  // `./scripts/check-links.sh`: a project's own check script, run directly.
  if (words[0].includes('/') && CHECK_SCRIPT.test(posix.basename(words[0]))) {
    return { name: words[0], kind: 'test', targets: [] };
  }
  const kind = TOOL_KIND[program];
  if (kind) return { name: program, kind, targets: operands(rest).filter((w) => !w.includes('=')) };
  return undefined;
}

/** Commands that prepare a run (remove a lock, make a folder): the run after them is the family. */
const SETUP = new Set(['rm', 'mkdir', 'cp', 'mv', 'touch', 'chmod', 'chown', 'ln', 'unset', 'env']);

/** Commands that only wrap or show output: never a family of their own. */
const PASS_THROUGH = new Set([
  'cd',
  'tail',
  'head',
  'tee',
  'grep',
  'rg',
  'cat',
  'echo',
  'true',
  'sleep',
  'wc',
  'sort',
  'uniq',
  'less',
  'more',
  'clear',
  'export',
  'set',
  'source',
  '.',
  'pwd',
  'ls',
  'awk',
  'sed',
  'cut',
  'tr',
  // PowerShell's output shaping: `entire repo list 2>&1 | Select-Object -First 25` is a run of `entire`.
  ...[
    'Select-Object',
    'Select-String',
    'Out-String',
    'Out-Null',
    'Out-Host',
    'Format-Table',
    'Format-List',
    'Sort-Object',
    'Where-Object',
    'Write-Output',
    'Write-Host',
    'Tee-Object',
  ].flatMap((cmdlet) => [cmdlet, cmdlet.toLowerCase()]),
  'select',
  'sls',
  'ft',
  'fl',
  'where',
  'write',
]);

function asksAboutItself(words: string[]): boolean {
  return words.slice(1).some((w) => w === '--version' || w === '--help');
}

/**
 * Command-line clients whose subcommands come in groups (`gh pr create`, `aws s3 cp`, `gh api <endpoint>`):
 * the family is the program and two operands. `true` for every subcommand, else the groups that have one.
 */
const GROUPED_CLIS: Record<string, true | Set<string>> = {
  gh: true,
  glab: true,
  kubectl: true,
  helm: true,
  aws: true,
  gcloud: true,
  az: true,
  fly: true,
  flyctl: true,
  heroku: true,
  vercel: true,
  wrangler: true,
  supabase: true,
  firebase: true,
  docker: new Set(['compose', 'container', 'image', 'network', 'volume', 'system', 'buildx', 'context']),
  // (`nix flake update` and `nix flake metadata` are two commands of one group.)
  nix: new Set(['flake', 'profile', 'store', 'registry', 'derivation', 'hash', 'key', 'nar']),
  podman: new Set(['compose', 'container', 'image', 'network', 'volume', 'system', 'pod']),
};
/** Flags of those clients that take a value (`gh api -X PUT <endpoint>`): the value is no operand. */
const VALUE_FLAGS = new Set([
  '-X',
  '--method',
  '-H',
  '--header',
  '-f',
  '-F',
  '--field',
  '--raw-field',
  '--jq',
  '-q',
  '--template',
  '-t',
  '--input',
  '-R',
  '--repo',
  '-n',
  '--namespace',
  '--context',
  '--profile',
  '--region',
  '--project',
  '-o',
  '--output',
  '-l',
  '--selector',
  '--file',
]);

/** True for a client whose family names carry two words after the program (`gh api`, `docker compose`). */
export function isGroupedCli(program: string): boolean {
  return Object.hasOwn(GROUPED_CLIS, program);
}

/** The two operands naming a grouped client's call, or undefined when `program` is not one or has no group. */
export function groupedOperands(program: string, args: string[]): string[] | undefined {
  if (!isGroupedCli(program)) return undefined;
  const kept: string[] = [];
  for (let i = 0; i < args.length && kept.length < 2; i++) {
    const w = args[i];
    if (VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-') && !/^\d+$/.test(w) && w !== '--') kept.push(w.length > 80 ? w.slice(0, 80) : w);
  }
  const groups = GROUPED_CLIS[program];
  if (groups !== true && !groups.has(kept[0] ?? '')) return undefined;
  return kept;
}

/**
 * The check family of a command line (the first test/build/lint/typecheck command in it), else a
 * generic family: the main program and its first operand (`python scripts/migrate.py`), so repeated
 * runs of one script meet too. Undefined for pure looking-around (`ls`, `cat x | head`).
 */
export function commandFamily(commandLine: string, programs: string[][] = programsOf(commandLine)): CommandFamily | undefined {
  for (const words of programs) {
    if (asksAboutItself(words)) continue;
    const family = familyOfWords(words);
    if (!family) continue;
    // `python3 -m unittest` is unwrapped to `unittest` for the family; the reader sees it as typed. (The
    // pattern is built only for lines that name python: it cannot match the others.)
    const module =
      commandLine.includes('python') &&
      new RegExp(String.raw`\b(python[\d.]*)\s+-m\s+${family.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`).exec(commandLine);
    if (module) family.display = `${module[1]} -m ${family.name}`;
    return family;
  }
  // The work is the last command that is not setup or plumbing: `rm x.lock && python3 reindex.py --resume`
  // is a run of reindex.py.
  // `tsc --version`, `pytest --help`: asking a tool about itself runs no check (and fixes none).
  const asking = programs.find(asksAboutItself);
  programs = programs.filter((w) => !asksAboutItself(w));
  // (A quoted string alone is PowerShell's echo, `"=== auth ==="; entire auth --help`, and `$env:Path += …` an
  // assignment: neither is a program.)
  const work = programs.filter((w) => !PASS_THROUGH.has(base(w[0])) && !SETUP.has(base(w[0])) && !/\s/.test(w[0].trim()) && !w[0].startsWith('$'));
  if (!work.length && asking) return { name: `${base(asking[0])} ${asking.includes('--help') ? '--help' : '--version'}`, targets: [] };
  for (const words of work.length ? work.slice(-1) : programs) {
    const program = base(words[0]);
    if (PASS_THROUGH.has(program)) continue;
    if (program === 'git') return { name: ['git', ...operands(words.slice(1)).slice(0, 1)].join(' '), targets: [] };
    // `ssh host "opkg remove x"`: the command run over there is the family (any other ssh to the host is not).
    const remote = sshRemote(words);
    if (remote) {
      const inner = remote.command ? commandFamily(remote.command) : undefined;
      return { name: `ssh ${remote.host}${inner ? ` ${inner.name}` : ''}`, targets: [] };
    }
    // `docker exec qdrant sh -c 'ps aux | …'`: the command run in the container is the family, there (another command
    // in the same container, `ls /proc/self`, is another family).
    if ((program === 'docker' || program === 'podman') && words[1] === 'exec') {
      const rest = words.slice(2);
      let i = 0;
      while (i < rest.length && rest[i].startsWith('-')) i += /^(?:-e|-u|-w|--env|--user|--workdir)$/.test(rest[i]) ? 2 : 1;
      const inner = rest.slice(i + 1);
      if (rest[i] !== undefined && inner.length) {
        const family = familyOfWords(inner) ?? commandFamily(inner.join(' '), [inner]);
        const named = family?.name ?? inner.slice(0, 2).join(' ');
        return { ...(family ?? { targets: [] }), name: `${program} exec ${rest[i]} ${named}`.slice(0, 2100) };
      }
    }
    // CLIs whose first word is a group: `gh api user/emails` and `gh api repos/o/r/branches` are different
    // calls (one failing is not fixed by the other passing); `docker compose up`, `kubectl get pods` too.
    const groupWords = groupedOperands(program, words.slice(1));
    if (groupWords) return { name: [program, ...groupWords].join(' '), targets: [] };
    // A script given to a shell is named whole (scripts sharing a preamble are different commands), shown cut.
    const script = wrappedScript(words);
    // (`bash -c "make 2>&1 | tail -n 5 && ./build/app"` is a run of make: a POSIX shell's script that runs a known
    // check is that check, whatever the wrapper; other scripts stay named whole.)
    const inner = script && /^(?:bash|sh|zsh|dash)$/.test(program) && script.length <= 4000 ? commandFamily(script) : undefined;
    if (inner && script && !wrappedScript(programsOf(script)[0] ?? []) && KNOWN_CHECK.test(inner.name)) return inner;
    if (script)
      return { name: `${program} ${script.slice(0, 2000)}`, targets: [], ...(script.length > 80 ? { display: `${program} ${script.slice(0, 80)}…` } : {}) };
    // (A make goal is named as given, `make run` too: its passing says nothing of `make test`'s failure.)
    const goal = /^(?:make|just|task|rake)$/.test(program) ? words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) : undefined;
    const operand = goal ?? operands(words.slice(1))[0];
    const name = interpreterName(program);
    const shown = operand ? ` ${operand.length > 80 ? operand.slice(0, 80) : operand}` : '';
    return { name: `${name}${shown}`, targets: [], ...(name !== program ? { display: `${program}${shown}` } : {}) };
  }
  return undefined;
}

// ssh's options that take a value (`-o ConnectTimeout=5`, `-i key`, `-p 2222`).
const SSH_VALUE_OPTIONS = new Set([
  '-o',
  '-i',
  '-p',
  '-l',
  '-F',
  '-J',
  '-L',
  '-R',
  '-D',
  '-W',
  '-b',
  '-c',
  '-E',
  '-e',
  '-m',
  '-O',
  '-Q',
  '-S',
  '-w',
  '-B',
  '-I',
]);

/** The host of an `ssh` call and the command it runs there (empty for an interactive login). */
export function sshRemote(words: string[]): { host: string; command: string } | undefined {
  if (base(words[0]) !== 'ssh') return undefined;
  for (let i = 1; i < words.length; i++) {
    if (SSH_VALUE_OPTIONS.has(words[i])) i++;
    else if (!words[i].startsWith('-')) return { host: words[i], command: words.slice(i + 1).join(' ') };
  }
  return undefined;
}

/**
 * Every family a command line runs (`sh migrate.sh && sqlite3 app.db '…'` runs two). A passing line whose
 * parts are chained with `&&` passed each of them.
 */
export function commandFamilyNames(programs: string[][]): string[] {
  const names: string[] = [];
  for (const words of programs) {
    const family = familyOfWords(words) ?? (PASS_THROUGH.has(base(words[0])) || SETUP.has(base(words[0])) ? undefined : commandFamily('', [words]));
    if (family && !names.includes(family.name)) names.push(family.name);
  }
  return names;
}

/** Names of failing tests in an output: jest/vitest, pytest, go, cargo, node:test/TAP, mocha, rspec. */
export function failingTestNames(output: string, max = 8): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (clean && clean.length <= 200 && !names.includes(clean) && names.length < max) names.push(clean);
  };
  const text = plainOutput(output.length > 200_000 ? output.slice(0, 50_000) + '\n' + output.slice(-150_000) : output);
  // cargo's closing `failures:` list names every failing test, also those whose `… FAILED` row a `tail` cut.
  let inFailureList = false;
  let docTests: string | undefined;
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if (/^failures:\s*$/.test(line)) inFailureList = true;
    else if (inFailureList && !/^\s+\S+\s*$/.test(line) && line.trim()) inFailureList = false;
    if (inFailureList && (m = /^\s{4}([\w:]+)\s*$/.exec(line)))
      add(m[1]); // cargo's failures list
    else if ((m = /^---- ([\w:]+) stdout ----$/.exec(line)))
      add(m[1]); // cargo's captured output of one failing test
    else if ((m = /^\s*FAILED\s+(\S+::\S+)/.exec(line)))
      add(m[1]); // pytest summary
    else if ((m = /^(\S+\.py::\S+)\s+FAILED\b/.exec(line)))
      add(m[1]); // pytest -v
    else if ((m = /^\s*--- FAIL:\s+(\S+)/.exec(line)))
      add(m[1]); // go
    else if ((m = /^test\s+(\S+)\s+\.\.\.\s+FAILED\b/.exec(line)))
      add(m[1]); // cargo
    else if ((m = /^\s*not ok(?: \d+)?\s+(?:-\s+)?(.+?)(?:\s+#.*)?$/.exec(line)))
      add(m[1]); // TAP / node:test
    else if ((m = /^\s*(?:●)\s+(.+?)\s*$/.exec(line)) && !/Console|Test suite failed/.test(m[1]))
      add(m[1]); // jest detail header
    else if ((m = /^\s*[✕✗✖×]\s+(?!\d+ problems? \(|failing tests:)(.+?)(?:\s+\([\d.]+\s*m?s\))?\s*$/.exec(line)))
      // (not eslint's `✖ 2 problems (…)`, nor node's `✖ failing tests:` over the list of them; a duration dropped)
      add(m[1]); // jest/vitest list
    else if ((m = /^\s*FAIL\s+(\S+\.[jt]sx?|\S+\.mjs)(?:\s+>\s+(.+))?/.exec(line)))
      add(m[2] ? `${m[1]} > ${m[2]}` : m[1]); // jest/vitest file
    else if ((m = /^rspec \.\/(\S+)/.exec(line))) add(m[1]);
    else if ((m = /^\s*\d+ - (\S+) \((?:Failed|SEGFAULT|Timeout|Subprocess aborted|Exception|Not Run|ILLEGAL|Bus error|Child aborted)\)\s*$/.exec(line)))
      add(m[1]); // ctest's row under `The following tests FAILED:` (`  2 - test_wrap (Failed)`)
    else if ((m = /^==== (\S+)(?: .*)? FAILED$/.exec(line)))
      add(m[1]); // tcltest's header and closing line of a failing test (`==== tally-3.2 week, ISO year rollover FAILED`)
    else if ((m = /^(?:FAIL|ERROR): (\w+) \([\w.]+\)/.exec(line)))
      add(m[1]); // unittest
    else if ((m = /^FAIL\s+([\w.:/-]*[A-Za-z][\w.:/-]*)(?:\s+\([^)]*\))?\s*$/.exec(line)))
      add(m[1]); // a harness's own `FAIL name` row, or `FAIL name (exit 139)`
    else if ((m = /^([\w.:/-]*[A-Za-z][\w.:/-]*)\s{2,}(?:FAIL|FAILED)\b/.exec(line)))
      add(m[1]); // a harness's `name   FAIL: why` row
    else if (startsWithStatusWord(line) && (m = FAILING_TEST_ROW.exec(line)))
      add(m[1]); // a harness's row in its own language (`FALLITO TestFattura.testBollo: …`)
    else if (line.startsWith('thread ') && (m = /^thread '([^']+)'(?: \(\d+\))? panicked at ([^\s:]+):\d+/.exec(line)))
      // A Rust test panics on a thread named after it, so even a `grep panicked` keeps its name; a doc test panics on
      // `main`, under its crate's `Doc-tests ringstat` header: that header names it.
      if (m[1] !== 'main') add(m[1]);
      else if (docTests) add(docTests);
    if (line.includes('Doc-tests ') && /^\s*Doc-tests \S+\s*$/.test(line)) docTests = line.trim();
    else if (docTests !== undefined && /^\s*Running \S/.test(line)) docTests = undefined;
  }
  return names;
}

/**
 * The failing test an error line belongs to: the nearest row above it that names one of `tests` (a
 * harness's `FAIL nov-sample` over its indented `parse error: …`, cargo's `---- tests::x stdout ----`).
 */
export function owningTest(output: string, line: string, tests: string[]): string | undefined {
  const lines = output.split('\n');
  const key = line.trim();
  let at = lines.findIndex((l) => l.includes(key.slice(0, 80)));
  // (A line the summary joined with the one under it, `panicked at src/lib.rs:13:1: left: Some(3.0)`, starts with its own.)
  if (at === -1) at = lines.findIndex((l) => l.trim().length >= 20 && key.startsWith(l.trim()));
  for (let i = at - 1; i >= 0 && i >= at - 30; i--) {
    const named = tests.find((t) => lines[i].includes(t));
    if (named) return named;
  }
  // A harness that prints a test's output first and its verdict after (`Segmentation fault` over `FAIL tyhja (exit 139)`).
  for (let i = at + 1; i < lines.length && i <= at + 2; i++) {
    if (!/^\s*(?:FAIL|FAILED|ERROR|not ok)\b/.test(lines[i])) continue;
    const named = tests.find((t) => lines[i].includes(t));
    if (named) return named;
  }
  return undefined;
}

/** A passing summary line (so `npm test | tail` with no exit code can still be read as passing). */
export function looksPassing(output: string): boolean {
  const tail = output.length > 8000 ? output.slice(-8000) : output;
  return /\b\d+ (?:passed|passing)\b(?![^\n]*\b[1-9]\d* (?:failed|failing|errors?)\b)|\btest result: ok\b|^ok\s+\S+\s+[\d.]+s$|^PASS\b|\bTests?:\s+\d+ passed(?:, \d+ total)?\s*$|^(?:#|ℹ)\s*fail 0\s*$|^\s*0 fail\s*$|\bAll tests passed\b|\bFound 0 errors\b|^Success: no issues found/m.test(
    tail,
  );
}
