import { domainDistance } from '../../../src/shared/guard/assess-domain';
import type { DomainGuardSpec } from '../../../src/shared/model/model-metadata';
import { principalComponents } from './principal-components';

export interface FitDomainGuardOptions {
  /** Principal components kept (default 8: 8 × 1280 numbers in metadata.json; the export stage asks for 16). */
  components?: number;
  /**
   * Further in-domain features (e.g. the valid split) whose distances, with the training features', set
   * `maxDistance`; they do not shape the mean or the components. Never the test split.
   */
  calibrationFeatures?: readonly ArrayLike<number>[];
  /** Quantile of the in-domain distances taken as the limit (default 0.995). */
  acceptQuantile?: number;
  /** Headroom multiplied onto that quantile, for photos a little further from the training set (default 1.05). */
  margin?: number;
  /** Significant digits kept in the spec (default 5). */
  digits?: number;
}

function unitLength(f: ArrayLike<number>): Float64Array {
  let norm = 0;
  for (let j = 0; j < f.length; j++) norm += f[j]! * f[j]!;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  return Float64Array.from({ length: f.length }, (_, j) => f[j]! * inv);
}

/**
 * Fit the domain guard from the shipped model's own pooled features of the training images, so the export
 * stage can refit it whenever the network changes. `trainFeatures` should span the dermoscopy the app must
 * accept: the seed train split AND other dermoscopy (ISIC 2017) — fitted on the seed alone, ISIC images land
 * outside (87% accepted, docs/guard.md). The limit is a high quantile of the distances of the training and
 * calibration images, so ≥ 98% of in-domain dermoscopy passes.
 */
export function fitDomainGuard(
  trainFeatures: readonly ArrayLike<number>[],
  options: FitDomainGuardOptions = {},
): DomainGuardSpec {
  const k = options.components ?? 8;
  const quantile = options.acceptQuantile ?? 0.995;
  const margin = options.margin ?? 1.05;
  const digits = options.digits ?? 5;
  const round = (v: number) => Number(v.toPrecision(digits));

  // Unit length first: off-domain images differ from dermoscopy more in the direction of their feature vector
  // than in its length, and normalising keeps a bright or high-contrast photo from looking "far" by scale.
  const pca = principalComponents(trainFeatures.map(unitLength), k);
  const d = pca.mean.length;
  const kept = pca.variances.reduce((s, v) => s + v, 0);
  // A floor keeps a degenerate direction (constant feature, tiny set) from dividing by zero.
  const floor = Math.max(1e-12, (pca.totalVariance / d) * 1e-6);
  const spec: DomainGuardSpec = {
    featureMean: Array.from(pca.mean, round),
    components: pca.components.map((c) => Array.from(c, round)),
    variances: Array.from(pca.variances, (v) => round(Math.max(v, floor))),
    residualVariance: round(
      Math.max((pca.totalVariance - kept) / Math.max(1, d - pca.components.length), floor),
    ),
    maxDistance: 0,
    featureNorm: 'l2',
  };
  // Distances from the rounded spec: exactly what the app will compute.
  const distances = [...trainFeatures, ...(options.calibrationFeatures ?? [])]
    .map((f) => domainDistance(f, spec))
    .sort((a, b) => a - b);
  const at = distances[Math.min(distances.length - 1, Math.ceil(quantile * distances.length) - 1)]!;
  spec.maxDistance = round(at * margin);
  return spec;
}
