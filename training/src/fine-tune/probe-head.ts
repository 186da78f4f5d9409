import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import type { DenseHead, NetworkSpec } from '../base-model/network-spec';
import type { ManifestEntry } from '../dataset/build-dataset';
import { quickHead } from '../pipeline/network-and-head';

/**
 * LP-FT's first half: the --quick linear probe (logistic head on the frozen base features, L2 chosen on valid)
 * as the fine-tune's starting head. A random head sends large, noisy gradients into the pretrained layers in the
 * first steps and distorts features that transfer (Kumar et al., 2022); a fitted head does not. The features come
 * from the on-disk feature cache, so this costs seconds once `npm run train -- --features-only` has run.
 */
export async function probeHead(
  base: NetworkSpec,
  train: readonly ManifestEntry[],
  valid: readonly ManifestEntry[],
  input: ModelInputSpec,
  cacheDir: string,
): Promise<{ head: DenseHead; note: string }> {
  await tf.setBackend('wasm');
  // Features at the size the run trains at (the graph's input placeholder follows spec.inputSize).
  const sized = { ...base, inputSize: input.size };
  const probe = await quickHead({ base: sized, train, valid, input, cacheDir, augment: true });
  const { l2, augmented, validAuc } = probe.headChoice!.chosen;
  return {
    head: probe.head,
    note: `L2 ${l2}${augmented ? ' + brightness copy' : ''}, valid AUC ${validAuc.toFixed(4)}`,
  };
}
