import { fail, ok, type Result } from '../store/history-error';
import { RISK_LEVELS, type RiskLevel } from '../../../shared/model/risk-level';
import type { Check, Mole, StoredPhotoCheck } from '../store/history-types';
import { sniffImageType } from '../store/sniff-image-type';
import { ARCHIVE_FORMAT, ARCHIVE_LIMITS, ARCHIVE_VERSION, READABLE_ARCHIVE_VERSIONS } from './archive-format';
import { base64DecodedLength, base64ToBytes } from './base64';
import type { HistorySnapshot } from './read-history';

/** Thrown inside validation only; turned into an error value with a plain message at the boundary. */
class Invalid extends Error {}

const UNCHANGED = 'Nothing was changed.';
const FOREIGN = 'This file is not a Naevus history export. Choose a file saved with "Export everything".';

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Invalid(`${what} is damaged.`);
  return value as Json;
}

function text(record: Json, key: string, what: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > ARCHIVE_LIMITS.textLength) {
    throw new Invalid(`${what} has a missing or invalid "${key}".`);
  }
  return value;
}

/** Only canonical UTC ISO strings, so a date survives the round trip unchanged. */
function isoDate(record: Json, key: string, what: string): string {
  const value = text(record, key, what);
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) || Number.isNaN(time)) {
    throw new Invalid(`${what} has an invalid date.`);
  }
  return value;
}

function image(record: Json, key: 'photo' | 'crop', what: string): Blob {
  const value = object(record[key], `${what} (${key})`);
  const limit = key === 'photo' ? ARCHIVE_LIMITS.photoBytes : ARCHIVE_LIMITS.cropBytes;
  const declared = value.type;
  const encoded = value.base64;
  if (declared !== 'image/jpeg' && declared !== 'image/png')
    throw new Invalid(`${what} has an unsupported image type.`);
  if (typeof encoded !== 'string' || encoded.length % 4 !== 0)
    throw new Invalid(`${what} has damaged image data.`);
  if (base64DecodedLength(encoded) > limit) throw new Invalid(`${what} has an image that is too large.`);
  const bytes = base64ToBytes(encoded);
  if (!bytes || sniffImageType(bytes) !== declared) throw new Invalid(`${what} has damaged image data.`);
  return new Blob([bytes], { type: declared });
}

function texts(value: unknown, maxLength: number, what: string): string[] {
  if (!Array.isArray(value) || value.length > ARCHIVE_LIMITS.photoCheckItems) throw new Invalid(what);
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0 || item.length > maxLength) throw new Invalid(what);
  }
  return [...(value as string[])];
}

/** Optional (older checks have none); when present it must be whole, since it decides whether a number shows. */
function photoCheck(record: Json, what: string): StoredPhotoCheck | undefined {
  if (record.guard === undefined) return undefined;
  const invalid = `${what} has an invalid photo check result.`;
  const value = object(record.guard, `${what} (photo check)`);
  if (value.verdict !== 'accept' && value.verdict !== 'reject') throw new Invalid(invalid);
  return {
    verdict: value.verdict,
    problems: texts(value.problems, ARCHIVE_LIMITS.textLength, invalid),
    reasons: texts(value.reasons, ARCHIVE_LIMITS.reasonLength, invalid),
  };
}

/**
 * Optional (older checks have none); when present it must be a real band, since the shown number is read
 * against it.
 */
function band(record: Json, what: string): [number, number] | undefined {
  const value = record.inconclusiveBand;
  if (value === undefined) return undefined;
  const isUnit = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  if (!Array.isArray(value) || value.length !== 2)
    throw new Invalid(`${what} has an invalid inconclusive band.`);
  const [low, high] = value as unknown[];
  if (!isUnit(low) || !isUnit(high) || low > high)
    throw new Invalid(`${what} has an invalid inconclusive band.`);
  return [low, high];
}

