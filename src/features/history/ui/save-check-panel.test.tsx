// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryDb } from '../store/open-history-db';
import { CAT_PHOTO_CHECK, draft } from '../store/test-fixtures';
import { SaveCheckPanel } from './save-check-panel';

afterEach(cleanup);

describe('SaveCheckPanel', () => {
  it('asks for a name and a body location before saving, in plain words', () => {
    const makeDraft = vi.fn(() => draft());
    const onSaved = vi.fn();
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={makeDraft}
        onSaved={onSaved}
        onCancel={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByTestId('save-check-confirm'));
    expect(screen.getByRole('alert').textContent).toMatch(/Give the mole a name/);

    fireEvent.change(screen.getByTestId('mole-name'), { target: { value: 'Left shoulder' } });
    fireEvent.click(screen.getByTestId('save-check-confirm'));
    expect(screen.getByRole('alert').textContent).toMatch(/where the mole is/);
    expect(onSaved).not.toHaveBeenCalled();
    // Built once when the panel opened, not again on every render or attempt.
    expect(makeDraft).toHaveBeenCalledTimes(1);
  });

  it('keeps the body outline and the list in step, and the outline works from the keyboard', () => {
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={() => draft()}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const region = screen.getByRole('button', { name: 'Lower back, back' });
    fireEvent.keyDown(region, { key: 'Enter' });
    expect(region.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTestId('body-location') as HTMLSelectElement).value).toBe('back-lower');

    fireEvent.change(screen.getByTestId('body-location'), { target: { value: 'front-abdomen' } });
    expect(region.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Abdomen, front' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('offers the existing moles first when there are some', () => {
    const moles = [
      {
        id: 'a',
        name: 'Left shoulder',
        bodyLocation: 'back-upper-left',
        createdAt: '2026-01-01T00:00:00.000Z',
        recheckIntervalDays: 91,
      },
    ];
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={moles}
        makeDraft={() => draft()}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect((screen.getByRole('radio', { name: 'A mole I saved before' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByTestId('existing-mole') as HTMLSelectElement).value).toBe('a');
  });

  it('warns in one line that a photo the photo check turned down is saved without an estimate', () => {
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={() => draft({ riskLevel: 'inconclusive', probability: 0.97, guard: CAT_PHOTO_CHECK })}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByTestId('save-no-estimate').textContent).toBe(
      '⚠ No estimate: this photo did not pass the photo check, so it is saved without one.',
    );
    // Saving stays allowed.
    expect((screen.getByTestId('save-check-confirm') as HTMLButtonElement).disabled).toBe(false);

    cleanup();
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={() => draft({ guard: { verdict: 'accept', problems: [], reasons: [] } })}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('save-no-estimate')).toBeNull();
  });
});
