import * as tf from '@tensorflow/tfjs-core';

/**
 * aᵀ·b for a [m, p] and b [m, q] (m large: pixels). wasm's matMul with a transposed operand runs 2–12× slower
 * than a plain one, and an explicit Transpose costs about a copy of its input, so transpose whichever of a, b
 * has fewer columns and, if that was b, transpose the small [q, p] product back.
 */
export function matMulAtB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy((): tf.Tensor2D =>
    a.shape[1] <= b.shape[1]
      ? tf.matMul(tf.transpose(a), b)
      : (tf.transpose(tf.matMul(tf.transpose(b), a)) as tf.Tensor2D),
  );
}
