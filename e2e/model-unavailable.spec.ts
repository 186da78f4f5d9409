import type { Locator, Page } from '@playwright/test';
import { photos } from './support/paths';
import { expect, test } from './support/test';

/** First visit with the model files unreachable (a dropped connection); returns the model status once it failed. */
async function openWithoutModel(page: Page): Promise<Locator> {
  await page.route('**/model/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const status = page.getByTestId('model-status');
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
  return status;
}

// The app says so in plain words, shows no verdict, and works once the files can be fetched again.
test('an unreachable model gives a plain message, and a reload with a connection recovers', async ({
  app,
  page,
}) => {
  const status = await openWithoutModel(page);
  await expect(status).toContainText(/connection|reload/i);
  await expect(page.getByTestId('risk-level')).toHaveCount(0);

  await page.unroute('**/model/**');
  await page.reload();
  await app.waitForModel();
});

// The connection comes back without a reload: the next analysis loads the model itself, and the result screen
// and the status must follow it (a blank result screen under "could not load" was the bug).
test('an analysis after the connection returns loads the model and shows the result without a reload', async ({
  app,
  page,
}) => {
  const status = await openWithoutModel(page);
  await page.unroute('**/model/**');
  const verdict = await app.analyseFile(photos.mole);
  expect(['low', 'inconclusive', 'high']).toContain(verdict.risk);
  await expect(status).toHaveAttribute('data-state', 'ready');
});
