import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolMoments, setReferenceMoments, updateRunningMoments } from '../fine-tune/batch-norm-stats';
import { loadFineTuned, saveBestModel } from '../fine-tune/best-model';
import { initialParams, paramLayout } from '../fine-tune/param-layout';
import { buildGraphModel } from '../graph-model/build-graph-model';
import { loadGraphModelFromArtifacts } from '../graph-model/load-in-memory';
import { applyBatchNorm, BN_EPSILON, type BatchNormTensors } from './batch-norm';
import { createTrainableNetwork, type TrainableNetwork } from './mobilenet-forward';
import { maxAbsDiff, rand, tinySpec } from './tiny-network-spec';

/** Batch norm written with plain tfjs ops and tfjs's own gradients: what the custom gradients must equal. */
function referenceBatchNorm(z: tf.Tensor, bn: BatchNormTensors): tf.Tensor {
  const { mean, variance } = tf.moments(z, [0, 1, 2]);
  const normalised = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPSILON)));
  return tf.add(tf.mul(tf.add(tf.mul(normalised, bn.gamma), bn.beta), bn.refStd), bn.refMean);
}

function randomBatchNorm(channels: number, seed: number): BatchNormTensors {
  const around = (centre: number, s: number) => tf.add(tf.tensor1d(rand(channels, s)), centre) as tf.Tensor1D;
  return {
    gamma: around(1, seed),
    beta: around(0, seed + 1),
    mean: around(0.2, seed + 2),
    variance: around(1, seed + 3),
    refMean: around(-0.3, seed + 4),
    refStd: around(1.2, seed + 5),
  };
}

/** Gives every batch-norm value of the network a random value (statVariables: mean, var, refMean, refStd). */
function scrambleBatchNorm(net: TrainableNetwork): void {
  net.trainableVariables.forEach((v, i) => {
    if (v.name.endsWith('/gamma')) v.assign(tf.add(tf.tensor1d(rand(v.size, i)), 1));
    if (v.name.endsWith('/beta')) v.assign(tf.tensor1d(rand(v.size, i)));
  });
  net.statVariables.forEach((v, i) => {
    const centre = v.name.endsWith('/var') || v.name.endsWith('/refStd') ? 1 : 0;
    v.assign(tf.add(tf.tensor1d(rand(v.size, 100 + i)), centre));
  });
}

