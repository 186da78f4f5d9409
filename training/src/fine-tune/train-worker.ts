/**
 * One training worker: its own wasm backend (wasm threads do not work in Node, so one backend = one core).
 * It reads the current weights from the shared parameter buffer, computes the gradient of the summed,
 * class-weighted sigmoid cross-entropy over its share of the batch, and writes it to its gradient buffer.
 */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadBaseNetwork } from '../base-model/load-base-network';
import type { Moments } from '../base-model/batch-norm';
import { createTrainableNetwork, type TrainableNetwork } from '../base-model/mobilenet-forward';
import { featureExtractor, type NetworkSpec } from '../base-model/network-spec';
import { registerWasmGradients } from '../wasm-gradients/register-wasm-gradients';
import { augmentedInput } from './augment';
import { poolMoments } from './batch-norm-stats';
import type { ParamEntry } from './param-layout';
import type {
  MomentsRequest,
  PredictRequest,
  StepRequest,
  WorkerInit,
  WorkerReply,
  WorkerRequest,
} from './worker-protocol';

interface State {
  init: WorkerInit;
  net: TrainableNetwork;
  /** The frozen 112×112 prefix as its own network (no variables), or null when everything trains. */
  prefix: TrainableNetwork | null;
  vars: { entry: ParamEntry; variable: tf.Variable }[];
  /** Batch-norm state, set from the shared parameters like vars but never given a gradient. */
  stats: { entry: ParamEntry; variable: tf.Variable }[];
  head: { kernel: tf.Variable; bias: tf.Variable };
}

let state: State | null = null;
const port = parentPort!;

function reply(message: WorkerReply): void {
  port.postMessage(message);
}

/** The spec cut after `layerName`, whose output becomes the "features" of a frozen prefix network. */
function prefixSpec(spec: NetworkSpec, layerName: string): NetworkSpec {
  const base = featureExtractor(spec);
  const end = base.layers.findIndex((l) => l.name === layerName);
  const last = base.layers[end]!;
  return { ...base, layers: base.layers.slice(0, end + 1), features: last.output };
}

async function initialise(init: WorkerInit): Promise<void> {
  registerWasmGradients();
  await tf.setBackend('wasm');
  const spec = loadBaseNetwork(init.tflitePath);
  const net = createTrainableNetwork(spec, {
    trainable: (l) => !init.freezeHighRes || !l.highRes,
    batchNorm: init.batchNorm,
  });
  let prefix: TrainableNetwork | null = null;
  if (init.freezeHighRes && net.prefixEnd !== undefined) {
    prefix = createTrainableNetwork(prefixSpec(spec, net.prefixEnd), { trainable: () => false });
  }
  const backbone = init.layout.entries.filter((e) => e.group === 'backbone');
  if (backbone.length !== net.trainableVariables.length) {
    throw new Error(
      `layout has ${backbone.length} backbone tensors, network ${net.trainableVariables.length}`,
    );
  }
  const vars = backbone.map((entry, i) => ({ entry, variable: net.trainableVariables[i]! }));
  const statEntries = init.layout.entries.filter((e) => e.group === 'stats');
  if (statEntries.length !== net.statVariables.length) {
    throw new Error(
      `layout has ${statEntries.length} batch-norm tensors, network ${net.statVariables.length}`,
    );
  }
  const stats = statEntries.map((entry, i) => ({ entry, variable: net.statVariables[i]! }));
  const headEntries = init.layout.entries.filter((e) => e.group === 'head');
  const kernel = tf.variable(tf.zeros(headEntries[0]!.shape), true, 'head/kernel');
  const bias = tf.variable(tf.zeros(headEntries[1]!.shape), true, 'head/bias');
  vars.push({ entry: headEntries[0]!, variable: kernel }, { entry: headEntries[1]!, variable: bias });
  state = { init, net, prefix, vars, stats, head: { kernel, bias } };
}

/** Copies the main thread's current weights into this backend's variables. */
function loadParams(s: State): void {
  for (const { entry, variable } of [...s.vars, ...s.stats]) {
    tf.tidy(() =>
      variable.assign(
        tf.tensor(s.init.params.subarray(entry.offset, entry.offset + entry.size), entry.shape),
      ),
    );
  }
}

function batchTensor(inputs: Float32Array[], size: number): tf.Tensor4D {
  const flat = new Float32Array(inputs.length * size * size * 3);
  inputs.forEach((v, i) => flat.set(v, i * v.length));
  return tf.tensor4d(flat, [inputs.length, size, size, 3]);
}

/** Backbone input → (prefix run outside the tape) → the tensor `net.forward` starts from. */
function prefixed(s: State, x: tf.Tensor4D): tf.Tensor4D {
  return s.prefix ? (s.prefix.forward(x, false).features as unknown as tf.Tensor4D) : x;
}

