import { readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { plainErrorCode } from '../files/plain-error-code';
import { statOrNull } from '../files/stat-or-null';
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
  /** Folders not read (a link back into the data, a second link to a folder already read, unreadable), and why. */
  skippedFolders: { relPath: string; reason: string }[];
}

/**
 * Every file under `root`, labelled by its nearest ancestor folder whose name maps to a class (so
 * `train/Dangerous/clinic-a/x.jpg` is dangerous). Hidden files and folders (".DS_Store", ".git") are ignored.
 * Linked folders are followed, but no folder is read twice: a link to a folder that contains it would otherwise
 * loop (and a link back to the root would file valid and test images under train), and a link to a folder inside
 * the data is left to where that folder really is. Each folder not entered is listed with the reason.
 */
export function walkClassFolders(root: string, config: LabelConfig): WalkResult {
  const { classOf, splitOf } = labelLookup(config);
  const top = readdirSync(root, { withFileTypes: true });
  const presplit = top.some((d) => d.isDirectory() && splitOf.has(normaliseName(d.name)));
  const files: FoundFile[] = [];
  const unlabelled = new Map<string, string[]>();
  const skippedFolders: WalkResult['skippedFolders'] = [];
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const realRoot = realpathSync(root);
  /** Real path of every folder read so far → where it was read, for the "already read" reason. */
  const visited = new Map<string, string>();

  const visit = (dir: string, realDir: string, split: SplitName | null, label: ClassLabel | null) => {
    visited.set(realDir, rel(dir) || '.');
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      skippedFolders.push({
        relPath: `${rel(dir)}/`,
        reason: `could not read folder (${plainErrorCode(error)})`,
      });
      return;
    }
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
          unlabelled.set(rel(path) + '/ (not a split folder)', []);
          continue;
        }
        const isLink = entry.isSymbolicLink();
        const realPath = isLink ? realpathOrNull(path) : join(realDir, entry.name);
        const reason =
          realPath === null ? 'could not resolve the link' : whyNotEnter(realPath, realDir, isLink);
        if (reason) {
          skippedFolders.push({ relPath: `${rel(path)}/`, reason });
          continue;
        }
        visit(path, realPath!, nextSplit, classOf.get(key) ?? label);
      } else if (!target || target.isFile()) {
        const relPath = rel(path);
        if (label === null) {
          const folder = rel(dir) || '.';
          unlabelled.set(folder, [...(unlabelled.get(folder) ?? []), relPath]);
        } else {
          files.push({ path, relPath, label, split });
        }
      }
    }
  };

  /** Why a folder (by real path) must not be entered from `realParent`, or null to enter it. */
  const whyNotEnter = (realPath: string, realParent: string, isLink: boolean): string | null => {
    if (isWithin(realParent, realPath))
      return 'link to a folder that contains it (a loop back up the folder tree), not followed';
    // Its files are read where they really are, under the labels of that place.
    if (isLink && isWithin(realPath, realRoot))
      return `link to "${relative(realRoot, realPath).split(sep).join('/')}", which is read in its own place`;
    const seen = visited.get(realPath);
    return seen === undefined ? null : `same folder as "${seen}", already read once`;
  };

  visit(root, realRoot, null, null);
  return {
    files,
    presplit,
    unlabelled: [...unlabelled].map(([folder, list]) => ({ folder, files: list })),
    skippedFolders,
  };
}

/** True when `path` is `folder` or lies inside it (both real, absolute paths). */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function realpathOrNull(path: string) {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
