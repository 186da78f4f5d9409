import type { DenseHead, Layer, NetworkSpec } from '../base-model/network-spec';
import { encodeWeights, type NamedWeight, type WeightDtype, type WeightSpec } from './encode-weights';
import { attr, constNode, type NodeDef } from './node-def';

/** Output node names; they must match ModelOutputNames in src/shared/model/model-metadata.ts. */
export const GRAPH_OUTPUTS = {
  input: 'input',
  features: 'features',
  logit: 'logit',
  imagenetLogits: 'imagenet_logits',
} as const;

export interface GraphModelOptions {
  /** Binary head on the features → output `logit` ([n, 1]). */
  head?: DenseHead;
  /** Also expose the ImageNet classifier as `imagenet_logits` ([n, 1001]); needs spec.logits. */
  imagenetLogits?: boolean;
  weightDtype?: WeightDtype;
  /**
   * false: emit Conv2D / DepthwiseConv2dNative → BiasAdd [→ Relu6] as separate nodes, the way an unoptimised
   * converter output looks (the benchmark's reference model). Default true: one fused node per layer.
   */
  fuse?: boolean;
}

/** The contents of model.json minus the weight paths, plus the (unsharded) weight bytes. */
export interface GraphModelArtifacts {
  modelTopology: { node: NodeDef[]; library: Record<string, never>; versions: Record<string, never> };
  weightSpecs: WeightSpec[];
  weightData: Uint8Array;
  outputs: string[];
}

/**
 * Builds a tfjs graph model (the format tfjs-converter emits for a frozen TF graph) from a NetworkSpec:
 * Placeholder `input` [-1, S, S, 3] → _FusedConv2D / FusedDepthwiseConv2dNative (BiasAdd [+ Relu6]) / AddV2 →
 * Mean over H, W → Identity outputs. Fused ops are fine here: this graph only runs inference.
 */
export function buildGraphModel(spec: NetworkSpec, options: GraphModelOptions = {}): GraphModelArtifacts {
  const nodes: NodeDef[] = [];
  const weights: NamedWeight[] = [];
  const wantImagenet = options.imagenetLogits ?? false;
  if (wantImagenet && !spec.logits)
    throw new Error('imagenetLogits requested but the spec has no classifier');

  nodes.push({
    name: GRAPH_OUTPUTS.input,
    op: 'Placeholder',
    attr: { dtype: attr.type('DT_FLOAT'), shape: attr.shape([-1, spec.inputSize, spec.inputSize, 3]) },
  });
  const tensorNode = new Map<string, string>([[spec.input, GRAPH_OUTPUTS.input]]);
  const source = (t: string): string => {
    const n = tensorNode.get(t);
    if (!n) throw new Error(`tensor "${t}" is used before it is produced`);
    return n;
  };
  const addConst = (
    name: string,
    shape: number[],
    values: Float32Array | Int32Array,
    sensitive = false,
  ): string => {
    const dtype = values instanceof Int32Array ? 'DT_INT32' : 'DT_FLOAT';
    nodes.push(constNode(name, dtype, shape));
    weights.push({ name, shape, dtype: dtype === 'DT_INT32' ? 'int32' : 'float32', values, sensitive });
    return name;
  };

  // The classifier only feeds imagenet_logits: leave it out otherwise.
  const layers = spec.layers.filter((l) => wantImagenet || !(spec.logits && isAfterFeatures(spec, l)));
  const fuse = options.fuse ?? true;
  for (const layer of layers) {
    tensorNode.set(layer.output, emitLayer(layer, nodes, source, addConst, fuse));
  }

  const outputs: string[] = [];
  const identity = (name: string, from: string): void => {
    nodes.push({ name, op: 'Identity', input: [from], attr: { T: attr.type('DT_FLOAT') } });
    outputs.push(name);
  };
  identity(GRAPH_OUTPUTS.features, source(spec.features));
  if (wantImagenet && spec.logits) identity(GRAPH_OUTPUTS.imagenetLogits, source(spec.logits));
  if (options.head) {
    const { weights: kernel, bias } = options.head;
    if (kernel.length !== spec.featureSize) {
      throw new Error(`head has ${kernel.length} weights for ${spec.featureSize} features`);
    }
    const k = addConst('head/kernel', [spec.featureSize, 1], kernel);
    const b = addConst('head/bias', [1], Float32Array.of(bias), true);
    nodes.push(matMul('head/MatMul', source(spec.features), k));
    nodes.push({
      name: 'head/BiasAdd',
      op: 'AddV2',
      input: ['head/MatMul', b],
      attr: { T: attr.type('DT_FLOAT') },
    });
    identity(GRAPH_OUTPUTS.logit, 'head/BiasAdd');
  }

  const encoded = encodeWeights(weights, options.weightDtype ?? 'float32');
  return {
    modelTopology: { node: nodes, library: {}, versions: {} },
    weightSpecs: encoded.specs,
    weightData: encoded.data,
    outputs,
  };
}

