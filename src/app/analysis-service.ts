import { createAnalysisClient } from '../features/analysis/analysis-client';
import { createAnalysisWorker } from '../features/analysis/create-analysis-worker';

/** Where the committed model lives, relative to the app's base URL (works under a sub-path too). */
export const MODEL_BASE_URL = new URL(`${import.meta.env.BASE_URL}model/`, location.origin).href;

const pageContext = (width: number, height: number) => {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
};

/** One worker and one loaded model for the page's life. */
export const analysisClient = createAnalysisClient(createAnalysisWorker(), {
  modelBaseUrl: MODEL_BASE_URL,
  pageContext,
});

declare global {
  interface Window {
    /**
     * Hooks for the end-to-end tests: live tensors in the worker (leak test) and a simulated GPU reset
     * (backend fallback test). They reveal nothing about any photo.
     */
    __naevus?: { memory(): Promise<number>; loseWebglContext(): Promise<boolean> };
  }
}
window.__naevus = {
  memory: () => analysisClient.memory(),
  loseWebglContext: () => analysisClient.loseWebglContext(),
};
