import { BN_EPSILON } from '../base-model/batch-norm';
import type { ParamEntry, ParamLayout } from './param-layout';

/** What one worker wrote: its image count and its gradient buffer (moments at the layout's mean/var slots). */
export interface WorkerMoments {
  images: number;
  buffer: Float32Array;
}

interface LayerSlots {
  mean: ParamEntry;
  var: ParamEntry;
  refMean: ParamEntry;
  refStd: ParamEntry;
}

function slotsByLayer(layout: ParamLayout): LayerSlots[] {
  const byLayer = new Map<string, Partial<LayerSlots>>();
  for (const e of layout.entries) {
    if (e.group !== 'stats') continue;
    const slots = byLayer.get(e.layer) ?? {};
    slots[e.part as keyof LayerSlots] = e;
    byLayer.set(e.layer, slots);
  }
  return [...byLayer.entries()].map(([layer, s]) => {
    if (!s.mean || !s.var || !s.refMean || !s.refStd)
      throw new Error(`${layer}: incomplete batch-norm layout`);
    return s as LayerSlots;
  });
}

/** Per channel, the mean and variance of several groups' values together (law of total variance). */
export function poolMoments(
  parts: readonly { images: number; mean: ArrayLike<number>; variance: ArrayLike<number> }[],
): { mean: Float64Array; variance: Float64Array } {
  const channels = parts[0]?.mean.length ?? 0;
  const mean = new Float64Array(channels);
  const second = new Float64Array(channels);
  const n = parts.reduce((a, p) => a + p.images, 0);
  if (n === 0) throw new Error('batch norm: no images to measure moments on');
  for (const p of parts) {
    for (let c = 0; c < channels; c++) {
      const m = p.mean[c]!;
      mean[c]! += (p.images * m) / n;
      second[c]! += (p.images * (p.variance[c]! + m * m)) / n;
    }
  }
  const variance = second.map((s, c) => Math.max(0, s - mean[c]! ** 2));
  return { mean, variance };
}

/** All workers' moments of one layer, read from their buffers' mean/var slots. */
function pooled(
  slots: LayerSlots,
  parts: readonly WorkerMoments[],
): { mean: Float64Array; variance: Float64Array } {
  const slice = (buffer: Float32Array, e: ParamEntry) => buffer.subarray(e.offset, e.offset + e.size);
  return poolMoments(
    parts.map(({ images, buffer }) => ({
      images,
      mean: slice(buffer, slots.mean),
      variance: slice(buffer, slots.var),
    })),
  );
}

/**
 * Before the first step: the moments of each batch-normalised input over the train images become both the
 * reference (refMean, refStd = √(var + ε)) and the running moments, which keeps every layer the identity.
 */
export function setReferenceMoments(
  params: Float32Array,
  layout: ParamLayout,
  parts: readonly WorkerMoments[],
): void {
  for (const slots of slotsByLayer(layout)) {
    const { mean, variance } = pooled(slots, parts);
    for (let c = 0; c < mean.length; c++) {
      params[slots.mean.offset + c] = mean[c]!;
      params[slots.var.offset + c] = variance[c]!;
      params[slots.refMean.offset + c] = mean[c]!;
      params[slots.refStd.offset + c] = Math.sqrt(variance[c]! + BN_EPSILON);
    }
  }
}

/** After a step: running ← momentum · running + (1 − momentum) · the step's pooled batch moments. */
export function updateRunningMoments(
  params: Float32Array,
  layout: ParamLayout,
  parts: readonly WorkerMoments[],
  momentum: number,
): void {
  for (const slots of slotsByLayer(layout)) {
    const { mean, variance } = pooled(slots, parts);
    for (let c = 0; c < mean.length; c++) {
      const m = slots.mean.offset + c;
      const v = slots.var.offset + c;
      params[m] = momentum * params[m]! + (1 - momentum) * mean[c]!;
      params[v] = momentum * params[v]! + (1 - momentum) * variance[c]!;
    }
  }
}
