import { describe, expect, it } from 'vitest';
import { median, percentile, summarise } from './stats';

describe('benchmark statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses the nearest rank for p95', () => {
    const samples = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(29);
    expect(percentile([7], 95)).toBe(7);
  });

  it('summarises to one decimal', () => {
    expect(summarise([1.04, 2.06, 3.01])).toEqual({ medianMs: 2.1, p95Ms: 3 });
  });
});
