// Helpers to run the real `claude` CLI (pinned devDependency) in an isolated, offline environment
// against test/support/claudeModelServer.mjs, and to find the session log it writes.
//
// Exports
//   claudeBin                                   path of node_modules/.bin/claude
//   makeClaudeEnv({ serverUrl, home?, extra? }) → { env, home }
//       a temp HOME (so ~/.claude is fresh), ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY=sk-ant-test,
//       DISABLE_AUTOUPDATER=1, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1; nothing else from the
//       caller's Claude set-up leaks in (ANTHROPIC_*/CLAUDE_* variables of the parent are dropped).
//   makeScratchProject({ files?, name?, dir? }) → Promise<string>
//       a git repository (in a new temp folder, or at `dir`, emptied first) (user.name/email set, one initial commit of `files`: {relPath: text}).
//       The path is realpath'd, so it matches the cwd Claude Code records.
//   runClaude({ prompt, cwd, env, resume?, sessionId?, allowedTools?, extraArgs?, timeoutMs? })
//       → Promise<{ code, signal, stdout, stderr, timedOut, ms }>
//       `claude -p PROMPT [--session-id ID | --resume ID] --allowedTools "Write,Edit,Bash,Read"`.
//       The prompt comes before --allowedTools (that flag is variadic). As root,
//       --dangerously-skip-permissions is refused, so tools are allowed by name. Killed (SIGKILL) after
//       timeoutMs (default 120 s). Never throws for a non-zero exit: check `code`.
//   startStreamingClaude({ cwd, env, sessionId, allowedTools?, extraArgs? }) → StreamingClaude
//       `claude -p --input-format stream-json --output-format stream-json --verbose --session-id ID`:
//       a session that stays open, and idle, between turns for as long as its stdin is open.
//       { send(text) (one user message), output() (stdout so far), close(timeoutMs = 30 s) → Promise<{ code,
//         signal, stdout, stderr }> (ends stdin, waits for the exit, SIGKILL after timeoutMs), kill() }
//   mangleCwd(cwd) → string                     Claude Code's project folder name (non-alphanumerics → '-')
//   projectLogDir(home, cwd) → string           $HOME/.claude/projects/<mangled cwd>
//   findSessionLog({ home, cwd, sessionId? }) → { path, sessionId } | undefined
//       the given session's log, or the newest *.jsonl in the project folder.
//   startClaudeSession({ script, subagentScript?, summary?, sideAnswer?, files?, project?, allowedTools?,
//                        timeoutMs?, log?, keep? })
//       script/subagentScript may be arrays of turns or functions ({ project }) => turns, since Read
//       and Edit want absolute paths. `project` reuses an existing directory instead of a new repo.
//       → Promise<ClaudeSession>: server + env + scratch project in one, for tests (hooks: put
//       '.claude/settings.json' in `files`, or write it into `project` before the first run):
//       { server, home, env, project, sessionId, run(prompt, opts?) → runClaude result (first call
//         starts the session with a fixed --session-id, later calls --resume it), logPath(),
//         close() (stops the server; removes HOME and project unless keep: true) }
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { startClaudeModelServer } from './claudeModelServer.mjs';

export const claudeBin = join(repoRoot, 'node_modules', '.bin', 'claude');
export const defaultAllowedTools = 'Write,Edit,Bash,Read';

/** @param {{ serverUrl: string, home?: string, extra?: NodeJS.ProcessEnv }} options */
export function makeClaudeEnv({ serverUrl, home, extra = {} }) {
  const homeDir = home ?? realpathSync(mkdtempSync(join(tmpdir(), 'claude-home-')));
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The parent may itself run inside Claude Code or have an API key; none of that may leak in.
    if (/^(ANTHROPIC_|CLAUDE_|CLAUDECODE)/.test(key)) continue;
    // Nor may the settings of an `npm run` that started the test (`--silent` would silence npm inside
    // the session, and the tools' real output is what the tests read).
    if (/^npm_/i.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    HOME: homeDir,
    ANTHROPIC_BASE_URL: serverUrl,
    ANTHROPIC_API_KEY: 'sk-ant-test',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    ...extra,
  });
  return { env, home: homeDir };
}

function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

