import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LevelShares, ModelMetadata, OutOfDomainCheck } from '../../../src/shared/model/model-metadata';
import { scoreImageFiles } from '../evaluate/score-image-files';
import { readModelMetadata } from '../evaluate/read-model-metadata';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { delongInterval } from '../metrics/delong-interval';
import { levelShares } from '../metrics/level-shares';
import { wilsonInterval } from '../metrics/wilson-interval';

/** One ISIC 2017 image and its challenge label (melanoma or not). */
export interface IsicImage {
  id: string;
  melanoma: boolean;
}

/** Where a group of images lands among the app's three result levels. */
export interface LevelSharesWithCi extends LevelShares {
  /** 95% Wilson interval of the share called low. */
  lowCi95: [number, number];
}

export interface IsicMelanomaCheck {
  modelDir: string;
  modelVersion: string;
  auc: number;
  aucCi95: [number, number];
  melanoma: LevelSharesWithCi;
  benign: LevelSharesWithCi;
  skipped: { id: string; reason: string }[];
}

/**
 * `labels.csv` of the ISIC 2017 training set: `image_id,melanoma` with melanoma 0.0 or 1.0. Rows that do not
 * parse are an error — a silently shorter list would change every figure.
 */
export function parseIsicLabels(csv: string): IsicImage[] {
  const lines = csv.trim().split(/\r?\n/);
  if (lines[0]?.trim() !== 'image_id,melanoma')
    throw new Error('labels.csv must start with "image_id,melanoma"');
  return lines.slice(1).map((line, i) => {
    const [id, value] = line.split(',').map((s) => s.trim());
    if (!id || !/^[\w-]+$/.test(id) || (value !== '0.0' && value !== '1.0'))
      throw new Error(`labels.csv line ${i + 2} is not "<image id>,0.0|1.0": ${line.slice(0, 80)}`);
    return { id, melanoma: value === '1.0' };
  });
}

/** Every k-th image, same choice every run, so a subset keeps the melanoma share of the whole. */
export function everyKth<T>(items: readonly T[], k: number): T[] {
  return items.filter((_, i) => i % k === 0);
}

/** Levels from the probability alone: the domain guard, which accepts 99% of ISIC images, is not applied. */
function levelSharesWithCi(probabilities: number[], metadata: ModelMetadata): LevelSharesWithCi {
  const shares = levelShares(probabilities, metadata);
  return { ...shares, lowCi95: wilsonInterval(Math.round(shares.low * shares.n), shares.n) };
}

/**
 * An out-of-domain check of a shipped model: ISIC 2017 is dermoscopy from other clinics and cameras, labelled
 * melanoma vs benign, where benign includes the dysplastic nevi our seed data calls dangerous. So only two
 * figures mean something: how well the dangerous score ranks melanomas above benign lesions (AUC), and how
 * many melanomas the app would call "low" — the miss a screening tool must keep rare.
 */
export async function isicMelanomaCheck(options: {
  modelDir: string;
  isicDir: string;
  images: readonly IsicImage[];
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<IsicMelanomaCheck> {
  const metadata = readModelMetadata(options.modelDir);
  const model = await loadGraphModelFromDir(options.modelDir);
  const skipped: { id: string; reason: string }[] = [];
  let scored: { melanoma: boolean; probability: number }[];
  try {
    scored = (
      await scoreImageFiles({
        model,
        metadata,
        items: options.images,
        pathOf: (image) => join(options.isicDir, 'images', `${image.id}.jpg`),
        batchSize: options.batchSize ?? 16,
        onSkip: (image, reason) => skipped.push({ id: image.id, reason }),
        onProgress: options.onProgress,
      })
    ).map(({ item, probability }) => ({ melanoma: item.melanoma, probability }));
  } finally {
    model.dispose();
  }
  const melanoma = scored.filter((s) => s.melanoma).map((s) => s.probability);
  const benign = scored.filter((s) => !s.melanoma).map((s) => s.probability);
  if (melanoma.length === 0 || benign.length === 0)
    throw new Error('the ISIC check needs both melanomas and benign images that load');
  const { auc, ci } = delongInterval(
    scored.map((s) => s.probability),
    scored.map((s) => (s.melanoma ? 1 : 0)),
  );
  return {
    modelDir: options.modelDir,
    modelVersion: metadata.version,
    auc,
    aucCi95: ci,
    melanoma: levelSharesWithCi(melanoma, metadata),
    benign: levelSharesWithCi(benign, metadata),
    skipped,
  };
}

export const ISIC_DATASET_NAME = 'ISIC 2017 challenge training set';

/** The figures metadata.json carries for the model card. */
export function toOutOfDomainMetadata(result: IsicMelanomaCheck): OutOfDomainCheck {
  const shares = ({ n, high, inconclusive, low }: LevelShares): LevelShares => ({
    n,
    high,
    inconclusive,
    low,
  });
  return {
    dataset: ISIC_DATASET_NAME,
    auc: result.auc,
    aucCi95: result.aucCi95,
    melanoma: shares(result.melanoma),
    benign: shares(result.benign),
  };
}

export function readIsicLabels(isicDir: string): IsicImage[] {
  return parseIsicLabels(readFileSync(join(isicDir, 'labels.csv'), 'utf8'));
}
