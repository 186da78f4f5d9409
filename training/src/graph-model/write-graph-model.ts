import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkSpec } from '../base-model/network-spec';
import { buildGraphModel, type GraphModelOptions } from './build-graph-model';
import { shard } from './encode-weights';

/** Keeps every shard under workbox's default 2 MiB precache limit. */
export const MAX_SHARD_BYTES = 2 * 1024 * 1024;

export interface WrittenGraphModel {
  dir: string;
  files: string[];
  /** Total weight bytes over all shards. */
  weightBytes: number;
  outputs: string[];
}

/** The JSON object of model.json (tfjs ModelJSON for a graph model). */
export function modelJson(
  artifacts: ReturnType<typeof buildGraphModel>,
  paths: string[],
): Record<string, unknown> {
  return {
    format: 'graph-model',
    generatedBy: 'naevus training (TFLite → float spec)',
    convertedBy: 'naevus graph-model writer',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
  };
}

/**
 * Writes model.json + group1-shard*of*.bin into dir. Old shards there are removed first, so a model with
 * fewer shards never leaves stale ones for a service worker to precache.
 */
export function writeGraphModel(
  spec: NetworkSpec,
  dir: string,
  options: GraphModelOptions = {},
): WrittenGraphModel {
  const artifacts = buildGraphModel(spec, options);
  const shards = shard(artifacts.weightData, MAX_SHARD_BYTES);
  const paths = shards.map((_, i) => `group1-shard${i + 1}of${shards.length}.bin`);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^group\d+-shard\d+of\d+\.bin$/.test(f)) rmSync(join(dir, f));
  shards.forEach((s, i) => writeFileSync(join(dir, paths[i]!), s));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson(artifacts, paths)));
  return {
    dir,
    files: ['model.json', ...paths],
    weightBytes: artifacts.weightData.length,
    outputs: artifacts.outputs,
  };
}
