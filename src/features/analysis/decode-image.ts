import type { RgbaImage } from '../../shared/preprocess/rgba-image';
import type { Outcome } from './analysis-types';
import { MAX_PIXELS, MIN_SIDE } from './image-problem';
import { readImageSize } from './read-image-size';
import { sniffImageFormat } from '../../shared/image-format/sniff-image-format';

/** Enough of the file to find the image size in its header (JPEG EXIF can push it back). */
const HEADER_BYTES = 64 * 1024;

type Canvas2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
export type MakeContext = (width: number, height: number) => Canvas2d | null;

/** An OffscreenCanvas 2D context: available in workers on current Chromium, Firefox and Safari ≥ 16.4. */
export const offscreenContext: MakeContext = (width, height) =>
  new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });

/**
 * File → RGBA pixels, upright (EXIF orientation applied), without colour management so the values match what
 * the training pipeline decodes. Problems come back as values, never as thrown errors.
 */
export async function decodeImage(
  blob: Blob,
  makeContext: MakeContext = offscreenContext,
): Promise<Outcome<RgbaImage>> {
  if (blob.size === 0) return { ok: false, problem: 'empty-file' };
  const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const format = sniffImageFormat(head);
  // TIFF is recognised but only Safari decodes it: refuse it everywhere, as an unknown file.
  if (format === null || format === 'tiff') return { ok: false, problem: 'not-an-image' };
  const declared = readImageSize(head, format);
  if (declared && declared.width * declared.height > MAX_PIXELS) return { ok: false, problem: 'too-large' };

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    }).catch(() =>
      // Older engines reject options they do not know; their defaults still apply EXIF orientation.
      createImageBitmap(blob),
    );
  } catch (error) {
    // HEIC/AVIF are recognised but not every browser decodes them; say so rather than "damaged".
    const problem = format === 'heic' || format === 'avif' ? 'unsupported-format' : 'decode-failed';
    return { ok: false, problem, detail: String(error) };
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_PIXELS) return { ok: false, problem: 'too-large' };
    if (Math.min(width, height) < MIN_SIDE) return { ok: false, problem: 'too-small' };
    const context = makeContext(width, height);
    if (!context) return { ok: false, problem: 'decode-failed', detail: 'no 2D canvas context' };
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, width, height);
    return { ok: true, value: { width, height, data: pixels.data } };
  } finally {
    bitmap.close();
  }
}
