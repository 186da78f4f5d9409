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

/** ISIC 2017 training images: all, or a seeded random sample of `n` (the same sample for the same seed). */
export function isicImages(shared: string, n: number | 'all', seed = 2017): string[] {
  const all = imagesIn(join(shared, 'datasets/isic2017-train/images'));
  if (n === 'all' || n >= all.length) return all;
  const random = seededRandom(seed);
  const shuffled = [...all];
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
