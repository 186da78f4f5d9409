import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { repoRoot } from '../cli/repo-paths';

let sourceHash: string | null = null;

/** Non-test TypeScript files of `dir` whose names pass `keep`, in a stable order. */
function sources(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && keep(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Identifies the file → network-input path: the decoders (training/src/dataset/decode-*.ts and the JPEG codec's
 * version: a new decoder gives other pixels) and the source of src/shared/preprocess (any edit there changes the
 * inputs), plus the input spec, so cached outputs computed with older code are never reused.
 */
export function preprocessingVersion(input: ModelInputSpec): string {
  if (sourceHash === null) {
    const hash = createHash('sha256');
    const files = [
      ...sources(join(repoRoot, 'training/src/dataset'), (f) => f.startsWith('decode-')),
      ...sources(join(repoRoot, 'src/shared/preprocess'), () => true),
    ];
    for (const file of files) hash.update(`${relative(repoRoot, file)}\n`).update(readFileSync(file));
    const require = createRequire(import.meta.url);
    hash.update((require('@jsquash/jpeg/package.json') as { version: string }).version);
    sourceHash = hash.digest('hex');
  }
  return createHash('sha256')
    .update(sourceHash)
    .update(JSON.stringify([input.size, input.mean, input.std]))
    .digest('hex')
    .slice(0, 16);
}
