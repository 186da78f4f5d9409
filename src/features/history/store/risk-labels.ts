import type { ModelMetadata } from '../../../shared/model/model-metadata';
import type { RiskLevel } from '../../../shared/model/risk-level';
import { shownEstimate } from '../../../shared/model/shown-estimate';
import { failedPhotoCheck } from './estimate';
import type { Check } from './history-types';

/**
 * The same plain words as the result screen (features cannot import each other, so they are repeated here).
 * The symbol makes the level readable without colour.
 */
export const RISK_LABELS: Record<RiskLevel, { text: string; symbol: string }> = {
  low: { text: 'Low concern', symbol: '○' },
  inconclusive: { text: 'Inconclusive — retake or have it checked', symbol: '◐' },
  high: { text: 'Have it checked by a doctor', symbol: '●' },
};

/** A check whose photo the photo check refused: no level was decided, so it gets the result screen's title. */
export const NOT_ASSESSED_LABEL = { text: 'Photo not assessed — please retake it', symbol: '◌' };

/** The words and symbol a saved check is listed under. */
export function checkLabel(check: Pick<Check, 'guard' | 'riskLevel'>): { text: string; symbol: string } {
  return failedPhotoCheck(check) ? NOT_ASSESSED_LABEL : RISK_LABELS[check.riskLevel];
}

/** What the number is, in the result screen's words, wherever the history shows one. */
export const ESTIMATE_MEANING =
  'The model estimate says how much a photo resembles the moles in the model’s training that needed a ' +
  'doctor. It is not your personal risk.';

/** Shown on every screen and report that lists results (and so beside every number the history shows). */
export const NOT_A_DIAGNOSIS =
  'These results come from an automated screening aid. They are not a diagnosis. ' +
  `${ESTIMATE_MEANING} ` +
  'If a mole changes, itches, bleeds or worries you, see a doctor whatever the result says.';

/** What the history needs of the model the app runs now: which checks it made, and their inconclusive band. */
export type CurrentModel = Pick<ModelMetadata, 'version' | 'inconclusiveBand'>;

/**
 * The band a check was read against, when known: its own (kept since it was stored with each check), else the
 * running model's for a check of that model. Older checks of another model have none.
 */
export function bandOf(
  check: Pick<Check, 'modelVersion' | 'inconclusiveBand'>,
  model: CurrentModel | undefined,
): readonly [number, number] | undefined {
  if (check.inconclusiveBand) return check.inconclusiveBand;
  return model && check.modelVersion === model.version ? model.inconclusiveBand : undefined;
}

/**
 * The whole percent the result screen showed (shared/model/shown-estimate.ts). A check without a known band (saved
 * before bands were kept, by another model version) is rounded as it is, and no scale is shown beside it in
 * the history that it could contradict.
 */
export function estimatePercent(probability: number, band: readonly [number, number] | undefined): number {
  return band ? shownEstimate(probability, band).percent : Math.round(probability * 100);
}

export function formatEstimate(probability: number, band: readonly [number, number] | undefined): string {
  return `${estimatePercent(probability, band)}%`;
}
