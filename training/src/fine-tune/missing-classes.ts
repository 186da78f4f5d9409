import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import type { SplitName } from '../dataset/label-config';

/** The splits a fine-tune run learns (train) and picks its best epoch (valid) from: each needs both classes. */
const NEEDED: { split: SplitName; label: ClassLabel; folder: string }[] = [
  { split: 'train', label: 'dangerous', folder: 'train/Dangerous' },
  { split: 'train', label: 'not_dangerous', folder: 'train/not_Dangerous' },
  { split: 'valid', label: 'dangerous', folder: 'valid/Dangerous' },
  { split: 'valid', label: 'not_dangerous', folder: 'valid/not_Dangerous' },
];

/**
 * What the data lacks for a fine-tune run, e.g. ["valid/not_Dangerous"], or [] when nothing is missing. With one
 * class only, the loss weights divide by zero and the valid AUC is undefined, so no epoch could ever be "best".
 */
export function missingClasses(entries: readonly { split: SplitName; label: ClassLabel }[]): string[] {
  return NEEDED.filter(
    ({ split, label }) => !entries.some((e) => e.split === split && e.label === label),
  ).map((n) => n.folder);
}
