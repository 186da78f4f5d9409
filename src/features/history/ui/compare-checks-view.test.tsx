// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Check } from '../store/history-types';
import type { CurrentModel } from '../store/risk-labels';
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

function renderCompare(first: Check, second: Check, model?: CurrentModel) {
  render(<CompareChecksView first={first} second={second} onBack={vi.fn()} model={model} />);
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

    expect(change.textContent).not.toMatch(/went (up|down)|stayed at|97|\d+\s*%/);
    expect(change.textContent).toContain(
      'No change in the model’s estimate can be given: the earlier photo did not pass the photo check',
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
      'The model’s estimate went down by 13 percentage points (from 20% to 7%).',
    );
    expect(Number(change.getAttribute('data-value'))).toBeCloseTo(-0.13, 9);
    const [earlier] = screen.getAllByTestId('compare-item');
    expect(earlier!.textContent).toContain('Model estimate: 20%');
  });

  it('calls the number a model estimate, says what it is not, and never "probability"', () => {
    renderCompare(mole, storedCheck({ id: 'old', takenAt: '2026-01-01T10:00:00.000Z', probability: 0.2 }));
    const view = screen.getByTestId('compare-view');
    expect(view.textContent).toContain('It is not your personal risk.');
    expect(view.textContent).toMatch(/not a diagnosis/);
    expect(view.textContent).not.toMatch(/probability/i);
  });

  it('states the change between the numbers shown, which the running model’s checks show as its result screen did', () => {
    const model: CurrentModel = { version: 'model-7', inconclusiveBand: [0.166, 0.7224] };
    const inconclusive = storedCheck({
      id: 'a',
      takenAt: '2026-01-01T10:00:00.000Z',
      riskLevel: 'inconclusive',
      probability: 0.7195,
      modelVersion: 'model-7',
    });
    const high = storedCheck({
      id: 'b',
      takenAt: '2026-02-01T10:00:00.000Z',
      riskLevel: 'high',
      probability: 0.7226,
      modelVersion: 'model-7',
    });
    const change = renderCompare(inconclusive, high, model);
    // Plain rounding showed 72% → 72% and "did not change" although the level went up.
    expect(change.textContent).toBe('The model’s estimate went up by 1 percentage point (from 72% to 73%).');
    expect(Number(change.getAttribute('data-value'))).toBeCloseTo(0.0031, 9);
    cleanup();

    const again = storedCheck({
      ...inconclusive,
      id: 'c',
      takenAt: '2026-03-01T10:00:00.000Z',
      probability: 0.722,
    });
    expect(renderCompare(inconclusive, again, model).textContent).toBe('The model’s estimate stayed at 72%.');
  });
});
