import {
  UNKNOWN_IMAGE,
  type AnalyseRequest,
  type AnalysisResult,
  type DecodedPhoto,
  type ModelReady,
  type Outcome,
} from './analysis-types';
import { backendOverride } from './backend-override';
import { loadPreferredBackend, savePreferredBackend } from './backend-preference';
import { decodeImage, type MakeContext } from './decode-image';
import { previewBitmap } from './preview-bitmap';
import { createSerialQueue } from './serial-queue';
import type { AnalysisWorkerApi } from './worker/analysis.worker';

/** The worker's API as the page sees it through comlink: every call is asynchronous. */
export type WorkerPort = {
  [K in keyof AnalysisWorkerApi]: (
    ...args: Parameters<AnalysisWorkerApi[K]>
  ) => Promise<Awaited<ReturnType<AnalysisWorkerApi[K]>>>;
};

export interface AnalysisClient {
  init(): Promise<Outcome<ModelReady>>;
  decode(blob: Blob, signal?: AbortSignal): Promise<Outcome<DecodedPhoto>>;
  analyse(request: AnalyseRequest, signal?: AbortSignal): Promise<Outcome<AnalysisResult>>;
  memory(): Promise<number>;
  loseWebglContext(): Promise<boolean>;
}

export interface ClientOptions {
  modelBaseUrl: string;
  /** Page-side canvas, for photos the worker cannot open (see decode). */
  pageContext?: MakeContext;
}

/** Page-side bridge: one worker, calls queued in order, each cancellable by an AbortSignal. */
export function createAnalysisClient(port: WorkerPort, options: ClientOptions): AnalysisClient {
  const run = createSerialQueue();
  let ready: Promise<Outcome<ModelReady>> | null = null;

  const init = () => {
    ready ??= port
      .init(options.modelBaseUrl, backendOverride() ?? loadPreferredBackend())
      .catch((error: unknown): Outcome<ModelReady> => ({
        ok: false,
        problem: 'model-unavailable',
        detail: String(error),
      }))
      .then((outcome) => {
        // A backend forced by ?backend= is not remembered.
        if (outcome.ok) {
          if (!backendOverride()) savePreferredBackend(outcome.value.backend);
        } else ready = null; // Let a later call try again (e.g. after the connection comes back).
        return outcome;
      });
    return ready;
  };

  return {
    init,

    async decode(blob, signal) {
      const outcome = await run(() => port.decode(blob), signal);
      // The page tries again what the worker could not open: a worker lacks OffscreenCanvas on older Safari,
      // and always lacks the <img> that tells a JPEG missing only its end marker from a cut-off one.
      if (!outcome.ok && outcome.problem === 'decode-failed' && options.pageContext) {
        const page = await decodeImage(blob, options.pageContext);
        if (!page.ok) return page;
        return { ok: true, value: { id: null, image: page.value, preview: await previewBitmap(page.value) } };
      }
      return outcome;
    },

    async analyse(request, signal) {
      const model = await init();
      if (!model.ok) return model;
      const { image, crop, imageId } = request;
      const outcome = await run(async () => {
        // Only the crop crosses to the worker when it still holds the image; otherwise the pixels do.
        if (imageId == null) return port.analyse({ image, crop });
        const byId = await port.analyse({ imageId, crop });
        return !byId.ok && byId.detail === UNKNOWN_IMAGE ? port.analyse({ image, crop }) : byId;
      }, signal);
      // The worker moves on to the next backend when one fails mid-use; remember where it landed.
      if (outcome.ok && outcome.value.backend !== model.value.backend)
        savePreferredBackend(outcome.value.backend);
      return outcome;
    },

    memory: () => port.memory(),
    loseWebglContext: () => port.loseWebglContext(),
  };
}
