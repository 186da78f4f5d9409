import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';
import { filterTaps } from './filter-taps';
import { matMulAtB } from './mat-mul-at-b';

export interface Conv2DBackpropFilterAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dW of a regular NHWC conv: Σ over (n, i, j) of tap-input ⊗ dy. A 1×1 stride-1 filter is one matMul
 * of the flattened input and dy; a k×k one concatenates its k² taps on the channel axis so it is still one
 * matMul ([k²·Cin, Cout] = tapsᵀ · dy).
 */
export function conv2dBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  attrs: Conv2DBackpropFilterAttrs,
): tf.Tensor4D {
  const { filterShape } = attrs;
  const g = convGeometry(x.shape, filterShape, attrs.strides, attrs.pad, false, attrs.dimRoundingMode);
  const [kh, kw, cin, cout] = filterShape;
  return tf.tidy(() => {
    const rows = g.batch * g.outHeight * g.outWidth;
    const dy2 = tf.reshape(dy, [rows, cout]);
    const direct = kh === 1 && kw === 1 && g.stride[0] === 1 && g.stride[1] === 1 && g.top === 0;
    const patches = direct
      ? tf.reshape(x, [rows, cin])
      : tf.reshape(tf.concat(filterTaps(x, g), 3), [rows, kh * kw * cin]);
    return tf.reshape(matMulAtB(patches as tf.Tensor2D, dy2), filterShape);
  });
}
