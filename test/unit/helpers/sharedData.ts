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
