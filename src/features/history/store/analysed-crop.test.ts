import { describe, expect, it } from 'vitest';
import { analysedCropPixels } from './analysed-crop';

describe('analysedCropPixels', () => {
  it('returns opaque RGBA of the requested size taken from the crop square', () => {
    // Left half red, right half blue; crop the right half's top square.
    const width = 8;
    const height = 4;
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = (y * width + x) * 4;
        data.set(x < 4 ? [255, 0, 0, 10] : [0, 0, 255, 10], p);
      }
    }
    const out = analysedCropPixels({ width, height, data }, { x: 4, y: 0, size: 4 }, 2);
    expect(out.width).toBe(2);
    expect(out.height).toBe(2);
    expect(Array.from(out.data)).toEqual([0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255]);
  });
});
