// The Claude Code VS Code extension opens its panel with a prompt filled in from a URI,
// `<scheme>://anthropic.claude-code/open?prompt=<text>`: the user sees the seed and sends it. No vscode
// import here, so the URI is unit-tested in plain Node.
export const CLAUDE_CODE_EXTENSION_ID = 'anthropic.claude-code';

export interface PanelUriParts {
  scheme: string;
  authority: string;
  path: string;
  /** Already percent-encoded. */
  query: string;
}

/** `scheme` is the editor's own (vscode.env.uriScheme: `vscode`, `vscode-insiders`, …). */
export function claudePanelUriParts(seed: string, scheme = 'vscode'): PanelUriParts {
  return { scheme, authority: CLAUDE_CODE_EXTENSION_ID, path: '/open', query: `prompt=${encodeURIComponent(seed)}` };
}

export function claudePanelUri(seed: string, scheme = 'vscode'): string {
  const parts = claudePanelUriParts(seed, scheme);
  return `${parts.scheme}://${parts.authority}${parts.path}?${parts.query}`;
}
