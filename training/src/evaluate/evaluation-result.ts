import type { ClassLabel, SplitMetrics } from '../../../src/shared/model/model-metadata';
import type { Confusion } from '../metrics/confusion';
import type { RocPoint } from '../metrics/roc-curve';

export interface ImagePrediction {
  path: string;
  label: ClassLabel;
  logit: number;
  probability: number;
}

/** What `npm run evaluate` writes as JSON (the SplitMetrics keys first, at the model's shipped threshold). */
export interface EvaluationResult extends SplitMetrics {
  ci95: NonNullable<SplitMetrics['ci95']>;
  /** ROC corner points; the first has threshold null (+∞: nothing flagged). */
  roc: (Omit<RocPoint, 'threshold'> & { threshold: number | null })[];
  /** At calibrated probability 0.5, for comparison with the seed project's 79.4%. */
  accuracyAt05: { accuracy: number; ci95: [number, number]; confusion: Confusion };
  /** Images whose probability fell in the model's inconclusive band, and how many of them were dangerous. */
  inconclusive: { band: [number, number]; n: number; dangerous: number };
  model: {
    dir: string;
    name: string;
    version: string;
    calibration: { method: string; a: number; b: number };
  };
  data: { root: string; split: string; dataHash: string };
  backend: string;
  seconds: number;
  images: ImagePrediction[];
  skipped: { path: string; reason: string }[];
}

/** The seed project's best result on the same 126 test images (its own notes; see ../shared/README.md). */
export const SEED_RESULT = { correct: 100, n: 126, tn: 51, fp: 12, fn: 14, tp: 49 } as const;
