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

export type WorkerRequest = WorkerInit | StepRequest | PredictRequest;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'step'; loss: number; logits: number[]; ms: number }
  | { type: 'predict'; logits: number[] }
  | { type: 'error'; message: string };
