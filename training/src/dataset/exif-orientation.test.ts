import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from './decode-jpeg';
import { applyOrientation, jpegOrientation } from './exif-orientation';
import { probeSize } from './probe-size';

/** 3×2 image whose pixels are numbered 0..5 in the red channel, row by row. */
const numbered = () => {
  const data = new Uint8Array(3 * 2 * 4);
  for (let i = 0; i < 6; i++) data.set([i, 0, 0, 255], i * 4);
  return { width: 3, height: 2, data };
};
const reds = (img: { data: Uint8Array | Uint8ClampedArray }) =>
  Array.from(img.data).filter((_, i) => i % 4 === 0);

/** "Exif\0\0" + a big-endian TIFF header with one IFD entry: Orientation = value. */
function exifWithOrientation(value: number): Uint8Array {
  return Uint8Array.from([
    ...[0x45, 0x78, 0x69, 0x66, 0, 0],
    ...[0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8],
    ...[0, 1],
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0],
    ...[0, 0, 0, 0],
  ]);
}

describe('applyOrientation', () => {
  // Source:  0 1 2
  //          3 4 5
  const cases: [number, number, number[]][] = [
    [1, 3, [0, 1, 2, 3, 4, 5]],
    [2, 3, [2, 1, 0, 5, 4, 3]],
    [3, 3, [5, 4, 3, 2, 1, 0]],
    [4, 3, [3, 4, 5, 0, 1, 2]],
    [5, 2, [0, 3, 1, 4, 2, 5]],
    [6, 2, [3, 0, 4, 1, 5, 2]], // 90° clockwise
    [7, 2, [5, 2, 4, 1, 3, 0]],
    [8, 2, [2, 5, 1, 4, 0, 3]], // 90° anticlockwise
  ];
  for (const [orientation, width, expected] of cases) {
    it(`orientation ${orientation}`, () => {
      const out = applyOrientation(numbered(), orientation);
      expect(out.width).toBe(width);
      expect(reds(out)).toEqual(expected);
    });
  }
});

describe('JPEG EXIF orientation', () => {
  // Left half red, right half blue, 16×8; stored with orientation 6 it must come out 8×16, red on top.
  const data = new Uint8Array(16 * 8 * 4);
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 16; x++) data.set(x < 8 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * 16 + x) * 4);
  const bytes = new Uint8Array(
    jpeg.encode({ data, width: 16, height: 8, exifBuffer: exifWithOrientation(6) } as never, 95).data,
  );

  it('reads the tag and turns the photo upright', async () => {
    expect(jpegOrientation(bytes)).toBe(6);
    const image = await decodeJpeg(bytes, { maxPixels: 1e6 });
    expect([image.width, image.height]).toEqual([8, 16]);
    expect(image.data[0]).toBeGreaterThan(200); // top-left red
    expect(image.data[15 * 8 * 4 + 2]).toBeGreaterThan(200); // bottom-left blue
    expect(probeSize('jpeg', bytes)).toEqual({ width: 8, height: 16 });
  });

  it('treats a JPEG without EXIF as upright', async () => {
    const plain = new Uint8Array(jpeg.encode({ data, width: 16, height: 8 }, 95).data);
    expect(jpegOrientation(plain)).toBe(1);
    expect((await decodeJpeg(plain, { maxPixels: 1e6 })).width).toBe(16);
  });
});
