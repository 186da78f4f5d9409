import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { decodeBmp } from './decode-bmp';
import { decodeJpeg } from './decode-jpeg';
import { decodePng } from './decode-png';
import { decodeWebp } from './decode-webp';
import { UnreadableImageError } from './image-error';
import { sniffFormat, type ImageFormat } from './sniff-format';

export interface DecodeLimits {
  /** 100 MP ≈ 400 MB of RGBA: far above any dermoscope or phone photo, low enough not to exhaust memory. */
  maxPixels: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxPixels: 100e6 };

/** Any supported file's bytes → RGBA, chosen by signature. Throws UnreadableImageError with a plain reason. */
export async function decodeImage(
  bytes: Uint8Array,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): Promise<RgbaImage & { format: ImageFormat }> {
  const sniffed = sniffFormat(bytes);
  if (sniffed.format === null) throw new UnreadableImageError(sniffed.reason);
  const image = await decodeKnown(sniffed.format, bytes, limits);
  if (image.width <= 0 || image.height <= 0) throw new UnreadableImageError('image has no pixels');
  return { ...image, format: sniffed.format };
}

function decodeKnown(
  format: ImageFormat,
  bytes: Uint8Array,
  limits: DecodeLimits,
): RgbaImage | Promise<RgbaImage> {
  switch (format) {
    case 'bmp':
      return decodeBmp(bytes, limits);
    case 'jpeg':
      return decodeJpeg(bytes, limits);
    case 'png':
      return decodePng(bytes, limits);
    case 'webp':
      return decodeWebp(bytes, limits);
  }
}
