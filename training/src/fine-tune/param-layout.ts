import {
  BN_STAT_PARTS,
  BN_TRAINABLE_PARTS,
  identityValue,
  type BatchNormPart,
} from '../base-model/batch-norm';
import { featureExtractor, isWeighted, type DenseHead, type NetworkSpec } from '../base-model/network-spec';

/** One trainable tensor's place in the flat parameter vector shared by the main thread and the workers. */
export interface ParamEntry {
  /** Layer name, or "head" for the new classifier. */
  layer: string;
  part: 'w' | 'b' | BatchNormPart;
  shape: number[];
  offset: number;
  size: number;
  /** backbone and head train (Adam); stats are batch-norm state the training loop sets directly. */
  group: 'backbone' | 'head' | 'stats';
}

export interface ParamLayout {
  entries: ParamEntry[];
  total: number;
}

/**
 * The flat layout: every trainable backbone layer's [w, b] (with `batchNorm`, convolutions add [gamma, beta]) in
 * network order (the order of createTrainableNetwork's trainableVariables), then the head's kernel
 * [featureSize, 1] and bias [1], then (batchNorm only) each convolution's BN_STAT_PARTS (its statVariables).
 */
export function paramLayout(
  spec: NetworkSpec,
  trainable: (highRes: boolean) => boolean,
  options: { batchNorm?: boolean } = {},
): ParamLayout {
  const entries: ParamEntry[] = [];
  const normalised: { layer: string; channels: number }[] = [];
  let offset = 0;
  const push = (layer: string, part: ParamEntry['part'], shape: number[], group: ParamEntry['group']) => {
    const size = shape.reduce((a, b) => a * b, 1);
    entries.push({ layer, part, shape, offset, size, group });
    offset += size;
  };
  for (const layer of featureExtractor(spec).layers) {
    if (!isWeighted(layer) || !trainable(layer.highRes)) continue;
    push(
      layer.name,
      'w',
      layer.kind === 'dense' ? [...layer.kernelShape] : [...layer.filterShape],
      'backbone',
    );
    push(layer.name, 'b', [layer.bias.length], 'backbone');
    if (options.batchNorm && layer.kind !== 'dense') {
      for (const part of BN_TRAINABLE_PARTS) push(layer.name, part, [layer.bias.length], 'backbone');
      normalised.push({ layer: layer.name, channels: layer.bias.length });
    }
  }
  push('head', 'w', [spec.featureSize, 1], 'head');
  push('head', 'b', [1], 'head');
  for (const { layer, channels } of normalised)
    for (const part of BN_STAT_PARTS) push(layer, part, [channels], 'stats');
  return { entries, total: offset };
}

/** The base network's weights in layout order, with a small seeded-uniform head (Glorot) and zero bias. */
export function initialParams(spec: NetworkSpec, layout: ParamLayout, uniform: () => number): Float32Array {
  const params = new Float32Array(layout.total);
  const byName = new Map(featureExtractor(spec).layers.map((l) => [l.name, l]));
  for (const e of layout.entries) {
    if (e.layer === 'head') {
      if (e.part === 'w') {
        const limit = Math.sqrt(6 / (spec.featureSize + 1));
        for (let i = 0; i < e.size; i++) params[e.offset + i] = (2 * uniform() - 1) * limit;
      }
      continue;
    }
    if (e.part !== 'w' && e.part !== 'b') {
      // Batch norm starts as the identity; fine-tune measures the reference moments before the first step.
      params.fill(identityValue(e.part), e.offset, e.offset + e.size);
      continue;
    }
    const layer = byName.get(e.layer);
    if (!layer || !isWeighted(layer)) throw new Error(`param layout: no weighted layer ${e.layer}`);
    const values = e.part === 'b' ? layer.bias : layer.kind === 'dense' ? layer.kernel : layer.filter;
    params.set(values, e.offset);
  }
  return params;
}

/** Overwrites the head's kernel and bias in a layout-ordered parameter vector (the LP-FT warm start). */
export function setHead(params: Float32Array, layout: ParamLayout, head: DenseHead): void {
  const w = layout.entries.find((e) => e.layer === 'head' && e.part === 'w');
  const b = layout.entries.find((e) => e.layer === 'head' && e.part === 'b');
  if (!w || !b || head.weights.length !== w.size)
    throw new Error(`head of ${head.weights.length} weights does not fit the layout's ${w?.size ?? 0}`);
  params.set(head.weights, w.offset);
  params[b.offset] = head.bias;
}
