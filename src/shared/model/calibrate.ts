import type { Calibration } from './model-metadata';

/** Logistic function, written so that large |x| neither overflows nor loses the small tail. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The network's raw "dangerous" logit → calibrated probability, sigmoid(a·logit + b). The app and every
 * training/evaluation stage call this one function, so a threshold chosen in training means the same in the app.
 */
export function calibratedProbability(logit: number, calibration: Calibration): number {
  if (calibration.method === 'none') return sigmoid(logit);
  return sigmoid(calibration.a * logit + calibration.b);
}
