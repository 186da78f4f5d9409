// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProbabilityBar } from './probability-bar';

/** The band of the model the user review ran (public/model/metadata.json, 2026-11-27). */
const band: [number, number] = [0.16598213443754156, 0.7224059140582528];

function show(probability: number, withheld = false) {
  render(<ProbabilityBar probability={probability} band={band} withheld={withheld} />);
  return {
    label: document.getElementById('probability-label')?.textContent,
    scale: document.getElementById('probability-scale')?.textContent,
    meter: screen.queryByRole('meter'),
  };
}

afterEach(cleanup);

describe('ProbabilityBar', () => {
  it('the review (D505.jpg, 0.7195, inconclusive): the number lies inside the inconclusive range it shows', () => {
    const { label, scale, meter } = show(0.7195);
    expect(label).toBe('Model estimate: 72%');
    expect(scale).toBe('Below 17%: low concern. 17–72%: inconclusive (shaded). From 73%: have it checked.');
    expect(meter?.getAttribute('aria-valuenow')).toBe('72');
  });

  it('a "have it checked" value just above the edge is not shown below "From 73%"', () => {
    expect(show(0.7226).label).toBe('Model estimate: 73%');
  });

  it('a "low concern" value just below the lower edge is not shown at "17%"', () => {
    expect(show(0.1655).label).toBe('Model estimate: 16%');
  });

  it('keeps the exact probability for tests and shows no number for a refused photo', () => {
    const { label, meter } = show(0.7195, true);
    expect(label).toBeUndefined();
    expect(meter).toBeNull();
    expect(screen.getByTestId('probability').dataset.value).toBe('0.7195');
    expect(screen.getByTestId('probability').textContent).not.toMatch(/\d+\s*%/);
  });
});
