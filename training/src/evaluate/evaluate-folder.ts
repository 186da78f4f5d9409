import * as tf from '@tensorflow/tfjs';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import { buildDataset } from '../dataset/build-dataset';
import { classFolderHint } from '../dataset/class-folder-hint';
import type { LabelConfig, SplitName } from '../dataset/label-config';
import { confusionAt, ratesOf } from '../metrics/confusion';
import { rocCurve } from '../metrics/roc-curve';
import { splitMetrics } from '../metrics/split-metrics';
import { wilsonInterval } from '../metrics/wilson-interval';
import type { EvaluationResult, ImagePrediction } from './evaluation-result';
import { scoreImageFiles } from './score-image-files';

export interface EvaluateOptions {
  dataRoot: string;
  model: tf.GraphModel;
  metadata: ModelMetadata;
  modelDir: string;
  /** Default: 'test' when the folder has train/valid/test folders, else every image ('all'). */
  split?: SplitName | 'all';
  config?: LabelConfig;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Runs the model over a folder of class folders and measures it at the model's own threshold. */
export async function evaluateFolder(options: EvaluateOptions): Promise<EvaluationResult> {
  const started = performance.now();
  const { metadata, model } = options;
  const dataset = await buildDataset(options.dataRoot, options.config ? { config: options.config } : {});
  const split = options.split ?? (dataset.report.split === 'folders' ? 'test' : 'all');
  const entries = dataset.manifest.filter((m) => split === 'all' || m.split === split);
  if (entries.length === 0) {
    throw new Error(
      `no images to evaluate in ${options.dataRoot} (split: ${split}). ${classFolderHint(dataset.report, options.config)}`,
    );
  }

  const skipped = dataset.report.skipped.map((s) => ({ path: s.relPath, reason: s.reason }));
  for (const d of dataset.report.duplicates)
    skipped.push({ path: d.relPath, reason: `duplicate: ${d.reason}` });
  const images: ImagePrediction[] = (
    await scoreImageFiles({
      model,
      metadata,
      items: entries,
      pathOf: (entry) => entry.path,
      batchSize: options.batchSize ?? 8,
      onSkip: (entry, reason) => skipped.push({ path: entry.relPath, reason }),
      onProgress: options.onProgress,
    })
  ).map(({ item, logit, probability }) => ({ path: item.relPath, label: item.label, logit, probability }));
  if (images.length === 0) throw new Error('every image failed to load; see the skipped list');

  const probabilities = images.map((i) => i.probability);
  const labels = images.map((i) => (i.label === 'dangerous' ? 1 : 0) as 0 | 1);
  const metrics = splitMetrics(probabilities, labels, metadata.threshold, metadata.inconclusiveBand);
  const at05 = confusionAt(probabilities, labels, 0.5);
  const band = metadata.inconclusiveBand ?? [metadata.threshold, metadata.threshold];
  const inBand = images.filter((i) => i.probability >= band[0] && i.probability < band[1]);
  return {
    ...metrics,
    ci95: metrics.ci95 ?? {},
    roc: rocCurve(probabilities, labels).map((p) => ({
      ...p,
      threshold: Number.isFinite(p.threshold) ? p.threshold : null,
    })),
    accuracyAt05: {
      accuracy: ratesOf(at05).accuracy,
      ci95: wilsonInterval(at05.tp + at05.tn, images.length),
      confusion: at05,
    },
    inconclusive: { band, n: inBand.length, dangerous: inBand.filter((i) => i.label === 'dangerous').length },
    model: {
      dir: options.modelDir,
      name: metadata.name,
      version: metadata.version,
      calibration: { ...metadata.calibration },
    },
    data: { root: options.dataRoot, split, dataHash: dataset.report.dataHash },
    backend: tf.getBackend(),
    seconds: (performance.now() - started) / 1000,
    images,
    skipped,
  };
}
