import { dequantise, ohwiToHwio } from './dequantise';
import type { Activation, Layer, NetworkSpec, PaddingMode } from './network-spec';
import type { TfliteModel, TfliteOperator, TfliteTensor } from './read-tflite';
import type { FusedActivation } from './tflite-schema';

/** Layers in blocks up to this one (stem = 0, first two inverted-residual blocks = 1, 2) run at 112×112. */
export const LAST_HIGH_RES_BLOCK = 2;

/**
 * Converts a (quantised or float) MobileNet-style TFLite graph into a float NetworkSpec:
 * CONV_2D / DEPTHWISE_CONV_2D / ADD with fused ReLU6 or none, a whole-map AVERAGE_POOL_2D (→ the pooled
 * feature vector), then an optional 1×1 CONV_2D or FULLY_CONNECTED classifier, RESHAPE/SQUEEZE and SOFTMAX.
 * Softmax is dropped so the spec's `logits` are pre-softmax. Anything else is rejected loudly rather than
 * converted approximately.
 */
export function tfliteToSpec(model: TfliteModel, name = 'mobilenet_v2'): NetworkSpec {
  const inputIndex = model.inputs[0];
  if (inputIndex === undefined || model.inputs.length !== 1)
    throw new Error('expected exactly one model input');
  const inputTensor = tensorAt(model, inputIndex);
  const [, h, w, c] = inputTensor.shape;
  if (h !== w || c !== 3) throw new Error(`expected a square RGB input, got [${inputTensor.shape}]`);

  const names = new Map<number, string>([[inputIndex, 'input']]);
  const nameOf = (i: number): string => {
    const n = names.get(i);
    if (!n) throw new Error(`tensor ${tensorAt(model, i).name} is used before it is produced`);
    return n;
  };
  const layers: Layer[] = [];
  let features: string | undefined;
  let featureSize = 0;
  let logits: string | undefined;
  let numClasses: number | undefined;
  let depthwiseSeen = false;
  let linearConvs = 0;
  let classifierSeen = false;

  for (const op of model.operators) {
    const out = op.outputs[0]!;
    const outShape = tensorAt(model, out).shape;
    const blockOf = (): number => (depthwiseSeen ? 1 + linearConvs : 0);
    switch (op.options.kind) {
      case 'conv': {
        const o = op.options;
        const input = nameOf(op.inputs[0]!);
        const { filter, filterShape, bias } = convWeights(model, op);
        if (o.dilationH !== 1 || o.dilationW !== 1 || o.strideH !== o.strideW) {
          throw new Error(`conv ${tensorAt(model, out).name}: dilation / unequal strides not supported`);
        }
        if (input === features) {
          // A 1×1 conv on the 1×1 pooled map is the classifier: a dense layer on the feature vector.
          if (filterShape[0] !== 1 || filterShape[1] !== 1) throw new Error('classifier conv must be 1×1');
          const layerName = 'classifier/dense';
          layers.push({
            kind: 'dense',
            name: layerName,
            block: 19,
            highRes: false,
            input,
            output: layerName,
            kernel: filter,
            kernelShape: [filterShape[2], filterShape[3]],
            bias,
            activation: activation(o.activation),
          });
          names.set(out, layerName);
          classifierSeen = true;
          break;
        }
        const block = blockOf();
        const act = activation(o.activation);
        const layerName =
          block === 0
            ? 'stem/conv'
            : block >= 18
              ? `block_${block}/conv_1x1`
              : `block_${block}/${act === 'none' ? 'project' : 'expand'}`;
        layers.push({
          kind: 'conv',
          name: layerName,
          block,
          highRes: block <= LAST_HIGH_RES_BLOCK,
          input,
          output: layerName,
          filter,
          filterShape,
          bias,
          stride: o.strideH,
          padding: padding(o.padding),
          activation: act,
        });
        names.set(out, layerName);
        if (act === 'none' && block > 0) linearConvs++;
        break;
      }
      case 'depthwise': {
        const o = op.options;
        depthwiseSeen = true;
        const block = blockOf();
        const inputT = tensorAt(model, op.inputs[0]!);
        const wT = tensorAt(model, op.inputs[1]!);
        const inC = inputT.shape[3]!;
        const [, kh = 0, kw = 0, outC = 0] = wT.shape;
        const filter = dequantise(model, wT);
        const bias = biasOf(model, op, inputT, wT, outC);
        if (o.dilationH !== 1 || o.dilationW !== 1 || o.strideH !== o.strideW) {
          throw new Error(`depthwise ${wT.name}: dilation / unequal strides not supported`);
        }
        const layerName = `block_${block}/depthwise`;
        layers.push({
          kind: 'depthwise',
          name: layerName,
          block,
          highRes: block <= LAST_HIGH_RES_BLOCK,
          input: nameOf(op.inputs[0]!),
          output: layerName,
          // [1, kh, kw, in*mult] and [kh, kw, in, mult] share one memory layout (channel = i*mult + m).
          filter,
          filterShape: [kh, kw, inC, outC / inC],
          bias,
          stride: o.strideH,
          padding: padding(o.padding),
          activation: activation(o.activation),
        });
        names.set(out, layerName);
        break;
      }
      case 'add': {
        const block = linearConvs;
        const layerName = `block_${block}/add`;
        layers.push({
          kind: 'add',
          name: layerName,
          block,
          highRes: block <= LAST_HIGH_RES_BLOCK,
          inputs: [nameOf(op.inputs[0]!), nameOf(op.inputs[1]!)],
          output: layerName,
          activation: activation(op.options.activation),
        });
        names.set(out, layerName);
        break;
      }
      case 'pool': {
        const o = op.options;
        const inShape = tensorAt(model, op.inputs[0]!).shape;
        if (
          op.op !== 'AVERAGE_POOL_2D' ||
          o.padding !== 'VALID' ||
          o.filterH !== inShape[1] ||
          o.filterW !== inShape[2]
        ) {
          throw new Error(`only a whole-map average pool is supported (got ${op.op} ${JSON.stringify(o)})`);
        }
        if (activation(o.activation) !== 'none')
          throw new Error('activation after the pool is not supported');
        const layerName = 'pool/global_avg';
        layers.push({
          kind: 'global-avg-pool',
          name: layerName,
          block: 18,
          highRes: false,
          input: nameOf(op.inputs[0]!),
          output: layerName,
        });
        names.set(out, layerName);
        features = layerName;
        featureSize = inShape[3]!;
        break;
      }
      case 'fully-connected': {
        // FULLY_CONNECTED weights are [out, in]; dense wants [in, out].
        const wT = tensorAt(model, op.inputs[1]!);
        const [outN = 0, inN = 0] = wT.shape;
        const kernel = ohwiToHwio(dequantise(model, wT), [outN, 1, 1, inN]);
        const bias = biasOf(model, op, tensorAt(model, op.inputs[0]!), wT, outN);
        const layerName = 'classifier/dense';
        layers.push({
          kind: 'dense',
          name: layerName,
          block: 19,
          highRes: false,
          input: nameOf(op.inputs[0]!),
          output: layerName,
          kernel,
          kernelShape: [inN, outN],
          bias,
          activation: activation(op.options.activation),
        });
        names.set(out, layerName);
        classifierSeen = true;
        break;
      }
      case 'reshape':
        // Only the [1,1,1,C] → [1,C] squeeze after the pool or classifier: the spec's tensors are already 2-D.
        if (outShape.length !== 2) throw new Error(`unsupported reshape to [${outShape}]`);
        names.set(out, nameOf(op.inputs[0]!));
        break;
      case 'softmax':
        logits = nameOf(op.inputs[0]!);
        numClasses = outShape[outShape.length - 1];
        names.set(out, logits);
        break;
      default:
        if (op.op === 'SQUEEZE') {
          names.set(out, nameOf(op.inputs[0]!));
          break;
        }
        throw new Error(`unsupported TFLite operator ${op.op}`);
    }
  }
  if (!features) throw new Error('no global average pool found: cannot locate the feature vector');
  if (classifierSeen && !logits) {
    // No softmax: the classifier output itself is the logits.
    const last = layers[layers.length - 1]!;
    logits = last.output;
    numClasses = last.kind === 'dense' ? last.kernelShape[1] : undefined;
  }
  const spec: NetworkSpec = { name, input: 'input', inputSize: h!, layers, features, featureSize };
  if (logits && numClasses) {
    spec.logits = logits;
    spec.numClasses = numClasses;
  }
  return spec;
}

