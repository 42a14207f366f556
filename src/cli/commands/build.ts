import { resolve } from 'node:path';
import { buildHandover, BuildError, BuildStageError, type ModelAnalyzer } from '../../handover/build.js';
import { handoverHome } from '../../util/handoverHome.js';
import { codexResumeNote } from '../../handover/codexResumable.js';
import type { BuildJson } from '../../shared/cliJson.js';
import { CliError, type CliCommand } from '../command.js';
import { retrievalModeFor } from '../../hooks/retrievalMode.js';

export const buildCommand: CliCommand = {
  name: 'build',
  summary: 'Turn a session log into a handover; prints the path of its resume-prompt.md.',
  usage: 'handover build <log.jsonl> [--workspace DIR] [--analyzer offline|anthropic] [--budget-tokens N] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    analyzer: { type: 'string' },
    'budget-tokens': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const analyzer = (values.analyzer as string | undefined) ?? 'offline';
    if (analyzer !== 'offline' && analyzer !== 'anthropic') throw new CliError(`--analyzer must be offline or anthropic, not '${analyzer}'`, 2);
    let budget;
    if (values['budget-tokens'] !== undefined) {
      const tokens = Number(values['budget-tokens']);
      if (!Number.isInteger(tokens) || tokens < 1000) throw new CliError('--budget-tokens must be a whole number ≥ 1000', 2);
      budget = { maxTokens: tokens, minTokens: tokens };
    }
    if (analyzer === 'anthropic' && !io.env.ANTHROPIC_API_KEY?.trim()) {
      io.stderr('handover build: ANTHROPIC_API_KEY is not set; the three analysts fall back to their offline results\n');
    }
    const started = Date.now();
    try {
      const result = await buildHandover({
        logPath: resolve(io.cwd, positionals[0]),
        workspace: resolve(io.cwd, (values.workspace as string | undefined) ?? '.'),
        home: handoverHome(io.env),
        analyzer,
        modelAnalyzer: analyzer === 'anthropic' ? await loadModelAnalyzer() : undefined,
        budget,
        // The preamble names the MCP tools when the resuming agent has our server, else the CLI.
        retrievalFor: (agent) => retrievalModeFor(agent, resolve(io.cwd, (values.workspace as string | undefined) ?? '.'), io.env),
        env: io.env,
      });
      if (result.logProblems) io.stderr(`handover build: ${positionals[0]}: ${result.logProblems}\n`);
      const resumeNote = result.data.agent === 'codex' ? codexResumeNote(result.data.sessionId, io.env) : undefined;
      if (resumeNote) io.stderr(`handover build: note: ${resumeNote}\n`);
      if (values.json) {
        const d = result.data;
        const json: BuildJson = {
          promptPath: result.promptPath,
          dir: result.dir,
          sessionId: d.sessionId,
          agent: d.agent,
          archived: d.log.archived,
          findings: d.findings.length,
          modifiedFiles: d.modifiedFiles.length,
          stats: d.stats,
          ms: Date.now() - started,
        };
        io.stdout(JSON.stringify(json) + '\n');
      } else io.stdout(result.promptPath + '\n');
      return 0;
    } catch (error) {
      if (error instanceof BuildError) throw new CliError(error.message);
      // A bug in one stage: its own exit code (70, EX_SOFTWARE), never dressed as bad input.
      if (error instanceof BuildStageError) throw new CliError(error.message, 70);
      throw error;
    }
  },
};

/** The model analysts load only when asked for: the offline build never pulls in the API client. */
async function loadModelAnalyzer(): Promise<ModelAnalyzer> {
  const { analyzeWithAnthropicFromEnv } = await import('../../analysis/anthropic/fromEnv.js');
  return analyzeWithAnthropicFromEnv;
}
