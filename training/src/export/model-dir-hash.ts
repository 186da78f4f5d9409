import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 over model.json and its shards as written: identifies exactly what a loader will read. */
export function modelDirHash(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\n`).update(readFileSync(join(dir, f)));
  return hash.digest('hex');
}
