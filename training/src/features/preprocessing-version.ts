import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { repoRoot } from '../cli/repo-paths';

let sourceHash: string | null = null;

/**
 * What turns a file into pixels: training/src/dataset/load-image.ts and every module of that folder it reaches
 * through relative imports (the decoders, but also EXIF orientation, which moves pixels too), and the packages
 * those modules import (the codecs: a new version can give other pixels). Found by reading the imports, so a
 * new helper on that path is not forgotten.
 */
export function decodePath(): { files: string[]; packages: string[] } {
  const dir = join(repoRoot, 'training/src/dataset');
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, from] of readFileSync(join(dir, file), 'utf8').matchAll(
      /^import [^;]* from '([^']+)';/gm,
    )) {
      if (from!.startsWith('./')) visit(`${from!.slice(2)}.ts`);
      else if (!from!.startsWith('.') && !from!.startsWith('node:'))
        packages.add(
          from!
            .split('/')
            .slice(0, from!.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  visit('load-image.ts');
  return { files: [...files].sort().map((f) => join(dir, f)), packages: [...packages].sort() };
}

/** Non-test TypeScript files of `dir`, in a stable order. */
function sources(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Identifies the file → network-input path: the decoding code and its codecs' versions (decodePath) and the
 * source of src/shared/preprocess (any edit there changes the inputs), plus the input spec, so cached outputs
 * computed with older code are never reused.
 */
export function preprocessingVersion(input: ModelInputSpec): string {
  if (sourceHash === null) {
    const hash = createHash('sha256');
    const decoding = decodePath();
    const files = [...decoding.files, ...sources(join(repoRoot, 'src/shared/preprocess'))];
    for (const file of files) hash.update(`${relative(repoRoot, file)}\n`).update(readFileSync(file));
    const require = createRequire(import.meta.url);
    for (const name of decoding.packages)
      hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
    sourceHash = hash.digest('hex');
  }
  return createHash('sha256')
    .update(sourceHash)
    .update(JSON.stringify([input.size, input.mean, input.std]))
    .digest('hex')
    .slice(0, 16);
}
