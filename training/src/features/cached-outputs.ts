import * as tf from '@tensorflow/tfjs';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { progressBar } from '../cli/progress-bar';
import { loadImage } from '../dataset/load-image';
import { batchTensor } from '../evaluate/batch-tensor';
import { viewInput, type ImageView } from './image-view';
import { cacheKey, outputCache } from './output-cache';
import { preprocessingVersion } from './preprocessing-version';

export interface CachedImage {
  path: string;
  sha256: string;
}

export interface CachedOutputsOptions {
  /** Loaded lazily, only when some image is not in the cache. */
  model: () => Promise<tf.GraphModel>;
  modelHash: string;
  /** Graph output to read, e.g. 'features' ([n, 1280]) or 'logit' ([n, 1]). */
  output: string;
  input: ModelInputSpec;
  cacheDir: string;
  view?: ImageView;
  batchSize?: number;
  /** Progress bar label; no bar when absent. */
  label?: string;
}

export interface CachedOutputs {
  /** null where the image could not be decoded (see `failed`). */
  values: (Float32Array | null)[];
  failed: { index: number; reason: string }[];
  /** Images actually run through the network (the rest came from the cache). */
  computed: number;
  seconds: number;
}

/**
 * One output vector per image, from the on-disk cache where present, else computed in batches on the current
 * tfjs backend and stored. The key covers model weights, image content, preprocessing code and view, so a hit is
 * always exactly what a recomputation would give.
 */
export async function cachedOutputs(
  images: readonly CachedImage[],
  options: CachedOutputsOptions,
): Promise<CachedOutputs> {
  const started = performance.now();
  const view = options.view ?? 'plain';
  const cache = outputCache(options.cacheDir);
  const preprocessing = preprocessingVersion(options.input);
  const keys = images.map((img) =>
    cacheKey({
      modelHash: options.modelHash,
      imageSha256: img.sha256,
      preprocessing,
      view,
      output: options.output,
    }),
  );
  const values: (Float32Array | null)[] = keys.map((k) => cache.get(k));
  const missing = values.flatMap((v, i) => (v === null ? [i] : []));
  const failed: CachedOutputs['failed'] = [];
  if (missing.length > 0) {
    const model = await options.model();
    const batchSize = options.batchSize ?? 16;
    const bar = options.label
      ? progressBar(`${options.label} (${missing.length} not cached)`, missing.length)
      : null;
    for (let start = 0; start < missing.length; start += batchSize) {
      const inputs: Float32Array[] = [];
      const batch: number[] = [];
      for (const i of missing.slice(start, start + batchSize)) {
        try {
          inputs.push(viewInput(await loadImage(images[i]!.path), images[i]!.sha256, view, options.input));
          batch.push(i);
        } catch (error) {
          // A file that passed the header check but fails to decode: reported, never fatal.
          failed.push({ index: i, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      bar?.tick(Math.min(batchSize, missing.length - start));
      if (batch.length === 0) continue;
      const out = tf.tidy(() => {
        const y = model.execute(batchTensor(inputs, options.input.size), options.output) as tf.Tensor;
        return y.reshape([batch.length, -1]);
      });
      const flat = (await out.data()) as Float32Array;
      out.dispose();
      const width = flat.length / batch.length;
      batch.forEach((i, b) => {
        const v = flat.slice(b * width, (b + 1) * width);
        cache.put(keys[i]!, v);
        values[i] = v;
      });
    }
    bar?.done();
  }
  return {
    values,
    failed,
    computed: missing.length - failed.length,
    seconds: (performance.now() - started) / 1000,
  };
}
