import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { isCachedForOffline } from './is-cached-offline';

export interface ServiceWorkerState {
  /** App shell and model are cached: the app works with the network off. */
  offlineReady: boolean;
  /** True only in the visit where caching just finished, to announce it once. */
  justBecameReady: boolean;
  needRefresh: boolean;
  reload: () => void;
  dismissUpdate: () => void;
}

/**
 * Registers the service worker once `start` is true. The app passes "the model has loaded (or failed)": the
 * precache downloads the model files again (Workbox bypasses the HTTP cache for revisioned files), and on a
 * first visit over a slow connection that second download must not compete with the one the user waits for.
 */
export function useServiceWorker(modelJsonUrl: string, start: boolean): ServiceWorkerState {
  const [installedNow, setInstalledNow] = useState(false);
  const [needRefresh, setNeedRefresh] = useState(false);
  const [cachedEarlier, setCachedEarlier] = useState(false);
  const update = useRef<((reload?: boolean) => Promise<void>) | null>(null);

  useEffect(() => {
    if (!start || update.current || !('serviceWorker' in navigator)) return;
    update.current = registerSW({
      immediate: true,
      onOfflineReady: () => setInstalledNow(true),
      onNeedRefresh: () => setNeedRefresh(true),
    });
  }, [start]);

  useEffect(() => {
    let live = true;
    void isCachedForOffline(modelJsonUrl)
      .then((cached) => live && setCachedEarlier(cached))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [modelJsonUrl]);

  return {
    offlineReady: installedNow || cachedEarlier,
    justBecameReady: installedNow && !cachedEarlier,
    needRefresh,
    reload: () => void update.current?.(true),
    dismissUpdate: () => setNeedRefresh(false),
  };
}
