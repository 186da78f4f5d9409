import { PNG } from 'pngjs';
import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';

/** Test-only writers for tiny synthetic images (BMP in the layouts the decoder must handle, and PNG). */

export interface BmpOptions {
  bitsPerPixel: 24 | 32;
  topDown: boolean;
  /** 40 = BITMAPINFOHEADER, 108 = V4, 124 = V5. */
  headerSize: 40 | 108 | 124;
  /** 32-bit only: write BI_BITFIELDS with masks (RGBA order in memory: A in the top byte). */
  bitFields?: boolean;
}

export function writeBmp(image: RgbaImage, options: BmpOptions): Uint8Array {
  const { width, height, data } = image;
  const bpp = options.bitsPerPixel;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const extraMasks = options.bitFields && options.headerSize === 40 ? 12 : 0;
  const pixelOffset = 14 + options.headerSize + extraMasks;
  const bytes = new Uint8Array(pixelOffset + stride * height);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42;
  bytes[1] = 0x4d;
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, options.headerSize, true);
  view.setInt32(18, width, true);
  view.setInt32(22, options.topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bpp, true);
  view.setUint32(30, options.bitFields ? 3 : 0, true);
  view.setUint32(34, stride * height, true);
  if (options.bitFields) {
    // Deliberately not the default BGRA layout, so a decoder that ignores the masks fails the test.
    const masks = [0x000000ff, 0x0000ff00, 0x00ff0000, 0xff000000];
    masks.forEach((m, i) => view.setUint32(54 + i * 4, m, true));
  }
  // Padding bytes are filled with junk so a decoder that reads them as pixels is caught.
  bytes.fill(0xab, pixelOffset);
  for (let row = 0; row < height; row++) {
    const dstRow = pixelOffset + (options.topDown ? row : height - 1 - row) * stride;
    for (let x = 0; x < width; x++) {
      const s = (row * width + x) * 4;
      const d = dstRow + x * (bpp / 8);
      const [r, g, b, a] = [data[s]!, data[s + 1]!, data[s + 2]!, data[s + 3]!];
      if (bpp === 24) bytes.set([b, g, r], d);
      else if (options.bitFields) bytes.set([r, g, b, a], d);
      else bytes.set([b, g, r, 0], d);
    }
  }
  return bytes;
}

export function writePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data.set(image.data);
  return new Uint8Array(PNG.sync.write(png));
}

/** A small image whose every pixel differs, so row order, channel order and padding mistakes all show. */
export function gradientImage(width: number, height: number, seed = 0): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 37 + seed * 11) & 255;
      data[i + 1] = (y * 53 + seed * 7) & 255;
      data[i + 2] = (x * y + 17 + seed * 3) & 255;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
