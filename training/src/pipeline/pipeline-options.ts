import type { LabelConfig } from '../dataset/label-config';

/**
 * quick:    frozen base-network features (cached) + a logistic head, L2 chosen on valid AUC.
 * full:     the fine-tune stage (child process, resumable), then export of its best epoch.
 * from-run: export the best epoch of an already finished (or running) fine-tune run.
 */
export type PipelineMode = 'quick' | 'full' | 'from-run';

export interface PipelineOptions {
  mode: PipelineMode;
  /** Folder of class folders. */
  data: string;
  /** Where model.json, shards and metadata.json go (e.g. public/model). */
  out: string;
  /** The base network .tflite. */
  base: string;
  /** Reports, quantisation variants and (full mode) the fine-tune run go to <runsDir>/<run>/. */
  runsDir: string;
  run: string;
  /** from-run: the fine-tune run folder name under runsDir. */
  fromRun?: string;
  /** full: continue the fine-tune run from its last checkpoint. */
  resume?: boolean;
  /** full: extra arguments passed through to the fine-tune stage. */
  fineTuneArgs?: string[];
  /** Embedding and logit cache. */
  cacheDir: string;
  labels?: LabelConfig;
  /** quick: also try the brightness-augmented copy of the train features (kept only if valid AUC is higher). */
  augment?: boolean;
  l2Grid?: number[];
  headEpochs?: number;
  /**
   * Read-only shared data root; the ISIC fit half under <shared>/datasets/isic2017-train joins the guard's fit.
   * Absent (or no ISIC there): the guard is fitted on the train split alone.
   */
  shared?: string;
  /** Guard principal components (default 16; fewer on tiny data). */
  guardComponents?: number;
  now?: () => Date;
}
