import type { RiskLevel } from '../../../shared/model/risk-level';
import type { Mole, StoredPhotoCheck } from '../store/history-types';

/**
 * The machine-readable export: one JSON file. `format` tells it apart from any other JSON a user might pick;
 * `version` is bumped on any incompatible change, and import refuses versions it does not know.
 */
export const ARCHIVE_FORMAT = 'naevus-mole-history';
/**
 * v2 added a check's optional `guard` (the photo check's verdict). An app that knows only v1 would import such
 * a file but drop the verdict and show numbers the photo check withheld, so it is told to update instead.
 * v3 added a check's optional `inconclusiveBand`. An app that knows only v2 would drop it (import keeps only
 * the fields it knows) and show a check of another model version with a number other than the one the result
 * screen showed, so it too is told to update.
 */
export const ARCHIVE_VERSION = 3;
/**
 * Versions import still reads: a v2 file is a v3 file whose checks have no `inconclusiveBand`, a v1 file one
 * whose checks have no `guard` either.
 */
export const READABLE_ARCHIVE_VERSIONS: readonly number[] = [1, 2, 3];

export interface ArchivedImage {
  type: 'image/jpeg' | 'image/png';
  /** The exact stored bytes, base64-encoded. */
  base64: string;
}

export interface ArchivedCheck {
  id: string;
  moleId: string;
  takenAt: string;
  riskLevel: RiskLevel;
  probability: number;
  modelVersion: string;
  /** Since v3; [low, high), 0 ≤ low ≤ high ≤ 1; absent on checks saved before the band was kept. */
  inconclusiveBand?: [number, number];
  /** Since v2; absent on checks saved before the verdict was kept. */
  guard?: StoredPhotoCheck;
  photo: ArchivedImage;
  crop: ArchivedImage;
}

export interface HistoryArchive {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  moles: Mole[];
  checks: ArchivedCheck[];
}

/** Limits that no genuine export comes near; anything larger is treated as a foreign or damaged file. */
export const ARCHIVE_LIMITS = {
  fileBytes: 512 * 1024 * 1024,
  photoBytes: 16 * 1024 * 1024,
  cropBytes: 2 * 1024 * 1024,
  textLength: 200,
  /** A photo-check reason is a sentence or two of advice. */
  reasonLength: 1000,
  /** Problems (and reasons) per photo check; the guard knows five kinds today. */
  photoCheckItems: 20,
  records: 100_000,
  recheckIntervalDays: 3660,
} as const;
