import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, type FoundFile } from './contractFiles';
import { checkContractFile, loadCheckServices, type CheckedContract, type CheckFileOptions, type FileCheckPlan } from './contractCheck';
import type { ListInfo } from '../core/index';

/** A started check: the lists in use, and a way to check files with them. */
export interface CheckRun {
  lists: ListInfo[];
  /** Problems loading list files (the run still works with the lists that loaded). */
  problems: string[];
  /** Results in the order of `files` (null: did not read like a contract). Rejects with InputError. */
  check(files: readonly PlannedFile[], options: CheckFileOptions): Promise<(CheckedContract | null)[]>;
  close(): Promise<void>;
}

/** Messages from dist/checkFilesWorker.js. */
export type FromCheckFilesWorker =
  | { type: 'ready'; lists: ListInfo[]; problems: string[] }
  | { type: 'checked'; index: number; contract: CheckedContract | null }
  | { type: 'failed'; index: number; path?: string; reason: string };

export interface ToCheckFilesWorker {
  index: number;
  file: PlannedFile;
  options: CheckFileOptions;
}

/** A file with the configuration and decisions of its project. */
export interface PlannedFile {
  file: FoundFile;
  plan: FileCheckPlan;
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
export async function startCheckRun(extraListPaths: readonly string[], threads: number, bundledIds?: readonly string[]): Promise<CheckRun> {
  return threads <= 1 ? inThisThread(extraListPaths, bundledIds) : onWorkers(extraListPaths, threads, bundledIds);
}

function inThisThread(extraListPaths: readonly string[], bundledIds?: readonly string[]): CheckRun {
  const loaded = loadCheckServices(extraListPaths, bundledIds);
  return {
    lists: loaded.lists,
    problems: loaded.problems,
    async check(files, options) {
      return files.map((f) => checkContractFile(f.file, f.plan, loaded, options) ?? null);
    },
    async close() {},
  };
}

async function onWorkers(extraListPaths: readonly string[], threads: number, bundledIds?: readonly string[]): Promise<CheckRun> {
  const script = join(__dirname, 'checkFilesWorker.js');
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: { extraListPaths, bundledIds } }));
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
    check: (files, options) => checkOnWorkers(workers, files, options),
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
function checkOnWorkers(workers: Worker[], files: readonly PlannedFile[], options: CheckFileOptions): Promise<(CheckedContract | null)[]> {
  return new Promise((resolve, reject) => {
    const results: (CheckedContract | null | undefined)[] = new Array(files.length);
    const failures = new Map<number, Extract<FromCheckFilesWorker, { type: 'failed' }>>();
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
    const finish = () => {
      detach();
      // The same error as checking in order would raise: the first failing file's.
      const first = [...failures.keys()].sort((a, b) => a - b)[0];
      if (first !== undefined) {
        const f = failures.get(first)!;
        reject(f.path !== undefined ? new InputError(f.path, f.reason) : new Error(f.reason));
      } else resolve(results.map((r) => r ?? null));
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
        if (m.type === 'checked') results[m.index] = m.contract;
        else if (m.type === 'failed') failures.set(m.index, m);
        else return;
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
