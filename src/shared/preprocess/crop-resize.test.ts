import { describe, expect, it } from 'vitest';
import { centreSquare } from './centre-square';
import { cropResizeRgb } from './crop-resize';
import { toModelInput } from './model-input';

function solid(width: number, height: number, rgb: [number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return { width, height, data };
}

describe('cropResizeRgb', () => {
  it('keeps a flat colour flat when shrinking and enlarging', () => {
    for (const [w, h, size] of [
      [632, 387, 224],
      [50, 30, 224],
      [224, 224, 224],
    ] as const) {
      const out = cropResizeRgb(solid(w, h, [10, 120, 250]), centreSquare(w, h), size);
      expect(out.length).toBe(size * size * 3);
      for (let i = 0; i < out.length; i += 3) {
        expect(out[i]).toBeCloseTo(10, 6);
        expect(out[i + 1]).toBeCloseTo(120, 6);
        expect(out[i + 2]).toBeCloseTo(250, 6);
      }
    }
  });

  it('crops the centre square: a left border outside the crop does not leak in', () => {
    const img = solid(300, 100, [0, 0, 0]);
    for (let y = 0; y < 100; y++)
      for (let x = 0; x < 100; x++) img.data.set([255, 255, 255, 255], (y * 300 + x) * 4);
    const out = cropResizeRgb(img, centreSquare(300, 100), 10);
    expect(Math.max(...out)).toBe(0);
  });

  it('averages when shrinking (a 2×2 checkerboard halves to grey)', () => {
    const img = solid(4, 4, [0, 0, 0]);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 4; x++) if ((x + y) % 2) img.data.set([255, 255, 255, 255], (y * 4 + x) * 4);
    const out = cropResizeRgb(img, { x: 0, y: 0, size: 4 }, 2);
    for (const v of out) expect(v).toBeCloseTo(127.5, 1);
  });

  it('normalises to the declared range', () => {
    const input = { size: 8, mean: 128, std: 128, range: [-1, 127 / 128] as [number, number] };
    const black = toModelInput(solid(8, 8, [0, 0, 0]), input);
    const white = toModelInput(solid(8, 8, [255, 255, 255]), input);
    expect(black[0]).toBeCloseTo(-1, 6);
    expect(white[0]).toBeCloseTo(127 / 128, 6);
  });

  it('rejects pixel buffers that do not match the declared size', () => {
    expect(() =>
      cropResizeRgb({ width: 10, height: 10, data: new Uint8Array(10) }, { x: 0, y: 0, size: 10 }, 4),
    ).toThrow(RangeError);
  });
});