function tensorAt(model: TfliteModel, i: number): TfliteTensor {
  const t = model.tensors[i];
  if (!t) throw new Error(`tensor index ${i} out of range`);
  return t;
}

function activation(a: FusedActivation): Activation {
  if (a === 'NONE') return 'none';
  if (a === 'RELU6') return 'relu6';
  throw new Error(`unsupported fused activation ${a}`);
}

function padding(p: 'SAME' | 'VALID'): PaddingMode {
  return p;
}

function convWeights(
  model: TfliteModel,
  op: TfliteOperator,
): { filter: Float32Array; filterShape: [number, number, number, number]; bias: Float32Array } {
  const wT = tensorAt(model, op.inputs[1]!);
  const [o = 0, kh = 0, kw = 0, i = 0] = wT.shape;
  const filter = ohwiToHwio(dequantise(model, wT), wT.shape);
  const bias = biasOf(model, op, tensorAt(model, op.inputs[0]!), wT, o);
  return { filter, filterShape: [kh, kw, i, o], bias };
}

/** The op's bias (third input) as floats, or zeros when the op has none. */
function biasOf(
  model: TfliteModel,
  op: TfliteOperator,
  input: TfliteTensor,
  weights: TfliteTensor,
  n: number,
): Float32Array {
  const bi = op.inputs[2];
  if (bi === undefined || bi < 0) return new Float32Array(n);
  // int32 biases are quantised with scale input_scale * weight_scale; used only if the file omits it.
  const fallback = (input.quantization?.scale[0] ?? 1) * (weights.quantization?.scale[0] ?? 1);
  const b = dequantise(model, tensorAt(model, bi), fallback);
  if (b.length !== n)
    throw new Error(`bias ${tensorAt(model, bi).name}: ${b.length} values for ${n} channels`);
  return b;
}
