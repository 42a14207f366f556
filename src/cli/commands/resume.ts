import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { handoverAgent, listHandovers } from '../../handover/handoverRecord.js';
import { seedPrompt } from '../../handover/seedPrompt.js';
import { recordLaunch } from '../../handover/chainLaunch.js';
import { handoverHome } from '../../util/handoverHome.js';
import { CliError, type CliCommand } from '../command.js';

export const resumeCommand: CliCommand = {
  name: 'resume',
  summary: "Start the agent on the workspace's newest verified handover (or print how).",
  usage: 'handover resume [--workspace DIR] [--agent COMMAND] [--print] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    agent: { type: 'string' },
    print: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const workspace = resolve(io.cwd, (values.workspace as string | undefined) ?? '.');
    const handovers = await listHandovers(workspace, handoverHome(io.env));
    const newest = handovers.find((h) => h.verified);
    if (!newest) {
      const unverified = handovers[0];
      throw new CliError(
        unverified
          ? `no verified handover in ${workspace}/.handover (newest, ${unverified.id}, is not verified: ${unverified.verifyProblem}); it will not be resumed automatically`
          : `no handover in ${workspace}/.handover yet (run 'handover build <log.jsonl>' first)`,
      );
    }
    const agentKind = handoverAgent(newest) === 'codex' ? 'codex' : 'claude';
    const command = (values.agent as string | undefined) ?? agentKind;
    const prompt = seedPrompt(agentKind, workspace, newest.promptPath);
    if (values.print || values.json) {
      // Printed to be pasted into a shell: single-quoted, so nothing in it ($(…), `…`, $VAR) runs.
      io.stdout(
        values.json
          ? JSON.stringify({ sessionId: newest.id, promptPath: newest.promptPath, agent: command, args: [prompt] }) + '\n'
          : `${newest.promptPath}\n${shellQuote(command)} ${shellQuote(prompt)}\n`,
      );
      return 0;
    }
    // The chain link of the session about to start; its seed prompt in the log says the same.
    await recordLaunch(handoverHome(io.env), { handoverId: newest.id, workspace, agent: agentKind, by: 'cli' }).catch(() => undefined);
    // argv, not a shell: the prompt is one argument whatever it holds.
    return await new Promise<number>((done, fail) => {
      const child = spawn(command, [prompt], { cwd: workspace, stdio: 'inherit', env: io.env });
      child.on('error', (error: NodeJS.ErrnoException) =>
        fail(
          new CliError(error.code === 'ENOENT' ? `agent '${command}' not found on PATH (use --agent to name it)` : `cannot start ${command}: ${error.message}`),
        ),
      );
      child.on('exit', (code) => done(code ?? 1));
    });
  },
};

/** One POSIX shell word for any text: single quotes, each ' written as '\''. Plain words stay bare. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
