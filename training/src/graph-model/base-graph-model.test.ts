import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBaseNetwork } from '../base-model/load-base-network';
import type { NetworkSpec } from '../base-model/network-spec';
import { defaultPaths } from '../cli/repo-paths';
import { buildGraphModel } from './build-graph-model';
import { imageToInput, imagenetTop1 } from './imagenet-top1';
import { loadGraphModelFromArtifacts } from './load-in-memory';
import { loadGraphModelFromDir } from './node-io';
import { MAX_SHARD_BYTES, writeGraphModel } from './write-graph-model';
import { IMAGENET_TOP1, imagenetTestImagesDir } from '../base-model/imagenet-test-images';

const tflite = defaultPaths.baseTflite;
const haveBase = existsSync(tflite);
if (!haveBase) console.warn(`SKIPPED base graph-model tests: ${tflite} not found (shared/ data absent)`);

const images = imagenetTestImagesDir(tflite);

describe.skipIf(!haveBase)('base network as a tfjs graph model (wasm backend)', () => {
  let spec: NetworkSpec;
  let dir: string;
  let model: tf.GraphModel;
  let labels: string[];

  beforeAll(async () => {
    await tf.setBackend('wasm');
    spec = loadBaseNetwork(tflite);
    labels = readFileSync(join(dirname(tflite), 'imagenet_labels.txt'), 'utf8').split('\n');
    dir = mkdtempSync(join(tmpdir(), 'naevus-base-'));
    const head = { weights: new Float32Array(spec.featureSize).fill(0.01), bias: -1 };
    writeGraphModel(spec, dir, { imagenetLogits: true, head });
    model = await loadGraphModelFromDir(dir);
  });

  afterAll(() => {
    model?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('marks the stem and the first two inverted-residual blocks as the 112×112 layers', () => {
    const high = spec.layers.filter((l) => l.highRes).map((l) => l.name);
    expect(high).toEqual([
      'stem/conv',
      'block_1/depthwise',
      'block_1/project',
      'block_2/expand',
      'block_2/depthwise',
      'block_2/project',
    ]);
    expect(spec.featureSize).toBe(1280);
    expect(spec.numClasses).toBe(1001);
  });

  it('writes shards of at most 2 MiB', () => {
    const shards = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(shards.length).toBeGreaterThan(1);
    for (const s of shards) expect(statSync(join(dir, s)).size).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { format: string };
    expect(json.format).toBe('graph-model');
  });

  for (const [file, want] of Object.entries(IMAGENET_TOP1)) {
    it(`classifies ${file} as ${want[0]!.split(',')[0]}`, async () => {
      const top = await imagenetTop1(model, join(images, file), labels);
      expect(want).toContain(top.label);
    });
  }

  it('exposes features [1, 1280] and the head logit [1, 1] = features · w + b', async () => {
    const x = await imageToInput(join(images, 'cat.bmp'));
    const [features, logit] = model.execute(x, ['features', 'logit']) as tf.Tensor[];
    expect(features!.shape).toEqual([1, 1280]);
    expect(logit!.shape).toEqual([1, 1]);
    const f = await features!.data();
    const expectedLogit = Array.from(f).reduce((s, v) => s + 0.01 * v, -1);
    expect((await logit!.data())[0]).toBeCloseTo(expectedLogit, 3);
    // ReLU6 before pooling bounds every feature to [0, 6].
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...f)).toBeLessThanOrEqual(6);
    tf.dispose([x, features!, logit!]);
  });

  it('float16 and uint8 weights load and give nearly the same logits', async () => {
    const x = await imageToInput(join(images, 'grace_hopper.bmp'));
    const ref = await (model.execute(x, 'imagenet_logits') as tf.Tensor).data();
    for (const [dtype, tol] of [
      ['float16', 0.05],
      ['uint8', 0.6],
    ] as const) {
      const artifacts = buildGraphModel(spec, { imagenetLogits: true, weightDtype: dtype });
      const variant = await loadGraphModelFromArtifacts(artifacts);
      const out = variant.execute(x, 'imagenet_logits') as tf.Tensor;
      const got = await out.data();
      let maxDiff = 0;
      for (let i = 0; i < ref.length; i++) maxDiff = Math.max(maxDiff, Math.abs(got[i]! - ref[i]!));
      expect(maxDiff, dtype).toBeLessThan(tol);
      expect(got.indexOf(Math.max(...got)), dtype).toBe(ref.indexOf(Math.max(...ref)));
      out.dispose();
      variant.dispose();
    }
    x.dispose();
  });

  it('leaks no tensors over repeated predictions', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      // tidy keeps what it returns, so return nothing: everything made inside must be released.
      tf.tidy(() => {
        model.execute(tf.zeros([1, 224, 224, 3]), ['features', 'logit']);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    const x = tf.zeros([2, 224, 224, 3]);
    const out = model.execute(x, 'features') as tf.Tensor;
    expect(out.shape).toEqual([2, 1280]);
    tf.dispose([x, out]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
