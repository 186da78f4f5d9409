import { describe, expect, it } from 'vitest';
import { calibratedProbability, sigmoid } from './calibrate';

describe('calibratedProbability', () => {
  it('applies sigmoid(a·logit + b)', () => {
    expect(calibratedProbability(2, { method: 'platt', a: 0.5, b: -1 })).toBeCloseTo(0.5, 12);
    expect(calibratedProbability(1, { method: 'platt', a: 2, b: 0 })).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });

  it('ignores a and b when the method is none', () => {
    expect(calibratedProbability(0, { method: 'none', a: 5, b: 3 })).toBe(0.5);
  });

  it('stays finite and in [0, 1] for extreme logits', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(-40)).toBeGreaterThan(0);
  });
});
