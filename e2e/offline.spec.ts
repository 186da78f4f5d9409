import { photos } from './support/paths';
import { expect, test } from './support/test';

// After one visit the service worker holds the app shell and every model file: with the network off the app
// reloads, loads its model and analyses a photo.
test('works offline after the first visit', async ({ app, context, page }) => {
  await app.open();
  await app.waitForOfflineReady();

  await context.setOffline(true);
  await page.reload();
  await app.waitForModel();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const verdict = await app.analyseFile(photos.mole);
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
});
