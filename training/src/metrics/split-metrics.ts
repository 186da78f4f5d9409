import type { SplitMetrics } from '../../../src/shared/model/model-metadata';
import { confusionAt, ratesOf } from './confusion';
import { delongInterval } from './delong-interval';
import { expectedCalibrationError } from './ece';
import { levelsByClass } from './level-shares';
import { rocAuc } from './roc-auc';
import { wilsonInterval } from './wilson-interval';

const Z95 = 1.959964;

/**
 * Everything metadata.json and the evaluation report say about one split, at one threshold. Intervals: Wilson for
 * the proportions, DeLong for AUC, and for balanced accuracy the normal approximation of the mean of two
 * independent proportions (sensitivity and specificity are measured on disjoint images). With the inconclusive
 * band, also the app's three levels per true class.
 */
export function splitMetrics(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  threshold: number,
  inconclusiveBand?: [number, number],
): SplitMetrics {
  const confusion = confusionAt(probabilities, labels, threshold);
  const rates = ratesOf(confusion);
  const positives = confusion.tp + confusion.fn;
  const negatives = confusion.tn + confusion.fp;
  const n = positives + negatives;
  const baSe =
    Math.sqrt(
      (rates.sensitivity * (1 - rates.sensitivity)) / positives +
        (rates.specificity * (1 - rates.specificity)) / negatives,
    ) / 2;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return {
    n,
    ...rates,
    auc: rocAuc(probabilities, labels),
    ece: expectedCalibrationError(probabilities, labels),
    threshold,
    confusion,
    ...(inconclusiveBand
      ? { levels: levelsByClass(probabilities, labels, { threshold, inconclusiveBand }) }
      : {}),
    ci95: {
      accuracy: wilsonInterval(confusion.tp + confusion.tn, n),
      sensitivity: wilsonInterval(confusion.tp, positives),
      specificity: wilsonInterval(confusion.tn, negatives),
      balancedAccuracy: [
        clip(rates.balancedAccuracy - Z95 * baSe),
        clip(rates.balancedAccuracy + Z95 * baSe),
      ],
      auc: delongInterval(probabilities, labels).ci,
    },
  };
}
