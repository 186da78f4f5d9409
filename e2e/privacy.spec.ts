import type { Request } from '@playwright/test';
import { photos } from './support/paths';
import { expect, test } from './support/test';

// The photo never leaves the device: during a whole visit (load, model, analysis) every request the page,
// its workers and its service worker make goes to the app's own origin.
test('no request leaves the origin during a whole analysis', async ({ app, context, page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const seen: { method: string; url: string; fromServiceWorker: boolean }[] = [];
  const record = (request: Request) =>
    seen.push({ method: request.method(), url: request.url(), fromServiceWorker: !!request.serviceWorker() });
  // Context-level events include service-worker requests; page-level ones cover page and dedicated workers.
  context.on('request', record);
  page.on('request', record);
  page.on('websocket', (socket) =>
    seen.push({ method: 'WEBSOCKET', url: socket.url(), fromServiceWorker: false }),
  );

  await app.open();
  await app.analyseFile(photos.mole);
  // The service worker's precache downloads are part of the visit too: wait until they are done.
  await app.waitForOfflineReady();
  await page.waitForLoadState('networkidle');

  const urls = [...new Set(seen.map((r) => r.url))];
  // The model is fetched by the analysis worker: seeing it proves worker traffic is recorded too.
  expect(
    urls.some((url) => url.includes('/model/')),
    'model requests were not recorded',
  ).toBe(true);
  expect(
    seen.some((r) => r.fromServiceWorker),
    'service-worker requests were not recorded',
  ).toBe(true);
  const foreign = urls.filter((url) => {
    const { protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return new URL(url).origin !== origin;
  });
  expect(foreign).toEqual([]);
  // Static files only: nothing is sent, not even to the app's own origin.
  expect(seen.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual([]);
});

test('the page forbids remote scripts and connections (Content-Security-Policy)', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toBeTruthy();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  const sources = (name: string): string[] => directives.get(name) ?? directives.get('default-src') ?? [];
  for (const name of ['script-src', 'connect-src']) {
    expect(sources(name), name).toContain("'self'");
    expect(
      sources(name).filter((s) => /^(https?:|\*|wss?:)/.test(s)),
      name,
    ).toEqual([]);
  }
});
