import type { RgbaImage } from '../../shared/preprocess/rgba-image';
import type { Outcome } from './analysis-types';
import { DECODED_MAX_SIDE, MIN_SIDE, decodedSize, exceedsLimits, type PixelSize } from './image-size-limits';
import { readImageSize } from './read-image-size';
import { restoreJpegEnd } from './restore-jpeg-end';
import { sniffImageFormat } from '../../shared/image-format/sniff-image-format';

/** Enough of the file to find the image size in its header (EXIF, ICC profile blocks can push it back). */
const HEADER_BYTES = 256 * 1024;

type Canvas2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
export type MakeContext = (width: number, height: number) => Canvas2d | null;

/** An OffscreenCanvas 2D context: available in workers on current Chromium, Firefox and Safari ≥ 16.4. */
export const offscreenContext: MakeContext = (width, height) =>
  new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });

/**
 * File → RGBA pixels, upright (EXIF orientation applied), without colour management so the values match what
 * the training pipeline decodes, at most DECODED_MAX_SIDE px long: a 48–200 MP phone photo is scaled down while
 * the browser decodes it, so its full-size pixels never reach a canvas. Problems come back as values, never as
 * thrown errors.
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
  if (declared && exceedsLimits(declared)) return { ok: false, problem: 'too-large' };

  let bitmap: ImageBitmap;
  try {
    bitmap = await openBitmap(blob, declared);
  } catch (error) {
    const restored = format === 'jpeg' ? await restoreJpegEnd(blob, makeContext) : null;
    if (restored) return decodeImage(restored, makeContext);
    // HEIC/AVIF are recognised but not every browser decodes them; say so rather than "damaged".
    const problem = format === 'heic' || format === 'avif' ? 'unsupported-format' : 'decode-failed';
    return { ok: false, problem, detail: String(error) };
  }
  try {
    // Bounded again: the header may not have told the size, or the engine ignored the resize options.
    if (exceedsLimits(bitmap)) return { ok: false, problem: 'too-large' };
    const { width, height } = decodedSize(bitmap);
    if (Math.min(width, height) < MIN_SIDE) return { ok: false, problem: 'too-small' };
    const context = makeContext(width, height);
    if (!context) return { ok: false, problem: 'decode-failed', detail: 'no 2D canvas context' };
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    // The model reads see-through pixels as black: the photo check would then advise more light, which misleads.
    if (seeThroughShare(pixels.data) > MAX_SEE_THROUGH) return { ok: false, problem: 'see-through' };
    return { ok: true, value: { width, height, data: pixels.data } };
  } finally {
    bitmap.close();
  }
}

/** The browser's decode, scaled down on the way when the header says the photo is larger than needed. */
function openBitmap(blob: Blob, upright: PixelSize | null): Promise<ImageBitmap> {
  return createImageBitmap(blob, {
    imageOrientation: 'from-image',
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
    ...resizeOptions(upright),
  }).catch(() =>
    // Older engines reject options they do not know; their defaults still apply EXIF orientation.
    createImageBitmap(blob),
  );
}

/**
 * Only the short side is named, and the browser keeps the aspect ratio of the picture as it turns it: should
 * it read the orientation differently from the header, the result is smaller than asked, never stretched.
 */
export function resizeOptions(upright: PixelSize | null): ImageBitmapOptions {
  if (!upright) return {};
  const target = decodedSize(upright, DECODED_MAX_SIDE);
  if (target.width === upright.width && target.height === upright.height) return {};
  const side =
    upright.width <= upright.height ? { resizeWidth: target.width } : { resizeHeight: target.height };
  return { ...side, resizeQuality: 'high' };
}

/** A camera photo is opaque; a little transparency (rounded corners of a screenshot) is tolerated. */
const MAX_SEE_THROUGH = 0.25;

/** Share of pixels that are not (nearly) opaque; RGBA bytes. */
function seeThroughShare(rgba: Uint8Array | Uint8ClampedArray): number {
  let clear = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! < 250) clear++;
  return rgba.length ? clear / (rgba.length / 4) : 0;
}