function logitsOf(
  s: State,
  start: tf.Tensor4D,
  training: boolean,
  dropoutSeed: number,
  recordMoments = training,
): tf.Tensor1D {
  const after = s.prefix ? s.net.prefixEnd : undefined;
  const { features } = s.net.forward(start, training, after, recordMoments);
  const dropped =
    training && s.init.dropout > 0 ? tf.dropout(features, s.init.dropout, undefined, dropoutSeed) : features;
  return tf.reshape(
    tf.add(tf.matMul(dropped, s.head.kernel as tf.Tensor2D), s.head.bias),
    [-1],
  ) as tf.Tensor1D;
}

function step(s: State, req: StepRequest): WorkerReply {
  const t0 = performance.now();
  loadParams(s);
  const size = s.init.input.size;
  const x = batchTensor(
    req.items.map((it) => augmentedInput(s.init.images[it.image]!, it.augment, s.init.input)),
    size,
  );
  const start = tf.tidy(() => prefixed(s, x));
  if (start !== x) x.dispose();
  const labels = tf.tensor1d(req.items.map((it) => it.target));
  const weights = tf.tensor1d(req.items.map((it) => it.weight));
  let logits: number[] = [];
  const { value, grads } = tf.variableGrads(
    () => {
      const z = logitsOf(s, start, true, req.dropoutSeed);
      logits = Array.from(z.dataSync());
      // Numerically stable sigmoid cross-entropy (y may be soft): max(z, 0) − z·y + log(1 + e^−|z|).
      const perImage = tf.add(tf.sub(tf.relu(z), tf.mul(z, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
      return tf.sum(tf.mul(perImage, weights)) as tf.Scalar;
    },
    s.vars.map((v) => v.variable),
  );
  for (const { entry, variable } of s.vars) {
    const g = grads[variable.name];
    if (g === undefined) throw new Error(`no gradient for ${variable.name}`);
    s.init.grads.set(g.dataSync() as Float32Array, entry.offset);
  }
  writeMoments(s, (layer) => s.net.moments.get(layer));
  const loss = value.dataSync()[0]!;
  tf.dispose([value, start, labels, weights, ...Object.values(grads)]);
  return { type: 'step', loss, logits, ms: performance.now() - t0 };
}

/** Each batch-normalised layer's moments into the gradient buffer's mean/var slots (see MomentsRequest). */
function writeMoments(s: State, of: (layer: string) => Moments | undefined): void {
  for (const { entry } of s.stats) {
    if (entry.part !== 'mean' && entry.part !== 'var') continue;
    const m = of(entry.layer);
    if (!m) throw new Error(`no batch moments for ${entry.layer}`);
    s.init.grads.set(entry.part === 'mean' ? m.mean : m.variance, entry.offset);
  }
}

/** Moments over all of `req.images`, pooled from per-batch moments weighted by batch size. */
function moments(s: State, req: MomentsRequest): WorkerReply {
  loadParams(s);
  const perBatch = new Map<string, ({ images: number } & Moments)[]>();
  for (let i = 0; i < req.images.length; i += req.batch) {
    const chunk = req.images.slice(i, i + req.batch);
    const x = batchTensor(
      chunk.map((k) => toModelInput(s.init.images[k]!, s.init.input)),
      s.init.input.size,
    );
    tf.dispose([x, tf.tidy(() => logitsOf(s, prefixed(s, x), false, 0, true))]);
    for (const [layer, m] of s.net.moments) {
      if (!perBatch.has(layer)) perBatch.set(layer, []);
      perBatch.get(layer)!.push({ images: chunk.length, ...m });
    }
  }
  writeMoments(s, (layer) => {
    const parts = perBatch.get(layer);
    if (!parts) return undefined;
    const { mean, variance } = poolMoments(parts);
    return { mean: Float32Array.from(mean), variance: Float32Array.from(variance) };
  });
  return { type: 'moments', images: req.images.length };
}

function predict(s: State, req: PredictRequest): WorkerReply {
  loadParams(s);
  const logits: number[] = [];
  for (let i = 0; i < req.images.length; i += req.batch) {
    const chunk = req.images.slice(i, i + req.batch);
    const x = batchTensor(
      chunk.map((k) => toModelInput(s.init.images[k]!, s.init.input)),
      s.init.input.size,
    );
    const z = tf.tidy(() => logitsOf(s, prefixed(s, x), false, 0));
    logits.push(...z.dataSync());
    tf.dispose([x, z]);
  }
  return { type: 'predict', logits };
}

port.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      if (req.type === 'init') {
        await initialise(req);
        reply({ type: 'ready' });
        return;
      }
      if (!state) throw new Error('worker not initialised');
      reply(
        req.type === 'step'
          ? step(state, req)
          : req.type === 'moments'
            ? moments(state, req)
            : predict(state, req),
      );
    } catch (e) {
      reply({ type: 'error', message: (e as Error).stack ?? String(e) });
    }
  })();
});
