import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/**
 * A tf.io.IOHandler that reads a graph model (model.json + shards) from a local directory, for Node where
 * tfjs's http/file handlers are not available without tfjs-node.
 */
export function dirIOHandler(dir: string): tf.io.IOHandler {
  return {
    load: async (): Promise<tf.io.ModelArtifacts> => {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Uint8Array[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(new Uint8Array(readFileSync(join(dir, p))));
      }
      const total = buffers.reduce((n, b) => n + b.length, 0);
      const weightData = new Uint8Array(total);
      let off = 0;
      for (const b of buffers) {
        weightData.set(b, off);
        off += b.length;
      }
      const artifacts: tf.io.ModelArtifacts = {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: weightData.buffer,
        format: json.format,
      };
      if (json.generatedBy) artifacts.generatedBy = json.generatedBy;
      if (json.convertedBy) artifacts.convertedBy = json.convertedBy;
      if (json.signature) artifacts.signature = json.signature;
      if (json.userDefinedMetadata) artifacts.userDefinedMetadata = json.userDefinedMetadata;
      return artifacts;
    },
  };
}

/** Loads a graph model written by writeGraphModel (or tfjs-converter) from a directory, in Node. */
export async function loadGraphModelFromDir(dir: string): Promise<tf.GraphModel> {
  return tf.loadGraphModel(dirIOHandler(dir));
}
