import { createHash } from 'node:crypto';
import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import type { SplitName } from './label-config';

export interface SplitRatios {
  train: number;
  valid: number;
  test: number;
}

export const DEFAULT_RATIOS: SplitRatios = { train: 0.7, valid: 0.15, test: 0.15 };

/**
 * A stratified split for a folder that has none: within each class, files are ordered by a seeded hash of their
 * content (not their path or the order the disk lists them), so every machine and every copy of the folder gets
 * the same split; the first share goes to test, the next to valid, the rest to train.
 */
export function assignSplits<T extends { sha256: string; label: ClassLabel }>(
  items: T[],
  seed: number,
  ratios: SplitRatios = DEFAULT_RATIOS,
): Map<T, SplitName> {
  const total = ratios.train + ratios.valid + ratios.test;
  const out = new Map<T, SplitName>();
  for (const label of ['dangerous', 'not_dangerous'] as const) {
    const keyed = items
      .filter((item) => item.label === label)
      .map((item) => ({ item, key: createHash('sha256').update(`${seed}:${item.sha256}`).digest('hex') }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const n = keyed.length;
    const nTest = Math.round((n * ratios.test) / total);
    const nValid = Math.round((n * ratios.valid) / total);
    keyed.forEach(({ item }, i) =>
      out.set(item, i < nTest ? 'test' : i < nTest + nValid ? 'valid' : 'train'),
    );
  }
  return out;
}
