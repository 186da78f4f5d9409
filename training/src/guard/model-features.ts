import * as tf from '@tensorflow/tfjs';

/**
 * Pooled feature vectors of preprocessed inputs (each size×size×3 HWC in the network's range), in batches;
 * one Float32Array per input. Every tensor is disposed.
 */
export async function modelFeatures(
  model: tf.GraphModel,
  inputs: readonly Float32Array[],
  size: number,
  featuresOutput: string,
  batchSize = 16,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const features = tf.tidy(() => {
      const x = tf.stack(batch.map((b) => tf.tensor3d(b, [size, size, 3])));
      return model.execute(x, featuresOutput) as tf.Tensor;
    });
    const values = (await features.data()) as Float32Array;
    features.dispose();
    const width = values.length / batch.length;
    for (let i = 0; i < batch.length; i++) out.push(values.slice(i * width, (i + 1) * width));
  }
  return out;
}
