import { describe, expect, it } from 'vitest';
import { CAT_PHOTO_CHECK, fakeImage, storedCheck } from '../store/test-fixtures';
import { buildReport } from './build-report';

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
});
