import * as Comlink from 'comlink';
import type { WorkerPort } from './analysis-client';
import type { AnalysisWorkerApi } from './worker/analysis.worker';

/** Starts the inference worker (a module worker, bundled by Vite) and wraps it with comlink. */
export function createAnalysisWorker(): WorkerPort {
  const worker = new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'naevus-analysis',
  });
  return Comlink.wrap<AnalysisWorkerApi>(worker) as unknown as WorkerPort;
}
