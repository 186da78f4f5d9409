import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import type { SplitName } from './label-config';

export interface DuplicateFile {
  relPath: string;
  sha256: string;
  /** The copy that was kept, or null when every copy was dropped. */
  keptRelPath: string | null;
  reason: string;
}

const SPLIT_ORDER: Record<SplitName, number> = { train: 0, valid: 1, test: 2 };

/**
 * One copy per file content. A file in two splits stays in the earlier one (train, then valid, then test), so a
 * test image can never also be a training image. A file filed under both classes is dropped entirely: its label
 * cannot be trusted.
 */
export function removeDuplicates<
  T extends { relPath: string; sha256: string; label: ClassLabel; split: SplitName | null },
>(items: T[]): { kept: T[]; duplicates: DuplicateFile[] } {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.sha256, [...(groups.get(item.sha256) ?? []), item]);
  const kept: T[] = [];
  const duplicates: DuplicateFile[] = [];
  for (const [sha256, group] of groups) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    if (new Set(group.map((g) => g.label)).size > 1) {
      for (const g of group) {
        duplicates.push({
          relPath: g.relPath,
          sha256,
          keptRelPath: null,
          reason: 'the same file is filed under both classes',
        });
      }
      continue;
    }
    group.sort(
      (a, b) =>
        (a.split ? SPLIT_ORDER[a.split] : -1) - (b.split ? SPLIT_ORDER[b.split] : -1) ||
        (a.relPath < b.relPath ? -1 : 1),
    );
    const first = group[0]!;
    kept.push(first);
    for (const g of group.slice(1)) {
      duplicates.push({
        relPath: g.relPath,
        sha256,
        keptRelPath: first.relPath,
        reason:
          g.split !== first.split
            ? `same file already in ${first.split} (would leak into ${g.split})`
            : 'same file twice in one split',
      });
    }
  }
  return { kept, duplicates };
}
