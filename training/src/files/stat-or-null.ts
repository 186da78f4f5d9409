import { statSync, type Stats } from 'node:fs';

/** The file's stats, or null when it does not exist or cannot be reached (a missing path is an answer, not an error). */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
