import type { RuleServices } from '../core/rules/services';
import type { ListInfo } from '../core/screening/types';
import { loadLists } from '../node/lists';

export interface LoadedServices {
  services: RuleServices;
  lists: ListInfo[];
  /** Problems loading list files, each naming the file (and line where known). */
  problems: string[];
}

/** Loads the bundled sanctions lists plus any --lists files (same list id replaces the bundled one). */
export function loadServices(extraListPaths: readonly string[]): LoadedServices {
  const loaded = loadLists({ extraPaths: extraListPaths });
  return {
    services: { screener: loaded.screener },
    lists: loaded.lists,
    problems: loaded.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`),
  };
}
