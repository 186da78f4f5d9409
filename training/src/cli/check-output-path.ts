import { accessSync, constants, mkdtempSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plainErrorCode } from '../files/plain-error-code';
import { statOrNull } from '../files/stat-or-null';
import { failWithUsage } from './cli-error';

export type OutputKind = 'folder' | 'file';

/**
 * Why `path` cannot be written as a folder or a file, in plain words, or null when it can. Checked before a CLI
 * starts work, so hours of training never end in EEXIST. A location that does not exist yet is tried for real
 * (an empty folder made and removed where it would be created): permission bits do not show a read-only disk or
 * /proc, where Node's recursive mkdir even loops forever.
 */
export function outputPathProblem(path: string, kind: OutputKind): string | null {
  const existing = statOrNull(path);
  if (existing) {
    if (kind === 'folder' && !existing.isDirectory()) return `${path} is a file, not a folder`;
    if (kind === 'file' && existing.isDirectory()) return `${path} is a folder, not a file`;
    try {
      accessSync(path, constants.W_OK);
      return null;
    } catch (error) {
      return `${path} cannot be written (${plainErrorCode(error)})`;
    }
  }
  // The nearest part of the path that exists is where the missing folders would be made.
  let ancestor = dirname(path);
  let ancestorStat = statOrNull(ancestor);
  while (!ancestorStat && dirname(ancestor) !== ancestor) {
    ancestor = dirname(ancestor);
    ancestorStat = statOrNull(ancestor);
  }
  if (!ancestorStat) return `no part of ${path} exists`;
  if (!ancestorStat.isDirectory()) return `${ancestor} is a file, so ${path} cannot be made inside it`;
  try {
    rmdirSync(mkdtempSync(join(ancestor, '.naevus-write-check-')));
    return null;
  } catch (error) {
    // /proc and the like answer ENOENT to a new folder inside an existing one.
    const why =
      (error as { code?: string }).code === 'ENOENT'
        ? 'not allowed by this file system'
        : plainErrorCode(error);
    return `${path} cannot be created: ${ancestor} does not accept new files or folders (${why})`;
  }
}

/** The CLI form: a bad output location is a bad argument (one-line error, usage, exit 2), before any work. */
export function requireOutputPath(flag: string, path: string, kind: OutputKind, usage: string): void {
  const problem = outputPathProblem(path, kind);
  if (problem) failWithUsage(`${flag}: ${problem}`, usage);
}
