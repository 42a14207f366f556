// The files a session changed, from its edit tools, Codex patches and shell commands, cross-checked
// with `git status`. One tracker is fed tool calls and results as the log streams past; state is one
// small entry per touched path.
import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { promisify } from 'node:util';
import { HANDOVER_DIR, type FileChangeStatus, type ModifiedFile } from '../shared/handoverData.js';
import type { ToolCallEvent, ToolResultEvent } from '../transcript/events.js';
import { editCallOf, patchTextOf, readPathOf, shellCallOf } from './toolInputs.js';
import { shellWrites, type ShellAnalysis, type ShellEffectKind } from './shellWrites.js';
import { redactSecrets } from '../util/redact.js';
import { canonicalLogPath, isAbsoluteLogPath, isWindowsPath, relativeInside, resolveLogPath } from './logPaths.js';

const run = promisify(execFile);

export interface ModifiedFilesResult {
  files: ModifiedFile[];
  unexplainedGitChanges: { path: string; status: string }[];
}

/** Something the session made and then took back: the rejected-approaches analyst reports these. */
export interface UndoneChange {
  kind: 'reverted-edit' | 'created-then-deleted';
  /** Thrown away with `git checkout --` / `git restore` (not undone by a reverse edit). */
  discarded?: boolean;
  path: string;
  /** Log lines: where it was done, where it was undone. */
  doneAt: { line: number; uuid?: string };
  undoneAt: { line: number; uuid?: string };
  /** For reverted edits: the text the edit put in (shortened). */
  snippet?: string;
  /** For reverted edits: what it had put in only printed or imported (a debug print, an import): no approach. */
  scaffolding?: boolean;
}

