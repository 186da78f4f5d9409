import { calibratedProbability } from '../../../src/shared/model/calibrate';
import type { Calibration, SplitMetrics } from '../../../src/shared/model/model-metadata';
import { splitMetrics } from '../metrics/split-metrics';
import { chooseOperatingPoint, DEFAULT_TARGETS, type OperatingPointTargets } from './choose-operating-point';
import { fitPlatt } from './fit-platt';

export interface ValidCalibration {
  calibration: Calibration;
  threshold: number;
  inconclusiveBand: [number, number];
  /** Valid-split metrics at the chosen threshold, for metadata.metrics.valid. */
  valid: SplitMetrics;
  /** Share of valid images inside the inconclusive band. */
  inconclusiveShare: number;
}

/**
 * Everything metadata.json needs from the valid split, from raw logits: Platt a and b, then the screening
 * threshold and inconclusive band on the calibrated probabilities the app will compute.
 */
export function calibrateOnValid(
  logits: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  targets: OperatingPointTargets = DEFAULT_TARGETS,
): ValidCalibration {
  const calibration = fitPlatt(logits, labels);
  const probabilities = Array.from(logits, (z) => calibratedProbability(z, calibration));
  const point = chooseOperatingPoint(probabilities, labels, targets);
  return {
    calibration,
    threshold: point.threshold,
    inconclusiveBand: point.inconclusiveBand,
    valid: splitMetrics(probabilities, labels, point.threshold, point.inconclusiveBand),
    inconclusiveShare: point.valid.inconclusiveShare,
  };
}
