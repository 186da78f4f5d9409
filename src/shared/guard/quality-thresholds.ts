/**
 * Limits of the quality guard, on the statistics of `computeQualityStats` (the model's input square, 0..255 RGB;
 * set at 224 px, checked at the shipped 192 px — docs/guard.md).
 *
 * Chosen from the seed train/valid images and the ISIC 2017 training images (accepted) against the same seed
 * train/valid images made too dark, overexposed and blurred in code (rejected) — never on the seed test split.
 * Run `npm run measure-guard -w training -- --calibrate` to print the distributions they come from; the
 * figures are in docs/guard.md.
 */
export interface QualityThresholds {
  /** Below this mean luma the photo is too dark (dermoscopy: ≥ 69; exposure ×0.12: ≤ 27). */
  minMeanLuminance: number;
  /** More than this fraction of pixels in deep shadow: too dark even if a bright spot lifts the mean (ISIC ≤ 0.51). */
  maxDarkFraction: number;
  /**
   * More than this fraction of blown-out pixels: overexposed (dermoscopy: 99th percentile ≤ 0.03, a handful
   * with real glare up to 0.65; exposure ×2.2 + 60: 1st percentile 0.19).
   */
  maxClippedFraction: number;
  /** Above this mean luma the photo is washed out (dermoscopy ≤ 239). */
  maxMeanLuminance: number;
  /** Below this 2–98% luma spread there is nothing to see: blank, fogged, a flat colour (ISIC ≥ 20). */
  minLumaRange: number;
  /**
   * Below this tile Laplacian energy the photo is blurred. Sharp dermoscopy: ≥ 5.8 (ISIC), ≥ 38 (seed); the
   * seed images blurred with σ = 3 px (at 224 px): ≤ 1.1. Set near the geometric middle of the gap.
   */
  minSharpness: number;
  /**
   * Below this mean CIELAB chroma the image is grey: a blank wall, paper, a black-and-white picture
   * (dermoscopy: ≥ 1.65, 1st percentile 4; grey frames: ≈ 0).
   */
  minMeanChroma: number;
  /**
   * Below this fraction of skin-coloured pixels the image holds no skin at all: all green, blue or white.
   * Set low because a few bluish-stained ISIC images have under 1%; the domain check handles the rest.
   */
  minSkinFraction: number;
}

export const defaultQualityThresholds: Readonly<QualityThresholds> = {
  minMeanLuminance: 45,
  maxDarkFraction: 0.6,
  maxClippedFraction: 0.15,
  maxMeanLuminance: 242,
  minLumaRange: 16,
  minSharpness: 3,
  minMeanChroma: 1.2,
  minSkinFraction: 0.005,
};
