/**
 * Expected calibration error with `bins` equal-width bins of the predicted probability of "dangerous":
 * Σ (n_bin / N) · |observed dangerous fraction − mean predicted probability|. A probability of exactly 1 falls in
 * the last bin.
 */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  bins = 10,
): number {
  const n = probabilities.length;
  if (n === 0) return Number.NaN;
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]) ece += Math.abs(sumY[b]! - sumP[b]!) / n;
  }
  return ece;
}
