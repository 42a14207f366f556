// The watch glob (setting handover.watchGlob, relative to a workspace folder) as segment matchers.
// Small on purpose: `*`, `?` and `**` are all a handover path needs, and the watcher must also know
// whether a directory can still lead to a match, so it never descends into node_modules and friends.

export interface WatchGlob {
  /** Does this relative path (with `/` separators) match the whole glob? */
  matches(relativePath: string): boolean;
  /** Can a path below this relative directory still match? (The watcher skips directories that can't.) */
  mayContainMatches(relativeDir: string): boolean;
  /** How deep below the folder a match can be; undefined when the glob has `**`. */
  depth: number | undefined;
}

function segmentRegExp(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

export function compileWatchGlob(glob: string): WatchGlob {
  const parts = glob
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  const matchers = parts.map((p) => (p === '**' ? ('**' as const) : segmentRegExp(p)));

  // full: every segment consumed by the pattern; prefix: the segments may be a directory on the way.
  const walk = (segments: string[], si: number, pi: number, prefix: boolean): boolean => {
    if (si === segments.length) return prefix ? true : matchers.slice(pi).every((m) => m === '**');
    if (pi === matchers.length) return false;
    const matcher = matchers[pi]!;
    if (matcher === '**') return walk(segments, si, pi + 1, prefix) || walk(segments, si + 1, pi, prefix);
    return matcher.test(segments[si]!) && walk(segments, si + 1, pi + 1, prefix);
  };
  const split = (rel: string) =>
    rel
      .replace(/\\/g, '/')
      .split('/')
      .filter((s) => s !== '');

  return {
    matches: (rel) => walk(split(rel), 0, 0, false),
    mayContainMatches: (rel) => walk(split(rel), 0, 0, true),
    depth: matchers.includes('**') ? undefined : matchers.length,
  };
}
