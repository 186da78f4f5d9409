import type * as tf from '@tensorflow/tfjs';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadImage } from '../dataset/load-image';
import { isicHalves } from './guard-image-sets';
import { modelFeatures } from './model-features';

/**
 * Pooled features of the ISIC 2017 fit half (1,000 fixed images) through `model`: the second source of
 * in-domain dermoscopy for fitDomainGuard, so the guard accepts dermoscopy beyond the seed's own camera.
 * The export stage passes them with the train features:
 *   fitDomainGuard([...trainFeatures, ...await isicGuardFeatures(model, metadata, shared)],
 *                  { calibrationFeatures: validFeatures })
 * Returns [] when the ISIC folder is absent (the guard then covers the seed's images only).
 */
export async function isicGuardFeatures(
  model: tf.GraphModel,
  metadata: Pick<ModelMetadata, 'input' | 'outputs'>,
  shared: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Float32Array[]> {
  const paths = isicHalves(shared).fit;
  const out: Float32Array[] = [];
  for (let start = 0; start < paths.length; start += 16) {
    const inputs: Float32Array[] = [];
    for (const path of paths.slice(start, start + 16))
      inputs.push(toModelInput(await loadImage(path), metadata.input));
    out.push(...(await modelFeatures(model, inputs, metadata.input.size, metadata.outputs.features)));
    onProgress?.(out.length, paths.length);
  }
  return out;
}
