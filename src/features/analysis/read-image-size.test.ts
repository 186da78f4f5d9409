import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageSize } from './read-image-size';
import { sniffImageFormat } from '../../shared/image-format/sniff-image-format';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

function jpeg(width: number, height: number, app1 = [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4]): Uint8Array {
  // SOI, an APP1 block (by default one that is no EXIF), then SOF0 with the stored size.
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof, ...new Array(12).fill(0)]);
}

/** An EXIF APP1 block whose first directory holds one other tag, then the orientation (a SHORT). */
function exif(orientation: number, order: 'II' | 'MM' = 'MM'): number[] {
  const tiff = new Uint8Array(8 + 2 + 2 * 12 + 4);
  const view = new DataView(tiff.buffer);
  const little = order === 'II';
  tiff.set([order.charCodeAt(0), order.charCodeAt(1)]);
  view.setUint16(2, 42, little);
  view.setUint32(4, 8, little);
  view.setUint16(8, 2, little);
  view.setUint16(10, 0x010f, little); // Make, an ASCII tag to step over
  view.setUint16(12, 2, little);
  view.setUint16(22, 0x0112, little);
  view.setUint16(24, 3, little);
  view.setUint32(26, 1, little);
  view.setUint16(30, orientation, little);
  const payload = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], [...tiff]);
  const length = payload.length + 2;
  return [0xff, 0xe1, length >> 8, length & 255, ...payload];
}

function bmp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(54);
  bytes.set([0x42, 0x4d]);
  const view = new DataView(bytes.buffer);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  return bytes;
}

describe('readImageSize', () => {
  it('reads PNG, JPEG (past other segments) and BMP (top-down too) headers', () => {
    expect(readImageSize(png(8000, 6000), 'png')).toEqual({ width: 8000, height: 6000 });
    expect(readImageSize(jpeg(4032, 3024), 'jpeg')).toEqual({ width: 4032, height: 3024 });
    expect(readImageSize(bmp(632, -387), 'bmp')).toEqual({ width: 632, height: 387 });
  });

  it('gives a JPEG the size it is shown at: EXIF orientations 5–8 turn it a quarter', () => {
    // A phone's portrait photo: landscape sensor pixels, tagged "turn 90° clockwise" (6) or anticlockwise (8).
    expect(readImageSize(jpeg(8064, 6048, exif(6)), 'jpeg')).toEqual({ width: 6048, height: 8064 });
    expect(readImageSize(jpeg(8064, 6048, exif(8, 'II')), 'jpeg')).toEqual({ width: 6048, height: 8064 });
    expect(readImageSize(jpeg(8064, 6048, exif(5)), 'jpeg')).toEqual({ width: 6048, height: 8064 });
    // Upside down or mirrored keeps the shape.
    expect(readImageSize(jpeg(8064, 6048, exif(3, 'II')), 'jpeg')).toEqual({ width: 8064, height: 6048 });
    expect(readImageSize(jpeg(8064, 6048, exif(1)), 'jpeg')).toEqual({ width: 8064, height: 6048 });
  });

  it('ignores an orientation out of range, and does not trip over an EXIF block cut off by the header read', () => {
    expect(readImageSize(jpeg(800, 600, exif(9)), 'jpeg')).toEqual({ width: 800, height: 600 });
    const cut = exif(6).slice(0, 30);
    const bytes = new Uint8Array([0xff, 0xd8, ...cut]);
    expect(readImageSize(bytes, 'jpeg')).toBeNull();
  });

  it('returns null for a truncated header rather than guessing', () => {
    expect(readImageSize(png(1, 1).subarray(0, 20), 'png')).toBeNull();
    expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00]), 'jpeg')).toBeNull();
  });

  const seed = '../shared/datasets/seed-dermoscopy-bmp-samples/D100.BMP';
  it.skipIf(!existsSync(seed))('reads the seed BMP as 632×387', () => {
    const bytes = new Uint8Array(readFileSync(seed));
    expect(readImageSize(bytes, sniffImageFormat(bytes)!)).toEqual({ width: 632, height: 387 });
  });
});
