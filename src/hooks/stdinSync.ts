// Reads all of stdin synchronously. A pipe handed over in non-blocking mode answers EAGAIN until data
// arrives: wait a moment and read again instead of failing, within a deadline.
import { fstatSync, readSync } from 'node:fs';

export function readStdinSync(deadlineMs = 5_000): string {
  // A terminal (someone trying the command by hand) has no hook input to wait for.
  if (isTerminal()) return '';
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    let count: number;
    try {
      count = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' && Date.now() < deadline) {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (code === 'EOF' || code === 'EAGAIN' || code === 'EBADF' || code === 'ENXIO') break;
      throw error;
    }
    if (count === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** fstat instead of node:tty, which would cost a module load on the hot path. */
function isTerminal(): boolean {
  try {
    return fstatSync(0).isCharacterDevice();
  } catch {
    return false;
  }
}
