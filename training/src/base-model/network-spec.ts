/**
 * A small, serialisable description of a feed-forward conv net (the float MobileNetV2 here), independent of
 * TFLite and of tfjs. Weights are already in tfjs layouts:
 *   conv      filter [kh, kw, in, out]
 *   depthwise filter [kh, kw, in, multiplier]
 *   dense     kernel [in, out]
 * Tensors are referred to by name; `spec.input` is the image (NHWC, float, already normalised).
 */
export type Activation = 'none' | 'relu6';
export type PaddingMode = 'SAME' | 'VALID';

interface LayerBase {
  /** Unique, stable name, e.g. "block_3/expand"; also used for weight names in exported models. */
  name: string;
  /** 0 = stem, 1..17 = inverted-residual blocks, 18 = the final 1×1 conv to 1280, 19 = classifier. */
  block: number;
  /**
   * True for the layers that run at 112×112 (the stem and the first two inverted-residual blocks):
   * fine-tuning keeps these frozen — they are the most generic and the most expensive to back-propagate.
   */
  highRes: boolean;
  output: string;
}

export interface ConvLayer extends LayerBase {
  kind: 'conv';
  input: string;
  filter: Float32Array;
  /** [kh, kw, in, out] */
  filterShape: [number, number, number, number];
  bias: Float32Array;
  stride: number;
  padding: PaddingMode;
  activation: Activation;
}

export interface DepthwiseLayer extends LayerBase {
  kind: 'depthwise';
  input: string;
  filter: Float32Array;
  /** [kh, kw, in, multiplier] */
  filterShape: [number, number, number, number];
  bias: Float32Array;
  stride: number;
  padding: PaddingMode;
  activation: Activation;
}

export interface AddLayer extends LayerBase {
  kind: 'add';
  inputs: [string, string];
  activation: Activation;
}

/** Mean over height and width: [n, h, w, c] → [n, c]. */
export interface GlobalAvgPoolLayer extends LayerBase {
  kind: 'global-avg-pool';
  input: string;
}

export interface DenseLayer extends LayerBase {
  kind: 'dense';
  input: string;
  kernel: Float32Array;
  /** [in, out] */
  kernelShape: [number, number];
  bias: Float32Array;
  activation: Activation;
}

export type Layer = ConvLayer | DepthwiseLayer | AddLayer | GlobalAvgPoolLayer | DenseLayer;
export type WeightedLayer = ConvLayer | DepthwiseLayer | DenseLayer;

export interface NetworkSpec {
  name: string;
  /** Name of the input tensor: [n, size, size, 3] float32, already normalised. */
  input: string;
  inputSize: number;
  /** Topologically ordered. */
  layers: Layer[];
  /** The pooled feature vector, [n, featureSize]. */
  features: string;
  featureSize: number;
  /** Pre-softmax classifier logits when the network keeps its classifier, [n, numClasses]. */
  logits?: string;
  numClasses?: number;
}

/**
 * A binary head on the pooled features: logit = features · weights + bias. Structurally the same as
 * LinearHead in training/src/head/logistic-head.ts, so a trained head can be passed as is.
 */
export interface DenseHead {
  /** [featureSize] (i.e. a [featureSize, 1] kernel) */
  weights: Float32Array;
  bias: number;
}

export function isWeighted(layer: Layer): layer is WeightedLayer {
  return layer.kind === 'conv' || layer.kind === 'depthwise' || layer.kind === 'dense';
}

/** The spec up to and including the layer that produces `features` (drops the ImageNet classifier). */
export function featureExtractor(spec: NetworkSpec): NetworkSpec {
  const end = spec.layers.findIndex((l) => l.output === spec.features);
  if (end < 0) throw new Error(`no layer produces features tensor "${spec.features}"`);
  const rest: NetworkSpec = { ...spec, layers: spec.layers.slice(0, end + 1) };
  delete rest.logits;
  delete rest.numClasses;
  return rest;
}
