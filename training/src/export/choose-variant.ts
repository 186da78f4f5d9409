import type { WeightDtype } from '../graph-model/encode-weights';

export interface VariantMeasurement {
  dtype: WeightDtype;
  /** Total weight bytes (all shards). */
  bytes: number;
  /** AUC of the written-and-reloaded model's logits on the valid split. */
  validAuc: number;
}

/** Largest valid-AUC loss against float32 a smaller variant may have and still ship. */
export const MAX_AUC_LOSS = 0.005;

/**
 * The smallest variant whose valid AUC is within MAX_AUC_LOSS of float32's. Chosen on valid only: the test
 * split is measured after this choice and never feeds back into it.
 */
export function chooseVariant(
  variants: readonly VariantMeasurement[],
  maxLoss = MAX_AUC_LOSS,
): VariantMeasurement {
  const reference = variants.find((v) => v.dtype === 'float32');
  if (!reference) throw new Error('the float32 variant is the reference and must be measured');
  const eligible = variants.filter((v) => v.validAuc >= reference.validAuc - maxLoss);
  return eligible.reduce((best, v) => (v.bytes < best.bytes ? v : best), reference);
}
