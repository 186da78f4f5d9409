/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { ModelSession, type Session } from '../../src/features/analysis/worker/model-session';
import { runModel } from '../../src/features/analysis/worker/run-model';
import type { BackendName } from '../../src/features/analysis/analysis-types';

/**
 * The app's own inference path, compiled from src/: the ModelSession that loads and warms the app's model on
 * the app's backend with the app's flags, and the runModel that every analysis calls. Timing it alone gives
 * the figure comparable with the reference (tensor in → model → outputs read), without the preprocessing and
 * guard that the built worker's analyse() also does.
 */
let session: Session | null = null;

const api = {
  async load(modelBaseUrl: string, backend: BackendName) {
    const started = performance.now();
    session = await new ModelSession(modelBaseUrl, backend).open();
    // The app's input spec, so the harness feeds it what the app's own preprocessing would.
    return { backend: session.backend, loadMs: performance.now() - started, input: session.metadata.input };
  },
  async run(input: Float32Array): Promise<number> {
    if (!session) throw new Error('load() first');
    const started = performance.now();
    await runModel(session.model, session.metadata, input);
    return performance.now() - started;
  },
};

export type AppInferenceWorkerApi = typeof api;
Comlink.expose(api);
