import { describe, expect, it } from 'vitest';
import { riskLevel } from './risk-level';

const metadata = { threshold: 0.4, inconclusiveBand: [0.3, 0.5] as [number, number] };

describe('riskLevel', () => {
  it('maps probabilities below the band to low and above it to high', () => {
    expect(riskLevel(0.05, metadata)).toBe('low');
    expect(riskLevel(0.29, metadata)).toBe('low');
    expect(riskLevel(0.5, metadata)).toBe('high');
    expect(riskLevel(0.97, metadata)).toBe('high');
  });

  it('reports the band as inconclusive, lower edge included and upper edge excluded', () => {
    expect(riskLevel(0.3, metadata)).toBe('inconclusive');
    expect(riskLevel(0.4, metadata)).toBe('inconclusive');
    expect(riskLevel(0.4999, metadata)).toBe('inconclusive');
  });

  it('uses the threshold alone when the band is empty', () => {
    const noBand = { threshold: 0.4, inconclusiveBand: [0.4, 0.4] as [number, number] };
    expect(riskLevel(0.399, noBand)).toBe('low');
    expect(riskLevel(0.4, noBand)).toBe('high');
  });

  it('lets a guard rejection override a confident answer', () => {
    const reject = { verdict: 'reject' as const, problems: ['too-dark' as const], reasons: ['too dark'] };
    expect(riskLevel(0.99, metadata, reject)).toBe('inconclusive');
    expect(riskLevel(0.01, metadata, reject)).toBe('inconclusive');
    expect(riskLevel(0.01, metadata, { verdict: 'accept', problems: [], reasons: [] })).toBe('low');
  });

  it('never gives a confident answer for a non-finite probability', () => {
    expect(riskLevel(Number.NaN, metadata)).toBe('inconclusive');
  });
});
