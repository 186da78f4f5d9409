import * as tf from '@tensorflow/tfjs-core';
import { convGeometry, type ConvPad } from './conv-geometry';
import { tapPlanes } from './filter-taps';
import { tapChannelDots } from './heap-copy';

export interface DepthwiseBackpropFilterAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dW of a depthwise conv (channel multiplier 1): for each tap, Σ over (n, i, j) of tap-input · dy per
 * channel, as one fused multiply-and-sum over heap views per tap (see tapChannelDots for why not wasm ops).
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
  const [kh, kw, c] = filterShape;
  const [sh, sw] = g.stride;
  const grad = new Float32Array(kh * kw * c);
  tf.tidy(() => {
    const { planes, wide } = tapPlanes(x, g);
    for (let a = 0; a < kh; a++) {
      for (let b = 0; b < kw; b++) {
        const plane = planes[(a % sh) * sw + (b % sw)]!;
        grad.set(tapChannelDots(plane, wide, dy, Math.floor(a / sh), Math.floor(b / sw)), (a * kw + b) * c);
      }
    }
  });
  return tf.tensor4d(grad, filterShape);
}
