import type { GuardProblem } from './guard-problem';
import { computeQualityStats, type QualityStats } from './quality-stats';
import { defaultQualityThresholds, type QualityThresholds } from './quality-thresholds';

export interface QualityAssessment {
  ok: boolean;
  problems: GuardProblem[];
  stats: QualityStats;
}

/**
 * Photographic quality of the square the model sees: `rgb` is the 0..255 RGB HWC output of `cropResizeRgb`
 * (call this BEFORE `normalise`, which works in place). Cheap: one pass over the square's pixels plus a sort.
 */
export function assessQuality(
  rgb: Float32Array,
  size: number,
  thresholds: QualityThresholds = defaultQualityThresholds,
): QualityAssessment {
  const stats = computeQualityStats(rgb, size);
  return { ...judgeQuality(stats, thresholds), stats };
}

/** The rules alone, on precomputed statistics: what calibration and tests vary. */
export function judgeQuality(
  stats: QualityStats,
  t: QualityThresholds = defaultQualityThresholds,
): { ok: boolean; problems: GuardProblem[] } {
  const problems: GuardProblem[] = [];
  const dark = stats.meanLuminance < t.minMeanLuminance || stats.darkFraction > t.maxDarkFraction;
  const over = stats.clippedFraction > t.maxClippedFraction || stats.meanLuminance > t.maxMeanLuminance;
  if (stats.meanChroma < t.minMeanChroma || stats.skinFraction < t.minSkinFraction) {
    // A black or white frame is grey too, but "too dark"/"overexposed" is the more useful advice there.
    if (!dark && !over) problems.push('not-skin');
  }
  if (dark) problems.push('too-dark');
  if (over) problems.push('overexposed');
  // Exposure problems flatten contrast and detail by themselves; report only their cause.
  const flat = !dark && !over && stats.lumaRange < t.minLumaRange;
  if (flat) problems.push('low-contrast');
  if (!dark && !over && !flat && stats.sharpness < t.minSharpness) problems.push('blurred');
  return { ok: problems.length === 0, problems };
}
