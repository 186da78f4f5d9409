import type { ClassLevels, LevelShares, ModelMetadata } from '../../../src/shared/model/model-metadata';
import { riskLevelOf } from '../../../src/shared/model/risk-level';

type OperatingPoint = Pick<ModelMetadata, 'threshold' | 'inconclusiveBand'>;

/** Where a group of calibrated probabilities lands among the app's three levels (the app's own riskLevelOf). */
export function levelShares(probabilities: readonly number[], point: OperatingPoint): LevelShares {
  const n = probabilities.length;
  const counts = { high: 0, inconclusive: 0, low: 0 };
  for (const p of probabilities) counts[riskLevelOf(p, point)]++;
  const share = (k: number) => (n ? k / n : Number.NaN);
  return { n, high: share(counts.high), inconclusive: share(counts.inconclusive), low: share(counts.low) };
}

/** Level shares per true class: what the app would have shown the dangerous and the not-dangerous images. */
export function levelsByClass(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<0 | 1>,
  point: OperatingPoint,
): ClassLevels {
  const of = (label: 0 | 1) => Array.from(probabilities).filter((_, i) => labels[i] === label);
  return { dangerous: levelShares(of(1), point), notDangerous: levelShares(of(0), point) };
}
