import { headLogit, trainLogisticHead, type LinearHead } from '../head/logistic-head';
import { rocAuc } from '../metrics/roc-auc';

export interface LabelledFeatures {
  features: Float32Array[];
  labels: (0 | 1)[];
}

export interface HeadCandidate {
  l2: number;
  /** Trained with the brightness-augmented copy of the train features as well. */
  augmented: boolean;
  validAuc: number;
}

export interface HeadChoice {
  head: LinearHead;
  chosen: HeadCandidate;
  candidates: HeadCandidate[];
}

export interface ChooseHeadOptions {
  l2Grid?: number[];
  epochs?: number;
  learningRate?: number;
}

/** Strongest regularisation first: on a tie of valid AUC the simpler head wins. */
export const DEFAULT_L2_GRID = [10, 3, 1, 0.3, 0.1];

/** On the seed features 100 and 300 epochs pick the same L2 and differ by < 0.001 valid AUC; 200 is a safe middle. */
export const DEFAULT_HEAD_EPOCHS = 200;

/**
 * The --quick head: a logistic regression on frozen features for each L2 strength (and with/without the
 * brightness-augmented train copy), keeping the one with the highest valid-split AUC. Valid only chooses; the
 * head is fitted on train, so valid stays a fair place for calibration and the threshold.
 */
export function chooseHead(
  train: LabelledFeatures,
  valid: LabelledFeatures,
  augmentedTrain: LabelledFeatures | null,
  options: ChooseHeadOptions = {},
): HeadChoice {
  const grid = options.l2Grid ?? DEFAULT_L2_GRID;
  const training = {
    epochs: options.epochs ?? DEFAULT_HEAD_EPOCHS,
    learningRate: options.learningRate ?? 0.01,
  };
  const sets: { augmented: boolean; data: LabelledFeatures }[] = [{ augmented: false, data: train }];
  if (augmentedTrain) {
    sets.push({
      augmented: true,
      data: {
        features: [...train.features, ...augmentedTrain.features],
        labels: [...train.labels, ...augmentedTrain.labels],
      },
    });
  }
  let best: HeadChoice | null = null;
  const candidates: HeadCandidate[] = [];
  for (const { augmented, data } of sets) {
    for (const l2 of grid) {
      const head = trainLogisticHead(data.features, data.labels, { ...training, l2 });
      const validAuc = rocAuc(
        valid.features.map((x) => headLogit(head, x)),
        valid.labels,
      );
      const candidate = { l2, augmented, validAuc };
      candidates.push(candidate);
      if (!best || validAuc > best.chosen.validAuc) best = { head, chosen: candidate, candidates };
    }
  }
  if (!best) throw new Error('chooseHead needs a non-empty L2 grid');
  return { ...best, candidates };
}
