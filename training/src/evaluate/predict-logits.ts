import * as tf from '@tensorflow/tfjs';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { batchTensor } from './batch-tensor';

/** The raw "dangerous" logit for each input, one forward pass for the batch; no tensor outlives the call. */
export async function predictLogits(
  model: tf.GraphModel,
  metadata: ModelMetadata,
  inputs: Float32Array[],
): Promise<Float32Array> {
  if (inputs.length === 0) return new Float32Array(0);
  const logits = tf.tidy(() => {
    const out = model.execute(batchTensor(inputs, metadata.input.size), metadata.outputs.logit) as tf.Tensor;
    return out.reshape([inputs.length]);
  });
  try {
    return Float32Array.from(await logits.data());
  } finally {
    logits.dispose();
  }
}
