import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBmp } from './decode-bmp';
import { decodeJpeg } from './decode-jpeg';
import { UnreadableImageError } from './image-error';
import { gradientImage, writeBmp, type BmpOptions } from './write-test-images';
import { defaultPaths } from '../cli/repo-paths';

const { shared } = defaultPaths;
const samples = resolve(shared, 'datasets/seed-dermoscopy-bmp-samples');
const seedTest = resolve(shared, 'datasets/seed-dermoscopy/test');

describe('decodeBmp on synthetic bitmaps', () => {
  const layouts: BmpOptions[] = [
    { bitsPerPixel: 24, topDown: false, headerSize: 40 },
    { bitsPerPixel: 24, topDown: true, headerSize: 40 },
    { bitsPerPixel: 32, topDown: false, headerSize: 40 },
    { bitsPerPixel: 32, topDown: true, headerSize: 108 },
    { bitsPerPixel: 24, topDown: false, headerSize: 124 },
    { bitsPerPixel: 32, topDown: false, headerSize: 40, bitFields: true },
    { bitsPerPixel: 32, topDown: true, headerSize: 124, bitFields: true },
  ];
  // Widths 1, 3, 5, 7 give 24-bit rows of 3, 9, 15, 21 bytes: every padding amount (1–3 bytes) occurs.
  for (const layout of layouts) {
    for (const [w, h] of [
      [1, 1],
      [3, 2],
      [5, 4],
      [7, 3],
    ] as const) {
      it(`${layout.bitsPerPixel}-bit ${layout.topDown ? 'top-down' : 'bottom-up'} header ${layout.headerSize}${layout.bitFields ? ' bitfields' : ''} ${w}×${h}`, () => {
        const image = gradientImage(w, h);
        const decoded = decodeBmp(writeBmp(image, layout));
        expect(decoded.width).toBe(w);
        expect(decoded.height).toBe(h);
        expect(Array.from(decoded.data)).toEqual(Array.from(image.data));
      });
    }
  }

  it('keeps the top row first for both orientations', () => {
    const image = gradientImage(3, 2);
    for (const topDown of [false, true]) {
      const d = decodeBmp(writeBmp(image, { bitsPerPixel: 24, topDown, headerSize: 40 }));
      expect(Array.from(d.data.subarray(0, 4))).toEqual(Array.from(image.data.subarray(0, 4)));
      expect(d.data[3 * 4 + 1]).toBe(53); // row 1 green = 1 * 53
    }
  });

  it('refuses a truncated file with a clear reason', () => {
    const bytes = writeBmp(gradientImage(5, 4), { bitsPerPixel: 24, topDown: false, headerSize: 40 });
    expect(() => decodeBmp(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated BMP/);
    expect(() => decodeBmp(bytes.subarray(0, 20))).toThrow(UnreadableImageError);
  });

  it('accepts a file that only lacks the final row padding', () => {
    const image = gradientImage(5, 2);
    const bytes = writeBmp(image, { bitsPerPixel: 24, topDown: false, headerSize: 40 });
    // 5 px × 3 B = 15 B per row, padded to 16: dropping the last pad byte must still decode.
    expect(Array.from(decodeBmp(bytes.subarray(0, bytes.length - 1)).data)).toEqual(Array.from(image.data));
  });

  it('names unsupported variants', () => {
    const bytes = writeBmp(gradientImage(2, 2), { bitsPerPixel: 24, topDown: false, headerSize: 40 });
    const rle = bytes.slice();
    new DataView(rle.buffer).setUint32(30, 1, true);
    expect(() => decodeBmp(rle)).toThrow(/RLE8/);
    const bpp16 = bytes.slice();
    new DataView(bpp16.buffer).setUint16(28, 16, true);
    expect(() => decodeBmp(bpp16)).toThrow(/16 bits per pixel/);
    const core = bytes.slice();
    new DataView(core.buffer).setUint32(14, 12, true);
    expect(() => decodeBmp(core)).toThrow(/OS\/2/);
  });

  it('refuses a header claiming an absurd size before allocating', () => {
    const bytes = writeBmp(gradientImage(2, 2), { bitsPerPixel: 24, topDown: false, headerSize: 40 });
    new DataView(bytes.buffer).setInt32(18, 100000, true);
    new DataView(bytes.buffer).setInt32(22, 100000, true);
    expect(() => decodeBmp(bytes)).toThrow(/too large/);
  });
});

if (!existsSync(samples)) console.warn(`decode-bmp: ${samples} not found; real BMP cases skipped`);

describe.skipIf(!existsSync(samples))('decodeBmp on the seed originals (../shared)', () => {
  for (const [name, cls] of [
    ['D100', 'Dangerous'],
    ['E104', 'Dangerous'],
    ['D108', 'not_Dangerous'],
    ['F12', 'not_Dangerous'],
  ] as const) {
    it(`${name}.BMP decodes to 632×387 and matches its JPEG copy`, async () => {
      const bmp = decodeBmp(readFileSync(resolve(samples, `${name}.BMP`)));
      expect([bmp.width, bmp.height]).toEqual([632, 387]);
      const jpgPath = resolve(seedTest, cls, `${name}.jpg`);
      if (!existsSync(jpgPath)) return;
      const jpg = await decodeJpeg(readFileSync(jpgPath), { maxPixels: 1e8 });
      // JPEG q90 4:4:4 differs by a few levels per channel; a flipped or channel-swapped decode differs by tens.
      let diff = 0;
      for (let i = 0; i < bmp.data.length; i++)
        if (i % 4 !== 3) diff += Math.abs(bmp.data[i]! - jpg.data[i]!);
      expect(diff / ((bmp.data.length * 3) / 4)).toBeLessThan(3);
    });
  }
});
