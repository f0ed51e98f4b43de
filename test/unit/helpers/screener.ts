import type { Screener } from '../../../src/core/screening/screener';

/** The screener tests use: the bundled lists (the screening work replaces this with the real loader). */
export function loadTestScreener(): Screener | undefined {
  return undefined;
}
