import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { photos } from './support/paths';
import { privateDeployment } from './support/private-deployment';
import { expect, test } from './support/test';

// A new deployment never swaps under a person's feet: the new service worker waits, the app says "Update
// available — reload", and only that click switches versions. The deployment is a private copy of dist/ on
// its own port (its own origin, so its own service worker), changed on disk mid-visit: Playwright's routing
// does not see the browser's service-worker update check.
const deployment = privateDeployment('naevus-deploy-');

// Appended to sw.js to make "the next deployment": answers a question the deployed worker ignores.
const newVersionMarker = `
self.addEventListener('message', (event) => {
  if (event.data === 'e2e-version?') event.ports[0]?.postMessage('next');
});`;

/** 'next' when the page is controlled by the redeployed worker, 'current' otherwise. */
async function controllingVersion(page: Page): Promise<'next' | 'current'> {
  return page.evaluate(
    () =>
      new Promise<'next' | 'current'>((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) throw new Error('no service worker controls the page');
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve('next');
        controller.postMessage('e2e-version?', [channel.port2]);
        setTimeout(() => resolve('current'), 2_000);
      }),
  );
}

test('a new version waits for the person to choose "reload"', async ({ app, page }) => {
  const { dir, server } = deployment();
  await app.openAsReturningVisitor(server.url);
  expect(await controllingVersion(page)).toBe('current');

  // Mid-use: a result is on screen when the new version is deployed.
  await app.analyseFile(photos.mole);
  appendFileSync(path.join(dir, 'sw.js'), newVersionMarker);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const reload = page.getByTestId('update-reload');
  await expect(page.getByText(/update available/i)).toBeVisible({ timeout: 60_000 });
  // Nothing swapped yet: same worker, same result on screen.
  expect(await controllingVersion(page)).toBe('current');
  await expect(page.getByTestId('risk-level')).toBeVisible();
  // It needs an answer, so unlike "Ready to work offline" it does not go away by itself.
  await page.waitForTimeout(8_000);
  await expect(page.getByText(/update available/i)).toBeVisible();

  await reload.click();
  await app.waitForModel();
  await expect.poll(() => controllingVersion(page), { timeout: 30_000 }).toBe('next');
});
