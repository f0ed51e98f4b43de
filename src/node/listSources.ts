import type { ListSources, ListsLoaded } from './checkProtocol';
import { shrinkProblem, type ListLoadOptions } from './listGuard';
import { bundledEntryCounts, loadLists, readListPath, toLoadError, type ListLoadError } from './lists';
import type { ListInfo, Screener } from '../core/index';

/**
 * Loads the chosen bundled lists and extra files into one Screener. A file that cannot be read is
 * reported and skipped; the others load. Same list id: the later source wins (imported over bundled),
 * unless it has lost more than 5% of the entries (see listGuard.ts).
 */
export function loadListSources(sources: ListSources): ListsLoaded & { screener: Screener } {
  const { screener, lists, errors, loadMs } = loadLists({ bundledDir: sources.bundledDir, bundledIds: sources.bundledIds, extraPaths: sources.extraPaths });
  return { screener, lists, errors, loadMs };
}

/**
 * Reads list files without using them: how an import or download is checked before it replaces
 * anything. Each must hold entries and must not be much smaller than the list in use of the same id
 * (`inUse`) or the bundled one, unless the user confirmed it.
 */
export function validateListFiles(paths: readonly string[], inUse: readonly ListInfo[] = [], options: ListLoadOptions & { bundledDir?: string } = {}): ListsLoaded {
  const t0 = performance.now();
  const errors: ListLoadError[] = [];
  const lists = [];
  const bundled = bundledEntryCounts(options.bundledDir);
  for (const p of paths) {
    try {
      for (const l of readListPath(p)) {
        if (!l.entities.length) throw new Error('the file holds no list entries; it may be empty or cut short.');
        const shrink = options.acceptSmallerList ? undefined : shrinkProblem(l.info, inUse.find((x) => x.id === l.info.id), bundled.get(l.info.id));
        if (shrink) throw shrink;
        lists.push(l.info);
      }
    } catch (e) {
      errors.push(toLoadError(p, e));
    }
  }
  return { lists, errors, loadMs: performance.now() - t0 };
}
