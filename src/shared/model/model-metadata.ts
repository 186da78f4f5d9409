/**
 * The shape of public/model/metadata.json: every fact about the model that both the app and training need.
 * Written only by training's export stage; read by the app and by evaluation.
 */
export type ClassLabel = 'not_dangerous' | 'dangerous';

export interface ModelInputSpec {
  /** Square side in pixels that the network sees. */
  size: number;
  /** Normalisation: (pixel - mean) / std, pixel in 0..255 RGB. */
  mean: number;
  std: number;
  /** The resulting value range, for documentation and checks. */
  range: [number, number];
}

export interface ModelOutputNames {
  /** Raw (uncalibrated) logit for "dangerous", shape [n, 1]. */
  logit: string;
  /** The 1280-wide pooled feature vector, shape [n, 1280]. */
  features: string;
}

export interface Calibration {
  /** Calibrated probability = sigmoid(a * logit + b) (Platt); temperature scaling is b = 0, a = 1/T. */
  method: 'platt' | 'temperature' | 'none';
  a: number;
  b: number;
}

export interface SplitMetrics {
  n: number;
  accuracy: number;
  balancedAccuracy: number;
  sensitivity: number;
  specificity: number;
  auc: number;
  ece: number;
  threshold: number;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  /**
   * What the app showed for the split's images, per true class: its three levels come from the inconclusive band,
   * which contains the threshold, so they are not the yes/no figures above. Absent in older metadata.
   */
  levels?: ClassLevels;
  /** 95% intervals, where computed. */
  ci95?: Partial<
    Record<'accuracy' | 'balancedAccuracy' | 'sensitivity' | 'specificity' | 'auc', [number, number]>
  >;
}

export interface DomainGuardSpec {
  /** Feature-space statistics of the training images for an out-of-domain check. */
  featureMean: number[];
  /** Principal directions (rows) and their variances, for a Mahalanobis-style distance. */
  components: number[][];
  variances: number[];
  /** Residual variance per dimension outside the components. */
  residualVariance: number;
  /** Distance above which an image is flagged as not a skin close-up. */
  maxDistance: number;
  /** Scaling of a feature vector before the distance; 'l2' = unit length. Absent: used as is. */
  featureNorm?: 'l2';
}

/** One weight-storage variant the export stage wrote and measured on the valid split. */
export interface QuantisationVariant {
  dtype: 'float32' | 'float16' | 'uint8' | 'mixed';
  /** Total weight bytes over all shards. */
  bytes: number;
  /** ROC AUC of this variant's own logits on the valid split (the choice is made on valid, never test). */
  validAuc: number;
  shipped: boolean;
}

/** Where the model's results fell for images from a group, as shares of that group. */
export interface LevelShares {
  n: number;
  high: number;
  inconclusive: number;
  low: number;
}

/** Level shares of the images whose true class is dangerous, and of those that are not. */
export interface ClassLevels {
  dangerous: LevelShares;
  notDangerous: LevelShares;
}

/**
 * The shipped model on dermoscopy from other clinics, labelled melanoma vs benign (a different scheme from the
 * training labels). Measured after every choice was made; never used to choose anything.
 */
export interface OutOfDomainCheck {
  dataset: string;
  auc: number;
  aucCi95: [number, number];
  melanoma: LevelShares;
  benign: LevelShares;
}

export interface ModelMetadata {
  name: string;
  version: string;
  createdAt: string;
  labels: [ClassLabel, ClassLabel];
  input: ModelInputSpec;
  outputs: ModelOutputNames;
  calibration: Calibration;
  /** Calibrated probability at or above which the result is "have it checked". */
  threshold: number;
  /** Calibrated probabilities in [low, high) are reported as inconclusive. */
  inconclusiveBand: [number, number];
  guard?: DomainGuardSpec;
  metrics: { valid?: SplitMetrics; test?: SplitMetrics };
  /** Optional: absent when the pipeline ran without the ISIC folder, or in --quick mode. */
  outOfDomain?: OutOfDomainCheck;
  training: {
    description: string;
    dataHash: string;
    images: Record<string, number>;
    recipe: string;
  };
  baseModel: { name: string; source: string; licence: string; sha256: string };
  weights: { dtype: 'float32' | 'float16' | 'uint8' | 'mixed'; bytes: number };
  /** Every variant the export stage measured; optional, older metadata has none. */
  quantisation?: QuantisationVariant[];
}
