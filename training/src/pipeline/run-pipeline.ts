import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ModelInputSpec, ModelMetadata } from '../../../src/shared/model/model-metadata';
import { baseModelProvenance } from '../base-model/base-model-provenance';
import { loadBaseNetwork } from '../base-model/load-base-network';
import type { EvaluationResult } from '../evaluate/evaluation-result';
import { exportModel, variantsDir, type ExportResult } from '../export/export-model';
import { writeMetadata, writeModelDir } from '../export/write-model-dir';
import { isicGuardImages } from '../guard/isic-guard-images';
import { isicMelanomaCheck, readIsicLabels, toOutOfDomainMetadata } from '../external/isic-melanoma-check';
import { evaluateTestSplit, toSplitMetrics } from './evaluate-test';
import type { HeadCandidate } from './choose-head';
import { fineTunedHead, quickHead, type NetworkAndHead } from './network-and-head';
import type { PipelineOptions } from './pipeline-options';
import { countImages } from './count-images';
import { leaveOutFailed } from './leave-out-failed';
import { prepareData } from './prepare-data';
import { requireDecodedClasses } from './require-decoded-classes';
import { describeRunAuc } from './format-pipeline-summary';
import { runFineTune } from './run-fine-tune';
import { stageTimer, type StageRecord } from './stage-timer';

/** What a pipeline run leaves in <runDir>/pipeline-report.json and returns to its caller. */
export interface PipelineReport {
  mode: PipelineOptions['mode'];
  run: string;
  runDir: string;
  out: string;
  files: string[];
  dataHash: string;
  images: Record<string, number>;
  skipped: { relPath: string; reason: string }[];
  head?: { chosen: HeadCandidate; candidates: HeadCandidate[] };
  fineTuned?: NetworkAndHead['fineTuned'];
  quantisation: { dtype: string; bytes: number; validAuc: number; shipped: boolean }[];
  calibration: ExportResult['calibration'];
  operatingPoint: ExportResult['operatingPoint'];
  valid: NonNullable<ModelMetadata['metrics']['valid']>;
  test: (ModelMetadata['metrics']['test'] & { accuracyAt05: EvaluationResult['accuracyAt05'] }) | null;
  /** Why `test` is null, in plain words. */
  noTestFigures?: string;
  stages: StageRecord[];
  totalSeconds: number;
}

/**
 * The input of the ImageNet MobileNetV2 .tflite: uint8 RGB with input quantisation (scale 1/128, zero point 128),
 * i.e. float (pixel − 128) / 128. Written once here into metadata.json; the app reads it from there.
 */
export function baseInput(size: number): ModelInputSpec {
  return { size, mean: 128, std: 128, range: [-1, 127 / 128] };
}

