import type { GuardProblem } from '../../shared/guard/guard-problem';
import type { ModelMetadata } from '../../shared/model/model-metadata';
import type { RgbaImage, SquareCrop } from '../../shared/preprocess/rgba-image';
import type { ImageProblem } from './image-problem';

/** The tfjs backends the worker may use, fastest first. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface ModelReady {
  metadata: ModelMetadata;
  backend: BackendName;
  /** Load + warm-up time in milliseconds. */
  loadMs: number;
}

/** A decoded photo: full pixels for analysis and saving, a small bitmap for the screen. */
export interface DecodedPhoto {
  /** The worker keeps the pixels it decoded under this id, so analysing them sends no pixels back. */
  id: number | null;
  image: RgbaImage;
  preview: ImageBitmap;
}

export interface AnalyseRequest {
  image: RgbaImage;
  crop: SquareCrop;
  /** DecodedPhoto.id when the worker decoded the image; then only the crop crosses to the worker. */
  imageId?: number | null;
}

/** What crosses to the worker: the id of an image it still holds, or else the pixels. */
export interface AnalyseMessage {
  crop: SquareCrop;
  imageId?: number;
  image?: RgbaImage;
}

/** The worker's answer when it no longer holds the image an id names (only the last few are kept). */
export const UNKNOWN_IMAGE = 'unknown-image';

/** What the quality/domain guard concluded about the analysed crop. */
export interface GuardOutcome {
  verdict: 'accept' | 'reject';
  /** What is wrong, main problem first. Empty when accepted. */
  problems: GuardProblem[];
  /** Plain-language advice on how to retake, one per problem, same order. */
  reasons: string[];
  /** Distance from the training images in feature space (about 1 in-domain), when the model ships the stats. */
  domainDistance?: number;
}

export interface AnalysisResult {
  logit: number;
  /** Calibrated probability of "dangerous", 0..1. */
  probability: number;
  features: Float32Array;
  guard: GuardOutcome;
  backend: BackendName;
  /** Preprocess + inference time in milliseconds. */
  ms: number;
}

/** Errors cross the worker boundary as values the UI can put into words, never as stack traces. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ImageProblem; detail?: string };
