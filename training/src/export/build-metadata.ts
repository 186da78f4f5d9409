import type {
  Calibration,
  DomainGuardSpec,
  ModelInputSpec,
  ModelMetadata,
  QuantisationVariant,
  SplitMetrics,
} from '../../../src/shared/model/model-metadata';
import { GRAPH_OUTPUTS } from '../graph-model/build-graph-model';
import type { VariantMeasurement } from './choose-variant';

export interface MetadataFacts {
  name: string;
  version: string;
  createdAt: Date;
  input: ModelInputSpec;
  calibration: Calibration;
  threshold: number;
  inconclusiveBand: [number, number];
  guard?: DomainGuardSpec;
  validMetrics: SplitMetrics;
  /** Filled in after export, once every choice is frozen. */
  testMetrics?: SplitMetrics;
  training: ModelMetadata['training'];
  baseModel: ModelMetadata['baseModel'];
  variants: readonly VariantMeasurement[];
  shipped: VariantMeasurement;
}

/** Assembles metadata.json; every number comes from the pipeline's own measurements. */
export function buildMetadata(f: MetadataFacts): ModelMetadata {
  const quantisation: QuantisationVariant[] = f.variants.map((v) => ({
    dtype: v.dtype,
    bytes: v.bytes,
    validAuc: round(v.validAuc, 6),
    shipped: v === f.shipped,
  }));
  return {
    name: f.name,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    labels: ['not_dangerous', 'dangerous'],
    input: f.input,
    outputs: { logit: GRAPH_OUTPUTS.logit, features: GRAPH_OUTPUTS.features },
    calibration: f.calibration,
    threshold: f.threshold,
    inconclusiveBand: f.inconclusiveBand,
    ...(f.guard ? { guard: f.guard } : {}),
    metrics: { valid: f.validMetrics, ...(f.testMetrics ? { test: f.testMetrics } : {}) },
    training: f.training,
    baseModel: f.baseModel,
    weights: { dtype: f.shipped.dtype, bytes: f.shipped.bytes },
    quantisation,
  };
}

function round(v: number, digits: number): number {
  return Number(v.toFixed(digits));
}
