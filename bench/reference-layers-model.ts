import * as tf from '@tensorflow/tfjs';
import type { Activation, Layer, NetworkSpec, PaddingMode } from '../training/src/base-model/network-spec';

/** Output names of the layers reference, in the order predict() returns them. */
export const LAYERS_REFERENCE_OUTPUTS = ['features', 'imagenet_logits'] as const;

/** Keras layer names: the spec's "block_3/expand" style, with the slash that Keras would not use. */
const kerasName = (name: string) => name.replace(/\//g, '_');

const padding = (p: PaddingMode) => (p === 'SAME' ? 'same' : 'valid');

/**
 * The converted base network as a plain Keras-style tfjs layers model, the way keras.applications'
 * MobileNetV2 looks once its batch norm is folded: Conv2D / DepthwiseConv2D with a bias, then a separate
 * ReLU(max 6) layer; Add for the residuals; GlobalAveragePooling2D; Dense for the 1001 ImageNet logits.
 * float32 weights taken from the spec. No ZeroPadding2D: tfjs's 'same' pads like TF/TFLite SAME (the extra
 * row/column at the bottom/right for stride 2), which is what Keras's explicit (0, 1) padding reproduces.
 * Outputs: [features [n, 1280], imagenet_logits [n, 1001]].
 */
export function referenceLayersModel(spec: NetworkSpec): tf.LayersModel {
  if (!spec.logits) throw new Error('the layers reference needs the ImageNet classifier in the spec');
  const input = tf.input({ shape: [spec.inputSize, spec.inputSize, 3], name: 'input', dtype: 'float32' });
  const tensors = new Map<string, tf.SymbolicTensor>([[spec.input, input]]);
  const weights: [tf.layers.Layer, Float32Array[], number[][]][] = [];
  const source = (t: string): tf.SymbolicTensor => {
    const s = tensors.get(t);
    if (!s) throw new Error(`tensor "${t}" is used before it is produced`);
    return s;
  };
  for (const layer of spec.layers) {
    const built = buildLayer(layer, source);
    if (built.weights) weights.push([built.layer, ...built.weights]);
    tensors.set(layer.output, withActivation(built.output, activationOf(layer), layer.name));
  }
  const model = tf.model({
    inputs: input,
    outputs: [source(spec.features), source(spec.logits)],
    name: 'mobilenet_v2_reference_layers',
  });
  for (const [layer, values, shapes] of weights) {
    const ts = values.map((v, i) => tf.tensor(v, shapes[i], 'float32'));
    layer.setWeights(ts);
    tf.dispose(ts);
  }
  return model;
}

function activationOf(layer: Layer): Activation {
  return layer.kind === 'global-avg-pool' ? 'none' : layer.activation;
}

/** Keras's MobileNetV2 applies ReLU6 as its own layer (`layers.ReLU(6.)`), not as a conv activation. */
function withActivation(x: tf.SymbolicTensor, activation: Activation, name: string): tf.SymbolicTensor {
  if (activation === 'none') return x;
  return tf.layers.reLU({ maxValue: 6, name: `${kerasName(name)}_relu` }).apply(x) as tf.SymbolicTensor;
}

interface BuiltLayer {
  layer: tf.layers.Layer;
  output: tf.SymbolicTensor;
  /** Values and shapes for layer.setWeights, in the layer's weight order. */
  weights?: [Float32Array[], number[][]];
}

function buildLayer(layer: Layer, source: (t: string) => tf.SymbolicTensor): BuiltLayer {
  const name = kerasName(layer.name);
  switch (layer.kind) {
    case 'conv': {
      const [kh, kw, , out] = layer.filterShape;
      const l = tf.layers.conv2d({
        name,
        filters: out,
        kernelSize: [kh, kw],
        strides: layer.stride,
        padding: padding(layer.padding),
        useBias: true,
      });
      return {
        layer: l,
        output: l.apply(source(layer.input)) as tf.SymbolicTensor,
        weights: [
          [layer.filter, layer.bias],
          [[...layer.filterShape], [layer.bias.length]],
        ],
      };
    }
    case 'depthwise': {
      const [kh, kw, , multiplier] = layer.filterShape;
      const l = tf.layers.depthwiseConv2d({
        name,
        kernelSize: [kh, kw],
        depthMultiplier: multiplier,
        strides: layer.stride,
        padding: padding(layer.padding),
        useBias: true,
      });
      return {
        layer: l,
        output: l.apply(source(layer.input)) as tf.SymbolicTensor,
        weights: [
          [layer.filter, layer.bias],
          [[...layer.filterShape], [layer.bias.length]],
        ],
      };
    }
    case 'add': {
      const l = tf.layers.add({ name });
      return { layer: l, output: l.apply(layer.inputs.map(source)) as tf.SymbolicTensor };
    }
    case 'global-avg-pool': {
      const l = tf.layers.globalAveragePooling2d({ name });
      return { layer: l, output: l.apply(source(layer.input)) as tf.SymbolicTensor };
    }
    case 'dense': {
      const l = tf.layers.dense({ name, units: layer.kernelShape[1], useBias: true });
      return {
        layer: l,
        output: l.apply(source(layer.input)) as tf.SymbolicTensor,
        weights: [
          [layer.kernel, layer.bias],
          [[...layer.kernelShape], [layer.bias.length]],
        ],
      };
    }
  }
}
