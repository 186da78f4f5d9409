// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryDb } from '../store/open-history-db';
import { SaveCheckPanel } from './save-check-panel';

afterEach(cleanup);

describe('SaveCheckPanel', () => {
  it('asks for a name and a body location before saving, in plain words', () => {
    const makeDraft = vi.fn();
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={makeDraft}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByTestId('save-check-confirm'));
    expect(screen.getByRole('alert').textContent).toMatch(/Give the mole a name/);

    fireEvent.change(screen.getByTestId('mole-name'), { target: { value: 'Left shoulder' } });
    fireEvent.click(screen.getByTestId('save-check-confirm'));
    expect(screen.getByRole('alert').textContent).toMatch(/where the mole is/);
    expect(makeDraft).not.toHaveBeenCalled();
  });

  it('keeps the body outline and the list in step, and the outline works from the keyboard', () => {
    render(
      <SaveCheckPanel
        db={{} as HistoryDb}
        moles={[]}
        makeDraft={vi.fn()}
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
        makeDraft={vi.fn()}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect((screen.getByRole('radio', { name: 'A mole I saved before' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByTestId('existing-mole') as HTMLSelectElement).value).toBe('a');
  });
});
