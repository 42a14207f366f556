// Runs one bench:facts scenario as a real Claude Code session: the pinned `claude` CLI, offline,
// against the scripted model (test/support/claudeModelServer.mjs), in a scratch git project where the
// tools really run. Each user turn is one `claude -p --input-format stream-json` run resuming the same
// session, so a turn can carry several text blocks (an IDE's `<ide_opened_file>` block, then the typed
// request, the shape Claude Code's IDE integrations write) and the user can refuse a tool call the way
// an SDK host does it (a `can_use_tool` control request answered "deny" with the user's words).
//
// Exports
//   scenarioInputsHash(scenarioFile) → sha256 of everything that shapes the generated session
//   loadScenario(scenario, project) → { kit, turns }     the facts and turns for that project path
//   generateScenario(scenario, dir) → Promise<{ seconds, runs, compactions }>
//       writes dir/project (the workspace), dir/session.jsonl (the whole log, final /compact included),
//       dir/precompact.jsonl (the log as it was when the final /compact was typed: what a PreCompact
//       hook hands to Handover), dir/summary.txt (the final compaction summary as the log stores it) and
//       dir/kept.txt (the messages Claude Code keeps verbatim after that summary).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claudeBin, findSessionLog, makeClaudeEnv, makeScratchProject } from '../../../test/support/claudeSession.mjs';
import { startClaudeModelServer } from '../../../test/support/claudeModelServer.mjs';
import { makeKit, toolsFor } from './kit.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..', '..');

// The interactive CLI's own words when a user rejects a tool call and says why.
const REJECTION =
  "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). To tell you how to proceed, the user said:\n";

export function scenarioInputsHash(scenarioFile) {
  const hash = createHash('sha256');
  const files = [
    scenarioFile,
    join(here, 'kit.mjs'),
    join(here, 'session.mjs'),
    join(repoRoot, 'test', 'support', 'claudeModelServer.mjs'),
    join(repoRoot, 'test', 'support', 'claudeSession.mjs'),
    join(repoRoot, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json'),
  ];
  for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : `missing ${file}`);
  return hash.digest('hex');
}

export function loadScenario(scenario, project) {
  const kit = makeKit({ thinking: scenario.thinking !== false });
  const turns = scenario.build(kit, { project, ...toolsFor(project) });
  if (!turns.at(-1)?.compact) throw new Error(`scenario ${scenario.name}: the last turn must be a /compact`);
  return { kit, turns };
}

/** Toolchains the sessions use live under the real HOME; the session gets a scratch HOME. */
function toolchainEnv() {
  const extra = {};
  for (const [key, dir] of [
    ['CARGO_HOME', '.cargo'],
    ['RUSTUP_HOME', '.rustup'],
  ]) {
    const path = process.env[key] ?? join(homedir(), dir);
    if (existsSync(path)) extra[key] = path;
  }
  extra.RUST_BACKTRACE = '0';
  // npm would otherwise ask the registry for its own newer version and print a notice into the log.
  extra.NPM_CONFIG_UPDATE_NOTIFIER = 'false';
  return extra;
}

function userMessage(user, project) {
  if (typeof user === 'string') return { role: 'user', content: user };
  const blocks = [];
  if (user.ide) {
    blocks.push({
      type: 'text',
      text: `<ide_opened_file>The user opened the file ${project}/${user.ide} in the IDE. This may or may not be related to the current task.</ide_opened_file>`,
    });
  }
  blocks.push({ type: 'text', text: user.text });
  return { role: 'user', content: blocks };
}

/** One `claude -p` run in stream-json mode; answers permission requests; ends when the result arrives. */
function runTurn({ message, refuse = {}, cwd, env, sessionId, resume, timeoutMs = 120_000 }) {
  const args = ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'];
  args.push(resume ? '--resume' : '--session-id', sessionId);
  // Bash is not pre-allowed: every command comes through can_use_tool, so a scripted refusal can deny it.
  args.push('--permission-prompt-tool', 'stdio', '--allowedTools', 'Read,Write,Edit');
  return new Promise((resolve, reject) => {
    const child = spawn(claudeBin, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let pending = '';
    let result;
    const denied = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (data) => (stderr += data));
    child.stdout.on('data', (data) => {
      pending += data;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        let event;
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event.type === 'control_request' && event.request?.subtype === 'can_use_tool') {
          const input = event.request.input ?? {};
          const words = refuse[input.command];
          const response = words === undefined ? { behavior: 'allow', updatedInput: input } : { behavior: 'deny', message: REJECTION + words };
          if (words !== undefined) denied.push(input.command);
          child.stdin.write(JSON.stringify({ type: 'control_response', response: { subtype: 'success', request_id: event.request_id, response } }) + '\n');
        } else if (event.type === 'result') {
          result = event;
          child.stdin.end();
        }
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, result, denied });
    });
    child.stdin.write(JSON.stringify({ type: 'user', message }) + '\n');
  });
}

