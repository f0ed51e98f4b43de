import type { ListInfo } from '../core/screening/types';
import { collectContractFiles } from '../node/contractFiles';
import type { CheckedContract } from '../node/contractCheck';
import { startCheckRun, threadsFor } from '../node/parallelCheck';

export interface CheckedContracts {
  lists: ListInfo[];
  /** Problems loading --lists files, each naming the file (and line where known). */
  problems: string[];
  /** In the order found; undefined when list problems stopped the run before checking. */
  checked?: CheckedContract[];
}

/**
 * Reads and checks every contract under `paths` (folders: only files that read like a contract), on
 * worker threads when there are many. Shared by `check` and `report`. Throws InputError.
 */
export async function checkContracts(
  paths: readonly string[],
  extraListPaths: readonly string[],
  cwd: string,
  options: { partyScreening: boolean; stopOnListProblems: boolean },
): Promise<CheckedContracts> {
  // Paths are relative to the caller's working folder (io.cwd), not necessarily this process's.
  const files = collectContractFiles(paths, cwd);
  const run = await startCheckRun(extraListPaths, threadsFor(files.length));
  try {
    if (run.problems.length && options.stopOnListProblems) return { lists: run.lists, problems: run.problems };
    const checked = await run.check(files, { displayRoot: cwd, partyScreening: options.partyScreening });
    return { lists: run.lists, problems: run.problems, checked };
  } finally {
    await run.close();
  }
}
