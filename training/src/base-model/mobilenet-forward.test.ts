import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPaths } from '../cli/repo-paths';
import { buildGraphModel } from '../graph-model/build-graph-model';
import { imageToInput } from '../graph-model/imagenet-top1';
import { loadGraphModelFromArtifacts } from '../graph-model/load-in-memory';
import { loadBaseNetwork } from './load-base-network';
import { createTrainableNetwork } from './mobilenet-forward';
import type { Layer, NetworkSpec } from './network-spec';

/** Deterministic pseudo-random weights so the test needs no data. */
function rand(n: number, seed: number, scale = 0.3): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648 - 0.5) * 2 * scale;
  });
}

/** A miniature MobileNetV2: stem (frozen, highRes), one block with a residual add, 1×1 conv, pool. */
function tinySpec(): NetworkSpec {
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

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [x, y] = [await a.data(), await b.data()];
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

describe('trainable forward on a miniature network (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('matches the exported graph model, freezes highRes layers, and round-trips weights through toSpec', async () => {
    const spec = tinySpec();
    const net = createTrainableNetwork(spec);
    expect(net.trainableLayers).toEqual(['b1/expand', 'b1/dw', 'b1/project', 'top']);
    expect(net.prefixEnd).toBe('stem');
    const x = tf.randomUniform([2, 16, 16, 3], -1, 1, 'float32', 1) as tf.Tensor4D;

    const graph = await loadGraphModelFromArtifacts(buildGraphModel(spec));
    const ref = graph.execute(x, 'features') as tf.Tensor;
    const { features } = net.forward(x, false);
    expect(features.shape).toEqual([2, 12]);
    expect(await maxAbsDiff(features, ref)).toBeLessThan(1e-5);

    // Starting after the frozen prefix from its cached output gives the same features.
    const stemOnly = createTrainableNetwork({ ...spec, layers: spec.layers.slice(0, 1), features: 'stem' });
    const partial = stemOnly.forward(x, false).features as unknown as tf.Tensor4D;
    expect(partial.shape).toEqual([2, 8, 8, 8]);
    const resumed = net.forward(partial, true, 'stem').features;
    expect(await maxAbsDiff(resumed, ref)).toBeLessThan(1e-5);

    // Change a trainable weight: toSpec must carry it into a newly exported graph.
    net.trainableVariables[0]!.assign(tf.mul(net.trainableVariables[0]!, 2));
    const changed = net.forward(x, false).features;
    const graph2 = await loadGraphModelFromArtifacts(buildGraphModel(net.toSpec()));
    const ref2 = graph2.execute(x, 'features') as tf.Tensor;
    expect(await maxAbsDiff(changed, ref2)).toBeLessThan(1e-5);
    expect(await maxAbsDiff(changed, ref)).toBeGreaterThan(1e-3);

    tf.dispose([x, ref, features, partial, resumed, changed, ref2]);
    graph.dispose();
    graph2.dispose();
    net.dispose();
    stemOnly.dispose();
  });

  it('computes gradients for trainable variables only, and leaks nothing', () => {
    const net = createTrainableNetwork(tinySpec());
    const x = tf.randomUniform([2, 16, 16, 3], -1, 1, 'float32', 2) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    for (let step = 0; step < 2; step++) {
      const { value, grads } = tf.variableGrads(
        () => tf.sum(tf.square(net.forward(x, true).features)) as tf.Scalar,
        net.trainableVariables,
      );
      expect(Object.keys(grads).sort()).toEqual(net.trainableVariables.map((v) => v.name).sort());
      const norms = Object.values(grads).map((g) => tf.tidy(() => tf.norm(g).dataSync()[0]!));
      expect(Math.min(...norms)).toBeGreaterThan(0);
      tf.dispose([value, ...Object.values(grads)]);
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    const held = tf.memory().numTensors;
    net.dispose();
    // 5 weighted layers × (w, b) are released.
    expect(held - tf.memory().numTensors).toBe(10);
  });
});

const tflite = defaultPaths.baseTflite;
const haveBase = existsSync(tflite);
if (!haveBase)
  console.warn(`SKIPPED forward-vs-graph test on MobileNetV2: ${tflite} not found (shared/ data absent)`);

describe.skipIf(!haveBase)('trainable MobileNetV2 forward vs the graph model (wasm backend)', () => {
  it("gives the graph model's features within 1e-3 on a test image", async () => {
    await tf.setBackend('wasm');
    const spec = loadBaseNetwork(tflite);
    const graph = await loadGraphModelFromArtifacts(buildGraphModel(spec));
    const net = createTrainableNetwork(spec);
    expect(net.prefixEnd).toBe('block_2/project');
    const x = await imageToInput(join(dirname(tflite), 'test-images', 'cat.bmp'));
    const ref = graph.execute(x, 'features') as tf.Tensor;
    const { features } = net.forward(x, false);
    expect(features.shape).toEqual([1, 1280]);
    const diff = await maxAbsDiff(features, ref);
    console.log(`MobileNetV2 trainable forward vs graph model: max |Δfeature| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-3);
    tf.dispose([x, ref, features]);
    graph.dispose();
    net.dispose();
  });
});
