import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelFilesError, readModelFiles } from './read-model-files';

/**
 * A tf.io.IOHandler that reads a graph model (model.json + shards) from a local directory, for Node where
 * tfjs's http/file handlers are not available without tfjs-node.
 */
export function dirIOHandler(dir: string): tf.io.IOHandler {
  return {
    load: async (): Promise<tf.io.ModelArtifacts> => {
      const { json, specs, weightData } = readModelFiles(dir);
      const artifacts: tf.io.ModelArtifacts = {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: weightData.buffer as ArrayBuffer,
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

/**
 * Loads a graph model written by writeGraphModel (or tfjs-converter) from a directory, in Node. Damaged files
 * fail with a message naming the file (ModelFilesError); anything tfjs itself refuses names model.json.
 */
export async function loadGraphModelFromDir(dir: string): Promise<tf.GraphModel> {
  try {
    return await tf.loadGraphModel(dirIOHandler(dir));
  } catch (error) {
    if (error instanceof ModelFilesError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${join(dir, 'model.json')} could not be loaded as a graph model: ${message}`);
  }
}
