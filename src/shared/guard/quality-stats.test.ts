import { describe, expect, it } from 'vitest';
import { computeQualityStats } from './quality-stats';

/** The sort-based 2–98 % luma spread the guard thresholds were calibrated with. */
function sortedLumaRange(rgb: Float32Array): number {
  const n = rgb.length / 3;
  const grey = Float64Array.from({ length: n }, (_, i) => {
    return 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
  }).sort();
  const at = (q: number) => grey[Math.round(q * (n - 1))]!;
  return at(0.98) - at(0.02);
}

/** Deterministic pseudo-random 0..255 image: a smooth gradient (skin-like) plus seeded noise. */
function image(size: number, seed: number, noise: number, base = 140): Float32Array {
  let s = seed;
  const random = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const rgb = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const g = base + (x - size / 2) * 0.4 + (random() - 0.5) * noise;
      rgb[i] = Math.min(255, Math.max(0, g + 30));
      rgb[i + 1] = Math.min(255, Math.max(0, g));
      rgb[i + 2] = Math.min(255, Math.max(0, g - 20));
    }
  }
  return rgb;
}

describe('computeQualityStats luma spread (histogram percentiles)', () => {
  const cases: [string, Float32Array][] = [
    ['noisy skin', image(224, 1, 60)],
    ['smooth gradient', image(224, 2, 0)],
    ['dark, low contrast', image(224, 3, 8, 30)],
    ['bright, clipped', image(224, 4, 80, 230)],
    ['small image', image(16, 5, 100)],
  ];
  for (const [name, rgb] of cases) {
    it(`is within one grey level of the sorted percentiles: ${name}`, () => {
      const size = Math.round(Math.sqrt(rgb.length / 3));
      const got = computeQualityStats(rgb, size).lumaRange;
      expect(Math.abs(got - sortedLumaRange(rgb))).toBeLessThan(1);
    });
  }

  it('gives 0 spread for a flat image and the full spread for black/white halves', () => {
    const flat = new Float32Array(32 * 32 * 3).fill(128);
    // Per-bin lowest/highest values make one-valued bins exact.
    expect(computeQualityStats(flat, 32).lumaRange).toBe(0);
    const halves = new Float32Array(32 * 32 * 3);
    halves.fill(255, halves.length / 2);
    expect(computeQualityStats(halves, 32).lumaRange).toBeCloseTo(255, 6);
  });

  it('measures chroma as sqrt(a² + b²): 0 for grey', () => {
    const grey = new Float32Array(16 * 16 * 3).fill(90);
    expect(computeQualityStats(grey, 16).meanChroma).toBeLessThan(0.05); // the rounded D65 matrix leaves ~0.005
    expect(computeQualityStats(image(16, 6, 0), 16).meanChroma).toBeGreaterThan(5);
  });
});
