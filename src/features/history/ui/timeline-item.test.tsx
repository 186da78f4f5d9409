// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentModel } from '../store/risk-labels';
import { CAT_PHOTO_CHECK, storedCheck, stubBlobUrls } from '../store/test-fixtures';
import { TimelineItem } from './timeline-item';

function renderItem(check = storedCheck(), model?: CurrentModel) {
  render(
    <ol>
      <TimelineItem
        check={check}
        selected={false}
        onToggleCompare={vi.fn()}
        onDelete={vi.fn()}
        model={model}
      />
    </ol>,
  );
  return screen.getByTestId('timeline-item');
}

beforeAll(stubBlobUrls);
afterEach(cleanup);

describe('TimelineItem', () => {
  it('shows no number for a photo the photo check rejected, and says why', () => {
    const item = renderItem(
      storedCheck({ riskLevel: 'inconclusive', probability: 0.97, guard: CAT_PHOTO_CHECK }),
    );
    expect(item.textContent).not.toMatch(/\d+\s*%/);
    expect(item.textContent).not.toContain('Model estimate');
    expect(item.hasAttribute('data-probability')).toBe(false);
    expect(item.getAttribute('data-photo-check')).toBe('reject');
    // Listed under the result screen's title for such a photo, not as an "Inconclusive" answer about the mole.
    expect(screen.getByTestId('history-risk').textContent).toContain('Photo not assessed — please retake it');
    expect(item.textContent).not.toContain('Inconclusive');
    expect(screen.getByTestId('no-estimate').textContent).toContain(
      'No estimate was kept, because this photo did not pass the photo check.',
    );
    expect(screen.getByRole('list', { name: 'What the photo check found' }).textContent).toContain(
      'This does not look like a close-up of skin.',
    );
  });

  it('says no estimate was kept even when no reason was stored', () => {
    renderItem(storedCheck({ probability: 0.97, guard: { verdict: 'reject', problems: [], reasons: [] } }));
    expect(screen.getByTestId('no-estimate').textContent).not.toMatch(/%/);
    expect(screen.queryByRole('list', { name: 'What the photo check found' })).toBeNull();
  });

  it('shows the number of a check that passed, and of one saved before the verdict was kept', () => {
    const passed = renderItem(
      storedCheck({ probability: 0.42, guard: { verdict: 'accept', problems: [], reasons: [] } }),
    );
    expect(passed.textContent).toContain('Model estimate: 42%');
    expect(screen.getByTestId('history-risk').textContent).toContain('Low concern');
    expect(passed.getAttribute('data-probability')).toBe('0.42');
    cleanup();

    const old = renderItem(storedCheck({ probability: 0.07 }));
    expect(old.textContent).toContain('Model estimate: 7%');
    expect(old.hasAttribute('data-photo-check')).toBe(false);
    expect(screen.queryByTestId('no-estimate')).toBeNull();
  });

  it('shows a check of the running model as its result screen did: inside the range of its level', () => {
    // The review: 0.7195 is inconclusive; the result screen says "From 73%: have it checked".
    const model: CurrentModel = { version: 'model-7', inconclusiveBand: [0.166, 0.7224] };
    const above = storedCheck({ riskLevel: 'high', probability: 0.7226, modelVersion: 'model-7' });
    expect(renderItem(above, model).textContent).toContain('Model estimate: 73%');
    cleanup();
    const below = storedCheck({ riskLevel: 'low', probability: 0.1655, modelVersion: 'model-7' });
    expect(renderItem(below, model).textContent).toContain('Model estimate: 16%');
    cleanup();
    // Another version's check saved before bands were kept: its band is not known, so it is rounded as it is.
    const older = storedCheck({ riskLevel: 'high', probability: 0.7226, modelVersion: 'model-6' });
    const item = renderItem(older, model);
    expect(item.textContent).toContain('Model estimate: 72%');
    expect(item.getAttribute('data-probability')).toBe('0.7226');
  });

  it('shows a check with its own band as its result screen did, after a model update and before loading', () => {
    // Saved by model-6, whose band was [0.166, 0.7224): its result screen said 73% ("From 73%: have it checked").
    const saved = storedCheck({
      riskLevel: 'high',
      probability: 0.7226,
      modelVersion: 'model-6',
      inconclusiveBand: [0.166, 0.7224],
    });
    // The updated model's band would make 0.7226 inconclusive (72%): it must not be read against that.
    const updated: CurrentModel = { version: 'model-7', inconclusiveBand: [0.171, 0.724] };
    expect(renderItem(saved, updated).textContent).toContain('Model estimate: 73%');
    cleanup();
    expect(renderItem(saved, undefined).textContent).toContain('Model estimate: 73%');
    cleanup();
    // With the band [0.171, 0.724): 0.7241 is "have it checked", shown from 73%, not rounded down to 72%.
    const later = storedCheck({ riskLevel: 'high', probability: 0.7241, inconclusiveBand: [0.171, 0.724] });
    expect(renderItem({ ...later, modelVersion: 'model-7' }, undefined).textContent).toContain(
      'Model estimate: 73%',
    );
    cleanup();
    // Its own band wins over the running model's, even for a check of the same version.
    expect(renderItem({ ...saved, modelVersion: 'model-7' }, updated).textContent).toContain(
      'Model estimate: 73%',
    );
  });
});
