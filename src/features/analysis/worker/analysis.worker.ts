import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { calibratedProbability } from '../../../shared/model/calibrate';
import { assessQuality } from '../../../shared/guard/assess-quality';
import { cropResizeRgb } from '../../../shared/preprocess/crop-resize';
import { normalise } from '../../../shared/preprocess/normalise';
import type { RgbaImage } from '../../../shared/preprocess/rgba-image';
import {
  UNKNOWN_IMAGE,
  type AnalyseMessage,
  type AnalysisResult,
  type BackendName,
  type DecodedPhoto,
  type ModelReady,
  type Outcome,
} from '../analysis-types';
import { decodeImage } from '../decode-image';
import { previewBitmap } from '../preview-bitmap';
import { DecodedImages } from './decoded-images';
import { runGuard } from '../run-guard';
import { ModelSession } from './model-session';
import { runModel } from './run-model';
import { loseWebglContext } from './select-backend';

let session: ModelSession | null = null;
const decoded = new DecodedImages();

function opened(): ModelSession {
  if (!session) throw new Error('init() must be called first.');
  return session;
}

/** Runs the model, moving to the next backend once if the current one fails mid-use (e.g. WebGL context lost). */
async function runOnWorkingBackend(input: Float32Array) {
  try {
    const { model, metadata, backend } = await opened().open();
    return { ...(await runModel(model, metadata, input)), backend };
  } catch {
    opened().markFailed();
    const { model, metadata, backend } = await opened().open();
    return { ...(await runModel(model, metadata, input)), backend };
  }
}

async function analyseOnce(image: RgbaImage, crop: AnalyseMessage['crop']): Promise<AnalysisResult> {
  const started = performance.now();
  const { metadata } = await opened().open();
  // toModelInput in two steps, so the guard sees the 0..255 square the model sees before normalise (in place).
  const rgb = cropResizeRgb(image, crop, metadata.input.size);
  const quality = assessQuality(rgb, metadata.input.size);
  const input = normalise(rgb, metadata.input);
  const { logit, features, backend } = await runOnWorkingBackend(input);
  return {
    logit,
    probability: calibratedProbability(logit, metadata.calibration),
    features,
    guard: runGuard(quality, features, metadata),
    backend,
    ms: performance.now() - started,
  };
}

const api = {
  /** Loads metadata and model once, picks and warms up a backend. Safe to call again. */
  async init(modelBaseUrl: string, preferred?: BackendName): Promise<Outcome<ModelReady>> {
    const started = performance.now();
    try {
      session ??= new ModelSession(modelBaseUrl, preferred);
      const { metadata, backend } = await session.open();
      return { ok: true, value: { metadata, backend, loadMs: performance.now() - started } };
    } catch (error) {
      return { ok: false, problem: 'model-unavailable', detail: String(error) };
    }
  },

  /**
   * File → upright RGBA pixels and a screen-sized preview. The worker keeps the pixels (under the returned id)
   * and transfers a copy and the preview, so neither decoding nor analysing copies megapixels on the page.
   */
  async decode(blob: Blob): Promise<Outcome<DecodedPhoto>> {
    if (typeof OffscreenCanvas === 'undefined') {
      return { ok: false, problem: 'decode-failed', detail: 'no-offscreen-canvas' };
    }
    const outcome = await decodeImage(blob);
    if (!outcome.ok) return outcome;
    const image = outcome.value;
    const copy = { ...image, data: new Uint8ClampedArray(image.data) };
    const preview = await previewBitmap(image);
    const value: DecodedPhoto = { id: decoded.add(image), image: copy, preview };
    return Comlink.transfer({ ok: true, value }, [copy.data.buffer, preview]);
  },

  async analyse(message: AnalyseMessage): Promise<Outcome<AnalysisResult>> {
    const image = message.image ?? (message.imageId !== undefined ? decoded.get(message.imageId) : undefined);
    if (!image) return { ok: false, problem: 'analysis-failed', detail: UNKNOWN_IMAGE };
    try {
      const result = await analyseOnce(image, message.crop);
      return Comlink.transfer({ ok: true, value: result }, [result.features.buffer as ArrayBuffer]);
    } catch (error) {
      return { ok: false, problem: 'analysis-failed', detail: String(error) };
    }
  },

  /** Test hook: simulate a GPU reset; the next analysis must move to the next backend and still answer. */
  loseWebglContext(): boolean {
    return loseWebglContext();
  },

  /** Live tensor count, for the leak test: it must not grow with the number of analyses. */
  memory(): number {
    return tf.memory().numTensors;
  },
};

export type AnalysisWorkerApi = typeof api;

Comlink.expose(api);
