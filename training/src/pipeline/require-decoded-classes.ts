import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import type { ManifestEntry } from '../dataset/build-dataset';
import type { SplitImages } from './split-features';

const LABEL_NAMES: Record<ClassLabel, string> = { dangerous: 'dangerous', not_dangerous: 'not dangerous' };

/**
 * The dataset stage reads only image headers, so a class can still lose every image when the pixels are decoded.
 * A head fitted on one class (or calibrated on one) would look like a model and answer nonsense: stop, saying
 * which images failed, before anything is written to the model folder. Checks the splits given (the export stage
 * learns of train and valid failures at different times).
 */
export function requireDecodedClasses(
  splits: Partial<Record<'train' | 'valid', { given: readonly ManifestEntry[]; used: SplitImages }>>,
): void {
  for (const [split, { given, used }] of Object.entries(splits)) {
    for (const label of ['dangerous', 'not_dangerous'] as const) {
      if (used.entries.some((m) => m.label === label)) continue;
      const labelOf = new Map(given.map((m) => [m.relPath, m.label]));
      const failed = used.failed.filter((f) => labelOf.get(f.relPath) === label);
      const example = failed[0] ? `, e.g. ${failed[0].relPath}: ${failed[0].reason}` : '';
      throw new Error(
        `the ${split} split has no ${LABEL_NAMES[label]} image that could be decoded ` +
          `(${failed.length} failed${example}); a model needs both classes, so nothing was written to the model ` +
          'folder. Replace or remove the damaged files and run again.',
      );
    }
  }
}
