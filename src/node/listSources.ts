import type { ListSources, ListsLoaded } from './checkProtocol';
import { readBundledLists, readListPath, type ListLoadError } from './lists';
import { createScreener, type ListData, ListParseError, type Screener } from '../core/index';

/**
 * Loads the chosen bundled lists and extra files into one Screener. A file that cannot be read is
 * reported and skipped; the others load. Same list id: the later source wins (imported over bundled).
 */
export function loadListSources(sources: ListSources): ListsLoaded & { screener: Screener } {
  const t0 = performance.now();
  const errors: ListLoadError[] = [];
  const byId = new Map<string, ListData>();
  if (sources.bundledIds.length) {
    try {
      for (const l of readBundledLists(sources.bundledDir)) if (sources.bundledIds.includes(l.info.id)) byId.set(l.info.id, l);
    } catch (e) {
      errors.push(toError('the bundled lists', e));
    }
  }
  for (const p of sources.extraPaths) {
    try {
      for (const l of readListPath(p)) byId.set(l.info.id, l);
    } catch (e) {
      errors.push(toError(p, e));
    }
  }
  const data = [...byId.values()];
  return { screener: createScreener(data), lists: data.map((d) => d.info), errors, loadMs: performance.now() - t0 };
}

/** Reads list files without using them: how an import or download is checked before it replaces anything. */
export function validateListFiles(paths: readonly string[]): ListsLoaded {
  const t0 = performance.now();
  const errors: ListLoadError[] = [];
  const lists = [];
  for (const p of paths) {
    try {
      for (const l of readListPath(p)) {
        if (!l.entities.length) throw new Error('the file holds no list entries; it may be empty or cut short.');
        lists.push(l.info);
      }
    } catch (e) {
      errors.push(toError(p, e));
    }
  }
  return { lists, errors, loadMs: performance.now() - t0 };
}

function toError(file: string, e: unknown): ListLoadError {
  if (e instanceof ListParseError) return { file, line: e.line, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { file, message: `${file}: ${msg.replace(/^ENOENT: no such file or directory.*/, 'file not found.')}` };
}
