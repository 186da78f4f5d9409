import type { ModelMetadata } from './model-metadata';

export type RiskLevel = 'low' | 'inconclusive' | 'high';

export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'inconclusive', 'high'];

/**
 * Calibrated probability → the level a person is shown. Inside the inconclusive band the model is not sure
 * either way; above it, have it checked; below it, low concern. The export stage's band always contains the
 * threshold, so the threshold only decides here for a band that is empty. Shared so offline evaluations count
 * levels exactly as the app assigns them.
 */
export function riskLevelOf(
  probability: number,
  metadata: Pick<ModelMetadata, 'threshold' | 'inconclusiveBand'>,
): RiskLevel {
  if (!Number.isFinite(probability)) return 'inconclusive';
  const [low, high] = metadata.inconclusiveBand;
  if (probability >= low && probability < high) return 'inconclusive';
  return probability >= metadata.threshold ? 'high' : 'low';
}
