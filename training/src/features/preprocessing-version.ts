import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { repoRoot } from '../cli/repo-paths';

let sourceHash: string | null = null;

/**
 * Identifies the pixels → network-input path: the source of src/shared/preprocess (any edit there changes the
 * inputs, so cached outputs computed with the old code must not be reused) plus the input spec.
 */
export function preprocessingVersion(input: ModelInputSpec): string {
  if (sourceHash === null) {
    const dir = join(repoRoot, 'src/shared/preprocess');
    const hash = createHash('sha256');
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()) {
      hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
    }
    sourceHash = hash.digest('hex');
  }
  return createHash('sha256')
    .update(sourceHash)
    .update(JSON.stringify([input.size, input.mean, input.std]))
    .digest('hex')
    .slice(0, 16);
}
