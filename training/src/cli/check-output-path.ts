import { accessSync, constants, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
      return `${path} cannot be written (${plainCode(error)})`;
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
    return `${path} cannot be created: ${ancestor} does not accept new files or folders (${plainCode(error)})`;
  }
}

/** The CLI form: a bad output location is a bad argument (one-line error, usage, exit 2), before any work. */
export function requireOutputPath(flag: string, path: string, kind: OutputKind, usage: string): void {
  const problem = outputPathProblem(path, kind);
  if (problem) failWithUsage(`${flag}: ${problem}`, usage);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function plainCode(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'disk full';
  if (code === 'ENOENT') return 'not allowed by this file system';
  return code ?? (error instanceof Error ? error.message : String(error));
}
