// Which agent a handover resumes in. A Codex session's handover belongs in codex, a Claude Code one in
// claude, unless the user chose one agent for everything (handover.agent.kind set explicitly).
import type { AgentKindSetting, HandoverConfig } from './config.js';

/**
 * The config to launch with. When the handover's agent is not the configured (default) kind, the
 * agent's own executable is used without the extra arguments: agent.command and agent.args were meant
 * for the configured agent, and claude's flags would break codex.
 */
export function configForHandover(config: HandoverConfig, handoverAgent: unknown): HandoverConfig {
  if (config.agentKindSet || (handoverAgent !== 'claude' && handoverAgent !== 'codex')) return config;
  const agentKind: AgentKindSetting = handoverAgent;
  if (agentKind === config.agentKind) return config;
  return { ...config, agentKind, agentCommand: agentKind, agentArgs: [] };
}
