import * as tf from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry';

/** Pads (or crops) one spatial axis of an NHWC tensor so it spans [-before, -before + length) of the input. */
function frameAxis(x: tf.Tensor4D, axis: 1 | 2, before: number, length: number): tf.Tensor4D {
  const after = length - before - x.shape[axis];
  let out = x;
  if (before > 0 || after > 0) {
    const pads: [number, number][] = [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    pads[axis] = [Math.max(0, before), Math.max(0, after)];
    out = tf.pad(out, pads);
  }
  if (before < 0 || after < 0) {
    const begin = [0, 0, 0, 0];
    begin[axis] = Math.max(0, -before);
    const size = [-1, -1, -1, -1];
    size[axis] = length;
    out = tf.slice(out, begin, size);
  }
  return out;
}

/**
 * For every filter tap (row-major over kh, kw) the input values that tap multiplies, as [N, outH, outW, C]:
 * taps[a * kw + b][n, i, j, c] = xPadded[n, i * sh + a, j * sw + b, c].
 * Strided gathers use only rank-4 contiguous slices of reshaped tensors, because wasm's StridedSlice and
 * rank ≥ 5 Slice fall back to slow generic loops. Call inside tf.tidy.
 */
export function filterTaps(x: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D[] {
  const [sh, sw] = g.stride;
  const { batch: n, outHeight: oh, outWidth: ow, channels: c, filterHeight: kh, filterWidth: kw } = g;
  // Rows/columns in units of the stride, enough for every tap.
  const hq = oh + Math.floor((kh - 1) / sh);
  const wq = ow + Math.floor((kw - 1) / sw);
  const framed = frameAxis(frameAxis(x, 1, g.top, hq * sh), 2, g.left, wq * sw);
  const rows = tf.reshape(framed, [n, hq, sh, wq * sw * c]);
  const taps: tf.Tensor4D[] = [];
  for (let a = 0; a < kh; a++) {
    const rowSlice = tf.reshape(tf.slice(rows, [0, Math.floor(a / sh), a % sh, 0], [n, oh, 1, wq * sw * c]), [
      n * oh,
      wq,
      sw,
      c,
    ]);
    for (let b = 0; b < kw; b++) {
      const tap = tf.slice(rowSlice, [0, Math.floor(b / sw), b % sw, 0], [n * oh, ow, 1, c]);
      taps.push(tf.reshape(tap, [n, oh, ow, c]));
    }
  }
  return taps;
}
