import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { ModelMetadata } from '../../../shared/model/model-metadata';

export async function fetchMetadata(modelBaseUrl: string): Promise<ModelMetadata> {
  const response = await fetch(new URL('metadata.json', modelBaseUrl));
  if (!response.ok) throw new Error(`metadata.json: HTTP ${response.status}`);
  return (await response.json()) as ModelMetadata;
}

/**
 * Loads the graph model on the current backend and runs it once on zeros: the first run compiles shaders /
 * allocates buffers, so the user's first photo does not pay for it. A backend that cannot run the model fails
 * here rather than on the user's photo.
 */
export async function loadAndWarmUp(modelBaseUrl: string, metadata: ModelMetadata): Promise<GraphModel> {
  const model = await loadGraphModel(new URL('model.json', modelBaseUrl).href);
  try {
    const { size } = metadata.input;
    const outputs = tf.tidy(
      () =>
        model.execute(tf.zeros([1, size, size, 3]), [
          metadata.outputs.logit,
          metadata.outputs.features,
        ]) as tf.Tensor[],
    );
    try {
      await Promise.all(outputs.map((t) => t.data()));
    } finally {
      tf.dispose(outputs);
    }
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}
