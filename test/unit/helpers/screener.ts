import type { Screener } from '../../../src/core/screening/screener';
import { loadLists } from '../../../src/node/lists';

let cached: Screener | undefined;

/** The screener tests use: the bundled lists (lists/), loaded once per test run. */
export function loadTestScreener(): Screener {
  if (!cached) {
    const loaded = loadLists();
    if (loaded.errors.length) throw new Error(`bundled lists failed to load: ${loaded.errors.map((e) => e.message).join('; ')}`);
    cached = loaded.screener;
  }
  return cached;
}
