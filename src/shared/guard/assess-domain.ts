import type { DomainGuardSpec } from '../model/model-metadata';

export interface DomainAssessment {
  /** About 1 for typical training images; grows as the image looks less like dermoscopy to the network. */
  distance: number;
  inDomain: boolean;
}

/**
 * Distance of a pooled feature vector (the model's `features` output, one row of [n, 1280]) from the
 * training images: the residual left after projecting the (unit-length, when `featureNorm` is 'l2') centred
 * vector onto the top-k principal directions, over its mean per-dimension variance in training:
 *   distance = sqrt(Q / ((d − k) · residualVariance)),  Q = |x − mean|² − Σᵢ ((x − mean) · componentᵢ)²,
 * about 1 in-domain. A photo the network was not trained on (a cat, a screen, a landscape) produces feature
 * patterns outside the dermoscopy subspace, so Q grows. The Mahalanobis term within the subspace (via
 * `variances`) is not part of the distance: measured on this model, off-domain images are ordinary there and
 * adding it only blurred the separation (docs/guard.md).
 */
export function domainDistance(features: ArrayLike<number>, spec: DomainGuardSpec): number {
  const d = spec.featureMean.length;
  const k = spec.components.length;
  if (features.length !== d) throw new RangeError(`Expected ${d} features, got ${features.length}.`);
  let scale = 1;
  if (spec.featureNorm === 'l2') {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += features[j]! * features[j]!;
    scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  }
  const centred = new Float64Array(d);
  let total = 0;
  for (let j = 0; j < d; j++) {
    const v = features[j]! * scale - spec.featureMean[j]!;
    centred[j] = v;
    total += v * v;
  }
  let explained = 0;
  for (let i = 0; i < k; i++) {
    const row = spec.components[i]!;
    let p = 0;
    for (let j = 0; j < d; j++) p += row[j]! * centred[j]!;
    explained += p * p;
  }
  const residual = Math.max(0, total - explained);
  return Math.sqrt(residual / (Math.max(1, d - k) * spec.residualVariance));
}

/** Whether the network sees a dermoscopy-like image: `features` from the model, `guard` from metadata.json. */
export function assessDomain(features: ArrayLike<number>, guard: DomainGuardSpec): DomainAssessment {
  const distance = domainDistance(features, guard);
  return { distance, inDomain: Number.isFinite(distance) && distance <= guard.maxDistance };
}
