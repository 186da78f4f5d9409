import * as Comlink from 'comlink';
import type { WorkerPort } from './analysis-client';
import type { AnalysisWorkerApi } from './worker/analysis.worker';

/**
 * Starts the inference worker (a module worker, bundled by Vite) and wraps it with comlink. If the worker dies
 * (a script that fails to load or throws at start-up), comlink calls would wait forever; instead every call
 * then rejects, and the UI reports the model as unavailable.
 */
export function createAnalysisWorker(): WorkerPort {
  const worker = new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'naevus-analysis',
  });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) =>
      reject(new Error(`Analysis worker failed: ${event.message}`)),
    );
  });
  crashed.catch(() => undefined); // Observed through the calls below; not an unhandled rejection by itself.
  const remote = Comlink.wrap<AnalysisWorkerApi>(worker) as unknown as WorkerPort;
  const guarded = <K extends keyof WorkerPort>(name: K) =>
    ((...args: Parameters<WorkerPort[K]>) =>
      Promise.race([
        (remote[name] as (...a: unknown[]) => Promise<unknown>)(...args),
        crashed,
      ])) as WorkerPort[K];
  return {
    init: guarded('init'),
    decode: guarded('decode'),
    analyse: guarded('analyse'),
    memory: guarded('memory'),
    loseWebglContext: guarded('loseWebglContext'),
  };
}
