import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { calibratedProbability } from '../../../src/shared/model/calibrate';
import type { Calibration, ModelInputSpec, ModelMetadata } from '../../../src/shared/model/model-metadata';
import type { DenseHead, NetworkSpec } from '../base-model/network-spec';
import { chooseOperatingPoint, type OperatingPoint } from '../calibration/choose-operating-point';
import { fitPlatt } from '../calibration/fit-platt';
import { cachedOutputs, type CachedImage } from '../features/cached-outputs';
import { GRAPH_OUTPUTS } from '../graph-model/build-graph-model';
import { loadGraphModelFromDir } from '../graph-model/node-io';
import { modelDirHash } from './model-dir-hash';
import { fitDomainGuard } from '../guard/fit-domain-guard';
import { splitMetrics } from '../metrics/split-metrics';
import { buildMetadata } from './build-metadata';
import { chooseVariant } from './choose-variant';
import { measureVariants, type DecodeFailure, type MeasuredVariant } from './measure-variants';

export interface ExportInput {
  spec: NetworkSpec;
  head: DenseHead;
  input: ModelInputSpec;
  valid: { images: readonly CachedImage[]; labels: readonly (0 | 1)[] };
  /**
   * The guard is fitted on the shipped variant's own features of these: train plus `extra` (other dermoscopy,
   * the ISIC fit half; docs/guard.md) for its fit, and of the valid images used for its limit.
   */
  guardImages: {
    train: readonly CachedImage[];
    extra?: readonly CachedImage[];
  };
  guardComponents?: number;
  /**
   * Told which images of a split failed to decode as soon as that is known (valid: after the first variant,
   * before calibration; train: after the shipped variant's features, before the guard is fitted); throwing stops
   * the export there. Either way those images are left out: of every variant's AUC, the calibration, the
   * threshold and the guard alike.
   */
  onDecodeFailures?: (split: 'train' | 'valid', failed: readonly DecodeFailure[]) => void;
  facts: {
    name: string;
    version: string;
    createdAt: Date;
    training: ModelMetadata['training'];
    baseModel: ModelMetadata['baseModel'];
  };
  /** Variants are written to <workDir>/<dtype>/; the caller copies the shipped one to the model folder. */
  workDir: string;
  cacheDir: string;
}

export interface ExportResult {
  metadata: ModelMetadata;
  variants: MeasuredVariant[];
  shipped: MeasuredVariant;
  calibration: Calibration;
  operatingPoint: OperatingPoint;
  /** Images left out because they failed to decode, by index among those given (`extra`: guardImages.extra). */
  failed: { train: DecodeFailure[]; valid: DecodeFailure[]; extra: DecodeFailure[] };
  /** Valid images run through the network while measuring the variants (cache misses). */
  computed: number;
}

/**
 * Export stage: network + head → float32/float16/uint8 graph models, each measured on valid through its own
 * written files; the smallest within 0.005 AUC of float32 ships. Platt calibration, the threshold and the
 * inconclusive band are then fitted on the SHIPPED variant's valid logits, and the guard on its train (+ ISIC fit
 * half) features, so they describe exactly the weights the app runs. Images that fail to decode are left out of
 * all of it. Returns metadata.json and the variant to ship; the caller writes the model folder, so nothing is
 * written there until every image has been read. Test is never looked at here.
 */
export async function exportModel(x: ExportInput): Promise<ExportResult> {
  const failed: ExportResult['failed'] = { train: [], valid: [], extra: [] };
  const variants = await measureVariants({
    spec: x.spec,
    head: x.head,
    valid: x.valid.images,
    validLabels: x.valid.labels,
    input: x.input,
    workDir: x.workDir,
    cacheDir: x.cacheDir,
    onDecodeFailures: (f) => {
      x.onDecodeFailures?.('valid', f);
      failed.valid = [...f];
    },
  });
  const valid = leaveOut(x.valid, failed.valid);
  const shipped = chooseVariant(variants) as MeasuredVariant;
  const calibration = fitPlatt(shipped.validLogits, valid.labels);
  const probabilities = Array.from(shipped.validLogits, (z) => calibratedProbability(z, calibration));
  const operatingPoint = chooseOperatingPoint(probabilities, valid.labels);
  const guardFeatures = await shippedFeatures(shipped, x, valid.images, failed);
  const components = Math.min(x.guardComponents ?? 16, guardFeatures.train.length - 1);
  const guard = fitDomainGuard([...guardFeatures.train, ...guardFeatures.extra], {
    components,
    calibrationFeatures: guardFeatures.valid,
  });
  const metadata = buildMetadata({
    ...x.facts,
    input: x.input,
    calibration,
    threshold: operatingPoint.threshold,
    inconclusiveBand: operatingPoint.inconclusiveBand,
    guard,
    validMetrics: splitMetrics(
      probabilities,
      valid.labels,
      operatingPoint.threshold,
      operatingPoint.inconclusiveBand,
    ),
    variants,
    shipped,
  });
  return {
    metadata,
    variants,
    shipped,
    calibration,
    operatingPoint,
    failed,
    computed: variants.reduce((n, v) => n + v.computed, 0) + guardFeatures.computed,
  };
}

/** The valid images and labels used: those given, less the ones that failed to decode. */
function leaveOut(valid: ExportInput['valid'], failed: readonly DecodeFailure[]): ExportInput['valid'] {
  if (failed.length === 0) return valid;
  const dropped = new Set(failed.map((f) => f.index));
  const kept = (_: unknown, i: number) => !dropped.has(i);
  return { images: valid.images.filter(kept), labels: valid.labels.filter(kept) };
}

/**
 * Pooled features through the shipped files (the app computes the guard's distance from the weights it runs,
 * and uint8 weights move distances by up to ~10%), from the cache when present. Train (and ISIC) images that
 * fail to decode are recorded in `failed` and left out.
 */
async function shippedFeatures(
  shipped: MeasuredVariant,
  x: ExportInput,
  validImages: readonly CachedImage[],
  failed: ExportResult['failed'],
) {
  let model: tf.GraphModel | null = null;
  const options = {
    model: async () => (model ??= await loadGraphModelFromDir(shipped.written.dir)),
    modelHash: modelDirHash(shipped.written.dir, shipped.written.files),
    output: GRAPH_OUTPUTS.features,
    input: x.input,
    cacheDir: x.cacheDir,
  };
  try {
    const train = await cachedOutputs(x.guardImages.train, {
      ...options,
      label: `train features, ${shipped.dtype}`,
    });
    if (train.failed.length > 0) {
      x.onDecodeFailures?.('train', train.failed);
      failed.train = train.failed;
    }
    const valid = await cachedOutputs(validImages, {
      ...options,
      label: `valid features, ${shipped.dtype}`,
    });
    const extra = await cachedOutputs(x.guardImages.extra ?? [], {
      ...options,
      label: `ISIC fit-half features, ${shipped.dtype}`,
    });
    failed.extra = extra.failed;
    const usable = (values: (Float32Array | null)[]) => values.filter((v): v is Float32Array => v !== null);
    return {
      train: usable(train.values),
      valid: usable(valid.values),
      extra: usable(extra.values),
      computed: train.computed + valid.computed + extra.computed,
    };
  } finally {
    (model as tf.GraphModel | null)?.dispose();
  }
}

export const variantsDir = (runDir: string) => join(runDir, 'variants');
