import { describe, expect, it } from 'vitest';
import { averageVectors } from './average-weights';

describe('averageVectors', () => {
  it('takes the element-wise mean', () => {
    expect(Array.from(averageVectors([Float32Array.of(1, 2, 3), Float32Array.of(3, 4, -3)]))).toEqual([
      2, 3, 0,
    ]);
  });
  it('refuses vectors of different layouts', () => {
    expect(() => averageVectors([Float32Array.of(1), Float32Array.of(1, 2)])).toThrow(RangeError);
  });
});
