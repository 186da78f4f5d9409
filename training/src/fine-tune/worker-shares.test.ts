import { describe, expect, it } from 'vitest';
import { workerShares } from './worker-shares';

describe('workerShares', () => {
  it('splits in order, ceil(n / workers) each, and gives an idle worker null instead of an empty share', () => {
    expect(workerShares([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    // An empty moments request used to fail the whole --batch-norm run ("no batch moments for …").
    expect(workerShares([1, 2, 3, 4], 3)).toEqual([[1, 2], [3, 4], null]);
    expect(workerShares([], 2)).toEqual([null, null]);
  });
});
