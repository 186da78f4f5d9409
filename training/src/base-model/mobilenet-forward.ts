/**
 * A trainable float forward pass of a NetworkSpec (MobileNetV2 up to the pooled features), in plain tfjs ops
 * (conv2d, depthwiseConv2d, add, relu6, mean — no tf.fused.*, whose gradients the wasm backend lacks).
 *
 * API
 *   const net = createTrainableNetwork(spec, { trainable: (layer) => !layer.highRes });
 *   net.trainableVariables          tf.Variable[] to hand to optimizer.minimize(f, returnCost, varList)
 *   net.forward(x, training)        x: [n, S, S, 3] normalised input → { features: [n, featureSize] }
 *   net.forward(y, training, 'block_2/project')
 *                                  start after that layer, y being its output (e.g. cached activations of the
 *                                  frozen 112×112 prefix; see net.prefixEnd)
 *   net.toSpec()                    the current (fine-tuned) weights as a new NetworkSpec, for writeGraphModel
 *                                  (batch norm, if any, folded in)
 *   net.statVariables / net.moments with { batchNorm: true }: each trainable convolution gets a batch norm
 *                                  (./batch-norm.ts); statVariables are its untrained state, and moments the
 *                                  batch moments of the last training (or recordMoments) pass
 *   net.dispose()                   frees every variable and constant
 *
 * Layers for which `trainable` is false hold plain tensors: no gradient is computed for them, and no
 * gradient flows into layers before the first trainable one (tfjs only back-propagates along paths from the
 * variables). The default trains everything except the 112×112 layers (layer.highRes), which the brief fixes
 * as frozen. `training` is accepted for the loop's sake; the network has no dropout or batch norm (BN is folded),
 * so train and inference forward passes are identical.
 * forward() runs inside tf.tidy: only the returned features survive (tensors saved for gradients are kept
 * by the tape and released by tfjs after the gradient step).
 */
import * as tf from '@tensorflow/tfjs';
import {
  applyBatchNorm,
  BN_STAT_PARTS,
  BN_TRAINABLE_PARTS,
  foldBatchNorm,
  identityValue,
  type BatchNormPart,
  type BatchNormTensors,
  type Moments,
} from './batch-norm';
import {
  featureExtractor,
  isWeighted,
  type Activation,
  type Layer,
  type NetworkSpec,
  type WeightedLayer,
} from './network-spec';

export interface TrainableNetworkOptions {
  /** Which weighted layers get tf.Variables. Default: every layer that is not highRes. */
  trainable?: (layer: WeightedLayer) => boolean;
  /** A batch norm after every trainable convolution (not the dense layers), starting as the identity. */
  batchNorm?: boolean;
}

export interface TrainableNetwork {
  /** The feature-extractor spec this network was built from (the weights in it are the initial ones). */
  readonly spec: NetworkSpec;
  /** Per trainable layer in order: w, b, then with batch norm its gamma, beta. */
  readonly trainableVariables: tf.Variable[];
  /** Per batch-normalised layer in order: the BN_STAT_PARTS (empty without batch norm). */
  readonly statVariables: tf.Variable[];
  /** Batch moments of each batch-normalised layer's input in the last training (or recordMoments) pass. */
  readonly moments: Map<string, Moments>;
  /** Names of the trainable layers, in order. */
  readonly trainableLayers: string[];
  /** Name of the last layer of the leading run of frozen layers (undefined if the first layer trains). */
  readonly prefixEnd: string | undefined;
  /** `recordMoments` (default: `training`) fills `moments` in an inference pass too. */
  forward(
    x: tf.Tensor4D,
    training: boolean,
    startAfter?: string,
    recordMoments?: boolean,
  ): { features: tf.Tensor2D };
  toSpec(): NetworkSpec;
  dispose(): void;
}

interface LayerWeights {
  w: tf.Tensor;
  b: tf.Tensor1D;
  trainable: boolean;
  bn?: BatchNormTensors & Record<BatchNormPart, tf.Variable>;
}

let instances = 0;

