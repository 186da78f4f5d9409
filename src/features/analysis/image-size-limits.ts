export interface PixelSize {
  width: number;
  height: number;
}

/** Below this the mole cannot be seen in any useful detail. */
export const MIN_SIDE = 32;

/**
 * Refused outright: beyond any camera (phones shoot up to 200 MP, 16320×12240) and the browser's own decoder
 * would still need ~1 GB for the pixels. Only decompression bombs and odd scans get here.
 */
export const MAX_PIXELS = 250_000_000;
export const MAX_SIDE = 30_000;

/**
 * Longest side of the pixels the app keeps. The model sees 192 px of a square at least a tenth of the photo's
 * short side (the framing zoom limit): 4096 × 3072 keeps that square ≥ 307 px, and is still more than any
 * screen shows, at 50 MB of RGBA where a 48 MP photo would need 190 MB.
 */
export const DECODED_MAX_SIDE = 4096;

export function exceedsLimits({ width, height }: PixelSize): boolean {
  return width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS;
}

/**
 * The size a photo is decoded at: scaled down, never up, so the longer side is at most `maxSide`. Rounded
 * down, so a browser that derives the other side from one of these (rounding up) stays within `maxSide`.
 */
export function decodedSize({ width, height }: PixelSize, maxSide = DECODED_MAX_SIDE): PixelSize {
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  // Integer arithmetic: 6048 * (4096 / 8064) in floating point is a hair under 3072.
  return {
    width: Math.max(1, Math.floor((width * maxSide) / long)),
    height: Math.max(1, Math.floor((height * maxSide) / long)),
  };
}
