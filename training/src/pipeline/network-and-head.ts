import { join } from 'node:path';
import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import { featureExtractor, type DenseHead, type NetworkSpec } from '../base-model/network-spec';
import type { ManifestEntry } from '../dataset/build-dataset';
import { hashedModel } from '../features/feature-network';
import { preprocessingVersion } from '../features/preprocessing-version';
import { loadFineTuned } from '../fine-tune/best-model';
import { cachedHeadChoice } from './cached-head-choice';
import { chooseHead, DEFAULT_HEAD_EPOCHS, type HeadChoice } from './choose-head';
import { splitFeatures, type SplitFeatures, type SplitImages } from './split-features';
import { labelOf } from './prepare-data';
import { requireDecodedClasses } from './require-decoded-classes';

/** The final network and head, and the train and valid images the later stages use. */
export interface NetworkAndHead {
  spec: NetworkSpec;
  head: DenseHead;
  train: SplitImages;
  valid: SplitImages;
  /** Train features' brightness copy (quick mode, when tried). */
  augmented: SplitFeatures | null;
  recipe: string;
  headChoice?: HeadChoice;
  /** from-run: the fine-tuned run's best epoch and its valid AUC as the run measured it. */
  fineTuned?: {
    run: string;
    epoch: number;
    validAuc: number;
    recipe: Record<string, unknown>;
    input: ModelInputSpec;
  };
}

interface Common {
  base: NetworkSpec;
  train: readonly ManifestEntry[];
  valid: readonly ManifestEntry[];
  input: ModelInputSpec;
  cacheDir: string;
}

const featuresDir = (cacheDir: string) => join(cacheDir, 'features');

/** --quick: frozen base features (cached) + logistic head, L2 (and brightness copy or not) chosen on valid AUC. */
export async function quickHead(
  c: Common & { augment: boolean; l2Grid?: number[]; headEpochs?: number },
): Promise<NetworkAndHead> {
  const spec = featureExtractor(c.base);
  const network = hashedModel(spec);
  try {
    const dir = featuresDir(c.cacheDir);
    const train = await splitFeatures(c.train, network, c.input, dir, 'train features');
    const valid = await splitFeatures(c.valid, network, c.input, dir, 'valid features');
    requireDecodedClasses({ train: { given: c.train, used: train }, valid: { given: c.valid, used: valid } });
    const augmented = c.augment
      ? await splitFeatures(train.entries, network, c.input, dir, 'train features, brightness', 'brightness')
      : null;
    const options = {
      ...(c.l2Grid ? { l2Grid: c.l2Grid } : {}),
      ...(c.headEpochs ? { epochs: c.headEpochs } : {}),
    };
    const ids = (s: SplitFeatures) => s.entries.map((m, i) => `${m.sha256}:${s.labels[i]}`);
    const headChoice = cachedHeadChoice(
      join(c.cacheDir, 'heads'),
      {
        network: network.hash,
        preprocessing: preprocessingVersion(c.input),
        train: ids(train),
        valid: ids(valid),
        augmented: augmented !== null,
        options,
      },
      () => chooseHead(train, valid, augmented, options),
    );
    const { l2, augmented: withCopy } = headChoice.chosen;
    const recipe =
      `Frozen ImageNet MobileNetV2 features (${c.input.size} px centre square, 1280-wide pooled) + logistic-regression ` +
      `head: class-balanced log loss, L2 ${l2} on standardised features, full-batch Adam ` +
      `(${c.headEpochs ?? DEFAULT_HEAD_EPOCHS} epochs), trained on the train split${withCopy ? ' plus one brightness-scaled copy of each image (×0.75–1.25)' : ''}. ` +
      `L2 and augmentation chosen on valid AUC from ${headChoice.candidates.length} candidates.`;
    return { spec, head: headChoice.head, train, valid, augmented, recipe, headChoice };
  } finally {
    network.loaded()?.dispose();
  }
}

/**
 * --from-run / full: the fine-tuned network's best epoch. Nothing runs here: the export stage measures it on valid
 * through its written files and fits the guard on the shipped variant's own features.
 */
export function fineTunedHead(
  c: Omit<Common, 'cacheDir' | 'input'> & { runDir: string; run: string },
): NetworkAndHead {
  const { spec, head, info } = loadFineTuned(c.runDir, c.base);
  const split = (entries: readonly ManifestEntry[]): SplitImages => ({
    entries: [...entries],
    labels: entries.map(labelOf),
    failed: [],
    computed: 0,
  });
  const recipe =
    `Fine-tuned MobileNetV2 (${info.input.size} px; run "${c.run}", best epoch ${info.epoch} chosen on valid AUC): ` +
    `${JSON.stringify(info.recipe)}; ${info.recipe['probeHead'] ? 'head started from a logistic regression on the frozen features (LP-FT); ' : ''}` +
    `augmentation: random resized square crop, 8 symmetries, brightness, contrast, ` +
    `saturation and colour gains; class-balanced loss, warm-up + cosine learning rate, fixed seed.`;
  return {
    spec,
    head,
    train: split(c.train),
    valid: split(c.valid),
    augmented: null,
    recipe,
    fineTuned: {
      run: c.run,
      epoch: info.epoch,
      validAuc: info.validAuc ?? Number.NaN,
      recipe: info.recipe,
      input: info.input,
    },
  };
}
