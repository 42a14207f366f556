// Paths tests share. Samples come from ../shared/samples beside the checkout (CI has it there too).
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(repoRoot, 'dist', 'cli.js');
export const samplesDir = resolve(repoRoot, '..', 'shared', 'samples');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
