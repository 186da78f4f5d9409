/**
 * Per-output-pixel source taps for resampling the interval [start, start + length) of a source axis onto
 * `outSize` pixels. Shrinking averages the exact area each output pixel covers (so no source pixel is
 * skipped); enlarging interpolates linearly. Taps never reach outside the crop, so what the user framed is
 * exactly what is analysed.
 */
export interface AxisTaps {
  first: Int32Array;
  count: Int32Array;
  weights: Float64Array;
  maxTaps: number;
}

export function axisTaps(srcSize: number, start: number, length: number, outSize: number): AxisTaps {
  const scale = length / outSize;
  const maxTaps = Math.ceil(scale) + 2;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * maxTaps);
  const cropLo = Math.max(0, start);
  const cropHi = Math.min(srcSize, start + length);
  for (let o = 0; o < outSize; o++) {
    const a = start + o * scale;
    const b = a + scale;
    const centre = (a + b) / 2;
    const lo = Math.max(Math.floor(cropLo), Math.floor(scale >= 1 ? a : centre - 1));
    const hi = Math.min(Math.ceil(cropHi), Math.ceil(scale >= 1 ? b : centre + 1));
    let total = 0;
    let n = 0;
    for (let s = lo; s < hi && n < maxTaps; s++, n++) {
      const w =
        scale >= 1
          ? Math.max(0, Math.min(b, s + 1, cropHi) - Math.max(a, s, cropLo))
          : Math.max(0, 1 - Math.abs(s + 0.5 - centre));
      weights[o * maxTaps + n] = w;
      total += w;
    }
    if (total === 0) {
      // This output pixel lies outside the image: repeat the nearest edge pixel.
      first[o] = Math.min(srcSize - 1, Math.max(0, Math.floor(centre)));
      count[o] = 1;
      weights[o * maxTaps] = 1;
      continue;
    }
    for (let k = 0; k < n; k++) weights[o * maxTaps + k]! /= total;
    first[o] = lo;
    count[o] = n;
  }
  return { first, count, weights, maxTaps };
}
