import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, type FoundFile } from './contractFiles';
import { checkContractFile, loadCheckServices, type CheckedContract, type CheckFileOptions, type FileCheckPlan, type ListOptions } from './contractCheck';
import type { ListInfo } from '../core/index';

/** A started check: the lists in use, and a way to check files with them. */
export interface CheckRun {
  lists: ListInfo[];
  /** Problems loading list files (the run still works with the lists that loaded). */
  problems: string[];
  /** Results in the order of `files`; files that do not read like contracts are left out. Rejects with InputError. */
  check(files: readonly PlannedFile[], options: CheckFileOptions): Promise<CheckedContract[]>;
  /** Checks every file; one that cannot be read is reported in `failed` and the others are still checked. */
  checkAll(files: readonly PlannedFile[], options: CheckFileOptions): Promise<CheckOutcome>;
  close(): Promise<void>;
}

/** Every file of a run, sorted into checked, skipped (does not read like a contract) and failed. */
export interface CheckOutcome {
  checked: CheckedContract[];
  skipped: FileNote[];
  failed: FileNote[];
}

export interface FileNote {
  path: string;
  reason: string;
}

/** Why a file found in a folder was not checked (named in text and JSON output). */
export const NOT_A_CONTRACT = 'does not read like a contract (no agreement title, parties or obligations found); give its path on the command line, or name it *.contract.md or *.contract.txt, to check it';

type FileResult = { contract: CheckedContract } | { skipped: FileNote } | { failed: FileNote };

/** Messages from dist/checkFilesWorker.js. */
export type FromCheckFilesWorker =
  | { type: 'ready'; lists: ListInfo[]; problems: string[] }
  | { type: 'checked'; index: number; contract: CheckedContract | null }
  | { type: 'failed'; index: number; path?: string; reason: string };

/** A file with the configuration and decisions of its project. */
export interface PlannedFile {
  file: FoundFile;
  plan: FileCheckPlan;
}

export interface ToCheckFilesWorker {
  index: number;
  file: PlannedFile;
  options: CheckFileOptions;
}

/** Fewer files than this per extra thread are not worth a thread's start-up (~0.3 s to load the lists). */
const FILES_PER_THREAD = 12;
const MAX_THREADS = 4;

/** Below this many CPUs, checking stays in one thread (see threadsFor). */
const MIN_CPUS = 4;

/**
 * How many worker threads to check `fileCount` files with: none (this thread) on machines with fewer
 * than 4 CPUs or for a few files, else one per CPU up to 4. Measured on a 2-CPU machine, two threads
 * were no faster than one: V8's compiler and garbage-collector threads already keep the second CPU
 * busy, and each thread loads the lists and compiles the code again. CLAUSEGUARD_THREADS=N overrides.
 */
export function threadsFor(fileCount: number, env: NodeJS.ProcessEnv = process.env, cpus = availableParallelism()): number {
  const forced = Number(env.CLAUSEGUARD_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, 16);
  if (cpus < MIN_CPUS) return 1;
  return Math.max(1, Math.min(cpus, MAX_THREADS, Math.floor(fileCount / FILES_PER_THREAD)));
}

/** Loads the lists (in each worker thread, or here for one thread) and returns a run ready to check files. */
export async function startCheckRun(extraListPaths: readonly string[], threads: number, listOptions: ListOptions = {}): Promise<CheckRun> {
  return threads <= 1 ? inThisThread(extraListPaths, listOptions) : onWorkers(extraListPaths, threads, listOptions);
}

/** The order of `files`, checked ones only; rejects with the first failing file's InputError. */
function firstFailureOrChecked(results: FileResult[]): CheckedContract[] {
  const failed = results.find((r): r is { failed: FileNote } => 'failed' in r);
  if (failed) throw new InputError(failed.failed.path, failed.failed.reason);
  return results.flatMap((r) => ('contract' in r ? [r.contract] : []));
}

function sortResults(results: FileResult[]): CheckOutcome {
  const out: CheckOutcome = { checked: [], skipped: [], failed: [] };
  for (const r of results) {
    if ('contract' in r) out.checked.push(r.contract);
    else if ('skipped' in r) out.skipped.push(r.skipped);
    else out.failed.push(r.failed);
  }
  return out;
}

