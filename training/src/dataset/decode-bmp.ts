import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';
import { refuseOversize, UnreadableImageError } from './image-error';

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

export interface BmpLimits {
  /** Refuse images with more pixels than this before allocating (a corrupt header can claim gigapixels). */
  maxPixels: number;
}

/** Position and width of a channel mask, so any 8-bit-or-narrower field scales to 0..255. */
function maskChannel(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

/**
 * Windows bitmap → RGBA, top row first. Handles BITMAPINFOHEADER and its V2–V5 successors; 24-bit, 32-bit
 * (plain BGRX or bit fields) and 8-bit palette images; bottom-up (positive height) and top-down (negative height)
 * row order; rows padded to 4 bytes. Compressed (RLE, embedded JPEG/PNG) and OS/2 bitmaps are refused by name.
 */
export function decodeBmp(bytes: Uint8Array, limits: BmpLimits = { maxPixels: 100e6 }): RgbaImage {
  if (bytes.length < 26) throw new UnreadableImageError('truncated BMP: the file header is incomplete');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0, false) !== 0x424d)
    throw new UnreadableImageError('not a BMP file (no "BM" signature)');
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12 || headerSize === 64) {
    throw new UnreadableImageError('unsupported BMP: OS/2 bitmap headers are not supported');
  }
  if (headerSize < 40) throw new UnreadableImageError(`unsupported BMP: unknown header size ${headerSize}`);
  if (bytes.length < 14 + headerSize)
    throw new UnreadableImageError('truncated BMP: the image header is incomplete');

  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const colorsUsed = view.getUint32(46, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0) throw new UnreadableImageError(`invalid BMP size ${width}×${rawHeight}`);
  refuseOversize(width, height, limits.maxPixels);

  const bitFields = compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS;
  if (compression !== BI_RGB && !bitFields) {
    const names: Record<number, string> = { 1: 'RLE8', 2: 'RLE4', 4: 'embedded JPEG', 5: 'embedded PNG' };
    throw new UnreadableImageError(`unsupported BMP compression: ${names[compression] ?? compression}`);
  }
  if (![8, 24, 32].includes(bitsPerPixel) || (bitFields && bitsPerPixel !== 32)) {
    throw new UnreadableImageError(
      `unsupported BMP: ${bitsPerPixel} bits per pixel${bitFields ? ' with bit fields' : ''} (24, 32 and 8-bit palette are supported)`,
    );
  }

  // Masks live in V2+ headers, or right after a 40-byte header when compression says bit fields.
  let masks = [0x00ff0000, 0x0000ff00, 0x000000ff, 0];
  if (bitFields) {
    const maskCount = compression === BI_ALPHABITFIELDS || headerSize >= 56 ? 4 : 3;
    if (bytes.length < 54 + maskCount * 4)
      throw new UnreadableImageError('truncated BMP: colour masks missing');
    masks = [0, 1, 2, 3].map((i) => (i < maskCount ? view.getUint32(54 + i * 4, true) : 0));
  }

  let palette: Uint8Array | null = null;
  if (bitsPerPixel === 8) {
    const entries = colorsUsed === 0 ? 256 : Math.min(256, colorsUsed);
    const start = 14 + headerSize;
    if (bytes.length < start + entries * 4)
      throw new UnreadableImageError('truncated BMP: colour palette missing');
    palette = new Uint8Array(256 * 3);
    for (let i = 0; i < entries; i++) {
      palette[i * 3] = bytes[start + i * 4 + 2]!;
      palette[i * 3 + 1] = bytes[start + i * 4 + 1]!;
      palette[i * 3 + 2] = bytes[start + i * 4]!;
    }
  }

  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  const lastRowBytes = Math.ceil((bitsPerPixel * width) / 8);
  // Some writers drop the final row's padding; accept that but nothing shorter.
  const needed = pixelOffset + stride * (height - 1) + lastRowBytes;
  if (pixelOffset < 14 + headerSize || bytes.length < needed) {
    throw new UnreadableImageError(
      `truncated BMP: ${bytes.length} bytes, pixel data needs ${needed} (${width}×${height}, ${bitsPerPixel}-bit)`,
    );
  }

  const out = new Uint8Array(width * height * 4);
  const channels = masks.map(maskChannel);
  const useAlpha = channels[3]!.max > 0;
  for (let row = 0; row < height; row++) {
    const src = pixelOffset + (topDown ? row : height - 1 - row) * stride;
    let dst = row * width * 4;
    if (bitsPerPixel === 24) {
      for (let x = 0; x < width; x++, dst += 4) {
        const p = src + x * 3;
        out[dst] = bytes[p + 2]!;
        out[dst + 1] = bytes[p + 1]!;
        out[dst + 2] = bytes[p]!;
        out[dst + 3] = 255;
      }
    } else if (bitsPerPixel === 8) {
      for (let x = 0; x < width; x++, dst += 4) {
        const index = bytes[src + x]!;
        out[dst] = palette![index * 3]!;
        out[dst + 1] = palette![index * 3 + 1]!;
        out[dst + 2] = palette![index * 3 + 2]!;
        out[dst + 3] = 255;
      }
    } else {
      for (let x = 0; x < width; x++, dst += 4) {
        const v = view.getUint32(src + x * 4, true);
        for (let c = 0; c < 3; c++) {
          const { shift, max } = channels[c]!;
          out[dst + c] = max ? Math.round((((v >>> shift) & max) * 255) / max) : 0;
        }
        // Plain 32-bit BMPs usually leave the fourth byte 0: treat them as opaque, not invisible.
        const a = channels[3]!;
        out[dst + 3] = useAlpha ? Math.round((((v >>> a.shift) & a.max) * 255) / a.max) : 255;
      }
    }
  }
  return { width, height, data: out };
}
