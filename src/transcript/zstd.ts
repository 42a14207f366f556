// Codex (0.137+) stores rollouts idle for 7 days as `.jsonl.zst`. node:zlib decompresses zstd since
// Node 22.15 / 23.8 (VS Code's runtime included once it is that new); on an older runtime reading one
// fails with one line saying so, never a crash, and every other log is read as before.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import type { Readable } from 'node:stream';

/** Is this a zstd-compressed log (by its name, as Codex names them)? */
export const isZstdPath = (path: string): boolean => /\.zst$/i.test(path);

/** A log file name without `.jsonl` / `.jsonl.zst`: what names a session. */
export const logStem = (name: string): string => name.replace(/\.jsonl(?:\.zst)?$/i, '');

/** Is this file name a session log Handover reads (`.jsonl`, or Codex's compressed `.jsonl.zst`)? */
export const isLogFileName = (name: string): boolean => /\.jsonl(?:\.zst)?$/i.test(name);

type ZstdZlib = { createZstdDecompress?: (options?: { chunkSize?: number }) => NodeJS.ReadWriteStream & Readable };

export function zstdSupported(): boolean {
  return typeof (zlib as unknown as ZstdZlib).createZstdDecompress === 'function';
}

/** This runtime cannot read a `.jsonl.zst` log. */
export class ZstdUnavailableError extends Error {
  constructor(path: string) {
    super(
      `${path} is zstd-compressed and this runtime (Node ${process.versions.node}) has no zstd in node:zlib (needs Node ≥ 22.15); decompress it with 'zstd -d' and use the .jsonl`,
    );
  }
}

/** A `.zst` log whose bytes are not a (complete) zstd stream. */
export class ZstdDataError extends Error {}

/** The decompressed bytes of a `.zst` file as a stream. */
export function openZstdStream(path: string, chunkBytes = 1024 * 1024): Readable {
  const create = (zlib as unknown as ZstdZlib).createZstdDecompress;
  if (!create) throw new ZstdUnavailableError(path);
  const source = createReadStream(path, { highWaterMark: chunkBytes });
  const decompress = create({ chunkSize: Math.min(chunkBytes, 256 * 1024) });
  // Errors of the file (ENOENT, EACCES) surface on the stream the caller iterates.
  source.on('error', (error) => decompress.destroy(error));
  return source.pipe(decompress) as unknown as Readable;
}

/** The first `maxBytes` of a log's text (decompressed for a `.zst`), for peeking at its first records. */
export async function readLogHead(path: string, maxBytes: number): Promise<Buffer> {
  if (!isZstdPath(path)) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const stream = openZstdStream(path, 64 * 1024);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= maxBytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
