import * as tf from '@tensorflow/tfjs-core';
import { heapReduceRows } from './heap-copy';

/** The normalised reduction axes if they are exactly the leading k axes (0 < k < rank), else null. */
export function leadingAxes(axis: number | number[], rank: number): number | null {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  if (axes.length === 0 || axes.length >= rank) return null;
  return axes.every((a, i) => a === i) ? axes.length : null;
}

/**
 * Sum over the leading axes of a float32 tensor (the bias gradient: dy [N, H, W, C] → [C]) as a row
 * reduction over the heap. wasm's Sum transposes the reduced axes to the end first, a full copy per bias.
 */
export function sumLeadingAxes(x: tf.Tensor, k: number, keepDims: boolean): tf.Tensor {
  const inner = x.shape.slice(k);
  const rows = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
  const sums = heapReduceRows(tf.reshape(x, [rows, -1]) as tf.Tensor2D);
  const shape = keepDims ? [...x.shape.slice(0, k).map(() => 1), ...inner] : inner;
  return tf.tensor(sums, shape);
}