export async function generateScenario(scenario, dir) {
  const project = await makeScratchProject({ files: scenario.files, dir: join(dir, 'project') });
  const { turns } = loadScenario(scenario, project);
  const summaries = turns.filter((turn) => turn.compact).map((turn) => turn.summary);
  let compactions = 0;
  const server = await startClaudeModelServer({
    script: turns.flatMap((turn) => turn.model ?? []),
    summary: () => summaries[Math.min(compactions++, summaries.length - 1)],
    sideAnswer: scenario.title ?? 'Scripted session',
  });
  const { env, home } = makeClaudeEnv({ serverUrl: server.url, extra: { ...toolchainEnv(), ...(scenario.env ?? {}) } });
  const sessionId = sessionIdFor(scenario.name);
  const started = Date.now();
  try {
    for (const [index, turn] of turns.entries()) {
      const isLast = index === turns.length - 1;
      if (isLast) {
        const log = findSessionLog({ home, cwd: project, sessionId });
        if (!log) throw new Error(`claude wrote no session log under ${home}`);
        copyFileSync(log.path, join(dir, 'precompact.jsonl'));
      }
      const message = turn.compact ? { role: 'user', content: '/compact' } : userMessage(turn.user, project);
      const run = await runTurn({ message, refuse: turn.refuse, cwd: project, env, sessionId, resume: index > 0 });
      const what = turn.compact ? '/compact' : JSON.stringify((turn.user.text ?? turn.user).slice(0, 40));
      if (run.code !== 0 || !run.result) throw new Error(`turn ${index + 1} (${what}) exited ${run.code} without a result: ${run.stderr.trim().slice(0, 300)}`);
      if (run.result.is_error) throw new Error(`turn ${index + 1} (${what}) ended in error: ${JSON.stringify(run.result).slice(0, 300)}`);
      const expected = Object.keys(turn.refuse ?? {});
      if (expected.some((command) => !run.denied.includes(command)))
        throw new Error(`turn ${index + 1}: a scripted refusal was never asked for (${expected.join(', ')})`);
    }
    if (server.remaining !== 0 || server.exhausted !== 0) {
      throw new Error(`the scripted model was not used up exactly (${server.remaining} steps left, ${server.exhausted} requests past the end)`);
    }
    if (compactions !== summaries.length) throw new Error(`${summaries.length} compactions scripted, ${compactions} requested`);
    const log = findSessionLog({ home, cwd: project, sessionId });
    copyFileSync(log.path, join(dir, 'session.jsonl'));
    const logText = readFileSync(log.path, 'utf8');
    writeFileSync(join(dir, 'summary.txt'), lastCompactSummary(logText));
    writeFileSync(join(dir, 'kept.txt'), keptAfterLastCompaction(logText));
    return { seconds: (Date.now() - started) / 1000, runs: turns.length, compactions };
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * The messages Claude Code keeps verbatim after its last compaction summary (compact_boundary's
 * compactMetadata.preservedMessages), as text: the rest of what a resumed agent sees.
 */
export function keptAfterLastCompaction(logText) {
  const records = [];
  for (const raw of logText.split('\n')) {
    try {
      records.push(JSON.parse(raw));
    } catch {
      // blank or partial line
    }
  }
  const boundary = records.filter((r) => r.type === 'system' && r.subtype === 'compact_boundary').at(-1);
  const kept = new Set(boundary?.compactMetadata?.preservedMessages?.allUuids ?? boundary?.compactMetadata?.preservedMessages?.uuids ?? []);
  const texts = [];
  for (const record of records) {
    if (!kept.has(record.uuid)) continue;
    const content = record.message?.content;
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) {
      for (const block of content) {
        if (block.type === 'text') texts.push(block.text);
        else if (block.type === 'thinking') texts.push(block.thinking ?? '');
        else if (block.type === 'tool_use') texts.push(JSON.stringify(block.input));
        else if (block.type === 'tool_result') texts.push(typeof block.content === 'string' ? block.content : JSON.stringify(block.content));
      }
    }
  }
  return texts.join('\n');
}

/** A fixed session id per scenario, so reruns give the same file names. */
export function sessionIdFor(name) {
  const hex = createHash('sha256').update(`bench:facts ${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The last compaction summary as Claude Code stored it (what the resumed agent would have read). */
export function lastCompactSummary(logText) {
  let summary = '';
  for (const raw of logText.split('\n')) {
    if (!raw.includes('isCompactSummary')) continue;
    try {
      const record = JSON.parse(raw);
      if (!record.isCompactSummary) continue;
      const content = record.message?.content;
      summary = typeof content === 'string' ? content : content.map((block) => block.text ?? '').join('\n');
    } catch {
      // not a record
    }
  }
  return summary;
}
