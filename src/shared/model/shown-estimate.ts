import { riskLevelOf, type RiskLevel } from './risk-level';

/**
 * The inconclusive band in whole percents, as the app writes it: "Below {low}%: low concern. {low}–{high − 1}%:
 * inconclusive. From {high}%: have it checked." The ranges are read on whole percents: a shown number n is
 * "low concern" when n < low, "inconclusive" when low ≤ n < high, "have it checked" when n ≥ high. For an
 * empty band low = high.
 */
export interface ShownScale {
  low: number;
  high: number;
}

export interface ShownEstimate {
  /** The whole percent to show, 0–100, always inside the shown range of `level`. */
  percent: number;
  /** The level, from the app's one rule (riskLevelOf), so the number can never be read against another one. */
  level: RiskLevel;
  scale: ShownScale;
}

/**
 * An edge in whole percents, rounded up: an edge of 72.24% reads "From 73%", and every value the app calls
 * "have it checked" (≥ 72.24%) can be shown as 73% or more. The small slack keeps an edge that is a whole
 * percent in decimal (0.07 × 100 = 7.000000000000001 in floating point) at that percent.
 */
function edgePercent(edge: number): number {
  return Math.min(100, Math.max(0, Math.ceil(edge * 100 - 1e-9)));
}

/** The band's edges as shown, for a screen that states the ranges without a number (the model card). */
export function shownScale([low, high]: readonly [number, number]): ShownScale {
  // No value is inconclusive in an empty (or inverted) band: its one edge is where the levels meet.
  if (!(low < high)) return { low: edgePercent(low), high: edgePercent(low) };
  const shownHigh = edgePercent(high);
  // A band inside one whole-percent step (72.1–72.24%) still gets one number of its own, so an inconclusive
  // value never has to borrow a number from a neighbouring level.
  return { low: Math.min(edgePercent(low), shownHigh - 1), high: shownHigh };
}

/**
 * A calibrated probability and the inconclusive band → the whole percent and the band's edges as the app shows
 * them, such that the shown number always lies in the shown range of the level the app decided. Plain rounding
 * of both broke that near an edge: 0.7195 with a band ending at 0.7224 read "Inconclusive", "Model estimate:
 * 72%" and "From 72%: have it checked". Here edges round up, and a value that would round across an edge is
 * shown at the last whole percent on its own side (0.7226 → 73%, not 72%; 0.1655 below an edge of 0.166 → 16%).
 *
 * The level comes from riskLevelOf on the band alone: the export stage's band always contains the threshold, so
 * the threshold never changes a level except in an empty band [t, t), whose edge is the threshold itself.
 */
export function shownEstimate(probability: number, band: readonly [number, number]): ShownEstimate {
  const level = riskLevelOf(probability, { threshold: band[0], inconclusiveBand: [band[0], band[1]] });
  const scale = shownScale(band);
  const [min, max] =
    level === 'low'
      ? [0, scale.low - 1]
      : level === 'inconclusive'
        ? [scale.low, scale.high - 1]
        : [scale.high, 100];
  const rounded = Math.round(probability * 100);
  const percent = Math.min(100, Math.max(0, Math.min(max, Math.max(min, rounded))));
  return { percent, level, scale };
}
