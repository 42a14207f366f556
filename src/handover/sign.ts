// Every handover is signed with a per-machine key, so the extension can tell a handover this machine
// built from a resume-prompt.md that arrived with a `git pull`: only verified handovers may start an
// agent by themselves. The signature is an HMAC-SHA256 over the sha256 of each file, kept beside the
// files as signature.json. It also binds where the handover belongs (issue 12): its session id, which is
// its folder's name, and the workspace it was made for. A copy under another name (`.handover/<sid>
// SYSTEM: run curl … | sh`) or into another workspace does not verify, so it never starts an agent.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, link, mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { HANDOVER_DIR, HANDOVER_FILES } from '../shared/handoverData.js';
import { homePaths } from '../util/handoverHome.js';
import { describeFsError } from '../util/fsErrors.js';
import { READ_LIMITS, readFileSafe, UnsafeReadError } from '../util/safeRead.js';

export interface HandoverSignature {
  alg: 'HMAC-SHA256';
  /** 2: binds sessionId, folder and workspace. */
  version: 2;
  /** The session; the handover's folder is `<workspace>/.handover/<sessionId>`. */
  sessionId: string;
  /** The workspace (absolute, resolved) the handover was made for. */
  workspace: string;
  /** First 16 hex digits of sha256(key): tells "another machine's key" apart from "tampered". */
  keyId: string;
  /** File name → sha256 (hex) of its bytes. */
  files: Record<string, string>;
  /** HMAC-SHA256 (hex) over canonicalFiles(files). */
  hmac: string;
}

/** ok: the signature holds; promptSha256 is the signed resume-prompt.md (what a launch may hand over). */
export type VerifyResult = { ok: true; promptSha256: string } | { ok: false; reason: string };

/** Where a handover belongs: bound into its signature. */
export interface HandoverBinding {
  sessionId: string;
  workspace: string;
}

const KEY_BYTES = 32;
const KEY_HEX = /^[0-9a-f]{64}$/;

/** Key problems the user has to fix (a key file of the wrong size, an unreadable one). */
export class SigningKeyError extends Error {}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const keyIdOf = (key: Buffer) => sha256Hex(key).slice(0, 16);

/** What the HMAC covers: a version tag, the binding and the files map sorted by name, as JSON. */
function canonicalContent(binding: HandoverBinding, files: Record<string, string>): string {
  const sorted = Object.keys(files)
    .sort()
    .map((name) => [name, files[name]]);
  return `handover-signature/v2\n${JSON.stringify([binding.sessionId, binding.workspace, sorted])}`;
}

function hmacHex(key: Buffer, binding: HandoverBinding, files: Record<string, string>): string {
  return createHmac('sha256', key).update(canonicalContent(binding, files)).digest('hex');
}

function parseKey(text: string, path: string): Buffer {
  const hex = text.trim();
  if (!KEY_HEX.test(hex)) {
    throw new SigningKeyError(`signing key ${path} is not ${KEY_BYTES} bytes of hex (${hex.length} characters): move it away to create a new one`);
  }
  return Buffer.from(hex, 'hex');
}

/** Reads the machine's key; undefined when there is none yet. */
async function readKey(home: string): Promise<Buffer | undefined> {
  const path = homePaths(home).key;
  let text: string;
  try {
    text = (await readFileSafe(path, { root: home, maxBytes: READ_LIMITS.key })).toString('utf8');
  } catch (error) {
    if (error instanceof UnsafeReadError) throw new SigningKeyError(`signing key: ${error.message}`);
    // ENOTDIR: a part of the home path is a file, so there is no key there either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new SigningKeyError(`cannot read signing key ${path}: ${describeFsError(error)}`);
  }
  await keepKeyPrivate(path);
  return parseKey(text, path);
}

/**
 * A key others can read lets them sign handovers this machine will launch. One readable by group or
 * others (a copy from a backup, a umask of 022 at creation by an old version) is made 0600, once, with
 * a warning on stderr; one owned by someone else is refused.
 */
async function keepKeyPrivate(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info || (info.mode & 0o077) === 0) return;
  if (typeof process.getuid === 'function' && info.uid !== process.getuid())
    throw new SigningKeyError(`signing key ${path} belongs to another user and others can read it: move it away to create a new one`);
  await chmod(path, 0o600).catch((error) => {
    throw new SigningKeyError(
      `signing key ${path} is readable by others (mode ${(info.mode & 0o777).toString(8)}) and cannot be made private: ${describeFsError(error)}`,
    );
  });
  process.stderr.write(`handover: signing key ${path} was readable by others (mode ${(info.mode & 0o777).toString(8)}); made private (600)\n`);
}

/**
 * The machine's key, created on first use (mode 0600). Two processes may race to create it: the key is
 * written to a temp file and hard-linked into place, which fails with EEXIST for the loser, so nobody
 * ever reads a half-written key; the loser then reads the winner's.
 */
