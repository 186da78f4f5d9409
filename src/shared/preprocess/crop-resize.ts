import { axisTaps } from './resample-weights';
import type { RgbaImage, SquareCrop } from './rgba-image';

/**
 * Cuts `crop` out of `image` and resamples it to `size`×`size` RGB, as float 0..255 values (HWC, 3 channels).
 * Pure JavaScript so the browser and Node produce bit-identical results; alpha is ignored (treated as opaque).
 */
export function cropResizeRgb(image: RgbaImage, crop: SquareCrop, size: number): Float32Array {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || data.length < width * height * 4) {
    throw new RangeError(`Image data does not match its size (${width}×${height}).`);
  }
  const xs = axisTaps(width, crop.x, crop.size, size);
  const ys = axisTaps(height, crop.y, crop.size, size);

  // Horizontal pass over only the source rows the vertical pass will read.
  const rowLo = ys.first.reduce((m, v) => Math.min(m, v), height);
  let rowHi = 0;
  for (let o = 0; o < size; o++) rowHi = Math.max(rowHi, ys.first[o]! + ys.count[o]!);
  const rows = rowHi - rowLo;
  const horizontal = new Float64Array(rows * size * 3);
  for (let r = 0; r < rows; r++) {
    const srcRow = (rowLo + r) * width * 4;
    for (let o = 0; o < size; o++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      const f = xs.first[o]!;
      const wBase = o * xs.maxTaps;
      for (let k = 0; k < xs.count[o]!; k++) {
        const w = xs.weights[wBase + k]!;
        const p = srcRow + (f + k) * 4;
        red += w * data[p]!;
        green += w * data[p + 1]!;
        blue += w * data[p + 2]!;
      }
      const q = (r * size + o) * 3;
      horizontal[q] = red;
      horizontal[q + 1] = green;
      horizontal[q + 2] = blue;
    }
  }

  const out = new Float32Array(size * size * 3);
  for (let o = 0; o < size; o++) {
    const f = ys.first[o]! - rowLo;
    const wBase = o * ys.maxTaps;
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let k = 0; k < ys.count[o]!; k++) {
        const w = ys.weights[wBase + k]!;
        const q = ((f + k) * size + x) * 3;
        red += w * horizontal[q]!;
        green += w * horizontal[q + 1]!;
        blue += w * horizontal[q + 2]!;
      }
      const p = (o * size + x) * 3;
      out[p] = red;
      out[p + 1] = green;
      out[p + 2] = blue;
    }
  }
  return out;
}
