import { useCallback, useRef, useState } from 'react';
import { describeProblem } from '../features/analysis/image-problem';
import { riskLevel } from '../features/analysis/risk-level';
import { previewBitmap } from '../features/analysis/preview-bitmap';
import { isAbortError } from '../features/analysis/serial-queue';
import { initialCrop } from '../features/capture/frame-geometry';
import type { ModelReady } from '../features/analysis/analysis-types';
import type { RgbaImage, SquareCrop } from '../shared/preprocess/rgba-image';
import type { AnalysedCheck } from './analysed-check';
import { analysisClient } from './analysis-service';
import type { ScreenName } from './screens';

export interface Photo {
  image: RgbaImage;
  /** The photo scaled down for the screen. */
  preview: ImageBitmap;
  /** Set when the worker decoded the photo and still holds its pixels. */
  imageId: number | null;
  crop: SquareCrop;
  /** Where framing started (the centre square, or the camera's circle): what "Reset" returns to. */
  startCrop: SquareCrop;
}

/**
 * The photo → frame → result flow. Each new photo or analysis aborts the previous one, so a slow decode or
 * inference of an older photo can never overwrite a newer one. `onModelReady` hears of the model an analysis
 * loaded (it may be the first successful load, after a failed one at start-up).
 */
export function usePhotoFlow(
  navigate: (screen: ScreenName) => void,
  onModelReady: (model: ModelReady) => void,
) {
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [check, setCheck] = useState<AnalysedCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<AbortController | null>(null);

  const start = () => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setError(null);
    setBusy(true);
    return controller.signal;
  };

  const settle = (signal: AbortSignal, problem: unknown) => {
    if (isAbortError(problem) || signal.aborted) return;
    setError(describeProblem('analysis-failed'));
  };

  const openFile = useCallback(
    async (file: Blob) => {
      const signal = start();
      try {
        const outcome = await analysisClient.decode(file, signal);
        if (signal.aborted) return;
        if (!outcome.ok) {
          setError(describeProblem(outcome.problem));
          return;
        }
        const { id, image, preview } = outcome.value;
        const initial = initialCrop(image);
        setPhoto({ image, preview, imageId: id, crop: initial, startCrop: initial });
        navigate('frame');
      } catch (problem) {
        settle(signal, problem);
      } finally {
        if (!signal.aborted) setBusy(false);
      }
    },
    [navigate],
  );

  const openCapture = useCallback(
    async (image: RgbaImage, crop: SquareCrop) => {
      const signal = start();
      try {
        const preview = await previewBitmap(image);
        if (signal.aborted) return;
        setPhoto({ image, preview, imageId: null, crop, startCrop: crop });
        navigate('frame');
      } catch (problem) {
        settle(signal, problem);
      } finally {
        if (!signal.aborted) setBusy(false);
      }
    },
    [navigate],
  );

  const setCrop = useCallback((crop: SquareCrop) => {
    setPhoto((previous) => (previous ? { ...previous, crop } : previous));
  }, []);

  const analyse = useCallback(async () => {
    if (!photo) return;
    const signal = start();
    try {
      const ready = await analysisClient.init();
      const outcome = await analysisClient.analyse(
        { image: photo.image, crop: photo.crop, imageId: photo.imageId },
        signal,
      );
      if (signal.aborted) return;
      if (!ready.ok || !outcome.ok) {
        setError(describeProblem(outcome.ok ? 'model-unavailable' : outcome.problem));
        return;
      }
      onModelReady(ready.value);
      const { metadata } = ready.value;
      setCheck({
        image: photo.image,
        preview: photo.preview,
        crop: photo.crop,
        result: outcome.value,
        level: riskLevel(outcome.value.probability, metadata, outcome.value.guard),
        modelVersion: metadata.version,
        inconclusiveBand: metadata.inconclusiveBand,
        checkedAt: new Date(),
      });
      navigate('result');
    } catch (problem) {
      settle(signal, problem);
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  }, [photo, navigate, onModelReady]);

  /** Leaving the flow (back to home, or to the camera) drops whatever is still running. */
  const cancel = useCallback(() => {
    if (!current.current) return;
    current.current.abort();
    current.current = null;
    setBusy(false);
  }, []);

  const clearError = useCallback(() => setError(null), []);

  return {
    photo,
    check,
    error,
    busy,
    openFile,
    openCapture,
    setCrop,
    analyse,
    cancel,
    clearError,
  };
}
