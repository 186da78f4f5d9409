/**
 * Thresholds on calibrated probabilities, chosen on the valid split. Each is placed midway between the image
 * that sets it and the next distinct score, so valid-split counts are exactly those promised while a tiny
 * shift of one score (float16 weights, another backend) does not flip that image.
 */

function distinctDescending(values: number[]): number[] {
  return [...new Set(values)].sort((x, y) => y - x);
}

/** Highest threshold t with sensitivity (share of dangerous with p ≥ t) at least `target`. */
export function thresholdForSensitivity(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  target: number,
): number {
  const positives: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    all.push(probabilities[i]!);
    if (labels[i] === 1) positives.push(probabilities[i]!);
  }
  if (positives.length === 0) throw new RangeError('No dangerous images to set a threshold on.');
  positives.sort((x, y) => y - x);
  const k = Math.min(positives.length, Math.max(1, Math.ceil(target * positives.length - 1e-9)));
  const setter = positives[k - 1]!;
  const below = distinctDescending(all).find((v) => v < setter);
  return below === undefined ? setter : (setter + below) / 2;
}

/** Lowest threshold t with specificity (share of not-dangerous with p < t) at least `target`. */
export function thresholdForSpecificity(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  target: number,
): number {
  const negatives: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    all.push(probabilities[i]!);
    if (labels[i] === 0) negatives.push(probabilities[i]!);
  }
  if (negatives.length === 0) throw new RangeError('No not-dangerous images to set a threshold on.');
  negatives.sort((x, y) => x - y);
  const m = Math.min(negatives.length, Math.max(1, Math.ceil(target * negatives.length - 1e-9)));
  const setter = negatives[m - 1]!;
  const above = distinctDescending(all)
    .reverse()
    .find((v) => v > setter);
  return above === undefined ? Math.min(1, setter + 1e-6) : (setter + above) / 2;
}
