import { useCallback, useEffect, useState } from 'react';
import type { ModelReady } from '../features/analysis/analysis-types';
import type { ModelState } from '../features/analysis/model-status';
import { analysisClient } from './analysis-service';

interface ModelStatus {
  state: ModelState;
  model: ModelReady | null;
  detail?: string;
}

/**
 * Starts loading the model as soon as the app opens, so it is warm by the time a photo is framed. If that first
 * load fails (no connection), a later analysis retries it; `adopt` takes the model that retry loaded, so the
 * status and the result screen follow without a reload.
 */
export function useModel(): ModelStatus & { adopt: (model: ModelReady) => void } {
  const [status, setStatus] = useState<ModelStatus>({ state: 'loading', model: null });
  useEffect(() => {
    let live = true;
    void analysisClient.init().then((outcome) => {
      if (!live) return;
      if (outcome.ok) setStatus({ state: 'ready', model: outcome.value });
      // A retry may have succeeded meanwhile: an older failure never replaces a loaded model.
      else setStatus((s) => (s.model ? s : { state: 'error', model: null, detail: outcome.detail ?? '' }));
    });
    return () => {
      live = false;
    };
  }, []);
  const adopt = useCallback((model: ModelReady) => {
    setStatus((s) => (s.model === model ? s : { state: 'ready', model }));
  }, []);
  return { ...status, adopt };
}
