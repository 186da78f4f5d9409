import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
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

export function useServiceWorker(modelJsonUrl: string): ServiceWorkerState {
  const {
    offlineReady: [installedNow],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  const [cachedEarlier, setCachedEarlier] = useState(false);

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
    reload: () => void updateServiceWorker(true),
    dismissUpdate: () => setNeedRefresh(false),
  };
}
