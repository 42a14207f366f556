// How a resumed agent looks up what its handover left out: through the `handover` MCP server's tools
// when the agent has them (the Claude Code plugin, or [mcp_servers.handover] in Codex), else through
// the CLI. Each mode's text is fixed (nothing interpolated) so the preamble that holds it stays
// byte-identical from one handover to the next and keeps caching.
export type RetrievalMode = 'mcp' | 'cli';

const MCP = `To look up a detail this file leaves out (an exact error, a command's output, a number), use the tools of the
\`handover\` MCP server (Claude Code: mcp__plugin_handover_handover__<tool>, Codex: the mcp__handover tools; find them with tool search if deferred):
  search(query, kind?, since?, limit?)      ranked matches across every past session, each with a <session-id>:<line> ref
  search(query, kind: "tool-error")         errors only; kinds: user, assistant, thinking, tool-call, tool-result, tool-error
  show(ref)                                 that record with a few records of context
  file_history(path)                        the sessions and lines that changed or discussed a file, newest first
  chain(id?)                                this session's chain: the earlier sessions it was resumed from
Citations below read (log line N): call show with ref "<session-id>:N", the session id given at the end.
`;

const CLI = `To look up a detail this file leaves out (an exact error, a command's output, a number), search the archived logs:
  handover search "<words>"                 ranked matches across every archived session, with session:line
  handover search "<words>" --kind tool-result --limit 20
  handover show <session-id>:<line>          that record with a few records of context
  handover chain                             the earlier sessions this one was resumed from (search one: --chain ID)
Citations below read (log line N): run \`handover show <session-id>:N\` with the session id given at the end.
`;

/** The retrieval block of the resume prompt's preamble for this mode (ends with a newline). */
export function retrievalInstructions(mode: RetrievalMode): string {
  return mode === 'mcp' ? MCP : CLI;
}
