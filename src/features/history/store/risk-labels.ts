import type { RiskLevel } from '../../../shared/model/risk-level';

/**
 * The same plain words as the result screen (features cannot import each other, so they are repeated here).
 * The symbol makes the level readable without colour.
 */
export const RISK_LABELS: Record<RiskLevel, { text: string; symbol: string }> = {
  low: { text: 'Low concern', symbol: '○' },
  inconclusive: { text: 'Inconclusive — retake or have it checked', symbol: '◐' },
  high: { text: 'Have it checked by a doctor', symbol: '●' },
};

/** Shown on every screen and report that lists results. */
export const NOT_A_DIAGNOSIS =
  'These results come from an automated screening aid. They are not a diagnosis. ' +
  'If a mole changes, itches, bleeds or worries you, see a doctor whatever the result says.';

export function formatProbability(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}
