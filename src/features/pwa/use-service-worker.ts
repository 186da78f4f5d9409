import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { isCachedForOffline } from './is-cached-offline';

export interface ServiceWorkerState {
  /** App shell and model are cached: the app works with the network off. */
  offlineReady: boolean;
  /** True only in the visit where caching just finished, to announce it once. */
  justBecameReady: boolean;
  needRefresh: boolean;
  /** The user chose "Reload": the page is about to reload into the new version. */
  updating: boolean;
  reload: () => void;
  dismissUpdate: () => void;
}

/** A service worker already controls this page: a repeat visit, everything is cached. */
const repeatVisit = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);

/**
 * Registers the service worker. On a first visit it waits until `modelSettled` (the model has loaded, or
 * failed): installing the precache means dozens of requests, and over a slow connection they must not
 * compete with the model download the user is waiting for. On a repeat visit it registers at once, so an
 * update is found (and offered) as early as possible.
 */
export function useServiceWorker(modelJsonUrl: string, modelSettled: boolean): ServiceWorkerState {
  const start = repeatVisit || modelSettled;
  const [installedNow, setInstalledNow] = useState(false);
  const [needRefresh, setNeedRefresh] = useState(false);
  const [cachedEarlier, setCachedEarlier] = useState(false);
  const [updating, setUpdating] = useState(false);
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
    needRefresh: needRefresh && !updating,
    updating,
    reload: () => {
      setUpdating(true);
      void update.current?.(true);
    },
    dismissUpdate: () => setNeedRefresh(false),
  };
}
