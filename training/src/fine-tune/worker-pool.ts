import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * Starts train-worker.ts under tsx. A plain `new Worker(file.ts)` does not inherit tsx's loader, so each
 * worker boots from a one-line module that registers tsx first.
 */
function startWorker(): Worker {
  const url = new URL('./train-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true });
}

/** A fixed set of workers; each request gets exactly one reply, so calls are simple promises. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending: ((reply: WorkerReply) => void)[][];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, startWorker);
    this.pending = this.workers.map(() => []);
    this.workers.forEach((w, i) => {
      w.on('message', (reply: WorkerReply) => this.pending[i]!.shift()?.(reply));
      w.on('error', (e) => this.pending[i]!.shift()?.({ type: 'error', message: String(e) }));
    });
  }

  get size(): number {
    return this.workers.length;
  }

  request(worker: number, req: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.pending[worker]!.push((reply) =>
        reply.type === 'error' ? reject(new Error(`worker ${worker}: ${reply.message}`)) : resolve(reply),
      );
      this.workers[worker]!.postMessage(req);
    });
  }

  async init(inits: WorkerInit[]): Promise<void> {
    await Promise.all(inits.map((init, i) => this.request(i, init)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
