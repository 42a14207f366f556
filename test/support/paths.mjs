// Paths tests share. Every input lives inside the repository: a fresh clone runs the tests alone.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(repoRoot, 'dist', 'cli.js');
export const samplesDir = join(repoRoot, 'test', 'fixtures', 'samples');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
