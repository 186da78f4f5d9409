import * as tf from '@tensorflow/tfjs';
import type { GraphModelArtifacts } from './build-graph-model';

/** Loads freshly built graph-model artifacts without touching the disk (tests, evaluation of a fine-tuned net). */
export async function loadGraphModelFromArtifacts(artifacts: GraphModelArtifacts): Promise<tf.GraphModel> {
  const data = artifacts.weightData;
  const weightData = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData,
      format: 'graph-model',
    }),
  );
}
