/**
 * Preprocessing parity: the same decoded RGBA pixels must reach the network as the same numbers through the app's
 * path (worker: shared toModelInput → runModel's tf.tensor4d([1, s, s, 3])) and through Node's evaluation path
 * (toModelInput → batchTensor). A third, independent and deliberately naive crop + area-resize + normalise
 * checks that the shared module itself does what it says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runModel } from '../../../src/features/analysis/worker/run-model';
import { centreSquare } from '../../../src/shared/preprocess/centre-square';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import type { RgbaImage, SquareCrop } from '../../../src/shared/preprocess/rgba-image';
import type { ModelInputSpec, ModelMetadata } from '../../../src/shared/model/model-metadata';
import { loadImage } from '../dataset/load-image';
import { gradientImage } from '../dataset/write-test-images';
import { batchTensor } from './batch-tensor';
import { defaultPaths } from '../cli/repo-paths';

const repo = resolve(__dirname, '../../..');
const shared = resolve(defaultPaths.shared, 'datasets');
const metadata = JSON.parse(
  readFileSync(resolve(repo, 'public/model/metadata.json'), 'utf8'),
) as ModelMetadata;
const input: ModelInputSpec = metadata.input;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Reference: each output pixel is the area-weighted mean of the source pixels its square covers (shrinking). */
function referenceShrink(image: RgbaImage, crop: SquareCrop, spec: ModelInputSpec): Float64Array {
  const { size, mean, std } = spec;
  const scale = crop.size / size;
  const out = new Float64Array(size * size * 3);
  const overlap = (a0: number, a1: number, b0: number, b1: number) =>
    Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  for (let oy = 0; oy < size; oy++) {
    const y0 = crop.y + oy * scale;
    const y1 = y0 + scale;
    for (let ox = 0; ox < size; ox++) {
      const x0 = crop.x + ox * scale;
      const x1 = x0 + scale;
      const sum = [0, 0, 0];
      let total = 0;
      for (let sy = Math.max(0, Math.floor(y0)); sy < Math.min(image.height, Math.ceil(y1)); sy++) {
        const wy = overlap(sy, sy + 1, y0, y1);
        for (let sx = Math.max(0, Math.floor(x0)); sx < Math.min(image.width, Math.ceil(x1)); sx++) {
          const w = wy * overlap(sx, sx + 1, x0, x1);
          const p = (sy * image.width + sx) * 4;
          for (let c = 0; c < 3; c++) sum[c]! += w * image.data[p + c]!;
          total += w;
        }
      }
      for (let c = 0; c < 3; c++) out[(oy * size + ox) * 3 + c] = (sum[c]! / total - mean) / std;
    }
  }
  return out;
}

/** Reference for enlarging an integer-bounded crop: textbook bilinear at pixel centres, clamped to the crop. */
function referenceEnlarge(image: RgbaImage, crop: SquareCrop, spec: ModelInputSpec): Float64Array {
  const { size, mean, std } = spec;
  const scale = crop.size / size;
  const out = new Float64Array(size * size * 3);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  for (let oy = 0; oy < size; oy++) {
    const fy = clamp(crop.y + (oy + 0.5) * scale - 0.5, crop.y, crop.y + crop.size - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, crop.y + crop.size - 1);
    for (let ox = 0; ox < size; ox++) {
      const fx = clamp(crop.x + (ox + 0.5) * scale - 0.5, crop.x, crop.x + crop.size - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, crop.x + crop.size - 1);
      for (let c = 0; c < 3; c++) {
        const px = (x: number, y: number) => image.data[(y * image.width + x) * 4 + c]!;
        const top = px(x0, y0) * (1 - (fx - x0)) + px(x1, y0) * (fx - x0);
        const bottom = px(x0, y1) * (1 - (fx - x0)) + px(x1, y1) * (fx - x0);
        out[(oy * size + ox) * 3 + c] = (top * (1 - (fy - y0)) + bottom * (fy - y0) - mean) / std;
      }
    }
  }
  return out;
}

