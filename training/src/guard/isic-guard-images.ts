import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CachedImage } from '../features/cached-outputs';
import { isicHalves } from './guard-image-sets';

/**
 * The ISIC 2017 fit half (1,000 fixed images, docs/guard.md) as cache entries, so the export stage can run
 * them through the shipped model with the same on-disk output cache as train and valid. [] when the ISIC
 * folder is absent under `shared`: the guard is then fitted on the seed train split alone.
 */
export function isicGuardImages(shared: string): CachedImage[] {
  return isicHalves(shared).fit.map((path) => ({
    path,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  }));
}
