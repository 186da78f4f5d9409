// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelMetadata } from '../../shared/model/model-metadata';
import type { AnalysisResult } from './analysis-types';
import { ResultView } from './result-view';

// Made-up test figures, so the test can tell they come from the metadata passed in.
const testSplit = {
  n: 40,
  confusion: { tp: 18, fp: 7, tn: 13, fn: 2 },
  levels: {
    dangerous: { n: 20, high: 0.6, inconclusive: 0.35, low: 0.05 },
    notDangerous: { n: 20, high: 0.15, inconclusive: 0.45, low: 0.4 },
  },
};
const metadata = {
  threshold: 0.4,
  inconclusiveBand: [0.3, 0.5],
  metrics: { test: testSplit },
} as unknown as ModelMetadata;

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

const show = (r: AnalysisResult, meta = metadata, onModelCard = () => {}) =>
  render(<ResultView result={r} metadata={meta} onRetake={() => {}} onModelCard={onModelCard} />);

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

  it('titles a turned-down photo as not assessed, asks for a retake, and shows no number or error rate', () => {
    const { container } = show(result(0.95, 'reject'));
    const verdict = screen.getByTestId('risk-level');
    expect(screen.getByRole('heading', { level: 2, name: 'Photo not assessed — please retake it' })).toBe(
      verdict.querySelector('h2'),
    );
    expect(verdict.textContent).not.toMatch(/Inconclusive|have it checked/i);
    expect(screen.getByRole('heading', { name: 'What to do next' }).nextElementSibling?.textContent).toMatch(
      /^Retake the photo/,
    );
    expect(container.textContent).not.toMatch(/95 ?%/);
    expect(screen.queryByTestId('error-rate')).toBeNull();
  });

  it('puts the phone-photo caveat right after the verdict, before the next steps and the ABCDE signs', () => {
    const { container } = show(result(0.1));
    const note = screen.getByTestId('domain-note');
    expect(note.textContent).toMatch(/learned from dermatoscope images/);
    expect(note.textContent).toMatch(/different kind of picture/);
    expect(screen.getByTestId('risk-level').nextElementSibling).toBe(note);
    const abcde = container.querySelector('.abcde')!;
    expect(note.compareDocumentPosition(abcde) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it.each([
    [0.1, 'it called 1 of 20 moles that needed a doctor “Low concern”'],
    [0.9, 'it said “Have it checked” for 3 of 20 harmless moles'],
    [0.4, 'it gave this answer for 7 of 20 moles that needed a doctor and 9 of 20 harmless ones'],
  ])('beside the verdict for p = %s, says how often the model is wrong, from the metadata', (p, line) => {
    const onModelCard = vi.fn();
    show(result(p), metadata, onModelCard);
    const rate = screen.getByTestId('error-rate');
    expect(screen.getByTestId('risk-level').contains(rate)).toBe(true);
    expect(rate.textContent).toMatch(/test on photos it had never seen/);
    expect(rate.textContent).toContain(line);
    fireEvent.click(screen.getByRole('button', { name: 'How often it is wrong' }));
    expect(onModelCard).toHaveBeenCalledOnce();
  });

  it('falls back to the yes/no test counts, or to the link alone, when the metadata has less', () => {
    const withoutLevels = { ...testSplit, levels: undefined };
    show(result(0.1), { ...metadata, metrics: { test: withoutLevels } } as unknown as ModelMetadata);
    expect(screen.getByTestId('error-rate').textContent).toContain(
      'it missed 2 of 20 moles that needed a doctor and flagged 7 of 20 harmless ones',
    );
    cleanup();
    show(result(0.1), { ...metadata, metrics: {} } as unknown as ModelMetadata);
    expect(screen.getByTestId('error-rate').textContent).toBe('How often it is wrong');
  });

  it('shows the estimate as a labelled meter with the inconclusive range it is read against', () => {
    show(result(0.9));
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('90');
    const scale = document.getElementById(meter.getAttribute('aria-describedby')!)!;
    expect(scale.textContent).toBe(
      'Below 30%: low concern. 30–49%: inconclusive (shaded). From 50%: have it checked.',
    );
    expect(screen.getByText(/It is not your personal risk/)).toBeTruthy();
  });
});
