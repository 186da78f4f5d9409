// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CAT_PHOTO_CHECK, storedCheck, stubBlobUrls } from '../store/test-fixtures';
import { TimelineItem } from './timeline-item';

function renderItem(check = storedCheck()) {
  render(
    <ol>
      <TimelineItem check={check} selected={false} onToggleCompare={vi.fn()} onDelete={vi.fn()} />
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
    expect(item.textContent).not.toContain('Model probability');
    expect(item.hasAttribute('data-probability')).toBe(false);
    expect(item.getAttribute('data-photo-check')).toBe('reject');
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
    expect(passed.textContent).toContain('Model probability: 42%');
    expect(passed.getAttribute('data-probability')).toBe('0.42');
    cleanup();

    const old = renderItem(storedCheck({ probability: 0.07 }));
    expect(old.textContent).toContain('Model probability: 7%');
    expect(old.hasAttribute('data-photo-check')).toBe(false);
    expect(screen.queryByTestId('no-estimate')).toBeNull();
  });
});
