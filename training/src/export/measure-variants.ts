import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import type { DenseHead, NetworkSpec } from '../base-model/network-spec';
import type { WeightDtype } from '../graph-model/encode-weights';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { writeGraphModel, type WrittenGraphModel } from '../graph-model/write-graph-model';
import { cachedOutputs, type CachedImage } from '../features/cached-outputs';
import { rocAuc } from '../metrics/roc-auc';
import type { VariantMeasurement } from './choose-variant';
import { modelDirHash } from './model-dir-hash';

export const WEIGHT_DTYPES: WeightDtype[] = ['float32', 'float16', 'mixed', 'uint8'];

/** An image that passed the dataset stage's header check but failed to decode: its index among those given. */
export interface DecodeFailure {
  index: number;
  reason: string;
}

export interface MeasuredVariant extends VariantMeasurement {
  written: WrittenGraphModel;
  /** Raw valid-split logits of this variant for the valid images used (all but those left out), in their order. */
  validLogits: Float32Array;
  /** Valid images that went through the network (0 when all came from the cache). */
  computed: number;
}

export interface MeasureVariantsOptions {
  spec: NetworkSpec;
  head: DenseHead;
  valid: readonly CachedImage[];
  validLabels: readonly (0 | 1)[];
  input: ModelInputSpec;
  /** Each variant is written to <workDir>/<dtype>/. */
  workDir: string;
  cacheDir: string;
  dtypes?: WeightDtype[];
  /**
   * Told which valid images failed to decode, once the first variant has tried every one (before the other
   * variants are written); may throw to stop there. Those images are then left out of every variant, so all are
   * measured on the same images. Without it, an image that fails to decode is an error.
   */
  onDecodeFailures?: (failed: readonly DecodeFailure[]) => void;
}

/**
 * Writes the network + head as a graph model at each weight dtype, loads it back from disk and measures its
 * valid-split AUC: the number is that of the files the app would download, not of the float weights in memory.
 */
export async function measureVariants(options: MeasureVariantsOptions): Promise<MeasuredVariant[]> {
  const out: MeasuredVariant[] = [];
  let images = options.valid;
  let labels = options.validLabels;
  for (const dtype of options.dtypes ?? WEIGHT_DTYPES) {
    const dir = join(options.workDir, dtype);
    const written = writeGraphModel(options.spec, dir, { head: options.head, weightDtype: dtype });
    let model: tf.GraphModel | null = null;
    try {
      const result = await cachedOutputs(images, {
        model: async () => (model ??= await loadGraphModelFromDir(dir)),
        modelHash: modelDirHash(dir, written.files),
        output: 'logit',
        input: options.input,
        cacheDir: options.cacheDir,
        label: `valid logits, ${dtype}`,
      });
      const bad = result.failed[0];
      if (bad) {
        // Only the first variant can meet a failure: the later ones get just the images it decoded.
        if (!options.onDecodeFailures || out.length > 0)
          throw new Error(`valid image ${images[bad.index]!.path} failed to decode: ${bad.reason}`);
        options.onDecodeFailures(result.failed.map(({ index, reason }) => ({ index, reason })));
        const decoded = (_: unknown, i: number) => result.values[i] !== null;
        images = images.filter(decoded);
        labels = labels.filter(decoded);
      }
      const validLogits = Float32Array.from(
        result.values.filter((v) => v !== null),
        (v) => v[0]!,
      );
      out.push({
        dtype,
        bytes: written.weightBytes,
        validAuc: rocAuc(validLogits, labels),
        written,
        validLogits,
        computed: result.computed,
      });
    } finally {
      (model as tf.GraphModel | null)?.dispose();
    }
  }
  return out;
}
