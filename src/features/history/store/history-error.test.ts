import { describe, expect, it } from 'vitest';
import { toHistoryError } from './history-error';

describe('toHistoryError', () => {
  it.each([
    ['QuotaExceededError', 'quota', /not enough storage space/],
    ['InvalidStateError', 'unavailable', /private window/],
    ['SecurityError', 'unavailable', /private window/],
    ['NotFoundError', 'not-found', /no longer exists/],
    ['VersionError', 'outdated', /Reload this page/],
    ['DataError', 'unknown', /Nothing saved before was lost/],
  ])('maps %s to a plain-language %s error', (name, kind, message) => {
    const error = toHistoryError(new DOMException('technical detail', name));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/technical detail|Exception/);
  });

  it('copes with things that are not errors at all', () => {
    expect(toHistoryError('boom').kind).toBe('unknown');
    expect(toHistoryError(null).kind).toBe('unknown');
  });
});
