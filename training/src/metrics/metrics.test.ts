import { describe, expect, it } from 'vitest';
import { confusionAt, ratesOf } from './confusion';
import { delongInterval } from './delong-interval';
import { expectedCalibrationError } from './ece';
import { rocAuc } from './roc-auc';
import { rocCurve } from './roc-curve';
import { levelsByClass } from './level-shares';
import { splitMetrics } from './split-metrics';
import { wilsonInterval } from './wilson-interval';

describe('rocAuc', () => {
  it('is 1 for perfect separation and 0 for perfectly reversed', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('counts one misordered pair out of four (hand-computed 3/4)', () => {
    // Pairs (pos, neg): (0.35,0.1)✓ (0.35,0.4)✗ (0.8,0.1)✓ (0.8,0.4)✓ → 3/4.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts ties as one half', () => {
    // All scores tied → 0.5; one tied pair out of four plus three wins → 3.5/4.
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBeCloseTo(0.875, 12);
  });

  it('is NaN when a class is missing', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('equals the trapezoid area under rocCurve', () => {
    const scores = [0.1, 0.3, 0.3, 0.35, 0.5, 0.6, 0.6, 0.8, 0.9, 0.2];
    const labels = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0] as const;
    const pts = rocCurve(scores, labels);
    let area = 0;
    for (let i = 1; i < pts.length; i++)
      area += ((pts[i]!.fpr - pts[i - 1]!.fpr) * (pts[i]!.tpr + pts[i - 1]!.tpr)) / 2;
    expect(rocAuc(scores, labels)).toBeCloseTo(area, 12);
  });
});

describe('rocCurve', () => {
  it('steps from (0,0) to (1,1) with one point per distinct score', () => {
    const pts = rocCurve([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]);
    expect(pts.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(pts[2]!.threshold).toBe(0.5);
  });
});

describe('confusion and rates', () => {
  it('flags at or above the threshold', () => {
    const c = confusionAt([0.2, 0.5, 0.7, 0.49, 0.5], [0, 0, 1, 1, 1], 0.5);
    expect(c).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    const r = ratesOf(c);
    expect(r.accuracy).toBeCloseTo(3 / 5, 12);
    expect(r.sensitivity).toBeCloseTo(2 / 3, 12);
    expect(r.specificity).toBeCloseTo(1 / 2, 12);
    expect(r.balancedAccuracy).toBeCloseTo((2 / 3 + 1 / 2) / 2, 12);
  });

  it("reproduces the seed project's 79.4% from its confusion matrix", () => {
    const r = ratesOf({ tp: 49, fp: 12, tn: 51, fn: 14 });
    expect(r.accuracy).toBeCloseTo(100 / 126, 12);
  });
});

describe('expectedCalibrationError', () => {
  it('is 0 when each bin’s frequency equals its mean probability', () => {
    // Bin [0.2,0.3): mean p 0.25, 1 of 4 dangerous; bin [0.7,0.8): mean p 0.75, 3 of 4 dangerous.
    const p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
    const y = [1, 0, 0, 0, 1, 1, 1, 0] as const;
    expect(expectedCalibrationError(p, y)).toBeCloseTo(0, 12);
  });

  it('matches a hand-computed case', () => {
    // Bin 9: p=0.95,1.0 (1.0 goes in the last bin), y=1,0 → |0.5-0.975|=0.475, weight 2/4.
    // Bin 1: p=0.1, y=0 → 0.1, weight 1/4. Bin 5: p=0.5, y=1 → 0.5, weight 1/4.
    const ece = expectedCalibrationError([0.95, 1.0, 0.1, 0.5], [1, 0, 0, 1]);
    expect(ece).toBeCloseTo((2 * 0.475 + 0.1 + 0.5) / 4, 12);
  });
});

describe('intervals', () => {
  it('Wilson matches a textbook value (81/263 → 0.2553–0.3662)', () => {
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 3);
    expect(hi).toBeCloseTo(0.3662, 3);
  });

  it("Wilson for the seed's 100/126 is about 71–86% (shared README)", () => {
    const [lo, hi] = wilsonInterval(100, 126);
    expect(lo).toBeGreaterThan(0.7);
    expect(lo).toBeLessThan(0.72);
    expect(hi).toBeGreaterThan(0.85);
    expect(hi).toBeLessThan(0.87);
  });

  it('DeLong: hand-computed variance for a 2×2 case', () => {
    // pos 0.35, 0.8; neg 0.1, 0.4. V10 = [1/2, 1]; V01 = [1, 1/2]; AUC 3/4.
    // S10 = S01 = ((1/2-3/4)^2 + (1-3/4)^2)/1 = 1/8; var = 1/16 + 1/16 = 1/8.
    const { auc, se } = delongInterval([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(auc).toBeCloseTo(0.75, 12);
    expect(se).toBeCloseTo(Math.sqrt(1 / 8), 12);
  });

  it('DeLong SE on 126 balanced images at AUC ~0.85 is about 0.035 (issue 2’s figure)', () => {
    // Deterministic scores: negatives uniform on [0,1), positives shifted so AUC ≈ 0.85.
    const scores: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 63; i++) {
      scores.push((i * 0.618034) % 1);
      labels.push(0);
      scores.push(Math.min(1.45, ((i * 0.618034) % 1) + 0.45));
      labels.push(1);
    }
    const { auc, se } = delongInterval(scores, labels);
    expect(auc).toBeGreaterThan(0.8);
    expect(se).toBeGreaterThan(0.02);
    expect(se).toBeLessThan(0.05);
  });
});

describe('splitMetrics', () => {
  it('bundles rates, AUC, ECE and intervals at a threshold', () => {
    const m = splitMetrics([0.2, 0.5, 0.7, 0.49, 0.5], [0, 0, 1, 1, 1], 0.5);
    expect(m.n).toBe(5);
    expect(m.confusion).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    expect(m.auc).toBeCloseTo(rocAuc([0.2, 0.5, 0.7, 0.49, 0.5], [0, 0, 1, 1, 1]), 12);
    expect(m.ci95?.sensitivity?.[0]).toBeLessThan(2 / 3);
    expect(m.ci95?.sensitivity?.[1]).toBeGreaterThan(2 / 3);
  });
});

describe('levelsByClass', () => {
  // Band [0.3, 0.6) around threshold 0.4: below 0.3 low, 0.3–0.6 inconclusive, from 0.6 high.
  const point = { threshold: 0.4, inconclusiveBand: [0.3, 0.6] as [number, number] };

  it("counts the app's three levels per true class (hand-computed)", () => {
    const p = [0.1, 0.3, 0.45, 0.6, 0.9, 0.05, 0.2, 0.59, 0.7];
    const y = [1, 1, 1, 1, 1, 0, 0, 0, 0] as const;
    expect(levelsByClass(p, y, point)).toEqual({
      dangerous: { n: 5, high: 2 / 5, inconclusive: 2 / 5, low: 1 / 5 },
      notDangerous: { n: 4, high: 1 / 4, inconclusive: 1 / 4, low: 2 / 4 },
    });
  });

  it('is what splitMetrics reports when given the band, and absent without it', () => {
    const p = [0.1, 0.5, 0.7, 0.2];
    const y = [0, 0, 1, 1] as const;
    expect(splitMetrics(p, y, 0.4, point.inconclusiveBand).levels).toEqual(levelsByClass(p, y, point));
    expect(splitMetrics(p, y, 0.4).levels).toBeUndefined();
  });
});
