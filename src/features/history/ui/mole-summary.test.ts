import { describe, expect, it } from 'vitest';
import { CAT_PHOTO_CHECK, storedCheck } from '../store/test-fixtures';
import { defaultComparePair } from './mole-summary';

/** Checks of one mole, oldest first as stored; `refused` marks photos the photo check turned down. */
function checks(...refused: boolean[]) {
  return refused.map((isRefused, index) =>
    storedCheck({
      id: `c${index + 1}`,
      takenAt: `2026-0${index + 1}-01T10:00:00.000Z`,
      ...(isRefused ? { riskLevel: 'inconclusive' as const, guard: CAT_PHOTO_CHECK } : {}),
    }),
  );
}

describe('defaultComparePair', () => {
  it('picks the newest two when both have an estimate', () => {
    expect(defaultComparePair(checks(false, false, false))).toEqual(['c2', 'c3']);
  });

  it('passes over a refused photo, newest or not, when other checks have an estimate', () => {
    expect(defaultComparePair(checks(false, false, true))).toEqual(['c1', 'c2']);
    expect(defaultComparePair(checks(false, true, false))).toEqual(['c1', 'c3']);
    expect(defaultComparePair(checks(false, true, true, false))).toEqual(['c1', 'c4']);
  });

  it('takes a refused photo only when fewer than two checks have an estimate', () => {
    expect(defaultComparePair(checks(true, false, true))).toEqual(['c2', 'c3']);
    expect(defaultComparePair(checks(true, true))).toEqual(['c1', 'c2']);
    expect(defaultComparePair(checks(false))).toEqual(['c1']);
    expect(defaultComparePair([])).toEqual([]);
  });

  it('treats checks saved before the verdict was kept as having an estimate', () => {
    const old = storedCheck({ id: 'old', takenAt: '2025-12-01T10:00:00.000Z' });
    expect(defaultComparePair([old, ...checks(false, true)])).toEqual(['old', 'c1']);
  });
});