/** A path as people see it: relative to the display root when inside it. */
function shownPath(path: string, options: CheckFileOptions): string {
  const rel = relative(options.displayRoot, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function inThisThread(extraListPaths: readonly string[], listOptions: ListOptions): CheckRun {
  const loaded = loadCheckServices(extraListPaths, listOptions);
  const checkHere = (files: readonly PlannedFile[], options: CheckFileOptions): FileResult[] =>
    files.map((f) => {
      try {
        const contract = checkContractFile(f.file, f.plan, loaded, options);
        return contract ? { contract } : { skipped: { path: shownPath(f.file.path, options), reason: NOT_A_CONTRACT } };
      } catch (e) {
        if (e instanceof InputError) return { failed: { path: shownPath(e.path, options), reason: e.reason } };
        throw e;
      }
    });
  return {
    lists: loaded.lists,
    problems: loaded.problems,
    check: async (files, options) => firstFailureOrChecked(checkHere(files, options)),
    checkAll: async (files, options) => sortResults(checkHere(files, options)),
    async close() {},
  };
}

async function onWorkers(extraListPaths: readonly string[], threads: number, listOptions: ListOptions): Promise<CheckRun> {
  const script = join(__dirname, 'checkFilesWorker.js');
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: { extraListPaths, listOptions } }));
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  let ready: Extract<FromCheckFilesWorker, { type: 'ready' }>[];
  try {
    ready = await Promise.all(workers.map((w) => firstMessage(w)));
  } catch (e) {
    await close();
    throw e;
  }
  return {
    lists: ready[0].lists,
    problems: ready[0].problems,
    check: async (files, options) => firstFailureOrChecked(await checkOnWorkers(workers, files, options)),
    checkAll: async (files, options) => sortResults(await checkOnWorkers(workers, files, options)),
    close,
  };
}

function firstMessage(w: Worker): Promise<Extract<FromCheckFilesWorker, { type: 'ready' }>> {
  return new Promise((resolve, reject) => {
    w.once('message', (m: FromCheckFilesWorker) => (m.type === 'ready' ? resolve(m) : reject(new Error('a checking thread did not start; run again with CLAUSEGUARD_THREADS=1 to check in one thread.'))));
    w.once('error', reject);
  });
}

/** Hands files out one at a time (big and small contracts balance out); keeps the input order. */
function checkOnWorkers(workers: Worker[], files: readonly PlannedFile[], options: CheckFileOptions): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult[] = new Array(files.length);
    let next = 0;
    let done = 0;
    // Our own listeners only: a worker's terminate() waits on an 'exit' listener of its own.
    type Listener = Parameters<Worker['off']>[1];
    const attached: [Worker, string, Listener][] = [];
    const on = (w: Worker, event: 'message' | 'error' | 'exit', f: Listener) => {
      w.on(event, f);
      attached.push([w, event, f]);
    };
    const detach = () => {
      for (const [w, event, f] of attached) w.off(event, f);
    };
    let internal: Error | undefined;
    const finish = () => {
      detach();
      if (internal) reject(internal);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next < files.length) {
        const m: ToCheckFilesWorker = { index: next, file: files[next], options };
        next++;
        w.postMessage(m);
      }
    };
    if (!files.length) return resolve([]);
    for (const w of workers) {
      on(w, 'message', (m: FromCheckFilesWorker) => {
        if (m.type === 'checked') results[m.index] = m.contract ? { contract: m.contract } : { skipped: { path: shownPath(files[m.index].file.path, options), reason: NOT_A_CONTRACT } };
        else if (m.type === 'failed') {
          if (m.path === undefined) internal ??= new Error(m.reason);
          results[m.index] = { failed: { path: shownPath(m.path ?? files[m.index].file.path, options), reason: m.reason } };
        } else return;
        done++;
        if (done === files.length) finish();
        else feed(w);
      });
      on(w, 'error', (e: Error) => {
        detach();
        reject(e);
      });
      // A thread that stops without an error (out of memory, killed) must not leave the check waiting forever.
      on(w, 'exit', (code: number) => {
        detach();
        reject(new Error(`a checking thread stopped (exit code ${code}) before every file was checked; run again with CLAUSEGUARD_THREADS=1 to check in one thread.`));
      });
      feed(w);
    }
  });
}
