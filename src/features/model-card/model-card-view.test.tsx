// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../shared/model/model-metadata';
import { ModelCardView } from './model-card-view';

afterEach(cleanup);

const committed = JSON.parse(
  readFileSync(resolve(__dirname, '../../../public/model/metadata.json'), 'utf8'),
) as ModelMetadata;

describe('ModelCardView', () => {
  it('says how often melanomas from other clinics were called low concern, from metadata', () => {
    const metadata: ModelMetadata = {
      ...committed,
      outOfDomain: {
        dataset: 'ISIC 2017',
        auc: 0.712,
        aucCi95: [0.684, 0.741],
        melanoma: { n: 374, high: 0.436, inconclusive: 0.481, low: 0.083 },
        benign: { n: 1626, high: 0.168, inconclusive: 0.566, low: 0.266 },
      },
    };
    render(<ModelCardView metadata={metadata} />);
    const note = screen.getByTestId('out-of-domain').textContent ?? '';
    expect(note).toMatch(/374 melanomas/);
    expect(note).toMatch(/“Low concern”\s+for 8%/);
    expect(note).toMatch(/0\.71 \(95% CI 0\.68–0\.74\), weaker than on photos like the ones it learned from/);
    // False alarms elsewhere too, so a low miss rate is not read as a free gain.
    expect(note).toMatch(/“Have it checked” for 17% of those benign lesions/);
  });

  it('does not call the other clinics weaker when they were not', () => {
    const outOfDomain = {
      dataset: 'ISIC 2017',
      auc: 0.99,
      aucCi95: [0.98, 1] as [number, number],
      melanoma: { n: 10, high: 1, inconclusive: 0, low: 0 },
      benign: { n: 10, high: 0, inconclusive: 0, low: 1 },
    };
    render(<ModelCardView metadata={{ ...committed, outOfDomain }} />);
    expect(screen.getByTestId('out-of-domain').textContent).not.toMatch(/weaker/);
  });

  it('leaves the note out when the model has no out-of-domain measurement', () => {
    render(<ModelCardView metadata={{ ...committed, outOfDomain: undefined }} />);
    expect(screen.queryByTestId('out-of-domain')).toBeNull();
    expect(screen.getByText(/Held-out test photos/)).toBeTruthy();
  });

  it('shows what the app answered on the test photos, per true class, and the ranges behind the answers', () => {
    const test = {
      ...committed.metrics.test!,
      n: 20,
      levels: {
        dangerous: { n: 10, high: 0.6, inconclusive: 0.4, low: 0 },
        notDangerous: { n: 10, high: 0.1, inconclusive: 0.5, low: 0.4 },
      },
    };
    const metadata: ModelMetadata = {
      ...committed,
      threshold: 0.32,
      inconclusiveBand: [0.16, 0.7],
      metrics: { ...committed.metrics, test },
    };
    render(<ModelCardView metadata={metadata} />);
    const rows = Array.from(screen.getByTestId('test-levels').querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Needed a doctor (10)', '6 (60%)', '4 (40%)', '0 (0%)'],
      ['Harmless (10)', '1 (10%)', '5 (50%)', '4 (40%)'],
    ]);
    const ranges = screen.getByTestId('answer-ranges').textContent ?? '';
    expect(ranges).toMatch(
      /“Low concern” below 16%, “Have it checked” from 70%, and “Inconclusive” in between/,
    );
    // The three answers come before the yes/no figures, which count at a cut-off no screen shows.
    const text = document.body.textContent ?? '';
    expect(text.indexOf('The app gives three answers')).toBeLessThan(text.indexOf('counted yes/no'));
    expect(text).toMatch(/32% or more counts as “needs a doctor”/);
  });

  it('says under the answers table that its counts were worked out once and may differ at a boundary', () => {
    render(<ModelCardView metadata={committed} />);
    const table = screen.getByRole('table', { name: /what the app answered/i });
    const note = screen.getByTestId('test-levels-note');
    expect(table.getAttribute('aria-describedby')).toBe(note.id);
    expect(note.textContent).toMatch(/worked out once, when the model was made/);
    expect(note.textContent).toMatch(/right at the boundary between two answers can land on the other side/);
  });

  it('names each table’s scrolling box by its caption, so it can be found and scrolled by keyboard', () => {
    render(<ModelCardView metadata={committed} />);
    for (const name of [/held-out test photos/i, /what the app answered/i]) {
      const region = screen.getByRole('region', { name });
      expect(region.getAttribute('tabindex')).toBe('0');
      expect(region.querySelector('table')).toBeTruthy();
    }
  });

  it('tells what it learned from in plain words and keeps the raw facts in closed technical details', () => {
    render(<ModelCardView metadata={committed} />);
    const section = screen.getByRole('region', { name: 'What it learned from' });
    const details = section.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Technical details (for developers)');
    // The plain text is outside the details; the raw description and recipe from metadata.json inside.
    const plain = (section.textContent ?? '').replace(details.textContent ?? '', '');
    expect(plain).toMatch(/taken through a skin microscope/);
    expect(plain).toMatch(/880 photos to learn from \(440 needed a doctor, 440 harmless\)/);
    expect(plain).toMatch(/126 photos kept apart/);
    expect(plain).toMatch(
      /MobileNetV2 1\.0 224, a general-purpose picture-recognition network \(Apache-2\.0 licence\)/,
    );
    expect(plain).not.toMatch(/recipe|epoch|valid AUC|class folders/i);
    expect(screen.getByTestId('training-description').textContent).toBe(committed.training.description);
    expect(screen.getByTestId('training-recipe').textContent).toBe(committed.training.recipe);
    expect(details.textContent).toContain(committed.baseModel.name);
    expect(details.textContent).toMatch(/train: 880 images \(440 dangerous, 440 not dangerous\)/);
  });

  it('says how the yes/no cut-off was found with the validation split’s own counts', () => {
    const valid = committed.metrics.valid!;
    const metadata: ModelMetadata = {
      ...committed,
      metrics: { ...committed.metrics, valid: { ...valid, confusion: { tp: 101, fn: 25, tn: 90, fp: 36 } } },
    };
    render(<ModelCardView metadata={metadata} />);
    expect(document.body.textContent).toMatch(
      /the cut-off that flagged 101 of the 126 such moles among 252 separate validation photos/,
    );
  });

  it('leaves the answers table out for metadata without test levels', () => {
    const test = { ...committed.metrics.test! };
    delete test.levels;
    render(<ModelCardView metadata={{ ...committed, metrics: { ...committed.metrics, test } }} />);
    expect(screen.queryByTestId('test-levels')).toBeNull();
    expect(screen.getByText(/Held-out test photos/)).toBeTruthy();
  });
});
