// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfflineReadyToast, UpdatePrompt } from './pwa-notices';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const READY = 'Ready to work offline. You can now check photos without a connection.';

describe('OfflineReadyToast', () => {
  it('fills a status region that was there before, so screen readers announce it', () => {
    const { rerender } = render(<OfflineReadyToast show={false} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<OfflineReadyToast show={true} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe(READY);
    expect(region.className).toContain('toast');
  });

  it('gets out of the way after a few seconds by itself, keeping its text for screen readers', () => {
    render(<OfflineReadyToast show={true} />);
    const region = screen.getByRole('status');
    // Nothing to answer: no button that would have to be tapped to clear it.
    expect(screen.queryByRole('button')).toBeNull();
    act(() => vi.advanceTimersByTime(4_000));
    expect(region.className).not.toContain('visually-hidden');
    act(() => vi.advanceTimersByTime(2_000));
    expect(region.className).toBe('visually-hidden');
    expect(region.textContent).toBe(READY);
  });
});

describe('UpdatePrompt', () => {
  it('stays until the person chooses, since it needs an action', () => {
    render(<UpdatePrompt show={true} onReload={() => {}} onLater={() => {}} />);
    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(screen.getByRole('alert').textContent).toMatch(/Update available/);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