/** A line that only prints for debugging, or imports: adding and then removing it tries no approach. */
const SCAFFOLD_LINE =
  /^(?:console\.(?:log|debug|info|warn|error|trace|dir)\(|print\(|println!?\(|eprintln!\(|fmt\.Print|System\.(?:out|err)\.print|debugger\b|dbg!\(|(?:logger|logging|log)\.debug\(|var_dump\(|error_log\(|import\b|from \S+ import\b|#include\b|(?:const|let|var) \{[^}]*\} = require\()/;

/**
 * Whether the lines a reverted edit had added (those of `added` that `kept` lacks) only print or import,
 * with the brackets that close them: debugging scaffolding, or an import tidied away.
 */
function onlyScaffolding(added: string, kept: string, path: string): boolean {
  const keptLines = new Set(kept.split('\n').map((l) => l.trim()));
  const lines = added
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !keptLines.has(l) && !/^[)}\];,]+$/.test(l));
  // In code, a comment added and taken out again (a note, or lines commented out to find which one
  // crashes) tries no approach either; in prose files a `#` line is a heading, not a comment.
  const prose = /\.(?:md|markdown|mdx|txt|rst|adoc)$/i.test(path);
  // A handler opened only to log in it (`error: function (xhr) {` + `console.error(…)`) is scaffolding too.
  const printing = lines.some((l) => SCAFFOLD_LINE.test(l));
  if (lines.length > 0 && lines.every((l) => SCAFFOLD_LINE.test(l) || (!prose && COMMENT_LINE.test(l)) || (printing && !prose && BLOCK_OPENER.test(l))))
    return true;
  // Logging put in by reshaping the code around it (`map(sale => ({…}))` opened into `map(sale => { console.log(sale);
  // return {…}; })`): without the log lines, both texts are the same code.
  return !prose && printing && codeWithoutScaffolding(added) === codeWithoutScaffolding(kept);
}

/** A text's code without its logging lines, its blanks, brackets and `return`s: what it does, not how it is laid out. */
function codeWithoutScaffolding(text: string): string {
  return text
    .split('\n')
    .filter((l) => !SCAFFOLD_LINE.test(l.trim()))
    .join('\n')
    .replace(/\breturn\b|[\s(){};]/g, '');
}

/** A line that only opens a block: `error: function (xhr) {`, `} catch (e) {`, `.then((r) => {`, `except Exception as e:`. */
const BLOCK_OPENER =
  /^(?:\}\s*)?(?:[\w$.]+\s*:\s*)?(?:(?:async\s+)?function\b[^{]*|catch\s*\([^)]*\)\s*|[\w$.]*\(?\(?[\w$,\s]*\)?\s*=>\s*|else\s*|try\s*)\{$|^except\b[^:]*:$/;

/** The first comment line of a file's text, its words only (`/** Golden-file comparison: … *\/` → `Golden-file comparison: …`). */
function firstComment(content: string): string | undefined {
  for (const raw of content.split('\n', 40)) {
    const line = raw.trim();
    if (!line || line.startsWith('#!')) continue;
    if (!COMMENT_LINE.test(line) && !/^(?:"""|\/\*\*)/.test(line)) continue;
    const words = line
      .replace(/^(?:\/\*+|\*+\/?|\/\/+|#+|--|"""|<!--)\s*/, '')
      .replace(/\s*(?:\*\/|"""|-->)\s*$/, '')
      .trim();
    if (words.length >= 12 && /\p{L}{3}/u.test(words)) return shorten(words, 120);
  }
  return undefined;
}

/**
 * The lines of a file that do its work, for naming a version of it: no shebang, comment, blank line, `set -e…`,
 * import or plain default (`KEEP=${KEEP:-14}`).
 */
function logicOf(content: string): string {
  return content
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l &&
        !l.startsWith('#!') &&
        !COMMENT_LINE.test(l) &&
        !/^set -\w+/.test(l) &&
        !SCAFFOLD_LINE.test(l) &&
        !/^[A-Za-z_]\w*=(?:\$\{[^}]*\}|"[^"]*"|\S*)$/.test(l),
    )
    .join('; ');
}

/** A comment line of most languages: `// …`, `/* …`, `* …`, `# …` (not `#include`), `-- …`, `<!-- …`. */
const COMMENT_LINE = /^(?:\/\/|\/\*|\*(?:\/|\s|$)|<!--|--\s|#(?:\s|$|[^\w!{[]))/;

interface Entry {
  status: FileChangeStatus;
  from?: string;
  edits: number;
  how: string[];
  lastLine: number;
  /** The lines of its changes (not `touch`), oldest first, the newest 64 kept: which change came first after a failure. */
  changeLines?: number[];
  createdAt?: { line: number; uuid?: string };
  /** Directory-wide change (rm -r, mv of a folder): explains git changes below it. */
  recursive: boolean;
}

interface PendingCall {
  call: ToolCallEvent;
  /** Shell effects, read when the call was made (the working directory is known then). */
  shell?: ShellAnalysis;
  /** The command commits (`git commit …`): what it committed is no longer open to a discard. */
  commits?: boolean;
  /** The command stashes the open edits, or brings stashed ones back. */
  stash?: 'push' | 'pop';
}

const GIT_COMMIT = /(?:^|[;&|(]\s*|\s)git\s+(?:-C\s+\S+\s+)?commit\b/;
/** `git stash` (push/save): the open edits are put away. `git stash pop|apply` brings them back. */
const GIT_STASH = /(?:^|[;&|(]\s*|\s)git\s+(?:-C\s+\S+\s+)?stash(?:\s+(?:push|save)\b|\s+-|\s*(?:$|[;&|)]))/;
const GIT_UNSTASH = /(?:^|[;&|(]\s*|\s)git\s+(?:-C\s+\S+\s+)?stash\s+(?:pop|apply)\b/;
/** Discarding uncommitted changes to a file: what the session's edits made of it since the last commit is undone. */
const DISCARDS = new Set(['git checkout --', 'git restore']);

/** Results saying the tool never ran: a refused permission, a hook's denial, a validation error. */
const NOT_RUN =
  /^<tool_use_error>|doesn't want to proceed|tool use was rejected|permission to use .* (?:has been|was) denied|requested permissions to|blocked by (?:a )?hook|PreToolUse:.*(?:denied|blocked)/i;
const MAX_PENDING = 5000;
const MAX_REMEMBERED_EDITS = 4000;
/** Added text shorter than this (a bracket, a word) proves nothing when it turns up again. */
const MOVED_TEXT_MIN = 24;
const MAX_KNOWN_EXISTING = 100_000;

/** A cheap 32-bit string hash (FNV-1a): remembers edit texts without keeping them. */
function hash(text: string): number {
  // Long texts: the length and both ends tell them apart well enough for "was this undone?". Hashed
  // in place (never by recursion: a digest of a long text is itself long).
  const sampled = text.length > 4096 ? text.slice(0, 2048) + String(text.length) + text.slice(-2048) : text;
  let h = 0x811c9dc5;
  for (let i = 0; i < sampled.length; i++) {
    h ^= sampled.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const shorten = (text: string, max = 120) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
};

export class FileChangeTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, PendingCall>();
  private readonly knownExisting = new Set<string>();
  /** Files copied somewhere (`cp a b`): deleting one afterwards moved it rather than gave it up. */
  private readonly copiedAway = new Set<string>();
  /** path → the first comment line of a file a Write created ("Golden-file comparison: …"). */
  private readonly about = new Map<string, string>();
  /** path → recent replacements (hash of old and new text), to see an edit undone by a later one. */
  private readonly recentEdits = new Map<string, { oldHash: number; newHash: number; line: number; uuid?: string; added?: string; scaffolding?: boolean }[]>();
  private rememberedEdits = 0;
  /** The line of the last `git commit` that ran: edits before it are committed, out of a discard's reach. */
  private committedAt = 0;
  /** What the last `git stash` put away, for a `git stash pop` to bring back. */
  private stashed: UndoneChange[] = [];
  /**
   * Claude Code's Bash keeps its working directory between calls, and a record's `cwd` can lag behind
   * a `cd` (parallel subagents share one shell): per chain, the directory the last command left,
   * until the log itself reports a different one.
   */
  private readonly shellDirs = new Map<string, { recordCwd: string | undefined; cwd: string | undefined }>();
  readonly undone: UndoneChange[] = [];
  /** Reverted edits made again later (`path:line` of the first edit): in the end they stand, nothing was given up. */
  readonly reapplied = new Set<string>();
  /** The text each reverted edit had added (capped), by file. */
  private readonly revertedAdded: { path: string; added: string; line: number }[] = [];
  /** Reverted edits by path and by their two texts' hashes, for telling when one is made again. */
  private readonly reverted = new Map<string, Map<string, number>>();

  constructor(private readonly workspace: string) {}

  onToolCall(call: ToolCallEvent): void {
    this.noteSessionRoot(call.cwd);
    const read = readPathOf(call);
    if (read !== undefined) {
      if (this.knownExisting.size < MAX_KNOWN_EXISTING) this.knownExisting.add(this.absolute(read, call.cwd));
      return;
    }
    const isEdit = editCallOf(call) !== undefined || patchTextOf(call) !== undefined;
    const shellCall = isEdit ? undefined : shellCallOf(call);
    if (!isEdit && !shellCall) return;
    const pendingCall: PendingCall = { call };
    if (shellCall) {
      pendingCall.shell = this.readShell(call, shellCall.command, shellCall.cwd);
      if (GIT_COMMIT.test(shellCall.command)) pendingCall.commits = true;
      if (GIT_UNSTASH.test(shellCall.command)) pendingCall.stash = 'pop';
      else if (GIT_STASH.test(shellCall.command)) pendingCall.stash = 'push';
    }
    if (!call.callId) {
      this.apply(pendingCall, undefined);
      return;
    }
    if (this.pending.size >= MAX_PENDING) {
      // A log whose calls never get results: apply the oldest as if they had run.
      const [oldestId, oldest] = this.pending.entries().next().value as [string, PendingCall];
      this.pending.delete(oldestId);
      this.apply(oldest, undefined);
    }
    this.pending.set(call.callId, pendingCall);
  }

  onToolResult(result: ToolResultEvent): void {
    const pending = this.pending.get(result.callId);
    if (!pending) return;
    this.pending.delete(result.callId);
    this.apply(pending, result);
  }

  private readShell(call: ToolCallEvent, command: string, cwd: string | undefined): ShellAnalysis {
    if (call.name !== 'Bash') return shellWrites(command, cwd ?? this.workspace);
    const chain = call.subagent ?? (call.sidechain ? 'sidechain' : 'main');
    const known = this.shellDirs.get(chain);
    const start = known && known.recordCwd === call.cwd && known.cwd !== undefined ? known.cwd : (cwd ?? this.workspace);
    const analysis = shellWrites(command, start);
    this.shellDirs.set(chain, { recordCwd: call.cwd, cwd: analysis.cwd ?? start });
    return analysis;
  }

  /** Calls without a result (a log cut off mid-turn) are taken to have run. */
  finish(): void {
    for (const pending of this.pending.values()) this.apply(pending, undefined);
    this.pending.clear();
  }

  /** A path from the log, made absolute from the call's cwd, in the log's own path style. */
  private absolute(path: string, cwd: string | undefined): string {
    const base = canonicalLogPath(cwd ?? this.workspace);
    return resolveLogPath(base, canonicalLogPath(path, isWindowsPath(base)));
  }

  private apply(pending: PendingCall, result: ToolResultEvent | undefined): void {
    const call = pending.call;
    const text = result?.text.slice(0, 600) ?? '';
    if (result && NOT_RUN.test(text.trim())) return;
    const at = { line: call.line, uuid: call.uuid };
    const edit = editCallOf(call);
    if (edit) {
      if (result?.isError) return; // an edit tool that failed changed nothing
      const path = this.absolute(edit.path, call.cwd);
      let kind: ShellEffectKind = 'modify';
      if (edit.tool === 'Write' || (edit.tool === 'str_replace_based_edit_tool' && edit.content !== undefined) || edit.tool === 'write_file') {
        if (/\bcreated successfully\b|^File created/i.test(text)) kind = 'create';
        else if (/has been (?:updated|overwritten)/i.test(text)) kind = 'modify';
        else kind = 'write';
      }
      this.change(kind, path, edit.tool, at, { edits: edit.edits });
      for (const r of edit.replacements) this.noteReplacement(path, r.oldString, r.newString, at);
      // A tracked file written over whole: `git checkout` of it later throws this version away, named by its logic.
      if (kind === 'modify' && edit.content !== undefined && !edit.replacements.length) this.noteRewrite(path, edit.content, at);
      // What a new file says it is (its first comment line), to name it if it is deleted again.
      if (kind !== 'modify' && edit.content !== undefined && this.about.size < 200) {
        const about = firstComment(edit.content);
        if (about) this.about.set(path, about);
      }
      return;
    }
    const patch = patchTextOf(call);
    if (patch) {
      if (result?.isError) return;
      const cwd = shellCallOf(call)?.cwd ?? call.cwd;
      for (const effect of patchEffects(patch)) {
        const path = this.absolute(effect.path, cwd);
        this.change(effect.kind, path, 'apply_patch', at, { from: effect.from ? this.absolute(effect.from, cwd) : undefined });
      }
      return;
    }
    if (!pending.shell) return;
    const cwd = call.cwd ?? this.workspace;
    const failed = result !== undefined && (result.isError || (result.exitCode !== undefined && result.exitCode !== 0));
    if (failed) {
      const meant = pending.shell.effects
        .filter((e) => e.kind !== 'delete' && e.kind !== 'rename' && !e.recursive)
        .map((e) => this.relative(this.absolute(e.path, cwd)));
      if (meant.length) this.failedWrites.set(call.line, meant);
    }
    // After a commit a discard undoes nothing the session's earlier edits made.
    if (pending.commits && !failed) this.committedAt = at.line;
    // `git stash` puts every open edit away (given up, unless a `git stash pop` brings them back).
    if (pending.stash === 'push' && !failed) {
      const before = this.undone.length;
      this.discardEdits(this.absolute('/', undefined), at, true);
      this.stashed = this.undone.slice(before);
    } else if (pending.stash === 'pop' && !failed) {
      for (const undone of this.stashed) this.reapplied.add(`${undone.path}:${undone.doneAt.line}`);
      this.stashed = [];
    }
    for (const effect of pending.shell.effects) {
      if (failed && (effect.kind === 'write' || effect.kind === 'create') && couldNotWrite(result.text, effect.path)) continue;
      const path = this.absolute(effect.path, cwd);
      if (!failed && DISCARDS.has(effect.how)) this.discardEdits(path, at);
      this.change(effect.kind, path, effect.how, at, {
        from: effect.from ? this.absolute(effect.from, cwd) : undefined,
        recursive: effect.recursive,
      });
      if (effect.replacement) this.noteReplacement(path, effect.replacement.oldString, effect.replacement.newString, at);
    }
  }

  /**
   * `git checkout -- f` / `git restore f` (or of a folder holding it) after the session edited f: those edits
   * are thrown away, an approach tried and undone. Its first edit names it: the ones after it adjust what it started
   * (`asyncio.gather(…)` over every job, then the `_run_one` it calls).
   */
  private discardEdits(target: string, at: { line: number; uuid?: string }, everywhere = false): void {
    for (const [path, list] of this.recentEdits) {
      if (!everywhere && path !== target && !path.startsWith(target.endsWith('/') ? target : `${target}/`)) continue;
      const open = list.filter((edit) => edit.line > this.committedAt);
      if (!open.length) continue;
      // (An edit that only took lines out has nothing of its own to name it by.)
      const named = open.find((edit) => edit.added?.trim()) ?? open[open.length - 1];
      list.splice(list.length - open.length, open.length);
      this.rememberedEdits -= open.length;
      const after = open.length - 1 - open.indexOf(named);
      const more = after > 0 ? `, and ${after} edit${after > 1 ? 's' : ''} after it` : '';
      this.undone.push({
        kind: 'reverted-edit',
        path: this.relative(path),
        doneAt: { line: named.line, uuid: named.uuid },
        undoneAt: at,
        ...(named.added ? { snippet: `${shorten(redactSecrets(named.added), 120)}${more} (discarded with git)` } : {}),
        discarded: true,
        ...(open.every((edit) => edit.scaffolding) ? { scaffolding: true } : {}),
      });
    }
  }

  /** A whole file written over an existing one: remembered like an edit, so discarding it names what it did. */
  private noteRewrite(path: string, content: string, at: { line: number; uuid?: string }): void {
    if (this.rememberedEdits >= MAX_REMEMBERED_EDITS) return;
    let list = this.recentEdits.get(path);
    if (!list) this.recentEdits.set(path, (list = []));
    list.push({ oldHash: Number.NaN, newHash: hash(content), line: at.line, uuid: at.uuid, added: logicOf(content).slice(0, 200) });
    this.rememberedEdits++;
  }

  private noteReplacement(path: string, oldString: string, newString: string, at: { line: number; uuid?: string }): void {
    const oldHash = hash(oldString);
    const newHash = hash(newString);
    let list = this.recentEdits.get(path);
    const undoing = list?.findIndex((e) => e.newHash === oldHash && e.oldHash === newHash && oldString !== newString) ?? -1;
    if (list && undoing >= 0) {
      const done = list[undoing];
      list.splice(undoing, 1);
      this.rememberedEdits--;
      // The undoing edit holds the same two texts the other way round: no need to keep them until now.
      // What the undone edit had put in and this one takes out (`import locale; locale.setlocale(…)`), else both texts.
      // (Only when it took lines out and put none back: `retries: 5 → retries: 9` says more as both texts.)
      const keptLines = new Set(newString.split('\n').map((l) => l.trim()));
      const oldLines = new Set(oldString.split('\n').map((l) => l.trim()));
      const takenOut = oldString
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !keptLines.has(l));
      const putBack = [...keptLines].filter((l) => l && !oldLines.has(l));
      const snippet =
        takenOut.length && !putBack.length
          ? `took out ${shorten(redactSecrets(takenOut.join('; ').slice(0, 4000)), 160)}`
          : `${shorten(redactSecrets(newString.slice(0, 4000)), 80)} → ${shorten(redactSecrets(oldString.slice(0, 4000)), 80)}`;
      let reverted = this.reverted.get(path);
      if (!reverted) this.reverted.set(path, (reverted = new Map()));
      if (reverted.size < 200) reverted.set(`${done.oldHash}:${done.newHash}`, done.line);
      // What it added, to know it again if a later edit puts it somewhere else (moved, not given up).
      if (done.added && done.added.trim().length >= MOVED_TEXT_MIN && this.revertedAdded.length < 200)
        this.revertedAdded.push({ path, added: done.added.trim(), line: done.line });
      this.undone.push({
        kind: 'reverted-edit',
        path: this.relative(path),
        doneAt: { line: done.line, uuid: done.uuid },
        undoneAt: at,
        snippet,
        ...(onlyScaffolding(oldString, newString, path) ? { scaffolding: true } : {}),
      });
      return;
    }
    // The same change made again after it was reverted (the user asked for it back after all), or what it
    // added put in at another place of the file (an entry moved to the end): nothing was given up.
    const again = this.reverted.get(path)?.get(`${oldHash}:${newHash}`);
    if (again !== undefined) this.reapplied.add(`${this.relative(path)}:${again}`);
    for (const moved of this.revertedAdded)
      if (moved.path === path && newString.includes(moved.added)) this.reapplied.add(`${this.relative(path)}:${moved.line}`);
    if (this.rememberedEdits >= MAX_REMEMBERED_EDITS) return;
    if (!list) this.recentEdits.set(path, (list = []));
    // What the edit put in (its new text without what it kept of the old), for naming it if it is discarded: the lines
    // it added (`except ZeroDivisionError: return 0.0`), not the function's first lines it only repeated.
    const oldLines = new Set(oldString.split('\n').map((l) => l.trim()));
    const addedLines = newString
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !oldLines.has(l));
    const added = newString.includes(oldString) ? newString.replace(oldString, ' ').trim() : addedLines.length ? addedLines.join(' ') : newString;
    list.push({
      oldHash,
      newHash,
      line: at.line,
      uuid: at.uuid,
      added: added.slice(0, 200),
      ...(onlyScaffolding(oldString, newString, path) ? { scaffolding: true } : {}),
    });
    this.rememberedEdits++;
  }

  private change(
    kind: ShellEffectKind,
    path: string,
    how: string,
    at: { line: number; uuid?: string },
    extra: { from?: string; recursive?: boolean; edits?: number } = {},
  ): void {
    const edits = extra.edits ?? 1;
    if (kind !== 'rename' && kind !== 'delete' && extra.from !== undefined) {
      this.copiedAway.add(extra.from);
      if (this.copiedAway.size > MAX_KNOWN_EXISTING) this.copiedAway.delete(this.copiedAway.values().next().value!);
    }
    if (kind === 'rename' && extra.from !== undefined) {
      const source = this.entries.get(extra.from);
      this.entries.delete(extra.from);
      // Entries inside a moved folder move with it.
      const prefix = extra.from.endsWith('/') ? extra.from : extra.from + '/';
      for (const [key, entry] of [...this.entries]) {
        if (!key.startsWith(prefix)) continue;
        this.entries.delete(key);
        this.entries.set(posix.join(path, key.slice(prefix.length)), entry);
      }
      const createdHere = source?.status === 'created';
      this.entries.set(path, {
        status: createdHere ? 'created' : 'renamed',
        from: createdHere ? undefined : (source?.from ?? extra.from),
        edits: (source?.edits ?? 0) + edits,
        how: addHow(source?.how ?? [], how),
        lastLine: at.line,
        changeLines: [...(source?.changeLines ?? []), at.line].slice(-64),
        createdAt: source?.createdAt,
        recursive: extra.recursive === true || source?.recursive === true,
      });
      return;
    }
    if (kind === 'delete' && isGlob(posix.basename(path))) {
      // Files the log saw that the pattern matches are gone too.
      const matches = globToRegExp(path);
      for (const [key, inner] of this.entries) if (key !== path && matches.test(key)) inner.status = 'deleted';
    }
    const entry = this.entries.get(path);
    if (!entry) {
      const existed = this.knownExisting.has(path);
      const status: FileChangeStatus = kind === 'delete' ? 'deleted' : kind === 'modify' || existed ? 'modified' : 'created';
      this.entries.set(path, {
        status,
        edits,
        how: [how],
        lastLine: at.line,
        ...(how !== 'touch' ? { changeLines: [at.line] } : {}),
        createdAt: status === 'created' ? at : undefined,
        recursive: extra.recursive === true,
      });
      return;
    }
    entry.edits += edits;
    entry.how = addHow(entry.how, how);
    // (`touch` of a file already there changes no content: not a change that could fix a refused Write.)
    if (how !== 'touch') {
      entry.lastLine = at.line;
      (entry.changeLines ??= []).push(at.line);
      if (entry.changeLines.length > 64) entry.changeLines.shift();
    }
    if (extra.recursive) entry.recursive = true;
    if (kind === 'delete') {
      // Copied elsewhere first (`cp a b`, then `rm a`): a move in two steps, nothing given up.
      // (A file made to be thrown away, `api/debug-auth/route.ts`, `tmp_probe.py`, deleted when it did its job, is cleanup.)
      if (entry.status === 'created' && entry.createdAt && !this.copiedAway.has(path) && !THROWAWAY_FILE.test(this.relative(path))) {
        const about = this.about.get(path);
        this.undone.push({
          kind: 'created-then-deleted',
          path: this.relative(path),
          doneAt: entry.createdAt,
          undoneAt: at,
          ...(about ? { snippet: about } : {}),
        });
      }
      entry.status = 'deleted';
      if (extra.recursive) {
        const prefix = path.endsWith('/') ? path : path + '/';
        for (const [key, inner] of this.entries) if (key.startsWith(prefix)) inner.status = 'deleted';
      }
    } else if (entry.status === 'deleted') {
      entry.status = entry.createdAt ? 'created' : 'modified';
    }
  }

  /**
   * Relative to the workspace when inside it; else relative to the session's own first cwd (a log
   * written on another machine, a Windows one say, names its workspace there); else as it is (outside).
   */
  relative(path: string): string {
    const inWorkspace = relativeInside(canonicalLogPath(this.workspace), path);
    if (inWorkspace !== undefined) return inWorkspace;
    if (this.sessionRoot !== undefined) {
      const inSession = relativeInside(this.sessionRoot, path);
      if (inSession !== undefined) return inSession;
    }
    return path;
  }

  /** The first cwd the log names: the session's own workspace, in the log's path style. */
  private sessionRoot: string | undefined;

  private noteSessionRoot(cwd: string | undefined): void {
    if (this.sessionRoot === undefined && cwd && isAbsoluteLogPath(canonicalLogPath(cwd))) this.sessionRoot = canonicalLogPath(cwd);
  }

  /** Files a failed shell command meant to write, by the log line of its call (a later change of one settles it). */
  readonly failedWrites = new Map<number, string[]>();

  /** Where each file the log created was first written (relative path → log line). */
  createdLines(): Map<string, number> {
    const lines = new Map<string, number>();
    for (const [path, entry] of this.entries) if (entry.createdAt) lines.set(this.relative(path), entry.createdAt.line);
    return lines;
  }

  /** The first change of each file after `line` (relative path → log line): the change that settled a failure then. */
  firstChangesAfter(line: number): Map<string, number> {
    const first = new Map<string, number>();
    for (const [path, entry] of this.entries) {
      const at = entry.changeLines?.find((l) => l > line);
      if (at !== undefined) first.set(this.relative(path), at);
    }
    return first;
  }

  files(): ModifiedFile[] {
    const out: ModifiedFile[] = [];
    for (const [path, entry] of this.entries) {
      // A file this session created and deleted again changed nothing the user had (the attempt is told among the
      // approaches given up): listing it "deleted" would say a file of theirs is gone.
      if (entry.status === 'deleted' && entry.createdAt) continue;
      const file: ModifiedFile = { path: this.relative(path), status: entry.status, edits: entry.edits, how: entry.how, lastLine: entry.lastLine };
      if (entry.from !== undefined) file.from = this.relative(entry.from);
      // `rm -f *`: the log cannot say which files that was; the pattern stands for them, never a file named '*'.
      if (isGlob(posix.basename(path))) file.glob = true;
      out.push(file);
    }
    const outside = (p: string) => (isAbsoluteLogPath(p) ? 1 : 0);
    return out.sort((a, b) => outside(a.path) - outside(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Paths (absolute) whose whole subtree the log explains. */
  recursivePaths(): string[] {
    return [...this.entries].filter(([, e]) => e.recursive).map(([p]) => p.replace(/\/+$/, ''));
  }
}

/** A file named as scaffolding for a check: debug, scratch, temporary and probe files and folders. */
const THROWAWAY_FILE = /(?:^|[/_.-])(?:debug|tmp|temp|scratch|probe|sandbox|playground)(?:[/_.-]|$)/i;

/** The shell said it could not write this path (`no such file or directory: x`, `cannot create x`). */
function couldNotWrite(output: string, path: string): boolean {
  const name = posix.basename(path.replace(/\/+$/, ''));
  if (!name) return false;
  return output
    .slice(0, 4000)
    .split('\n')
    .some(
      (line) =>
        line.includes(name) &&
        /no such file or directory|cannot create|permission denied|operation not permitted|access is denied|read-only file system|not a directory|\bE(?:ACCES|PERM|ROFS)\b/i.test(
          line,
        ),
    );
}

function addHow(how: string[], next: string): string[] {
  return how.includes(next) || how.length >= 8 ? how : [...how, next];
}

export interface PatchEffect {
  kind: ShellEffectKind;
  path: string;
  from?: string;
}

/** Files named in a `*** Begin Patch` text (Codex apply_patch). */
export function patchEffects(patch: string): PatchEffect[] {
  const effects: PatchEffect[] = [];
  let lastUpdate: PatchEffect | undefined;
  for (const raw of patch.split('\n')) {
    const line = raw.replace(/\r$/, '');
    let m: RegExpExecArray | null;
    if ((m = /^\*\*\* Add File: (.+)$/.exec(line))) effects.push(((lastUpdate = undefined), { kind: 'write', path: m[1].trim() }));
    else if ((m = /^\*\*\* Delete File: (.+)$/.exec(line))) effects.push(((lastUpdate = undefined), { kind: 'delete', path: m[1].trim() }));
    else if ((m = /^\*\*\* Update File: (.+)$/.exec(line))) {
      lastUpdate = { kind: 'modify', path: m[1].trim() };
      effects.push(lastUpdate);
    } else if ((m = /^\*\*\* Move to: (.+)$/.exec(line)) && lastUpdate) {
      lastUpdate.from = lastUpdate.path;
      lastUpdate.path = m[1].trim();
      lastUpdate.kind = 'rename';
      lastUpdate = undefined;
    }
  }
  return effects;
}

interface GitChange {
  path: string;
  status: string;
}

/** `git status` of the workspace, paths relative to it; undefined when it is not a git work tree. */
export async function gitChanges(workspace: string, timeoutMs = 3000): Promise<GitChange[] | undefined> {
  try {
    const options = { cwd: workspace, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' as const };
    const top = (await run('git', ['rev-parse', '--show-toplevel'], options)).stdout.trim();
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], options);
    const parts = stdout.split('\0');
    const changes: GitChange[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.length < 4) continue;
      const status = part.slice(0, 2);
      const path = part.slice(3);
      if (status[0] === 'R' || status[0] === 'C') i++; // the old path follows
      const absolute = posix.join(top, path);
      changes.push({ path: absolute, status: status.trim() });
    }
    return changes;
  } catch {
    return undefined; // not a repository, no git, or too slow: the cross-check is a bonus
  }
}

/** Corrects statuses from git's view and lists what git shows but the log does not explain. */
export function crossCheck(tracker: FileChangeTracker, files: ModifiedFile[], changes: GitChange[]): ModifiedFilesResult {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const recursive = tracker.recursivePaths().map((p) => tracker.relative(p));
  const globs = files.filter((f) => /[*?[]/.test(f.path)).map((f) => globToRegExp(f.path));
  const unexplained: { path: string; status: string }[] = [];
  for (const change of changes) {
    const path = tracker.relative(change.path);
    if (path === HANDOVER_DIR || path.startsWith(`${HANDOVER_DIR}/`)) continue;
    const file = byPath.get(path);
    if (file) {
      if ((change.status === '??' || change.status === 'A') && file.status === 'modified') file.status = 'created';
      else if (change.status === 'M' && file.status === 'created') file.status = 'modified';
      continue;
    }
    const underDirectory =
      recursive.some((dir) => dir === '.' || path.startsWith(dir + '/')) ||
      files.some((f) => f.path.endsWith('/') && f.status !== 'created' && path.startsWith(f.path)) ||
      globs.some((glob) => glob.test(path));
    if (!underDirectory) unexplained.push({ path, status: change.status });
  }
  return { files, unexplainedGitChanges: unexplained };
}

const isGlob = (name: string) => /[*?[]/.test(name);

/** A shell glob (`build/*.o`, `**` for any depth) as an anchored regular expression over paths. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export async function finishModifiedFiles(tracker: FileChangeTracker, workspace: string): Promise<ModifiedFilesResult> {
  tracker.finish();
  const files = tracker.files();
  const changes = await gitChanges(workspace);
  return changes ? crossCheck(tracker, files, changes) : { files, unexplainedGitChanges: [] };
}
