import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { ModelMetadata } from '../../../shared/model/model-metadata';

export interface ModelOutputs {
  logit: number;
  features: Float32Array;
}

/** One forward pass: both outputs from one execute call; every intermediate tensor is released. */
export async function runModel(
  model: GraphModel,
  metadata: ModelMetadata,
  input: Float32Array,
): Promise<ModelOutputs> {
  const { size } = metadata.input;
  const outputs = tf.tidy(
    () =>
      model.execute(tf.tensor4d(input, [1, size, size, 3]), [
        metadata.outputs.logit,
        metadata.outputs.features,
      ]) as tf.Tensor[],
  );
  try {
    const [logit, features] = await Promise.all(outputs.map((t) => t.data<'float32'>()));
    if (!logit || !features || logit.length < 1) throw new Error('The model returned no output.');
    return { logit: logit[0]!, features: Float32Array.from(features) };
  } finally {
    tf.dispose(outputs);
  }
}
