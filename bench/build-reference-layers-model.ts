import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadBaseNetwork } from '../training/src/base-model/load-base-network';
import { shard } from '../training/src/graph-model/encode-weights';
import { REFERENCE_SHARD_BYTES, referenceWeightBytes, type ReferenceModel } from './build-reference-model';
import { referenceLayersModel } from './reference-layers-model';

/**
 * The second yardstick: the converted base network as a plain Keras-style tfjs LAYERS model (float32,
 * unfused, see reference-layers-model.ts), written as model.json + 4 MiB shards (the same shard size as the
 * graph reference, for the same reason). Built on tfjs's cpu backend (tfjs-node is not available) and
 * rebuilt only when the .tflite is newer than the written model.
 */
export async function buildReferenceLayersModel(tflitePath: string, dir: string): Promise<ReferenceModel> {
  const jsonPath = join(dir, 'model.json');
  if (existsSync(jsonPath) && statSync(jsonPath).mtimeMs > statSync(tflitePath).mtimeMs) {
    return { dir, weightBytes: referenceWeightBytes(jsonPath) };
  }
  const spec = loadBaseNetwork(tflitePath);
  // Building only sets weights, so any backend will do; cpu always starts. Put the caller's back after.
  const previous = tf.engine().backendName;
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs cpu backend failed to start');
  const model = referenceLayersModel(spec);
  let weightBytes = 0;
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        weightBytes = writeLayersArtifacts(artifacts, dir);
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
  } finally {
    model.dispose();
    if (previous && previous !== 'cpu') await tf.setBackend(previous);
  }
  return { dir, weightBytes };
}

/** Writes model.json + group1-shard*of*.bin into a fresh dir; returns the weight bytes. */
function writeLayersArtifacts(artifacts: tf.io.ModelArtifacts, dir: string): number {
  if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('layers model saved no weights');
  const data = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
  const shards = shard(data, REFERENCE_SHARD_BYTES);
  const paths = shards.map((_, i) => `group1-shard${i + 1}of${shards.length}.bin`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  shards.forEach((s, i) => writeFileSync(join(dir, paths[i]!), s));
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: 'naevus bench (TFLite → float spec → tf.layers)',
    weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
  };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  return data.length;
}
