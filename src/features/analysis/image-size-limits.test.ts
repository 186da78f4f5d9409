import { describe, expect, it } from 'vitest';
import { describeProblem } from './image-problem';
import { DECODED_MAX_SIDE, MAX_PIXELS, MAX_SIDE, decodedSize, exceedsLimits } from './image-size-limits';

// Sizes that phones write today: 12 MP, 48 MP (iPhone), 50 MP (Samsung, Pixel), 108 MP and 200 MP modes.
const phonePhotos = [
  { width: 4032, height: 3024 },
  { width: 8064, height: 6048 },
  { width: 8160, height: 6120 },
  { width: 12000, height: 9000 },
  { width: 16320, height: 12240 },
];

describe('image size limits', () => {
  it('accepts every phone photo size, upright or sideways', () => {
    for (const { width, height } of phonePhotos) {
      expect(exceedsLimits({ width, height })).toBe(false);
      expect(exceedsLimits({ width: height, height: width })).toBe(false);
    }
  });

  it('refuses decompression bombs: too many pixels, or one absurd side', () => {
    expect(exceedsLimits({ width: 50_000, height: 50_000 })).toBe(true);
    expect(exceedsLimits({ width: 20_000, height: 12_501 })).toBe(true); // just over 250 MP
    expect(exceedsLimits({ width: MAX_SIDE + 1, height: 100 })).toBe(true);
    expect(exceedsLimits({ width: 100, height: MAX_SIDE + 1 })).toBe(true);
    expect(exceedsLimits({ width: MAX_SIDE, height: Math.floor(MAX_PIXELS / MAX_SIDE) })).toBe(false);
  });

  it('says which limits it applies in the message', () => {
    const message = describeProblem('too-large');
    expect(message).toContain(`${MAX_PIXELS / 1_000_000} megapixels`);
    expect(message).toContain(MAX_SIDE.toLocaleString('en'));
  });
});

describe('decodedSize', () => {
  it('scales a 48–200 MP photo to DECODED_MAX_SIDE on its longer side, keeping its shape', () => {
    for (const photo of phonePhotos.slice(1)) {
      expect(decodedSize(photo)).toEqual({ width: DECODED_MAX_SIDE, height: 3072 });
      expect(decodedSize({ width: photo.height, height: photo.width })).toEqual({
        width: 3072,
        height: DECODED_MAX_SIDE,
      });
    }
  });

  it('leaves a photo that already fits alone, and never enlarges', () => {
    expect(decodedSize({ width: 4032, height: 3024 })).toEqual({ width: 4032, height: 3024 });
    expect(decodedSize({ width: 632, height: 387 })).toEqual({ width: 632, height: 387 });
    expect(decodedSize({ width: DECODED_MAX_SIDE, height: 10 })).toEqual({
      width: DECODED_MAX_SIDE,
      height: 10,
    });
  });

  it('rounds down, so the long side a browser derives from the short one (rounding up) still fits', () => {
    for (const [width, height] of [
      [4003, 3000],
      [9999, 7777],
      [29_999, 8333],
      [5000, 4999],
    ] as const) {
      const target = decodedSize({ width, height });
      expect(Math.max(target.width, target.height)).toBeLessThanOrEqual(DECODED_MAX_SIDE);
      expect(Math.ceil((width * target.height) / height)).toBeLessThanOrEqual(DECODED_MAX_SIDE);
    }
  });

  it('keeps at least one pixel on an extreme strip', () => {
    expect(decodedSize({ width: 29_000, height: 3 })).toEqual({ width: DECODED_MAX_SIDE, height: 1 });
  });
});
