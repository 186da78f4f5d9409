import type { DomainGuardSpec } from '../model/model-metadata';

export interface DomainAssessment {
  /** About 1 for typical training images; grows as the image looks less like dermoscopy to the network. */
  distance: number;
  inDomain: boolean;
}

/**
 * Distance of a pooled feature vector (the model's `features` output, one row of [n, 1280]) from the
 * training images, in two halves that each average about 1 in-domain:
 *   - Mahalanobis distance within the top-k principal subspace (T²/k): unusual amounts of the usual variation;
 *   - squared residual outside it over its mean per-dimension variance (Q/((d−k)·σ²)): patterns the training
 *     images never had — what a cat, a screen or a landscape produce.
 * distance = sqrt((T²/k + Q/((d−k)·σ²)) / 2). Residual alone would let a 1264-dimensional term drown the
 * subspace; averaging the two normalised halves keeps both heard.
 */
export function domainDistance(features: ArrayLike<number>, spec: DomainGuardSpec): number {
  const d = spec.featureMean.length;
  const k = spec.components.length;
  if (features.length !== d) throw new RangeError(`Expected ${d} features, got ${features.length}.`);
  const centred = new Float64Array(d);
  let total = 0;
  for (let j = 0; j < d; j++) {
    const v = features[j]! - spec.featureMean[j]!;
    centred[j] = v;
    total += v * v;
  }
  let t2 = 0;
  let explained = 0;
  for (let i = 0; i < k; i++) {
    const row = spec.components[i]!;
    let p = 0;
    for (let j = 0; j < d; j++) p += row[j]! * centred[j]!;
    explained += p * p;
    t2 += (p * p) / spec.variances[i]!;
  }
  const residual = Math.max(0, total - explained);
  const subspace = k > 0 ? t2 / k : 0;
  const outside = d > k ? residual / ((d - k) * spec.residualVariance) : 0;
  return Math.sqrt((subspace + outside) / (k > 0 && d > k ? 2 : 1));
}

/** Whether the network sees a dermoscopy-like image: `features` from the model, `guard` from metadata.json. */
export function assessDomain(features: ArrayLike<number>, guard: DomainGuardSpec): DomainAssessment {
  const distance = domainDistance(features, guard);
  return { distance, inDomain: Number.isFinite(distance) && distance <= guard.maxDistance };
}
