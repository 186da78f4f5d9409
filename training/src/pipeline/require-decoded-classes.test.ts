import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../dataset/build-dataset';
import { requireDecodedClasses } from './require-decoded-classes';
import type { SplitImages } from './split-features';

const entry = (relPath: string, label: ManifestEntry['label']): ManifestEntry =>
  ({ relPath, label, split: 'train' }) as ManifestEntry;
const given = [
  entry('train/Dangerous/a.jpg', 'dangerous'),
  entry('train/not_Dangerous/b.jpg', 'not_dangerous'),
];
const used = (entries: ManifestEntry[], failed: SplitImages['failed'] = []): SplitImages => ({
  entries,
  labels: entries.map((m) => (m.label === 'dangerous' ? 1 : 0)),
  failed,
  computed: entries.length,
});

describe('requireDecodedClasses', () => {
  it('lets both classes through', () => {
    expect(() =>
      requireDecodedClasses({ train: { given, used: used(given) }, valid: { given, used: used(given) } }),
    ).not.toThrow();
  });

  it('stops when every image of a class failed to decode, naming one and the reason', () => {
    const decoded = used([given[1]!], [{ relPath: 'train/Dangerous/a.jpg', reason: 'damaged JPEG data' }]);
    expect(() =>
      requireDecodedClasses({ train: { given, used: decoded }, valid: { given, used: used(given) } }),
    ).toThrow(
      'the train split has no dangerous image that could be decoded (1 failed, e.g. train/Dangerous/a.jpg: ' +
        'damaged JPEG data); a model needs both classes, so nothing was written to the model folder',
    );
  });

  it('checks only the splits it is given (the export learns of train and valid failures apart)', () => {
    const decoded = used([given[0]!], [{ relPath: 'train/not_Dangerous/b.jpg', reason: 'empty file' }]);
    expect(() => requireDecodedClasses({ valid: { given, used: used(given) } })).not.toThrow();
    expect(() => requireDecodedClasses({ valid: { given, used: decoded } })).toThrow(
      /^the valid split has no not dangerous image that could be decoded \(1 failed, e\.g\. train\/not_Dangerous\/b\.jpg: empty file\)/,
    );
  });
});
