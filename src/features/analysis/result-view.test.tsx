// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../shared/model/model-metadata';
import type { AnalysisResult } from './analysis-types';
import { ResultView } from './result-view';

const metadata = { threshold: 0.4, inconclusiveBand: [0.3, 0.5] } as unknown as ModelMetadata;

function result(probability: number, verdict: 'accept' | 'reject' = 'accept'): AnalysisResult {
  return {
    logit: 0,
    probability,
    features: new Float32Array(0),
    guard:
      verdict === 'accept'
        ? { verdict, problems: [], reasons: [] }
        : { verdict, problems: ['blurred'], reasons: ['The photo is blurred. Hold the phone steady.'] },
    backend: 'wasm',
    ms: 80,
  };
}

const show = (r: AnalysisResult) =>
  render(<ResultView result={r} metadata={metadata} onRetake={() => {}} onModelCard={() => {}} />);

afterEach(cleanup);

describe('ResultView', () => {
  it.each([
    [0.1, 'low', 'Low concern'],
    [0.4, 'inconclusive', 'Inconclusive — retake or have it checked'],
    [0.9, 'high', 'Have it checked by a doctor'],
  ])('p = %s reads as %s, in words and with an icon, never as a diagnosis', (p, risk, title) => {
    const { container } = show(result(p));
    const level = screen.getByTestId('risk-level');
    expect(level.dataset.risk).toBe(risk);
    expect(level.textContent).toContain(title);
    expect(level.querySelector('svg')).not.toBeNull();
    expect(Number(screen.getByTestId('probability').dataset.value)).toBe(p);
    expect(container.textContent).not.toMatch(/diagnos/i);
  });

  it('turns a guard rejection into "inconclusive" with the retake advice and no estimate', () => {
    show(result(0.95, 'reject'));
    expect(screen.getByTestId('risk-level').dataset.risk).toBe('inconclusive');
    expect(screen.getByText(/The photo is blurred/)).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('shows the estimate as a labelled meter with the inconclusive range it is read against', () => {
    show(result(0.9));
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('90');
    const scale = document.getElementById(meter.getAttribute('aria-describedby')!)!;
    expect(scale.textContent).toBe(
      'Below 30%: low concern. 30–50%: inconclusive (shaded). From 50%: have it checked.',
    );
    expect(screen.getByText(/It is not your personal risk/)).toBeTruthy();
  });
});
