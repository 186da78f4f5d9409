import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';

export interface DepthwiseBackpropInputAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** Inserts stride-1 zeros after every element of axis 1 (H) or 2 (W), using only rank-4 reshapes and pads. */
function dilate(dy: tf.Tensor4D, axis: 1 | 2, stride: number): tf.Tensor4D {
  if (stride === 1) return dy;
  const [n, h, w, c] = dy.shape;
  if (axis === 1) {
    const spread = tf.pad(tf.reshape(dy, [n, h, 1, w * c]) as tf.Tensor4D, [
      [0, 0],
      [0, 0],
      [0, stride - 1],
      [0, 0],
    ]);
    return tf.reshape(spread, [n, h * stride, w, c]);
  }
  const spread = tf.pad(tf.reshape(dy, [n * h, w, 1, c]) as tf.Tensor4D, [
    [0, 0],
    [0, 0],
    [0, stride - 1],
    [0, 0],
  ]);
  return tf.reshape(spread, [n, h, w * stride, c]);
}

/** Pads (negative = crops) the spatial axes of an NHWC tensor. */
function padSpatial(x: tf.Tensor4D, top: number, bottom: number, left: number, right: number): tf.Tensor4D {
  const padded = tf.pad(x, [
    [0, 0],
    [Math.max(0, top), Math.max(0, bottom)],
    [Math.max(0, left), Math.max(0, right)],
    [0, 0],
  ]);
  if (top >= 0 && bottom >= 0 && left >= 0 && right >= 0) return padded;
  const [n, h, w, c] = padded.shape;
  const t = Math.max(0, -top);
  const l = Math.max(0, -left);
  return tf.slice(padded, [0, t, l, 0], [n, h - t - Math.max(0, -bottom), w - l - Math.max(0, -right), c]);
}

/**
 * dL/dx of a depthwise conv (channel multiplier 1): dy with stride zeros inserted, padded so that a 'valid'
 * stride-1 depthwise conv with the spatially flipped filter lands on every input pixel.
 */
export function depthwiseBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  attrs: DepthwiseBackpropInputAttrs,
): tf.Tensor4D {
  if (filter.shape[3] !== 1) throw new Error('wasm-gradients: depthwise channel multiplier must be 1');
  const g = convGeometry(
    attrs.inputShape,
    filter.shape,
    attrs.strides,
    attrs.pad,
    true,
    attrs.dimRoundingMode,
    attrs.dilations,
  );
  const [sh, sw] = g.stride;
  const { filterHeight: kh, filterWidth: kw } = g;
  return tf.tidy(() => {
    // After dilation each axis is outSize * stride long (stride - 1 trailing zeros included).
    const spread = dilate(dilate(dy, 1, sh), 2, sw);
    const top = kh - 1 - g.top;
    const left = kw - 1 - g.left;
    const bottom = g.inHeight + kh - 1 - top - g.outHeight * sh;
    const right = g.inWidth + kw - 1 - left - g.outWidth * sw;
    const framed = padSpatial(spread, top, bottom, left, right);
    const flipped = tf.reverse(filter, [0, 1]);
    return tf.depthwiseConv2d(framed, flipped, 1, 'valid');
  });
}
