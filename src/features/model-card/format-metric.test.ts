import { describe, expect, it } from 'vitest';
import { formatAuc, formatPercent, formatWithInterval } from './format-metric';

describe('metric formatting', () => {
  it('shows percentages with their interval, and a dash when missing', () => {
    expect(formatPercent(0.8123)).toBe('81%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatWithInterval(0.7778, [0.7, 0.85])).toBe('78% (95% CI 70–85%)');
    expect(formatAuc(0.8049, [0.73, 0.88])).toBe('0.80 (95% CI 0.73–0.88)');
    expect(formatAuc(Number.NaN)).toBe('—');
  });
});