function mole(value: unknown, index: number): Mole {
  const what = `Mole ${index + 1}`;
  const record = object(value, what);
  const interval = record.recheckIntervalDays;
  if (
    typeof interval !== 'number' ||
    !Number.isInteger(interval) ||
    interval < 1 ||
    interval > ARCHIVE_LIMITS.recheckIntervalDays
  ) {
    throw new Invalid(`${what} has an invalid re-check interval.`);
  }
  return {
    id: text(record, 'id', what),
    name: text(record, 'name', what),
    bodyLocation: text(record, 'bodyLocation', what),
    createdAt: isoDate(record, 'createdAt', what),
    recheckIntervalDays: interval,
  };
}

function check(value: unknown, index: number, moleIds: Set<string>): Check {
  const what = `Check ${index + 1}`;
  const record = object(value, what);
  const moleId = text(record, 'moleId', what);
  if (!moleIds.has(moleId)) throw new Invalid(`${what} belongs to a mole that is not in the file.`);
  const riskLevel = record.riskLevel;
  if (!RISK_LEVELS.includes(riskLevel as RiskLevel)) throw new Invalid(`${what} has an unknown risk level.`);
  const probability = record.probability;
  if (
    typeof probability !== 'number' ||
    !Number.isFinite(probability) ||
    probability < 0 ||
    probability > 1
  ) {
    throw new Invalid(`${what} has an invalid probability.`);
  }
  const guard = photoCheck(record, what);
  const inconclusiveBand = band(record, what);
  return {
    id: text(record, 'id', what),
    moleId,
    takenAt: isoDate(record, 'takenAt', what),
    riskLevel: riskLevel as RiskLevel,
    probability,
    modelVersion: text(record, 'modelVersion', what),
    // Absent rather than undefined, so an imported old check is stored exactly as it was exported.
    ...(inconclusiveBand && { inconclusiveBand }),
    ...(guard && { guard }),
    photo: image(record, 'photo', what),
    crop: image(record, 'crop', what),
  };
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length > ARCHIVE_LIMITS.records)
    throw new Invalid(`The list of ${what} is damaged.`);
  return value;
}

function unique(ids: string[], what: string): void {
  if (new Set(ids).size !== ids.length) throw new Invalid(`The file lists the same ${what} twice.`);
}

/** Checks every field of a parsed archive; returns the records ready to store, or a plain-language reason. */
export function validateArchive(parsed: unknown): Result<HistorySnapshot> {
  try {
    const root = object(parsed, 'The file');
    if (root.format !== ARCHIVE_FORMAT) return fail('invalid-file', `${FOREIGN} ${UNCHANGED}`);
    if (typeof root.version !== 'number' || !READABLE_ARCHIVE_VERSIONS.includes(root.version)) {
      return fail(
        'invalid-file',
        typeof root.version === 'number' && root.version > ARCHIVE_VERSION
          ? `This export was made by a newer version of the app. Update the app, then import it again. ${UNCHANGED}`
          : `This export has an unknown format version and cannot be imported. ${UNCHANGED}`,
      );
    }
    const moles = list(root.moles, 'moles').map(mole);
    unique(
      moles.map((m) => m.id),
      'mole',
    );
    const moleIds = new Set(moles.map((m) => m.id));
    const checks = list(root.checks, 'checks').map((c, i) => check(c, i, moleIds));
    unique(
      checks.map((c) => c.id),
      'check',
    );
    return ok({ moles, checks });
  } catch (cause) {
    if (cause instanceof Invalid)
      return fail('invalid-file', `The file cannot be imported: ${cause.message} ${UNCHANGED}`);
    throw cause;
  }
}

/** Reads and validates a user-chosen file; never throws. */
export async function parseArchiveFile(file: Blob): Promise<Result<HistorySnapshot>> {
  if (file.size === 0) return fail('invalid-file', `The file is empty. ${UNCHANGED}`);
  if (file.size > ARCHIVE_LIMITS.fileBytes)
    return fail('invalid-file', `The file is too large to be a history export. ${UNCHANGED}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return fail('invalid-file', `${FOREIGN} ${UNCHANGED}`);
  }
  return validateArchive(parsed);
}
