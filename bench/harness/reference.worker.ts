/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/**
 * A reference: plain tfjs with DEFAULT flags (only what `?tfjsflags=` on this worker's URL says, the same
 * override the app worker gets), loading the unfused float32 base network, either as a graph model (run with
 * execute) or as a Keras-style layers model (run with predict, the way a layers model is normally called).
 * One worker per reference, like the app.
 */
setWasmPaths('/__bench/wasm/');

export type ReferenceFormat = 'graph' | 'layers';

let forward: ((x: tf.Tensor4D) => tf.Tensor[]) | null = null;
const graphOutputs = ['features', 'imagenet_logits'];

async function timeOnce(input: Float32Array, size: number): Promise<number> {
  if (!forward) throw new Error('load() first');
  const run = forward;
  const started = performance.now();
  const result = tf.tidy(() => run(tf.tensor4d(input, [1, size, size, 3])));
  try {
    await Promise.all(result.map((t) => t.data()));
  } finally {
    tf.dispose(result);
  }
  return performance.now() - started;
}

function webglRenderer(): string | null {
  if (tf.getBackend() !== 'webgl') return null;
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
}

const api = {
  async load(modelUrl: string, format: ReferenceFormat, backend: string, size: number) {
    const started = performance.now();
    if (!(await tf.setBackend(backend))) throw new Error(`reference: backend ${backend} failed to start`);
    await tf.ready();
    if (format === 'graph') {
      const model = await tf.loadGraphModel(modelUrl);
      forward = (x) => model.execute(x, graphOutputs) as tf.Tensor[];
    } else {
      const model = await tf.loadLayersModel(modelUrl);
      forward = (x) => model.predict(x) as tf.Tensor[];
    }
    const loadMs = performance.now() - started;
    const firstRunMs = await timeOnce(new Float32Array(size * size * 3), size);
    const wasm = backend === 'wasm';
    return {
      backend: tf.getBackend(),
      loadMs,
      firstRunMs,
      crossOriginIsolated: self.crossOriginIsolated,
      simd: wasm ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : null,
      threads: wasm ? Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) : null,
      webglRenderer: webglRenderer(),
    };
  },
  run: timeOnce,
  numTensors: () => tf.memory().numTensors,
};

export type ReferenceWorkerApi = typeof api;
Comlink.expose(api);
