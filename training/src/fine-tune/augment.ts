import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { cropResizeRgb } from '../../../src/shared/preprocess/crop-resize';
import { normalise } from '../../../src/shared/preprocess/normalise';
import type { RgbaImage, SquareCrop } from '../../../src/shared/preprocess/rgba-image';
import type { SeededRandom } from './seeded-random';

/** Everything random about one training view of one image; drawn in the main thread so runs repeat exactly. */
export interface AugmentParams {
  crop: SquareCrop;
  /** 0..7: the 8 symmetries of the square (bit 0: mirror, bits 1–2: quarter turns). */
  symmetry: number;
  brightness: number;
  contrast: number;
  saturation: number;
  /** Per-channel gains: a mild colour-temperature / white-balance jitter. */
  gains: [number, number, number];
}

/**
 * Random resized crop as a square (the app's crop is square too): side 55–100% of the short side, anywhere in
 * the frame. Dermoscopy has no up: any rotation or mirror is a valid view, so all 8 symmetries are used.
 * Brightness was the seed project's best augmentation; contrast, saturation and gains add colour jitter.
 */
export function drawAugment(rng: SeededRandom, width: number, height: number): AugmentParams {
  const short = Math.min(width, height);
  const size = short * rng.uniform(0.55, 1);
  return {
    crop: { x: rng.uniform(0, width - size), y: rng.uniform(0, height - size), size },
    symmetry: rng.int(8),
    brightness: rng.uniform(0.75, 1.25),
    contrast: rng.uniform(0.8, 1.2),
    saturation: rng.uniform(0.8, 1.2),
    gains: [rng.uniform(0.93, 1.07), rng.uniform(0.93, 1.07), rng.uniform(0.93, 1.07)],
  };
}

/** One augmented network input (HWC, normalised) through the shared crop/resize/normalise code. */
export function augmentedInput(image: RgbaImage, params: AugmentParams, input: ModelInputSpec): Float32Array {
  const size = input.size;
  const rgb = transform(cropResizeRgb(image, params.crop, size), size, params.symmetry);
  let mean = 0;
  for (let i = 0; i < rgb.length; i++) mean += rgb[i]!;
  mean /= rgb.length;
  const { brightness, contrast, saturation, gains } = params;
  for (let p = 0; p < rgb.length; p += 3) {
    const grey = 0.299 * rgb[p]! + 0.587 * rgb[p + 1]! + 0.114 * rgb[p + 2]!;
    for (let c = 0; c < 3; c++) {
      let v = grey + saturation * (rgb[p + c]! - grey);
      v = mean + contrast * (v - mean);
      v *= brightness * gains[c]!;
      rgb[p + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return normalise(rgb, input);
}

/** Applies one of the 8 square symmetries to a size×size×3 image. */
function transform(rgb: Float32Array, size: number, symmetry: number): Float32Array {
  if (symmetry === 0) return rgb;
  const out = new Float32Array(rgb.length);
  const mirror = (symmetry & 1) === 1;
  const turns = symmetry >> 1;
  const last = size - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sx = mirror ? last - x : x;
      let sy = y;
      for (let t = 0; t < turns; t++) [sx, sy] = [sy, last - sx];
      const s = (sy * size + sx) * 3;
      const d = (y * size + x) * 3;
      out[d] = rgb[s]!;
      out[d + 1] = rgb[s + 1]!;
      out[d + 2] = rgb[s + 2]!;
    }
  }
  return out;
}
