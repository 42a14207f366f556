// Archive first: Claude Code deletes old logs after 30 days, so before anything else the raw log (and
// its subagents/ and tool-results/ folders) is copied into `$HANDOVER_HOME/archive/<session-id>/`.
// What is in the archive is never modified or overwritten: the same content again is reused, a log that
// has grown or changed becomes a new version file beside the old ones (`<name>.v2.jsonl`). Every copy
// goes to a hidden temp file, is read back and compared with the log and only then linked into place, so
// no half or damaged file is ever visible under an archive name.
import { isSafeSessionId } from '../util/sessionId.js';
import { createHash, randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { homePaths, makePrivate } from '../util/handoverHome.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { describeFsError } from '../util/fsErrors.js';
import { READ_LIMITS, readFileSafe } from '../util/safeRead.js';
import { isZstdPath } from '../transcript/zstd.js';

export { describeFsError };

export interface ArchivedFile {
  /** Path relative to the session's archive folder (`<sid>.jsonl`, `subagents/agent-1.v2.jsonl`). */
  file: string;
  sha256: string;
  bytes: number;
  /** 1 for the first copy, then 2, 3, … each time the content differs from every stored version. */
  version: number;
  /** True when this exact content was already archived (nothing was written). */
  reused: boolean;
}

export interface ArchiveResult {
  /** `<home>/archive/<session-id>` */
  dir: string;
  /** Absolute path of the archived copy of the main log (the version that matches it now). */
  archivedLog: string;
  sha256: string;
  bytes: number;
  version: number;
  reused: boolean;
  /** The session's subagent logs and tool results, archived the same way. */
  companions: ArchivedFile[];
  /** True when options.readAlong saw the whole main log while it was copied. */
  readAlong: boolean;
}

/** The file operations the archive writes with; tests swap `write` to simulate a full disk. */
export interface ArchiveFs {
  write(handle: FileHandle, data: Uint8Array): Promise<void>;
}

export interface ArchiveOptions {
  fs?: Partial<ArchiveFs>;
  now?: () => Date;
  /**
   * Reads the main log along with the copy, so the caller need not read the archived copy again: called
   * with the archive folder when the copy starts, it returns what sees every copied chunk once, in order:
   * exactly the bytes of the archived file. Not called when this content was archived before
   * (`readAlong` false in the result): the caller then reads the archived copy itself.
   */
  readAlong?: (archiveDir: string) => (chunk: Buffer) => void;
}

/** The read-along consumer failed (not the archive): its own error, passed through as `cause`. */
export class ReadAlongError extends Error {
  constructor(readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A failure to archive: one line that says what and why (the builder turns it into a CLI error). */
export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const MANIFEST = 'manifest.json';
const COMPANION_FOLDERS = ['subagents', 'tool-results'];
const CHUNK = 1 << 20;

const defaultFs: ArchiveFs = {
  async write(handle, data) {
    let offset = 0;
    while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
  },
};

/** One readable line for a file-system error code (ENOSPC → "no space left on device (ENOSPC)"). */

interface ManifestEntry {
  file: string;
  version: number;
  sha256: string;
  bytes: number;
  archivedAt: string;
  source: string;
}

interface Manifest {
  sessionId: string;
  /** Every archived file version, by the name it was archived under (relative, `/`-separated). */
  files: Record<string, ManifestEntry[]>;
}

/**
 * Archives a session log. `sessionId` names the archive folder; the log keeps its own file name in it.
 * Only the bytes present when the copy starts are archived (the agent may still be appending).
 */
export async function archiveLog(logPath: string, home: string, sessionId: string, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (!isSafeSessionId(sessionId)) throw new ArchiveError(`cannot archive ${logPath}: session id '${sessionId}' is not a safe folder name`);
  const fs: ArchiveFs = { ...defaultFs, ...options.fs };
  const now = options.now ?? (() => new Date());
  const dir = join(homePaths(home).archive, sessionId);

  const source = await stat(logPath).catch((error) => {
    throw new ArchiveError(`cannot archive ${logPath}: ${describeFsError(error)}`, (error as NodeJS.ErrnoException).code);
  });
  if (!source.isFile()) throw new ArchiveError(`cannot archive ${logPath}: not a regular file`);

  let createdDir: boolean;
  try {
    // archive/<sid> as a symlink would put the copy (and our writes) wherever it points: the link goes.
    if ((await lstat(dir).catch(() => undefined))?.isSymbolicLink()) await rm(dir);
    createdDir = !(await stat(dir)
      .then((s) => s.isDirectory())
      .catch(() => false));
    // The archive holds whole logs, secrets and all: private to the user (issue 12).
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await makePrivate(home);
    await makePrivate(homePaths(home).archive);
    await removeStaleTemps(dir, Date.now());
  } catch (error) {
    throw new ArchiveError(`cannot archive into ${dir}: ${describeFsError(error)}`, (error as NodeJS.ErrnoException).code);
  }

  const manifest = await readManifest(dir, sessionId);
  const written: string[] = [];
  try {
    // Companions first: a reader along with the main log's copy finds the tool results it points at
    // (`tool-results/…`) already in the archive.
    const companions: ArchivedFile[] = [];
    const sessionFolder = join(dirname(logPath), sessionId);
    // The session's own folder too: a symlinked one is not the agent's.
    const sessionFolderIsReal = (await lstat(sessionFolder).catch(() => undefined))?.isDirectory() ?? false;
    for (const folder of sessionFolderIsReal ? COMPANION_FOLDERS : []) {
      for (const path of await listFiles(join(sessionFolder, folder))) {
        const name = relative(sessionFolder, path).split(sep).join('/');
        companions.push(await archiveFile(path, dir, name, manifest, fs, now, written));
      }
    }
    const readAlong = options.readAlong && !isZstdPath(logPath) ? () => options.readAlong!(dir) : undefined;
    const main = await archiveFile(logPath, dir, basename(logPath), manifest, fs, now, written, readAlong);
    if (!main.reused || companions.some((c) => !c.reused)) await writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 0o600);
    return {
      dir,
      archivedLog: join(dir, main.file),
      sha256: main.sha256,
      bytes: main.bytes,
      version: main.version,
      reused: main.reused,
      companions,
      readAlong: main.readAlong === true,
    };
  } catch (error) {
    // Nothing half-written: this call's new version files go, and so does a session folder it created.
    for (const file of written) await rm(file, { force: true }).catch(() => undefined);
    if (createdDir) await removeEmptyTree(dir);
    if (error instanceof ArchiveError || error instanceof ReadAlongError) throw error;
    throw new ArchiveError(`cannot archive ${logPath} into ${dir}: ${describeFsError(error)}`, (error as NodeJS.ErrnoException).code);
  }
}

async function readManifest(dir: string, sessionId: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse((await readFileSafe(join(dir, MANIFEST), { maxBytes: READ_LIMITS.manifest })).toString('utf8')) as Manifest;
    if (parsed && typeof parsed.files === 'object' && parsed.files) return { sessionId, files: parsed.files };
  } catch {
    // Missing or damaged: the version files themselves are the truth, the manifest is rebuilt from them.
  }
  return { sessionId, files: {} };
}

// A temp copy older than this was left by a killed archive run (a copy takes seconds per 100 MB).
const STALE_TEMP_MS = 60 * 60_000;

/** Removes temp copies killed runs left in the archive folder (`.<name>.<pid>.<hex>.tmp`, old ones only). */
async function removeStaleTemps(folder: string, nowMs: number): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await removeStaleTemps(path, nowMs);
    else if (entry.isFile() && /^\..+\.\d+\.[0-9a-f]+\.tmp$/.test(entry.name)) {
      const info = await lstat(path).catch(() => undefined);
      if (info && nowMs - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => undefined);
    }
  }
}

