import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmGradients } from './register-wasm-gradients';

type Shape4 = [number, number, number, number];
type Pad = 'same' | 'valid';

/** Deterministic uniform values in [-1, 1): the comparison must not depend on the run. */
function randomValues(size: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

async function onBackend(
  backend: string,
  kernel: string,
  inputs: Record<string, { shape: Shape4; values: Float32Array }>,
  attrs: Record<string, unknown>,
): Promise<{ shape: number[]; values: Float32Array }> {
  await tf.setBackend(backend);
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, { shape, values }] of Object.entries(inputs)) tensors[name] = tf.tensor4d(values, shape);
  const out = tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  const result = { shape: out.shape, values: (await out.data()) as Float32Array };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

async function compare(
  kernel: string,
  inputs: Record<string, { shape: Shape4; values: Float32Array }>,
  attrs: Record<string, unknown>,
) {
  const reference = await onBackend('cpu', kernel, inputs, attrs);
  const before = (await tf.setBackend('wasm'), tf.memory().numTensors);
  const actual = await onBackend('wasm', kernel, inputs, attrs);
  expect(tf.memory().numTensors).toBe(before);
  expect(actual.shape).toEqual(reference.shape);
  let maxError = 0;
  for (let i = 0; i < reference.values.length; i++) {
    maxError = Math.max(maxError, Math.abs(actual.values[i]! - reference.values[i]!));
  }
  expect(maxError).toBeLessThan(1e-4);
}

function outSize(size: number, k: number, stride: number, pad: Pad): number {
  return pad === 'same' ? Math.ceil(size / stride) : Math.ceil((size - k + 1) / stride);
}

const cases: { k: number; stride: number; pad: Pad; size: [number, number] }[] = [];
for (const k of [1, 3])
  for (const stride of [1, 2])
    for (const pad of ['same', 'valid'] as const)
      for (const size of [
        [8, 8],
        [7, 9],
      ] as [number, number][])
        cases.push({ k, stride, pad, size });

