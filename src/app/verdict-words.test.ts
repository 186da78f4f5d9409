import { describe, expect, it } from 'vitest';
import { NOT_ASSESSED_COPY, RISK_COPY } from '../features/analysis/risk-copy';
import { NOT_ASSESSED_LABEL, RISK_LABELS } from '../features/history/store/risk-labels';
import { RISK_LEVELS } from '../shared/model/risk-level';

// The history repeats the result screen's titles (features cannot import each other); here, where both meet,
// a drift between the two copies fails instead of showing a saved check under other words than its result.
describe('result screen and My moles use the same words for an answer', () => {
  it.each(RISK_LEVELS)('%s', (level) => {
    expect(RISK_LABELS[level].text).toBe(RISK_COPY[level].title);
  });

  it('a photo the photo check refused', () => {
    expect(NOT_ASSESSED_LABEL.text).toBe(NOT_ASSESSED_COPY.title);
  });
});