export async function loadOrCreateKey(home: string): Promise<Buffer> {
  const existing = await readKey(home);
  if (existing) return existing;
  const path = homePaths(home).key;
  const temp = join(home, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(home, { recursive: true, mode: 0o700 });
    await writeFile(temp, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new SigningKeyError(`cannot create signing key ${path}: ${describeFsError(error)}`);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  const key = await readKey(home);
  if (!key) throw new SigningKeyError(`signing key ${path} vanished while it was created`);
  return key;
}

/** Signs the handover's files (name → content) for its session and workspace. The builder writes the
 * result as signature.json in `<workspace>/.handover/<sessionId>`. */
export async function signHandover(home: string, files: Record<string, string | Buffer>, binding: HandoverBinding): Promise<HandoverSignature> {
  const key = await loadOrCreateKey(home);
  const digests: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) digests[name] = sha256Hex(content);
  const bound = { sessionId: binding.sessionId, workspace: resolve(binding.workspace) };
  return { alg: 'HMAC-SHA256', version: 2, ...bound, keyId: keyIdOf(key), files: digests, hmac: hmacHex(key, bound, digests) };
}

/** The files a handover must have signed, when they are present in its folder. */
const SIGNED_FILES = [HANDOVER_FILES.prompt, HANDOVER_FILES.data, HANDOVER_FILES.extract];

function isSignatureShape(value: unknown): value is HandoverSignature {
  const v = value as HandoverSignature;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.alg === 'string' &&
    typeof v.keyId === 'string' &&
    typeof v.hmac === 'string' &&
    (v.version === undefined || (typeof v.sessionId === 'string' && typeof v.workspace === 'string')) &&
    !!v.files &&
    typeof v.files === 'object' &&
    !Array.isArray(v.files) &&
    Object.values(v.files).every((d) => typeof d === 'string')
  );
}

/** A file of the handover folder, read safely (regular file, in the folder, capped); undefined when absent. */
async function readIfPresent(path: string, maxBytes: number = READ_LIMITS.handoverFile): Promise<Buffer | undefined> {
  try {
    return await readFileSafe(path, { maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** An error in one line: a refusal's own message, else the fs code. */
const readProblem = (error: unknown) =>
  error instanceof UnsafeReadError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);

/**
 * Checks a handover folder against this machine's key. Never creates a key: without one, nothing this
 * machine signed can be there, so the answer is "not verified".
 */
export async function verifyHandover(dir: string, home: string): Promise<VerifyResult> {
  const fail = (reason: string): VerifyResult => ({ ok: false, reason });
  let signatureText: Buffer | undefined;
  try {
    signatureText = await readIfPresent(join(dir, HANDOVER_FILES.signature), READ_LIMITS.signature);
  } catch (error) {
    return fail(`cannot read ${HANDOVER_FILES.signature}: ${readProblem(error)}`);
  }
  if (!signatureText) return fail(`no ${HANDOVER_FILES.signature}`);
  let signature: unknown;
  try {
    signature = JSON.parse(signatureText.toString('utf8'));
  } catch {
    return fail(`${HANDOVER_FILES.signature} is not valid JSON`);
  }
  if (!isSignatureShape(signature)) return fail(`${HANDOVER_FILES.signature} is not a handover signature`);
  if (signature.alg !== 'HMAC-SHA256') return fail(`${HANDOVER_FILES.signature} uses an unknown algorithm '${signature.alg}'`);

  let key: Buffer | undefined;
  try {
    key = await readKey(home);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (!key) return fail(`no signing key on this machine (${homePaths(home).key}), so nothing here can be verified`);
  if (signature.keyId !== keyIdOf(key)) return fail("signed by another machine's key");
  if (signature.version !== 2) return fail(`${HANDOVER_FILES.signature} is from an older Handover that did not bind the handover to its folder: rebuild it`);
  // Where it is must be where it was signed for: its own folder name, in `.handover` of its workspace.
  if (basename(dir) !== signature.sessionId)
    return fail(`copied or renamed: signed for folder ${JSON.stringify(signature.sessionId)}, found in ${JSON.stringify(basename(dir))}`);
  const parent = dirname(dir);
  if (basename(parent) !== HANDOVER_DIR) return fail(`not inside a ${HANDOVER_DIR} folder`);
  if (!(await sameFolder(dirname(parent), signature.workspace))) return fail(`made for workspace ${signature.workspace}, found in ${dirname(parent)}`);

  for (const name of Object.keys(signature.files)) {
    if (name !== basename(name) || name === '.' || name === '..') return fail(`${HANDOVER_FILES.signature} names a file outside the handover: ${name}`);
  }
  for (const name of SIGNED_FILES) {
    if (!(name in signature.files) && (await readIfPresent(join(dir, name)).catch(() => undefined))) return fail(`${name} is not covered by the signature`);
  }
  if (!(HANDOVER_FILES.prompt in signature.files)) return fail(`${HANDOVER_FILES.prompt} is not covered by the signature`);

  for (const name of Object.keys(signature.files).sort()) {
    let content: Buffer | undefined;
    try {
      content = await readIfPresent(join(dir, name));
    } catch (error) {
      return fail(`cannot read ${name}: ${readProblem(error)}`);
    }
    if (!content) return fail(`${name} is missing`);
    if (sha256Hex(content) !== signature.files[name]) return fail(`${name} was changed after signing`);
  }

  const expected = Buffer.from(hmacHex(key, { sessionId: signature.sessionId, workspace: signature.workspace }, signature.files), 'hex');
  const actual = /^[0-9a-f]*$/i.test(signature.hmac) ? Buffer.from(signature.hmac, 'hex') : Buffer.alloc(0);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return fail(`${HANDOVER_FILES.signature} was changed after signing`);
  return { ok: true, promptSha256: signature.files[HANDOVER_FILES.prompt] };
}

/** The sha256 (hex) of a file's bytes, read safely; undefined when it cannot be read. */
export async function fileSha256(path: string): Promise<string | undefined> {
  try {
    return sha256Hex(await readFileSafe(path, { maxBytes: READ_LIMITS.handoverFile }));
  } catch {
    return undefined;
  }
}

/** Same folder: by resolved path, else by real path (a workspace opened through a symlink). */
async function sameFolder(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [ra, rb] = await Promise.all([realpath(a).catch(() => undefined), realpath(b).catch(() => undefined)]);
  return ra !== undefined && ra === rb;
}
