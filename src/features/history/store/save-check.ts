import type { HistoryDb } from './open-history-db';
import { attempt, inWriteTransaction } from './attempt';
import { fail, type Result } from './history-error';
import type { RgbaImage } from '../../../shared/preprocess/rgba-image';
import type { Check, CheckDraft, Mole, NewMole } from './history-types';
import { createMoleRecord } from './mole-records';
import { newId } from './new-id';
import { CROP_MAX_SIDE, PHOTO_JPEG_QUALITY, PHOTO_MAX_SIDE, type PhotoEncoder } from './photo-encoder';
import { sniffBlobType } from './sniff-image-type';
import { requestPersistence, type StorageLike } from './storage-persistence';

export type SaveTarget = { kind: 'new'; mole: NewMole } | { kind: 'existing'; moleId: string };

export interface SaveDeps {
  encoder: PhotoEncoder;
  storage: StorageLike | undefined;
  now?: () => Date;
}

/**
 * Saves a finished analysis: compresses the photo, then writes the (new) mole and the check in one
 * transaction so a failure leaves no half-saved mole behind.
 */
async function storableCrop(crop: Blob | RgbaImage, encoder: PhotoEncoder): Promise<Blob> {
  if (!(crop instanceof Blob)) return encoder.toPng(crop);
  const type = await sniffBlobType(crop);
  return type ? new Blob([crop], { type }) : encoder.toJpeg(crop, CROP_MAX_SIDE, PHOTO_JPEG_QUALITY);
}

export async function saveCheck(
  db: HistoryDb,
  draft: CheckDraft,
  target: SaveTarget,
  deps: SaveDeps,
): Promise<Result<{ mole: Mole; check: Check }>> {
  let photo: Blob;
  let crop: Blob;
  try {
    photo = await deps.encoder.toJpeg(draft.photo, PHOTO_MAX_SIDE, PHOTO_JPEG_QUALITY);
    // The crop is kept byte for byte when it is already JPEG or PNG (what the model saw, losslessly if PNG).
    crop = await storableCrop(draft.crop, deps.encoder);
  } catch {
    return fail('unknown', 'The photo could not be prepared for saving. Nothing was changed.');
  }
  const now = deps.now?.() ?? new Date();
  const result = await attempt(() =>
    inWriteTransaction(db, ['moles', 'checks'], async (tx) => {
      const moles = tx.objectStore('moles');
      let mole: Mole | undefined;
      if (target.kind === 'new') {
        mole = createMoleRecord(target.mole, now);
        await moles.add(mole);
      } else {
        mole = await moles.get(target.moleId);
        if (!mole) throw new DOMException('mole missing', 'NotFoundError');
      }
      const check: Check = {
        id: newId(),
        moleId: mole.id,
        takenAt: draft.takenAt.toISOString(),
        riskLevel: draft.riskLevel,
        probability: draft.probability,
        modelVersion: draft.modelVersion,
        // A copy, so the stored record never shares an array with the model's metadata.
        ...(draft.inconclusiveBand && {
          inconclusiveBand: [draft.inconclusiveBand[0], draft.inconclusiveBand[1]] as [number, number],
        }),
        // Only what the history shows; copied so no extra fields of the analysis result end up stored.
        ...(draft.guard && {
          guard: {
            verdict: draft.guard.verdict,
            problems: [...draft.guard.problems],
            reasons: [...draft.guard.reasons],
          },
        }),
        photo,
        crop,
      };
      await tx.objectStore('checks').add(check);
      return { mole, check };
    }),
  );
  if (result.ok) await requestPersistence(deps.storage);
  return result;
}
