import type { RuleServices } from '../core/rules/services';
import type { ListInfo } from '../core/screening/types';

export interface LoadedServices {
  services: RuleServices;
  lists: ListInfo[];
  /** Problems loading extra list files: reported, then the bundled lists stay in use. */
  problems: string[];
}

/**
 * Loads the bundled sanctions lists plus any --lists files. Screening (issue 4) provides the loader in
 * src/node/lists.ts; until it lands no lists are loaded.
 */
export function loadServices(extraListPaths: readonly string[]): LoadedServices {
  void extraListPaths;
  return { services: {}, lists: [], problems: [] };
}
