export interface RocPoint {
  /** Images scoring at or above this are called dangerous. */
  threshold: number;
  fpr: number;
  tpr: number;
}

/**
 * The ROC curve's corner points, from (0,0) at threshold +∞ down to (1,1). Tied scores move together, so the
 * curve has one point per distinct score (a diagonal step where classes tie).
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<0 | 1>): RocPoint[] {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  const negatives = n - positives;
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!] === 1) tp++;
      else fp++;
    }
    points.push({
      threshold: scores[order[start]!]!,
      fpr: negatives ? fp / negatives : 0,
      tpr: positives ? tp / positives : 0,
    });
    start = end + 1;
  }
  return points;
}
