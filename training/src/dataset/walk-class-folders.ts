import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import { labelLookup, normaliseName, type LabelConfig, type SplitName } from './label-config';

export interface FoundFile {
  path: string;
  /** Relative to the data root, with forward slashes: what reports and the dataset hash use. */
  relPath: string;
  label: ClassLabel;
  /** The split its folder says, when the data root is split into train/valid/test folders. */
  split: SplitName | null;
}

export interface WalkResult {
  files: FoundFile[];
  /** True when the root's top-level folders include train/valid/test ones: their split is used as given. */
  presplit: boolean;
  /** Files no class folder claims, by the folder that held them. */
  unlabelled: { folder: string; files: string[] }[];
}

/**
 * Every file under `root`, labelled by its nearest ancestor folder whose name maps to a class (so
 * `train/Dangerous/clinic-a/x.jpg` is dangerous). Hidden files and folders (".DS_Store", ".git") are ignored.
 */
export function walkClassFolders(root: string, config: LabelConfig): WalkResult {
  const { classOf, splitOf } = labelLookup(config);
  const top = readdirSync(root, { withFileTypes: true });
  const presplit = top.some((d) => d.isDirectory() && splitOf.has(normaliseName(d.name)));
  const files: FoundFile[] = [];
  const unlabelled = new Map<string, string[]>();

  const visit = (dir: string, split: SplitName | null, label: ClassLabel | null) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      // Follow symlinks (datasets are often assembled from links); a dangling link counts as a file and is
      // then reported as unreadable rather than silently ignored.
      const target = entry.isSymbolicLink() ? statOrNull(path) : entry;
      if (target?.isDirectory()) {
        const key = normaliseName(entry.name);
        const nextSplit = dir === root && presplit ? (splitOf.get(key) ?? null) : split;
        if (dir === root && presplit && nextSplit === null) {
          // A stray top-level folder next to train/valid/test: its files cannot be given a split.
          unlabelled.set(relative(root, path).split(sep).join('/') + '/ (not a split folder)', []);
          continue;
        }
        visit(path, nextSplit, classOf.get(key) ?? label);
      } else if (!target || target.isFile()) {
        const relPath = relative(root, path).split(sep).join('/');
        if (label === null) {
          const folder = relative(root, dir).split(sep).join('/') || '.';
          unlabelled.set(folder, [...(unlabelled.get(folder) ?? []), relPath]);
        } else {
          files.push({ path, relPath, label, split });
        }
      }
    }
  };
  visit(root, null, null);
  return {
    files,
    presplit,
    unlabelled: [...unlabelled].map(([folder, list]) => ({ folder, files: list })),
  };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
