import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (tests are compiled to out/test/unit/…). */
export const REPO = join(__dirname, '..', '..', '..', '..');

/**
 * The shared real data (sanctions lists, name-matching sets, contracts) beside the repository:
 * ../shared/data, or CLAUSEGUARD_SHARED_DATA. CI clones the repo with a copy of shared/ beside it.
 */
export const SHARED_DATA = process.env.CLAUSEGUARD_SHARED_DATA ?? join(REPO, '..', 'shared', 'data');

export function sharedDataAvailable(): boolean {
  return existsSync(SHARED_DATA);
}

/**
 * A suite that needs the shared real data: without ../shared it is skipped with one line that says so,
 * and its body (which may read the data while defining tests) is never run. A newcomer's clone
 * without ../shared passes `npm test`; CI, with ../shared beside the clone, runs every test.
 */
export function describeShared(title: string, fn: (this: Mocha.Suite) => void): void {
  if (sharedDataAvailable()) describe(title, fn);
  else describe(title, () => it.skip(`needs the shared data (${SHARED_DATA}, i.e. ../shared beside the repository): not found, so skipped`));
}
