import type { ModelMetadata } from '../../shared/model/model-metadata';
import type { GuardOutcome } from './analysis-types';

export type RiskLevel = 'low' | 'inconclusive' | 'high';

/**
 * Calibrated probability → what the user is told. Inside the inconclusive band the model is not sure either
 * way; at or above the threshold, have it checked; below, low concern. A guard rejection (too dark, blurred,
 * not a close-up of skin) overrides any confident answer.
 */
export function riskLevel(
  probability: number,
  metadata: Pick<ModelMetadata, 'threshold' | 'inconclusiveBand'>,
  guard?: GuardOutcome,
): RiskLevel {
  if (guard?.verdict === 'reject') return 'inconclusive';
  if (!Number.isFinite(probability)) return 'inconclusive';
  const [low, high] = metadata.inconclusiveBand;
  if (probability >= low && probability < high) return 'inconclusive';
  return probability >= metadata.threshold ? 'high' : 'low';
}
