import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './synthetic-negatives';

const IMAGE = /\.(jpe?g|png|bmp|webp)$/i;

export function imagesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => IMAGE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The seed's images of one split (both classes), sorted by path. */
export function seedSplit(shared: string, split: 'train' | 'valid' | 'test'): string[] {
  const root = join(shared, 'datasets/seed-dermoscopy', split);
  return ['Dangerous', 'not_Dangerous'].flatMap((c) => imagesIn(join(root, c)));
}

/**
 * ISIC 2017 training images split in two fixed halves by sorted position: `fit` (even) joins the seed train
 * split in fitting the domain guard; `heldOut` (odd) measures acceptance on dermoscopy the fit never saw.
 */
export function isicHalves(shared: string): { fit: string[]; heldOut: string[] } {
  const all = imagesIn(join(shared, 'datasets/isic2017-train/images'));
  return { fit: all.filter((_, i) => i % 2 === 0), heldOut: all.filter((_, i) => i % 2 === 1) };
}

/** A seeded random sample of `n` paths (all when n ≥ their number), in sorted order. */
export function sample(paths: string[], n: number | 'all', seed = 2017): string[] {
  if (n === 'all' || n >= paths.length) return paths;
  const random = seededRandom(seed);
  const shuffled = [...paths];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, n).sort();
}

/** The base model's ImageNet test photos (cat, Grace Hopper, dragonfly, bird, hot dog): not skin. */
export function baseTestImages(shared: string): string[] {
  return imagesIn(join(shared, 'models/mobilenet_v2_1.0_224_quant/test-images'));
}
