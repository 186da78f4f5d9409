import * as tf from '@tensorflow/tfjs';

/**
 * Model inputs (each toModelInput's size×size×3 HWC floats) → one [n, size, size, 3] tensor. Node's counterpart
 * of the app worker's tf.tensor4d(input, [1, size, size, 3]); the parity test holds the two to the same values.
 */
export function batchTensor(inputs: Float32Array[], size: number): tf.Tensor4D {
  const per = size * size * 3;
  const data = new Float32Array(inputs.length * per);
  inputs.forEach((input, i) => {
    if (input.length !== per) throw new RangeError(`input ${i} has ${input.length} values, expected ${per}`);
    data.set(input, i * per);
  });
  return tf.tensor4d(data, [inputs.length, size, size, 3]);
}
