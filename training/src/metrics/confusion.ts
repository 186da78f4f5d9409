export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Counts at a threshold: a probability at or above it is called dangerous (label 1). */
export function confusionAt(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  threshold: number,
): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < probabilities.length; i++) {
    const flagged = probabilities[i]! >= threshold;
    if (labels[i] === 1) {
      if (flagged) c.tp++;
      else c.fn++;
    } else if (flagged) c.fp++;
    else c.tn++;
  }
  return c;
}

export interface Rates {
  accuracy: number;
  sensitivity: number;
  specificity: number;
  balancedAccuracy: number;
}

/** Rates from counts; an empty class gives NaN for its rate rather than a misleading 0 or 1. */
export function ratesOf(c: Confusion): Rates {
  const n = c.tp + c.fp + c.tn + c.fn;
  const sensitivity = c.tp + c.fn ? c.tp / (c.tp + c.fn) : Number.NaN;
  const specificity = c.tn + c.fp ? c.tn / (c.tn + c.fp) : Number.NaN;
  return {
    accuracy: n ? (c.tp + c.tn) / n : Number.NaN,
    sensitivity,
    specificity,
    balancedAccuracy: (sensitivity + specificity) / 2,
  };
}
