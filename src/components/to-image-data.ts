import type { RgbaImage } from '../shared/preprocess/rgba-image';

/** Wraps decoded pixels as ImageData without copying them when they already are canvas pixels. */
export function toImageData(image: RgbaImage): ImageData {
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new ImageData(data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height);
}
