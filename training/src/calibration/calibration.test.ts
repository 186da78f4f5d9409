import { describe, expect, it } from 'vitest';
import { calibratedProbability, sigmoid } from '../../../src/shared/model/calibrate';
import { confusionAt, ratesOf } from '../metrics/confusion';
import { calibrateOnValid } from './calibrate-on-valid';
import { chooseOperatingPoint } from './choose-operating-point';
import { fitPlatt } from './fit-platt';
import { thresholdForSensitivity, thresholdForSpecificity } from './operating-point';

/** Small seeded generator so the synthetic sets are the same on every machine. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fitPlatt', () => {
  it('recovers the a, b that generated the labels', () => {
    const random = mulberry32(7);
    const logits: number[] = [];
    const labels: (0 | 1)[] = [];
    const trueA = 0.6;
    const trueB = -0.8;
    for (let i = 0; i < 20000; i++) {
      const z = (random() - 0.5) * 12;
      logits.push(z);
      labels.push(random() < sigmoid(trueA * z + trueB) ? 1 : 0);
    }
    const fit = fitPlatt(logits, labels);
    expect(fit.method).toBe('platt');
    expect(fit.a).toBeCloseTo(trueA, 1);
    expect(fit.b).toBeCloseTo(trueB, 1);
  });

  it('stays finite on perfectly separated data (smoothed targets)', () => {
    const fit = fitPlatt([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(fit.a)).toBe(true);
    expect(fit.a).toBeGreaterThan(0);
    expect(fit.a).toBeLessThan(20);
    // Symmetric data → no offset; the most confident image is still not certain.
    expect(fit.b).toBeCloseTo(0, 6);
    expect(calibratedProbability(3, fit)).toBeLessThan(0.99);
  });

  it('shrinks an overconfident model (logits 4× too large)', () => {
    const random = mulberry32(3);
    const logits: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 5000; i++) {
      const z = (random() - 0.5) * 8;
      logits.push(4 * z);
      labels.push(random() < sigmoid(z) ? 1 : 0);
    }
    expect(fitPlatt(logits, labels).a).toBeCloseTo(0.25, 1);
  });

  it('refuses a single-class split', () => {
    expect(() => fitPlatt([1, 2], [1, 1])).toThrow(RangeError);
  });
});

describe('operating thresholds', () => {
  // Dangerous: 0.9 0.8 0.7 0.6 0.5 0.4 0.3 0.2 0.15 0.05; not dangerous: 0.1 ... (descending below).
  const pos = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.05];
  const neg = [0.55, 0.35, 0.25, 0.12, 0.1, 0.08, 0.06, 0.04, 0.03, 0.02];
  const p = [...pos, ...neg];
  const y = [...pos.map(() => 1 as const), ...neg.map(() => 0 as const)];

  it('takes the highest threshold with sensitivity ≥ 0.9, midway to the next score', () => {
    // 9 of 10 dangerous must be flagged: the 9th highest is 0.15; the next lower score is 0.12.
    const t = thresholdForSensitivity(p, y, 0.9);
    expect(t).toBeCloseTo((0.15 + 0.12) / 2, 12);
    expect(ratesOf(confusionAt(p, y, t)).sensitivity).toBeCloseTo(0.9, 12);
    // Any higher threshold breaks the target.
    expect(ratesOf(confusionAt(p, y, 0.151)).sensitivity).toBeLessThan(0.9);
  });

  it('takes the lowest threshold with specificity ≥ 0.9', () => {
    // 9 of 10 not-dangerous must be below: the 9th lowest is 0.35; the next higher score is 0.4.
    const t = thresholdForSpecificity(p, y, 0.9);
    expect(t).toBeCloseTo((0.35 + 0.4) / 2, 12);
    expect(ratesOf(confusionAt(p, y, t)).specificity).toBeCloseTo(0.9, 12);
  });

  it('puts the threshold inside the inconclusive band', () => {
    const op = chooseOperatingPoint(p, y);
    const [low, high] = op.inconclusiveBand;
    expect(low).toBeLessThanOrEqual(op.threshold);
    expect(op.threshold).toBeLessThanOrEqual(high);
    // 97% of 10 dangerous → all 10 flagged: below the lowest dangerous score 0.05, midway to 0.04.
    expect(low).toBeCloseTo(0.045, 12);
    expect(high).toBeCloseTo(0.375, 12);
    expect(op.valid.sensitivity).toBeCloseTo(0.9, 12);
    // In [0.045, 0.375): dangerous 0.3 0.2 0.15 0.05 and not-dangerous 0.35 0.25 0.12 0.1 0.08 0.06 → 10/20.
    expect(op.valid.inconclusiveShare).toBeCloseTo(0.5, 12);
  });
});

describe('calibrateOnValid', () => {
  it('fits, then sets the threshold on calibrated probabilities for sensitivity ≥ 0.9', () => {
    const random = mulberry32(11);
    const logits: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 252; i++) {
      const y = (i % 2) as 0 | 1;
      // An overconfident model: the true log-odds are ≈2.8·x, the logits 8·x (so Platt a ≈ 0.36).
      logits.push(8 * ((y ? 0.8 : -0.8) + (random() + random() + random() - 1.5) * 1.5));
      labels.push(y);
    }
    const result = calibrateOnValid(logits, labels);
    expect(result.calibration.a).toBeGreaterThan(0);
    expect(result.calibration.a).toBeLessThan(1);
    expect(result.valid.sensitivity).toBeGreaterThanOrEqual(0.9);
    expect(result.valid.n).toBe(252);
    const probabilities = logits.map((z) => calibratedProbability(z, result.calibration));
    // Highest such threshold: the next dangerous image above it, if flagged alone, would drop below 0.9.
    const positives = probabilities.filter((_, i) => labels[i] === 1).sort((a, b) => b - a);
    const k = Math.ceil(0.9 * positives.length);
    expect(result.threshold).toBeLessThanOrEqual(positives[k - 1]!);
    expect(result.threshold).toBeGreaterThan(positives[k]!);
    expect(result.inconclusiveBand[0]).toBeLessThanOrEqual(result.threshold);
    expect(result.inconclusiveBand[1]).toBeGreaterThanOrEqual(result.threshold);
    expect(result.inconclusiveShare).toBeGreaterThan(0);
    expect(result.inconclusiveShare).toBeLessThan(1);
  });
});
