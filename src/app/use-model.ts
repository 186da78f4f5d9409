import { useEffect, useState } from 'react';
import type { ModelReady } from '../features/analysis/analysis-types';
import type { ModelState } from '../features/analysis/model-status';
import { analysisClient } from './analysis-service';

/** Starts loading the model as soon as the app opens, so it is warm by the time a photo is framed. */
export function useModel(): { state: ModelState; model: ModelReady | null; detail?: string } {
  const [status, setStatus] = useState<{ state: ModelState; model: ModelReady | null; detail?: string }>({
    state: 'loading',
    model: null,
  });
  useEffect(() => {
    let live = true;
    void analysisClient.init().then((outcome) => {
      if (!live) return;
      if (outcome.ok) setStatus({ state: 'ready', model: outcome.value });
      else setStatus({ state: 'error', model: null, detail: outcome.detail ?? '' });
    });
    return () => {
      live = false;
    };
  }, []);
  return status;
}
