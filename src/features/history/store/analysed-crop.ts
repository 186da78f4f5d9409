import { cropResizeRgb } from '../../../shared/preprocess/crop-resize';
import type { RgbaImage, SquareCrop } from '../../../shared/preprocess/rgba-image';

/**
 * The pixels the model saw (before normalisation), through the app's one crop/resize path, as RGBA for saving.
 * Saving these rather than re-cropping with a canvas means the stored crop is exactly what was analysed.
 */
export function analysedCropPixels(image: RgbaImage, crop: SquareCrop, size: number): RgbaImage {
  const rgb = cropResizeRgb(image, crop, size);
  const data = new Uint8ClampedArray(size * size * 4);
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    // Uint8ClampedArray rounds and clamps the float samples.
    data[q] = rgb[p]!;
    data[q + 1] = rgb[p + 1]!;
    data[q + 2] = rgb[p + 2]!;
    data[q + 3] = 255;
  }
  return { width: size, height: size, data };
}
