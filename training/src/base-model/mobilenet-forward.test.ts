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
import { maxAbsDiff, tinySpec } from './tiny-network-spec';

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
