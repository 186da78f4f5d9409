// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Check } from '../store/history-types';
import { CAT_PHOTO_CHECK, storedCheck, stubBlobUrls } from '../store/test-fixtures';
import { CompareChecksView } from './compare-checks-view';

// The reviewer's repro: a cat photo (rejected, the model said 97%), then a real mole photo (7%).
const cat = storedCheck({
  id: 'cat',
  takenAt: '2026-03-01T10:00:00.000Z',
  riskLevel: 'inconclusive',
  probability: 0.97,
  guard: CAT_PHOTO_CHECK,
});
const mole = storedCheck({
  id: 'mole',
  takenAt: '2026-04-01T10:00:00.000Z',
  riskLevel: 'low',
  probability: 0.07,
  guard: { verdict: 'accept', problems: [], reasons: [] },
});

function renderCompare(first: Check, second: Check) {
  render(<CompareChecksView first={first} second={second} onBack={vi.fn()} />);
  return screen.getByTestId('probability-change');
}

beforeAll(stubBlobUrls);
afterEach(cleanup);

describe('CompareChecksView', () => {
  it('shows no number for the rejected photo and states no change from it', () => {
    const change = renderCompare(mole, cat);
    const [earlier, later] = screen.getAllByTestId('compare-item');
    expect(earlier!.getAttribute('data-check-id')).toBe('cat');
    expect(earlier!.textContent).not.toMatch(/\d+\s*%/);
    expect(earlier!.textContent).toContain(
      'No estimate was kept, because this photo did not pass the photo check.',
    );
    expect(earlier!.textContent).toContain('This does not look like a close-up of skin.');
    expect(later!.textContent).toContain('7%');

    expect(change.textContent).not.toMatch(/went (up|down)|did not change|97|\d+\s*%/);
    expect(change.textContent).toContain(
      'No change in the model’s probability can be given: the earlier photo did not pass the photo check',
    );
    expect(change.hasAttribute('data-value')).toBe(false);
  });

  it('names the later check when that one was rejected, and both when neither passed', () => {
    const laterCat = { ...cat, takenAt: '2026-05-01T10:00:00.000Z' };
    expect(renderCompare(mole, laterCat).textContent).toContain(
      'the later photo did not pass the photo check',
    );
    cleanup();

    const secondCat = { ...cat, id: 'cat-2', takenAt: '2026-05-01T10:00:00.000Z' };
    const change = renderCompare(cat, secondCat);
    expect(change.textContent).toContain('neither photo passed the photo check');
    expect(screen.getByTestId('compare-view').textContent).not.toMatch(/\d+\s*%/);
  });

  it('still states the change between two checks that have an estimate, old records included', () => {
    const old = storedCheck({ id: 'old', takenAt: '2026-01-01T10:00:00.000Z', probability: 0.2 });
    const change = renderCompare(mole, old);
    expect(change.textContent).toBe(
      'The model’s probability went down by 13 percentage points (from 20% to 7%).',
    );
    expect(Number(change.getAttribute('data-value'))).toBeCloseTo(-0.13, 9);
  });
});
