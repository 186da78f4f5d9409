import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaseNetwork } from '../training/src/base-model/load-base-network';
import { buildGraphModel } from '../training/src/graph-model/build-graph-model';
import { shard } from '../training/src/graph-model/encode-weights';
import { modelJson } from '../training/src/graph-model/write-graph-model';

export interface ReferenceModel {
  dir: string;
  weightBytes: number;
}

/**
 * tfjs-converter's default shard size. Not the app's 2 MiB: 14 MB of float32 in 2 MiB shards is 7 files,
 * and tfjs 4.22 requests every shard at once and reads no body until all headers are in — over HTTP/1.1
 * (6 connections per host) the 7th request never starts and loading hangs.
 */
export const REFERENCE_SHARD_BYTES = 4 * 1024 * 1024;

/**
 * The benchmark's yardstick: the converted base network as a plain tfjs graph model — float32 weights,
 * UNFUSED Conv2D / DepthwiseConv2dNative + BiasAdd + Relu6 nodes, the ImageNet classifier included — i.e.
 * what a straightforward conversion gives before any of the app's optimisations. Rebuilt only when the
 * .tflite is newer than the written model.
 */
export function buildReferenceModel(tflitePath: string, dir: string): ReferenceModel {
  const jsonPath = join(dir, 'model.json');
  if (existsSync(jsonPath) && statSync(jsonPath).mtimeMs > statSync(tflitePath).mtimeMs) {
    return { dir, weightBytes: referenceWeightBytes(jsonPath) };
  }
  const artifacts = buildGraphModel(loadBaseNetwork(tflitePath), {
    fuse: false,
    imagenetLogits: true,
    weightDtype: 'float32',
  });
  const shards = shard(artifacts.weightData, REFERENCE_SHARD_BYTES);
  const paths = shards.map((_, i) => `group1-shard${i + 1}of${shards.length}.bin`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  shards.forEach((s, i) => writeFileSync(join(dir, paths[i]!), s));
  writeFileSync(jsonPath, JSON.stringify(modelJson(artifacts, paths)));
  return { dir, weightBytes: artifacts.weightData.length };
}

/** Bytes of every weight shard model.json lists. */
export function referenceWeightBytes(jsonPath: string): number {
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const dir = join(jsonPath, '..');
  return json.weightsManifest
    .flatMap((g) => g.paths)
    .reduce((sum, p) => sum + statSync(join(dir, p)).size, 0);
}
