import { describe, expect, it } from 'vitest';
import { domainDistance } from '../../../src/shared/guard/assess-domain';
import { fitDomainGuard } from './fit-domain-guard';
import { principalComponents } from './principal-components';
import { seededRandom } from './synthetic-negatives';

const D = 48;

/** Standard normal numbers (Box–Muller) from a seeded generator. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * "In-domain features": a mean, strong variation along axes 0 (σ 5) and 1 (σ 3), weak isotropic noise
 * (σ 0.5) elsewhere — the shape of pooled CNN features of one image kind, in miniature.
 */
function inDomain(n: number, seed: number): Float32Array[] {
  const g = gaussian(seededRandom(seed));
  return Array.from({ length: n }, () => {
    const f = new Float32Array(D);
    for (let j = 0; j < D; j++) f[j] = 2 + 0.5 * g();
    f[0]! += 5 * g();
    f[1]! += 3 * g();
    return f;
  });
}

describe('principalComponents', () => {
  it('recovers the directions and variances of the strongest variation', () => {
    const pca = principalComponents(inDomain(2000, 1), 2);
    expect(Math.abs(pca.components[0]![0]!)).toBeGreaterThan(0.99);
    expect(Math.abs(pca.components[1]![1]!)).toBeGreaterThan(0.99);
    expect(pca.variances[0]).toBeGreaterThan(25 * 0.85);
    expect(pca.variances[0]).toBeLessThan(25.25 * 1.15);
    expect(pca.variances[1]).toBeGreaterThan(9 * 0.85);
    expect(pca.variances[1]).toBeLessThan(9.25 * 1.15);
    const dot = pca.components[0]!.reduce((s, v, j) => s + v * pca.components[1]![j]!, 0);
    expect(Math.abs(dot)).toBeLessThan(1e-9);
  });
});

describe('fitDomainGuard', () => {
  const train = inDomain(600, 2);
  const valid = inDomain(200, 3);
  const spec = fitDomainGuard(train, { components: 4, calibrationFeatures: valid });

  it('keeps the requested number of components, rounded to 5 significant digits', () => {
    expect(spec.components).toHaveLength(4);
    expect(spec.featureMean).toHaveLength(D);
    for (const v of [...spec.featureMean, ...spec.components[0]!, spec.residualVariance, spec.maxDistance])
      expect(Number(v.toPrecision(5))).toBe(v);
  });

  it('accepts at least 98% of new in-domain features', () => {
    const fresh = inDomain(1000, 4);
    const accepted = fresh.filter((f) => domainDistance(f, spec) <= spec.maxDistance).length;
    expect(accepted / fresh.length).toBeGreaterThanOrEqual(0.98);
  });

  it('puts features further from the training set at a larger distance, and rejects off-domain ones', () => {
    const g = gaussian(seededRandom(5));
    const base = inDomain(1, 6)[0]!;
    const direction = Float32Array.from({ length: D }, () => g());
    let previous = -1;
    for (const step of [0, 1, 2, 4, 8]) {
      const shifted = base.map((v, j) => v + step * direction[j]!);
      const d = domainDistance(shifted, spec);
      expect(d).toBeGreaterThan(previous);
      previous = d;
    }
    expect(previous).toBeGreaterThan(spec.maxDistance);
  });
});
