import type { RiskLevel } from '../../../shared/model/risk-level';
import type { RgbaImage } from '../../../shared/preprocess/rgba-image';

/**
 * What the history keeps on the device. Dates are ISO-8601 UTC strings so they survive JSON export/import
 * exactly (a Date would round-trip through a string anyway).
 */
/** Three months, the usual advice for re-photographing a mole that is being watched. */
export const DEFAULT_RECHECK_INTERVAL_DAYS = 91;

export interface Mole {
  id: string;
  name: string;
  /** An id from body-locations.ts (e.g. "back-upper-left"); free text is tolerated on import. */
  bodyLocation: string;
  createdAt: string;
  recheckIntervalDays: number;
}

/**
 * What the photo check (the "guard": quality and "is this a close-up of skin?") concluded when the check was
 * made. Checks saved before it was kept have none, and are shown as they always were.
 */
export interface StoredPhotoCheck {
  verdict: 'accept' | 'reject';
  /** Problem ids (shared/guard/guard-problem.ts), main problem first; empty when accepted. */
  problems: string[];
  /** The plain-language reasons the result screen gave, same order. */
  reasons: string[];
}

export interface Check {
  id: string;
  moleId: string;
  takenAt: string;
  riskLevel: RiskLevel;
  /**
   * Calibrated probability of "have it checked", 0..1, as the model gave it. Kept even when the photo check
   * rejected the photo, but then never shown (the result screen withheld it too): see store/estimate.ts.
   */
  probability: number;
  modelVersion: string;
  /**
   * The model's inconclusive band [low, high) the probability was read against, so the number shown later is
   * the one the result screen showed even after a model update. Absent on checks saved before it was kept.
   */
  inconclusiveBand?: [number, number];
  /** Absent on checks saved before the photo check's verdict was kept. */
  guard?: StoredPhotoCheck;
  /** The user's photo, re-encoded as JPEG with its longer side at most PHOTO_MAX_SIDE px. */
  photo: Blob;
  /** Exactly what the model saw: the square at the model's input size (metadata.json), JPEG or PNG. */
  crop: Blob;
}

/** A finished analysis as the result screen hands it over, before it is compressed and stored. */
export interface CheckDraft {
  /** The user's photo, as a file or as decoded pixels; compressed on save. */
  photo: Blob | RgbaImage;
  /** The analysed square: kept as is if a JPEG/PNG blob, encoded as PNG if pixels. */
  crop: Blob | RgbaImage;
  takenAt: Date;
  riskLevel: RiskLevel;
  probability: number;
  modelVersion: string;
  /**
   * The model's inconclusive band (metadata `inconclusiveBand`) the level was decided with. Without it the
   * check is stored like one saved before the band was kept.
   */
  inconclusiveBand?: readonly [number, number];
  /**
   * The photo check's outcome (the analysis result's `guard` fits as is). Without it the check is stored like
   * one saved before the verdict was kept, and its number is shown.
   */
  guard?: {
    verdict: 'accept' | 'reject';
    problems: readonly string[];
    reasons: readonly string[];
  };
}

export interface NewMole {
  name: string;
  bodyLocation: string;
  recheckIntervalDays?: number;
}