export async function runPipeline(o: PipelineOptions): Promise<PipelineReport> {
  const timer = stageTimer();
  const runDir = join(o.runsDir, o.run);
  mkdirSync(runDir, { recursive: true });
  const createdAt = (o.now ?? (() => new Date()))();

  const data = await timer.run(
    'dataset',
    () => prepareData(o.data, o.labels),
    (d) => ({
      note: `${d.dataset.manifest.length} images, ${d.dataset.report.skipped.length} skipped, ${d.dataset.report.duplicates.length} duplicates removed`,
    }),
  );
  const base = await timer.run(
    'base network',
    () => loadBaseNetwork(o.base),
    () => ({ note: 'TFLite → float spec' }),
  );
  const provenance = baseModelProvenance(o.base);

  let nh: NetworkAndHead;
  let input = baseInput(base.inputSize);
  const common = { base, train: data.splits.train, valid: data.splits.valid, cacheDir: o.cacheDir };
  if (o.mode === 'quick') {
    nh = await timer.run(
      'features + head',
      () =>
        quickHead({
          ...common,
          input,
          augment: o.augment ?? true,
          ...(o.l2Grid ? { l2Grid: o.l2Grid } : {}),
          ...(o.headEpochs ? { headEpochs: o.headEpochs } : {}),
        }),
      (r) => ({
        images: r.train.computed + r.valid.computed + (r.augmented?.computed ?? 0),
        note:
          `head L2 ${r.headChoice!.chosen.l2}${r.headChoice!.chosen.augmented ? ' + brightness copy' : ''}, valid AUC ${r.headChoice!.chosen.validAuc.toFixed(4)}` +
          (r.train.failed.length + r.valid.failed.length > 0
            ? `, ${r.train.failed.length + r.valid.failed.length} failed to decode`
            : ''),
      }),
    );
  } else {
    const fromRun = o.mode === 'from-run' ? o.fromRun! : o.run;
    const fineTuneDir = join(o.runsDir, fromRun);
    if (o.mode === 'full') {
      await timer.run(
        'fine-tune',
        () =>
          runFineTune({
            data: o.data,
            base: o.base,
            run: fineTuneDir,
            cacheDir: o.cacheDir,
            resume: o.resume ?? false,
            extra: o.fineTuneArgs ?? [],
          }),
        () => ({ note: `minutes per epoch in ${join(fineTuneDir, 'train-log.txt')}` }),
      );
    }
    nh = await timer.run(
      'fine-tuned network',
      () => fineTunedHead({ ...common, runDir: fineTuneDir, run: fromRun }),
      (r) => ({
        note: `best epoch ${r.fineTuned!.epoch}, ${describeRunAuc(r.fineTuned!.validAuc)}`,
      }),
    );
  }

  // A fine-tuned run states the input it was trained with; the export must declare the same.
  if (nh.fineTuned) input = nh.fineTuned.input;
  const modelTag = createHash('sha256').update(nh.head.weights).digest('hex').slice(0, 8);
  const kind = o.mode === 'quick' ? 'head' : 'fine-tuned';
  const guardExtra = o.shared ? isicGuardImages(o.shared) : [];

  const exported = await timer.run(
    'export (quantisation, calibration, guard)',
    () =>
      exportModel({
        spec: nh.spec,
        head: nh.head,
        input,
        valid: { images: nh.valid.entries, labels: nh.valid.labels },
        guardImages: { train: nh.train.entries, extra: guardExtra },
        ...(o.guardComponents ? { guardComponents: o.guardComponents } : {}),
        // Quick mode decoded these already; a fine-tuned export is where a damaged train or valid image shows.
        onDecodeFailures: (split, failed) =>
          requireDecodedClasses({
            [split]: { given: nh[split].entries, used: leaveOutFailed(nh[split], failed) },
          }),
        facts: {
          name: `naevus-mobilenetv2-${kind}`,
          version: `${createdAt.toISOString().slice(0, 10)}-${kind}-${modelTag}`,
          createdAt,
          training: {
            description:
              `Binary classifier of dermoscopic close-ups, dangerous vs not dangerous, labels from the class folders ` +
              `of "${basename(data.dataset.report.root)}" ` +
              `(${data.dataset.report.split === 'folders' ? 'its own train/valid/test folders' : 'a deterministic stratified split'}). ` +
              `Calibration, threshold (valid sensitivity ≥ 0.90), inconclusive band and weight dtype chosen on valid; ` +
              `test measured once, after every choice was frozen.`,
            dataHash: data.dataset.report.dataHash,
            // As listed, until the export (train and valid, fine-tuned modes) and test stages find what decodes.
            images: countImages([...nh.train.entries, ...nh.valid.entries, ...data.splits.test]),
            recipe: nh.recipe,
          },
          baseModel: provenance,
        },
        workDir: variantsDir(runDir),
        cacheDir: join(o.cacheDir, 'logits'),
      }),
    (r) => ({
      images: r.computed,
      note:
        r.variants
          .map((v) => `${v.dtype} ${(v.bytes / 2 ** 20).toFixed(2)} MiB AUC ${v.validAuc.toFixed(4)}`)
          .join('; ') +
        ` → ${r.shipped.dtype}; guard fit: train + ${guardExtra.length - r.failed.extra.length} ISIC` +
        (guardExtra.length === 0 ? ' (ISIC absent: seed train only)' : '') +
        (r.failed.train.length + r.failed.valid.length > 0
          ? `, ${r.failed.train.length + r.failed.valid.length} failed to decode`
          : ''),
    }),
  );

  // The images the model was made from: those of the features stage (quick), less those the export could not decode.
  const train = leaveOutFailed(nh.train, exported.failed.train);
  const valid = leaveOutFailed(nh.valid, exported.failed.valid);
  let images = countImages([...train.entries, ...valid.entries, ...data.splits.test]);
  const skipped = [
    ...data.dataset.report.skipped,
    ...data.dataset.report.duplicates.map((d) => ({ relPath: d.relPath, reason: `duplicate: ${d.reason}` })),
    ...train.failed,
    ...valid.failed,
    ...exported.failed.extra.map((f) => ({
      relPath: guardExtra[f.index]!.path,
      reason: `${f.reason} (ISIC image for the guard fit)`,
    })),
  ];
  let metadata: ModelMetadata = {
    ...exported.metadata,
    training: { ...exported.metadata.training, images },
  };
  const files = writeModelDir(exported.shipped.written, metadata, o.out);

  let test: PipelineReport['test'] = null;
  let noTestFigures: string | undefined;
  if (data.splits.test.length > 0) {
    const outcome = await timer.run(
      'test evaluation',
      () =>
        evaluateTestSplit({
          modelDir: o.out,
          metadata,
          data: o.data,
          ...(o.labels ? { labels: o.labels } : {}),
          runDir,
          test: data.splits.test,
        }),
      (r) =>
        r.result
          ? { images: r.result.n, note: `AUC ${r.result.auc.toFixed(4)}` }
          : { images: 0, note: `no test figures: ${r.note}` },
    );
    // The evaluation lists the dataset's skipped files again; what it adds are test images that failed to decode.
    const known = new Set(skipped.map((f) => f.relPath));
    const testFailed = outcome.result
      ? outcome.result.skipped.map((f) => ({ relPath: f.path, reason: f.reason }))
      : outcome.failed;
    for (const f of testFailed) if (!known.has(f.relPath)) skipped.push(f);
    const decodedTest = (outcome.result?.images ?? []).map((i) => ({
      split: 'test' as const,
      label: i.label,
    }));
    images = countImages([...train.entries, ...valid.entries, ...decodedTest]);
    metadata = { ...metadata, training: { ...metadata.training, images } };
    if (outcome.result) {
      metadata = { ...metadata, metrics: { ...metadata.metrics, test: toSplitMetrics(outcome.result) } };
      test = { ...toSplitMetrics(outcome.result), accuracyAt05: outcome.result.accuracyAt05 };
    } else {
      noTestFigures = outcome.note;
    }
    writeMetadata(metadata, o.out);
  } else {
    noTestFigures = 'the data has no test split';
  }

  // Out-of-domain figures for the model card: full runs only (2,000 images, ~2.5 min), so --quick stays quick.
  const isicDir = o.shared ? join(o.shared, 'datasets/isic2017-train') : null;
  if (o.mode !== 'quick' && isicDir && existsSync(join(isicDir, 'labels.csv'))) {
    const checked = await timer.run(
      'ISIC check',
      () => isicMelanomaCheck({ modelDir: o.out, isicDir, images: readIsicLabels(isicDir) }),
      (r) => ({
        images: r.melanoma.n + r.benign.n,
        note: `melanoma vs benign AUC ${r.auc.toFixed(3)}, melanomas called low ${(100 * r.melanoma.low).toFixed(1)}%`,
      }),
    );
    metadata = { ...metadata, outOfDomain: toOutOfDomainMetadata(checked) };
    writeMetadata(metadata, o.out);
  }

  const report: PipelineReport = {
    mode: o.mode,
    run: o.run,
    runDir,
    out: o.out,
    files,
    dataHash: data.dataset.report.dataHash,
    images,
    skipped,
    ...(nh.headChoice
      ? { head: { chosen: nh.headChoice.chosen, candidates: nh.headChoice.candidates } }
      : {}),
    ...(nh.fineTuned ? { fineTuned: nh.fineTuned } : {}),
    quantisation: metadata.quantisation ?? [],
    calibration: exported.calibration,
    operatingPoint: exported.operatingPoint,
    valid: metadata.metrics.valid!,
    test,
    ...(noTestFigures ? { noTestFigures } : {}),
    stages: timer.records,
    totalSeconds: timer.totalSeconds(),
  };
  writeFileSync(join(runDir, 'pipeline-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
