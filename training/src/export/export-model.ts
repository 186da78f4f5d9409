import { join } from 'node:path';
import { calibratedProbability } from '../../../src/shared/model/calibrate';
import type { Calibration, ModelInputSpec, ModelMetadata } from '../../../src/shared/model/model-metadata';
import type { DenseHead, NetworkSpec } from '../base-model/network-spec';
import { chooseOperatingPoint, type OperatingPoint } from '../calibration/choose-operating-point';
import { fitPlatt } from '../calibration/fit-platt';
import type { CachedImage } from '../features/cached-outputs';
import { fitDomainGuard } from '../guard/fit-domain-guard';
import { splitMetrics } from '../metrics/split-metrics';
import { buildMetadata } from './build-metadata';
import { chooseVariant } from './choose-variant';
import { measureVariants, type MeasuredVariant } from './measure-variants';
import { writeModelDir } from './write-model-dir';

export interface ExportInput {
  spec: NetworkSpec;
  head: DenseHead;
  input: ModelInputSpec;
  valid: { images: readonly CachedImage[]; labels: readonly (0 | 1)[] };
  /** Pooled features of the FINAL network: train for the guard's fit, valid for its limit. */
  guardFeatures: { train: readonly Float32Array[]; valid: readonly Float32Array[] };
  guardComponents?: number;
  facts: {
    name: string;
    version: string;
    createdAt: Date;
    training: ModelMetadata['training'];
    baseModel: ModelMetadata['baseModel'];
  };
  out: string;
  /** Variants are written to <workDir>/<dtype>/ before the chosen one is copied to `out`. */
  workDir: string;
  cacheDir: string;
}

export interface ExportResult {
  metadata: ModelMetadata;
  variants: MeasuredVariant[];
  shipped: MeasuredVariant;
  calibration: Calibration;
  operatingPoint: OperatingPoint;
  files: string[];
  /** Valid images run through the network while measuring the variants (cache misses). */
  computed: number;
}

/**
 * Export stage: network + head → float32/float16/uint8 graph models, each measured on valid through its own
 * written files; the smallest within 0.005 AUC of float32 ships. Platt calibration, the threshold and the
 * inconclusive band are then fitted on the SHIPPED variant's valid logits, so they describe exactly the weights
 * the app runs. The guard is fitted on the final network's train features. Test is never looked at here.
 */
export async function exportModel(x: ExportInput): Promise<ExportResult> {
  const variants = await measureVariants({
    spec: x.spec,
    head: x.head,
    valid: x.valid.images,
    validLabels: x.valid.labels,
    input: x.input,
    workDir: x.workDir,
    cacheDir: x.cacheDir,
  });
  const shipped = chooseVariant(variants) as MeasuredVariant;
  const calibration = fitPlatt(shipped.validLogits, x.valid.labels);
  const probabilities = Array.from(shipped.validLogits, (z) => calibratedProbability(z, calibration));
  const operatingPoint = chooseOperatingPoint(probabilities, x.valid.labels);
  const components = Math.min(x.guardComponents ?? 16, x.guardFeatures.train.length - 1);
  const guard = fitDomainGuard(x.guardFeatures.train, {
    components,
    calibrationFeatures: x.guardFeatures.valid,
  });
  const metadata = buildMetadata({
    ...x.facts,
    input: x.input,
    calibration,
    threshold: operatingPoint.threshold,
    inconclusiveBand: operatingPoint.inconclusiveBand,
    guard,
    validMetrics: splitMetrics(probabilities, x.valid.labels, operatingPoint.threshold),
    variants,
    shipped,
  });
  const files = writeModelDir(shipped.written, metadata, x.out);
  return {
    metadata,
    variants,
    shipped,
    calibration,
    operatingPoint,
    files,
    computed: variants.reduce((n, v) => n + v.computed, 0),
  };
}

export const variantsDir = (runDir: string) => join(runDir, 'variants');
