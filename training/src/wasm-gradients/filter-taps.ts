import * as tf from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry';
import { phasePlane, rowWindows } from './heap-copy';

/**
 * Every filter tap's input values on a "wide" output grid: taps[a * kw + b] is [N * outH * wide, C] with
 * row (n, i, j) = xPadded[n, i * sh + a, j * sw + b, :] for j < outW; columns j ≥ outW hold junk that the
 * caller cancels by multiplying with `wideDy` (dy padded with zeros to the same width).
 *
 * Why this shape: wasm's Slice is JavaScript that copies one innermost run per call, so slicing an NHWC
 * tensor costs one call per pixel. Flattening each image to one row turns a tap into a shift of that row:
 * one long copy per image (see heap-copy.ts). Strides use s² phase planes, built once. Call inside tf.tidy.
 */
export function wideTaps(x: tf.Tensor4D, g: ConvGeometry): { taps: tf.Tensor2D[]; wide: number } {
  const [sh, sw] = g.stride;
  const { batch: n, outHeight: oh, channels: c, filterHeight: kh, filterWidth: kw } = g;
  const { planes, wide } = tapPlanes(x, g);
  const taps: tf.Tensor2D[] = [];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const plane = planes[(a % sh) * sw + (b % sw)]!;
      const shift = (Math.floor(a / sh) * wide + Math.floor(b / sw)) * c;
      const tap = rowWindows(plane, shift, oh * wide * c);
      taps.push(tf.reshape(tap, [n * oh * wide, c]));
    }
  }
  return { taps, wide };
}

/**
 * The padded input split into its sh·sw stride phases, each flattened per image to [N, rows * wide * C], such
 * that tap (a, b) reads phase (a % sh, b % sw) at row offset ⌊a/sh⌋ and column offset ⌊b/sw⌋.
 */
export function tapPlanes(x: tf.Tensor4D, g: ConvGeometry): { planes: tf.Tensor2D[]; wide: number } {
  const [sh, sw] = g.stride;
  const wide = g.outWidth + Math.floor((g.filterWidth - 1) / sw);
  // One spare row so the last tap's shifted read of outH rows (junk columns included) stays inside the plane.
  const rows = g.outHeight + Math.floor((g.filterHeight - 1) / sh) + 1;
  const framed = frameAxis(frameAxis(x, 1, g.top, rows * sh), 2, g.left, wide * sw);
  return { planes: phasePlanes(framed, sh, sw), wide };
}

/** dy [N, outH, outW, C] → [N * outH * wide, C], zeros in the junk columns of `wideTaps`. */
export function wideDy(dy: tf.Tensor4D, wide: number): tf.Tensor2D {
  const [n, oh, ow, c] = dy.shape;
  const padded =
    wide > ow
      ? tf.pad(dy, [
          [0, 0],
          [0, 0],
          [0, wide - ow],
          [0, 0],
        ])
      : dy;
  return tf.reshape(padded, [n * oh * wide, c]);
}

/** For strides (sh, sw): planes[p * sw + q] = x[:, p::sh, q::sw, :] flattened to [N, H/sh * W/sw * C]. */
function phasePlanes(x: tf.Tensor4D, sh: number, sw: number): tf.Tensor2D[] {
  const [n, h, w, c] = x.shape;
  if (sh === 1 && sw === 1) return [tf.reshape(x, [n, h * w * c])];
  const planes: tf.Tensor2D[] = [];
  for (let p = 0; p < sh; p++) {
    for (let q = 0; q < sw; q++)
      planes.push(tf.reshape(phasePlane(x, sh, sw, p, q), [n, (h / sh) * (w / sw) * c]));
  }
  return planes;
}

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
