import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessQuality } from '../../../src/shared/guard/assess-quality';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { centreSquare } from '../../../src/shared/preprocess/centre-square';
import { cropResizeRgb } from '../../../src/shared/preprocess/crop-resize';
import { defaultPaths, repoRoot } from '../cli/repo-paths';
import { loadImage } from '../dataset/load-image';
import { blurImage, exposeImage } from './degrade-image';
import { seedSplit } from './guard-image-sets';

const shared = defaultPaths.shared;
const hasSeed = existsSync(join(shared, 'datasets/seed-dermoscopy/train'));
const bmpDir = join(shared, 'datasets/seed-dermoscopy-bmp-samples');

async function crop224(path: string) {
  const image = await loadImage(path);
  return { image, rgb: cropResizeRgb(image, centreSquare(image.width, image.height), 224) };
}

describe.skipIf(!hasSeed)('quality guard on real dermoscopy (needs ../shared; skipped when absent)', () => {
  it('passes seed train images (JPEG) and the untouched BMP originals', async () => {
    const paths = [
      ...seedSplit(shared, 'train').filter((_, i) => i % 110 === 0),
      ...(existsSync(bmpDir) ? ['D100.BMP', 'F12.BMP'].map((f) => join(bmpDir, f)) : []),
    ];
    for (const path of paths) {
      const { rgb } = await crop224(path);
      expect(assessQuality(rgb, 224).problems, path).toEqual([]);
    }
  });

  it('refuses the same image made dark, overexposed or blurred', async () => {
    const { image } = await crop224(seedSplit(shared, 'train')[0]!);
    const judge = (img: typeof image) =>
      assessQuality(cropResizeRgb(img, centreSquare(img.width, img.height), 224), 224);
    expect(judge(exposeImage(image, 0.12)).problems).toContain('too-dark');
    expect(judge(exposeImage(image, 2.2, 60)).problems).toContain('overexposed');
    expect(judge(blurImage(image, (3 * image.height) / 224)).problems).toEqual(['blurred']);
  });
});

// How well the shipped guard (metadata.json) separates images is measured by `measure-guard` (it needs the
// model run on thousands of images); here only that a guard, when present, has the shape the distance needs.
const metadataPath = join(repoRoot, 'public/model/metadata.json');
describe.skipIf(!existsSync(metadataPath))('shipped domain guard', () => {
  it('is consistent: components as wide as the mean, positive variances, a positive limit', () => {
    const metadata = JSON.parse(readFileSync(metadataPath, 'utf8')) as ModelMetadata;
    if (!metadata.guard) return;
    const g = metadata.guard;
    expect(g.components.every((c) => c.length === g.featureMean.length)).toBe(true);
    expect(g.residualVariance).toBeGreaterThan(0);
    expect(g.maxDistance).toBeGreaterThan(0);
    expect(g.variances).toHaveLength(g.components.length);
    expect(g.variances.every((v) => v > 0)).toBe(true);
  });
});
