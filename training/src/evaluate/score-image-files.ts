import type * as tf from '@tensorflow/tfjs';
import { calibratedProbability } from '../../../src/shared/model/calibrate';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { toModelInput } from '../../../src/shared/preprocess/model-input';
import { loadImage } from '../dataset/load-image';
import { predictLogits } from './predict-logits';

export interface ScoredFile<T> {
  item: T;
  logit: number;
  /** Calibrated, as the app shows it. */
  probability: number;
}

/**
 * Image files through a shipped model the way the app sees them (shared preprocessing, calibration), in batches.
 * A file that does not load is handed to `onSkip` with the reason and the run goes on.
 */
export async function scoreImageFiles<T>(options: {
  model: tf.GraphModel;
  metadata: ModelMetadata;
  items: readonly T[];
  pathOf: (item: T) => string;
  batchSize: number;
  onSkip: (item: T, reason: string) => void;
  onProgress?: ((done: number, total: number) => void) | undefined;
}): Promise<ScoredFile<T>[]> {
  const { model, metadata, items, batchSize } = options;
  const scored: ScoredFile<T>[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const batch: { item: T; input: Float32Array }[] = [];
    for (const item of items.slice(start, start + batchSize)) {
      try {
        batch.push({ item, input: toModelInput(await loadImage(options.pathOf(item)), metadata.input) });
      } catch (error) {
        options.onSkip(item, error instanceof Error ? error.message : String(error));
      }
    }
    const logits = await predictLogits(
      model,
      metadata,
      batch.map((b) => b.input),
    );
    batch.forEach(({ item }, i) => {
      const logit = logits[i]!;
      scored.push({ item, logit, probability: calibratedProbability(logit, metadata.calibration) });
    });
    options.onProgress?.(Math.min(start + batchSize, items.length), items.length);
  }
  return scored;
}
