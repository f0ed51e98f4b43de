import type { ListInfo } from './types';

/**
 * The screening engine handed to rules. PLACEHOLDER interface: the screening work (issue 4) owns this
 * file and extends it (index, search, explanations).
 */
export interface Screener {
  readonly lists: readonly ListInfo[];
}
