// A chain of real `claude` sessions in one scratch project, each started from the previous session's
// handover the way the product does it (`handover resume --json` gives the agent and its seed prompt),
// against one scripted model server. Used by the chain fixtures, the e2e test and bench:chain.
//
// Exports
//   startChain({ files, summary?, allowedTools?, handoverHome?, claudeHome? }) → Promise<Chain>
//   Chain:
//     server, env (claude's), home (claude's HOME), project, handoverHome, cliEnv (for dist/cli.js)
//     runSession({ prompts, turns, seed? }) → Promise<{ sessionId, logPath, results }>
//         a NEW session (fresh --session-id): when `seed` is true its first prompt is the seed prompt
//         `handover resume --json` prints for the workspace's newest handover, then `prompts` follow
//         (each later one resumes the same session). `turns`: the assistant turns the model answers
//         with, in order, across all prompts. Throws when a run fails or the turns are not used up.
//     build(logPath, extraArgs?) → { dir, data }       `handover build` into the project's .handover
//     cli(args, { input?, env? }) → spawnSync result   dist/cli.js with the chain's HANDOVER_HOME
//     close()
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findSessionLog, makeClaudeEnv, makeScratchProject, runClaude } from './claudeSession.mjs';
import { startClaudeModelServer } from './claudeModelServer.mjs';
import { cli as cliPath } from './paths.mjs';

/**
 * @param {{ files?: Record<string, string>, summary?: any, allowedTools?: string, handoverHome?: string, keep?: boolean }} [options]
 */
export async function startChain({ files, summary, allowedTools = 'Write,Edit,Bash,Read,TaskCreate,TaskUpdate', handoverHome, keep = false } = {}) {
  const project = await makeScratchProject({ files, name: 'chain-project-' });
  const server = await startClaudeModelServer({ script: [], summary });
  const { env, home } = makeClaudeEnv({ serverUrl: server.url });
  const hoHome = handoverHome ?? realpathSync(mkdtempSync(join(tmpdir(), 'chain-handover-home-')));
  const cliEnv = { ...process.env, HANDOVER_HOME: hoHome, HOME: home, NO_COLOR: '1' };

  /** @type {(args: string[], options?: { input?: string, env?: Record<string, string | undefined> }) => import('node:child_process').SpawnSyncReturns<string>} */
  const cli = (args, { input, env: extra } = {}) =>
    spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...cliEnv, ...extra }, input, cwd: project });

  const chain = {
    server,
    env,
    home,
    project,
    handoverHome: hoHome,
    cliEnv,
    cli,
    async runSession({ prompts = [], turns, seed = false, extraArgs = [], timeoutMs = 120_000 }) {
      const list = [...prompts];
      if (seed) {
        const resumed = cli(['resume', '--workspace', project, '--json']);
        if (resumed.status !== 0) throw new Error(`handover resume --json failed: ${resumed.stderr}`);
        list.unshift(JSON.parse(resumed.stdout).args[0]);
      }
      const turnList = typeof turns === 'function' ? turns({ project }) : turns;
      const before = server.stepsServed;
      server.push(...turnList);
      const sessionId = randomUUID();
      const results = [];
      for (const [i, prompt] of list.entries()) {
        const result = await runClaude({ prompt, cwd: project, env, allowedTools, extraArgs, timeoutMs, ...(i === 0 ? { sessionId } : { resume: sessionId }) });
        results.push(result);
        if (result.code !== 0 || result.timedOut)
          throw new Error(
            `claude -p ${JSON.stringify(prompt.slice(0, 80))} failed (code ${result.code}${result.timedOut ? ', timed out' : ''}): ${result.stderr.slice(0, 400)}`,
          );
      }
      if (server.stepsServed - before !== turnList.length || server.remaining !== 0) {
        throw new Error(
          `session used ${server.stepsServed - before} of ${turnList.length} scripted turns (${server.remaining} left, ${server.exhausted} past the end)`,
        );
      }
      const logPath = findSessionLog({ home, cwd: project, sessionId })?.path;
      if (!logPath) throw new Error(`no log for session ${sessionId}`);
      return { sessionId, logPath, results };
    },
    build(logPath, extraArgs = []) {
      const result = cli(['build', logPath, '--workspace', project, ...extraArgs]);
      if (result.status !== 0) throw new Error(`handover build failed (${result.status}): ${result.stderr}`);
      const dir = dirname(result.stdout.trim().split('\n').pop());
      return { dir, data: JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8')), prompt: readFileSync(join(dir, 'resume-prompt.md'), 'utf8') };
    },
    async close() {
      await server.close();
      if (!keep) {
        for (const dir of [home, project, ...(handoverHome ? [] : [hoHome])]) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return chain;
}
