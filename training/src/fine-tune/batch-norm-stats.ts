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

/** Per channel, the mean and variance of all workers' values together (law of total variance). */
function pooled(
  slots: LayerSlots,
  parts: readonly WorkerMoments[],
): { mean: Float64Array; variance: Float64Array } {
  const channels = slots.mean.size;
  const mean = new Float64Array(channels);
  const second = new Float64Array(channels);
  const n = parts.reduce((a, p) => a + p.images, 0);
  for (const { images, buffer } of parts) {
    for (let c = 0; c < channels; c++) {
      const m = buffer[slots.mean.offset + c]!;
      mean[c]! += (images * m) / n;
      second[c]! += (images * (buffer[slots.var.offset + c]! + m * m)) / n;
    }
  }
  const variance = second.map((s, c) => Math.max(0, s - mean[c]! ** 2));
  return { mean, variance };
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
