import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { WorkerRequest, WorkerResponse } from '../node/checkProtocol';

type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type ResponseOf<T extends Req['type']> = Extract<WorkerResponse, { type: T }>;

/** A document this long, or one whose check took longer than CHECK_BUDGET_MS, is checked on the second worker. */
export const LARGE_DOCUMENT_CHARS = 300_000;
/** Each document's time budget on the main worker: a check over it moves that document to the second worker. */
export const CHECK_BUDGET_MS = 500;

interface Queued {
  id: number;
  msg: Req;
  resolvers: { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }[];
}

/** One worker thread and its queue: one request at a time, so the queue decides what goes first. */
class Lane {
  worker: Worker | undefined;
  running: (Queued & { started: number }) | undefined;
  readonly queue: Queued[] = [];
  restarts = 0;
  constructor(readonly name: string) {}
}

/**
 * Talks to dist/checkWorker.js. Every request gets a promise; if a worker dies, its pending requests
 * fail with a readable error and the next request starts a fresh worker.
 *
 * Scheduling, so that no document delays another's diagnostics: requests wait in a queue here, not
 * in the worker, and the next one is chosen when the worker is free — list and search requests first,
 * then the check of the document in the active editor, then the others in order. A check queued for a
 * document that already has a queued check replaces it (the older text is superseded; both callers get
 * the newer result, which the checker recognises as newer by its version). Large documents, and
 * documents whose check ran over its time budget, are checked on a second worker (started when first
 * needed, with the same lists), so a 2 MB contract being typed never holds up a small one.
 */
export class WorkerClient {
  private readonly main = new Lane('clauseguard-check');
  private readonly bulk = new Lane('clauseguard-check-large');
  private nextId = 1;
  /** The last list sources loaded, replayed into the second worker when it starts. */
  private lastLists: Extract<Req, { type: 'lists' }> | undefined;
  /** Documents that ran over the time budget on the main worker. */
  private readonly slow = new Set<string>();
  /** Called after a restart of the main worker so the owner can reload lists into the new worker. */
  onRestart: (() => void) | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly log: (msg: string) => void,
    private readonly isActive: (uri: string) => boolean = (uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri,
  ) {}

  request<T extends Req['type']>(msg: Extract<Req, { type: T }>): Promise<ResponseOf<T>> {
    return new Promise<ResponseOf<T>>((resolve, reject) => {
      const resolver = { resolve: (r: WorkerResponse) => (r.type === 'error' ? reject(new Error(r.message)) : resolve(r as ResponseOf<T>)), reject };
      if (msg.type === 'lists') {
        this.lastLists = msg as Extract<Req, { type: 'lists' }>;
        // The second worker, if running, loads the same lists; the caller waits for the main one.
        if (this.bulk.worker) this.enqueue(this.bulk, msg, { resolve: () => undefined, reject: () => undefined });
        this.enqueue(this.main, msg, resolver);
        return;
      }
      const m = msg as Req;
      // A large document's checks and its Outline model go to the second worker: neither may hold up a small one.
      this.enqueue((m.type === 'check' || m.type === 'outline') && this.isLarge(m) ? this.bulk : this.main, m, resolver);
    });
  }

  /** Requests waiting or running, on both workers. */
  get busy(): number {
    return [this.main, this.bulk].reduce((n, lane) => n + lane.queue.length + (lane.running ? 1 : 0), 0);
  }

  private isLarge(msg: { text: string; uri: string }): boolean {
    return msg.text.length >= LARGE_DOCUMENT_CHARS || this.slow.has(msg.uri);
  }

  private enqueue(lane: Lane, msg: Req, resolver: Queued['resolvers'][number]): void {
    if (msg.type === 'check' || msg.type === 'outline') {
      const older = lane.queue.find((q) => q.msg.type === msg.type && q.msg.uri === msg.uri);
      if (older) {
        older.msg = msg; // superseded before it started: check the newer text once, for both callers
        older.resolvers.push(resolver);
        return;
      }
    }
    lane.queue.push({ id: this.nextId++, msg, resolvers: [resolver] });
    this.pump(lane);
  }

  /** Starts the next request when the lane's worker is free: control messages, then the active editor, then in order. */
  private pump(lane: Lane): void {
    if (lane.running || !lane.queue.length) return;
    const w = this.ensure(lane); // a new second worker first queues the lists it needs
    let pick = lane.queue.findIndex((q) => q.msg.type !== 'check');
    if (pick < 0) pick = lane.queue.findIndex((q) => q.msg.type === 'check' && this.isActive(q.msg.uri));
    if (pick < 0) pick = 0;
    const [next] = lane.queue.splice(pick, 1);
    lane.running = { ...next, started: performance.now() };
    w.postMessage({ ...next.msg, id: next.id });
  }

  private finish(lane: Lane, r: WorkerResponse): void {
    const done = lane.running;
    if (!done || done.id !== r.id) return;
    lane.running = undefined;
    if (lane === this.main && done.msg.type === 'check' && performance.now() - done.started > CHECK_BUDGET_MS) {
      if (!this.slow.has(done.msg.uri)) this.log(`Checking ${done.msg.uri} took ${Math.round(performance.now() - done.started)} ms; it is checked on the second worker from now on, so it cannot delay other documents.`);
      this.slow.add(done.msg.uri);
    }
    for (const p of done.resolvers) p.resolve(r);
    this.pump(lane);
  }

  private ensure(lane: Lane): Worker {
    if (lane.worker) return lane.worker;
    const file = path.join(this.extensionPath, 'dist', 'checkWorker.js');
    const w = new Worker(file, { name: lane.name });
    w.on('message', (r: WorkerResponse) => this.finish(lane, r));
    w.on('error', (e) => this.log(`The ClauseGuard check worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (lane.worker !== w) return;
      lane.worker = undefined;
      const err = new Error(`the ClauseGuard check worker stopped (exit code ${code}); the check will be retried.`);
      const failed = [...(lane.running ? [lane.running] : []), ...lane.queue.splice(0)];
      lane.running = undefined;
      for (const q of failed) for (const p of q.resolvers) p.reject(err);
      if (code !== 0 && lane.restarts++ < 5 && lane === this.main) this.onRestart?.();
    });
    lane.worker = w;
    // A second worker starts with the lists the main one has, before any check.
    if (lane === this.bulk && this.lastLists) {
      const id = this.nextId++;
      lane.queue.unshift({ id, msg: this.lastLists, resolvers: [{ resolve: () => undefined, reject: () => undefined }] });
    }
    return w;
  }

  dispose(): void {
    for (const lane of [this.main, this.bulk]) {
      const w = lane.worker;
      lane.worker = undefined;
      void w?.terminate();
    }
  }
}
