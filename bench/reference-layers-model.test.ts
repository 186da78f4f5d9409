import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBaseNetwork } from '../training/src/base-model/load-base-network';
import { defaultPaths } from '../training/src/cli/repo-paths';
import { buildGraphModel, GRAPH_OUTPUTS } from '../training/src/graph-model/build-graph-model';
import { imageToInput } from '../training/src/graph-model/imagenet-top1';
import { loadGraphModelFromArtifacts } from '../training/src/graph-model/load-in-memory';
import { dirIOHandler } from '../training/src/graph-model/node-io';
import { REFERENCE_SHARD_BYTES } from './build-reference-model';
import { buildReferenceLayersModel } from './build-reference-layers-model';
import { IMAGENET_TOP1, imagenetTestImagesDir } from '../training/src/base-model/imagenet-test-images';

const tflite = defaultPaths.baseTflite;
const haveBase = existsSync(tflite);
if (!haveBase) console.warn(`SKIPPED layers-reference test: ${tflite} not found (shared/ data absent)`);

const images = imagenetTestImagesDir(tflite);

const argmax = (v: Float32Array) => v.indexOf(Math.max(...v));

describe.skipIf(!haveBase)('layers reference (written, reloaded, wasm backend)', () => {
  let dir: string;
  let layers: tf.LayersModel;
  let graph: tf.GraphModel;
  let labels: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'naevus-layers-ref-'));
    await buildReferenceLayersModel(tflite, dir);
    await tf.setBackend('wasm');
    layers = await tf.loadLayersModel(dirIOHandler(dir));
    const spec = loadBaseNetwork(tflite);
    graph = await loadGraphModelFromArtifacts(
      buildGraphModel(spec, { fuse: false, imagenetLogits: true, weightDtype: 'float32' }),
    );
    labels = readFileSync(join(dirname(tflite), 'imagenet_labels.txt'), 'utf8').split('\n');
  });

  afterAll(() => {
    layers?.dispose();
    graph?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a plain layers model: float32, unfused ReLU6 layers, 4 MiB shards', () => {
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    expect(json.format).toBe('layers-model');
    const manifest = json.weightsManifest[0]!;
    expect(manifest.weights.every((w) => w.dtype === 'float32')).toBe(true);
    expect(manifest.paths.length).toBeGreaterThan(1);
    for (const p of manifest.paths)
      expect(statSync(join(dir, p)).size).toBeLessThanOrEqual(REFERENCE_SHARD_BYTES);
    const classes = layers.layers.map((l) => l.getClassName());
    expect(classes.filter((c) => c === 'ReLU')).toHaveLength(35);
    expect(classes).toEqual(
      expect.arrayContaining(['Conv2D', 'DepthwiseConv2D', 'Add', 'GlobalAveragePooling2D', 'Dense']),
    );
    expect(layers.outputs.map((o) => o.shape)).toEqual([
      [null, 1280],
      [null, 1001],
    ]);
  });

  for (const [file, want] of Object.entries(IMAGENET_TOP1)) {
    it(`gives the graph reference's ImageNet logits for ${file} (top-1 ${want[0]!.split(',')[0]})`, async () => {
      const x = await imageToInput(join(images, file));
      const ours = layers.predict(x) as tf.Tensor[];
      const theirs = graph.execute(x, [GRAPH_OUTPUTS.features, GRAPH_OUTPUTS.imagenetLogits]) as tf.Tensor[];
      const [features, logits, refFeatures, refLogits] = await Promise.all(
        [...ours, ...theirs].map((t) => t.data() as Promise<Float32Array>),
      );
      tf.dispose([x, ...ours, ...theirs]);
      expect(labels[argmax(logits!)]).toBe(labels[argmax(refLogits!)]);
      expect(want).toContain(labels[argmax(logits!)]);
      let maxDiff = 0;
      for (let i = 0; i < refLogits!.length; i++)
        maxDiff = Math.max(maxDiff, Math.abs(logits![i]! - refLogits![i]!));
      expect(maxDiff).toBeLessThan(1e-3);
      let maxFeatureDiff = 0;
      for (let i = 0; i < refFeatures!.length; i++)
        maxFeatureDiff = Math.max(maxFeatureDiff, Math.abs(features![i]! - refFeatures![i]!));
      expect(maxFeatureDiff).toBeLessThan(1e-3);
    });
  }

  it('leaks no tensors over repeated predictions', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      tf.tidy(() => {
        layers.predict(tf.zeros([1, 224, 224, 3]));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
