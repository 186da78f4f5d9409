import { describe, expect, it } from 'vitest';
import { fakeImage } from '../store/test-fixtures';
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
});