export function createTrainableNetwork(
  spec: NetworkSpec,
  options: TrainableNetworkOptions = {},
): TrainableNetwork {
  const base = featureExtractor(spec);
  const isTrainable = options.trainable ?? ((l: WeightedLayer) => !l.highRes);
  // Variable names are global in tfjs: a per-instance prefix lets several networks coexist (e.g. in tests).
  const prefix = `net${instances++}/`;
  const weights = new Map<string, LayerWeights>();
  const trainableVariables: tf.Variable[] = [];
  const statVariables: tf.Variable[] = [];
  const moments = new Map<string, Moments>();
  const trainableLayers: string[] = [];
  let prefixEnd: string | undefined;
  let stillFrozen = true;

  for (const layer of base.layers) {
    if (!isWeighted(layer)) {
      if (stillFrozen) prefixEnd = layer.name;
      continue;
    }
    const trainable = isTrainable(layer);
    const [wValues, wShape] =
      layer.kind === 'dense' ? [layer.kernel, layer.kernelShape] : [layer.filter, layer.filterShape];
    const w = tf.tensor(wValues, [...wShape]);
    const b = tf.tensor1d(layer.bias);
    if (trainable) {
      const wv = tf.variable(w, true, `${prefix}${layer.name}/w`);
      const bv = tf.variable(b, true, `${prefix}${layer.name}/b`);
      tf.dispose([w, b]);
      const bn =
        options.batchNorm && layer.kind !== 'dense'
          ? batchNormVariables(`${prefix}${layer.name}`, layer.bias.length)
          : undefined;
      weights.set(layer.name, { w: wv, b: bv as tf.Variable<tf.Rank.R1>, trainable, bn });
      trainableVariables.push(wv, bv);
      if (bn) {
        trainableVariables.push(...BN_TRAINABLE_PARTS.map((p) => bn[p]));
        statVariables.push(...BN_STAT_PARTS.map((p) => bn[p]));
      }
      trainableLayers.push(layer.name);
      stillFrozen = false;
    } else {
      weights.set(layer.name, { w, b, trainable });
      if (stillFrozen) prefixEnd = layer.name;
    }
  }

  const forward = (
    x: tf.Tensor4D,
    training: boolean,
    startAfter?: string,
    recordMoments = training,
  ): { features: tf.Tensor2D } => {
    let start = 0;
    const env = new Map<string, tf.Tensor>();
    if (startAfter === undefined) {
      env.set(base.input, x);
    } else {
      const i = base.layers.findIndex((l) => l.name === startAfter);
      if (i < 0) throw new Error(`forward: no layer named "${startAfter}"`);
      env.set(base.layers[i]!.output, x);
      start = i + 1;
    }
    const features = tf.tidy(() => {
      for (const layer of base.layers.slice(start))
        env.set(layer.output, runLayer(layer, env, weights, training, recordMoments ? moments : null));
      const f = env.get(base.features);
      if (!f) throw new Error('forward: features were not produced');
      return f as tf.Tensor2D;
    });
    return { features };
  };

  const toSpec = (): NetworkSpec => ({
    ...base,
    layers: base.layers.map((layer): Layer => {
      const lw = weights.get(layer.name);
      if (!lw || !isWeighted(layer)) return layer;
      let w: Float32Array = Float32Array.from(lw.w.dataSync() as Float32Array);
      let b: Float32Array = Float32Array.from(lw.b.dataSync() as Float32Array);
      if (lw.bn) {
        const bn = lw.bn;
        const values = Object.fromEntries(
          [...BN_TRAINABLE_PARTS, ...BN_STAT_PARTS].map((p) => [p, bn[p].dataSync() as Float32Array]),
        ) as Record<BatchNormPart, Float32Array>;
        ({ filter: w, bias: b } = foldBatchNorm(w, b, values));
      }
      return layer.kind === 'dense' ? { ...layer, kernel: w, bias: b } : { ...layer, filter: w, bias: b };
    }),
  });

  return {
    spec: base,
    trainableVariables,
    statVariables,
    moments,
    trainableLayers,
    prefixEnd,
    forward,
    toSpec,
    dispose: () => {
      // A Set: bn.variance is bn.var under the name BatchNormTensors uses.
      for (const { w, b, bn } of weights.values())
        tf.dispose([w, b, ...new Set(bn ? Object.values(bn) : [])]);
      weights.clear();
    },
  };
}

function batchNormVariables(name: string, channels: number): LayerWeights['bn'] {
  // tidy frees the initial values; the variables keep their own reference to the data.
  const variable = (part: BatchNormPart): tf.Variable<tf.Rank.R1> =>
    tf.tidy(() =>
      tf.variable(
        tf.fill([channels], identityValue(part)),
        (BN_TRAINABLE_PARTS as readonly string[]).includes(part),
        `${name}/${part}`,
      ),
    ) as tf.Variable<tf.Rank.R1>;
  const v = Object.fromEntries(
    [...BN_TRAINABLE_PARTS, ...BN_STAT_PARTS].map((p) => [p, variable(p)]),
  ) as Record<BatchNormPart, tf.Variable<tf.Rank.R1>>;
  return { ...v, variance: v.var };
}

function act(x: tf.Tensor, a: Activation): tf.Tensor {
  return a === 'relu6' ? tf.relu6(x) : x;
}

function runLayer(
  layer: Layer,
  env: Map<string, tf.Tensor>,
  weights: Map<string, LayerWeights>,
  training: boolean,
  /** Where to put each batch norm's batch moments; null when nobody reads them. */
  moments: Map<string, Moments> | null,
): tf.Tensor {
  const get = (name: string): tf.Tensor => {
    const t = env.get(name);
    if (!t) throw new Error(`forward: tensor "${name}" is not available (bad startAfter?)`);
    return t;
  };
  const lw = (): LayerWeights => {
    const w = weights.get(layer.name);
    if (!w) throw new Error(`forward: no weights for ${layer.name}`);
    return w;
  };
  const normalised = (z: tf.Tensor, bn: LayerWeights['bn']): tf.Tensor => {
    if (!bn) return z;
    const { out, moments: m } = applyBatchNorm(z, bn, training, moments !== null);
    if (m) moments?.set(layer.name, m);
    return out;
  };
  switch (layer.kind) {
    case 'conv': {
      const { w, b, bn } = lw();
      const pad = layer.padding === 'SAME' ? 'same' : 'valid';
      const z = tf.add(tf.conv2d(get(layer.input) as tf.Tensor4D, w as tf.Tensor4D, layer.stride, pad), b);
      return act(normalised(z, bn), layer.activation);
    }
    case 'depthwise': {
      const { w, b, bn } = lw();
      const pad = layer.padding === 'SAME' ? 'same' : 'valid';
      const y = tf.depthwiseConv2d(get(layer.input) as tf.Tensor4D, w as tf.Tensor4D, layer.stride, pad);
      return act(normalised(tf.add(y, b), bn), layer.activation);
    }
    case 'add':
      return act(tf.add(get(layer.inputs[0]), get(layer.inputs[1])), layer.activation);
    case 'global-avg-pool':
      return tf.mean(get(layer.input), [1, 2]);
    case 'dense': {
      const { w, b } = lw();
      return act(tf.add(tf.matMul(get(layer.input) as tf.Tensor2D, w as tf.Tensor2D), b), layer.activation);
    }
  }
}
