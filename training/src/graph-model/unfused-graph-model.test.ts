import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { defaultPaths } from '../cli/repo-paths';
import { buildGraphModel, GRAPH_OUTPUTS } from './build-graph-model';
import { loadGraphModelFromArtifacts } from './load-in-memory';

const tflite = defaultPaths.baseTflite;
const haveBase = existsSync(tflite);
if (!haveBase) console.warn(`SKIPPED unfused graph-model test: ${tflite} not found (shared/ data absent)`);

describe.skipIf(!haveBase)('buildGraphModel({ fuse: false })', () => {
  let fused: tf.GraphModel;
  let unfused: tf.GraphModel;
  let unfusedOps: string[];

  beforeAll(async () => {
    await tf.setBackend('wasm');
    const spec = loadBaseNetwork(tflite);
    const plain = buildGraphModel(spec, { fuse: false });
    unfusedOps = plain.modelTopology.node.map((n) => n.op);
    fused = await loadGraphModelFromArtifacts(buildGraphModel(spec));
    unfused = await loadGraphModelFromArtifacts(plain);
  });

  afterAll(() => {
    fused?.dispose();
    unfused?.dispose();
  });

  it('emits no fused op, only Conv2D / DepthwiseConv2dNative + BiasAdd + Relu6', () => {
    expect(unfusedOps.filter((op) => op.startsWith('_Fused') || op.startsWith('Fused'))).toEqual([]);
    expect(unfusedOps).toContain('Conv2D');
    expect(unfusedOps).toContain('DepthwiseConv2dNative');
    expect(unfusedOps).toContain('BiasAdd');
    expect(unfusedOps).toContain('Relu6');
  });

  it('computes the same features as the fused graph', async () => {
    const input = tf.randomUniform([1, 224, 224, 3], -1, 1, 'float32', 7);
    const [a, b] = tf.tidy(() => [
      fused.execute(input, GRAPH_OUTPUTS.features) as tf.Tensor,
      unfused.execute(input, GRAPH_OUTPUTS.features) as tf.Tensor,
    ]);
    const maxDiff = tf.tidy(() => tf.max(tf.abs(tf.sub(a!, b!))).dataSync()[0]!);
    const scale = tf.tidy(() => tf.max(tf.abs(a!)).dataSync()[0]!);
    tf.dispose([input, a!, b!]);
    expect(scale).toBeGreaterThan(0);
    expect(maxDiff).toBeLessThan(1e-4 * Math.max(1, scale));
  });
});