describe('batch norm on the folded base network (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has the value and gradients of batch norm written with plain ops, training and inference', () => {
    const z = tf.tensor4d(rand(2 * 3 * 3 * 4, 11, 2), [2, 3, 3, 4]);
    const bn = randomBatchNorm(4, 20);
    const before = tf.memory().numTensors;
    for (const training of [true, false]) {
      const ours = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        applyBatchNorm(x, { ...bn, gamma: g as tf.Tensor1D, beta: b as tf.Tensor1D }, training).out;
      const theirs = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        training
          ? referenceBatchNorm(x, { ...bn, gamma: g as tf.Tensor1D, beta: b as tf.Tensor1D })
          : tf.add(
              tf.mul(
                tf.add(tf.mul(tf.div(tf.sub(x, bn.mean), tf.sqrt(tf.add(bn.variance, BN_EPSILON))), g), b),
                bn.refStd,
              ),
              bn.refMean,
            );
      // A weighted sum, so each output's gradient differs (a plain sum hides errors in the normalisation).
      const weights = tf.tensor4d(rand(z.size, 99, 1), z.shape);
      const loss = (f: typeof ours) => (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.square(f(x, g, b)), weights));
      tf.tidy(() => {
        const a = tf.grads(loss(ours))([z, bn.gamma, bn.beta]);
        const r = tf.grads(loss(theirs))([z, bn.gamma, bn.beta]);
        const value = tf.max(tf.abs(tf.sub(ours(z, bn.gamma, bn.beta), theirs(z, bn.gamma, bn.beta))));
        expect(value.dataSync()[0]).toBeLessThan(1e-4);
        a.forEach((g, i) => {
          const scale = tf.max(tf.abs(r[i]!)).dataSync()[0]!;
          expect(scale).toBeGreaterThan(1e-3);
          expect(tf.max(tf.abs(tf.sub(g, r[i]!))).dataSync()[0]! / scale).toBeLessThan(1e-4);
        });
      });
      weights.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, ...Object.values(bn)]);
  });

  it('records batch moments, starts as the identity and folds into the exported graph', async () => {
    const spec = tinySpec();
    const plain = createTrainableNetwork(spec);
    const net = createTrainableNetwork(spec, { batchNorm: true });
    // The dense-free tiny network: every trainable layer is a convolution with a batch norm.
    expect(net.trainableVariables).toHaveLength(4 * net.trainableLayers.length);
    expect(net.statVariables).toHaveLength(4 * net.trainableLayers.length);
    const x = tf.randomUniform([3, 16, 16, 3], -1, 1, 'float32', 4) as tf.Tensor4D;

    const reference = plain.forward(x, false).features;
    const identity = net.forward(x, false).features;
    expect(await maxAbsDiff(identity, reference)).toBeLessThan(1e-5);
    // Plain inference computes no batch moments; the reference-moment pass asks for them.
    expect(net.moments.size).toBe(0);
    net.forward(x, false, undefined, true).features.dispose();
    expect([...net.moments.keys()]).toEqual(net.trainableLayers);

    // Training mode normalises each layer by its batch: with gamma 1, beta 0 and reference moments (0, 1),
    // the normalised top layer's pre-activation has mean 0 over the batch, so its output differs.
    const trained = net.forward(x, true).features;
    expect(await maxAbsDiff(trained, reference)).toBeGreaterThan(1e-3);

    scrambleBatchNorm(net);
    const inference = net.forward(x, false).features;
    const graph = await loadGraphModelFromArtifacts(buildGraphModel(net.toSpec()));
    const exported = graph.execute(x, 'features') as tf.Tensor;
    expect(await maxAbsDiff(inference, exported)).toBeLessThan(1e-4);
    expect(await maxAbsDiff(inference, reference)).toBeGreaterThan(1e-3);

    tf.dispose([x, reference, identity, trained, inference, exported]);
    graph.dispose();
    net.dispose();
    plain.dispose();
  });

  it('lays out its parameters as the network orders them, and a saved run folds like toSpec', () => {
    const spec = tinySpec();
    const net = createTrainableNetwork(spec, { batchNorm: true });
    const layout = paramLayout(spec, (highRes) => !highRes, { batchNorm: true });
    const group = (g: string) => layout.entries.filter((e) => e.group === g);
    expect(group('backbone').map((e) => `${e.layer}/${e.part}`)).toEqual(
      net.trainableVariables.map((v) => v.name.replace(/^net\d+\//, '')),
    );
    expect(group('stats').map((e) => `${e.layer}/${e.part}`)).toEqual(
      net.statVariables.map((v) => v.name.replace(/^net\d+\//, '')),
    );

    // The same random values in the network and in a saved run: the export's read-back must fold them alike.
    scrambleBatchNorm(net);
    const params = initialParams(spec, layout, () => 0.5);
    for (const [entries, variables] of [
      [group('backbone'), net.trainableVariables],
      [group('stats'), net.statVariables],
    ] as const)
      entries.forEach((e, i) => params.set(variables[i]!.dataSync() as Float32Array, e.offset));
    const dir = mkdtempSync(join(tmpdir(), 'bn-run-'));
    try {
      saveBestModel(
        dir,
        {
          format: 'naevus-fine-tuned/1',
          epoch: 1,
          validAuc: 0.5,
          input: { size: 16, mean: 128, std: 128, range: [-1, 1] },
          baseModel: 'tiny',
          layout,
          recipe: { batchNorm: true },
        },
        params,
        [],
      );
      const folded = loadFineTuned(dir, spec).spec;
      const expected = net.toSpec();
      folded.layers.forEach((layer, i) => {
        const other = expected.layers[i]!;
        if (layer.kind !== 'conv' && layer.kind !== 'depthwise') return;
        if (other.kind !== layer.kind) throw new Error('layer order differs');
        const diff = Math.max(...layer.filter.map((v, k) => Math.abs(v - other.filter[k]!)));
        expect(diff).toBeLessThan(1e-5);
        expect(Math.max(...layer.bias.map((v, k) => Math.abs(v - other.bias[k]!)))).toBeLessThan(1e-5);
      });
      // The frozen stem has no batch norm and keeps its base weights.
      expect(layout.entries.some((e) => e.layer === 'stem')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      net.dispose();
    }
  });

  it('pools two workers’ moments exactly, and starts and updates the running moments', () => {
    const spec = tinySpec();
    const layout = paramLayout(spec, (highRes) => !highRes, { batchNorm: true });
    const entry = (part: string) => layout.entries.find((e) => e.layer === 'top' && e.part === part)!;
    const channels = entry('mean').size;
    // Worker A saw 1 image with values {0, 2} per channel, worker B 3 images with {4, 6}.
    const buffer = (mean: number, variance: number) => {
      const b = new Float32Array(layout.total);
      for (const e of layout.entries.filter((x) => x.group === 'stats')) {
        if (e.part === 'mean') b.fill(mean, e.offset, e.offset + e.size);
        if (e.part === 'var') b.fill(variance, e.offset, e.offset + e.size);
      }
      return b;
    };
    const parts = [
      { images: 1, buffer: buffer(1, 1) },
      { images: 3, buffer: buffer(5, 1) },
    ];
    // All four images: mean 4, variance = mean of squares (1·2 + 3·26)/4 = 20 minus 16 = 4.
    const params = initialParams(spec, layout, () => 0.5);
    setReferenceMoments(params, layout, parts);
    const at = (part: string) => params[entry(part).offset]!;
    expect(at('mean')).toBeCloseTo(4, 5);
    expect(at('var')).toBeCloseTo(4, 5);
    expect(at('refMean')).toBeCloseTo(4, 5);
    expect(at('refStd')).toBeCloseTo(Math.sqrt(4 + BN_EPSILON), 5);
    expect(params[entry('mean').offset + channels - 1]).toBeCloseTo(4, 5);

    updateRunningMoments(params, layout, [{ images: 2, buffer: buffer(14, 9) }], 0.9);
    expect(at('mean')).toBeCloseTo(0.9 * 4 + 0.1 * 14, 4);
    expect(at('var')).toBeCloseTo(0.9 * 4 + 0.1 * 9, 4);
    // The reference moments stay as measured before the first step.
    expect(at('refMean')).toBeCloseTo(4, 5);
  });

  it('pools per-batch moments into those of all the values (the worker’s reference pass)', () => {
    const values = [3, -1, 4, 1, -5, 9, 2];
    const momentsOf = (v: number[]) => {
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return { mean, variance: v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length };
    };
    const batches = [values.slice(0, 3), values.slice(3, 6), values.slice(6)].map((v) => {
      const m = momentsOf(v);
      return { images: v.length, mean: [m.mean], variance: [m.variance] };
    });
    const pooled = poolMoments(batches);
    expect(pooled.mean[0]).toBeCloseTo(momentsOf(values).mean, 10);
    expect(pooled.variance[0]).toBeCloseTo(momentsOf(values).variance, 10);
    expect(() => poolMoments([{ images: 0, mean: [1], variance: [1] }])).toThrow('no images');
  });
});
