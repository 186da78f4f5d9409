import { buildDataset, type ManifestEntry } from '../dataset/build-dataset';
import { limitPerClass } from './limit-per-class';
import { missingClasses } from './missing-classes';
import { loadSharedImages } from './shared-images';
import type { SharedImage } from './worker-protocol';

export interface TrainingImages {
  train: ManifestEntry[];
  valid: ManifestEntry[];
  /** Decoded pixels of train, then valid: image `i` of the workers is `[...train, ...valid][i]`. */
  images: SharedImage[];
  dataHash: string;
}

/** Data a run cannot train on; the message is plain enough to show as is. */
export class UnusableDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableDataError';
  }
}

/**
 * The train and valid images of a data folder, decoded. Every file left out (unreadable, not in a class folder,
 * duplicate, fails to decode) is reported through `say`, one line each, and the run goes on without it; only a
 * split left without one of the two classes stops it (UnusableDataError), before any training.
 */
export async function loadTrainingImages(
  root: string,
  limit: number | undefined,
  say: (line: string) => void,
): Promise<TrainingImages> {
  let dataset;
  try {
    dataset = await buildDataset(root);
  } catch (error) {
    throw new UnusableDataError(`cannot read the data folder ${root}: ${(error as Error).message}`);
  }
  const { manifest, report } = dataset;
  for (const s of report.skipped) say(`skipped ${s.relPath}: ${s.reason}`);
  for (const d of report.duplicates) say(`skipped ${d.relPath}: duplicate (${d.reason})`);
  const bySplit = (entries: ManifestEntry[], split: string) => entries.filter((m) => m.split === split);
  const picked = [
    ...limitPerClass(bySplit(manifest, 'train'), limit),
    ...limitPerClass(bySplit(manifest, 'valid'), limit),
  ];
  refuseMissingClasses(picked, '');

  const t0 = performance.now();
  const loaded = await loadSharedImages(picked);
  for (const f of loaded.failed) say(`skipped ${f.relPath}: ${f.reason}`);
  refuseMissingClasses(
    loaded.kept,
    ` once the ${loaded.failed.length} file(s) that could not be decoded are left out (listed above)`,
  );
  say(
    `decoded ${loaded.images.length} images in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      `${loaded.failed.length ? `, ${loaded.failed.length} left out` : ''} (dataHash ${report.dataHash.slice(0, 12)})`,
  );
  // `kept` keeps the given order, train before valid, so the split filters leave the images aligned.
  return {
    train: bySplit(loaded.kept, 'train'),
    valid: bySplit(loaded.kept, 'valid'),
    images: loaded.images,
    dataHash: report.dataHash,
  };
}

function refuseMissingClasses(entries: ManifestEntry[], when: string): void {
  const missing = missingClasses(entries);
  if (missing.length === 0) return;
  throw new UnusableDataError(
    `the data has no usable images in ${missing.join(', ')}${when}: training needs readable images of both ` +
      'classes (Dangerous and not_Dangerous) in both train and valid',
  );
}
