import { describe, expect, it } from 'vitest';
import type { DomainGuardSpec } from '../model/model-metadata';
import { assessDomain, domainDistance } from './assess-domain';

/** A 4-dimensional guard with one principal direction (axis 0) and residual variance 1 per dimension. */
const spec: DomainGuardSpec = {
  featureMean: [1, 1, 1, 1],
  components: [[1, 0, 0, 0]],
  variances: [4],
  residualVariance: 1,
  maxDistance: 2,
};

describe('domainDistance', () => {
  it('is zero at the mean and along the principal direction (the usual variation)', () => {
    expect(domainDistance([1, 1, 1, 1], spec)).toBe(0);
    expect(domainDistance([7, 1, 1, 1], spec)).toBeCloseTo(0, 12);
  });

  it('measures the residual outside the principal directions per dimension', () => {
    // Q = 3 · 1² over d − k = 3 dimensions of variance 1 → 1.
    expect(domainDistance([1, 2, 2, 2], spec)).toBeCloseTo(1, 12);
    expect(domainDistance([1, 3, 3, 3], { ...spec, residualVariance: 4 })).toBeCloseTo(1, 12);
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

  it('scales features to unit length first when the guard says so', () => {
    const unit: DomainGuardSpec = { ...spec, featureMean: [0.5, 0.5, 0.5, 0.5], featureNorm: 'l2' };
    expect(domainDistance([3, 3, 3, 3], unit)).toBeCloseTo(0, 12);
    expect(domainDistance([30, 30, 30, 30], unit)).toBeCloseTo(0, 12);
    expect(domainDistance([3, 3, 3, 3], { ...unit, featureNorm: undefined })).toBeGreaterThan(1);
  });

  it('refuses feature vectors of the wrong width, and never calls NaN in-domain', () => {
    expect(() => domainDistance([1, 2, 3], spec)).toThrow(RangeError);
    expect(assessDomain([NaN, 1, 1, 1], spec).inDomain).toBe(false);
  });
});
