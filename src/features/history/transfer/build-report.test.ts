import { describe, expect, it } from 'vitest';
import { CAT_PHOTO_CHECK, fakeImage, storedCheck } from '../store/test-fixtures';
import { buildReport, type ReportModel } from './build-report';

const leftShoulder = {
  id: 'm',
  name: 'Left shoulder',
  bodyLocation: 'back-upper-left',
  createdAt: '2026-01-01T00:00:00.000Z',
  recheckIntervalDays: 91,
};

/** Made-up figures, so the test can tell the report takes them from the metadata it is given. */
const model = {
  version: 'model-7',
  inconclusiveBand: [0.166, 0.7224],
  metrics: {
    test: {
      n: 40,
      sensitivity: 0.85,
      specificity: 0.65,
      confusion: { tp: 17, fn: 3, tn: 13, fp: 7 },
      levels: {
        dangerous: { n: 20, high: 0.6, inconclusive: 0.35, low: 0.05 },
        notDangerous: { n: 20, high: 0.1, inconclusive: 0.4, low: 0.5 },
      },
    },
  },
} as unknown as ReportModel;

describe('printable report', () => {
  it('is self-contained, escapes names, shows results, model version and the not-a-diagnosis notice', async () => {
    const html = await buildReport(
      {
        moles: [
          {
            id: 'm',
            name: '<img src=x onerror=alert(1)>',
            bodyLocation: 'back-lower',
            createdAt: '2026-01-01T00:00:00.000Z',
            recheckIntervalDays: 91,
          },
        ],
        checks: [
          {
            id: 'c',
            moleId: 'm',
            takenAt: '2026-02-03T04:05:00.000Z',
            riskLevel: 'high',
            probability: 0.876,
            modelVersion: 'model-7',
            photo: fakeImage('image/jpeg', 1),
            crop: fakeImage('image/png', 2),
          },
        ],
      },
      new Date('2026-03-01T00:00:00.000Z'),
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('data:image/jpeg;base64,');
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain('Have it checked by a doctor');
    expect(html).toContain('88%');
    expect(html).toContain('model-7');
    expect(html).toContain('Lower back, back');
    expect(html).toMatch(/not a diagnosis/);
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('lists no number for a photo the photo check rejected, with the reason, and the others as before', async () => {
    const html = await buildReport({
      moles: [
        {
          id: 'm',
          name: 'Left shoulder',
          bodyLocation: 'back-upper-left',
          createdAt: '2026-01-01T00:00:00.000Z',
          recheckIntervalDays: 91,
        },
      ],
      checks: [
        storedCheck({
          id: 'cat',
          riskLevel: 'inconclusive',
          probability: 0.97,
          guard: { ...CAT_PHOTO_CHECK, reasons: ['Not <skin> & not a mole.'] },
        }),
        storedCheck({
          id: 'passed',
          probability: 0.07,
          guard: { verdict: 'accept', problems: [], reasons: [] },
        }),
        // Saved before the verdict was kept: shown as it always was.
        storedCheck({ id: 'old', probability: 0.42 }),
      ],
    });
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).not.toMatch(/\d+%/);
    expect(rows[0]).toContain('No estimate was kept, because this photo did not pass the photo check.');
    expect(rows[0]).toContain('<li>Not &lt;skin&gt; &amp; not a mole.</li>');
    expect(rows[1]).toContain('<td>7%</td>');
    expect(rows[2]).toContain('<td>42%</td>');
    expect(html).not.toContain('97%');
  });

  it('calls the number a model estimate and says what it is, without figures it was not given', async () => {
    const html = await buildReport({ moles: [leftShoulder], checks: [storedCheck({ probability: 0.42 })] });
    expect(html).toContain('<th>Model estimate</th>');
    expect(html).not.toMatch(/probability/i);
    const note = html.slice(html.indexOf('<section class="about"'), html.indexOf('</section>'));
    expect(note).toContain('resembles the moles in the model’s training images that needed a doctor');
    expect(note).toContain('It is not the person’s risk of skin cancer, and it is not a diagnosis.');
    expect(note).toContain('When in doubt, see a doctor');
    expect(note).toContain('model card');
    expect(note).not.toMatch(/sensitivity|specificity|\d+\s*%/i);
  });

  it('with the running model: its answer ranges and measured test figures, and its checks’ numbers as shown in the app', async () => {
    const html = await buildReport(
      {
        moles: [leftShoulder],
        checks: [
          storedCheck({ id: 'a', riskLevel: 'high', probability: 0.7226, modelVersion: 'model-7' }),
          storedCheck({ id: 'b', riskLevel: 'high', probability: 0.7226, modelVersion: 'model-6' }),
          storedCheck({
            id: 'cat',
            riskLevel: 'inconclusive',
            probability: 0.97,
            modelVersion: 'model-7',
            guard: CAT_PHOTO_CHECK,
          }),
          storedCheck({
            id: 'd',
            riskLevel: 'high',
            probability: 0.7226,
            modelVersion: 'model-6',
            inconclusiveBand: [0.166, 0.7224],
          }),
        ],
      },
      new Date('2026-03-01T00:00:00.000Z'),
      model,
    );
    const note = html.slice(html.indexOf('<section class="about"'), html.indexOf('</section>'));
    expect(note).toContain(
      'Model version model-7 answers “Low concern” below 17%, “Have it checked by a doctor” from 73%',
    );
    // The app's own three answers come first: the yes/no count would read as more "Have it checked" than it gave.
    expect(note).toContain(
      'On 40 test images it never saw in training, the app answered: for the 20 moles that needed a doctor, ' +
        '12 “Have it checked by a doctor”, 7 “Inconclusive — retake or have it checked”, 1 “Low concern”; ' +
        'for the 20 that did not, 2 “Have it checked by a doctor”, 8 “Inconclusive — retake or have it checked”, ' +
        '10 “Low concern”.',
    );
    expect(note.indexOf('the app answered')).toBeLessThan(note.indexOf('sensitivity'));
    expect(note).toContain('sensitivity 85% (17 of the 20 moles that needed a doctor were flagged)');
    expect(note).toContain('specificity 65% (13 of the 20 that did not were not flagged)');
    const rows = html.split('<tr>').slice(2);
    // 72.26% is "have it checked" from 73%: shown as 73%, not 72%. Another version's band is not known.
    expect(rows[0]).toContain('<td>73%</td>');
    expect(rows[1]).toContain('<td>72%</td>');
    expect(rows[2]).not.toMatch(/\d+%/);
    // Another version's check that kept its band shows the number its result screen did.
    expect(rows[3]).toContain('<td>73%</td>');
    expect(html).not.toContain('97%');
  });

  it('leaves the measured figures out when the metadata has none', async () => {
    const html = await buildReport({ moles: [], checks: [] }, new Date(), {
      ...model,
      metrics: {},
    });
    expect(html).toContain('below 17%');
    expect(html).not.toMatch(/sensitivity|specificity/i);
  });

  it('dates "First recorded" from the oldest check, which is taken before the mole record is saved', async () => {
    const takenAt = '2026-02-01T10:49:00.000Z';
    const html = await buildReport(
      {
        moles: [
          {
            id: 'm',
            name: 'Left arm',
            bodyLocation: 'front-arm-left',
            createdAt: '2026-02-01T10:50:30.000Z',
            recheckIntervalDays: 91,
          },
        ],
        checks: [storedCheck({ moleId: 'm', takenAt })],
      },
      new Date('2026-03-01T00:00:00.000Z'),
    );
    // The mole record was saved at 10:50:30, a minute after the photo.
    expect(html).toContain('First recorded 2026-02-01 10:49 UTC');
  });
});
