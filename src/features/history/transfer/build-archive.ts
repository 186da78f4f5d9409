import type { Check } from '../store/history-types';
import { sniffImageType } from '../store/sniff-image-type';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchivedImage, type HistoryArchive } from './archive-format';
import { bytesToBase64 } from './base64';
import type { HistorySnapshot } from './read-history';

async function archiveImage(blob: Blob): Promise<ArchivedImage> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // saveCheck only stores JPEG or PNG, so the sniff never falls through in practice.
  const type = sniffImageType(bytes) ?? 'image/jpeg';
  return { type, base64: bytesToBase64(bytes) };
}

async function archiveCheck(check: Check) {
  const [photo, crop] = await Promise.all([archiveImage(check.photo), archiveImage(check.crop)]);
  return {
    id: check.id,
    moleId: check.moleId,
    takenAt: check.takenAt,
    riskLevel: check.riskLevel,
    probability: check.probability,
    modelVersion: check.modelVersion,
    ...(check.inconclusiveBand && { inconclusiveBand: check.inconclusiveBand }),
    ...(check.guard && { guard: check.guard }),
    photo,
    crop,
  };
}

export async function buildArchive(snapshot: HistorySnapshot, now = new Date()): Promise<HistoryArchive> {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    moles: snapshot.moles.map((mole) => ({ ...mole })),
    checks: await Promise.all(snapshot.checks.map(archiveCheck)),
  };
}

export async function archiveToBlob(snapshot: HistorySnapshot, now = new Date()): Promise<Blob> {
  return new Blob([JSON.stringify(await buildArchive(snapshot, now))], { type: 'application/json' });
}
