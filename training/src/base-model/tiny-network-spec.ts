import * as tf from '@tensorflow/tfjs';
import type { Layer, NetworkSpec } from './network-spec';

// Test fixture: a network small enough for the cpu backend, shaped like MobileNetV2.

/** Deterministic pseudo-random weights so the test needs no data. */
export function rand(n: number, seed: number, scale = 0.3): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648 - 0.5) * 2 * scale;
  });
}

/** A miniature MobileNetV2: stem (frozen, highRes), one block with a residual add, 1×1 conv, pool. */
export function tinySpec(): NetworkSpec {
  const conv = (
    name: string,
    input: string,
    k: number,
    cin: number,
    cout: number,
    stride: number,
    activation: 'none' | 'relu6',
    block: number,
  ): Layer => ({
    kind: 'conv',
    name,
    output: name,
    input,
    block,
    highRes: block === 0,
    stride,
    padding: 'SAME',
    activation,
    filter: rand(k * k * cin * cout, block * 31 + cout),
    filterShape: [k, k, cin, cout],
    bias: rand(cout, cout + 7, 0.1),
  });
  return {
    name: 'tiny',
    input: 'input',
    inputSize: 16,
    features: 'pool',
    featureSize: 12,
    layers: [
      conv('stem', 'input', 3, 3, 8, 2, 'relu6', 0),
      conv('b1/expand', 'stem', 1, 8, 16, 1, 'relu6', 1),
      {
        kind: 'depthwise',
        name: 'b1/dw',
        output: 'b1/dw',
        input: 'b1/expand',
        block: 1,
        highRes: false,
        stride: 1,
        padding: 'SAME',
        activation: 'relu6',
        filter: rand(9 * 16, 5),
        filterShape: [3, 3, 16, 1],
        bias: rand(16, 9, 0.1),
      },
      conv('b1/project', 'b1/dw', 1, 16, 8, 1, 'none', 1),
      {
        kind: 'add',
        name: 'b1/add',
        output: 'b1/add',
        inputs: ['b1/project', 'stem'],
        block: 1,
        highRes: false,
        activation: 'none',
      },
      conv('top', 'b1/add', 1, 8, 12, 1, 'relu6', 2),
      { kind: 'global-avg-pool', name: 'pool', output: 'pool', input: 'top', block: 2, highRes: false },
    ],
  };
}

export async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [x, y] = [await a.data(), await b.data()];
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}