/** Conv2D / DepthwiseConv2dNative, then BiasAdd, then Relu6 when the layer has one: three nodes. */
function emitUnfusedConv(
  layer: Extract<Layer, { kind: 'conv' | 'depthwise' }>,
  nodes: NodeDef[],
  input: string,
  filter: string,
  bias: string,
): string {
  const T = attr.type('DT_FLOAT');
  const conv = `${layer.name}/conv`;
  const withBias = layer.activation === 'relu6' ? `${layer.name}/BiasAdd` : layer.name;
  nodes.push({
    name: conv,
    op: layer.kind === 'conv' ? 'Conv2D' : 'DepthwiseConv2dNative',
    input: [input, filter],
    attr: {
      T,
      strides: attr.intList([1, layer.stride, layer.stride, 1]),
      padding: attr.str(layer.padding),
      data_format: attr.str('NHWC'),
      dilations: attr.intList([1, 1, 1, 1]),
      explicit_paddings: attr.intList([]),
    },
  });
  nodes.push({
    name: withBias,
    op: 'BiasAdd',
    input: [conv, bias],
    attr: { T, data_format: attr.str('NHWC') },
  });
  if (layer.activation === 'relu6')
    nodes.push({ name: layer.name, op: 'Relu6', input: [withBias], attr: { T } });
  return layer.name;
}

function isAfterFeatures(spec: NetworkSpec, layer: Layer): boolean {
  const featureIdx = spec.layers.findIndex((l) => l.output === spec.features);
  return spec.layers.indexOf(layer) > featureIdx;
}

function matMul(name: string, a: string, b: string): NodeDef {
  return {
    name,
    op: 'MatMul',
    input: [a, b],
    attr: { T: attr.type('DT_FLOAT'), transpose_a: attr.bool(false), transpose_b: attr.bool(false) },
  };
}

/** Emits the nodes of one layer; returns the name of the node holding its output. */
function emitLayer(
  layer: Layer,
  nodes: NodeDef[],
  source: (t: string) => string,
  addConst: (name: string, shape: number[], values: Float32Array | Int32Array, sensitive?: boolean) => string,
  fuse: boolean,
): string {
  const T = attr.type('DT_FLOAT');
  switch (layer.kind) {
    case 'conv':
    case 'depthwise': {
      const filter = addConst(`${layer.name}/filter`, [...layer.filterShape], layer.filter);
      const bias = addConst(`${layer.name}/bias`, [layer.bias.length], layer.bias, true);
      if (!fuse) return emitUnfusedConv(layer, nodes, source(layer.input), filter, bias);
      nodes.push({
        name: layer.name,
        op: layer.kind === 'conv' ? '_FusedConv2D' : 'FusedDepthwiseConv2dNative',
        input: [source(layer.input), filter, bias],
        attr: {
          T,
          num_args: attr.int(1),
          fused_ops: attr.strList(layer.activation === 'relu6' ? ['BiasAdd', 'Relu6'] : ['BiasAdd']),
          strides: attr.intList([1, layer.stride, layer.stride, 1]),
          padding: attr.str(layer.padding),
          data_format: attr.str('NHWC'),
          dilations: attr.intList([1, 1, 1, 1]),
          explicit_paddings: attr.intList([]),
          epsilon: attr.float(0),
          leakyrelu_alpha: attr.float(0.2),
        },
      });
      return layer.name;
    }
    case 'add': {
      const sum = layer.activation === 'relu6' ? `${layer.name}/sum` : layer.name;
      nodes.push({
        name: sum,
        op: 'AddV2',
        input: [source(layer.inputs[0]), source(layer.inputs[1])],
        attr: { T },
      });
      if (layer.activation === 'relu6')
        nodes.push({ name: layer.name, op: 'Relu6', input: [sum], attr: { T } });
      return layer.name;
    }
    case 'global-avg-pool': {
      const axis = addConst(`${layer.name}/axis`, [2], Int32Array.of(1, 2));
      nodes.push({
        name: layer.name,
        op: 'Mean',
        input: [source(layer.input), axis],
        attr: { T, Tidx: attr.type('DT_INT32'), keep_dims: attr.bool(false) },
      });
      return layer.name;
    }
    case 'dense': {
      const kernel = addConst(`${layer.name}/kernel`, [...layer.kernelShape], layer.kernel);
      const bias = addConst(`${layer.name}/bias`, [layer.bias.length], layer.bias, true);
      nodes.push(matMul(`${layer.name}/MatMul`, source(layer.input), kernel));
      const sum = layer.activation === 'relu6' ? `${layer.name}/sum` : layer.name;
      nodes.push({ name: sum, op: 'AddV2', input: [`${layer.name}/MatMul`, bias], attr: { T } });
      if (layer.activation === 'relu6')
        nodes.push({ name: layer.name, op: 'Relu6', input: [sum], attr: { T } });
      return layer.name;
    }
  }
}
