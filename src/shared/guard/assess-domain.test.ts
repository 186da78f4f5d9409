import { describe, expect, it } from 'vitest';
import type { DomainGuardSpec } from '../model/model-metadata';
import { assessDomain, domainDistance } from './assess-domain';

/** A 4-dimensional guard with one principal direction (axis 0, variance 4) and residual variance 1. */
const spec: DomainGuardSpec = {
  featureMean: [1, 1, 1, 1],
  components: [[1, 0, 0, 0]],
  variances: [4],
  residualVariance: 1,
  maxDistance: 2,
};

describe('domainDistance', () => {
  it('is zero at the mean of the training features', () => {
    expect(domainDistance([1, 1, 1, 1], spec)).toBe(0);
  });

  it('scales the principal direction by its variance and the rest by the residual variance', () => {
    // T²/k = 2²/4 = 1; Q/((d−k)σ²) = 0 → sqrt(1/2).
    expect(domainDistance([3, 1, 1, 1], spec)).toBeCloseTo(Math.SQRT1_2, 12);
    // T² = 0; Q = 3·1² over 3 dimensions → 1 → sqrt(1/2).
    expect(domainDistance([1, 2, 2, 2], spec)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('grows with the distance from the training features and flags the far ones', () => {
    let previous = -1;
    for (const shift of [0, 0.5, 1, 2, 4, 8]) {
      const d = domainDistance([1, 1 + shift, 1, 1 - shift], spec);
      expect(d).toBeGreaterThan(previous);
      previous = d;
    }
    expect(assessDomain([1, 1.2, 1, 0.9], spec).inDomain).toBe(true);
    expect(assessDomain([1, 9, 1, -7], spec).inDomain).toBe(false);
  });

  it('refuses feature vectors of the wrong width, and never calls NaN in-domain', () => {
    expect(() => domainDistance([1, 2, 3], spec)).toThrow(RangeError);
    expect(assessDomain([NaN, 1, 1, 1], spec).inDomain).toBe(false);
  });
});
