import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The folder of third-party test material (SROIE, invoice2data, e-invoices, API specs).
 * It lives beside the repository, never inside it; DOCKET_TEST_DATA overrides the location.
 */
export function sharedDataDir(): string {
  return process.env.DOCKET_TEST_DATA ?? join(repoRoot, '..', 'shared', 'data');
}

/** The path of a folder inside the shared data, or null (with the reason) when it is absent. */
export function sharedDataPath(...parts: string[]): string | null {
  const p = join(sharedDataDir(), ...parts);
  return existsSync(p) ? p : null;
}

export const missingDataMessage = (what: string): string =>
  `skipped: ${what} not found under the shared test data folder (set DOCKET_TEST_DATA to its location)`;
