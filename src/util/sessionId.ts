// The one rule for session ids. They become folder and file names (the archive, `.handover/<id>`, locks,
// guards), so anything but letters, digits, '_' and '-' (and a leading letter or digit) is refused rather
// than cleaned up: a dot or slash could walk out of the folder. Claude Code ids are UUIDs; Codex ids too.
const SAFE_SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isSafeSessionId(id: unknown): id is string {
  return typeof id === 'string' && SAFE_SESSION_ID.test(id);
}

/** The id if it is safe, else undefined. */
export function safeSessionId(id: unknown): string | undefined {
  return isSafeSessionId(id) ? id : undefined;
}
