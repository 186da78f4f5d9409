import { describe, expect, it } from 'vitest';
import { assessImage } from './assess-image';
import type { QualityAssessment } from './assess-quality';
import type { QualityStats } from './quality-stats';
import { retakeAdvice } from './retake-advice';

const stats = {} as QualityStats;
const good: QualityAssessment = { ok: true, problems: [], stats };

describe('assessImage', () => {
  it('passes a good photo that the network sees as dermoscopy', () => {
    const v = assessImage(good, { distance: 0.9, inDomain: true });
    expect(v).toMatchObject({ ok: true, problems: [], advice: [] });
  });

  it('calls a well-exposed, sharp but off-domain image not skin, with advice', () => {
    const v = assessImage(good, { distance: 3, inDomain: false });
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual(['not-skin']);
    expect(v.advice).toEqual([retakeAdvice['not-skin']]);
  });

  it('calls an off-domain glaring image (a screenshot, a white page) not skin first, then overexposed', () => {
    const bright: QualityAssessment = { ok: false, problems: ['overexposed'], stats };
    expect(assessImage(bright, { distance: 3, inDomain: false }).problems).toEqual([
      'not-skin',
      'overexposed',
    ]);
    expect(assessImage(bright, { distance: 1, inDomain: true }).problems).toEqual(['overexposed']);
  });

  it('gives only photographic advice when darkness or blur explains the off-domain features', () => {
    const dark: QualityAssessment = { ok: false, problems: ['blurred', 'too-dark'], stats };
    const v = assessImage(dark, { distance: 3, inDomain: false });
    expect(v.problems).toEqual(['too-dark', 'blurred']);
    expect(v.advice).toHaveLength(2);
    expect(v.advice.every((a) => a.length > 20)).toBe(true);
  });

  it('works without a domain guard (a model whose metadata has none)', () => {
    expect(assessImage(good).ok).toBe(true);
    expect(assessImage({ ok: false, problems: ['overexposed'], stats }).ok).toBe(false);
  });
});
