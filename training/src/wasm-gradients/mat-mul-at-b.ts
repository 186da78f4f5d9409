import * as tf from '@tensorflow/tfjs-core';

/**
 * aᵀ·b for a [m, p] and b [m, q]. wasm's matMul with a transposed operand is several times slower than an
 * explicit Transpose followed by a plain matMul (measured in docs/training-speed.md), so transpose first.
 */
export function matMulAtB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(tf.transpose(a), b));
}
