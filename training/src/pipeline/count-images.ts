import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import type { SplitName } from '../dataset/label-config';

/** Images used per split and class, as metadata.json's training.images lists them (total, train, train/dangerous …). */
export function countImages(
  used: readonly { split: SplitName; label: ClassLabel }[],
): Record<string, number> {
  const images: Record<string, number> = { total: used.length };
  for (const split of ['train', 'valid', 'test'] as const) {
    images[split] = used.filter((m) => m.split === split).length;
    for (const label of ['dangerous', 'not_dangerous'] as const) {
      images[`${split}/${label}`] = used.filter((m) => m.split === split && m.label === label).length;
    }
  }
  return images;
}
