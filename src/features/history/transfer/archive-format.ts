import type { RiskLevel } from '../../../shared/model/risk-level';
import type { Mole } from '../store/history-types';

/**
 * The machine-readable export: one JSON file. `format` tells it apart from any other JSON a user might pick;
 * `version` is bumped on any incompatible change, and import refuses versions it does not know.
 */
export const ARCHIVE_FORMAT = 'naevus-mole-history';
export const ARCHIVE_VERSION = 1;

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
  records: 100_000,
  recheckIntervalDays: 3660,
} as const;
