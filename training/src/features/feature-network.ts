import type * as tf from '@tensorflow/tfjs';
import type { DenseHead, NetworkSpec } from '../base-model/network-spec';
import { buildGraphModel, type GraphModelArtifacts } from '../graph-model/build-graph-model';
import type { WeightDtype } from '../graph-model/encode-weights';
import { loadGraphModelFromArtifacts } from '../graph-model/load-in-memory';
import { modelHash } from './model-hash';

export interface HashedModel {
  artifacts: GraphModelArtifacts;
  hash: string;
  /** Loads the graph model once, on first call (the caller disposes it). */
  load: () => Promise<tf.GraphModel>;
  loaded: () => tf.GraphModel | null;
}

/** A network (optionally with a head, at a weight dtype) as an in-memory graph model with its content hash. */
export function hashedModel(
  spec: NetworkSpec,
  options: { head?: DenseHead; weightDtype?: WeightDtype } = {},
): HashedModel {
  const artifacts = buildGraphModel(spec, options);
  let model: tf.GraphModel | null = null;
  return {
    artifacts,
    hash: modelHash(artifacts),
    load: async () => (model ??= await loadGraphModelFromArtifacts(artifacts)),
    loaded: () => model,
  };
}
