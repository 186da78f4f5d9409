import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';

/**
 * Photographic failures made from good images, to calibrate and measure the quality guard: the app must
 * refuse these even though the underlying picture is dermoscopy.
 */
export type Degradation = 'dark' | 'overexposed' | 'blurred';

/** Multiply brightness by `gain` then add `offset`, clipping at 0..255: underexposure or blown highlights. */
export function exposeImage(image: RgbaImage, gain: number, offset = 0): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = image.data[i]! * gain + offset;
    data[i + 1] = image.data[i + 1]! * gain + offset;
    data[i + 2] = image.data[i + 2]! * gain + offset;
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/**
 * Gaussian-like blur (three box passes per axis) with standard deviation `sigma` in source pixels: a
 * defocused or shaken photo.
 */
export function blurImage(image: RgbaImage, sigma: number): RgbaImage {
  const { width, height } = image;
  // Three boxes of width w have variance 3·(w² − 1)/12 = sigma².
  const radius = Math.max(1, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  const a = Float32Array.from(image.data);
  const b = new Float32Array(a.length);
  for (let pass = 0; pass < 3; pass++) {
    boxAxis(a, b, width, height, radius, true);
    boxAxis(b, a, width, height, radius, false);
  }
  const data = new Uint8ClampedArray(a.length);
  for (let i = 0; i < a.length; i++) data[i] = (i & 3) === 3 ? 255 : a[i]!;
  return { width, height, data };
}

function boxAxis(src: Float32Array, dst: Float32Array, w: number, h: number, r: number, horizontal: boolean) {
  const lines = horizontal ? h : w;
  const len = horizontal ? w : h;
  const step = horizontal ? 4 : w * 4;
  for (let line = 0; line < lines; line++) {
    const base = horizontal ? line * w * 4 : line * 4;
    for (let c = 0; c < 3; c++) {
      // Running sum with edge clamping, so borders do not darken.
      let acc = 0;
      for (let k = -r; k <= r; k++) acc += src[base + Math.min(len - 1, Math.max(0, k)) * step + c]!;
      for (let i = 0; i < len; i++) {
        dst[base + i * step + c] = acc / (2 * r + 1);
        const out = Math.max(0, i - r);
        const inn = Math.min(len - 1, i + r + 1);
        acc += src[base + inn * step + c]! - src[base + out * step + c]!;
      }
    }
  }
}
