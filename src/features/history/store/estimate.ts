import type { Check } from './history-types';

/**
 * Whether a saved check has a number to show. The result screen withholds the model's probability when the
 * photo check rejected the photo (a cat, a blurred or dark photo); the history must not bring it back.
 */
export function failedPhotoCheck(check: Pick<Check, 'guard'>): boolean {
  return check.guard?.verdict === 'reject';
}

/** The probability to show and compare, or undefined when the photo check withheld it. */
export function shownProbability(check: Pick<Check, 'guard' | 'probability'>): number | undefined {
  return failedPhotoCheck(check) ? undefined : check.probability;
}

/** Said wherever a withheld number would have stood. */
export const NO_ESTIMATE = 'No estimate was kept, because this photo did not pass the photo check.';