/**
 * Regular files under a folder, recursively, sorted; none when it does not exist. Symlinks are never
 * followed, the folder's own included: a `tool-results` linked to `/` would copy the disk.
 */
async function listFiles(folder: string): Promise<string[]> {
  const own = await lstat(folder).catch(() => undefined);
  if (!own?.isDirectory()) return [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** `<stem>.v<N><ext>` for version N ≥ 2; version 1 keeps the source's own name. */
function versionName(name: string, version: number): string {
  if (version === 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}.v${version}${ext}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Versions of `name` already in the archive, from the folder itself (the manifest only caches digests). */
async function storedVersions(dir: string, name: string, manifest: Manifest, source: string, now: () => Date): Promise<ManifestEntry[]> {
  const folder = dirname(join(dir, name));
  const ext = extname(name);
  const stem = basename(name).slice(0, basename(name).length - ext.length);
  const pattern = new RegExp(`^${escapeRegex(stem)}(?:\\.v([0-9]+))?${escapeRegex(ext)}$`);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const known = manifest.files[name] ?? [];
  const versions: ManifestEntry[] = [];
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const version = match[1] ? Number(match[1]) : 1;
    if (version < 1 || versionName(name, version) !== relative(dir, join(folder, entry)).split(sep).join('/')) continue;
    const path = join(folder, entry);
    const size = (await stat(path)).size;
    const cached = known.find((k) => k.version === version && k.bytes === size);
    versions.push(
      cached ?? {
        file: versionName(name, version),
        version,
        sha256: (await hashFile(path, size)).sha256,
        bytes: size,
        archivedAt: now().toISOString(),
        source,
      },
    );
  }
  versions.sort((a, b) => a.version - b.version);
  manifest.files[name] = versions;
  return versions;
}

/**
 * Reads the first `limit` bytes of an open file chunk by chunk, hashing them; `onChunk` sees each chunk.
 * The next chunk is read (into the other of two buffers) while `onChunk` works on this one: the build
 * analyses each chunk as it is copied, and would otherwise sit idle for every read in between.
 */
async function hashChunks(input: FileHandle, limit: number, onChunk?: (chunk: Buffer) => Promise<void>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  const readAt = (position: number, buffer: Buffer) => {
    const reading = position < limit ? input.read(buffer, 0, Math.min(CHUNK, limit - position), position) : Promise.resolve({ bytesRead: 0 });
    reading.catch(() => undefined); // awaited below; this only keeps a failure while onChunk runs from being unhandled
    return reading;
  };
  let bytes = 0;
  let next = readAt(0, buffers[0]);
  for (let turn = 0; ; turn++) {
    const { bytesRead } = await next;
    if (bytesRead === 0) break;
    const chunk = buffers[turn % 2].subarray(0, bytesRead);
    next = readAt(bytes + bytesRead, buffers[(turn + 1) % 2]);
    hash.update(chunk);
    if (onChunk) await onChunk(chunk);
    bytes += bytesRead;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function hashFile(path: string, limit: number): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(path, 'r');
  try {
    return await hashChunks(handle, limit);
  } finally {
    await handle.close();
  }
}

/** The copy read back is not what was written: a failing disk or file system. */
class CopyMismatch extends Error {}

/**
 * Copies the first `limit` bytes of `source` to `target` (a new file), hashing as it goes; `readAlong`
 * sees each chunk while it is being written. Each written chunk is read back and compared byte for byte
 * with what was read from the source (a stronger check than hashing the copy again, and a memcmp where
 * a second sha256 pass would cost as much as the first): a copy that differs throws CopyMismatch.
 */
async function copyHashing(
  source: string,
  target: string,
  limit: number,
  fs: ArchiveFs,
  readAlong?: (chunk: Buffer) => void,
): Promise<{ sha256: string; bytes: number }> {
  const input = await open(source, 'r');
  try {
    const output = await open(target, 'wx+', 0o600);
    try {
      const readBack = Buffer.allocUnsafe(CHUNK);
      let position = 0;
      const copied = await hashChunks(input, limit, async (chunk) => {
        const writing = fs.write(output, chunk);
        if (readAlong) {
          try {
            readAlong(chunk);
          } catch (error) {
            await writing.catch(() => undefined);
            throw new ReadAlongError(error);
          }
        }
        await writing;
        const { bytesRead } = await output.read(readBack, 0, chunk.length, position);
        if (bytesRead !== chunk.length || !readBack.subarray(0, bytesRead).equals(chunk)) throw new CopyMismatch();
        position += chunk.length;
      });
      await output.sync();
      if ((await output.stat()).size !== copied.bytes) throw new CopyMismatch();
      return copied;
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

async function archiveFile(
  source: string,
  dir: string,
  name: string,
  manifest: Manifest,
  fs: ArchiveFs,
  now: () => Date,
  written: string[],
  readAlong?: () => (chunk: Buffer) => void,
): Promise<ArchivedFile & { readAlong?: boolean }> {
  const size = (await stat(source)).size;
  const versions = await storedVersions(dir, name, manifest, source, now);

  // Same size as a stored version: hash first, and when it matches there is nothing to write.
  if (versions.some((v) => v.bytes === size)) {
    const { sha256, bytes } = await hashFile(source, size);
    const same = versions.find((v) => v.sha256 === sha256 && v.bytes === bytes);
    if (same) return { file: same.file, sha256, bytes, version: same.version, reused: true };
  }

  const target = join(dir, name);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const temp = join(dirname(target), `.${basename(name)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const copied = await copyHashing(source, temp, size, fs, readAlong?.()).catch((error) => {
      if (error instanceof CopyMismatch) throw new ArchiveError(`cannot archive ${source}: the copy does not match the log (its bytes differ after writing)`);
      throw error;
    });
    const existing = versions.find((v) => v.sha256 === copied.sha256 && v.bytes === copied.bytes);
    const along = readAlong !== undefined;
    if (existing) return { file: existing.file, sha256: copied.sha256, bytes: copied.bytes, version: existing.version, reused: true, readAlong: along };

    // link() never replaces an existing file: when another archiver took this version number first,
    // take the next one.
    let version = (versions.at(-1)?.version ?? 0) + 1;
    for (;;) {
      const file = versionName(name, version);
      try {
        await link(temp, join(dir, file));
        written.push(join(dir, file));
        const entry: ManifestEntry = { file, version, sha256: copied.sha256, bytes: copied.bytes, archivedAt: now().toISOString(), source };
        manifest.files[name] = [...(manifest.files[name] ?? []), entry];
        return { file, sha256: copied.sha256, bytes: copied.bytes, version, reused: false, readAlong: along };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const raced = await hashFile(join(dir, file), Number.MAX_SAFE_INTEGER);
        if (raced.sha256 === copied.sha256) return { file, sha256: raced.sha256, bytes: raced.bytes, version, reused: true, readAlong: along };
        version += 1;
      }
    }
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Removes a folder tree that holds no files (what a failed first archive of a session leaves). */
async function removeEmptyTree(dir: string): Promise<void> {
  try {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await removeEmptyTree(join(dir, entry.name));
    }
    await rmdir(dir);
  } catch {
    // Not empty or already gone: leave it.
  }
}
