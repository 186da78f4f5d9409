/**
 * True when this page is controlled by a service worker and the model is in its cache, i.e. a reload with the
 * network off would still work. Covers later visits, where the "offline ready" event does not fire again.
 */
export async function isCachedForOffline(modelJsonUrl: string): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in globalThis)) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration?.active) return false;
  const cached = await caches.match(modelJsonUrl, { ignoreSearch: true });
  return cached !== undefined;
}
