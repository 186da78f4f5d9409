/**
 * 95% interval for ROC AUC by DeLong's method: the AUC's variance from the spread of each image's
 * "placement" (the share of the other class it out-ranks). Quadratic in n, fine for evaluation-sized sets.
 */
export function delongInterval(
  scores: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  z = 1.959964,
): { auc: number; se: number; ci: [number, number] } {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (labels[i] === 1 ? pos : neg).push(scores[i]!);
  const m = pos.length;
  const n = neg.length;
  if (m < 2 || n < 2) return { auc: Number.NaN, se: Number.NaN, ci: [Number.NaN, Number.NaN] };
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const psi = pos[i]! > neg[j]! ? 1 : pos[i] === neg[j] ? 0.5 : 0;
      v10[i]! += psi / n;
      v01[j]! += psi / m;
    }
  }
  const auc = v10.reduce((s, v) => s + v, 0) / m;
  const s10 = v10.reduce((s, v) => s + (v - auc) ** 2, 0) / (m - 1);
  const s01 = v01.reduce((s, v) => s + (v - auc) ** 2, 0) / (n - 1);
  const se = Math.sqrt(s10 / m + s01 / n);
  return { auc, se, ci: [Math.max(0, auc - z * se), Math.min(1, auc + z * se)] };
}
