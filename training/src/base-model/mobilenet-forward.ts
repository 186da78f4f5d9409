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
}

export interface TrainableNetwork {
  /** The feature-extractor spec this network was built from (the weights in it are the initial ones). */
  readonly spec: NetworkSpec;
  readonly trainableVariables: tf.Variable[];
  /** Names of the trainable layers, in order. */
  readonly trainableLayers: string[];
  /** Name of the last layer of the leading run of frozen layers (undefined if the first layer trains). */
  readonly prefixEnd: string | undefined;
  forward(x: tf.Tensor4D, training: boolean, startAfter?: string): { features: tf.Tensor2D };
  toSpec(): NetworkSpec;
  dispose(): void;
}

interface LayerWeights {
  w: tf.Tensor;
  b: tf.Tensor1D;
  trainable: boolean;
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
      weights.set(layer.name, { w: wv, b: bv as tf.Variable<tf.Rank.R1>, trainable });
      trainableVariables.push(wv, bv);
      trainableLayers.push(layer.name);
      stillFrozen = false;
    } else {
      weights.set(layer.name, { w, b, trainable });
      if (stillFrozen) prefixEnd = layer.name;
    }
  }

  const forward = (x: tf.Tensor4D, _training: boolean, startAfter?: string): { features: tf.Tensor2D } => {
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
      for (const layer of base.layers.slice(start)) env.set(layer.output, runLayer(layer, env, weights));
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
      const w = lw.w.dataSync() as Float32Array;
      const b = lw.b.dataSync() as Float32Array;
      return layer.kind === 'dense'
        ? { ...layer, kernel: Float32Array.from(w), bias: Float32Array.from(b) }
        : { ...layer, filter: Float32Array.from(w), bias: Float32Array.from(b) };
    }),
  });

  return {
    spec: base,
    trainableVariables,
    trainableLayers,
    prefixEnd,
    forward,
    toSpec,
    dispose: () => {
      for (const { w, b } of weights.values()) tf.dispose([w, b]);
      weights.clear();
    },
  };
}

function act(x: tf.Tensor, a: Activation): tf.Tensor {
  return a === 'relu6' ? tf.relu6(x) : x;
}

function runLayer(layer: Layer, env: Map<string, tf.Tensor>, weights: Map<string, LayerWeights>): tf.Tensor {
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
  switch (layer.kind) {
    case 'conv': {
      const { w, b } = lw();
      const pad = layer.padding === 'SAME' ? 'same' : 'valid';
      return act(
        tf.add(tf.conv2d(get(layer.input) as tf.Tensor4D, w as tf.Tensor4D, layer.stride, pad), b),
        layer.activation,
      );
    }
    case 'depthwise': {
      const { w, b } = lw();
      const pad = layer.padding === 'SAME' ? 'same' : 'valid';
      const y = tf.depthwiseConv2d(get(layer.input) as tf.Tensor4D, w as tf.Tensor4D, layer.stride, pad);
      return act(tf.add(y, b), layer.activation);
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
