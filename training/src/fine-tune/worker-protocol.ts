import type { ModelInputSpec } from '../../../src/shared/model/model-metadata';
import type { AugmentParams } from './augment';
import type { ParamLayout } from './param-layout';

/** A decoded image whose RGBA bytes live in a SharedArrayBuffer: decoded once, read by every worker. */
export interface SharedImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface WorkerInit {
  type: 'init';
  tflitePath: string;
  /** Freeze the 112×112 layers (run them outside the gradient tape). */
  freezeHighRes: boolean;
  layout: ParamLayout;
  params: Float32Array;
  grads: Float32Array;
  images: SharedImage[];
  input: ModelInputSpec;
  dropout: number;
  /** Batch norm after each trainable convolution (fine-tune --batch-norm); the layout then has stats entries. */
  batchNorm: boolean;
}

export interface TrainItem {
  image: number;
  /** 0 or 1, or between them when training towards soft (teacher-mixed) targets. */
  target: number;
  weight: number;
  augment: AugmentParams;
}

export interface StepRequest {
  type: 'step';
  items: TrainItem[];
  dropoutSeed: number;
}

export interface PredictRequest {
  type: 'predict';
  images: number[];
  batch: number;
}

/**
 * Batch-norm inputs' moments over these images (unaugmented, inference mode), written to the worker's gradient
 * buffer at the layout's mean/var offsets. A step writes its batch's moments there too.
 */
export interface MomentsRequest {
  type: 'moments';
  images: number[];
  batch: number;
}

export type WorkerRequest = WorkerInit | StepRequest | PredictRequest | MomentsRequest;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'step'; loss: number; logits: number[]; ms: number }
  | { type: 'predict'; logits: number[] }
  | { type: 'moments'; images: number }
  | { type: 'error'; message: string };
