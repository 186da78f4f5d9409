import { describe, expect, it } from 'vitest';
import { adamStep, createAdamState } from './adam';
import { augmentedInput, drawAugment } from './augment';
import { lrFactor } from './lr-schedule';
import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats from a seed and from a saved state, and differs between seeds', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    const saved = a.state;
    const next = Array.from({ length: 5 }, () => a.next());
    const resumed = new SeededRandom(saved);
    expect(Array.from({ length: 5 }, () => resumed.next())).toEqual(next);
    expect(new SeededRandom(8).next()).not.toBe(first[0]);
  });

  it('shuffles to a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new SeededRandom(1).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});

describe('lrFactor', () => {
  it('warms up linearly, peaks at 1, then decays by cosine to the floor', () => {
    expect(lrFactor(0, 10, 100)).toBeCloseTo(0.1);
    expect(lrFactor(9, 10, 100)).toBeCloseTo(1);
    expect(lrFactor(10, 10, 100)).toBeCloseTo(1);
    expect(lrFactor(55, 10, 100)).toBeCloseTo(0.02 + 0.98 * 0.5, 5);
    expect(lrFactor(100, 10, 100)).toBeCloseTo(0.02);
    expect(lrFactor(60, 10, 100)).toBeLessThan(lrFactor(40, 10, 100));
  });
});

describe('adamStep', () => {
  it('moves each segment by its own learning rate against the gradient sign (first step = lr)', () => {
    const params = new Float32Array([1, 1, 1]);
    const grads = new Float32Array([0.5, -2, 3]);
    adamStep(params, grads, createAdamState(3), [
      { start: 0, end: 2, lr: 0.1 },
      { start: 2, end: 3, lr: 0.01 },
    ]);
    expect(params[0]).toBeCloseTo(0.9, 5);
    expect(params[1]).toBeCloseTo(1.1, 5);
    expect(params[2]).toBeCloseTo(0.99, 5);
  });

  it('minimises a quadratic', () => {
    const params = new Float32Array([5]);
    const state = createAdamState(1);
    for (let i = 0; i < 500; i++)
      adamStep(params, new Float32Array([2 * (params[0]! - 2)]), state, [{ start: 0, end: 1, lr: 0.05 }]);
    expect(params[0]).toBeCloseTo(2, 1);
  });
});

describe('augmentation', () => {
  const input = { size: 8, mean: 128, std: 128, range: [-1, 127 / 128] as [number, number] };
  const image = { width: 12, height: 8, data: new Uint8Array(12 * 8 * 4) };
  for (let i = 0; i < 12 * 8; i++)
    image.data.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i * 4);

  it('is a pure function of its drawn parameters, which stay inside the frame', () => {
    const rng = new SeededRandom(3);
    for (let k = 0; k < 20; k++) {
      const p = drawAugment(rng, 12, 8);
      expect(p.crop.x).toBeGreaterThanOrEqual(0);
      expect(p.crop.y).toBeGreaterThanOrEqual(0);
      expect(p.crop.x + p.crop.size).toBeLessThanOrEqual(12);
      expect(p.crop.y + p.crop.size).toBeLessThanOrEqual(8);
      expect(augmentedInput(image, p, input)).toEqual(augmentedInput(image, p, input));
    }
  });

  it('identity parameters give exactly the shared preprocessing of the crop', async () => {
    const { toModelInput } = await import('../../../src/shared/preprocess/model-input');
    const crop = { x: 2, y: 0, size: 8 };
    const identity = {
      crop,
      symmetry: 0,
      brightness: 1,
      contrast: 1,
      saturation: 1,
      gains: [1, 1, 1] as [number, number, number],
    };
    const out = augmentedInput(image, identity, input);
    const reference = toModelInput(image, input, crop);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(reference[i]!, 5);
  });

  it('the 8 symmetries permute pixels (same multiset), and symmetry 1 mirrors', () => {
    const crop = { x: 0, y: 0, size: 8 };
    const base = {
      crop,
      brightness: 1,
      contrast: 1,
      saturation: 1,
      gains: [1, 1, 1] as [number, number, number],
    };
    const plain = augmentedInput(image, { ...base, symmetry: 0 }, input);
    const sorted = Array.from(plain).sort();
    for (let s = 1; s < 8; s++) {
      const t = augmentedInput(image, { ...base, symmetry: s }, input);
      expect(Array.from(t).sort()).toEqual(sorted);
      expect(t).not.toEqual(plain);
    }
    const mirrored = augmentedInput(image, { ...base, symmetry: 1 }, input);
    for (let c = 0; c < 3; c++) expect(mirrored[c]).toBe(plain[(0 * 8 + 7) * 3 + c]);
  });
});
