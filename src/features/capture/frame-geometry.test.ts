import { describe, expect, it } from 'vitest';
import { clampCrop, initialCrop, minCropSize, panCrop, zoomCrop } from './frame-geometry';

const seed = { width: 632, height: 387 };

describe('frame geometry', () => {
  it('starts on the centred square that training uses', () => {
    expect(initialCrop(seed)).toEqual({ x: (632 - 387) / 2, y: 0, size: 387 });
  });

  it('keeps the square inside the photo when panning past an edge', () => {
    const crop = panCrop(initialCrop(seed), 10_000, 50, 300, seed);
    expect(crop).toEqual({ x: 0, y: 0, size: 387 });
    expect(panCrop(crop, -10_000, 0, 300, seed).x).toBe(632 - 387);
  });

  it('moves the photo with the finger: dragging right shows more of the left', () => {
    const start = { x: 100, y: 0, size: 300 };
    expect(panCrop(start, 30, 0, 300, seed).x).toBeCloseTo(70);
  });

  it('zooms about the anchor point and stops at the limits', () => {
    const zoomed = zoomCrop({ x: 100, y: 0, size: 300 }, 2, seed, 0.5, 0.5);
    expect(zoomed).toEqual({ x: 175, y: 75, size: 150 });
    expect(zoomCrop(zoomed, 1e6, seed).size).toBe(minCropSize(seed));
    expect(zoomCrop(zoomed, 1e-6, seed).size).toBe(387);
  });

  it('clamps a stale crop onto a smaller photo', () => {
    expect(clampCrop({ x: 500, y: 500, size: 1000 }, { width: 100, height: 80 })).toEqual({
      x: 20,
      y: 0,
      size: 80,
    });
  });
});
