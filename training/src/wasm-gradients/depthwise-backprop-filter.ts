import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';
import { filterTaps } from './filter-taps';

export interface DepthwiseBackpropFilterAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dW of a depthwise conv (channel multiplier 1): for each tap, Σ over (n, i, j) of tap-input · dy per
 * channel. The per-tap products are concatenated and summed over rows by one ones-vector matMul, because
 * wasm's Sum over a leading axis transposes first.
 */
export function depthwiseBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  attrs: DepthwiseBackpropFilterAttrs,
): tf.Tensor4D {
  const { filterShape } = attrs;
  if (filterShape[3] !== 1) throw new Error('wasm-gradients: depthwise channel multiplier must be 1');
  const g = convGeometry(
    x.shape,
    filterShape,
    attrs.strides,
    attrs.pad,
    true,
    attrs.dimRoundingMode,
    attrs.dilations,
  );
  return tf.tidy(() => {
    const rows = g.batch * g.outHeight * g.outWidth;
    const products = filterTaps(x, g).map((tap) => tf.mul(tap, dy));
    const stacked = tf.reshape(tf.concat(products, 3), [rows, products.length * g.channels]);
    return tf.reshape(tf.matMul(tf.ones([1, rows]), stacked), filterShape);
  });
}
