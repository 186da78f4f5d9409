import type { ModelMetadata } from '../../shared/model/model-metadata';
import { riskLevelOf, type RiskLevel } from '../../shared/model/risk-level';
import type { GuardOutcome } from './analysis-types';

/** The shown level: a guard rejection (too dark, blurred, not a close-up of skin) overrides any confident answer. */
export function riskLevel(
  probability: number,
  metadata: Pick<ModelMetadata, 'threshold' | 'inconclusiveBand'>,
  guard?: GuardOutcome,
): RiskLevel {
  if (guard?.verdict === 'reject') return 'inconclusive';
  return riskLevelOf(probability, metadata);
}
