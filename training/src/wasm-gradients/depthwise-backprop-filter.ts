import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';
import { wideDy, wideTaps } from './filter-taps';

export interface DepthwiseBackpropFilterAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dW of a depthwise conv (channel multiplier 1): for each tap, Σ over (n, i, j) of tap-input · dy per
 * channel. Each tap's products are summed over rows by a ones-vector matMul: wasm's Sum over a leading axis
 * transposes first, and concatenating the taps first costs more than the 9 small matMuls.
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
    const { taps, wide } = wideTaps(x, g);
    const dyWide = wideDy(dy, wide);
    const ones = tf.ones([1, dyWide.shape[0]]) as tf.Tensor2D;
    const perTap = taps.map((tap) => tf.matMul(ones, tf.mul(tap, dyWide)));
    return tf.reshape(tf.concat(perTap, 0), filterShape);
  });
}
