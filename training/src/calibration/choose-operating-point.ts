import { confusionAt, ratesOf, type Rates } from '../metrics/confusion';
import { thresholdForSensitivity, thresholdForSpecificity } from './operating-point';

export interface OperatingPointTargets {
  /** The shipped threshold keeps at least this share of valid dangerous images flagged. */
  sensitivity: number;
  /** Below the band's low edge at most 1 − this share of valid dangerous images fall. */
  bandSensitivity: number;
  /** Above the band's high edge at most 1 − this share of valid not-dangerous images rise. */
  bandSpecificity: number;
}

export const DEFAULT_TARGETS: OperatingPointTargets = {
  sensitivity: 0.9,
  bandSensitivity: 0.97,
  bandSpecificity: 0.9,
};

export interface OperatingPoint {
  threshold: number;
  inconclusiveBand: [number, number];
  /** Valid-split rates at the threshold, and the share of valid images that land in the band. */
  valid: Rates & { inconclusiveShare: number };
}

/**
 * The screening threshold and the "inconclusive" band around it, on calibrated valid-split probabilities.
 * Why this band: below its low edge the valid split had ≥97% of dangerous moles above (so "looks fine" is said
 * only where a miss is rare); at or above its high edge ≥90% of not-dangerous moles were below (so "have it
 * checked" is said where a false alarm is uncommon). In between the model cannot tell, and saying so is more
 * honest than a coin-flip verdict. The band always contains the threshold.
 */
export function chooseOperatingPoint(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  targets: OperatingPointTargets = DEFAULT_TARGETS,
): OperatingPoint {
  const threshold = thresholdForSensitivity(probabilities, labels, targets.sensitivity);
  const low = Math.min(threshold, thresholdForSensitivity(probabilities, labels, targets.bandSensitivity));
  const high = Math.max(threshold, thresholdForSpecificity(probabilities, labels, targets.bandSpecificity));
  let inBand = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (p >= low && p < high) inBand++;
  }
  return {
    threshold,
    inconclusiveBand: [low, high],
    valid: {
      ...ratesOf(confusionAt(probabilities, labels, threshold)),
      inconclusiveShare: probabilities.length ? inBand / probabilities.length : Number.NaN,
    },
  };
}
