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

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP1 block to skip, then SOF0 with the size.
  const app1 = [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof, ...new Array(12).fill(0)]);
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
