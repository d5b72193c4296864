import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Scratch space for the test run (git-ignored). */
export const testDataDir = join(repoRoot, '.test-data');
