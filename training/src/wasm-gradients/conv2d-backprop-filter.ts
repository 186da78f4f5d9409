import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';
import { wideDy, wideTaps } from './filter-taps';
import { matMulAtB } from './mat-mul-at-b';

export interface Conv2DBackpropFilterAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dW of a regular NHWC conv: Σ over (n, i, j) of tap-input ⊗ dy. A 1×1 stride-1 filter is one matMul of
 * the flattened input and dy; a k×k one is one such matMul per tap (on the wide grid of `wideTaps`, whose
 * junk columns meet zeros in dy), stacked to [k²·Cin, Cout].
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
    if (kh === 1 && kw === 1 && g.stride[0] === 1 && g.stride[1] === 1 && g.top === 0 && g.left === 0) {
      const rows = g.batch * g.outHeight * g.outWidth;
      const flatX = tf.reshape(x, [rows, cin]) as tf.Tensor2D;
      return tf.reshape(matMulAtB(flatX, tf.reshape(dy, [rows, cout]) as tf.Tensor2D), filterShape);
    }
    const { taps, wide } = wideTaps(x, g);
    const dyWide = wideDy(dy, wide);
    return tf.reshape(
      tf.concat(
        taps.map((tap) => matMulAtB(tap, dyWide)),
        0,
      ),
      filterShape,
    );
  });
}
