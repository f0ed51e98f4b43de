import type { ListInfo } from '../core/screening/types';
import { findContractFiles, type PathWarning } from '../node/contractFiles';
import type { CheckedContract } from '../node/contractCheck';
import type { ListLoadOptions } from '../node/listGuard';
import { startCheckRun, threadsFor, type FileNote } from '../node/parallelCheck';

export interface CheckedContracts {
  lists: ListInfo[];
  /** Problems loading --lists files, each naming the file (and line where known). */
  problems: string[];
  /** In the order found; undefined when list problems stopped the run before checking. */
  checked?: CheckedContract[];
  /** Files found in folders that do not read like a contract (named in the output, never silent). */
  skipped: FileNote[];
  /** Files that could not be read; the others were checked. The run ends with exit status 2. */
  failed: FileNote[];
  /** Paths passed over in folders: dangling links, link loops, unreadable folders. */
  warnings: PathWarning[];
}

/**
 * Reads and checks every contract under `paths` (folders: only files that read like a contract), on
 * worker threads when there are many. One unreadable file does not stop the others. Shared by `check`
 * and `report`. Throws InputError for a path given that does not exist.
 */
export async function checkContracts(
  paths: readonly string[],
  extraListPaths: readonly string[],
  cwd: string,
  options: { partyScreening: boolean; stopOnListProblems: boolean } & ListLoadOptions,
): Promise<CheckedContracts> {
  // Paths are relative to the caller's working folder (io.cwd), not necessarily this process's.
  const { files, warnings } = findContractFiles(paths, cwd);
  const run = await startCheckRun(extraListPaths, threadsFor(files.length), { acceptSmallerList: options.acceptSmallerList });
  try {
    if (run.problems.length && options.stopOnListProblems) return { lists: run.lists, problems: run.problems, skipped: [], failed: [], warnings };
    const outcome = await run.checkAll(files, { displayRoot: cwd, partyScreening: options.partyScreening });
    return { lists: run.lists, problems: run.problems, ...outcome, warnings };
  } finally {
    await run.close();
  }
}
