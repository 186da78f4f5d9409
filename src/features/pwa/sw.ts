/// <reference lib="webworker" />
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare let self: ServiceWorkerGlobalScope;

// Workbox fetches revisioned files (the model, index.html) with cache mode 'reload', downloading them again
// even when the page has just fetched them. 'no-cache' is as fresh — the server must confirm the copy — but an
// unchanged file costs a 304 instead of megabytes, which matters on a first visit over a phone connection.
addPlugins([{ requestWillFetch: async ({ request }) => new Request(request, { cache: 'no-cache' }) }]);

// The app shell, wasm binaries and every model file (see globPatterns in vite.config.ts): after one visit the
// app needs no network at all.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app address opens the cached page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// A new version waits until the user chooses "Reload" — never a silent swap in the middle of a check.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
