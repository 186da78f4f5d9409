import { describe, expect, it } from 'vitest';
import { riskLevelOf, type RiskLevel } from './risk-level';
import { shownEstimate, shownScale, type ShownScale } from './shown-estimate';

/** The band of the model the user review ran (public/model/metadata.json, 2026-11-27). */
const reviewed: [number, number] = [0.16598213443754156, 0.7224059140582528];

/** How a person reads a shown number against the shown scale ("Below 17%", "17–73%", "From 73%"). */
function levelReadFrom(percent: number, scale: ShownScale): RiskLevel {
  if (percent < scale.low) return 'low';
  return percent < scale.high ? 'inconclusive' : 'high';
}

const shown = (probability: number, band: [number, number]) => {
  const estimate = shownEstimate(probability, band);
  return [estimate.level, estimate.percent] as const;
};

describe('shownEstimate', () => {
  it('the review: 0.7195 is inconclusive, shown as 72%, and the scale says "From 73%"', () => {
    const estimate = shownEstimate(0.7195, reviewed);
    expect(estimate).toEqual({ level: 'inconclusive', percent: 72, scale: { low: 17, high: 73 } });
    expect(levelReadFrom(estimate.percent, estimate.scale)).toBe('inconclusive');
  });

  it('just below, at and just above the upper edge', () => {
    const [, high] = reviewed;
    expect(shown(high - 1e-9, reviewed)).toEqual(['inconclusive', 72]);
    expect(shown(high, reviewed)).toEqual(['high', 73]);
    expect(shown(high + 1e-9, reviewed)).toEqual(['high', 73]);
    // Would round to 72%, which the scale calls inconclusive.
    expect(shown(0.7249, reviewed)).toEqual(['high', 73]);
    expect(shown(0.7251, reviewed)).toEqual(['high', 73]);
  });

  it('just below, at and just above the lower edge', () => {
    const [low] = reviewed;
    // 16.598% would round to 17%, which the scale ("Below 17%: low concern") calls inconclusive.
    expect(shown(low - 1e-9, reviewed)).toEqual(['low', 16]);
    expect(shown(0.1655, reviewed)).toEqual(['low', 16]);
    expect(shown(low, reviewed)).toEqual(['inconclusive', 17]);
    expect(shown(low + 1e-9, reviewed)).toEqual(['inconclusive', 17]);
    expect(shown(0.1649, reviewed)).toEqual(['low', 16]);
  });

  it('edges whose fraction is above one half: a value just inside the band does not take the edge number', () => {
    const band: [number, number] = [0.304, 0.726];
    expect(shownScale(band)).toEqual({ low: 31, high: 73 });
    // 72.55% rounds to 73%, the first "have it checked" number, but it is inconclusive.
    expect(shown(0.7255, band)).toEqual(['inconclusive', 72]);
    expect(shown(0.726, band)).toEqual(['high', 73]);
    // 30.45% rounds to 30%, a "low concern" number, but it is inconclusive.
    expect(shown(0.3045, band)).toEqual(['inconclusive', 31]);
    expect(shown(0.3035, band)).toEqual(['low', 30]);
  });

  it('0 and 1', () => {
    expect(shown(0, reviewed)).toEqual(['low', 0]);
    expect(shown(1, reviewed)).toEqual(['high', 100]);
    // A band that starts at 0 or ends at 1.
    expect(shown(0, [0, 0.5])).toEqual(['inconclusive', 0]);
    expect(shownScale([0, 0.5])).toEqual({ low: 0, high: 50 });
    expect(shown(0.999, [0.5, 1])).toEqual(['inconclusive', 99]);
    expect(shown(1, [0.5, 1])).toEqual(['high', 100]);
  });

  it('keeps an edge that is a whole percent at that percent despite floating point (0.07 × 100 > 7)', () => {
    expect(shownScale([0.07, 0.57])).toEqual({ low: 7, high: 57 });
    expect(shownScale([0.3, 0.5])).toEqual({ low: 30, high: 50 });
    expect(shown(0.07, [0.07, 0.57])).toEqual(['inconclusive', 7]);
    expect(shown(0.0699, [0.07, 0.57])).toEqual(['low', 6]);
    expect(shown(0.57, [0.07, 0.57])).toEqual(['high', 57]);
  });

  it('a band of zero width: one edge, rounded up, and no inconclusive number', () => {
    expect(shownScale([0.4, 0.4])).toEqual({ low: 40, high: 40 });
    expect(shown(0.3951, [0.4, 0.4])).toEqual(['low', 39]);
    expect(shown(0.4, [0.4, 0.4])).toEqual(['high', 40]);
    expect(shownScale([0.3755, 0.3755])).toEqual({ low: 38, high: 38 });
    expect(shown(0.3752, [0.3755, 0.3755])).toEqual(['low', 37]);
    expect(shown(0.3756, [0.3755, 0.3755])).toEqual(['high', 38]);
  });

  it('a band inside one whole-percent step still has a number of its own', () => {
    const band: [number, number] = [0.721, 0.7224];
    expect(shownScale(band)).toEqual({ low: 72, high: 73 });
    expect(shown(0.7215, band)).toEqual(['inconclusive', 72]);
    expect(shown(0.7205, band)).toEqual(['low', 71]);
    expect(shown(0.7224, band)).toEqual(['high', 73]);
  });

  it('over a fine grid: the level is riskLevelOf’s, the number reads as that level, and is within 1.5 points', () => {
    const bands: [number, number][] = [
      reviewed,
      [0.304, 0.726],
      [0.3, 0.5],
      [0.07, 0.57],
      [0.005, 0.995],
      [0.721, 0.7224],
      [0.4, 0.4],
      [0.3755, 0.3755],
    ];
    for (const band of bands) {
      // Any threshold inside the band (the export stage's rule) gives the same levels.
      const thresholds = [band[0], (band[0] + band[1]) / 2];
      const nearEdges = band.flatMap((edge) => [-0.005, -1e-9, 0, 1e-9, 0.005].map((d) => edge + d));
      const grid = Array.from({ length: 2001 }, (_, i) => i / 2000);
      for (const p of [...grid, ...nearEdges.filter((q) => q >= 0 && q <= 1)]) {
        const { level, percent, scale } = shownEstimate(p, band);
        for (const threshold of thresholds) {
          expect(level).toBe(riskLevelOf(p, { threshold, inconclusiveBand: band }));
        }
        expect(Number.isInteger(percent)).toBe(true);
        expect(levelReadFrom(percent, scale), `p = ${p}, band ${band.join('–')}`).toBe(level);
        expect(Math.abs(percent - p * 100)).toBeLessThan(1.5);
      }
    }
  });
});
