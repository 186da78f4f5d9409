/**
 * Limits of the quality guard, on the statistics of `computeQualityStats` (224×224, 0..255 RGB).
 *
 * Chosen from the seed train/valid images and the ISIC 2017 training images (accepted) against the same seed
 * train/valid images made too dark, overexposed and blurred in code (rejected) — never on the seed test split.
 * Run `npm run measure-guard -w training -- --calibrate` to print the distributions they come from; the
 * figures are in docs/guard.md.
 */
export interface QualityThresholds {
  /** Below this mean luma the photo is too dark (dermoscopy: ≥ 69; exposure ×0.12: ≤ 27). */
  minMeanLuminance: number;
  /** More than this fraction of pixels in deep shadow: too dark even if a bright spot lifts the mean. */
  maxDarkFraction: number;
  /** More than this fraction of blown-out pixels: overexposed (dermoscopy: ≤ 0.07; flash/sun: ≥ 0.18). */
  maxClippedFraction: number;
  /** Above this mean luma the photo is washed out. */
  maxMeanLuminance: number;
  /** Below this 2–98% luma spread there is nothing to see (blank, fogged, or a flat colour). */
  minLumaRange: number;
  /**
   * Below this tile Laplacian energy the photo is blurred. Sharp dermoscopy: ≥ 10; the same images blurred
   * with σ = 3 px (at 224 px): ≤ 1.1. Set near the geometric middle of the gap.
   */
  minSharpness: number;
  /** Below this mean CIELAB chroma the image is grey: a blank wall, paper, or a black-and-white picture. */
  minMeanChroma: number;
  /** Below this fraction of skin-coloured pixels the image is mostly green, blue or neutral white. */
  minSkinFraction: number;
}

export const defaultQualityThresholds: Readonly<QualityThresholds> = {
  minMeanLuminance: 45,
  maxDarkFraction: 0.6,
  maxClippedFraction: 0.15,
  maxMeanLuminance: 235,
  minLumaRange: 16,
  minSharpness: 3,
  minMeanChroma: 2,
  minSkinFraction: 0.05,
};