/** What the app's worker hands the network: runModel with a model that records its input tensor. */
async function appTensor(modelInput: Float32Array): Promise<Float32Array> {
  let captured: Float32Array | null = null;
  const recorder = {
    execute: (x: tf.Tensor) => {
      expect(x.shape).toEqual([1, input.size, input.size, 3]);
      captured = x.dataSync() as Float32Array;
      return [tf.zeros([1, 1]), tf.zeros([1, 4])];
    },
  } as unknown as tf.GraphModel;
  await runModel(recorder, metadata, modelInput);
  return captured!;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

async function checkParity(images: { name: string; image: RgbaImage; crop?: SquareCrop }[]) {
  const inputs = images.map(({ image, crop }) => toModelInput(image, input, crop));
  const batch = batchTensor(inputs, input.size);
  const nodeValues = await batch.data();
  batch.dispose();
  const per = input.size * input.size * 3;
  for (let i = 0; i < images.length; i++) {
    const app = await appTensor(toModelInput(images[i]!.image, input, images[i]!.crop));
    expect(maxAbsDiff(app, nodeValues.subarray(i * per, (i + 1) * per)), images[i]!.name).toBeLessThanOrEqual(
      1e-5,
    );
  }
}

describe('app ↔ Node preprocessing parity', () => {
  it('matches on synthetic images (centre crop, a user crop, enlarging)', async () => {
    const wide = gradientImage(300, 180, 1);
    await checkParity([
      { name: 'wide', image: wide },
      { name: 'user crop', image: wide, crop: { x: 40.25, y: 10.5, size: 150 } },
      { name: 'small', image: gradientImage(37, 53, 2) },
    ]);
  });

  it('toModelInput equals a naive area-average reference when shrinking (fractional crop edges)', () => {
    const image = gradientImage(632, 387, 3);
    for (const crop of [centreSquare(632, 387), { x: 101.3, y: 7.75, size: 333.5 }]) {
      expect(
        maxAbsDiff(toModelInput(image, input, crop), referenceShrink(image, crop, input)),
      ).toBeLessThanOrEqual(1e-5);
    }
  });

  it('toModelInput equals textbook bilinear when enlarging', () => {
    const image = gradientImage(60, 45, 4);
    const crop = { x: 10, y: 2, size: 40 };
    expect(
      maxAbsDiff(toModelInput(image, input, crop), referenceEnlarge(image, crop, input)),
    ).toBeLessThanOrEqual(1e-5);
  });

  it('the reference would catch an off-by-one crop', () => {
    const image = gradientImage(632, 387, 3);
    const crop = centreSquare(632, 387);
    const shifted = { ...crop, x: crop.x + 1 };
    expect(
      maxAbsDiff(toModelInput(image, input, shifted), referenceShrink(image, crop, input)),
    ).toBeGreaterThan(1e-3);
  });

  const seedFiles = [
    'seed-dermoscopy/test/Dangerous/D100.jpg',
    'seed-dermoscopy/test/not_Dangerous/F12.jpg',
    'seed-dermoscopy-bmp-samples/E104.BMP',
    'seed-dermoscopy-bmp-samples/D108.BMP',
  ].map((f) => resolve(shared, f));
  const haveSeed = seedFiles.every((f) => existsSync(f));
  if (!haveSeed) console.warn(`parity: ${shared} not found; real-image parity cases skipped`);

  it.skipIf(!haveSeed)('matches on real seed images (JPEG and BMP) and against the reference', async () => {
    const images = await Promise.all(seedFiles.map(async (f) => ({ name: f, image: await loadImage(f) })));
    await checkParity(images);
    for (const { name, image } of images) {
      const crop = centreSquare(image.width, image.height);
      expect(
        maxAbsDiff(toModelInput(image, input), referenceShrink(image, crop, input)),
        name,
      ).toBeLessThanOrEqual(1e-5);
    }
  });
});
