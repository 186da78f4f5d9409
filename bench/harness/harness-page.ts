import * as Comlink from 'comlink';
import type { AnalysisResult } from '../../src/features/analysis/analysis-types';
import type { AnalysisWorkerApi } from '../../src/features/analysis/worker/analysis.worker';
import type { AppInferenceWorkerApi } from './app-inference.worker';
import type { ReferenceWorkerApi } from './reference.worker';
import { toModelInput } from '../../src/shared/preprocess/model-input';

export interface CompareRequest {
  /** A module that imports the built app's own worker script (/assets/analysis.worker-XXXX.js). */
  appWorkerUrl: string;
  appModelBaseUrl: string;
  referenceModelUrl: string;
  /** The same network as a Keras-style layers model (model.json of bench/tmp/reference-layers-model/). */
  referenceLayersModelUrl: string;
  backend: 'webgl' | 'wasm' | 'cpu';
  /** tfjs URL flag overrides for BOTH workers, e.g. "WASM_HAS_SIMD_SUPPORT:false". */
  tfjsflags: string;
  /** Extra tfjs URL flags for the app's workers only (experiments: `--app-flags`). */
  appTfjsflags: string;
  runs: number;
  /** Discarded runs after load, on top of the app's own warm-up. */
  extraWarmups: number;
}

export interface CompareResult {
  appBackend: string;
  appInitMs: number;
  reference: Awaited<ReturnType<ReferenceWorkerApi['load']>>;
  referenceLayers: Awaited<ReturnType<ReferenceWorkerApi['load']>>;
  /** Per-run ms of the app's inference code (src/…/model-session + run-model): tensor in → outputs read. */
  app: number[];
  /** Per-run ms as the built app's worker reports a whole analysis (preprocess + inference + guard). */
  appAnalysis: number[];
  /** Per-run ms of the graph reference (tensor in → execute → outputs read back). */
  ref: number[];
  /** Per-run ms of the layers reference (tensor in → predict → outputs read back). */
  refLayers: number[];
  appProbability: number;
}

const size = 224;

/** A fixed, deterministic 224×224 photo: smooth colour gradients plus a little noise. */
function fixedImage(): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(size * size * 4);
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 21) - 10;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const r = Math.hypot(x - 112, y - 112);
      data[i] = 190 - r * 0.4 + noise();
      data[i + 1] = 140 - (r < 40 ? 70 : 0) + noise();
      data[i + 2] = 120 - (r < 40 ? 60 : 0) + noise();
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

function withFlags(url: string, ...flags: string[]): string {
  const all = flags.filter(Boolean).join(',');
  return all ? `${url}?tfjsflags=${all}` : url;
}

/**
 * The app's real worker, the app's inference code and the two references (graph and layers model) side by
 * side, same backend and flag overrides; runs are interleaved (and who goes first rotates) so a change of
 * background load hits all of them alike.
 */
async function compare(request: CompareRequest): Promise<CompareResult> {
  const appWorker = new Worker(withFlags(request.appWorkerUrl, request.tfjsflags, request.appTfjsflags), {
    type: 'module',
  });
  const refWorker = new Worker(withFlags('/__bench/reference.worker.js', request.tfjsflags), {
    type: 'module',
  });
  const refLayersWorker = new Worker(withFlags('/__bench/reference.worker.js', request.tfjsflags), {
    type: 'module',
  });
  const inferenceWorker = new Worker(
    withFlags('/__bench/app-inference.worker.js', request.tfjsflags, request.appTfjsflags),
    {
      type: 'module',
    },
  );
  try {
    const inference = Comlink.wrap<AppInferenceWorkerApi>(inferenceWorker);
    const app = Comlink.wrap<AnalysisWorkerApi>(appWorker);
    const ref = Comlink.wrap<ReferenceWorkerApi>(refWorker);
    const refLayers = Comlink.wrap<ReferenceWorkerApi>(refLayersWorker);
    console.debug('harness: app init…');
    const init = await app.init(request.appModelBaseUrl, request.backend);
    if (!init.ok) throw new Error(`app init failed: ${init.problem} ${init.detail ?? ''}`);
    console.debug(`harness: app on ${init.value.backend}; references load…`);
    const loaded = await inference.load(request.appModelBaseUrl, request.backend);
    if (loaded.backend !== init.value.backend) throw new Error(`app inference ran ${loaded.backend}`);
    const reference = await ref.load(request.referenceModelUrl, 'graph', request.backend, size);
    const referenceLayers = await refLayers.load(
      request.referenceLayersModelUrl,
      'layers',
      request.backend,
      size,
    );
    const image = fixedImage();
    const rgb = new Float32Array(size * size * 3);
    for (let p = 0; p < size * size; p++) {
      for (let c = 0; c < 3; c++) rgb[p * 3 + c] = (image.data[p * 4 + c]! - 128) / 128;
    }
    const crop = { x: 0, y: 0, size };
    // Same photo through the app's preprocessing at the app's input size (equal to `rgb` at 224 px).
    const appInput = toModelInput(image, loaded.input, crop);
    const appTimes: number[] = [];
    const analysisTimes: number[] = [];
    const refTimes: number[] = [];
    const refLayersTimes: number[] = [];
    let appBackend = init.value.backend as string;
    let appProbability = Number.NaN;
    for (let i = 0; i < request.extraWarmups + request.runs; i++) {
      let analysis: AnalysisResult | undefined;
      let appMs = Number.NaN;
      let refMs = Number.NaN;
      let refLayersMs = Number.NaN;
      const steps = [
        async () => {
          const outcome = await app.analyse({ image, crop });
          if (!outcome.ok) throw new Error(`app analyse failed: ${outcome.problem} ${outcome.detail ?? ''}`);
          analysis = outcome.value;
        },
        async () => {
          refMs = await ref.run(rgb, size);
        },
        async () => {
          appMs = await inference.run(appInput);
        },
        async () => {
          refLayersMs = await refLayers.run(rgb, size);
        },
      ];
      // Rotate who goes first: whoever runs right after another model finds the caches full of its weights.
      for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!();
      if (i < request.extraWarmups || !analysis) continue;
      analysisTimes.push(analysis.ms);
      appTimes.push(appMs);
      refTimes.push(refMs);
      refLayersTimes.push(refLayersMs);
      appBackend = analysis.backend;
      appProbability = analysis.probability;
    }
    return {
      appBackend,
      appInitMs: init.value.loadMs,
      reference,
      referenceLayers,
      app: appTimes,
      appAnalysis: analysisTimes,
      ref: refTimes,
      refLayers: refLayersTimes,
      appProbability,
    };
  } finally {
    appWorker.terminate();
    refWorker.terminate();
    refLayersWorker.terminate();
    inferenceWorker.terminate();
  }
}

declare global {
  interface Window {
    naevusBench: { compare: typeof compare };
  }
}
window.naevusBench = { compare };
