import type { Calibration } from '../../../src/shared/model/model-metadata';
import { sigmoid } from '../../../src/shared/model/calibrate';

/**
 * Platt scaling: a, b minimising the log-loss of sigmoid(a·logit + b) on held-out (valid) images, by Newton's
 * method with step halving. Targets are Platt's smoothed ones, (N₊+1)/(N₊+2) and 1/(N₋+2), so a split the model
 * happens to separate perfectly does not drive a → ∞ (an overconfident app).
 */
export function fitPlatt(
  logits: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  maxIterations = 100,
): Calibration {
  const n = logits.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('Platt scaling needs both classes.');
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = (i: number) => (labels[i] === 1 ? hi : lo);

  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = a * logits[i]! + b;
      // log(1 + e^z) − t·z, stable for large |z|.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - target(i) * z;
    }
    return sum;
  };

  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < maxIterations; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const x = logits[i]!;
      const p = sigmoid(a * x + b);
      const r = p - target(i);
      const w = p * (1 - p);
      ga += r * x;
      gb += r;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-10) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-12 * Math.max(1, Math.abs(current))) break;
  }
  return { method: 'platt', a, b };
}
