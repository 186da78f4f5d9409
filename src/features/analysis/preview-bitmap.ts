import type { RgbaImage } from '../../shared/preprocess/rgba-image';

/** Longest side of the on-screen copy: enough for any phone screen, far less memory than a 12 MP original. */
const MAX_PREVIEW_SIDE = 2048;

/**
 * A downscaled bitmap of the decoded pixels, for drawing: what is shown comes from what is analysed. Made in
 * the worker after decoding (so a 12 MP photo costs the page nothing), or on the page for camera captures.
 */
export async function previewBitmap(image: RgbaImage): Promise<ImageBitmap> {
  const scale = Math.min(1, MAX_PREVIEW_SIDE / Math.max(image.width, image.height));
  // ImageData wraps the pixels without copying them.
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const pixels = new ImageData(data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height);
  return createImageBitmap(pixels, {
    resizeWidth: Math.max(1, Math.round(image.width * scale)),
    resizeHeight: Math.max(1, Math.round(image.height * scale)),
    resizeQuality: 'high',
  }).catch(() => createImageBitmap(pixels)); // Engines without resize options: full size, still correct.
}
