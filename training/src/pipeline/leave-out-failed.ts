import type { DecodeFailure } from '../export/measure-variants';
import type { SplitImages } from './split-features';

/**
 * A split less the images a later stage could not decode (`failed` indexes its `entries`): they move to its
 * `failed` list with their reason, so every count and the skipped list see the same images as the model did.
 */
export function leaveOutFailed(split: SplitImages, failed: readonly DecodeFailure[]): SplitImages {
  if (failed.length === 0) return split;
  const dropped = new Set(failed.map((f) => f.index));
  const kept = (_: unknown, i: number) => !dropped.has(i);
  return {
    entries: split.entries.filter(kept),
    labels: split.labels.filter(kept),
    failed: [
      ...split.failed,
      ...failed.map((f) => ({ relPath: split.entries[f.index]!.relPath, reason: f.reason })),
    ],
    computed: split.computed,
  };
}
