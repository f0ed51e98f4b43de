import { parentPort, workerData } from 'node:worker_threads';
import { checkContractFile, loadCheckServices } from './contractCheck';
import { InputError } from './contractFiles';
import type { ListOptions } from './contractCheck';
import type { FromCheckFilesWorker, ToCheckFilesWorker } from './parallelCheck';

/**
 * A worker thread of `clauseguard check` / `report` over many files (src/node/parallelCheck.ts): loads
 * the lists once, then reads and checks the files it is handed, one at a time.
 */
const port = parentPort!;
const post = (m: FromCheckFilesWorker) => port.postMessage(m);
const { extraListPaths, listOptions } = workerData as { extraListPaths: string[]; listOptions: ListOptions };
const loaded = loadCheckServices(extraListPaths, listOptions);
post({ type: 'ready', lists: loaded.lists, problems: loaded.problems });

port.on('message', (m: ToCheckFilesWorker) => {
  try {
    post({ type: 'checked', index: m.index, contract: checkContractFile(m.file.file, m.file.plan, loaded, m.options) ?? null });
  } catch (e) {
    if (e instanceof InputError) post({ type: 'failed', index: m.index, path: e.path, reason: e.reason });
    else post({ type: 'failed', index: m.index, reason: `internal error while checking ${m.file.file.path}: ${e instanceof Error ? e.message : String(e)}` });
  }
});