describe('wasm gradient kernels match the cpu backend', () => {
  beforeAll(async () => {
    registerWasmGradients();
    await tf.setBackend('wasm');
  });

  it.each(cases)(
    'Conv2DBackpropFilter k=$k stride=$stride pad=$pad size=$size',
    async ({ k, stride, pad, size }) => {
      const [h, w] = size;
      const x: Shape4 = [2, h, w, 5];
      const dy: Shape4 = [2, outSize(h, k, stride, pad), outSize(w, k, stride, pad), 6];
      await compare(
        tf.Conv2DBackpropFilter,
        {
          x: {
            shape: x,
            values: randomValues(
              x.reduce((a, b) => a * b),
              1,
            ),
          },
          dy: {
            shape: dy,
            values: randomValues(
              dy.reduce((a, b) => a * b),
              2,
            ),
          },
        },
        { strides: [stride, stride], pad, dataFormat: 'NHWC', filterShape: [k, k, 5, 6] },
      );
    },
  );

  it.each(cases)(
    'DepthwiseConv2dNativeBackpropFilter k=$k stride=$stride pad=$pad size=$size',
    async ({ k, stride, pad, size }) => {
      const [h, w] = size;
      const x: Shape4 = [2, h, w, 4];
      const dy: Shape4 = [2, outSize(h, k, stride, pad), outSize(w, k, stride, pad), 4];
      await compare(
        tf.DepthwiseConv2dNativeBackpropFilter,
        {
          x: {
            shape: x,
            values: randomValues(
              x.reduce((a, b) => a * b),
              3,
            ),
          },
          dy: {
            shape: dy,
            values: randomValues(
              dy.reduce((a, b) => a * b),
              4,
            ),
          },
        },
        { strides: [stride, stride], pad, dilations: [1, 1], filterShape: [k, k, 4, 1] },
      );
    },
  );

  it.each(cases)(
    'Conv2DBackpropInput k=$k stride=$stride pad=$pad size=$size',
    async ({ k, stride, pad, size }) => {
      const [h, w] = size;
      const filter: Shape4 = [k, k, 5, 6];
      const dy: Shape4 = [2, outSize(h, k, stride, pad), outSize(w, k, stride, pad), 6];
      await compare(
        tf.Conv2DBackpropInput,
        {
          dy: {
            shape: dy,
            values: randomValues(
              dy.reduce((a, b) => a * b),
              11,
            ),
          },
          filter: { shape: filter, values: randomValues(k * k * 30, 12) },
        },
        { strides: [stride, stride], pad, dataFormat: 'NHWC', inputShape: [2, h, w, 5] },
      );
    },
  );

  it.each(cases)(
    'DepthwiseConv2dNativeBackpropInput k=$k stride=$stride pad=$pad size=$size',
    async ({ k, stride, pad, size }) => {
      const [h, w] = size;
      const filter: Shape4 = [k, k, 4, 1];
      const dy: Shape4 = [2, outSize(h, k, stride, pad), outSize(w, k, stride, pad), 4];
      await compare(
        tf.DepthwiseConv2dNativeBackpropInput,
        {
          dy: {
            shape: dy,
            values: randomValues(
              dy.reduce((a, b) => a * b),
              5,
            ),
          },
          filter: { shape: filter, values: randomValues(k * k * 4, 6) },
        },
        { strides: [stride, stride], pad, dilations: [1, 1], inputShape: [2, h, w, 4] },
      );
    },
  );

  it('trains through tf.grads: an inverted-residual-like block gives the cpu gradients', async () => {
    const xs = randomValues(2 * 9 * 9 * 4, 7);
    const we = randomValues(4 * 8, 8);
    const wd = randomValues(9 * 8, 9);
    const b = randomValues(8, 10);
    const grads = async (backend: string) => {
      await tf.setBackend(backend);
      const x = tf.tensor4d(xs, [2, 9, 9, 4]);
      const params = [tf.tensor4d(we, [1, 1, 4, 8]), tf.tensor4d(wd, [3, 3, 8, 1]), tf.tensor1d(b)];
      const g = tf.grads((e: tf.Tensor, d: tf.Tensor, bias: tf.Tensor) => {
        const expanded = tf.relu6(tf.conv2d(x, e as tf.Tensor4D, 1, 'same'));
        const dw = tf.fused.depthwiseConv2d({
          x: expanded,
          filter: d as tf.Tensor4D,
          strides: 2,
          pad: 'same',
          bias,
          activation: 'linear',
        });
        return tf.sum(tf.square(dw));
      })(params);
      const out = await Promise.all(g.map((t) => t.data()));
      tf.dispose([x, ...params, ...g]);
      return out;
    };
    const reference = await grads('cpu');
    const actual = await grads('wasm');
    for (let i = 0; i < reference.length; i++) {
      for (let j = 0; j < reference[i]!.length; j++) {
        const r = reference[i]![j]!;
        expect(Math.abs(actual[i]![j]! - r)).toBeLessThan(1e-4 * Math.max(1, Math.abs(r)));
      }
    }
  });

  it('sums over leading axes (the fast path) and other axes like the cpu backend', async () => {
    const values = randomValues(2 * 3 * 4 * 5, 13);
    for (const [axis, keepDims] of [
      [[0, 1, 2], false],
      [[1, 0], true],
      [0, false],
      [[1, 2], false],
      [-1, false],
    ] as [number | number[], boolean][]) {
      const results: Float32Array[] = [];
      for (const backend of ['cpu', 'wasm']) {
        await tf.setBackend(backend);
        const x = tf.tensor4d(values, [2, 3, 4, 5]);
        const s = tf.sum(x, axis, keepDims);
        results.push((await s.data()) as Float32Array);
        expect(s.shape).toEqual(tf.tidy(() => tf.sum(tf.zeros([2, 3, 4, 5]), axis, keepDims).shape));
        tf.dispose([x, s]);
      }
      for (let i = 0; i < results[0]!.length; i++) expect(results[1]![i]).toBeCloseTo(results[0]![i]!, 4);
    }
  });

  it('rejects a depthwise channel multiplier other than 1', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 4, 4, 2]);
    const dy = tf.zeros([1, 4, 4, 4]);
    expect(() =>
      tf.engine().runKernel(
        tf.DepthwiseConv2dNativeBackpropFilter,
        { x, dy },
        {
          strides: 1,
          pad: 'same',
          dilations: 1,
          filterShape: [3, 3, 2, 2],
        },
      ),
    ).toThrow(/multiplier/);
    tf.dispose([x, dy]);
  });
});
