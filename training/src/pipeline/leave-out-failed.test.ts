import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../dataset/build-dataset';
import { leaveOutFailed } from './leave-out-failed';
import type { SplitImages } from './split-features';

const entry = (relPath: string, label: ManifestEntry['label']): ManifestEntry =>
  ({ relPath, label, split: 'valid' }) as ManifestEntry;
const split: SplitImages = {
  entries: [
    entry('valid/Dangerous/a.jpg', 'dangerous'),
    entry('valid/not_Dangerous/b.jpg', 'not_dangerous'),
    entry('valid/Dangerous/c.jpg', 'dangerous'),
  ],
  labels: [1, 0, 1],
  failed: [{ relPath: 'valid/Dangerous/earlier.jpg', reason: 'empty file' }],
  computed: 3,
};

describe('leaveOutFailed', () => {
  it('moves the images that failed to the failed list, by name and reason, and keeps labels in step', () => {
    const left = leaveOutFailed(split, [{ index: 0, reason: 'corrupt or truncated JPEG' }]);
    expect(left.entries.map((m) => m.relPath)).toEqual([
      'valid/not_Dangerous/b.jpg',
      'valid/Dangerous/c.jpg',
    ]);
    expect(left.labels).toEqual([0, 1]);
    expect(left.failed).toEqual([
      { relPath: 'valid/Dangerous/earlier.jpg', reason: 'empty file' },
      { relPath: 'valid/Dangerous/a.jpg', reason: 'corrupt or truncated JPEG' },
    ]);
    expect(left.computed).toBe(3);
  });

  it('returns the split itself when nothing failed', () => {
    expect(leaveOutFailed(split, [])).toBe(split);
  });
});