/** @param {{ files?: Record<string, string>, name?: string, dir?: string }} [options] */
export async function makeScratchProject({ files = { 'README.md': '# scratch project\n' }, name = 'claude-project-', dir: at } = {}) {
  if (at) {
    rmSync(at, { recursive: true, force: true });
    await mkdir(at, { recursive: true });
  }
  const dir = realpathSync(at ?? mkdtempSync(join(tmpdir(), name)));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.email', 'test@example.invalid']);
  git(dir, ['config', 'user.name', 'Handover Test']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  for (const [relPath, text] of Object.entries(files)) {
    const path = join(dir, relPath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'initial', '--allow-empty']);
  return dir;
}

/**
 * @param {{ prompt: string, cwd: string, env: NodeJS.ProcessEnv, resume?: string, sessionId?: string, allowedTools?: string, extraArgs?: string[], timeoutMs?: number }} options
 */
export function runClaude({ prompt, cwd, env, resume, sessionId, allowedTools = defaultAllowedTools, extraArgs = [], timeoutMs = 120_000 }) {
  const args = ['-p', prompt];
  if (resume) args.push('--resume', resume);
  else if (sessionId) args.push('--session-id', sessionId);
  args.push(...extraArgs);
  if (allowedTools) args.push('--allowedTools', allowedTools);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(claudeBin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** @param {{ cwd: string, env: NodeJS.ProcessEnv, sessionId: string, allowedTools?: string, extraArgs?: string[] }} options */
export function startStreamingClaude({ cwd, env, sessionId, allowedTools = defaultAllowedTools, extraArgs = [] }) {
  const args = ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose', '--session-id', sessionId, ...extraArgs];
  if (allowedTools) args.push('--allowedTools', allowedTools);
  const child = spawn(claudeBin, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    send(text) {
      child.stdin.write(JSON.stringify({ type: 'user', message: { role: 'user', content: text } }) + '\n');
    },
    output: () => stdout,
    async close(timeoutMs = 30_000) {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const { code, signal } = await exited;
      clearTimeout(timer);
      return { code, signal, stdout, stderr };
    },
    kill: () => child.kill('SIGKILL'),
  };
}

export function mangleCwd(cwd) {
  return cwd.replace(/[^a-zA-Z0-9]/g, '-');
}

export function projectLogDir(home, cwd) {
  return join(home, '.claude', 'projects', mangleCwd(cwd));
}

export function findSessionLog({ home, cwd, sessionId }) {
  const dir = projectLogDir(home, cwd);
  if (!existsSync(dir)) return undefined;
  if (sessionId) {
    const path = join(dir, `${sessionId}.jsonl`);
    return existsSync(path) ? { path, sessionId } : undefined;
  }
  const logs = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  if (logs.length === 0) return undefined;
  return { path: join(dir, logs[0].name), sessionId: logs[0].name.replace(/\.jsonl$/, '') };
}

/**
 * @param {{ script?: any, subagentScript?: any, summary?: any, sideAnswer?: any, files?: Record<string, string>, project?: string,
 *   allowedTools?: string, timeoutMs?: number, log?: (line: string) => void, keep?: boolean }} [options]
 */
export async function startClaudeSession({
  script = [],
  subagentScript = [],
  summary,
  sideAnswer,
  files,
  project: givenProject,
  allowedTools = defaultAllowedTools,
  timeoutMs = 120_000,
  log,
  keep = false,
} = {}) {
  const project = givenProject ?? (await makeScratchProject({ files }));
  // Scripts may need the project's absolute path (Read wants absolute paths): accept functions of it.
  const resolveScript = (value) => (typeof value === 'function' ? value({ project }) : value);
  const server = await startClaudeModelServer({
    script: resolveScript(script),
    subagentScript: resolveScript(subagentScript),
    summary,
    sideAnswer,
    log,
  });
  const { env, home } = makeClaudeEnv({ serverUrl: server.url });
  const sessionId = randomUUID();
  let started = false;
  return {
    server,
    home,
    env,
    project,
    sessionId,
    async run(prompt, options = {}) {
      const result = await runClaude({
        prompt,
        cwd: project,
        env,
        allowedTools: options.allowedTools === undefined ? allowedTools : options.allowedTools,
        extraArgs: options.extraArgs,
        timeoutMs: options.timeoutMs ?? timeoutMs,
        ...(started ? { resume: sessionId } : { sessionId }),
      });
      started = true;
      return result;
    },
    logPath: () => findSessionLog({ home, cwd: project, sessionId })?.path,
    async close() {
      await server.close();
      if (!keep) {
        rmSync(home, { recursive: true, force: true });
        if (!givenProject) rmSync(project, { recursive: true, force: true });
      }
    },
  };
}
