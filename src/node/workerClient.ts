import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './checkProtocol';

type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type ResponseOf<T extends Req['type']> = Extract<WorkerResponse, { type: T }>;

/**
 * Talks to dist/checkWorker.js. Every request gets a promise; if the worker dies, pending requests
 * fail with a readable error and the next request starts a fresh worker.
 */
export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  /** Called after a restart so the owner can reload lists into the new worker. */
  onRestart: (() => void) | undefined;
  private restarts = 0;

  constructor(private readonly extensionPath: string, private readonly log: (msg: string) => void) {}

  request<T extends Req['type']>(msg: Extract<Req, { type: T }>): Promise<ResponseOf<T>> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<ResponseOf<T>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (r) => (r.type === 'error' ? reject(new Error(r.message)) : resolve(r as ResponseOf<T>)),
        reject,
      });
      w.postMessage({ ...msg, id });
    });
  }

  get busy(): number {
    return this.pending.size;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const file = path.join(this.extensionPath, 'dist', 'checkWorker.js');
    const w = new Worker(file, { name: 'clauseguard-check' });
    w.on('message', (r: WorkerResponse) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      p?.resolve(r);
    });
    w.on('error', (e) => this.log(`The ClauseGuard check worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      const err = new Error(`the ClauseGuard check worker stopped (exit code ${code}); the check will be retried.`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (code !== 0 && this.restarts++ < 5) this.onRestart?.();
    });
    this.worker = w;
    return w;
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
