import * as tf from '@tensorflow/tfjs-core';

export interface Conv2DBackpropInputAttrs {
  strides: number | [number, number];
  pad: unknown;
  inputShape: [number, number, number, number];
}

/** True for the case MobileNetV2's expand/project convs hit: 1×1 filter, stride 1 (padding is then moot). */
export function isPointwise(filter: tf.Tensor4D, attrs: Conv2DBackpropInputAttrs): boolean {
  const s = typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
  return filter.shape[0] === 1 && filter.shape[1] === 1 && s[0] === 1 && s[1] === 1;
}

/**
 * dL/dx of a 1×1 stride-1 conv: dy · Wᵀ as one plain matMul with the (small) filter transposed explicitly.
 * wasm's own Conv2DBackpropInput takes ~7× longer on these shapes.
 */
export function pointwiseBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  attrs: Conv2DBackpropInputAttrs,
): tf.Tensor4D {
  const [, , cin, cout] = filter.shape;
  return tf.tidy(() => {
    const flatDy = tf.reshape(dy, [-1, cout]) as tf.Tensor2D;
    const wT = tf.transpose(tf.reshape(filter, [cin, cout]));
    return tf.reshape(tf.matMul(flatDy, wT), attrs.inputShape);
  });
}
