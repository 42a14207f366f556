// Which way a resumed agent can search past sessions, for the resume prompt's retrieval block
// (handover/retrievalInstructions.ts): through the `handover` MCP server when the agent it resumes in
// has it (Claude Code with the Handover plugin enabled, Codex with our [mcp_servers.handover]), else
// through the CLI. Read from the agents' own settings at build time.
import { readFileSync } from 'node:fs';
import type { RetrievalMode } from '../handover/retrievalInstructions.js';
import { pluginEnabledIn } from './claudePlugin.js';
import { codexPaths, hasOurMcpServer } from './codexInstall.js';

export function retrievalModeFor(agent: 'claude' | 'codex', workspace: string, env: NodeJS.ProcessEnv): RetrievalMode {
  if (agent === 'claude') return pluginEnabledIn(workspace, env).length > 0 ? 'mcp' : 'cli';
  try {
    return hasOurMcpServer(readFileSync(codexPaths(env).config, 'utf8')) ? 'mcp' : 'cli';
  } catch {
    return 'cli';
  }
}
