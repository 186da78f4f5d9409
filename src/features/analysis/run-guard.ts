import type { ModelMetadata } from '../../shared/model/model-metadata';
import { assessDomain } from '../../shared/guard/assess-domain';
import { assessImage } from '../../shared/guard/assess-image';
import type { QualityAssessment } from '../../shared/guard/assess-quality';
import type { GuardOutcome } from './analysis-types';

/**
 * The single place the app consults the quality/domain guard (src/shared/guard/): photographic quality of the
 * analysed square plus, when the model ships its feature statistics, how far the image's features are from
 * the training images'. A rejection turns any verdict into "Inconclusive" with the retake advice.
 */
export function runGuard(
  quality: QualityAssessment,
  features: Float32Array,
  metadata: Pick<ModelMetadata, 'guard'>,
): GuardOutcome {
  const domain = metadata.guard ? assessDomain(features, metadata.guard) : undefined;
  const verdict = assessImage(quality, domain);
  return {
    verdict: verdict.ok ? 'accept' : 'reject',
    problems: verdict.problems,
    reasons: verdict.advice,
    ...(domain ? { domainDistance: domain.distance } : {}),
  };
}
